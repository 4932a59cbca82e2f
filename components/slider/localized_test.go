package slider_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/components/slider"
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/units"
)

func cm(v float64) units.Quantity { return units.Quantity{Value: v, Unit: units.Centimeter} }
func kg(v float64) units.Quantity { return units.Quantity{Value: v, Unit: units.Kilogram} }

var height = slider.LocalizedProps{ID: "height", Label: "Height", Value: cm(175), Min: cm(50), Max: cm(250), Usage: "person-height"}

// harness runs a Localized slider with a mocked DOM and locale.
type harness struct {
	locales *locales
	props   *stream.Subject[slider.LocalizedProps]
	inputs  *stream.Subject[dom.Event]
	view    *last[dom.Node]
	values  []units.Quantity
	// stored is the value as an app stores it: the host's, then every
	// value the slider emits.
	stored units.Quantity
}

func newHarness(t *testing.T, lang string, p slider.LocalizedProps) *harness {
	t.Helper()
	h := &harness{locales: newLocales(t, lang), props: stream.NewSubject[slider.LocalizedProps](),
		inputs: stream.NewSubject[dom.Event](), stored: p.Value}
	sinks := slider.Localized(slider.LocalizedSources{
		DOM:    dom.MockSource(dom.MockConfig{"@slider input": {Events: map[string]*stream.Stream[dom.Event]{"input": h.inputs.Stream()}}}),
		Locale: h.locales.src,
		Props:  h.props.Stream().StartWith(p),
	})
	h.view = watch(t, sinks.DOM)
	watch(t, sinks.Value.Debug(func(q units.Quantity) { h.values = append(h.values, q); h.stored = q }))
	return h
}

func (h *harness) input() dom.Node { return find(h.view.v, "input") }
func (h *harness) label() string   { return text(find(h.view.v, "label")) }
func (h *harness) readout() string { return text(find(h.view.v, "output")) }
func (h *harness) now() float64    { return number(attr(h.input(), "aria-valuenow")) }
func (h *harness) move(v float64)  { h.inputs.Next(dom.Event{Type: "input", Number: v}) }
func (h *harness) bounds() [2]string {
	return [2]string{attr(h.input(), "min"), attr(h.input(), "max")}
}

func number(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

func TestLocalizedShowsTheLocalesUnitsAndLabels(t *testing.T) {
	cases := []struct {
		lang           string
		label, readout string
		min, max, step string
	}{
		{"en-US", "Height", "5 ft, 9 in", "20", "98", "1"},
		{"es", "Altura", "1 m y 75 cm", "50", "250", "1"},
		{"de", "Größe", "175 cm", "50", "250", "1"},
		{"fr", "Taille", "1\u202fm et 75\u202fcm", "50", "250", "1"},
		{"ja", "身長", "175 cm", "50", "250", "1"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			h := newHarness(t, c.lang, height)
			in := h.input()
			if h.label() != c.label || h.readout() != c.readout || attr(in, "aria-valuetext") != c.readout {
				t.Errorf("label %q, read-out %q, aria-valuetext %q; want %q, %q", h.label(), h.readout(), attr(in, "aria-valuetext"), c.label, c.readout)
			}
			if got := [3]string{attr(in, "min"), attr(in, "max"), attr(in, "step")}; got != [3]string{c.min, c.max, c.step} {
				t.Errorf("min, max, step = %q, want %q", got, [3]string{c.min, c.max, c.step})
			}
			if attr(find(h.view.v, "label"), "for") != "height" || attr(in, "id") != "height" {
				t.Error("the label is not for the input #height")
			}
		})
	}
}

func TestLocalizedEmitsInTheCanonicalUnit(t *testing.T) {
	h := newHarness(t, "en-US", height)
	h.move(70) // 70 in
	h.move(71)
	want := []units.Quantity{cm(177.8), cm(180.34)}
	if len(h.values) != 2 || h.values[0] != want[0] || h.values[1] != want[1] {
		t.Fatalf("values %v, want %v", h.values, want)
	}
	if h.readout() != "5 ft, 11 in" {
		t.Errorf("read-out %q, want 5 ft, 11 in", h.readout())
	}
	// The exact conversion shows the same position again.
	h.locales.set(t, "de")
	if h.now() != 180 || h.readout() != "180 cm" {
		t.Errorf("in German: %v, %q; want 180, 180 cm", h.now(), h.readout())
	}
	h.locales.set(t, "en-US")
	if h.now() != 71 {
		t.Errorf("back in English: %v in, want 71", h.now())
	}
	if len(h.values) != 2 {
		t.Errorf("switching the locale emitted %v", h.values[2:])
	}
}

// Invariant: switching the locale back and forth never changes the
// emitted or the stored canonical value.
func TestLocalizedLocaleSwitchesNeverChangeTheValue(t *testing.T) {
	for _, p := range []slider.LocalizedProps{
		height,
		{Label: "Weight", Value: kg(70.3), Min: kg(2), Max: kg(300), Usage: "person"},
		{Label: "Height", Value: cm(3), Min: cm(0), Max: cm(250), Usage: "person-height", Step: cm(0.5)},
		{Label: "Height", Value: cm(187.123456789), Min: cm(50), Max: cm(250), Usage: "person-height"},
		{Label: "Height", Value: cm(179.07), Min: cm(50), Max: cm(250), Usage: "person-height", Exact: true, Precision: cm(0.01)},
		{Label: "Height", Value: cm(0), Min: cm(50), Max: cm(250), Usage: "person-height", Exact: true, Precision: cm(0.01)},
		{Label: "Weight", Value: kg(400), Min: kg(2), Max: kg(300), Usage: "person", Exact: true},
	} {
		t.Run(p.Value.String(), func(t *testing.T) {
			h := newHarness(t, "en-US", p)
			check := func(when string) {
				t.Helper()
				if len(h.values) != 0 || h.stored != p.Value {
					t.Fatalf("%s: emitted %v, stored %v; want nothing and %v", when, h.values, h.stored, p.Value)
				}
			}
			langs := []string{"es", "en-US", "de", "en-GB", "ja", "fr", "en"}
			for i := range 100 {
				h.locales.set(t, langs[i%len(langs)])
				check("after switch " + strconv.Itoa(i))
			}
			// With a value the user picked, too.
			h.locales.set(t, "en-US")
			h.move(h.now() + 1)
			if len(h.values) != 1 {
				t.Fatalf("the user's move emitted %v", h.values)
			}
			picked := h.stored
			for i := range 100 {
				h.locales.set(t, langs[i%len(langs)])
			}
			if len(h.values) != 1 || h.stored != picked {
				t.Errorf("after 100 switches: emitted %v, stored %v; want only %v", h.values, h.stored, picked)
			}
		})
	}
}

// Invariant: a value set by the host and shown in another unit comes back
// unchanged when the user does not move the slider, even as the host
// sends new props (a new label, bounds) with the same value.
func TestLocalizedHostValueComesBackUnchanged(t *testing.T) {
	for _, lang := range []string{"en-US", "en-GB", "es", "de"} {
		for _, v := range []float64{175, 174.5, 160.02, 181.3333333333333, 50, 250, 0, 300} {
			p := height
			p.Value = cm(v)
			p.Exact = v == 174.5 || v == 0 || v == 300
			h := newHarness(t, lang, p)
			p.Max = cm(240)
			h.props.Next(p)
			p.Label = "Weight"
			h.props.Next(p)
			if len(h.values) != 0 || h.stored != cm(v) {
				t.Errorf("%s, %v cm: emitted %v, stored %v", lang, v, h.values, h.stored)
			}
		}
	}
	// A host value changed after the user moved wins, and is not emitted.
	h := newHarness(t, "en-US", height)
	h.move(60)
	p := height
	p.Value = cm(160)
	h.props.Next(p)
	if h.now() != 63 || len(h.values) != 1 {
		t.Errorf("after the host's 160 cm: %v in, emitted %v", h.now(), h.values)
	}
}

// Invariant: min and max hold in every display unit: the input's bounds
// convert back inside them, and any input, even far out, emits a value
// inside them.
func TestLocalizedBoundsHoldInEveryDisplayUnit(t *testing.T) {
	lo, hi := cm(50.3), cm(249.7)
	displays := []units.Unit{0, units.Inch, units.Foot, units.Meter, units.Millimeter, units.Centimeter, units.Yard, units.Kilometer}
	for _, lang := range []string{"en-US", "es", "de", "ja", "en-GB"} {
		for _, u := range displays {
			p := slider.LocalizedProps{Label: "Height", Value: cm(175), Min: lo, Max: hi, Usage: "person-height", Unit: u}
			h := newHarness(t, lang, p)
			dmin, dmax := number(attr(h.input(), "min")), number(attr(h.input(), "max"))
			step := number(attr(h.input(), "step"))
			if !(dmin <= dmax) || !(step > 0) {
				t.Fatalf("%s %v: min %v max %v step %v", lang, u, dmin, dmax, step)
			}
			tries := []float64{-1e9, dmin - step, dmin, dmax, dmax + step, 1e9, math.Inf(1)}
			for v := dmin; v <= dmax && len(tries) < 5000; v += step {
				tries = append(tries, v)
			}
			for _, v := range tries {
				h.move(v)
			}
			for _, q := range h.values {
				if q.Unit != units.Centimeter || q.Value < lo.Value || q.Value > hi.Value {
					t.Errorf("%s %v: emitted %v, outside [%v, %v]", lang, u, q, lo, hi)
					break
				}
			}
			if len(h.values) != len(tries) {
				t.Errorf("%s %v: %d values for %d inputs", lang, u, len(h.values), len(tries))
			}
		}
	}
}

func TestLocalizedStepIsConvertedAndRounded(t *testing.T) {
	p := slider.LocalizedProps{Label: "Weight", Value: kg(70), Min: kg(2), Max: kg(300), Usage: "person", Step: kg(1)}
	h := newHarness(t, "en-US", p)
	if got := [3]string{attr(h.input(), "min"), attr(h.input(), "max"), attr(h.input(), "step")}; got != [3]string{"6", "660", "2"} {
		t.Errorf("min, max, step in lb = %q", got)
	}
	if h.readout() != "154 lb" {
		t.Errorf("read-out %q, want 154 lb", h.readout())
	}
	h.locales.set(t, "de")
	if h.readout() != "70 kg" || h.label() != "Gewicht" {
		t.Errorf("in German: %q %q", h.label(), h.readout())
	}
}

func TestLocalizedForcedUnit(t *testing.T) {
	p := height
	p.Unit = units.Meter
	p.Step = cm(1)
	h := newHarness(t, "en-US", p)
	if h.readout() != "1.75 m" || attr(h.input(), "step") != "0.01" {
		t.Errorf("forced meters: read-out %q, step %q", h.readout(), attr(h.input(), "step"))
	}
	h.move(1.8)
	if len(h.values) != 1 || h.values[0] != cm(180) {
		t.Errorf("1.8 m emitted %v, want 180 cm", h.values)
	}
}

func TestLocalizedBadPropsShowAnError(t *testing.T) {
	for name, p := range map[string]slider.LocalizedProps{
		"no unit":        {Label: "Height", Value: units.Quantity{Value: 1}, Min: cm(0), Max: cm(1)},
		"min above max":  {Label: "Height", Value: cm(1), Min: cm(10), Max: cm(1)},
		"wrong unit":     {Label: "Height", Value: cm(1), Min: cm(0), Max: cm(10), Unit: units.Kilogram},
		"wrong min unit": {Label: "Height", Value: cm(1), Min: kg(0), Max: cm(10)},
	} {
		h := newHarness(t, "en", p)
		if attr(h.view.v.Children()[0], "role") != "alert" || text(h.view.v) == "" {
			t.Errorf("%s: %s", name, dom.ToHTML(h.view.v))
		}
		h.move(5)
		if len(h.values) != 0 {
			t.Errorf("%s: emitted %v", name, h.values)
		}
		// Good props again: the slider is back.
		h.props.Next(height)
		if find(h.view.v, "input").IsZero() {
			t.Errorf("%s: no slider after good props: %s", name, dom.ToHTML(h.view.v))
		}
	}
}

// Two Localized sliders, isolated, share one locale and do not see each
// other's events.
func TestLocalizedIsolated(t *testing.T) {
	loc := newLocales(t, "en-US")
	hIn, wIn := stream.NewSubject[dom.Event](), stream.NewSubject[dom.Event]()
	mock := dom.MockSource(dom.MockConfig{
		"@height/slider input": {Events: map[string]*stream.Stream[dom.Event]{"input": hIn.Stream()}},
		"@weight/slider input": {Events: map[string]*stream.Stream[dom.Event]{"input": wIn.Stream()}},
	})
	w := slider.LocalizedProps{Label: "Weight", Value: kg(70), Min: kg(2), Max: kg(300), Usage: "person"}
	hs := cycle.Isolate(slider.Localized, "height")(slider.LocalizedSources{DOM: mock, Locale: loc.src, Props: stream.Of(height)})
	ws := cycle.Isolate(slider.Localized, "weight")(slider.LocalizedSources{DOM: mock, Locale: loc.src, Props: stream.Of(w)})
	hView := watch(t, hs.DOM)
	watch(t, ws.DOM)
	hv, wv := watch(t, hs.Value), watch(t, ws.Value)
	// Each slider's input is under its own scope in the page: the
	// Localized slider's root has "height", the inner slider's
	// "height/slider", which is what the browser's delegation matches.
	html := dom.ToHTML(hView.v)
	if !strings.HasPrefix(html, `<div class="gc-quantity-slider" data-cycle-scope="height"><div class="gc-slider" data-cycle-scope="height/slider">`) {
		t.Errorf("the scopes are not nested: %s", html)
	}
	hIn.Next(input(70))
	wIn.Next(input(150))
	if hv.n != 1 || hv.v != cm(177.8) || wv.n != 1 || math.Abs(wv.v.Value-68.0388555) > 1e-6 || wv.v.Unit != units.Kilogram {
		t.Errorf("height %v (%d), weight %v (%d)", hv.v, hv.n, wv.v, wv.n)
	}
}

// In virtual time: the user's moves, the locale's switches and the host's
// props interleave; only the moves emit.
func TestLocalizedInVirtualTime(t *testing.T) {
	sch := streamtest.NewScheduler()
	loc := newLocales(t, "en-US")
	moves, _ := streamtest.Diagram(sch, "--a----b----", map[rune]dom.Event{'a': input(70), 'b': input(180)})
	langs, _ := streamtest.Diagram(sch, "---e-s---e-d", map[rune]string{'e': "en-US", 's': "es", 'd': "de"})
	props, _ := streamtest.Diagram(sch, "p-----q-----", map[rune]slider.LocalizedProps{'p': height, 'q': func() slider.LocalizedProps {
		p := height
		p.Label = "Weight"
		return p
	}()})
	cancel := langs.Subscribe(stream.Listener[string]{Next: func(l string) { loc.set(t, l) }})
	defer cancel()
	sinks := slider.Localized(slider.LocalizedSources{
		DOM:    dom.MockSource(dom.MockConfig{"@slider input": {Events: map[string]*stream.Stream[dom.Event]{"input": moves}}}),
		Locale: loc.src,
		Props:  props,
	})
	view := watch(t, sinks.DOM)
	streamtest.AssertDiagram(t, sch, sinks.Value, "--a----b----", map[rune]units.Quantity{'a': cm(177.8), 'b': cm(180)})
	if got := text(find(view.v, "output")); got != "180 cm" {
		t.Errorf("read-out %q, want 180 cm", got)
	}
}

// With Exact, the host's value reads out as it is stored, with the
// fraction digits its precision calls for; the thumb is at the nearest
// position, and the user's positions read out as they are.
func TestLocalizedExactReadsOutTheHostsValue(t *testing.T) {
	for _, c := range []struct {
		lang    string
		p       slider.LocalizedProps
		readout string
		now     float64
	}{
		{"en-US", slider.LocalizedProps{Value: cm(179.07), Precision: cm(0.01)}, "5 ft, 10.5 in", 71},
		{"en-US", slider.LocalizedProps{Value: cm(175), Precision: cm(1)}, "5 ft, 8.9 in", 69},
		{"en-US", slider.LocalizedProps{Value: cm(175)}, "5 ft, 8.898 in", 69},
		{"es", slider.LocalizedProps{Value: cm(179.07), Precision: cm(0.01)}, "1 m y 79,07 cm", 179},
		{"es", slider.LocalizedProps{Value: cm(179.07), Precision: cm(1)}, "1 m y 79 cm", 179},
		{"de", slider.LocalizedProps{Value: cm(179.07), Precision: units.Quantity{Value: 1, Unit: units.Millimeter}, Unit: units.Meter, Step: cm(1)}, "1,791 m", 1.79},
		{"en-US", slider.LocalizedProps{Value: kg(68.04), Precision: kg(0.01), Usage: "person"}, "150 lb", 150},
	} {
		p := c.p
		p.Label, p.Exact, p.Min, p.Max = "Height", true, cm(50), cm(250)
		if p.Usage == "" {
			p.Usage = "person-height"
		}
		if p.Value.Unit == units.Kilogram {
			p.Min, p.Max = kg(2), kg(300)
		}
		for _, disabled := range []bool{false, true} {
			p.Disabled = disabled
			h := newHarness(t, c.lang, p)
			if h.readout() != c.readout || attr(h.input(), "aria-valuetext") != c.readout || h.now() != c.now {
				t.Errorf("%s %v: read-out %q, aria-valuetext %q, thumb %v; want %q at %v", c.lang, p.Value, h.readout(), attr(h.input(), "aria-valuetext"), h.now(), c.readout, c.now)
			}
		}
	}
	p := height
	p.Exact, p.Precision, p.Value = true, cm(0.01), cm(179.07)
	h := newHarness(t, "en-US", p)
	h.move(72)
	if h.readout() != "6 ft, 0 in" {
		t.Errorf("the user's position reads %q", h.readout())
	}
	h.locales.set(t, "de")
	if h.readout() != "183 cm" { // the user's value, 182.88 cm, at the nearest position
		t.Errorf("in German after the move: %q", h.readout())
	}
	p.Value = cm(160.5)
	h.props.Next(p)
	if h.readout() != "160,5 cm" || h.now() != 161 {
		t.Errorf("the host's new value: %q at %v", h.readout(), h.now())
	}
	if len(h.values) != 1 {
		t.Errorf("emitted %v", h.values)
	}
}

// A host value out of bounds shows as it is, flagged, the thumb at the
// nearest bound; the user's move clears the flag and emits within bounds.
func TestLocalizedOutOfRange(t *testing.T) {
	p := slider.LocalizedProps{Label: "Height", Value: cm(0), Min: cm(50), Max: cm(250), Unit: units.Centimeter, Exact: true, Precision: cm(0.01),
		OutOfRangeNote: "Out of range: %(min)s to %(max)s"}
	h := newHarness(t, "en-US", p)
	note := func() string {
		for _, c := range h.view.v.Children() {
			if c.HasClass("gc-out-of-range-note") {
				return text(c)
			}
		}
		return ""
	}
	if h.readout() != "0 cm" || attr(h.input(), "aria-valuetext") != "0 cm" || h.now() != 50 || attr(h.input(), "aria-invalid") != "true" {
		t.Errorf("out of range: %s", dom.ToHTML(h.view.v))
	}
	if !h.view.v.HasClass("gc-out-of-range") || note() != "Out of range: 50 cm to 250 cm" {
		t.Errorf("not marked out of range: %s", dom.ToHTML(h.view.v))
	}
	h.locales.set(t, "de")
	if h.readout() != "0 cm" || len(h.values) != 0 || !h.view.v.HasClass("gc-out-of-range") {
		t.Errorf("after a locale switch: %q, emitted %v", h.readout(), h.values)
	}
	h.move(60)
	if len(h.values) != 1 || h.values[0] != cm(60) || attr(h.input(), "aria-invalid") != "" {
		t.Errorf("after the move: emitted %v, %s", h.values, dom.ToHTML(h.view.v))
	}
	if h.view.v.HasClass("gc-out-of-range") || note() != "" {
		t.Errorf("still marked after the move: %s", dom.ToHTML(h.view.v))
	}
	// In inches, the bounds are written in inches.
	p.Unit, p.Value = units.Inch, cm(300)
	h = newHarness(t, "en-US", p)
	if note() != "Out of range: 19.685 in to 98.425 in" || h.readout() != "118.11 in" || h.now() != 98 {
		t.Errorf("in inches: %q, %q at %v", note(), h.readout(), h.now())
	}
	// Within bounds: no mark.
	p.Value = cm(100)
	h = newHarness(t, "en-US", p)
	if h.view.v.HasClass("gc-out-of-range") || note() != "" || attr(h.input(), "aria-invalid") != "" {
		t.Errorf("within bounds: %s", dom.ToHTML(h.view.v))
	}
}

// min 0 (and values that round to 0) never write "-0", in any unit.
func TestLocalizedNeverWritesNegativeZero(t *testing.T) {
	negZero := regexp.MustCompile(`-0($|[^.,0-9])`)
	for _, lang := range []string{"en-US", "es", "de", "fr", "ja"} {
		for _, p := range []slider.LocalizedProps{
			{Label: "Height", Value: cm(3), Min: cm(0), Max: cm(250), Usage: "person-height", Step: cm(0.5)},
			{Label: "Height", Value: cm(0), Min: cm(0), Max: cm(250), Exact: true},
			{Label: "Height", Value: cm(-0.0001), Min: cm(-10), Max: cm(250), Exact: true, Unit: units.Centimeter},
			{Label: "Height", Value: cm(-100), Min: cm(-100), Max: cm(250), Exact: true, Usage: "person-height"},
		} {
			h := newHarness(t, lang, p)
			if html := dom.ToHTML(h.view.v); negZero.MatchString(html) {
				t.Errorf("%s %v: %s", lang, p.Value, html)
			}
			if lang == "en-US" && p.Value == cm(-100) {
				// Feet and inches: -6 in has no foot to carry the sign.
				h.move(-6)
				if h.readout() != "-6 in" {
					t.Errorf("-6 in reads %q", h.readout())
				}
			}
		}
	}
}

func TestLocalizedLabelTextNoLabelAndInputClass(t *testing.T) {
	p := height
	p.LabelText, p.InputClass = "Estatura", "form-range"
	h := newHarness(t, "en-US", p)
	if h.label() != "Estatura" || !h.input().HasClass("form-range") || attr(h.input(), "id") != "height" {
		t.Errorf("%s", dom.ToHTML(h.view.v))
	}
	p.NoLabel = true
	h = newHarness(t, "en-US", p)
	if !find(h.view.v, "label").IsZero() || attr(h.input(), "id") != "height" {
		t.Errorf("NoLabel: %s", dom.ToHTML(h.view.v))
	}
}
