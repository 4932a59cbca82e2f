// static/src/c/qa.js
