// static/src/[x].js
