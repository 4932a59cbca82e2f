// static/src/x.js
