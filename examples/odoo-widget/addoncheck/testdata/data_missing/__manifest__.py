{
    "name": "data_missing",
    "license": "LGPL-3",
    "data": ["views/views.xml", "views/missing.xml", "views"],
    "demo": ("demo/people.xml",),
}
