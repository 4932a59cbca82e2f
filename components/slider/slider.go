// Package slider holds gocycle's slider components: [Slider], a labelled
// range input with a read-out, and [Localized] (the FullyLocalizedSlider),
// which shows a quantity in the unit the user's locale prefers and gives
// it back in the unit it is stored in.
//
// Both are pure functions from sources to sinks: they never touch the
// page, the clock or the network, and are tested natively with
// dom.MockSource and locale.MockSource.
//
// Isolate every instance with cycle.Isolate, as Cycle.js components are:
// a slider selects its own input with the selector "input", which, not
// isolated, would also match the inputs of its siblings.
package slider

import (
	"math"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
)

// Props configure a [Slider]. The host may send new Props at any time.
type Props struct {
	// ID is the id of the range input, which the label's for attribute
	// names. Ids must be unique in the page; with "" the slider makes
	// one ("gc-slider-1", ...) when it is created.
	ID string
	// Label is the text of the label.
	Label string
	// NoLabel renders no label element: the host labels the input
	// itself, with a <label for=ID> of its own (as Odoo's form does) or
	// aria-labelledby. A second label would make the input's name
	// "Height Height", and a label hidden with CSS is still read by
	// some screen readers.
	NoLabel bool
	// InputClass are classes added to the range input, separated by
	// spaces, for the host's look (Bootstrap's "form-range").
	InputClass string
	// AriaLabel, with NoLabel, is the accessible name of the input where
	// the host shows no label for it (a list cell, a field without its
	// label): a name without a second visible label.
	AriaLabel string
	// Min and Max bound the value. Max below Min is taken as Min; NaN
	// is taken as 0.
	Min, Max float64
	// Step is the distance between the values the slider can take,
	// counted from Min, as the range input counts. Zero, negative or NaN
	// is 1.
	Step float64
	// Value is the value the host sets. The slider shows it clamped to
	// [Min, Max] and snapped to Step; NaN shows as Min.
	Value float64
	// ValueText, if not "", is the read-out and aria-valuetext of Value
	// while the slider shows it, in place of Format's text of the
	// clamped and snapped position: the host's value as it is, which a
	// range input may not be able to take (between two steps, out of
	// bounds). Once the user moves the slider, the read-out is Format's
	// again: the user picks positions, and reads them.
	ValueText string
	// ValueInvalid marks the input aria-invalid, and the slider's root
	// with the class gc-slider-invalid, while the slider shows Value:
	// the host's value is not one the slider can take, such as a value
	// out of bounds. The user's move, which picks a valid value, clears
	// both.
	ValueInvalid bool
	// Disabled disables the input.
	Disabled bool
	// Format writes a value for the read-out and for aria-valuetext,
	// such as "175 cm"; nil writes the number as Go does ("175", "0.5").
	Format func(v float64) string
}

// Sources are what a Slider reads.
type Sources struct {
	// DOM gives the input events of the slider's view.
	DOM *dom.Source
	// Props are the slider's configuration and the host's value.
	Props *stream.Stream[Props]
}

// Sinks are what a Slider writes.
type Sinks struct {
	// DOM is the slider's view: a label, a range input and a read-out.
	DOM *stream.Stream[dom.Node]
	// Value emits the value the user picks, clamped and snapped, on
	// every input event of the range input (dragging it, or its keys:
	// arrows, Page Up and Down, Home and End). It never emits a value
	// that only came from Props: the host knows those already.
	Value *stream.Stream[float64]
}

var ids atomic.Uint64

// newID makes a unique id for a slider whose Props have none.
func newID() string { return "gc-slider-" + strconv.FormatUint(ids.Add(1), 10) }

// model is a Slider's state: its props, normalized, and the value shown.
type model struct {
	ready bool // props have come
	props Props
	value float64
	// user is set when the state comes from an input event, so that
	// Value emits for it and for nothing else; seq counts those states.
	user bool
	seq  uint64
	// host is set while value is the host's Value, not a position the
	// user picked: ValueText and ValueInvalid apply to it only.
	host bool
}

// action is what changes a slider: new props, or the user's input.
type action struct {
	props *Props
	input float64
}

// Slider is a labelled range input with a number read-out:
//
//	<div class="gc-slider">
//	  <label for="h">Height</label>
//	  <div class="gc-slider-row">
//	    <input id="h" type="range" min="50" max="250" step="1" aria-valuetext="175 cm" ...>
//	    <output for="h">175 cm</output>
//	  </div>
//	</div>
//
// It follows new Props: when their Value differs from the previous Props'
// Value it shows the new value, and otherwise it keeps the value the user
// picked, clamped and snapped to the new bounds and step. The host's value
// reads out as Props.ValueText says, if it says, until the user moves. It shows nothing
// until the first Props. Keyboard and screen readers get the native range
// input, labelled with for=, with aria-valuemin, -max, -now and -text.
func Slider(src Sources) Sinks {
	fallback := newID()
	props := stream.Map(src.Props, func(p Props) action { return action{props: &p} })
	inputs := stream.Map(src.DOM.Select("input").Events("input"), func(e dom.Event) action {
		v := e.Number
		if math.IsNaN(v) {
			if f, err := strconv.ParseFloat(e.Value, 64); err == nil {
				v = f
			}
		}
		return action{input: v}
	})
	// states is a memory stream: each sink filters it on its own, so
	// that a sink subscribed after the other still gets the state.
	states := stream.Fold(stream.Merge(props, inputs), model{}, func(m model, a action) model {
		return reduce(m, a, fallback)
	})
	return Sinks{
		DOM:   stream.Map(states.Filter(func(m model) bool { return m.ready }), view),
		Value: stream.Map(states.Filter(fresh(func(m model) (bool, uint64) { return m.user, m.seq })), func(m model) float64 { return m.value }),
	}
}

// fresh returns a filter that keeps the states made by the user's input,
// each once: a memory stream replays its last state to a new listener,
// and a value the user picked must not be emitted twice.
func fresh[M any](user func(M) (bool, uint64)) func(M) bool {
	var last uint64
	return func(m M) bool {
		u, seq := user(m)
		if !u || seq == last {
			return false
		}
		last = seq
		return true
	}
}

// reduce applies an action to a slider's state.
func reduce(m model, a action, fallbackID string) model {
	if a.props != nil {
		p := normalize(*a.props, fallbackID)
		if !m.ready || a.props.Value != m.props.Value && !(isNaN(a.props.Value) && isNaN(m.props.Value)) {
			m.value = p.Value
			m.host = true
		}
		// Keep the host's raw value to compare the next props with.
		raw := a.props.Value
		m.props = p
		m.props.Value = raw
		m.value = snap(m.value, p.Min, p.Max, p.Step)
		m.ready, m.user = true, false
		return m
	}
	if !m.ready || math.IsNaN(a.input) {
		m.user = false
		return m
	}
	m.value = snap(a.input, m.props.Min, m.props.Max, m.props.Step)
	m.user, m.host = true, false
	m.seq++
	return m
}

func isNaN(v float64) bool { return math.IsNaN(v) }

// normalize makes props usable: bounds in order, a positive step, an id.
func normalize(p Props, fallbackID string) Props {
	if p.ID == "" {
		p.ID = fallbackID
	}
	if math.IsNaN(p.Min) || math.IsInf(p.Min, 0) {
		p.Min = 0
	}
	if math.IsNaN(p.Max) || math.IsInf(p.Max, 0) {
		p.Max = 0
	}
	if p.Max < p.Min {
		p.Max = p.Min
	}
	if !(p.Step > 0) || math.IsInf(p.Step, 0) {
		p.Step = 1
	}
	if math.IsNaN(p.Value) {
		p.Value = p.Min
	}
	return p
}

// snap returns v clamped to [lo, hi] and moved to the nearest value
// lo + k·step that is not above hi, as a range input moves its value; the
// result is rounded to the fraction digits of lo and step, so that
// 0.1 + 2·0.1 is 0.3. lo ≤ hi and step > 0 are the caller's to ensure.
func snap(v, lo, hi, step float64) float64 {
	if math.IsNaN(v) || v < lo {
		v = lo
	}
	if v > hi {
		v = hi
	}
	digits := max(decimals(step), decimals(lo))
	k := math.Round((v - lo) / step)
	s := roundTo(lo+k*step, digits)
	for s > hi && k > 0 {
		k--
		s = roundTo(lo+k*step, digits)
	}
	return unsignedZero(math.Max(s, lo))
}

// unsignedZero returns v, or +0 for -0: rounding and Ceil make -0 from
// small negative numbers (Ceil(-1e-9) is -0), which strconv and the
// locale's formats write as "-0".
func unsignedZero(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}

// decimals returns the fraction digits of v's shortest decimal form, at
// most 12.
func decimals(v float64) int {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return min(len(s)-i-1, 12)
		}
	}
	return 0
}

// roundTo rounds v to n fraction digits through its decimal form, so that
// the result is the float64 nearest to the decimal.
func roundTo(v float64, n int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', n, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// num writes a number for an attribute or property of the input, never
// as "-0".
func num(v float64) string { return strconv.FormatFloat(unsignedZero(v), 'f', -1, 64) }

// view renders a slider's state.
func view(m model) dom.Node {
	p := m.props
	text := num(m.value)
	if m.host && p.ValueText != "" {
		text = p.ValueText
	} else if p.Format != nil {
		text = p.Format(m.value)
	}
	// A disabled slider's value is its read-out: the host may show the
	// read-out alone (as a read-only number is text), so the id, which
	// the host's label names, and the accessible name go to the output.
	inputID, outputID := p.ID, ""
	if p.Disabled {
		inputID, outputID = "", p.ID
	}
	attrs := dom.Attrs{
		"type":           "range",
		"min":            num(p.Min),
		"max":            num(p.Max),
		"step":           num(p.Step),
		"aria-valuemin":  num(p.Min),
		"aria-valuemax":  num(p.Max),
		"aria-valuenow":  num(m.value),
		"aria-valuetext": text,
	}
	if inputID != "" {
		attrs["id"] = inputID
	}
	outAttrs := dom.Attrs{"aria-live": "off"}
	if outputID != "" {
		outAttrs["id"] = outputID
	} else {
		outAttrs["for"] = p.ID
	}
	if p.NoLabel && p.AriaLabel != "" {
		if p.Disabled {
			outAttrs["aria-label"] = p.AriaLabel
		} else {
			attrs["aria-label"] = p.AriaLabel
		}
	}
	invalid := m.host && p.ValueInvalid
	if invalid {
		attrs["aria-invalid"] = "true"
	}
	var class dom.Class
	if p.InputClass != "" {
		class = dom.Class{}
		for _, c := range strings.Fields(p.InputClass) {
			class[c] = true
		}
	}
	var label any
	if !p.NoLabel {
		label = dom.Label(dom.Attrs{"for": p.ID}, p.Label)
	}
	return dom.H("div.gc-slider", dom.Class{"gc-slider-disabled": p.Disabled, "gc-slider-invalid": invalid},
		label,
		dom.H("div.gc-slider-row",
			dom.Input(attrs, class, dom.Props{"value": num(m.value), "disabled": p.Disabled}),
			// The input's aria-valuetext already tells screen readers the
			// value: the read-out is not announced a second time.
			dom.Output(outAttrs, text),
		),
	)
}
