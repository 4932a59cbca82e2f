package dom_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
)

type buttonSources struct{ DOM *dom.Source }
type buttonSinks struct {
	DOM    *stream.Stream[dom.Node]
	Clicks *stream.Stream[int]
}

// button counts its clicks; it is the component the tests isolate.
func button(src buttonSources) buttonSinks {
	clicks := stream.Fold(src.DOM.Select(".ok").Events("click"), 0, func(n int, _ dom.Event) int { return n + 1 })
	return buttonSinks{
		DOM:    stream.Map(clicks, func(n int) dom.Node { return dom.H("button.ok", "clicked") }),
		Clicks: clicks,
	}
}

func TestMockSourceAnswersBySelectorChain(t *testing.T) {
	clicks := stream.NewSubject[dom.Event]()
	src := dom.MockSource(dom.MockConfig{
		".list li": {Events: map[string]*stream.Stream[dom.Event]{"click": clicks.Stream()}},
	})
	var got []string
	src.Select(".list").Select("li").Events("click").Subscribe(stream.Listener[dom.Event]{
		Next: func(e dom.Event) { got = append(got, e.Dataset["id"]) },
	})
	var other []dom.Event
	src.Select(".list").Events("click").Subscribe(stream.Listener[dom.Event]{Next: func(e dom.Event) { other = append(other, e) }})
	clicks.Next(dom.Event{Type: "click", Dataset: map[string]string{"id": "7"}})
	if !slices.Equal(got, []string{"7"}) || len(other) != 0 {
		t.Errorf("got %v and %v", got, other)
	}
}

func TestMockSourceIsolation(t *testing.T) {
	a, b := stream.NewSubject[dom.Event](), stream.NewSubject[dom.Event]()
	src := dom.MockSource(dom.MockConfig{
		"@a .ok": {Events: map[string]*stream.Stream[dom.Event]{"click": a.Stream()}},
		"@b .ok": {Events: map[string]*stream.Stream[dom.Event]{"click": b.Stream()}},
	})
	sa := cycle.Isolate(button, "a")(buttonSources{DOM: src})
	sb := cycle.Isolate(button, "b")(buttonSources{DOM: src})
	var ca, cb []int
	sa.Clicks.Subscribe(stream.Listener[int]{Next: func(n int) { ca = append(ca, n) }})
	sb.Clicks.Subscribe(stream.Listener[int]{Next: func(n int) { cb = append(cb, n) }})
	a.Next(dom.Event{Type: "click"})
	a.Next(dom.Event{Type: "click"})
	b.Next(dom.Event{Type: "click"})
	if !slices.Equal(ca, []int{0, 1, 2}) || !slices.Equal(cb, []int{0, 1}) {
		t.Errorf("a counted %v, b counted %v", ca, cb)
	}
	var root string
	sa.DOM.Take(1).Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { root, _ = n.Attr(dom.ScopeAttr) }})
	if root != "a" {
		t.Errorf("the isolated view's root has %s=%q, want \"a\"", dom.ScopeAttr, root)
	}
}

// TestNestedIsolationJoinsScopes checks only the mock's chain for nested
// scopes: a MockSource never looks at the views' scope marks. How nested
// isolated views and events meet is tested with MemDOM.Dispatch
// (TestNestedIsolationOnASharedRoot) and in the browser (browsertest).
func TestNestedIsolationJoinsScopes(t *testing.T) {
	inner := stream.NewSubject[dom.Event]()
	src := dom.MockSource(dom.MockConfig{"@outer/inner .ok": {Events: map[string]*stream.Stream[dom.Event]{"click": inner.Stream()}}})
	parent := func(s buttonSources) buttonSinks { return cycle.Isolate(button, "inner")(s) }
	sinks := cycle.Isolate(parent, "outer")(buttonSources{DOM: src})
	var got []int
	sinks.Clicks.Subscribe(stream.Listener[int]{Next: func(n int) { got = append(got, n) }})
	inner.Next(dom.Event{})
	if !slices.Equal(got, []int{0, 1}) {
		t.Errorf("got %v", got)
	}
}

func TestSelectorListIsRefusedWithAnError(t *testing.T) {
	src := dom.MockSource(nil)
	var err error
	src.Select(".a, .b").Events("click").Subscribe(stream.Listener[dom.Event]{Error: func(e error) { err = e }})
	var se *dom.SelectorError
	if !errors.As(err, &se) || se.Selector != ".a, .b" {
		t.Errorf("got %v, want a *dom.SelectorError naming the selector", err)
	}
}

func TestMockSourcePassesErrorsAndCompletion(t *testing.T) {
	src := dom.MockSource(dom.MockConfig{".x": {Events: map[string]*stream.Stream[dom.Event]{
		"click": stream.Concat(stream.Of(dom.Event{Type: "click"}), stream.Throw[dom.Event](errors.New("gone"))),
	}}})
	var log []string
	src.Select(".x").Events("click").Subscribe(stream.Listener[dom.Event]{
		Next:  func(e dom.Event) { log = append(log, e.Type) },
		Error: func(err error) { log = append(log, err.Error()) },
	})
	done := false
	src.Select(".y").Events("click").Subscribe(stream.Listener[dom.Event]{Complete: func() { done = true }})
	if !slices.Equal(log, []string{"click", "gone"}) || !done {
		t.Errorf("got %v, unconfigured completed: %v", log, done)
	}
}

func TestScopesWithASlashDoNotCollide(t *testing.T) {
	a, b := stream.NewSubject[dom.Event](), stream.NewSubject[dom.Event]()
	src := dom.MockSource(dom.MockConfig{
		"@a%2Fb .ok": {Events: map[string]*stream.Stream[dom.Event]{"click": a.Stream()}},
		"@a/b .ok":   {Events: map[string]*stream.Stream[dom.Event]{"click": b.Stream()}},
	})
	flat := cycle.Isolate(button, "a/b")(buttonSources{DOM: src})
	var got []int
	flat.Clicks.Subscribe(stream.Listener[int]{Next: func(n int) { got = append(got, n) }})
	b.Next(dom.Event{})
	a.Next(dom.Event{})
	if !slices.Equal(got, []int{0, 1}) {
		t.Errorf("Isolate(c, \"a/b\") counted %v, want [0 1]: only its own clicks", got)
	}
}
