package dom

import (
	"errors"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// renderer is where a driver's edits go: the browser or a MemDOM.
type renderer interface {
	// apply applies one frame's edits.
	apply(e *Edits) error
	// element returns the real element with id, for hooks.
	element(id uint32) Element
}

// view connects a sink of views to a renderer: it patches at most once
// per frame, with the latest view, runs the hooks around the edits, and
// tells the source after every patch.
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
	e := v.patcher.Patch(v.latest)
	for _, h := range e.Before {
		h.Fn(v.r.element(h.ID))
	}
	if err := v.r.apply(e); err != nil {
		v.report(err)
		return
	}
	for _, h := range e.After {
		h.Fn(v.r.element(h.ID))
	}
	v.done.Next(struct{}{})
}

func (v *view) stop() { v.stopped = true }

// MemDriver returns a DOM driver that renders into m, natively, one patch
// per task of the app's loop: the whole driver but the browser, for tests
// of an app's views and of hooks. Its source has no events; test events
// with MockSource, or in a browser.
func MemDriver(m *MemDOM) cycle.Driver {
	return cycle.DriverFunc(func(sink *stream.Stream[Node], ctx *cycle.Context) (*Source, error) {
		if m == nil {
			return nil, errors.New("dom: MemDriver: the MemDOM is nil; pass dom.NewMemDOM()")
		}
		v := newView(memRenderer{m}, func(f func()) { ctx.Loop.Post(f) }, ctx.ReportError)
		cancel := v.connect(sink)
		ctx.OnDispose(func() { cancel(); v.stop() })
		return &Source{b: quietBackend{v.renders}}, nil
	})
}

type memRenderer struct{ m *MemDOM }

func (r memRenderer) apply(e *Edits) error      { return r.m.Apply(e) }
func (r memRenderer) element(id uint32) Element { return r.m.Element(id) }

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

func (quietBackend) listen(listenSpec, func(Event)) func() { return func() {} }
func (quietBackend) elements(string, []string) []Element   { return nil }
func (q quietBackend) rendered() *stream.Stream[struct{}]  { return q.renders }
