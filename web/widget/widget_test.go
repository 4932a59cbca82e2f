package widget_test

import (
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/web/widget"
)

func TestParseProps(t *testing.T) {
	p, err := widget.ParseProps(`{"value": false, "min": "10", "max": "NaN", "step": null, "x": 1, "lang": "es_ES", "readonly": "yes"}`)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty("value") || !p.Empty("step") || !p.Empty("absent") {
		t.Error("false, null and absent must be empty")
	}
	if _, ok, err := p.Number("value"); ok || err != nil {
		t.Errorf("Number(false) = ok %v, err %v; want empty, no error", ok, err)
	}
	if v, ok, err := p.Number("min"); !ok || v != 10 || err == nil {
		t.Errorf(`Number("10") = %v, %v, %v; want 10, true and a type error`, v, ok, err)
	}
	if _, ok, err := p.Number("max"); ok || err == nil {
		t.Errorf(`Number("NaN") = ok %v, err %v; want unusable`, ok, err)
	}
	if s, err := p.String("lang"); s != "es_ES" || err != nil {
		t.Errorf("String(lang) = %q, %v", s, err)
	}
	if b, err := p.Bool("readonly"); b || err == nil {
		t.Errorf(`Bool("yes") = %v, %v; want false and an error`, b, err)
	}
	errs := p.Unknown("value", "min", "max", "step", "lang", "readonly")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `"x"`) {
		t.Errorf("Unknown = %v; want one error about x", errs)
	}
	var pe *widget.PropError
	if !errors.As(errs[0], &pe) || pe.Name != "x" {
		t.Errorf("Unknown's error is %T, want *PropError", errs[0])
	}
	for _, bad := range []string{`[1]`, `1`, `"s"`, `{`} {
		if _, err := widget.ParseProps(bad); err == nil {
			t.Errorf("ParseProps(%s): no error", bad)
		}
	}
	if p, err := widget.ParseProps(`null`); err != nil || p == nil {
		t.Errorf("ParseProps(null) = %v, %v; want empty props", p, err)
	}
	if _, ok, err := (widget.Props{"v": math.Inf(1)}).Number("v"); ok || err == nil {
		t.Error("an infinity must be unusable")
	}
	if _, ok, err := (widget.Props{"v": map[string]any{}}).Number("v"); ok || err == nil {
		t.Error("an object must be unusable")
	}
}

type echoSources struct {
	DOM   *dom.Source
	Props *stream.Stream[widget.Props]
}

type echoSinks struct {
	DOM    *stream.Stream[dom.Node]
	Change *stream.Stream[any]
	Errors *stream.Stream[error]
}

// echo sends every props' v to Change, panics on panic: true and reports
// an unknown prop.
func echo(src echoSources) echoSinks {
	return echoSinks{
		DOM: stream.Map(src.Props, func(p widget.Props) dom.Node {
			if b, _ := p.Bool("panic"); b {
				panic("echo: asked to panic")
			}
			return dom.P("ok")
		}),
		Change: stream.Map(src.Props, func(p widget.Props) any { return p["v"] }),
		Errors: stream.Flatten(stream.Map(src.Props, func(p widget.Props) *stream.Stream[error] {
			return stream.FromSlice(p.Unknown("v", "panic"))
		})),
	}
}

var registerOnce sync.Once

func register() {
	registerOnce.Do(func() {
		widget.Register("t-echo", func(h *widget.Host) (func(), error) { return widget.Run(h, echo, nil) })
		widget.Register("t-fail", func(*widget.Host) (func(), error) { return nil, errors.New("no") })
		widget.Register("t-panic", func(*widget.Host) (func(), error) { panic("factory panic") })
	})
}

type recorder struct {
	mu      sync.Mutex
	changes []any
	errs    []string
	fatal   int
	ch      chan struct{}
}

func newRecorder() *recorder { return &recorder{ch: make(chan struct{}, 100)} }

func (r *recorder) config(m *dom.MemDOM, p widget.Props) widget.Config {
	return widget.Config{
		DOM:   dom.MemDriver(m),
		Props: p,
		OnChange: func(v any) {
			r.mu.Lock()
			r.changes = append(r.changes, v)
			r.mu.Unlock()
			r.ch <- struct{}{}
		},
		OnError: func(err error, fatal bool) {
			r.mu.Lock()
			r.errs = append(r.errs, err.Error())
			if fatal {
				r.fatal++
			}
			r.mu.Unlock()
			r.ch <- struct{}{}
		},
	}
}

// waitFor waits until cond holds.
func (r *recorder) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		r.mu.Lock()
		ok := cond()
		r.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-r.ch:
		case <-deadline:
			t.Fatalf("timed out waiting for %s; changes %v, errors %v", what, r.changes, r.errs)
		}
	}
}

func TestMountUpdateDestroy(t *testing.T) {
	register()
	r := newRecorder()
	w, err := widget.Mount("t-echo", r.config(dom.NewMemDOM(), widget.Props{"v": 1.0, "zzz": true}))
	if err != nil {
		t.Fatal(err)
	}
	r.waitFor(t, "the first value and the unknown prop", func() bool { return len(r.changes) == 1 && len(r.errs) == 1 })
	w.Update(widget.Props{"v": 2.0})
	r.waitFor(t, "the update", func() bool { return len(r.changes) == 2 })
	if r.changes[1] != 2.0 || !strings.Contains(r.errs[0], "zzz") || r.fatal != 0 {
		t.Errorf("changes %v, errors %v, fatal %d", r.changes, r.errs, r.fatal)
	}
	w.Destroy()
	w.Destroy()
	w.Update(widget.Props{"v": 3.0}) // nothing, and no panic
	time.Sleep(20 * time.Millisecond)
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.changes) != 2 {
		t.Errorf("after Destroy: changes %v", r.changes)
	}
}

func TestPanicStopsOneInstance(t *testing.T) {
	register()
	a, b := newRecorder(), newRecorder()
	wa, err := widget.Mount("t-echo", a.config(dom.NewMemDOM(), widget.Props{"v": "a"}))
	if err != nil {
		t.Fatal(err)
	}
	defer wa.Destroy()
	wb, err := widget.Mount("t-echo", b.config(dom.NewMemDOM(), widget.Props{"v": "b"}))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Destroy()
	wa.Update(widget.Props{"panic": true})
	a.waitFor(t, "the panic", func() bool { return a.fatal == 1 })
	if !wa.Stopped() || wb.Stopped() {
		t.Fatalf("Stopped: a %v, b %v; want true, false", wa.Stopped(), wb.Stopped())
	}
	a.mu.Lock()
	if !strings.Contains(a.errs[0], "asked to panic") || a.fatal != 1 {
		t.Errorf("a's errors are %q (%d fatal); want one fatal panic", a.errs, a.fatal)
	}
	a.mu.Unlock()
	wb.Update(widget.Props{"v": "b2"})
	b.waitFor(t, "b still working", func() bool { return len(b.changes) == 2 && b.changes[1] == "b2" })
	wa.Update(widget.Props{"v": "nothing"}) // a stopped app ignores it
}

func TestMountErrors(t *testing.T) {
	register()
	m := dom.NewMemDOM()
	if _, err := widget.Mount("t-none", widget.Config{DOM: dom.MemDriver(m)}); err == nil || !strings.Contains(err.Error(), "t-echo") {
		t.Errorf("an unknown widget: %v; want an error that lists the registered ones", err)
	}
	if _, err := widget.Mount("t-fail", widget.Config{DOM: dom.MemDriver(m)}); err == nil || !strings.Contains(err.Error(), "no") {
		t.Errorf("a failing factory: %v", err)
	}
	if _, err := widget.Mount("t-panic", widget.Config{DOM: dom.MemDriver(m)}); err == nil || !strings.Contains(err.Error(), "factory panic") {
		t.Errorf("a panicking factory: %v", err)
	}
	if _, err := widget.Mount("t-echo", widget.Config{}); err == nil {
		t.Error("no DOM driver: no error")
	}
}

func TestRegisterRefusesMistakes(t *testing.T) {
	register()
	f := func(*widget.Host) (func(), error) { return func() {}, nil }
	for name, call := range map[string]func(){
		"empty name": func() { widget.Register("", f) },
		"nil":        func() { widget.Register("t-nil", nil) },
		"twice":      func() { widget.Register("t-echo", f) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			call()
		}()
	}
}

// A PropError speaks the host's terms: the prop's name and value as the
// host wrote them, no Go names, no "widget: prop" prefix.
func TestPropErrorWords(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&widget.PropError{Name: "unit", Value: "centimetre", Want: "a CLDR unit id such as centimeter", Used: "no slider"},
			`"unit" is "centimetre": want a CLDR unit id such as centimeter; no slider`},
		{&widget.PropError{Name: "unit", Want: "a CLDR unit id"}, `"unit" is missing: want a CLDR unit id`},
		{&widget.PropError{Name: "min", Value: 1e21, Want: "a number"}, `"min" is 1e+21: want a number`},
		{&widget.PropError{Name: "digits", Value: []any{16.0, 2.0}, Want: "a number"}, `"digits" is [16,2]: want a number`},
		{widget.Props{"colour": "red"}.Unknown("value", "min")[0], `"colour" is not a known name: want one of value, min; ignored`},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	if got := widget.Describe("a \"b\" <c>"); got != `"a \"b\" <c>"` {
		t.Errorf("Describe = %s", got)
	}
}
