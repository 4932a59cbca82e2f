{
    "name": "assets_generated",
    "license": "LGPL-3",
    "assets": {
        "web.assets_backend": [
            "assets_generated/static/src/**/*",
            "assets_generated/static/lib/gocycle.js",
        ],
    },
}
