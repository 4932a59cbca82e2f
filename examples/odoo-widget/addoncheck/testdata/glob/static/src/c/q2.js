// static/src/c/q2.js
