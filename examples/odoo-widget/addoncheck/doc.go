// Package addoncheck checks, without an Odoo server, what can be checked of
// the Odoo 17 addon examples/odoo-widget/gocycle_widgets: its tests run the
// checks over the addon, and over small addons in testdata/ that each check
// must reject, with the exact error.
//
// The checks follow Odoo 17's own rules, read from its source
// (odoo/modules/module.py, odoo/addons/base/models/ir_module.py,
// ir_asset.py, assetsbundle.py, odoo/tools/js_transpiler.py and
// translate.py); nothing of Odoo is copied here:
//
//   - the manifest, __manifest__.py, is read as Odoo reads it, with
//     Python's ast.literal_eval (python3 must be on PATH);
//   - its license is one that ir.module.module's license field accepts;
//   - its data files exist;
//   - each path or glob of its assets resolves, as ir.asset resolves
//     them, to at least one file, and every .js file that lands in a
//     bundle starts with the @odoo-module comment that Odoo's transpiler
//     looks for (without it, the file's import and export statements are a
//     syntax error in the bundle);
//   - every .po and .pot file of i18n/ parses (drivers/locale's parser)
//     and every msgid of a .po is in the addon's .pot;
//   - every _t() in the JavaScript under static/src has a string literal
//     argument that is a msgid of the .pot, as Odoo's export would write;
//   - the views are well-formed XML, and every widget="gocycle_..." of a
//     field is registered by a JavaScript file of the bundles with
//     registry.category("fields").add.
//
// Environment: without python3 the tests that need the manifest are
// skipped, unless GOCYCLE_REQUIRE_PYTHON=1. Files that `make odoo-addon`
// writes (static/src/wasm_version.js) may be absent when the tests run
// before it: they are logged and skipped, unless
// GOCYCLE_REQUIRE_ADDON_BUILD=1, which makes that a failure.
package addoncheck
