{
    "name": "assets_paths",
    "license": "LGPL-3",
    "assets": {
        "web.assets_backend": [
            "assets_paths/static/src/*.js",
            "assets_paths/static/src/missing.js",
            "assets_paths/static/src/notes.txt",
            "assets_paths/static/nothing/**/*",
            "assets_paths/../other/static/src/x.js",
            "assets_paths/__manifest__.py",
            ("remove", "assets_paths/static/lib/lib.js"),
            ("after", "assets_paths/static/lib/lib.js", "assets_paths/static/src/a.js"),
            ("replace", "assets_paths/static/src/a.js"),
            ("copy", "assets_paths/static/src/a.js"),
            ("include", "assets_paths.loop"),
            42,
        ],
        "assets_paths.loop": [("include", "web.assets_backend")],
    },
}
