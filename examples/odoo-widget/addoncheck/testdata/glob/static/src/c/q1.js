// static/src/c/q1.js
