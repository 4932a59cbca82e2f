{"name": "po_syntax", "license": "LGPL-3"}
