{"name": "js_strings", "license": "LGPL-3"}
