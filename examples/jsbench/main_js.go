//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/drivers/dom"
)

// main runs App in the page's #main, with gocycle.js loaded before it,
// and tells the page how it went: window.jsbenchReady once the app runs,
// window.jsbenchErrors the errors it reported.
func main() {
	win := js.Global()
	errs := win.Get("Array").New()
	win.Set("jsbenchErrors", errs)
	_, err := cycle.Run(App, cycle.Drivers{"DOM": dom.DOMDriver("#main")},
		cycle.WithName("jsbench"),
		cycle.WithErrors(func(err error) {
			errs.Call("push", err.Error())
			win.Get("console").Call("error", "jsbench: "+err.Error())
		}))
	if err != nil {
		errs.Call("push", err.Error())
		win.Get("console").Call("error", "jsbench: "+err.Error())
		return
	}
	win.Set("jsbenchReady", true)
	select {} // the app lives on the page's event loop
}
