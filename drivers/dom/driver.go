package dom

import (
	"errors"
	"reflect"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// renderer is where a driver's edits go: the browser or a MemDOM.
type renderer interface {
	// apply applies one frame's edits.
	apply(e *Edits) error
	// element returns the real element with id, for hooks.
	element(id uint32) Element
	// reset empties the container and forgets every node but the
	// container, after a frame that failed half-way: what a new Patcher
	// expects.
	reset() error
}

// view connects a sink of views to a renderer: it patches at most once
// per frame, with the latest view, runs the hooks around the edits, and
// tells the source after every patch.
//
// A frame that fails leaves the page and the Patcher out of step: when
// applying the edits fails (the browser threw half-way through the
// frame), the error is reported, the Patcher is dropped, the container is
// emptied and the latest view is rendered again from scratch, once; when
// rendering the view panics (a Thunk's render), the error is reported and
// the Patcher and the container are reset too, but the view is not
// rendered again, since its thunks would panic again: the next view is
// rendered from scratch. The elements of a failed frame get no Remove
// hooks.
type view struct {
	r        renderer
	patcher  *Patcher
	latest   Node
	pending  bool
	schedule func(func()) // runs a function on the app's loop at the next frame
	done     *stream.Subject[struct{}]
	renders  *stream.Stream[struct{}]
	report   func(error)
	stopped  bool
}

func newView(r renderer, schedule func(func()), report func(error)) *view {
	v := &view{r: r, patcher: NewPatcher(), schedule: schedule, done: stream.NewSubject[struct{}](), report: report}
	v.renders = v.done.Stream().Remember()
	// Keep renders running, so that Elements called after a frame still
	// gets that frame's elements.
	v.renders.Subscribe(stream.Listener[struct{}]{})
	return v
}

// connect subscribes to sink and returns the function that unsubscribes.
func (v *view) connect(sink *stream.Stream[Node]) (cancel func()) {
	return sink.Subscribe(stream.Listener[Node]{
		Next: func(n Node) {
			v.latest = n
			if !v.pending {
				v.pending = true
				v.schedule(v.frame)
			}
		},
		Error: v.report,
	})
}

// frame renders the latest view: all the views emitted since the last
// frame make one patch.
func (v *view) frame() {
	if v.stopped {
		return
	}
	v.pending = false
	applying, err := v.render(v.latest)
	if err == nil {
		v.done.Next(struct{}{})
		return
	}
	v.report(err)
	v.restart()
	if !applying {
		return
	}
	if _, err = v.render(v.latest); err != nil {
		v.report(err)
		v.restart()
		return
	}
	v.done.Next(struct{}{})
}

// render patches the DOM to n, with the hooks around the edits. applying
// reports whether err came from applying the edits rather than from
// rendering the view.
func (v *view) render(n Node) (applying bool, err error) {
	e, err := v.patch(n)
	if err != nil {
		return false, err
	}
	for _, h := range e.Before {
		h.Fn(v.r.element(h.ID))
	}
	if err := v.r.apply(e); err != nil {
		return true, err
	}
	for _, h := range e.After {
		h.Fn(v.r.element(h.ID))
	}
	return false, nil
}

// patch is Patcher.Patch with a panic (of a Thunk's render) returned as
// an error.
func (v *view) patch(n Node) (e *Edits, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("dom: rendering the view panicked: " + panicMessage(r))
		}
	}()
	return v.patcher.Patch(n), nil
}

// restart drops the Patcher and empties the container, so that the next
// patch starts from scratch.
func (v *view) restart() {
	v.patcher = NewPatcher()
	if err := v.r.reset(); err != nil {
		v.report(err)
	}
}

// panicMessage turns a recovered value into text.
func panicMessage(r any) string {
	switch x := r.(type) {
	case error:
		return x.Error()
	case string:
		return x
	}
	return "a value of type " + reflect.TypeOf(r).String()
}

func (v *view) stop() { v.stopped = true }

// unmount empties the container when the app is disposed, running the
// Remove hooks of the elements it shows first, as a frame that removes
// them would.
func (v *view) unmount() {
	if v.stopped {
		return
	}
	e := v.patcher.Unmount()
	for _, h := range e.Before {
		h.Fn(v.r.element(h.ID))
	}
	if err := v.r.apply(e); err != nil {
		v.report(err)
	}
}

// MemDriver returns a DOM driver that renders into m, natively, one patch
// per task of the app's loop: the whole driver but the browser, for tests
// of an app's views, hooks and events. Its Events streams get the events
// that [MemDOM.Dispatch] makes happen in m, delegated and isolated as in
// the browser; its Elements streams emit nil after every render. When the
// app is disposed, the Remove hooks of the elements shown run and m is
// emptied, as DOMDriver empties its container.
func MemDriver(m *MemDOM) cycle.Driver {
	return cycle.DriverFunc(func(sink *stream.Stream[Node], ctx *cycle.Context) (*Source, error) {
		if m == nil {
			return nil, errors.New("dom: MemDriver: the MemDOM is nil; pass dom.NewMemDOM()")
		}
		v := newView(memRenderer{m}, func(f func()) { ctx.Loop.Post(f) }, ctx.ReportError)
		events := &memEvents{loop: ctx.Loop}
		m.events.Store(events)
		cancel := v.connect(sink)
		ctx.OnDispose(func() {
			m.events.CompareAndSwap(events, nil)
			cancel()
			defer v.stop()
			v.unmount()
		})
		return &Source{b: memBackend{quietBackend{v.renders}, events}}, nil
	})
}

// memBackend is the backend of MemDriver's source: events dispatched in
// the MemDOM, no elements.
type memBackend struct {
	quietBackend
	events *memEvents
}

func (b memBackend) listen(spec listenSpec, emit func(Event)) (func(), error) {
	return b.events.listen(spec, emit)
}

type memRenderer struct{ m *MemDOM }

func (r memRenderer) apply(e *Edits) error      { return r.m.Apply(e) }
func (r memRenderer) element(id uint32) Element { return r.m.Element(id) }
func (r memRenderer) reset() error              { r.m.Reset(); return nil }

// HTMLDriver returns a driver that renders every view the app emits as
// HTML text (see ToHTML) and passes it to effect, on the app's loop: for
// server-side rendering and snapshot tests, as Cycle.js's makeHTMLDriver.
// Its source has no events.
func HTMLDriver(effect func(html string)) cycle.Driver {
	return cycle.DriverFunc(func(sink *stream.Stream[Node], ctx *cycle.Context) (*Source, error) {
		if effect == nil {
			return nil, errors.New("dom: HTMLDriver: effect is nil; pass the function that receives the HTML")
		}
		renders := stream.NewSubject[struct{}]()
		cancel := sink.Subscribe(stream.Listener[Node]{
			Next: func(n Node) {
				effect(ToHTML(n))
				renders.Next(struct{}{})
			},
			Error: ctx.ReportError,
		})
		ctx.OnDispose(cancel)
		return &Source{b: quietBackend{renders.Stream()}}, nil
	})
}

// quietBackend is the backend of a source with no document to listen to:
// no events and no elements, but renders.
type quietBackend struct{ renders *stream.Stream[struct{}] }

func (quietBackend) listen(listenSpec, func(Event)) (func(), error) { return func() {}, nil }
func (quietBackend) elements(string, []string) []Element            { return nil }
func (q quietBackend) rendered() *stream.Stream[struct{}]           { return q.renders }
