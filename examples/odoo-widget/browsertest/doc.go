// Package browsertest tests the widget runtime (web/widget with
// gocycle.js's GoCycle.load and GoCycle.mount) and the Odoo addon's OWL
// field component in headless Chromium.
//
// Its tests build examples/odoo-widget/wasm for GOOS=js GOARCH=wasm (with
// the tag gocycle_testwidgets, which adds a widget that panics on demand),
// serve the pages on 127.0.0.1 with httptest and drive the browser through
// the DevTools protocol (chromedp):
//
//   - runtime_test.go: fifty widgets on one page share one module; a
//     panic in one leaves the others working; 2,000 mount/destroy cycles
//     leave the JavaScript heap, the Go heap and the live js.Funcs flat;
//     JSON props with false, null, NaN, strings, unknown names and wrong
//     options; the gzip delivery (GoCycle.load(url, {gzip})): only the
//     .gz fetched, the plain file without DecompressionStream or when the
//     .gz fails, a .gz the browser already inflated.
//   - owl_test.go: the addon's unmodified field component
//     (gocycle_widgets/static/src) mounted by OWL 2 in a stand-in form
//     view, bundled with esbuild from the pinned npm packages in
//     harness/ (`make odoo-harness` installs them): values in the user's
//     units, writes in the canonical unit, the form's label naming the
//     input, the end of a move committing at once, an urgent save
//     (WILL_SAVE_URGENTLY) during a drag, a wrong option marking the
//     field invalid, the view descriptor. The stand-ins only prove what
//     they assume of Odoo: gocycle_widgets/tests runs the same in a real
//     Odoo 17 (make odoo-test).
//
// The tests need Chromium (or Chrome) on PATH or in GOCYCLE_CHROMIUM, and
// the OWL tests need harness/node_modules; without them they are skipped,
// unless GOCYCLE_REQUIRE_BROWSER=1, which makes that a failure.
package browsertest
