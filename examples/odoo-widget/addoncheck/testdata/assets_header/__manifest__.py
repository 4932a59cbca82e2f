{
    "name": "assets_header",
    "license": "LGPL-3",
    "assets": {
        "web.assets_backend": ["assets_header/static/src/**/*"],
    },
}
