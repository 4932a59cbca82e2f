//go:build js && wasm

package widget

import (
	"errors"
	"fmt"
	"runtime"
	"syscall/js"

	"github.com/gocycle/gocycle/drivers/dom"
)

// live counts the js.Funcs the registry holds: the functions of Serve and
// the update and destroy of every mounted instance. Go under js/wasm runs
// on one thread, and they are only touched from JavaScript callbacks.
var live struct {
	funcs     int
	instances int
}

func funcOf(f func(this js.Value, args []js.Value) any) js.Func {
	live.funcs++
	return js.FuncOf(f)
}

func release(f js.Func) {
	live.funcs--
	f.Release()
}

// Serve hands the registry to gocycle.js and blocks forever: call it at the
// end of main, once every widget is registered. GoCycle.load resolves
// when it is called. It needs gocycle.js loaded before the module starts;
// without it Serve reports that on the console and returns.
func Serve() {
	rt := js.Global().Get("GoCycle")
	if rt.Type() != js.TypeObject || rt.Get("_serve").Type() != js.TypeFunction {
		js.Global().Get("console").Call("error", "gocycle: widget.Serve: GoCycle._serve is not defined: load gocycle.js (web/gocycle.js) before the wasm module and start it with GoCycle.load(url)")
		return
	}
	dispatch := rt.Get("_widgetEvent")
	api := js.Global().Get("Object").New()
	api.Set("mount", funcOf(func(_ js.Value, args []js.Value) any { return mountJS(dispatch, args) }))
	api.Set("stats", funcOf(func(_ js.Value, args []js.Value) any {
		return statsJS(len(args) > 0 && args[0].Truthy())
	}))
	names := js.Global().Get("Array").New()
	for _, n := range Names() {
		names.Call("push", n)
	}
	api.Set("names", names)
	rt.Call("_serve", api)
	select {}
}

// mountJS is api.mount(element, name, propsJSON, id): it starts the
// widget and returns {update, destroy}, or {error} if it could not start.
// id is the host's number for the instance, which every call of
// GoCycle._widgetEvent(id, kind, payload) carries: kind "change" (payload
// the value as JSON), "prop" (a *PropError, errors.As finds one: payload
// the JSON object of propPayload, whose message gocycle.js passes to
// onError with {prop, value, want, used} as a third argument), "error" or
// "fatal" (payload the message).
func mountJS(dispatch js.Value, args []js.Value) (ret any) {
	fail := func(err error) any {
		return map[string]any{"error": err.Error()}
	}
	defer func() {
		if r := recover(); r != nil {
			ret = fail(fmt.Errorf("widget: mount panicked: %v", r))
		}
	}()
	if len(args) < 4 {
		return fail(errors.New("widget: mount(element, name, propsJSON, id): missing arguments"))
	}
	el, name, id := args[0], args[1].String(), args[3].Int()
	send := func(kind, payload string) {
		defer func() { recover() }() // what the host's callback throws is the host's
		dispatch.Invoke(id, kind, payload)
	}
	props, perr := ParseProps(args[2].String())
	if perr != nil {
		props = Props{}
	}
	in, err := Mount(name, Config{
		DOM:   dom.DOMDriver(el),
		Props: props,
		OnChange: func(v any) {
			b, err := appendJSON(nil, v)
			if err != nil {
				send("error", "widget "+name+": the value "+fmt.Sprint(v)+" is not JSON: "+err.Error())
				return
			}
			send("change", string(b))
		},
		OnError: func(err error, fatal bool) {
			var pe *PropError
			switch {
			case fatal:
				send("fatal", err.Error())
			case errors.As(err, &pe):
				send("prop", propPayload(pe, err.Error()))
			default:
				send("error", err.Error())
			}
		},
	})
	if err != nil {
		return fail(err)
	}
	if perr != nil {
		send("error", perr.Error())
	}
	live.instances++
	var update, destroy js.Func
	update = funcOf(func(_ js.Value, a []js.Value) any {
		if len(a) == 0 {
			return nil
		}
		p, err := ParseProps(a[0].String())
		if err != nil {
			send("error", err.Error())
			return nil
		}
		in.Update(p)
		return nil
	})
	done := false
	destroy = funcOf(func(js.Value, []js.Value) any {
		if done {
			return nil
		}
		done = true
		live.instances--
		release(update)
		release(destroy)
		in.Destroy()
		return nil
	})
	h := js.Global().Get("Object").New()
	h.Set("update", update)
	h.Set("destroy", destroy)
	return h
}

// statsJS reports, for tests and debugging, what the runtime holds: the
// live js.Funcs of the registry, the mounted instances and the Go heap
// (after a collection if gc).
func statsJS(gc bool) any {
	if gc {
		runtime.GC()
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return map[string]any{
		"funcs":       live.funcs,
		"instances":   live.instances,
		"heapAlloc":   float64(m.HeapAlloc),
		"heapObjects": float64(m.HeapObjects),
		"goroutines":  runtime.NumGoroutine(),
	}
}
