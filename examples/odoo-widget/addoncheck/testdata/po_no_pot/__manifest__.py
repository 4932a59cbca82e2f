{"name": "po_no_pot", "license": "LGPL-3"}
