package widgets_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/examples/odoo-widget/widgets"
	"github.com/gocycle/gocycle/web/widget"
)

// quantity runs a QuantitySlider with a mocked DOM and locale: the
// widget as gocycle.js runs it, without a browser.
type quantity struct {
	t       *testing.T
	props   *stream.Subject[widget.Props]
	inputs  *stream.Subject[dom.Event]
	view    dom.Node
	changes []any
	errs    []error
}

func newQuantity(t *testing.T, lang string, p widget.Props) *quantity {
	t.Helper()
	cat, err := locale.Load(widgets.Messages())
	if err != nil {
		t.Fatal(err)
	}
	tag, err := locale.ParseLanguage(lang)
	if err != nil {
		t.Fatal(err)
	}
	q := &quantity{t: t, props: stream.NewSubject[widget.Props](), inputs: stream.NewSubject[dom.Event]()}
	sinks := widgets.QuantitySlider(widgets.Sources{
		DOM:    dom.MockSource(dom.MockConfig{"@q/slider input": {Events: map[string]*stream.Stream[dom.Event]{"input": q.inputs.Stream()}}}),
		Locale: locale.MockSource(cat, stream.Of(cat.Match(tag))),
		Props:  q.props.Stream().StartWith(p),
	})
	cancels := []func(){
		sinks.DOM.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { q.view = n }}),
		sinks.Change.Subscribe(stream.Listener[any]{Next: func(v any) { q.changes = append(q.changes, v) }}),
		sinks.Errors.Subscribe(stream.Listener[error]{Next: func(err error) { q.errs = append(q.errs, err) }}),
		sinks.Locale.Subscribe(stream.Listener[string]{}),
	}
	t.Cleanup(func() {
		for _, c := range cancels {
			c()
		}
	})
	if q.view.IsZero() {
		t.Fatalf("%v: no view", p)
	}
	return q
}

func (q *quantity) move(v float64) { q.inputs.Next(dom.Event{Type: "input", Number: v}) }
func (q *quantity) html() string   { return dom.ToHTML(q.view) }
func (q *quantity) input() dom.Node {
	return findNode(q.view, func(n dom.Node) bool { return n.Tag() == "input" })
}
func (q *quantity) readout() string {
	return nodeText(findNode(q.view, func(n dom.Node) bool { return n.Tag() == "output" }))
}
func (q *quantity) byClass(c string) dom.Node {
	return findNode(q.view, func(n dom.Node) bool { return n.HasClass(c) })
}

// propErrors returns the *widget.PropErrors reported, by prop name.
func (q *quantity) propErrors() map[string]*widget.PropError {
	m := map[string]*widget.PropError{}
	for _, err := range q.errs {
		var pe *widget.PropError
		if errors.As(err, &pe) {
			m[pe.Name] = pe
		}
	}
	return m
}

func findNode(n dom.Node, ok func(dom.Node) bool) dom.Node {
	if n.IsZero() {
		return n
	}
	if n.Tag() != "" && ok(n) {
		return n
	}
	for _, c := range n.Children() {
		if f := findNode(c, ok); !f.IsZero() {
			return f
		}
	}
	return dom.Node{}
}

func nodeText(n dom.Node) string {
	if n.IsZero() {
		return ""
	}
	if n.Tag() == "" {
		return n.Text()
	}
	var b strings.Builder
	for _, c := range n.Children() {
		b.WriteString(nodeText(c))
	}
	return b.String()
}

func attrOf(n dom.Node, name string) string {
	if n.IsZero() {
		return ""
	}
	v, _ := n.Attr(name)
	return v
}

// A stored value outside [min, max] shows as it is, flagged, with the
// thumb at the nearest bound; only the user's move writes.
func TestQuantityOutOfRangeShowsTheStoredValue(t *testing.T) {
	for _, c := range []struct {
		lang, display, readout, note string
	}{
		{"en_US", "centimeter", "0 cm", "Out of range: 50 cm to 250 cm"},
		{"en_US", "inch", "0 in", "Out of range: 19.685 in to 98.425 in"},
		{"es_ES", "centimeter", "0 cm", "Fuera de rango: 50 cm a 250 cm"},
		{"fr_FR", "centimeter", "0\u202fcm", "Hors limites\u00a0: 50\u202fcm à 250\u202fcm"},
		{"de_DE", "centimeter", "0 cm", "Außerhalb des Bereichs: 50 cm bis 250 cm"},
	} {
		t.Run(c.lang+"/"+c.display, func(t *testing.T) {
			q := newQuantity(t, c.lang, widget.Props{"value": 0.0, "unit": "centimeter", "display_unit": c.display, "min": 50.0, "max": 250.0, "digits": 2.0})
			in := q.input()
			if q.readout() != c.readout || attrOf(in, "aria-valuetext") != c.readout {
				t.Errorf("read-out %q, aria-valuetext %q; want %q: %s", q.readout(), attrOf(in, "aria-valuetext"), c.readout, q.html())
			}
			if attrOf(in, "aria-valuenow") != attrOf(in, "min") {
				t.Errorf("the thumb is at %s, want the minimum %s", attrOf(in, "aria-valuenow"), attrOf(in, "min"))
			}
			if !q.view.HasClass("gc-out-of-range") || attrOf(in, "aria-invalid") != "true" {
				t.Errorf("not flagged out of range: %s", q.html())
			}
			if got := nodeText(q.byClass("gc-out-of-range-note")); got != c.note {
				t.Errorf("note %q, want %q", got, c.note)
			}
			if len(q.changes) != 0 {
				t.Errorf("the stored value alone wrote %v", q.changes)
			}
			if pe := q.propErrors()["value"]; pe == nil || pe.Value != 0.0 {
				t.Errorf("errors %v; want a PropError for value", q.errs)
			}
			// The user's move writes a value within bounds and clears the flag.
			q.move(number(attrOf(in, "min")) + 10*number(attrOf(in, "step")))
			if len(q.changes) != 1 || q.changes[0].(float64) < 50 {
				t.Fatalf("the move wrote %v", q.changes)
			}
			if q.view.HasClass("gc-out-of-range") || attrOf(q.input(), "aria-invalid") == "true" || !q.byClass("gc-out-of-range-note").IsZero() {
				t.Errorf("still flagged after the move: %s", q.html())
			}
		})
	}
}

func number(s string) float64 {
	var v float64
	var frac float64
	neg := false
	for i, c := range s {
		switch {
		case c == '-' && i == 0:
			neg = true
		case c == '.':
			frac = 1
		case c >= '0' && c <= '9':
			if frac > 0 {
				frac /= 10
				v += float64(c-'0') * frac
			} else {
				v = v*10 + float64(c-'0')
			}
		default:
			return math.NaN()
		}
	}
	if neg {
		v = -v
	}
	return v
}

// The host's value reads out exactly, in the display unit, with the
// precision of the field; the thumb sits at the nearest step.
func TestQuantityShowsTheExactStoredValue(t *testing.T) {
	for _, c := range []struct {
		name    string
		props   widget.Props
		readout string
	}{
		{"readonly, digits 2", widget.Props{"value": 179.07, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "readonly": true, "digits": 2.0}, "5 ft, 10.5 in"},
		{"editable, digits 2", widget.Props{"value": 179.07, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "digits": 2.0}, "5 ft, 10.5 in"},
		{"digits 0", widget.Props{"value": 175.0, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "digits": 0.0}, "5 ft, 8.9 in"},
		{"integer field", widget.Props{"value": 175.0, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "integer": true}, "5 ft, 8.9 in"},
		{"same unit", widget.Props{"value": 175.55, "unit": "centimeter", "min": 50.0, "max": 250.0, "step": 1.0, "digits": 2.0}, "175.55 cm"},
		{"no digits", widget.Props{"value": 187.123456, "unit": "centimeter", "min": 50.0, "max": 250.0}, "187.123 cm"},
		{"kilograms to pounds", widget.Props{"value": 68.04, "unit": "kilogram", "usage": "person", "min": 2.0, "max": 300.0, "digits": 2.0}, "150 lb"},
	} {
		t.Run(c.name, func(t *testing.T) {
			q := newQuantity(t, "en_US", c.props)
			in := q.input()
			if q.readout() != c.readout || attrOf(in, "aria-valuetext") != c.readout {
				t.Errorf("read-out %q, aria-valuetext %q; want %q", q.readout(), attrOf(in, "aria-valuetext"), c.readout)
			}
			now, step, lo := number(attrOf(in, "aria-valuenow")), number(attrOf(in, "step")), number(attrOf(in, "min"))
			if k := (now - lo) / step; math.Abs(k-math.Round(k)) > 1e-9 {
				t.Errorf("the thumb is at %v, not on a step (min %v, step %v)", now, lo, step)
			}
			if q.view.HasClass("gc-out-of-range") || len(q.changes) != 0 {
				t.Errorf("flagged %v, changes %v", q.view.HasClass("gc-out-of-range"), q.changes)
			}
		})
	}
	// The user's own positions read out as the positions they are.
	q := newQuantity(t, "en_US", widget.Props{"value": 179.07, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "digits": 2.0})
	q.move(72)
	if q.readout() != "6 ft, 0 in" || len(q.changes) != 1 {
		t.Errorf("after a move to 72 in: %q, changes %v", q.readout(), q.changes)
	}
	// A value changed from outside reads out exactly again.
	q.props.Next(widget.Props{"value": 160.02, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "digits": 2.0})
	if q.readout() != "5 ft, 3 in" {
		t.Errorf("after the host's 160.02 cm: %q", q.readout())
	}
	q.props.Next(widget.Props{"value": 160.5, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "digits": 2.0})
	if q.readout() != "5 ft, 3.189 in" {
		t.Errorf("after the host's 160.5 cm: %q", q.readout())
	}
}

// min: 0 and values that round to zero never write "-0".
func TestQuantityNeverWritesNegativeZero(t *testing.T) {
	for _, lang := range []string{"en_US", "es_ES", "de_DE", "fr_FR"} {
		for _, p := range []widget.Props{
			{"value": 3.0, "unit": "centimeter", "min": 0.0, "max": 250.0, "usage": "person-height", "step": 0.5, "id": "h"},
			{"value": 0.0, "unit": "centimeter", "min": 0.0, "max": 250.0, "id": "h"},
			{"value": 0.0, "unit": "kilogram", "min": 0.0, "max": 300.0, "usage": "person", "id": "h"},
			{"value": -0.0001, "unit": "celsius", "min": -40.0, "max": 40.0, "usage": "weather", "id": "h"},
			{"value": false, "unit": "centimeter", "min": 0.0, "max": 10.0, "display_unit": "inch", "id": "h"},
		} {
			q := newQuantity(t, lang, p)
			if html := q.html(); strings.Contains(html, `"-0"`) || strings.Contains(html, "-0 ") || strings.Contains(html, ">-0") || strings.Contains(html, "−0") {
				t.Errorf("%s %v: %s", lang, p, html)
			}
		}
	}
}

// Without usage and display_unit the value shows in its own unit.
func TestQuantityShowsTheCanonicalUnitWithoutUsage(t *testing.T) {
	for _, c := range []struct {
		props          widget.Props
		readout, step  string
		usage, display bool
	}{
		{widget.Props{"value": 120.0, "unit": "centimeter", "min": 0.0, "max": 250.0}, "120 cm", "1", false, false},
		{widget.Props{"value": 2.0, "unit": "liter", "min": 0.0, "max": 10.0}, "2 L", "1", false, false},
		{widget.Props{"value": 500.0, "unit": "gram", "min": 0.0, "max": 1000.0}, "500 g", "1", false, false},
		{widget.Props{"value": 175.0, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0}, "5 ft, 8.898 in", "1", true, false},
		{widget.Props{"value": 2.0, "unit": "liter", "display_unit": "milliliter", "min": 0.0, "max": 10.0}, "2,000 mL", "1", false, true},
	} {
		q := newQuantity(t, "en_US", c.props)
		if q.readout() != c.readout || attrOf(q.input(), "step") != c.step {
			t.Errorf("%v: read-out %q, step %q; want %q, %q", c.props, q.readout(), attrOf(q.input(), "step"), c.readout, c.step)
		}
	}
}

// Option problems speak the integrator's terms: in the widget, in the
// user's language, and on Errors as a *widget.PropError.
func TestQuantityOptionErrors(t *testing.T) {
	base := func(kv ...any) widget.Props {
		p := widget.Props{"value": 120.0, "unit": "centimeter", "min": 50.0, "max": 250.0}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(p, kv[i].(string))
			} else {
				p[kv[i].(string)] = kv[i+1]
			}
		}
		return p
	}
	cases := []struct {
		name   string
		props  widget.Props
		option string
		works  bool   // the slider is shown all the same
		text   string // in the widget's message, in English
		want   string // in the PropError's Want
	}{
		{"unit missing", base("unit", nil), "unit", false, `The option "unit" is missing: use a CLDR unit id such as centimeter, meter, inch, kilogram, gram, liter.`, "CLDR unit id"},
		{"unit empty", base("unit", ""), "unit", false, `The option "unit" is missing`, "CLDR unit id"},
		{"unit misspelled", base("unit", "centimetre"), "unit", false, `The option "unit" is "centimetre": use a CLDR unit id such as centimeter, meter, inch, kilogram, gram, liter.`, "centimeter, meter"},
		{"unit not a string", base("unit", 3.0), "unit", false, `The option "unit" is 3: use a CLDR unit id`, "CLDR unit id"},
		{"display_unit unknown", base("display_unit", "inches"), "display_unit", false, `The option "display_unit" is "inches": use a CLDR unit id such as inch, centimeter`, "inch"},
		{"display_unit of another dimension", base("display_unit", "kilogram"), "display_unit", false, `The option "display_unit" is "kilogram", which cannot show a value in centimeter: use a unit of the same kind, such as centimeter, meter, millimeter, inch, foot.`, "centimeter, meter"},
		{"usage unknown", base("usage", "height"), "usage", false, `The option "usage" is "height", which CLDR does not have for centimeter: use one of default, focal-length, person, person-height, rainfall, road, snowfall, vehicle, visiblty, or leave it out to show the value in centimeter.`, "person-height"},
		{"usage of another dimension", base("unit", "kilogram", "usage", "person-height", "min", 2.0), "usage", false, `use one of default, person,`, "default, person"},
		{"usage without usages", base("unit", "percent", "usage", "default", "min", 0.0, "max", 100.0, "value", 5.0), "usage", false, `CLDR has no usages for percent: leave it out.`, "no usage"},
		{"min not a number", base("min", "low"), "min", false, `The option "min" is "low": use a number.`, "a number"},
		{"max infinite", base("max", "Infinity"), "max", false, `The option "max" is "Infinity": use a number.`, "a number"},
		{"min above max", base("min", 300.0), "max", false, `The option "min" (300) is above "max" (250)`, "at least min"},
		{"step negative", base("step", -1.0), "step", true, `The option "step" is -1: use a number above 0. The default step, one display unit, is used.`, "above 0"},
		{"step not a number", base("step", "fine"), "step", true, `The option "step" is "fine": use a number above 0.`, "above 0"},
		{"digits negative", base("digits", -2.0), "digits", true, `The option "digits" is -2: use a whole number of decimals, 0 or more. The value is shown with as many decimals as it needs, at most 3.`, "whole number"},
		{"digits a pair", base("digits", []any{16.0, 2.0}), "digits", true, `The option "digits" is [16,2]: use a whole number of decimals`, "whole number"},
		{"digits in an integer field", base("digits", 1.5, "integer", true), "digits", true, `The option "digits" is 1.5: use a whole number of decimals, 0 or more. 0 is used.`, "whole number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := newQuantity(t, "en_US", c.props)
			box := q.byClass("gc-widget-invalid")
			if box.IsZero() || attrOf(box, "role") != "alert" || box.Tag() != "div" {
				t.Fatalf("no div.gc-widget-invalid[role=alert]: %s", q.html())
			}
			if got := nodeText(box); !strings.Contains(got, c.text) {
				t.Errorf("message %q; want %q in it", got, c.text)
			}
			if works := !q.input().IsZero(); works != c.works {
				t.Errorf("slider shown %v, want %v: %s", works, c.works, q.html())
			}
			pe := q.propErrors()[c.option]
			if pe == nil {
				t.Fatalf("errors %v; want a PropError for %q", q.errs, c.option)
			}
			if !strings.Contains(pe.Want, c.want) {
				t.Errorf("Want %q; want %q in it", pe.Want, c.want)
			}
			for _, err := range q.errs {
				for _, goName := range []string{"Props.", "units.", "slider:", "widget: prop", "Unit("} {
					if strings.Contains(err.Error(), goName) {
						t.Errorf("error %q speaks Go (%q)", err, goName)
					}
				}
			}
			if strings.Contains(q.html(), "slider:") || strings.Contains(q.html(), "Props.") {
				t.Errorf("the widget shows Go names: %s", q.html())
			}
			if len(q.changes) != 0 {
				t.Errorf("bad options wrote %v", q.changes)
			}
			// The same message in Spanish is another text.
			es := newQuantity(t, "es_ES", c.props)
			if got := nodeText(es.byClass("gc-widget-invalid")); got == "" || got == nodeText(box) {
				t.Errorf("in Spanish: %q", got)
			}
		})
	}
	// Numbers in strings are numbers: Odoo views write options so.
	q := newQuantity(t, "en_US", base("min", "50", "max", "250", "step", "2", "digits", "1", "value", 120.25))
	if !q.byClass("gc-widget-invalid").IsZero() || len(q.errs) != 0 || attrOf(q.input(), "step") != "2" || q.readout() != "120.3 cm" {
		t.Errorf("options in strings: errors %v, %s", q.errs, q.html())
	}
	// Good options again: no message.
	q = newQuantity(t, "en_US", base("unit", "centimetre"))
	q.props.Next(base())
	if !q.byClass("gc-widget-invalid").IsZero() || q.input().IsZero() {
		t.Errorf("after good options: %s", q.html())
	}
}

// label and input_class fit the widget into a form that labels its
// fields itself, as Odoo's does.
func TestQuantityLabelAndInputClass(t *testing.T) {
	p := func(kv ...any) widget.Props {
		m := widget.Props{"value": 175.0, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "id": "height_0"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	label := func(q *quantity) dom.Node {
		return findNode(q.view, func(n dom.Node) bool { return n.Tag() == "label" })
	}

	q := newQuantity(t, "es_ES", p())
	if nodeText(label(q)) != "Altura" || attrOf(label(q), "for") != "height_0" || attrOf(q.input(), "id") != "height_0" {
		t.Errorf("default label: %s", q.html())
	}
	q = newQuantity(t, "es_ES", p("label", false, "input_class", "form-range o_input"))
	if !label(q).IsZero() {
		t.Errorf("label false: %s", q.html())
	}
	if in := q.input(); attrOf(in, "id") != "height_0" || !in.HasClass("form-range") || !in.HasClass("o_input") {
		t.Errorf("id and input_class: %s", q.html())
	}
	q = newQuantity(t, "es_ES", p("label", "Estatura del paciente"))
	if nodeText(label(q)) != "Estatura del paciente" {
		t.Errorf("label text: %s", q.html())
	}
	if len(q.errs) != 0 {
		t.Errorf("errors %v", q.errs)
	}
	for _, bad := range []widget.Props{p("label", 3.0), p("label", true), p("input_class", 3.0), p("input_class", ".form-range")} {
		q := newQuantity(t, "en_US", bad)
		if len(q.errs) == 0 || q.input().IsZero() {
			t.Errorf("%v: errors %v: %s", bad, q.errs, q.html())
		}
	}
}

// Every prop the quantity slider reads is in QuantityProps.
func TestQuantityPropsListsEveryProp(t *testing.T) {
	for _, name := range []string{"digits", "label", "input_class", "value", "display_unit", "usage", "min", "max", "step", "readonly", "lang", "integer", "id"} {
		c := widgets.ParseQuantityProps(widget.Props{"unit": "centimeter", name: nil})
		for _, err := range c.Errors {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestPropErrorWording(t *testing.T) {
	c := widgets.ParseQuantityProps(widget.Props{"unit": "centimetre", "value": 3.0})
	if len(c.Errors) == 0 {
		t.Fatal("no error")
	}
	got := c.Errors[0].Error()
	if !strings.HasPrefix(got, `"unit" is "centimetre": want a CLDR unit id such as `) {
		t.Errorf("Error() = %q", got)
	}
}

// Arabic (Odoo's ar_001) is written right to left: the widget says so on
// its root, speaks Arabic and formats as ICU does for ar.
func TestQuantityArabicIsRightToLeft(t *testing.T) {
	q := newQuantity(t, "ar_001", widget.Props{"value": 179.07, "unit": "centimeter", "min": 50.0, "max": 250.0, "digits": 2.0})
	if dir, lang := attrOf(q.view, "dir"), attrOf(q.view, "lang"); dir != "rtl" || lang != "ar" {
		t.Errorf("dir %q, lang %q; want rtl, ar: %s", dir, lang, q.html())
	}
	// new Intl.NumberFormat("ar", {style: "unit", unit: "centimeter"}).format(179.07) in Node 20 (ICU 78).
	if got, want := q.readout(), "179.07 سم"; got != want {
		t.Errorf("read-out %q, want %q", got, want)
	}
}
