//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
)

// main runs the demo in #app. The page's ?lang= (a BCP 47 tag or an Odoo
// code) picks the language it starts in, as a host would; without it the
// browser's languages do. Errors of the app go to the console and to
// window.demoErrors, which the browser tests read.
func main() {
	win := js.Global()
	errs := win.Get("Array").New()
	win.Set("demoErrors", errs)
	lang := win.Get("URLSearchParams").New(win.Get("location").Get("search")).Call("get", "lang")
	opts := []locale.Option{Messages()}
	if lang.Type() == js.TypeString {
		opts = append(opts, locale.Initial(lang.String()))
	}
	_, err := cycle.Run(Main, cycle.Drivers{
		"DOM":    dom.DOMDriver("#app"),
		"Locale": locale.Driver(opts...),
	}, cycle.WithName("demo"), cycle.WithErrors(func(err error) {
		errs.Call("push", err.Error())
		win.Get("console").Call("error", err.Error())
	}))
	if err != nil {
		win.Get("console").Call("error", err.Error())
		win.Get("document").Call("getElementById", "app").Set("textContent", "could not start the demo: "+err.Error())
		return
	}
	win.Set("demoReady", true)
	select {} // the app lives on JavaScript's event loop
}
