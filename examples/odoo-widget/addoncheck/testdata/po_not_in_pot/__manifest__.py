{"name": "po_not_in_pot", "license": "LGPL-3"}
