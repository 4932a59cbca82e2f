// Package goapp hosts gocycle apps inside go-app v9 UIs
// (github.com/maxence-charriere/go-app/v9).
//
// go-app owns the page's body and renders its components by diffing its
// own tree of nodes; gocycle's DOM driver mounts into an element it is
// given. [Widget] joins the two: it is a go-app component that renders one
// empty container element, starts a gocycle app on that element when go-app
// mounts it, forwards the props its go-app parent renders it with into the
// app's Props stream, hands what the app emits on its Output sink to the
// parent on go-app's UI goroutine, and disposes the app when go-app
// dismounts it. go-app never sees the container's children, so its updates
// never touch what gocycle renders there.
//
//	goapp.Widget[slider.LocalizedProps, units.Quantity]{
//		ID:       "height",
//		Main:     goapp.App[Sources, Sinks, slider.LocalizedProps, units.Quantity](Main, drivers),
//		Props:    props,
//		OnOutput: func(ctx app.Context, q units.Quantity) { c.height = q; c.Update() },
//	}
//
// In a browser (GOOS=js GOARCH=wasm) the container is mounted with
// dom.DOMDriver, so the page must load gocycle.js (web/gocycle.js), with
// go-app's app.Handler Scripts for instance. Natively, where go-app's
// client tester (app.NewClientTester) mounts components in tests, the app
// renders into a dom.MemDOM instead.
//
// Nothing in gocycle imports this package: go-app costs only the programs
// that use it (see the goapp-size section of BENCHMARKS.md).
package goapp

import (
	"errors"
	"maps"
	"reflect"
	"sync"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Host is what a [Widget] gives its [Main] when go-app mounts it: the
// drivers that connect a gocycle app to the widget.
type Host[P, O any] struct {
	// DOM is the DOM driver, mounted on the widget's container element.
	DOM cycle.Driver
	// Props is a source driver of a memory stream (*stream.Stream[P]) of
	// the widget's props: those it was mounted with, then every change
	// its go-app parent renders it with.
	Props cycle.Driver
	// Output is a sink driver (*stream.Stream[O]) whose values go to the
	// widget's OnOutput, on go-app's UI goroutine.
	Output cycle.Driver
	// Errors is the error hook to give the app (cycle.WithErrors): its
	// errors go to the widget's OnError, on go-app's UI goroutine.
	Errors func(error)
}

// Main starts a gocycle app with the drivers of h and returns the function
// that disposes it. [App] makes one from an app's main function; write one
// by hand to start the app differently.
type Main[P, O any] func(h Host[P, O]) (dispose func(), err error)

// App returns the Main that runs main with cycle.Run: with drivers, to
// which it adds h's as "DOM", "Props" and "Output" (so main's Sources may
// have the fields DOM *dom.Source and Props *stream.Stream[P], and its
// Sinks DOM *stream.Stream[dom.Node] and Output *stream.Stream[O]; a
// field may be left out), and with h.Errors as the error hook after opts.
// drivers is read each time a widget mounts, and each of its drivers is
// started again for every app.
func App[So, Si, P, O any](main func(So) Si, drivers cycle.Drivers, opts ...cycle.Option) Main[P, O] {
	return func(h Host[P, O]) (func(), error) {
		ds := maps.Clone(drivers)
		if ds == nil {
			ds = cycle.Drivers{}
		}
		ds["DOM"], ds["Props"], ds["Output"] = h.DOM, h.Props, h.Output
		return cycle.Run(main, ds, append(append([]cycle.Option(nil), opts...), cycle.WithErrors(h.Errors))...)
	}
}

// ErrNoMain is the error a [Widget] reports when it is mounted without a
// Main.
var ErrNoMain = errors.New("goapp: Widget mounted without a Main: set Main, made with goapp.App")

// Widget is a go-app component that hosts a gocycle app. It renders one
// div, the container; the app renders into it. Its exported fields are set
// by its go-app parent in Render, as for any go-app component:
//
//   - Main starts the app when go-app mounts the widget (OnMount). A new
//     Main given later is ignored until the widget is mounted again.
//   - Props are the app's input. The app's Props stream starts with the
//     props the widget was mounted with and emits every props the parent
//     renders it with afterwards (OnUpdate) that differ from the last ones
//     (reflect.DeepEqual), in order, as a task of the app's loop.
//   - OnOutput receives, in order, on go-app's UI goroutine, every value
//     of the app's Output sink, with the widget's go-app context. A parent
//     that keeps the value calls its own Update to render again.
//   - OnError receives the app's errors there too; without it they go to
//     app.Log.
//
// When go-app dismounts the widget (OnDismount) the app is disposed: its
// drivers release their listeners and the container's children, and the
// values it emitted that OnOutput has not yet received are dropped.
type Widget[P, O any] struct {
	app.Compo

	// ID and Class are the container's id and class attributes, if not
	// empty.
	ID, Class string
	// Main starts the app; see [App].
	Main Main[P, O]
	// Props are the app's props.
	Props P
	// OnOutput receives the app's output values.
	OnOutput func(ctx app.Context, v O)
	// OnError receives the app's errors.
	OnError func(ctx app.Context, err error)

	run *run[P] // the running app, from OnMount to OnDismount
}

// run is one mounted app: its props feed, what it last sent and how to
// dispose it. It is touched on go-app's UI goroutine, but for feed.
type run[P any] struct {
	feed    *feed[P]
	sent    P
	dispose func()
	stopped bool
}

// Render renders the container: an empty div, whose children belong to
// the gocycle app.
func (w *Widget[P, O]) Render() app.UI {
	d := app.Div().DataSet("gocycle-widget", true)
	if w.ID != "" {
		d = d.ID(w.ID)
	}
	if w.Class != "" {
		d = d.Class(w.Class)
	}
	return d
}

// OnMount starts the app on the container.
func (w *Widget[P, O]) OnMount(ctx app.Context) {
	r := &run[P]{feed: &feed[P]{initial: w.Props}, sent: w.Props}
	w.run = r
	if w.Main == nil {
		w.report(ctx, ErrNoMain)
		return
	}
	h := Host[P, O]{
		DOM:   containerDriver(w),
		Props: r.feed.driver(),
		Output: cycle.SinkDriver(func(s *stream.Stream[O], c *cycle.Context) error {
			c.OnDispose(s.Subscribe(stream.Listener[O]{
				Next: func(v O) {
					ctx.Dispatch(func(ctx app.Context) {
						if !r.stopped && w.OnOutput != nil {
							w.OnOutput(ctx, v)
						}
					})
				},
			}))
			return nil
		}),
		Errors: func(err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if !r.stopped {
					w.report(ctx, err)
				}
			})
		},
	}
	dispose, err := w.Main(h)
	if err != nil {
		w.report(ctx, err)
		return
	}
	r.dispose = dispose
}

// OnUpdate forwards props that changed to the app.
func (w *Widget[P, O]) OnUpdate(ctx app.Context) {
	r := w.run
	if r == nil || r.stopped || reflect.DeepEqual(w.Props, r.sent) {
		return
	}
	r.sent = w.Props
	r.feed.set(w.Props)
}

// OnDismount disposes the app.
func (w *Widget[P, O]) OnDismount() {
	r := w.run
	if r == nil || r.stopped {
		return
	}
	r.stopped = true
	if r.dispose != nil {
		r.dispose()
	}
}

func (w *Widget[P, O]) report(ctx app.Context, err error) {
	if w.OnError != nil {
		w.OnError(ctx, err)
		return
	}
	app.Log(err)
}

// feed carries props from go-app's UI goroutine to the app's loop.
type feed[P any] struct {
	initial P
	subj    *stream.Subject[P]
	mu      sync.Mutex
	loop    *cycle.Loop
}

// driver is the Props driver: a memory stream of the props, kept running
// while the app runs, so that no props are missed while main's streams
// have no listener.
func (f *feed[P]) driver() cycle.Driver {
	return cycle.SourceDriver(func(ctx *cycle.Context) (*stream.Stream[P], error) {
		f.subj = stream.NewSubject[P]()
		s := f.subj.Stream().StartWith(f.initial).Remember()
		ctx.OnDispose(s.Subscribe(stream.Listener[P]{}))
		f.mu.Lock()
		f.loop = ctx.Loop
		f.mu.Unlock()
		return s, nil
	})
}

func (f *feed[P]) set(p P) {
	f.mu.Lock()
	loop := f.loop
	f.mu.Unlock()
	if loop != nil {
		loop.Post(func() { f.subj.Next(p) })
	}
}
