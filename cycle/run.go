package cycle

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Option configures an app started by [Run] or [Setup].
type Option func(*options)

type options struct {
	name   string
	errors func(error)
}

// WithName names the app in the errors it reports; the default is "app".
func WithName(name string) Option { return func(o *options) { o.name = name } }

// WithErrors sets the app's error hook. It receives, on the app's loop,
// every error that reaches a sink, every error a driver reports and the
// *PanicError that stopped the app. The default writes each on a line
// of standard error (in a browser, the console).
func WithErrors(hook func(error)) Option { return func(o *options) { o.errors = hook } }

// Provided is implemented by source types that a wrapper around main
// supplies itself, such as the *state.Source of state.WithState. Run
// leaves a source field of such a type, and the sink field of the same
// name, to the wrapper instead of looking for a driver.
type Provided interface {
	ProvidedByWrapper()
}

// PanicError is the error reported when a panic stops an app.
type PanicError struct {
	App   string // the app's name (see WithName)
	Value any    // what was panicked with
	Stack []byte // the stack of the panic
}

// Error names the app and the panic value.
func (e *PanicError) Error() string {
	return fmt.Sprintf("cycle: app %s stopped by a panic: %v", e.App, e.Value)
}

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

type app struct {
	name      string
	loop      *Loop
	errs      func(error)
	gate      gate
	proxies   map[string]sinkProxy
	keepAlive []func()
	disposers []func()
	running   bool
	disposed  bool
	// sinkErrs are the last errors of main's sinks, reported once with
	// the sink's name: a driver that reports the error its sink gave it
	// (ctx.ReportError) would report each one a second time.
	sinkErrs []error
}

// maxSinkErrs bounds sinkErrs: a driver reports its sink's error while it
// handles it, long before several more sinks fail.
const maxSinkErrs = 8

// sinkFailed reports a sink's error, once.
func (a *app) sinkFailed(name string, err error) {
	if len(a.sinkErrs) == maxSinkErrs {
		a.sinkErrs = append(a.sinkErrs[:0], a.sinkErrs[1:]...)
	}
	a.sinkErrs = append(a.sinkErrs, err)
	a.report(fmt.Errorf("sink %s: %w", name, err))
}

// reportedAsSink reports whether err is, or wraps, a sink error already
// reported.
func (a *app) reportedAsSink(err error) bool {
	for _, e := range a.sinkErrs {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func (a *app) report(err error) {
	a.errs(fmt.Errorf("cycle: app %s: %w", a.name, err))
}

func (a *app) onDispose(f func()) { a.disposers = append(a.disposers, f) }

// crash is the loop's panic handler: report, then stop the app.
func (a *app) crash(v any, stack []byte) {
	a.errs(&PanicError{App: a.name, Value: v, Stack: stack})
	a.shutdown()
}

// shutdown completes every sink, lets the drivers release what they hold,
// and stops the loop. It runs on the loop.
func (a *app) shutdown() {
	if a.disposed {
		return
	}
	a.disposed = true
	// Stop the loop last, but whatever happens: a driver that panics while
	// being disposed must not leave the app half alive.
	defer a.loop.Stop()
	for _, name := range sortedKeys(a.proxies) {
		a.guard("completing sink "+name, a.proxies[name].complete)
	}
	for _, c := range a.keepAlive {
		a.guard("unsubscribing a sink", c)
	}
	for i := len(a.disposers) - 1; i >= 0; i-- {
		a.guard("disposing a driver", a.disposers[i])
	}
}

// guard runs f, reporting a panic instead of letting it end shutdown.
func (a *app) guard(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			a.report(fmt.Errorf("%s panicked: %v", what, r))
		}
	}()
	f()
}

// Program is an app that has been set up but not yet connected: its
// drivers have started and main has run, but the sinks main returned do
// not reach the drivers until Run is called. Tests use it to look at
// sources and sinks.
type Program[So, Si any] struct {
	Sources So
	Sinks   Si
	// Loop is the app's loop; touch Sources and Sinks from a task on it
	// (Loop.Do) once the program runs.
	Loop *Loop
	app  *app
}

// Run connects the sinks to the drivers and returns the function that
// disposes the app. Calling Run more than once returns the same dispose.
func (p *Program[So, Si]) Run() (dispose func()) {
	a := p.app
	dispose = func() {
		a.loop.Do(a.shutdown)
		a.loop.Wait()
	}
	a.loop.Do(func() {
		if a.running || a.disposed {
			return
		}
		a.running = true
		sinks := reflect.ValueOf(&p.Sinks).Elem()
		byName := map[string]any{}
		for i := 0; i < sinks.NumField(); i++ {
			f := sinks.Type().Field(i)
			if name, ok := fieldName(f); ok {
				if _, driven := a.proxies[name]; driven {
					byName[name] = sinks.Field(i).Interface()
				}
			}
		}
		for _, name := range sortedKeys(a.proxies) {
			a.keepAlive = append(a.keepAlive, a.proxies[name].connect(a, name, byName[name]))
		}
		a.gate.release()
	})
	return dispose
}

// Run starts an app: it checks that the fields of main's Sources and Sinks
// structs match drivers, starts the drivers, calls main, connects its
// sinks to the drivers, and returns the function that disposes the app.
// Run returns once the app has started; from then on the app lives on its
// own loop.
//
// Run returns an error, and starts nothing, if main is nil, if Sources or
// Sinks is not a struct, if a field has no driver of its name or a type
// that differs from the driver's, or if a driver fails or panics while
// starting, or main panics.
func Run[So, Si any](main func(So) Si, drivers Drivers, opts ...Option) (dispose func(), err error) {
	p, err := Setup(main, drivers, opts...)
	if err != nil {
		return nil, err
	}
	return p.Run(), nil
}

// Setup is Run without connecting the sinks: it returns the program with
// the sources the drivers gave and the sinks main returned. Call its Run
// to connect them.
func Setup[So, Si any](main func(So) Si, drivers Drivers, opts ...Option) (*Program[So, Si], error) {
	o := options{name: "app", errors: func(err error) { logError(err.Error()) }}
	for _, opt := range opts {
		opt(&o)
	}
	if main == nil {
		return nil, errors.New("cycle: Run: main is nil; pass the function that builds your app, func(Sources) Sinks")
	}
	provided := providedFields(reflect.TypeFor[So]())
	srcNames, err := checkFields[So](drivers, "Sources", true, provided)
	if err != nil {
		return nil, err
	}
	if _, err := checkFields[Si](drivers, "Sinks", false, provided); err != nil {
		return nil, err
	}
	a := &app{name: o.name, errs: o.errors, proxies: map[string]sinkProxy{}}
	a.loop = NewLoop(a.crash)
	p := &Program[So, Si]{Loop: a.loop, app: a}
	var setupErr error
	a.loop.Do(func() {
		setupErr = p.setup(main, drivers, srcNames)
		if setupErr != nil {
			a.shutdown()
		}
	})
	if setupErr != nil {
		a.loop.Wait()
		return nil, setupErr
	}
	return p, nil
}

func (p *Program[So, Si]) setup(main func(So) Si, drivers Drivers, srcNames map[string]int) (err error) {
	a := p.app
	sources := map[string]any{}
	for _, name := range sortedKeys(drivers) {
		d := drivers[name]
		var sink any
		if px := d.newProxy(); px != nil {
			a.proxies[name] = px
			sink = px.stream()
		}
		src, err := startDriver(d, &Context{Name: name, Loop: a.loop, app: a}, sink)
		if err != nil {
			return fmt.Errorf("cycle: Run: driver %q: %w", name, err)
		}
		sources[name] = src
	}
	so := reflect.ValueOf(&p.Sources).Elem()
	for name, i := range srcNames {
		if v := reflect.ValueOf(sources[name]); v.IsValid() {
			so.Field(i).Set(v)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cycle: Run: main panicked: %v", r)
		}
	}()
	p.Sinks = main(p.Sources)
	return nil
}

func startDriver(d Driver, ctx *Context, sink any) (src any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panicked while starting: %v", r)
		}
	}()
	return d.start(ctx, sink)
}

// fieldName gives the driver name of a struct field: its name, or its
// `cycle:"name"` tag; `cycle:"-"` leaves the field out. Run and Isolate
// both name fields by it, so that they pair the same sources and sinks.
func fieldName(f reflect.StructField) (string, bool) {
	tag := f.Tag.Get("cycle")
	switch {
	case tag == "-":
		return "", false
	case tag != "":
		return tag, true
	}
	return f.Name, true
}

var providedType = reflect.TypeFor[Provided]()

// checkFields checks the fields of S against the drivers and returns the
// field index of each driver name. Fields named in provided belong to a
// wrapper around main and are skipped.
func checkFields[S any](drivers Drivers, what string, sources bool, provided map[string]bool) (map[string]int, error) {
	t := reflect.TypeFor[S]()
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("cycle: Run: main's %s must be a struct type, not %s", what, t)
	}
	for name, d := range drivers {
		if d == nil {
			return nil, fmt.Errorf("cycle: Run: driver %q is nil", name)
		}
	}
	idx := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, ok := fieldName(f)
		if !ok || provided[name] {
			continue
		}
		if !f.IsExported() {
			return nil, fmt.Errorf("cycle: Run: field %s.%s is unexported; export it or tag it `cycle:\"-\"`", what, f.Name)
		}
		d, ok := drivers[name]
		if !ok {
			return nil, fmt.Errorf("cycle: Run: field %s.%s has no driver; add a driver named %q to Drivers or remove the field%s",
				what, f.Name, name, knownDrivers(drivers))
		}
		want := d.SourceType()
		kind := "source"
		if !sources {
			want, kind = d.SinkType(), "sink"
		}
		if want == nil {
			return nil, fmt.Errorf("cycle: Run: field %s.%s: driver %q takes no %s; remove the field", what, f.Name, name, kind)
		}
		if f.Type != want {
			return nil, fmt.Errorf("cycle: Run: field %s.%s has type %s, but driver %q's %s has type %s",
				what, f.Name, f.Type, name, kind, want)
		}
		idx[name] = i
	}
	return idx, nil
}

// providedFields names the source fields whose type a wrapper supplies.
func providedFields(t reflect.Type) map[string]bool {
	m := map[string]bool{}
	if t.Kind() != reflect.Struct {
		return m
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Implements(providedType) {
			if name, ok := fieldName(f); ok {
				m[name] = true
			}
		}
	}
	return m
}

func knownDrivers(d Drivers) string {
	if len(d) == 0 {
		return " (Drivers is empty)"
	}
	return " (drivers: " + strings.Join(sortedKeys(d), ", ") + ")"
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
