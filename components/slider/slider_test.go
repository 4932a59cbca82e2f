package slider_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/components/slider"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
	"github.com/gocycle/gocycle/drivers/dom"
)

// plain starts a Slider on props and a subject of input events.
func plain(t *testing.T, props *stream.Stream[slider.Props]) (*stream.Subject[dom.Event], *last[dom.Node], *last[float64], *[]float64) {
	t.Helper()
	inputs := stream.NewSubject[dom.Event]()
	sinks := slider.Slider(slider.Sources{
		DOM:   dom.MockSource(dom.MockConfig{"input": {Events: map[string]*stream.Stream[dom.Event]{"input": inputs.Stream()}}}),
		Props: props,
	})
	view := watch(t, sinks.DOM)
	var all []float64
	values := watch(t, sinks.Value.Debug(func(v float64) { all = append(all, v) }))
	return inputs, view, values, &all
}

func input(v float64) dom.Event { return dom.Event{Type: "input", Number: v} }

func TestSliderRendersAnAccessibleRangeInput(t *testing.T) {
	props := stream.Of(slider.Props{ID: "h", Label: "Height", Min: 50, Max: 250, Step: 1, Value: 175,
		Format: func(v float64) string { return "<" + strconv.FormatFloat(v, 'f', -1, 64) + " cm>" }})
	_, view, _, _ := plain(t, props)
	got := dom.ToHTML(view.v)
	want := `<div class="gc-slider"><label for="h">Height</label><div class="gc-slider-row">` +
		`<input aria-valuemax="250" aria-valuemin="50" aria-valuenow="175" aria-valuetext="&lt;175 cm&gt;" id="h" max="250" min="50" step="1" type="range" value="175">` +
		`<output aria-live="off" for="h">&lt;175 cm&gt;</output></div></div>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSliderEmitsClampedSnappedValuesOnInputOnly(t *testing.T) {
	props := stream.NewSubject[slider.Props]()
	inputs, view, values, all := plain(t, props.Stream())
	inputs.Next(input(10)) // before props: nothing to clamp to
	props.Next(slider.Props{Label: "x", Min: 0, Max: 1, Step: 0.1, Value: 0.5})
	if values.n != 0 {
		t.Fatalf("the slider emitted %v without input", *all)
	}
	for _, v := range []float64{0.3, 0.34, 0.36, -5, 7, math.NaN(), 0.7000000000000001} {
		inputs.Next(input(v))
	}
	want := []float64{0.3, 0.3, 0.4, 0, 1, 0.7}
	if !equal(*all, want) {
		t.Errorf("values %v, want %v", *all, want)
	}
	if got := attr(find(view.v, "input"), "aria-valuenow"); got != "0.7" {
		t.Errorf("aria-valuenow %q, want 0.7", got)
	}
	if id := attr(find(view.v, "input"), "id"); id == "" || attr(find(view.v, "label"), "for") != id {
		t.Errorf("the label is not for the input (id %q)", id)
	}
}

func TestSliderSnapsFromMinAndStaysBelowMax(t *testing.T) {
	props := stream.Of(slider.Props{Min: 1, Max: 10, Step: 4, Value: 10})
	inputs, view, _, all := plain(t, props)
	if got := attr(find(view.v, "input"), "aria-valuenow"); got != "9" {
		t.Errorf("value 10 with min 1, step 4 shows %s, want 9", got)
	}
	inputs.Next(input(4))
	inputs.Next(input(100))
	if want := []float64{5, 9}; !equal(*all, want) {
		t.Errorf("values %v, want %v", *all, want)
	}
}

func TestSliderFollowsPropsButKeepsTheUsersValue(t *testing.T) {
	props := stream.NewSubject[slider.Props]()
	inputs, view, values, _ := plain(t, props.Stream())
	now := func() string { return attr(find(view.v, "input"), "aria-valuenow") }
	p := slider.Props{Label: "Volume", Min: 0, Max: 100, Step: 1, Value: 20}
	props.Next(p)
	inputs.Next(input(60))
	p.Label, p.Disabled = "Loudness", true
	props.Next(p) // same value: the user's stays
	if now() != "60" || text(find(view.v, "label")) != "Loudness" {
		t.Errorf("after new props with the same value: value %s, label %q; want 60, Loudness", now(), text(find(view.v, "label")))
	}
	if !view.v.HasClass("gc-slider-disabled") {
		t.Error("a disabled slider has no gc-slider-disabled class")
	}
	p.Max = 50
	props.Next(p) // new bounds: the user's value is clamped, not emitted
	if now() != "50" {
		t.Errorf("after max 50: value %s, want 50", now())
	}
	p.Value = 30
	props.Next(p) // the host's value changed: it wins
	if now() != "30" {
		t.Errorf("after the host's value 30: %s", now())
	}
	if values.n != 1 {
		t.Errorf("Value emitted %d times, want 1 (the user's input only)", values.n)
	}
}

func TestSliderNormalizesBadProps(t *testing.T) {
	props := stream.Of(slider.Props{Min: 10, Max: 5, Step: -1, Value: math.NaN()})
	_, view, _, _ := plain(t, props)
	in := find(view.v, "input")
	for name, want := range map[string]string{"min": "10", "max": "10", "step": "1", "aria-valuenow": "10"} {
		if got := attr(in, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// In virtual time: the value follows the input events as they come, and
// props that arrive between them do not make the slider emit.
func TestSliderInVirtualTime(t *testing.T) {
	sch := streamtest.NewScheduler()
	events, err := streamtest.Diagram(sch, "-a--b-c---d-", map[rune]dom.Event{
		'a': input(12), 'b': input(17.4), 'c': input(99), 'd': input(-3),
	})
	if err != nil {
		t.Fatal(err)
	}
	props, err := streamtest.Diagram(sch, "p---q-------", map[rune]slider.Props{
		'p': {Min: 0, Max: 50, Step: 5, Value: 10},
		'q': {Min: 0, Max: 40, Step: 5, Value: 10},
	})
	if err != nil {
		t.Fatal(err)
	}
	sinks := slider.Slider(slider.Sources{
		DOM:   dom.MockSource(dom.MockConfig{"input": {Events: map[string]*stream.Stream[dom.Event]{"input": events}}}),
		Props: props,
	})
	cancel := sinks.DOM.Subscribe(stream.Listener[dom.Node]{})
	defer cancel()
	streamtest.AssertDiagram(t, sch, sinks.Value, "-a--b-c---d", map[rune]float64{'a': 10, 'b': 15, 'c': 40, 'd': 0})
	if sch.Pending() != 0 {
		t.Errorf("%d timers pending", sch.Pending())
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// An app may listen to Value before DOM (cycle.Run connects sinks in no
// set order): the view still comes, and a value the user picked is not
// emitted again to a listener that comes later.
func TestSliderSinksInAnyOrder(t *testing.T) {
	inputs := stream.NewSubject[dom.Event]()
	sinks := slider.Slider(slider.Sources{
		DOM:   dom.MockSource(dom.MockConfig{"input": {Events: map[string]*stream.Stream[dom.Event]{"input": inputs.Stream()}}}),
		Props: stream.Never[slider.Props]().StartWith(slider.Props{Max: 10, Value: 3}),
	})
	values := watch(t, sinks.Value)
	inputs.Next(input(4))
	view := watch(t, sinks.DOM)
	if view.n != 1 || attr(find(view.v, "input"), "aria-valuenow") != "4" {
		t.Errorf("the view subscribed after Value: %d views, %s", view.n, dom.ToHTML(view.v))
	}
	late := watch(t, sinks.Value)
	if values.n != 1 || late.n != 0 {
		t.Errorf("values: %d, late listener: %d; want 1 and 0", values.n, late.n)
	}
}

// ValueText and ValueInvalid describe the host's value, until the user
// moves the slider.
func TestSliderValueTextIsTheHostsUntilTheUserMoves(t *testing.T) {
	props := stream.NewSubject[slider.Props]()
	inputs, view, _, all := plain(t, props.Stream())
	p := slider.Props{ID: "v", Label: "Volume", Min: 10, Max: 20, Step: 1, Value: 3, ValueText: "3 (stored)", ValueInvalid: true}
	props.Next(p)
	in := func() dom.Node { return find(view.v, "input") }
	if text(find(view.v, "output")) != "3 (stored)" || attr(in(), "aria-valuetext") != "3 (stored)" || attr(in(), "aria-invalid") != "true" || attr(in(), "aria-valuenow") != "10" {
		t.Errorf("the host's value: %s", dom.ToHTML(view.v))
	}
	p.Label = "Loudness"
	props.Next(p) // same value: still the host's
	if text(find(view.v, "output")) != "3 (stored)" {
		t.Errorf("after new props with the same value: %s", dom.ToHTML(view.v))
	}
	inputs.Next(input(12))
	if text(find(view.v, "output")) != "12" || attr(in(), "aria-valuetext") != "12" {
		t.Errorf("after the user's move: %s", dom.ToHTML(view.v))
	}
	if _, ok := in().Attr("aria-invalid"); ok {
		t.Errorf("aria-invalid after the user's move: %s", dom.ToHTML(view.v))
	}
	props.Next(p) // the same props again: the user's value stays
	if text(find(view.v, "output")) != "12" {
		t.Errorf("the user's value after the same props: %s", dom.ToHTML(view.v))
	}
	p.Value, p.ValueText = 15.5, "15.5 exactly"
	props.Next(p)
	if text(find(view.v, "output")) != "15.5 exactly" || attr(in(), "aria-valuenow") != "16" {
		t.Errorf("a new host value: %s", dom.ToHTML(view.v))
	}
	if !equal(*all, []float64{12}) {
		t.Errorf("values %v, want only the user's 12", *all)
	}
}

func TestSliderNoLabelAndInputClass(t *testing.T) {
	_, view, _, _ := plain(t, stream.Of(slider.Props{ID: "odoo_1", NoLabel: true, InputClass: " form-range  o_input ", Max: 10, Value: 1}))
	if !find(view.v, "label").IsZero() {
		t.Errorf("NoLabel: %s", dom.ToHTML(view.v))
	}
	in := find(view.v, "input")
	if attr(in, "id") != "odoo_1" || !in.HasClass("form-range") || !in.HasClass("o_input") {
		t.Errorf("id and classes: %s", dom.ToHTML(view.v))
	}
}

// Rounding makes -0 of 0 (Ceil(-1e-9), 0 × -1): it never shows.
func TestSliderNeverWritesNegativeZero(t *testing.T) {
	_, view, _, _ := plain(t, stream.Of(slider.Props{Min: math.Copysign(0, -1), Max: 1, Step: 0.1, Value: math.Copysign(0, -1)}))
	if html := dom.ToHTML(view.v); strings.Contains(html, "-0") {
		t.Errorf("%s", html)
	}
}
