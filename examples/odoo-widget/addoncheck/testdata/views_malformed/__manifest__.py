{"name": "views_malformed", "license": "LGPL-3", "data": ["views/views.xml"]}
