// static/src/a/b/w.js
