//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/drivers/dom"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
)

// main runs the app in #app and publishes testReady, or testStartError,
// and testErrors for the test to read.
func main() {
	win := js.Global()
	errs := win.Get("Array").New()
	win.Set("testErrors", errs)
	_, err := cycle.Run(app, cycle.Drivers{"DOM": dom.DOMDriver("#app"), "HTTP": cyclehttp.Driver()},
		cycle.WithErrors(func(err error) { errs.Call("push", err.Error()) }))
	if err != nil {
		win.Set("testStartError", err.Error())
		return
	}
	win.Set("testReady", true)
	select {} // the app lives on the page's event loop
}
