// static/src/.dot/d.js
