// static/src/c/q-.js
