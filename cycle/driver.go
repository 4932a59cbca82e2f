package cycle

import (
	"fmt"
	"reflect"

	"github.com/gocycle/gocycle/cycle/stream"
)

// Driver performs the effects of one kind of sink and produces one kind of
// source. Drivers are made with [DriverFunc], [SinkDriver] or
// [SourceDriver], which record the types that [Run] checks against the
// fields of main's Sources and Sinks.
type Driver interface {
	// SinkType is the type of the sink field this driver consumes
	// (*stream.Stream[In]), or nil if it takes no sink.
	SinkType() reflect.Type
	// SourceType is the type of the source field it produces, or nil.
	SourceType() reflect.Type

	newProxy() sinkProxy
	start(ctx *Context, sink any) (source any, err error)
}

// Drivers maps driver names to drivers. A name matches the field of the
// same name in main's Sources and Sinks, such as "DOM" or "HTTP".
type Drivers map[string]Driver

// Context is what a driver is given when its app starts.
type Context struct {
	// Name is the name the driver was registered under.
	Name string
	// Loop is the app's loop: outside events must reach streams through
	// Loop.Post, and Loop is the app's stream.Scheduler.
	Loop *Loop
	app  *app
}

// OnDispose registers f to run, on the loop, when the app is disposed or
// stops after a panic. Drivers release what they hold there: listeners,
// DOM nodes, connections.
func (c *Context) OnDispose(f func()) { c.app.onDispose(f) }

// ReportError sends err to the app's error hook, naming the driver. An
// error that main's sink gave the driver was reported already, naming the
// sink, and is not reported again. Call it on the app's loop, as
// everything a driver does with its app.
func (c *Context) ReportError(err error) {
	if c.app.reportedAsSink(err) {
		return
	}
	c.app.report(fmt.Errorf("driver %q: %w", c.Name, err))
}

// DriverFunc makes a driver from a function that takes the app's sink
// stream of In values and returns a source of type Src. It is called once,
// on the app's loop, when the app starts; an error stops the app from
// starting.
func DriverFunc[In, Src any](f func(sink *stream.Stream[In], ctx *Context) (Src, error)) Driver {
	return &funcDriver[In, Src]{f: f, hasSink: true, hasSource: true}
}

// SinkDriver makes a driver that only consumes a sink, such as a logger.
func SinkDriver[In any](f func(sink *stream.Stream[In], ctx *Context) error) Driver {
	return &funcDriver[In, struct{}]{
		f: func(s *stream.Stream[In], ctx *Context) (struct{}, error) {
			return struct{}{}, f(s, ctx)
		},
		hasSink: true,
	}
}

// SourceDriver makes a driver that only produces a source, such as the
// time driver.
func SourceDriver[Src any](f func(ctx *Context) (Src, error)) Driver {
	return &funcDriver[struct{}, Src]{
		f: func(_ *stream.Stream[struct{}], ctx *Context) (Src, error) {
			return f(ctx)
		},
		hasSource: true,
	}
}

type funcDriver[In, Src any] struct {
	f                  func(*stream.Stream[In], *Context) (Src, error)
	hasSink, hasSource bool
}

func (d *funcDriver[In, Src]) SinkType() reflect.Type {
	if !d.hasSink {
		return nil
	}
	return reflect.TypeFor[*stream.Stream[In]]()
}

func (d *funcDriver[In, Src]) SourceType() reflect.Type {
	if !d.hasSource {
		return nil
	}
	return reflect.TypeFor[Src]()
}

func (d *funcDriver[In, Src]) newProxy() sinkProxy {
	if !d.hasSink {
		return nil
	}
	return &typedProxy[In]{proxy: stream.NewProxy[In]()}
}

func (d *funcDriver[In, Src]) start(ctx *Context, sink any) (any, error) {
	var s *stream.Stream[In]
	if sink != nil {
		s = sink.(*stream.Stream[In])
	} else {
		s = stream.Never[In]()
	}
	return d.f(s, ctx)
}

// sinkProxy is the proxy that stands for main's sink until main has run.
type sinkProxy interface {
	stream() any
	// connect makes the proxy imitate main's sink (nil: main returned
	// none) through the app's gate, which buffers until all are connected.
	connect(a *app, name string, sink any) (keepAlive func())
	// complete ends the stream the driver listens to.
	complete()
}

type typedProxy[In any] struct {
	proxy *stream.Stream[In]
	out   stream.Listener[In] // the gated stream's own listener, once started
	ended bool
}

func (p *typedProxy[In]) stream() any { return p.proxy }

func (p *typedProxy[In]) connect(a *app, name string, sink any) func() {
	var src *stream.Stream[In]
	if s, ok := sink.(*stream.Stream[In]); ok && s != nil {
		src = s
	} else {
		src = stream.Never[In]()
	}
	var cancelSrc func()
	gated := stream.Create(stream.NewProducer(func(l stream.Listener[In]) {
		p.out = l
		if p.ended {
			l.Complete()
			return
		}
		cancelSrc = src.Subscribe(stream.Listener[In]{
			Next: func(v In) { a.gate.pass(func() { l.Next(v) }) },
			Error: func(err error) {
				a.sinkFailed(name, err)
				a.gate.pass(func() { l.Error(err) })
			},
			Complete: func() { a.gate.pass(l.Complete) },
		})
	}, func() {
		if cancelSrc != nil {
			c := cancelSrc
			cancelSrc = nil
			c()
		}
		p.out = stream.Listener[In]{}
	}))
	if err := p.proxy.Imitate(gated); err != nil {
		// The proxy is made by newProxy and imitated once, here.
		panic("cycle: " + err.Error())
	}
	return gated.Subscribe(stream.Listener[In]{})
}

func (p *typedProxy[In]) complete() {
	p.ended = true
	if p.out.Complete != nil {
		p.out.Complete()
	}
}

// gate holds back what sinks emit while the app is starting and lets it
// through, in emission order, once every sink is connected.
type gate struct {
	open    bool
	pending []func()
}

func (g *gate) pass(f func()) {
	if g.open {
		f()
		return
	}
	g.pending = append(g.pending, f)
}

func (g *gate) release() {
	for len(g.pending) > 0 {
		f := g.pending[0]
		g.pending = g.pending[1:]
		f()
	}
	g.pending = nil
	g.open = true
}
