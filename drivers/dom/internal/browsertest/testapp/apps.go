// Command testapp is the app the browser tests of package browsertest
// run: one small gocycle app per scenario, chosen by the first argument
// (go.argv in the page), each exercising one feature of the DOM driver.
// The apps are plain Go and build natively; main_js.go runs them.
package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/dom/svg"
)

// Sources and Sinks are those of every scenario.
type Sources struct{ DOM *dom.Source }

// Sinks are what every scenario renders.
type Sinks struct{ DOM *stream.Stream[dom.Node] }

// apps are the scenarios, by name.
var apps = map[string]func(Sources) Sinks{
	"reorder":   reorder,
	"typing":    typing,
	"isolation": isolation,
	"nested":    nested,
	"dispose":   disposal,
	"burst":     burst,
	"ops":       ops,
	"events":    events,
	"recover":   recovery,
	"selector":  badSelector,
}

// removed is called by the Remove hooks of the scenarios; main_js.go
// makes it tell the page.
var removed = func(dom.Element) {}

func count[T any](s *stream.Stream[T]) *stream.Stream[int] {
	return stream.Fold(s, 0, func(n int, _ T) int { return n + 1 })
}

// reorder shows a keyed list that #reverse reverses and #rotate rotates.
func reorder(src Sources) Sinks {
	rev := stream.MapTo(src.DOM.Select("#reverse").Events("click"), "reverse")
	rot := stream.MapTo(src.DOM.Select("#rotate").Events("click"), "rotate")
	items := stream.Fold(stream.Merge(rev, rot), []string{"a", "b", "c", "d", "e"}, func(xs []string, op string) []string {
		ys := slices.Clone(xs)
		if op == "reverse" {
			slices.Reverse(ys)
		} else {
			ys = append(ys[1:], ys[0])
		}
		return ys
	})
	return Sinks{DOM: stream.Map(items, func(xs []string) dom.Node {
		lis := make([]dom.Node, len(xs))
		for i, x := range xs {
			lis[i] = dom.Li(dom.Key(x), dom.Class{"item": true}, x)
		}
		return dom.Div(
			dom.Button(dom.Attrs{"id": "reverse"}, "reverse"),
			dom.Button(dom.Attrs{"id": "rotate"}, "rotate"),
			dom.Ul(dom.Attrs{"id": "list"}, lis),
		)
	})}
}

// typing re-renders the input it reads on every keystroke: its value,
// an attribute and a class change each time.
func typing(src Sources) Sinks {
	text := stream.Map(src.DOM.Select("#name").Events("input"), func(e dom.Event) string { return e.Value }).StartWith("")
	return Sinks{DOM: stream.Map(text, func(s string) dom.Node {
		return dom.Div(
			dom.Input(dom.Attrs{"id": "name", "data-len": strconv.Itoa(len(s))}, dom.Class{"long": len(s) > 3}, dom.Props{"value": s}),
			dom.P(dom.Attrs{"id": "echo"}, s),
		)
	})}
}

// counter is the component that isolation isolates twice.
func counter(src Sources) Sinks {
	n := count(src.DOM.Select(".btn").Events("click")).StartWith(0)
	return Sinks{DOM: stream.Map(n, func(n int) dom.Node {
		return dom.Div(dom.Class{"counter": true},
			dom.Button(dom.Class{"btn": true}, "+"),
			dom.Span(dom.Class{"count": true}, strconv.Itoa(n)))
	})}
}

// isolation puts two isolated counters beside a button of its own with
// the same class: each must count only its own clicks.
func isolation(src Sources) Sinks {
	left := cycle.Isolate(counter, "left")(src)
	right := cycle.Isolate(counter, "right")(src)
	own := count(src.DOM.Select(".btn").Events("click")).StartWith(0)
	seen := stream.DropRepeats(stream.Map(src.DOM.Select(".btn").Elements(), func(es []dom.Element) int { return len(es) })).StartWith(-1)
	return Sinks{DOM: stream.Combine4(left.DOM, right.DOM, own, seen, func(l, r dom.Node, n, seen int) dom.Node {
		return dom.Div(
			dom.Button(dom.Class{"btn": true}, dom.Attrs{"id": "parent-btn"}, "parent"),
			dom.Span(dom.Attrs{"id": "parent-count"}, strconv.Itoa(n)),
			dom.Span(dom.Attrs{"id": "parent-seen"}, strconv.Itoa(seen)),
			l, r)
	})}
}

// outerSinks are the sinks of nested's outer component: its view, and
// what it sees of its own: "clicks buttons roots", the clicks it counts
// on its .btn elements, how many .btn elements and how many root
// elements its Elements streams give.
type outerSinks struct {
	DOM  *stream.Stream[dom.Node]
	Seen *stream.Stream[string]
}

// outer isolates a counter and makes its view of the counter's: beside a
// .btn of its own in a Fragment when own is true, else the counter's view
// as it is (the same root element). What it sees must be its own only.
func outer(own bool) func(Sources) outerSinks {
	return func(src Sources) outerSinks {
		in := cycle.Isolate(counter, "inner")(src)
		view := in.DOM
		if own {
			view = stream.Map(in.DOM, func(v dom.Node) dom.Node {
				return dom.Fragment(v, dom.Button(dom.Class{"btn": true}, dom.Attrs{"id": "outer-btn"}, "outer"))
			})
		}
		size := func(es []dom.Element) int { return len(es) }
		clicks := count(src.DOM.Select(".btn").Events("click")).StartWith(0)
		btns := stream.Map(src.DOM.Select(".btn").Elements(), size).StartWith(-1)
		roots := stream.Map(src.DOM.Elements(), size).StartWith(-1)
		return outerSinks{DOM: view, Seen: stream.Combine3(clicks, btns, roots, func(c, b, r int) string {
			return fmt.Sprint(c, b, r)
		})}
	}
}

// nested isolates the two kinds of outer, as "frag" and "shared", and
// shows what they see.
func nested(src Sources) Sinks {
	frag := cycle.Isolate(outer(true), "frag")(src)
	shared := cycle.Isolate(outer(false), "shared")(src)
	return Sinks{DOM: stream.Combine4(frag.DOM, shared.DOM, frag.Seen, shared.Seen, func(f, s dom.Node, fs, ss string) dom.Node {
		return dom.Div(
			dom.Div(dom.Attrs{"id": "frag"}, f),
			dom.Div(dom.Attrs{"id": "shared"}, s),
			dom.Span(dom.Attrs{"id": "frag-seen"}, fs),
			dom.Span(dom.Attrs{"id": "shared-seen"}, ss))
	})}
}

// disposal listens to several event types, bubbling, capturing and
// passive, and to one dblclick only once.
func disposal(src Sources) Sinks {
	clicks := count(src.DOM.Select(".btn").Events("click"))
	focuses := count(src.DOM.Select("#field").Events("focus"))
	inputs := count(src.DOM.Select("#field").Events("input"))
	wheels := count(src.DOM.Select("#field").Events("wheel", dom.Passive()))
	once := count(src.DOM.Select("#once").Events("dblclick").Take(1))
	all := stream.Merge(clicks, focuses, inputs, wheels, once).StartWith(0)
	hooks := &dom.Hooks{Remove: func(e dom.Element) { removed(e) }}
	return Sinks{DOM: stream.Map(all, func(int) dom.Node {
		return dom.Div(hooks,
			dom.Button(dom.Class{"btn": true}, "click"),
			dom.Button(dom.Attrs{"id": "once"}, "once"),
			dom.Input(dom.Attrs{"id": "field"}),
		)
	})}
}

// burst emits 100 values, and so 100 views, for one click.
func burst(src Sources) Sinks {
	values := stream.Flatten(stream.Map(src.DOM.Select("#burst").Events("click"), func(dom.Event) *stream.Stream[int] {
		xs := make([]int, 100)
		for i := range xs {
			xs[i] = i + 1
		}
		return stream.FromSlice(xs)
	}))
	sum := stream.Fold(values, 0, func(a, b int) int { return a + b })
	return Sinks{DOM: stream.Map(sum, func(n int) dom.Node {
		return dom.Div(dom.Button(dom.Attrs{"id": "burst"}, "burst"), dom.P(dom.Attrs{"id": "sum"}, strconv.Itoa(n)))
	})}
}

// ops renders two views that #toggle switches between, which between
// them use every kind of edit.
func ops(src Sources) Sinks {
	on := stream.Fold(src.DOM.Select("#toggle").Events("click"), true, func(on bool, _ dom.Event) bool { return !on })
	return Sinks{DOM: stream.Map(on, func(on bool) dom.Node {
		toggle := dom.Button(dom.Attrs{"id": "toggle"}, "toggle")
		if on {
			return dom.Div(dom.Attrs{"id": "root"}, toggle,
				dom.Input(dom.Attrs{"id": "in", "title": "t"}, dom.Props{"value": "hello", "tabIndex": 3, "spellcheck": false}),
				dom.Span(dom.Attrs{"id": "styled"}, dom.Class{"on": true}, dom.Style{"color": "red", "--x": "1"}, "<b>not bold</b>"),
				dom.Raw("div", `<i id="raw">raw</i>`),
				svg.Svg(dom.Attrs{"id": "pic", "viewBox": "0 0 10 10"},
					svg.Circle(dom.Attrs{"id": "c", "r": "4"}),
					svg.Use(dom.Attrs{"id": "use", "xlink:href": "#c"})),
				dom.P(dom.Attrs{"id": "uni"}, "héllo 😀 wörld"),
				dom.Ul(dom.Attrs{"id": "list"}, dom.Li("1"), dom.Li("2"), dom.Li("3")),
				dom.Input(dom.Attrs{"id": "box", "type": "checkbox"}, dom.Props{"disabled": true, "checked": true, "gocycleX": "x"}),
				dom.Div(dom.Attrs{"id": "focusable"}, dom.Props{"tabIndex": 2, "title": "tip", "hidden": true}),
				dom.P(dom.Attrs{"id": "cls", "class": "x", "style": "margin: 1px"}, dom.Class{"on": true, "gone": true}, dom.Style{"color": "red", "width": "1px"}),
			)
		}
		return dom.Div(dom.Attrs{"id": "root"}, toggle,
			dom.Input(dom.Attrs{"id": "in"}, dom.Props{"tabIndex": 4}),
			dom.Span(dom.Attrs{"id": "styled"}, dom.Class{"on": false}, "changed"),
			dom.Raw("div", `<i id="raw">raw2</i>`),
			svg.Svg(dom.Attrs{"id": "pic", "viewBox": "0 0 10 10"},
				svg.Circle(dom.Attrs{"id": "c", "r": "4"}),
				svg.Use(dom.Attrs{"id": "use"})),
			dom.P(dom.Attrs{"id": "uni"}, "ünï 😀"),
			dom.Ul(dom.Attrs{"id": "list"}),
			dom.Input(dom.Attrs{"id": "box", "type": "checkbox"}),
			dom.Div(dom.Attrs{"id": "focusable"}),
			dom.P(dom.Attrs{"id": "cls", "class": "y", "style": "margin: 2px"}, dom.Class{"on": true}, dom.Style{"color": "red"}),
		)
	})}
}

// events logs, one line each, what its listeners receive.
func events(src Sources) Sinks {
	d := src.DOM
	log := func(name string, s *stream.Stream[dom.Event]) *stream.Stream[string] {
		return stream.Map(s, func(e dom.Event) string { return name + " " + describe(e) })
	}
	lines := stream.Merge(
		log("range", d.Select("#range").Events("input")),
		log("check", d.Select("#check").Events("change")),
		log("key", d.Select("#keys").Events("keydown")),
		log("row", d.Select(".rows").Select(".row").Events("click")),
		log("link", d.Select("#link").Events("click", dom.PreventDefault())),
		log("inner", d.Select(".inner").Events("click", dom.StopPropagation())),
		log("outer", d.Select(".outer").Events("click")),
		log("focus", d.Select("#keys").Events("focus")),
		log("formfocus", d.Select(".form").Events("focus")),
		log("formfocusin", d.Select(".form").Events("focusin")),
		log("formcapture", d.Select(".form").Events("focus", dom.Capture())),
	)
	all := stream.Fold(lines, []string(nil), func(ls []string, l string) []string { return append(slices.Clip(ls), l) })
	return Sinks{DOM: stream.Map(all, func(ls []string) dom.Node {
		return dom.Div(
			dom.Input(dom.Attrs{"id": "range", "type": "range", "min": "0", "max": "10"}),
			dom.Input(dom.Attrs{"id": "check", "type": "checkbox"}),
			dom.Div(dom.Class{"form": true}, dom.Input(dom.Attrs{"id": "keys"})),
			dom.Ul(dom.Class{"rows": true},
				dom.Li(dom.Class{"row": true}, dom.Dataset{"rowId": "7", "label": "a\x1fb"}, dom.Span(dom.Attrs{"id": "row7"}, "seven"))),
			dom.A(dom.Attrs{"id": "link", "href": "#jumped"}, "link"),
			dom.Div(dom.Class{"outer": true},
				dom.Button(dom.Class{"inner": true}, "inner"),
				dom.Button(dom.Attrs{"id": "outer-only"}, "outer")),
			dom.Pre(dom.Attrs{"id": "log"}, strings.Join(ls, "\n")),
		)
	})}
}

// describe writes the fields of e on one line, the dataset sorted.
func describe(e dom.Event) string {
	keys := make([]string, 0, len(e.Dataset))
	for k := range e.Dataset {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ds := make([]string, len(keys))
	for i, k := range keys {
		ds[i] = k + "=" + strconv.Quote(e.Dataset[k])
	}
	return fmt.Sprintf("%s value=%q number=%v checked=%v key=%q code=%q alt=%v ctrl=%v meta=%v shift=%v tag=%s ds=[%s]",
		e.Type, e.Value, e.Number, e.Checked, e.Key, e.Code, e.Alt, e.Ctrl, e.Meta, e.Shift, e.TargetTag, strings.Join(ds, " "))
}

// recovery steps through views on every click on the container itself:
// the second one makes the browser throw (tagName has only a getter), the
// third one has an attribute that the test makes fail once.
func recovery(src Sources) Sinks {
	step := count(src.DOM.Events("click")).StartWith(0)
	return Sinks{DOM: stream.Map(step, func(n int) dom.Node {
		items := func(xs ...string) dom.Node {
			lis := make([]dom.Node, len(xs))
			for i, x := range xs {
				lis[i] = dom.Li(dom.Key(x), x)
			}
			return dom.Ul(dom.Attrs{"id": "list"}, lis)
		}
		switch n {
		case 0:
			return dom.Div(dom.Attrs{"id": "root"}, dom.P(dom.Attrs{"id": "step"}, "0"), items("a", "b", "c"))
		case 1:
			return dom.Div(dom.Attrs{"id": "root"}, dom.P(dom.Attrs{"id": "step"}, "1"), items("c", "b"),
				dom.Input(dom.Props{"tagName": "x"}), dom.P(dom.Attrs{"id": "after"}, "after"))
		case 2:
			return dom.Div(dom.Attrs{"id": "root"}, dom.P(dom.Attrs{"id": "step"}, "2"), items("b", "d"),
				dom.Span(dom.Attrs{"data-boom": "1"}), dom.P(dom.Attrs{"id": "after"}, "after"))
		}
		return dom.Div(dom.Attrs{"id": "root"}, dom.P(dom.Attrs{"id": "step"}, strconv.Itoa(n)), items("d", "b", "e"))
	})}
}

// badSelector listens with a selector that is not valid CSS, and shows
// the error its Events stream fails with.
func badSelector(src Sources) Sinks {
	msgs := stream.Map(src.DOM.Select("p:::x").Events("click"), func(dom.Event) string { return "event" }).
		ReplaceError(func(err error) *stream.Stream[string] { return stream.Of("error: " + err.Error()) })
	return Sinks{DOM: stream.Map(msgs.StartWith("none"), func(m string) dom.Node {
		return dom.P(dom.Attrs{"id": "msg"}, m)
	})}
}
