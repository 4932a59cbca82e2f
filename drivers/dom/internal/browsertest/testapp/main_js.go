//go:build js && wasm

package main

import (
	"os"
	"strconv"
	"syscall/js"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/drivers/dom"
)

// main runs the scenario named by its argument in #app (or in the
// container named by its second argument) and publishes to the page what
// the tests read: testReady or testStartError, testErrors, testDispose
// and testStats.
func main() {
	win := js.Global()
	scenario, container := "", "#app"
	if len(os.Args) > 1 {
		scenario = os.Args[1]
	}
	if len(os.Args) > 2 {
		container = os.Args[2]
	}
	app, ok := apps[scenario]
	if !ok {
		win.Set("testStartError", "testapp: no scenario "+scenario)
		return
	}
	removedEls := win.Get("Array").New()
	win.Set("testRemoved", removedEls)
	removed = func(e dom.Element) {
		el := e.(*dom.JSElement).JSValue()
		removedEls.Call("push", e.TagName()+" connected="+strconv.FormatBool(el.Get("isConnected").Bool())+" children="+strconv.Itoa(el.Get("childElementCount").Int()))
	}
	errs := win.Get("Array").New()
	win.Set("testErrors", errs)
	dispose, err := cycle.Run(app, cycle.Drivers{"DOM": dom.DOMDriver(container)},
		cycle.WithName(scenario), cycle.WithErrors(func(err error) { errs.Call("push", err.Error()) }))
	if err != nil {
		win.Set("testStartError", err.Error())
		return
	}
	win.Set("testDispose", js.FuncOf(func(js.Value, []js.Value) any {
		dispose()
		return nil
	}))
	win.Set("testStats", js.FuncOf(func(js.Value, []js.Value) any {
		s := dom.ReadJSStats()
		return map[string]any{
			"frames": float64(s.Frames), "frameCalls": float64(s.FrameCalls),
			"events": float64(s.Events), "otherCalls": float64(s.OtherCalls),
		}
	}))
	win.Set("testReady", true)
	select {} // the app lives on the page's event loop
}
