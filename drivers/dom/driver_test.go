package dom

import (
	"errors"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
)

// failingRenderer is a MemDOM whose next applies fail, having applied
// nothing, as a browser that threw at the first op of a frame.
type failingRenderer struct {
	memRenderer
	fail   int // how many of the next applies fail
	resets int
}

func (r *failingRenderer) apply(e *Edits) error {
	if r.fail > 0 {
		r.fail--
		return errors.New("the browser threw")
	}
	return r.memRenderer.apply(e)
}

func (r *failingRenderer) reset() error {
	r.resets++
	return r.memRenderer.reset()
}

// viewHarness is a view whose frames run at once, on a failingRenderer.
type viewHarness struct {
	m    *MemDOM
	r    *failingRenderer
	v    *view
	sink *stream.Subject[Node]
	errs []error
}

func newViewHarness() *viewHarness {
	h := &viewHarness{m: NewMemDOM(), sink: stream.NewSubject[Node]()}
	h.r = &failingRenderer{memRenderer: memRenderer{h.m}}
	h.v = newView(h.r, func(f func()) { f() }, func(err error) { h.errs = append(h.errs, err) })
	h.v.connect(h.sink.Stream())
	return h
}

func (h *viewHarness) show(t *testing.T, n Node, wantErrs int) {
	t.Helper()
	h.errs = nil
	h.sink.Next(n)
	if len(h.errs) != wantErrs {
		t.Fatalf("%d errors, want %d: %v", len(h.errs), wantErrs, h.errs)
	}
}

func (h *viewHarness) check(t *testing.T, want Node) {
	t.Helper()
	if got, want := h.m.String(), MemDOMFrom(want).String(); got != want {
		t.Fatalf("the DOM is\n%s\nwant\n%s", got, want)
	}
}

func listView(items ...string) Node {
	lis := make([]Node, len(items))
	for i, x := range items {
		lis[i] = Li(Key(x), x)
	}
	return Div(P("title "+strings.Join(items, "")), Ul(lis))
}

// A frame whose apply fails leaves the page and the Patcher out of step:
// the view starts again from an empty container and renders the latest
// view from scratch, and the frames after it are right.
func TestFailedApplyRendersFromScratch(t *testing.T) {
	h := newViewHarness()
	h.show(t, listView("a", "b", "c"), 0)
	h.check(t, listView("a", "b", "c"))

	h.r.fail = 1
	h.show(t, listView("c", "b", "x"), 1)
	h.check(t, listView("c", "b", "x"))
	if h.r.resets != 1 {
		t.Errorf("%d resets, want 1", h.r.resets)
	}
	h.show(t, listView("b", "x", "y"), 0)
	h.check(t, listView("b", "x", "y"))

	// It fails again from scratch: the container stays empty until the
	// next view, which is rendered from scratch.
	h.r.fail = 2
	h.show(t, listView("z"), 2)
	h.check(t, Node{})
	h.show(t, listView("z", "w"), 0)
	h.check(t, listView("z", "w"))
	h.show(t, listView("w"), 0)
	h.check(t, listView("w"))
}

// A thunk whose render panics is an error of the app, not a crash of the
// view: the container is emptied, and the next view renders from scratch.
func TestThunkPanicResetsTheView(t *testing.T) {
	h := newViewHarness()
	h.show(t, listView("a", "b"), 0)
	boom := Div(Thunk("t", func() Node { panic("boom") }))
	h.show(t, boom, 1)
	if !strings.Contains(h.errs[0].Error(), "boom") {
		t.Errorf("error %v does not say what panicked", h.errs[0])
	}
	h.check(t, Node{})
	h.show(t, listView("a", "c"), 0)
	h.check(t, listView("a", "c"))
	h.show(t, listView("c"), 0)
	h.check(t, listView("c"))
}

// refusingBackend cannot listen.
type refusingBackend struct{ quietBackend }

func (refusingBackend) listen(listenSpec, func(Event)) (func(), error) {
	return nil, errors.New("invalid CSS selector")
}

func TestEventsFailWhenTheBackendCannotListen(t *testing.T) {
	src := &Source{b: refusingBackend{}}
	var got error
	cancel := src.Select("p:::x").Events("click").Subscribe(stream.Listener[Event]{Error: func(err error) { got = err }})
	defer cancel()
	if got == nil || !strings.Contains(got.Error(), "invalid CSS selector") {
		t.Errorf("the Events stream failed with %v", got)
	}
}
