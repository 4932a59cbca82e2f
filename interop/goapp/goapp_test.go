//go:build !(js && wasm)

package goapp

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

type echoSources struct {
	DOM   *dom.Source
	Props *stream.Stream[int]
}

type echoSinks struct {
	DOM    *stream.Stream[dom.Node]
	Output *stream.Stream[int]
}

// echo renders its props and sends each back on Output.
func echo(src echoSources) echoSinks {
	return echoSinks{
		DOM:    stream.Map(src.Props, func(p int) dom.Node { return dom.Div(dom.Attrs{"id": "echo"}, strconv.Itoa(p)) }),
		Output: src.Props,
	}
}

// parent is a go-app component that hosts echo.
type parent struct {
	app.Compo
	props   int
	clicks  int // renders again without changing props
	hidden  bool
	mu      sync.Mutex
	got     []int
	errs    []error
	outside bool // an OnOutput ran off go-app's UI goroutine
}

func (p *parent) Render() app.UI {
	if p.hidden {
		return app.Div().Text("hidden")
	}
	return app.Div().Body(
		app.Span().Text(p.clicks),
		&Widget[int, int]{
			ID:    "w",
			Main:  App[echoSources, echoSinks, int, int](echo, nil),
			Props: p.props,
			OnOutput: func(ctx app.Context, v int) {
				p.mu.Lock()
				p.got = append(p.got, v)
				p.mu.Unlock()
			},
			OnError: func(ctx app.Context, err error) {
				p.mu.Lock()
				p.errs = append(p.errs, err)
				p.mu.Unlock()
			},
		},
	)
}

func (p *parent) received() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]int(nil), p.got...)
}

func goroutines() int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.HasPrefix(g, "goroutine ") {
			n++
		}
	}
	return n
}

// consumeUntil runs go-app's pending work until cond holds.
func consumeUntil(t *testing.T, d app.ClientDispatcher, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		d.Consume()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestWidgetPropsOutputAndDispose(t *testing.T) {
	var (
		mu   sync.Mutex
		doms []*dom.MemDOM
	)
	newMemDOM = func() *dom.MemDOM {
		m := dom.NewMemDOM()
		mu.Lock()
		doms = append(doms, m)
		mu.Unlock()
		return m
	}
	t.Cleanup(func() { newMemDOM = dom.NewMemDOM })

	before := goroutines()
	p := &parent{}
	d := app.NewClientTester(p)
	defer d.Close()

	// Mounted: the app got the props it was mounted with and sent them back.
	consumeUntil(t, d, "the first output", func() bool { return len(p.received()) == 1 })

	// Every new props reach the app, and come back, once and in order;
	// renders with the same props send nothing.
	const n = 500
	for i := 1; i <= n; i++ {
		p.props = i
		p.Update()
		p.clicks++
		p.Update()
		d.Consume()
	}
	consumeUntil(t, d, "every output", func() bool { return len(p.received()) >= n+1 })
	time.Sleep(20 * time.Millisecond)
	d.Consume()
	got := p.received()
	if len(got) != n+1 {
		t.Errorf("the parent received %d values, want %d", len(got), n+1)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("value %d is %d: a value was lost, repeated or reordered (%v...)", i, v, got[:min(len(got), i+3)])
		}
	}
	mu.Lock()
	if len(doms) != 1 {
		t.Fatalf("%d apps were started, want 1", len(doms))
	}
	m := doms[0]
	mu.Unlock()
	if len(p.errs) != 0 {
		t.Errorf("errors: %v", p.errs)
	}

	// Dismounted: the app is disposed (its loop has stopped, so m may be
	// read), and no goroutine is left.
	p.hidden = true
	p.Update()
	d.Consume()
	if s := m.String(); s != "" {
		t.Errorf("after dismount the app's container still shows %s", s)
	}
	d.Close()
	deadline := time.Now().Add(5 * time.Second)
	for goroutines() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left behind:\n%s", goroutines()-before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

func TestWidgetWithoutMain(t *testing.T) {
	var got []error
	w := &Widget[int, int]{OnError: func(_ app.Context, err error) { got = append(got, err) }}
	d := app.NewClientTester(w)
	defer d.Close()
	d.Consume()
	if len(got) != 1 || !errors.Is(got[0], ErrNoMain) {
		t.Fatalf("errors %v, want ErrNoMain", got)
	}
}

// A Main that fails is reported, and dismounting is harmless.
func TestWidgetMainFails(t *testing.T) {
	boom := errors.New("boom")
	var got []error
	w := &Widget[int, int]{
		Main:    func(Host[int, int]) (func(), error) { return nil, boom },
		OnError: func(_ app.Context, err error) { got = append(got, err) },
	}
	d := app.NewClientTester(w)
	d.Consume()
	d.Close()
	if len(got) != 1 || !errors.Is(got[0], boom) {
		t.Fatalf("errors %v, want boom", got)
	}
}

// The container is one empty div for go-app: the app's nodes are not in
// go-app's tree.
func TestWidgetRendersAnEmptyContainer(t *testing.T) {
	w := &Widget[int, int]{ID: "x", Class: "c"}
	if err := app.TestMatch(w.Render(), app.TestUIDescriptor{Path: app.TestPath(), Expected: app.Div().DataSet("gocycle-widget", true).ID("x").Class("c")}); err != nil {
		t.Fatal(err)
	}
	var _ cycle.Driver = containerDriver(w)
}
