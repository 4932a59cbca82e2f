# -*- coding: utf-8 -*-
{
    "name": "gocycle widgets",
    "summary": "Field widgets written in Go (gocycle, WebAssembly): a quantity slider shown in the user's units",
    "description": """
Field widgets that are gocycle apps compiled to WebAssembly. The
gocycle_quantity_slider widget shows a float or integer field stored in a
canonical unit (centimeters, kilograms) in the units the user's language
prefers, and writes it back in the canonical unit. A demo model, "gocycle
demo person", uses it on a height and a weight.
""",
    "version": "17.0.1.1.0",
    "category": "Hidden/Tools",
    # The gocycle code is MIT-licensed; Odoo's manifest takes only the
    # values of ir.module.module's license field, where MIT is an "Other
    # OSI approved licence" (any other value fails Update Apps List for
    # every module on the server).
    "license": "Other OSI approved licence",
    "author": "gocycle",
    "depends": ["web"],
    "data": [
        "security/gocycle_widgets_groups.xml",
        "security/ir.model.access.csv",
        "views/demo_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "gocycle_widgets/static/src/**/*",
        ],
        "web.assets_tests": [
            "gocycle_widgets/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
