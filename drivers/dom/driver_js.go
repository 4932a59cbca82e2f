//go:build js && wasm

package dom

import (
	"errors"
	"strconv"
	"syscall/js"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// DOMDriver returns the DOM driver of an app that runs in a browser: it
// renders the views the app emits into container and gives the app a
// [Source] of the events that happen there. It exists only under
// GOOS=js GOARCH=wasm; natively, test views with [MemDriver] or
// [HTMLDriver] and events with [MockSource].
//
// container is a CSS selector ("#app"), or a js.Value or *JSElement that
// holds an element. The page must have loaded gocycle.js (web/gocycle.js)
// before the app starts: the driver mounts the container with
// GoCycle.dom.mount, which empties it when the first view is rendered.
// A container that is not in the page, or that already shows an app, is
// an error of cycle.Run.
//
// The driver patches the page at most once per animation frame, with the
// latest view: the diff runs in Go and the frame's edits cross into
// JavaScript in one copy and one call (see [ReadJSStats]). Frames wait
// while the page is hidden, as requestAnimationFrame does. Events are
// delegated: one native listener per event type on the container, shared
// by every Events stream of the app. On dispose the driver runs the
// Remove hooks of the elements shown, removes its listeners, empties the
// container and releases its JavaScript functions.
func DOMDriver(container any) cycle.Driver {
	return cycle.DriverFunc(func(sink *stream.Stream[Node], ctx *cycle.Context) (*Source, error) {
		d, err := mountJS(container, ctx)
		if err != nil {
			return nil, err
		}
		d.view = newView(d, d.schedule, ctx.ReportError)
		cancel := d.view.connect(sink)
		ctx.OnDispose(func() {
			cancel()
			defer d.dispose() // even if a Remove hook panics
			d.view.unmount()
		})
		return &Source{b: d}, nil
	})
}

// JSElement is an element of the page, as hooks and [Source.Elements]
// give it under js/wasm.
type JSElement struct{ v js.Value }

// JSValue returns the DOM element, for what only JavaScript can do, such
// as focusing it or measuring it. Changing what the view sets on it
// (attributes, classes, children) would be undone or confused by the
// next patch.
func (e *JSElement) JSValue() js.Value { return e.v }

// TagName returns the element's local name: lower case for HTML, as
// written for SVG ("foreignObject").
func (e *JSElement) TagName() string {
	stats.OtherCalls++
	return e.v.Get("localName").String()
}

// JSStats counts the crossings of the Go↔JavaScript boundary made by the
// DOM drivers of the program, as calls of syscall/js (a Call, a
// CopyBytesToJS, a string made into a JavaScript string): the measure
// of principle 4, that the DOM is touched once per frame. FrameCalls /
// Frames is what one frame costs: requesting the animation frame, the
// copy of the edit list, its string table and the call that applies it,
// and one call more for each hook's element.
type JSStats struct {
	// Frames is the number of frames applied to the page.
	Frames uint64
	// FrameCalls is the number of Go→JavaScript calls made to schedule
	// and apply them, and to run their hooks.
	FrameCalls uint64
	// Events is the number of events JavaScript delivered to Go.
	Events uint64
	// OtherCalls is every other Go→JavaScript call: listening,
	// unlistening, Elements, TagName, mounting and disposing.
	OtherCalls uint64
}

var stats JSStats

// ReadJSStats returns the crossing counters of the program's DOM drivers
// since it started. Under js/wasm Go runs on one thread, and the counters
// are plain fields: read them from a task of an app or a js.Func.
func ReadJSStats() JSStats { return stats }

// jsDriver is one app's DOM driver in the browser: the renderer of its
// view, and the backend of its Source.
type jsDriver struct {
	loop   *cycle.Loop
	report func(error)
	view   *view
	handle js.Value // GoCycle.dom.mount's handle

	// Frames.
	frameFn js.Func // the requestAnimationFrame callback
	rafID   int     // the pending request, 0 if none
	next    func()  // what the frame runs: the view's frame
	buf     []byte  // the frame, reused
	u8      js.Value
	u8len   int
	empty   js.Value // "", made once: most frames have strings, some do not
	applied bool     // whether a frame has been applied

	// Events.
	onEvent  js.Func // the one callback of every listener of this driver
	emitters map[uint32]func(Event)
	nextID   uint32

	disposed bool
}

// mountJS finds the container and mounts it with the runtime.
func mountJS(container any, ctx *cycle.Context) (*jsDriver, error) {
	el, err := findContainer(container)
	if err != nil {
		return nil, err
	}
	rt, err := try(func() js.Value { return js.Global().Get("GoCycle") })
	stats.OtherCalls++
	if err != nil || rt.Type() != js.TypeObject || rt.Get("dom").Type() != js.TypeObject {
		return nil, errors.New("dom: DOMDriver: GoCycle.dom is not defined: load gocycle.js (web/gocycle.js) with a <script> tag before the wasm module starts")
	}
	d := &jsDriver{loop: ctx.Loop, report: ctx.ReportError, emitters: map[uint32]func(Event){}}
	d.onEvent = js.FuncOf(d.event)
	d.frameFn = js.FuncOf(d.animationFrame)
	d.handle, err = try(func() js.Value { return rt.Get("dom").Call("mount", el, d.onEvent) })
	stats.OtherCalls += 2
	if err != nil {
		d.onEvent.Release()
		d.frameFn.Release()
		return nil, errors.New("dom: DOMDriver: " + err.Error())
	}
	d.empty = js.ValueOf("")
	stats.OtherCalls++
	return d, nil
}

// try runs f, a syscall/js call, and returns what JavaScript threw as an
// error instead of the panic syscall/js makes of it.
func try(f func() js.Value) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(jsMessage(r))
		}
	}()
	return f(), nil
}

// findContainer resolves DOMDriver's container argument to an element.
func findContainer(container any) (js.Value, error) {
	var el js.Value
	what := ""
	switch c := container.(type) {
	case string:
		doc := js.Global().Get("document")
		if doc.Type() != js.TypeObject {
			return js.Value{}, errors.New("dom: DOMDriver: there is no document: the DOM driver runs in a browser page (test natively with MemDriver or MockSource)")
		}
		var err error
		el, err = try(func() js.Value { return doc.Call("querySelector", c) })
		stats.OtherCalls += 2
		if err != nil {
			return js.Value{}, errors.New("dom: DOMDriver: the container selector " + strconv.Quote(c) + ": " + err.Error())
		}
		what = "no element matches the selector " + strconv.Quote(c)
	case js.Value:
		el = c
		what = "the container js.Value is " + c.Type().String() + ", not an element"
	case *JSElement:
		if c == nil {
			return js.Value{}, errors.New("dom: DOMDriver: the container *JSElement is nil")
		}
		el = c.v
		what = "the container *JSElement holds " + c.v.Type().String() + ", not an element"
	default:
		return js.Value{}, errors.New("dom: DOMDriver: the container must be a CSS selector string, a js.Value or a *JSElement")
	}
	if el.Type() != js.TypeObject || el.Get("nodeType").Int() != 1 {
		return js.Value{}, errors.New("dom: DOMDriver: " + what + ": " +
			"add the element to the page, or start the app once the page has it (load the wasm from a script at the end of <body>, or after DOMContentLoaded)")
	}
	return el, nil
}

// jsMessage turns what a failing syscall/js call panicked with into text.
func jsMessage(r any) string {
	switch e := r.(type) {
	case js.Error:
		return e.Error()
	case error:
		return e.Error()
	case string:
		return e
	}
	return "a JavaScript call failed"
}

// call calls a method of the handle and returns what JavaScript threw as
// an error.
func (d *jsDriver) call(method string, args ...any) (js.Value, error) {
	stats.OtherCalls++
	v, err := try(func() js.Value { return d.handle.Call(method, args...) })
	if err != nil {
		return v, errors.New("dom: " + method + ": " + err.Error())
	}
	return v, nil
}

// schedule is the view's scheduler: f runs as a task on the app's loop at
// the next animation frame. The view asks once per frame.
func (d *jsDriver) schedule(f func()) {
	if d.disposed {
		return
	}
	d.next = f
	if d.rafID == 0 {
		stats.FrameCalls++
		d.rafID = js.Global().Call("requestAnimationFrame", d.frameFn).Int()
	}
}

func (d *jsDriver) animationFrame(js.Value, []js.Value) any {
	d.rafID = 0
	if f := d.next; f != nil && !d.disposed {
		d.next = nil
		d.loop.Post(f)
	}
	return nil
}

// apply is the renderer's apply: the frame is encoded into a reused
// buffer, copied into a reused Uint8Array and applied by one call.
func (d *jsDriver) apply(e *Edits) (err error) {
	if d.disposed || (len(e.Words) == 0 && d.applied) {
		return nil // nothing changed: no crossing at all
	}
	d.applied = true // the first frame goes even if empty: it clears the container
	var strs string
	d.buf, strs = appendFrame(d.buf[:0], e)
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("dom: applying a frame of edits: " + jsMessage(r))
		}
	}()
	if len(d.buf) > d.u8len {
		d.u8len = max(len(d.buf), 2*d.u8len, 4096)
		d.u8 = js.Global().Get("Uint8Array").New(d.u8len)
		stats.FrameCalls += 2
	}
	js.CopyBytesToJS(d.u8, d.buf)
	stats.FrameCalls += 2
	if strs == "" {
		d.handle.Call("apply", d.u8, len(d.buf), d.empty)
	} else {
		stats.FrameCalls++ // making the JavaScript string
		d.handle.Call("apply", d.u8, len(d.buf), strs)
	}
	stats.Frames++
	return nil
}

// reset is the renderer's reset: the runtime empties the container and
// forgets its nodes, after a frame that failed half-way.
func (d *jsDriver) reset() error {
	if d.disposed {
		return nil
	}
	_, err := d.call("reset")
	return err
}

// element is the renderer's element, for hooks.
func (d *jsDriver) element(id uint32) Element {
	stats.FrameCalls++
	return &JSElement{d.handle.Call("node", id)}
}

// listen is the backend's listen: one delegated listener in the runtime,
// whose events come back through the driver's one callback.
func (d *jsDriver) listen(spec listenSpec, emit func(Event)) (cancel func(), err error) {
	if d.disposed {
		return func() {}, nil
	}
	d.nextID++
	id := d.nextID
	sels := make([]any, len(spec.Selectors))
	for i, s := range spec.Selectors {
		sels[i] = s
	}
	if _, err := d.call("listen", id, spec.Type, spec.Scope, sels, listenFlags(spec)); err != nil {
		// The error goes on the Events stream, where the app may handle
		// it; reporting it here too would report it twice.
		return nil, err
	}
	d.emitters[id] = emit
	return func() {
		if _, ok := d.emitters[id]; !ok {
			return
		}
		delete(d.emitters, id)
		if !d.disposed {
			if _, err := d.call("unlisten", id); err != nil {
				d.report(err)
			}
		}
	}, nil
}

// event is the callback of every listener: (listener id, encoded event).
// The browser calls it from its event handler, where preventDefault has
// already been applied; the event reaches the app as a task on its loop,
// which under js runs at once unless a task is running.
func (d *jsDriver) event(_ js.Value, args []js.Value) any {
	if len(args) < 2 || d.disposed {
		return nil
	}
	stats.Events++
	id := uint32(args[0].Int())
	ev := parseEvent(args[1].String())
	d.loop.Post(func() {
		if emit := d.emitters[id]; emit != nil {
			emit(ev)
		}
	})
	return nil
}

// elements is the backend's elements.
func (d *jsDriver) elements(scope string, selectors []string) []Element {
	if d.disposed {
		return nil
	}
	sels := make([]any, len(selectors))
	for i, s := range selectors {
		sels[i] = s
	}
	arr, err := d.call("elements", scope, sels)
	if err != nil {
		d.report(err)
		return nil
	}
	n := arr.Length()
	out := make([]Element, n)
	for i := range n {
		out[i] = &JSElement{arr.Index(i)}
	}
	stats.OtherCalls += uint64(1 + n)
	return out
}

// rendered is the backend's rendered.
func (d *jsDriver) rendered() *stream.Stream[struct{}] { return d.view.renders }

// dispose stops the view, cancels a pending frame, removes every listener
// and empties the container (the runtime's dispose), and releases the
// driver's functions. The Events streams have unlistened already, when
// the app unsubscribed its sinks; dispose removes what might be left.
func (d *jsDriver) dispose() {
	if d.disposed {
		return
	}
	d.disposed = true
	if d.view != nil {
		d.view.stop()
	}
	defer func() {
		// Whatever JavaScript throws, the functions are released.
		d.onEvent.Release()
		d.frameFn.Release()
		d.handle, d.u8, d.buf, d.next = js.Undefined(), js.Undefined(), nil, nil
		if r := recover(); r != nil {
			d.report(errors.New("dom: dispose: " + jsMessage(r)))
		}
	}()
	if d.rafID != 0 {
		js.Global().Call("cancelAnimationFrame", d.rafID)
		d.rafID = 0
		stats.OtherCalls++
	}
	clear(d.emitters)
	stats.OtherCalls++
	d.handle.Call("dispose")
}
