# -*- coding: utf-8 -*-
{
    "name": "good",
    'summary': "A fixture " 'every check accepts',  # implicit concatenation
    "description": """
Triple-quoted, as Odoo's manifests often are.
""",
    "version": "17.0.1.0.0",
    "license": "LGPL-3",
    "depends": ["web"],
    "data": [
        "security/ir.model.access.csv",
        "views/views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "good/static/src/**/*",
            ("remove", "good/static/src/legacy/*.js"),
            ("include", "good._helpers"),
            ("after", "web/static/src/core/registry.js", "good/static/lib/first.js"),
            "web/static/lib/owl.js",
            "https://example.com/cdn.js",
        ],
        "good._helpers": [
            ("prepend", "good/static/helpers/helper.js"),
        ],
    },
    "installable": True,
}
