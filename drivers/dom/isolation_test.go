//go:build !(js && wasm)

package dom_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
)

type logSources struct{ DOM *dom.Source }
type logSinks struct {
	DOM *stream.Stream[dom.Node]
	Log *stream.Stream[string]
}

// heard logs "who what" for every click that src's selection hears.
func heard(src *dom.Source, who, what string) *stream.Stream[string] {
	return stream.MapTo(src.Events("click"), who+" "+what)
}

// innerButton is the innermost component: a div with a .btn, whose
// clicks it logs, and a root listener.
func innerButton(s logSources) logSinks {
	return logSinks{
		DOM: stream.Of(dom.Div(dom.Class{"counter": true}, dom.Button(dom.Class{"btn": true}, dom.Attrs{"id": "inner-btn"}, "inner"))),
		Log: stream.Merge(heard(s.DOM.Select(".btn"), "inner", ".btn"), heard(s.DOM, "inner", "root")),
	}
}

// nestedApp isolates outer, which isolates innerButton and makes its view
// from the inner view with view; the app has a .btn of its own.
func nestedApp(view func(inner dom.Node) dom.Node) func(logSources) logSinks {
	outer := func(s logSources) logSinks {
		in := cycle.Isolate(innerButton, "inner")(s)
		return logSinks{
			DOM: stream.Map(in.DOM, view),
			Log: stream.Merge(in.Log, heard(s.DOM.Select(".btn"), "outer", ".btn"), heard(s.DOM, "outer", "root")),
		}
	}
	return func(s logSources) logSinks {
		o := cycle.Isolate(outer, "outer")(s)
		return logSinks{
			DOM: stream.Map(o.DOM, func(v dom.Node) dom.Node {
				return dom.Div(dom.Attrs{"id": "app"}, dom.Button(dom.Class{"btn": true}, dom.Attrs{"id": "app-btn"}, "app"), v)
			}),
			Log: stream.Merge(o.Log, heard(s.DOM.Select(".btn"), "app", ".btn")),
		}
	}
}

// runLogged runs app with MemDriver and a driver that logs its Log sink,
// and returns the MemDOM, once rendered, and the log.
func runLogged(t *testing.T, app func(logSources) logSinks) (*dom.MemDOM, *[]string) {
	t.Helper()
	m := dom.NewMemDOM()
	var log []string
	logger := cycle.SinkDriver(func(s *stream.Stream[string], _ *cycle.Context) error {
		s.Subscribe(stream.Listener[string]{Next: func(v string) { log = append(log, v) }})
		return nil
	})
	p, err := cycle.Setup(app, cycle.Drivers{"DOM": dom.MemDriver(m), "Log": logger},
		cycle.WithErrors(func(err error) { t.Errorf("app error: %v", err) }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Run())
	p.Loop.Do(func() {}) // the first frame has run
	return m, &log
}

func byID(t *testing.T, m *dom.MemDOM, id string) *dom.MemNode {
	t.Helper()
	var find func(n *dom.MemNode) *dom.MemNode
	find = func(n *dom.MemNode) *dom.MemNode {
		if v, _ := n.Attr("id"); v == id && n.TagName() != "" {
			return n
		}
		for _, c := range n.Children() {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	n := find(m.NodeAt())
	if n == nil {
		t.Fatalf("no #%s in %s", id, m)
	}
	return n
}

// click dispatches a click on #id and returns what the app logged for it,
// sorted: listeners on one element hear it in no particular order.
func click(t *testing.T, m *dom.MemDOM, log *[]string, id string) []string {
	t.Helper()
	*log = nil
	if err := m.Dispatch(byID(t, m, id), dom.Event{Type: "click"}); err != nil {
		t.Fatal(err)
	}
	got := slices.Clone(*log)
	slices.Sort(got)
	return got
}

// Nested isolation is total, also when the outer component's view is the
// inner one's (the same root element) or holds it in a Fragment beside
// elements of its own: a click inside the inner component reaches the
// inner's listeners only (and the roots it bubbles through), a click on
// the outer's own element the outer's only. Before the fix, the outer
// scope overwrote the inner's mark on the shared root, and the outer's
// .btn heard the inner's button while the inner heard nothing.
func TestNestedIsolationOnASharedRoot(t *testing.T) {
	cases := []struct {
		name string
		view func(dom.Node) dom.Node
		mark string // the mark of the inner view's root
	}{
		{"the inner view as it is", func(v dom.Node) dom.Node { return v }, "outer/inner outer"},
		{"the inner view in a fragment", func(v dom.Node) dom.Node {
			return dom.Fragment(v, dom.Button(dom.Class{"btn": true}, dom.Attrs{"id": "outer-btn"}, "outer"))
		}, "outer/inner outer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, log := runLogged(t, nestedApp(c.view))
			if got, _ := byID(t, m, "inner-btn").Parent().Attr(dom.ScopeAttr); got != c.mark {
				t.Errorf("the inner view's root has %s=%q, want %q", dom.ScopeAttr, got, c.mark)
			}
			want := []string{"inner .btn", "inner root", "outer root"}
			if got := click(t, m, log, "inner-btn"); !slices.Equal(got, want) {
				t.Errorf("a click on the inner button was heard by %q, want %q", got, want)
			}
			if got, want := click(t, m, log, "app-btn"), []string{"app .btn"}; !slices.Equal(got, want) {
				t.Errorf("a click on the app's button was heard by %q, want %q", got, want)
			}
			if !strings.Contains(m.String(), "outer-btn") {
				return
			}
			if got, want := click(t, m, log, "outer-btn"), []string{"outer .btn", "outer root"}; !slices.Equal(got, want) {
				t.Errorf("a click on the outer's own button was heard by %q, want %q", got, want)
			}
		})
	}
}

// The HTML of a nested isolated view carries the same marks as the
// MemDOM and the browser.
func TestNestedIsolationMarksInHTML(t *testing.T) {
	var html []string
	app := nestedApp(func(v dom.Node) dom.Node { return v })
	wrapped := func(s logSources) struct{ DOM *stream.Stream[dom.Node] } {
		return struct{ DOM *stream.Stream[dom.Node] }{app(s).DOM}
	}
	dispose, err := cycle.Run(wrapped, cycle.Drivers{"DOM": dom.HTMLDriver(func(h string) { html = append(html, h) })})
	if err != nil {
		t.Fatal(err)
	}
	dispose()
	want := `<div id="app"><button class="btn" id="app-btn">app</button><div class="counter" data-cycle-scope="outer/inner outer"><button class="btn" id="inner-btn">inner</button></div></div>`
	if len(html) != 1 || html[0] != want {
		t.Errorf("got %q, want %q", html, want)
	}
}

// Isolate pairs the DOM source and sink by their `cycle:"DOM"` tags, as
// Run does, whatever their Go names.
func TestIsolateTaggedDOMFields(t *testing.T) {
	type sources struct {
		Dom *dom.Source `cycle:"DOM"`
	}
	type sinks struct {
		View *stream.Stream[dom.Node] `cycle:"DOM"`
	}
	component := func(s sources) sinks {
		return sinks{View: stream.Of(dom.Div("x"))}
	}
	got := cycle.Isolate(component, "a")(sources{Dom: dom.MockSource(nil)})
	var mark string
	got.View.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { mark, _ = n.Attr(dom.ScopeAttr) }})
	if mark != "a" {
		t.Errorf("the view of a component isolated with tagged fields has %s=%q, want \"a\"", dom.ScopeAttr, mark)
	}
}

// MemDOM.Dispatch delegates as the browser runtime does: selector chains
// with combinators, capture before bubbling, StopPropagation at the
// matched element, the matched element's dataset, non-bubbling types on
// their target only, and an error for a selector it cannot match.
func TestMemDOMDispatchDelegates(t *testing.T) {
	app := func(s logSources) logSinks {
		log := func(sel *dom.Source, typ, what string, opts ...dom.EventOption) *stream.Stream[string] {
			return stream.Map(sel.Events(typ, opts...), func(e dom.Event) string {
				return what + " " + e.Type + " " + e.Dataset["rowId"] + " " + e.TargetTag
			})
		}
		return logSinks{
			DOM: stream.Of(dom.Div(dom.Attrs{"id": "top"},
				dom.Ul(dom.Class{"list": true},
					dom.Li(dom.Dataset{"rowId": "7"}, dom.Attrs{"id": "row"}, dom.Span(dom.Attrs{"id": "cell", "class": "c x"}, "seven"))),
				dom.Input(dom.Attrs{"id": "field", "type": "text"}),
			)),
			Log: stream.Merge(
				log(s.DOM.Select(".list").Select("li"), "click", "li"),
				log(s.DOM.Select("div > ul.list [data-row-id=\"7\"] span.c"), "click", "span"),
				log(s.DOM.Select("#top"), "click", "top-capture", dom.Capture()),
				log(s.DOM.Select("#top"), "click", "top"),
				log(s.DOM, "click", "container"),
				log(s.DOM.Select("div"), "focus", "div"),
				log(s.DOM.Select("#field"), "focus", "field"),
				log(s.DOM.Select("li"), "dblclick", "li-stop", dom.StopPropagation()),
				log(s.DOM.Select("#top"), "dblclick", "top"),
				stream.Map(s.DOM.Select("li:hover").Events("click").ReplaceError(func(err error) *stream.Stream[dom.Event] {
					return stream.Of(dom.Event{Type: err.Error()})
				}), func(e dom.Event) string { return e.Type }),
			),
		}
	}
	m, log := runLogged(t, app)
	if len(*log) != 1 || !strings.Contains((*log)[0], `Select("li:hover")`) {
		t.Errorf("an unsupported selector gave %q, want a SelectorError", *log)
	}
	dispatch := func(id, typ string) []string {
		t.Helper()
		*log = nil
		if err := m.Dispatch(byID(t, m, id), dom.Event{Type: typ}); err != nil {
			t.Fatal(err)
		}
		return *log
	}
	if got, want := dispatch("cell", "click"), []string{
		"top-capture click  span", "span click  span", "li click 7 span", "top click  span", "container click  span",
	}; !slices.Equal(got, want) {
		t.Errorf("click on the cell:\n got %q\nwant %q", got, want)
	}
	if got, want := dispatch("field", "focus"), []string{"field focus  input"}; !slices.Equal(got, want) {
		t.Errorf("focus on the field: got %q, want %q", got, want)
	}
	if got, want := dispatch("cell", "dblclick"), []string{"li-stop dblclick 7 span"}; !slices.Equal(got, want) {
		t.Errorf("dblclick stopped at the li: got %q, want %q", got, want)
	}
	if err := m.Dispatch(byID(t, m, "cell").Children()[0], dom.Event{Type: "click"}); err != nil || len(*log) == 0 {
		t.Errorf("a click on a text node: %v, heard by %q", err, *log)
	}
	if err := dom.NewMemDOM().Dispatch(nil, dom.Event{Type: "click"}); err == nil {
		t.Error("Dispatch into a MemDOM no app renders into gave no error")
	}
}

// A space in a scope is escaped, since spaces separate the scopes of a
// mark: Isolate(c, "a b") is one scope, not a and b.
func TestScopeWithASpaceIsOneScope(t *testing.T) {
	m, log := runLogged(t, func(s logSources) logSinks {
		in := cycle.Isolate(innerButton, "a b")(s)
		return logSinks{DOM: in.DOM, Log: stream.Merge(in.Log, heard(s.DOM.Select(".btn"), "app", ".btn"))}
	})
	if got, _ := byID(t, m, "inner-btn").Parent().Attr(dom.ScopeAttr); got != "a%20b" {
		t.Errorf("the mark of scope \"a b\" is %q, want \"a%%20b\"", got)
	}
	if got, want := click(t, m, log, "inner-btn"), []string{"inner .btn", "inner root"}; !slices.Equal(got, want) {
		t.Errorf("a click on the button was heard by %q, want %q", got, want)
	}
}
