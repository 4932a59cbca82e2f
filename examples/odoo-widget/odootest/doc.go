// Package odootest runs the Odoo addon's own tests (gocycle_widgets/tests:
// HttpCase tours in the real web client) and installs the addon on an
// existing database, against a real Odoo 17 that the person running them
// provides: `make odoo-test` with ODOO_BIN pointing to its odoo-bin.
// Without ODOO_BIN every test skips and says so; CI has no Odoo, and
// checks what it can of the addon in examples/odoo-widget/addoncheck and
// the OWL harness.
//
// The environment:
//
//	ODOO_BIN          odoo-bin of an Odoo 17.0 (required)
//	ODOO_PYTHON       the Python that runs it, with Odoo's dependencies
//	                  (default python3)
//	ODOO_ADDONS_PATH  Odoo's own addons directories, comma-separated
//	                  (default: odoo/addons and addons beside ODOO_BIN)
//	ODOO_ARGS         more odoo-bin options, separated by spaces, each
//	                  as --name=value (the databases are dropped with the
//	                  --db_* ones): the database server, such as
//	                  "--db_host=127.0.0.1 --db_user=odoo --db_password=odoo"
//
// Odoo needs Chromium (or Chrome) on the PATH and Python's
// websocket-client (python3-websocket) for the tours; Odoo skips a tour
// without them, and TestAddonTests fails on any skipped test. Each run
// makes databases named gocycle_test_*, and drops them when it is done.
package odootest
