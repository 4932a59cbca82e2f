{
    "name": "views_widget",
    "license": "LGPL-3",
    "data": ["views/views.xml"],
    "assets": {"web.assets_backend": ["views_widget/static/src/**/*"]},
}
