// static/src/a/z.js
