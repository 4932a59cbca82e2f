// Package widget is the registry of a page's gocycle widgets and the Go
// half of their runtime: one wasm module (widgets.wasm) registers every
// widget it offers with [Register], and the host page mounts any number of
// them with gocycle.js's GoCycle.mount(element, name, props, onChange),
// each one a gocycle app of its own (DESIGN.md, principle 5).
//
// A widget is a [Factory]: given a [Host], the drivers that connect an app
// to its place in the page, it starts the app (usually with cycle.Run) and
// returns the function that disposes it. The host gives the app
//
//   - "DOM": the DOM driver on the host element (dom.DOMDriver in the
//     browser; any DOM driver natively, such as dom.MemDriver);
//   - "Props": a memory stream of the props the host sends ([Props],
//     JSON-shaped): the first at mount, then one per update(props);
//   - "Change": a sink of JSON-shaped values (nil, bool, Go's numbers,
//     string, []any, []string, map[string]any, [Props]), each sent to the
//     host's onChange (for an Odoo field, the value to write to the
//     record); a value of another type reaches the host as an error that
//     names its type;
//   - "Errors": a sink of problems the widget reports without stopping
//     (props it cannot use, say), which reach the host's error callback:
//     gocycle.js's options.onError(message, false), with, for an error
//     that is (errors.As) a *[PropError], a third argument {prop, value,
//     want, used}, so that a host can tell which of its props is wrong
//     (an Odoo field marks itself invalid for a bad option).
//
// A panic in the app stops that app only: its drivers are disposed, the
// host is told (the JavaScript runtime shows an error box in the widget's
// place) and every other widget of the page goes on.
//
// Natively, [Mount] runs a widget with the DOM driver the caller gives,
// which is how widgets are tested without a browser; under js/wasm,
// [Serve] exposes the registry to gocycle.js.
package widget

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// Factory starts one instance of a widget for host and returns the
// function that disposes it. An error means the widget could not start;
// the host shows it in the widget's place.
type Factory func(host *Host) (dispose func(), err error)

var registry = struct {
	sync.Mutex
	m map[string]Factory
}{m: map[string]Factory{}}

// Register makes factory available under name, for GoCycle.mount. Call it
// from an init function or from main before [Serve]. It panics if name is
// empty, factory is nil or name is already registered, as http.Handle
// does: these are mistakes of the program, not of its input.
func Register(name string, factory Factory) {
	if name == "" {
		panic("widget: Register: the name is empty")
	}
	if factory == nil {
		panic("widget: Register: the factory of " + name + " is nil")
	}
	registry.Lock()
	defer registry.Unlock()
	if _, dup := registry.m[name]; dup {
		panic("widget: Register: " + name + " is registered twice")
	}
	registry.m[name] = factory
}

// Names returns the registered widget names, sorted.
func Names() []string {
	registry.Lock()
	defer registry.Unlock()
	out := make([]string, 0, len(registry.m))
	for n := range registry.m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func lookup(name string) (Factory, bool) {
	registry.Lock()
	defer registry.Unlock()
	f, ok := registry.m[name]
	return f, ok
}

// Host is what a widget's factory is given: the drivers that connect its
// app to the host, and the options that route its errors there.
type Host struct {
	// Name is the name the widget was mounted as.
	Name string
	// DOM is the DOM driver on the host element.
	DOM cycle.Driver
	// Initial are the props the widget was mounted with.
	Initial Props

	props  *propsFeed
	change func(any)
	report func(err error, fatal bool)
	inst   *Instance
}

// started records the app's loop, from whichever host driver starts.
func (h *Host) started(l *cycle.Loop) {
	if h.inst != nil {
		h.inst.mu.Lock()
		if h.inst.loop == nil {
			h.inst.loop = l
		}
		h.inst.mu.Unlock()
	}
}

// Drivers returns the host's drivers, "DOM", "Props", "Change" and
// "Errors", with those of extra added (a widget's "Locale", say). A name
// in extra replaces the host's driver of that name.
func (h *Host) Drivers(extra cycle.Drivers) cycle.Drivers {
	d := cycle.Drivers{
		"DOM":    h.DOM,
		"Props":  h.props.driver(h.started),
		"Change": changeDriver(h.change, h.started),
		"Errors": errorsDriver(h.report, h.started),
	}
	for k, v := range extra {
		d[k] = v
	}
	return d
}

// Options returns the cycle.Run options of a widget's app: its name, and
// an error hook that sends the app's errors to the host, a panic as the
// fatal error that replaces the widget with an error box.
func (h *Host) Options() []cycle.Option {
	return []cycle.Option{
		cycle.WithName(h.Name),
		cycle.WithErrors(func(err error) { h.report(err, Fatal(err)) }),
	}
}

// Fatal reports whether err stops a widget: a panic, whether it stopped
// the app's loop (*cycle.PanicError) or ended one of its streams
// (*stream.PanicError, which leaves the app without, say, its view).
func Fatal(err error) bool {
	var cp *cycle.PanicError
	var sp *stream.PanicError
	return errors.As(err, &cp) || errors.As(err, &sp)
}

// Run starts main as the widget's app, with the host's drivers and extra,
// and the host's options: what most factories do.
//
//	widget.Register("counter", func(h *widget.Host) (func(), error) {
//		return widget.Run(h, counter, nil)
//	})
func Run[So, Si any](h *Host, main func(So) Si, extra cycle.Drivers) (dispose func(), err error) {
	return cycle.Run(main, h.Drivers(extra), h.Options()...)
}

// propsFeed is the props driver of one instance: the host's latest props,
// emitted on the app's loop.
type propsFeed struct {
	mu   sync.Mutex
	loop *cycle.Loop // set when the driver starts
	cur  Props       // before start: the latest props; then owned by the loop
	out  stream.Listener[Props]
	used bool
}

func (f *propsFeed) driver(started func(*cycle.Loop)) cycle.Driver {
	return cycle.SourceDriver(func(ctx *cycle.Context) (*stream.Stream[Props], error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		if f.used {
			return nil, errors.New("widget: the Props driver of a host serves one app")
		}
		f.used = true
		f.loop = ctx.Loop
		started(ctx.Loop)
		ctx.OnDispose(func() { f.out = stream.Listener[Props]{} })
		return stream.Create(stream.NewProducer(func(l stream.Listener[Props]) {
			f.out = l
			l.Next(f.cur)
		}, func() { f.out = stream.Listener[Props]{} })).Remember(), nil
	})
}

// update hands p to the app, on its loop.
func (f *propsFeed) update(p Props) {
	f.mu.Lock()
	loop := f.loop
	if loop == nil {
		f.cur = p
		f.mu.Unlock()
		return
	}
	f.mu.Unlock()
	loop.Post(func() {
		f.cur = p
		if f.out.Next != nil {
			f.out.Next(p)
		}
	})
}

func changeDriver(send func(any), started func(*cycle.Loop)) cycle.Driver {
	return cycle.SinkDriver(func(sink *stream.Stream[any], ctx *cycle.Context) error {
		started(ctx.Loop)
		ctx.OnDispose(sink.Subscribe(stream.Listener[any]{Next: send}))
		return nil
	})
}

func errorsDriver(report func(error, bool), started func(*cycle.Loop)) cycle.Driver {
	return cycle.SinkDriver(func(sink *stream.Stream[error], ctx *cycle.Context) error {
		started(ctx.Loop)
		ctx.OnDispose(sink.Subscribe(stream.Listener[error]{Next: func(err error) {
			if err != nil {
				report(err, false)
			}
		}}))
		return nil
	})
}

// Config is how a host mounts a widget with [Mount].
type Config struct {
	// DOM is the DOM driver on the host element.
	DOM cycle.Driver
	// Props are the props to mount with.
	Props Props
	// OnChange receives every value of the app's Change sink. It may be
	// nil.
	OnChange func(value any)
	// OnError receives every error of the app; fatal is true for the
	// panic that stopped it, after which the widget shows nothing but
	// an error. It may be nil.
	OnError func(err error, fatal bool)
}

// Instance is a mounted widget.
type Instance struct {
	name    string
	props   *propsFeed
	mu      sync.Mutex
	loop    *cycle.Loop
	dispose func()
	stopped bool
}

// markStopped marks the instance stopped and reports whether it was not.
func (in *Instance) markStopped() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	first := !in.stopped
	in.stopped = true
	return first
}

// halt stops the app after a fatal error: it is disposed in a task of its
// own, after the one that failed, or by Mount if it is still starting.
func (in *Instance) halt() {
	in.mu.Lock()
	d, l := in.dispose, in.loop
	in.mu.Unlock()
	if d == nil {
		return
	}
	if l == nil || !l.Post(d) {
		go d()
	}
}

// Mount starts an instance of the widget registered as name. It returns
// an error if there is no such widget or if its factory fails or panics;
// then nothing is left running.
func Mount(name string, cfg Config) (*Instance, error) {
	f, ok := lookup(name)
	if !ok {
		return nil, fmt.Errorf("widget: no widget is registered as %q (registered: %v)", name, Names())
	}
	if cfg.DOM == nil {
		return nil, errors.New("widget: Mount: Config.DOM is nil")
	}
	if cfg.Props == nil {
		cfg.Props = Props{}
	}
	in := &Instance{name: name, props: &propsFeed{cur: cfg.Props}}
	onChange, onError := cfg.OnChange, cfg.OnError
	h := &Host{
		Name:    name,
		DOM:     cfg.DOM,
		Initial: cfg.Props,
		props:   in.props,
		change: func(v any) {
			if onChange != nil {
				onChange(v)
			}
		},
		report: func(err error, fatal bool) {
			if fatal && !in.markStopped() {
				fatal = false // the first panic stopped it; this one followed
			}
			if onError != nil {
				onError(err, fatal)
			}
			if fatal {
				in.halt()
			}
		},
		inst: in,
	}
	dispose, err := startFactory(f, h)
	if err != nil {
		return nil, fmt.Errorf("widget %s: %w", name, err)
	}
	in.mu.Lock()
	in.dispose = dispose
	stopped := in.stopped
	in.mu.Unlock()
	if stopped {
		dispose() // it failed while starting
	}
	return in, nil
}

func startFactory(f Factory, h *Host) (dispose func(), err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the factory panicked: %v", r)
		}
	}()
	dispose, err = f(h)
	if err == nil && dispose == nil {
		dispose = func() {}
	}
	return dispose, err
}

// Name returns the name the instance was mounted as.
func (in *Instance) Name() string { return in.name }

// Stopped reports whether a panic has stopped the instance's app.
func (in *Instance) Stopped() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.stopped
}

// Update sends new props to the app. After Destroy, or once the app has
// stopped, it does nothing.
func (in *Instance) Update(p Props) {
	if p == nil {
		p = Props{}
	}
	in.props.update(p)
}

// Destroy disposes the app: its drivers release their listeners, the
// host element is emptied, and the instance holds nothing more. It may be
// called more than once.
func (in *Instance) Destroy() {
	in.mu.Lock()
	d := in.dispose
	in.dispose = nil
	in.mu.Unlock()
	if d != nil {
		d()
	}
}
