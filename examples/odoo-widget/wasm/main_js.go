//go:build js && wasm

// Command wasm is widgets.wasm: the quantity slider, the plain slider and
// the language selector of package examples/odoo-widget/widgets, served to
// gocycle.js's GoCycle.load and GoCycle.mount. `make odoo-addon` builds it
// into the addon's static/wasm/.
//
// Built with -tags gocycle_testwidgets it also has the widgets that the
// browser tests use to check the runtime's fault isolation (testwidgets.go).
package main

import (
	"github.com/gocycle/gocycle/examples/odoo-widget/widgets"
	"github.com/gocycle/gocycle/web/widget"
)

func main() {
	widgets.RegisterAll()
	widget.Serve()
}
