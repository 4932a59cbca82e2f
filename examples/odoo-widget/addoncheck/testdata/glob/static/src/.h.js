// static/src/.h.js
