// Package widgets holds the gocycle widgets of the Odoo addon
// (examples/odoo-widget): the quantity slider (the FullyLocalizedSlider of
// components/slider for a float or integer field), the plain slider and
// the language selector, each a pure app behind a web/widget factory.
// [RegisterAll] registers them; examples/odoo-widget/wasm builds them into
// widgets.wasm.
//
// The widgets' own messages (labels, "No value") are the .po files of
// messages/, compiled in and served by the locale driver: Odoo's
// translation export does not see strings inside Go.
package widgets

import (
	"embed"
	"fmt"
	"math"
	"reflect"
	"sync"

	"github.com/gocycle/gocycle/components/langselect"
	"github.com/gocycle/gocycle/components/slider"
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/units"
	"github.com/gocycle/gocycle/web/widget"
)

//go:embed messages/*.po
var messageFiles embed.FS

// Messages is the locale driver's option with the widgets' messages.
func Messages() locale.Option { return locale.Messages(messageFiles, "messages/*.po") }

// The names the widgets are registered as.
const (
	QuantitySliderName = "quantity-slider"
	SliderName         = "slider"
	LangSelectName     = "langselect"
)

// RegisterAll registers the quantity slider, the plain slider and the
// language selector with widget.Register.
func RegisterAll() {
	widget.Register(QuantitySliderName, QuantitySliderFactory)
	widget.Register(SliderName, SliderFactory)
	widget.Register(LangSelectName, LangSelectFactory)
}

// localeDriver is the locale driver of one widget: the messages, and the
// language of the host's lang prop ("es_ES", Odoo's form) to start in.
// One driver per starting language serves every widget that starts in
// it, so that the messages are parsed once per language, not per widget.
func localeDriver(h *widget.Host) cycle.Driver {
	lang, _ := h.Initial.String("lang")
	localeDrivers.Lock()
	defer localeDrivers.Unlock()
	if d, ok := localeDrivers.m[lang]; ok {
		return d
	}
	opts := []locale.Option{Messages()}
	if lang != "" {
		opts = append(opts, locale.Initial(lang))
	}
	d := locale.Driver(opts...)
	if len(localeDrivers.m) < 64 { // hosts have a few languages; never grow without bound
		localeDrivers.m[lang] = d
	}
	return d
}

var localeDrivers = struct {
	sync.Mutex
	m map[string]cycle.Driver
}{m: map[string]cycle.Driver{}}

// Sources are what the widgets read.
type Sources struct {
	DOM    *dom.Source
	Locale *locale.Source
	Props  *stream.Stream[widget.Props]
}

// Sinks are what the widgets write.
type Sinks struct {
	DOM    *stream.Stream[dom.Node]
	Locale *stream.Stream[string]
	Change *stream.Stream[any]
	Errors *stream.Stream[error]
}

// QuantitySliderFactory starts a [QuantitySlider].
func QuantitySliderFactory(h *widget.Host) (func(), error) {
	return widget.Run(h, QuantitySlider, cycle.Drivers{"Locale": localeDriver(h)})
}

// SliderFactory starts a [PlainSlider].
func SliderFactory(h *widget.Host) (func(), error) {
	return widget.Run(h, PlainSlider, cycle.Drivers{"Locale": localeDriver(h)})
}

// LangSelectFactory starts a [LangSelect].
func LangSelectFactory(h *widget.Host) (func(), error) {
	return widget.Run(h, LangSelect, cycle.Drivers{"Locale": localeDriver(h)})
}

// distinct drops props equal to the previous ones: hosts such as Odoo
// send the same props again on every render.
func distinct(p *stream.Stream[widget.Props]) *stream.Stream[widget.Props] {
	return p.DropRepeatsFunc(func(a, b widget.Props) bool { return reflect.DeepEqual(a, b) })
}

// langs is the Locale sink of a widget: the lang prop, as it changes.
func langs(props *stream.Stream[widget.Props]) *stream.Stream[string] {
	return stream.DropRepeats(stream.Map(props, func(p widget.Props) string {
		s, _ := p.String("lang")
		return s
	}))
}

// QuantityConfig is what the quantity slider makes of its props.
type QuantityConfig struct {
	Props   slider.LocalizedProps
	Empty   bool // the value is empty: Odoo's false, null, absent
	Integer bool // round what the user picks to a whole number
	Errors  []error
}

// QuantityProps are the props the quantity slider knows.
var QuantityProps = []string{"value", "unit", "display_unit", "usage", "min", "max", "step", "readonly", "lang", "integer", "id"}

// ParseQuantityProps reads the quantity slider's props:
//
//	value         the stored value, in unit; false, null or absent is empty
//	unit          its CLDR unit ("centimeter", "kilogram"); required
//	display_unit  a unit to show whatever the locale; optional
//	usage         the CLDR usage that picks the display unit ("person-height")
//	min, max      the bounds, in unit (default 0 and 100)
//	step          the step, in unit (default: one display unit)
//	readonly      disables the slider
//	lang          the user's language (en_US, es_ES, sr@latin)
//	integer       round what the user picks to a whole number of unit
//	id            the id of the range input
//
// What it cannot use it reports in Errors and replaces: a bad value shows
// as empty, a value out of bounds shows clamped, bad bounds are the
// defaults; the stored value is never rewritten for it.
func ParseQuantityProps(p widget.Props) QuantityConfig {
	var c QuantityConfig
	add := func(err error) {
		if err != nil {
			c.Errors = append(c.Errors, err)
		}
	}
	c.Errors = append(c.Errors, p.Unknown(QuantityProps...)...)
	unitID, err := p.String("unit")
	add(err)
	u, ok := units.Lookup(unitID)
	if !ok {
		add(&widget.PropError{Name: "unit", Value: p["unit"], Want: `a CLDR unit such as "centimeter" or "kilogram"`, Used: "the widget cannot show the value"})
	}
	num := func(name string, def float64) float64 {
		v, ok, err := p.Number(name)
		add(err)
		if !ok {
			return def
		}
		return v
	}
	lo, hi := num("min", 0), num("max", 100)
	if lo > hi {
		add(&widget.PropError{Name: "max", Value: hi, Want: fmt.Sprintf("at least min (%v)", lo), Used: "bounds 0 to 100 used"})
		lo, hi = 0, 100
	}
	step := num("step", 0)
	if step < 0 {
		add(&widget.PropError{Name: "step", Value: step, Want: "a positive number", Used: "ignored"})
		step = 0
	}
	value, has, err := p.Number("value")
	add(err)
	c.Empty = !has
	if !has {
		value = math.NaN()
	} else if value < lo || value > hi {
		shown := math.Min(math.Max(value, lo), hi)
		add(&widget.PropError{Name: "value", Value: value, Want: fmt.Sprintf("a value from %v to %v", lo, hi), Used: fmt.Sprintf("shown as %v, the stored value is unchanged", shown)})
	}
	readonly, err := p.Bool("readonly")
	add(err)
	integer, err := p.Bool("integer")
	add(err)
	c.Integer = integer
	usage, err := p.String("usage")
	add(err)
	id, err := p.String("id")
	add(err)
	var disp units.Unit
	if du, err := p.String("display_unit"); err != nil {
		add(err)
	} else if du != "" {
		if d, ok := units.Lookup(du); ok {
			disp = d
		} else {
			add(&widget.PropError{Name: "display_unit", Value: du, Want: "a CLDR unit", Used: "ignored"})
		}
	}
	label := "Value"
	switch usage {
	case "person-height":
		label = "Height"
	case "person":
		label = "Weight"
	}
	c.Props = slider.LocalizedProps{
		ID:       id,
		Label:    label,
		Value:    units.Quantity{Value: value, Unit: u},
		Min:      units.Quantity{Value: lo, Unit: u},
		Max:      units.Quantity{Value: hi, Unit: u},
		Usage:    usage,
		Unit:     disp,
		Disabled: readonly,
	}
	if step > 0 {
		c.Props.Step = units.Quantity{Value: step, Unit: u}
	}
	return c
}

// QuantitySlider is the quantity slider widget: a [slider.Localized] for
// the value of a float or integer field, shown in the units the user's
// locale prefers for its usage and sent back, on the user's input only,
// as a number in the field's unit (Change). Props are read by
// [ParseQuantityProps]; their problems go to Errors. An empty value shows
// the slider at its minimum, marked "No value", until the user moves it.
func QuantitySlider(src Sources) Sinks {
	props := distinct(src.Props)
	configs := stream.Map(props, ParseQuantityProps).Remember()
	inner := cycle.Isolate(slider.Localized, "q")(slider.LocalizedSources{
		DOM:    src.DOM,
		Locale: src.Locale,
		Props:  stream.Map(configs, func(c QuantityConfig) slider.LocalizedProps { return c.Props }),
	})
	type viewState struct {
		empty   bool
		integer bool
	}
	states := stream.Map(configs, func(c QuantityConfig) viewState { return viewState{empty: c.Empty, integer: c.Integer} }).Remember()
	// touched: the user has moved the slider since the host's last value.
	touched := stream.Merge(
		stream.MapTo(configs, false),
		stream.MapTo(inner.Value, true),
	).StartWith(false)
	view := stream.Combine4(inner.DOM, states, touched, src.Locale.Current(),
		func(n dom.Node, s viewState, moved bool, l locale.Locale) dom.Node {
			empty := s.empty && !moved
			var note any
			if empty {
				note = dom.H("span.gc-empty-note", l.Text("No value"))
			}
			return dom.H("div.gc-widget.gc-quantity-widget", dom.Attrs{"lang": l.Language().String(), "dir": l.Direction().String()},
				dom.Class{"gc-empty": empty}, n, note)
		})
	change := stream.SampleCombine(inner.Value, states, func(q units.Quantity, s viewState) any {
		x := q.Value
		if s.integer {
			x = math.Round(x)
		}
		return x
	})
	errs := stream.Merge(
		stream.Flatten(stream.Map(configs, func(c QuantityConfig) *stream.Stream[error] { return stream.FromSlice(c.Errors) })),
		src.Locale.Errors(),
	)
	return Sinks{DOM: view, Locale: langs(props), Change: change, Errors: errs}
}

// PlainProps are the props the plain slider knows.
var PlainProps = []string{"value", "min", "max", "step", "label", "readonly", "lang", "id"}

// PlainSlider is the plain slider widget: a [slider.Slider] with a
// label given by the host (props: value, min, max, step, label, readonly,
// lang, id), whose read-out is formatted for the user's locale. It sends
// the number the user picks to Change.
func PlainSlider(src Sources) Sinks {
	props := distinct(src.Props)
	type cfg struct {
		p     slider.Props
		empty bool
		errs  []error
	}
	configs := stream.Map(props, func(p widget.Props) cfg {
		var c cfg
		c.errs = append(c.errs, p.Unknown(PlainProps...)...)
		num := func(name string, def float64) float64 {
			v, ok, err := p.Number(name)
			if err != nil {
				c.errs = append(c.errs, err)
			}
			if !ok {
				return def
			}
			return v
		}
		c.p.Min, c.p.Max, c.p.Step = num("min", 0), num("max", 100), num("step", 1)
		v, ok, err := p.Number("value")
		if err != nil {
			c.errs = append(c.errs, err)
		}
		c.empty = !ok
		c.p.Value = v
		if !ok {
			c.p.Value = math.NaN()
		}
		var errs []error
		c.p.Label, err = p.String("label")
		errs = append(errs, err)
		c.p.ID, err = p.String("id")
		errs = append(errs, err)
		c.p.Disabled, err = p.Bool("readonly")
		errs = append(errs, err)
		for _, e := range errs {
			if e != nil {
				c.errs = append(c.errs, e)
			}
		}
		return c
	}).Remember()
	sliderProps := stream.Combine2(configs, src.Locale.Current(), func(c cfg, l locale.Locale) slider.Props {
		p := c.p
		p.Format = l.FormatNumber
		return p
	})
	inner := cycle.Isolate(slider.Slider, "s")(slider.Sources{DOM: src.DOM, Props: sliderProps})
	view := stream.Combine2(inner.DOM, src.Locale.Current(), func(n dom.Node, l locale.Locale) dom.Node {
		return dom.H("div.gc-widget.gc-plain-widget", dom.Attrs{"lang": l.Language().String()}, n)
	})
	errs := stream.Merge(
		stream.Flatten(stream.Map(configs, func(c cfg) *stream.Stream[error] { return stream.FromSlice(c.errs) })),
		src.Locale.Errors(),
	)
	return Sinks{
		DOM:    view,
		Locale: langs(props),
		Change: stream.Map(inner.Value, func(v float64) any { return v }),
		Errors: errs,
	}
}

// LangSelect is the language selector widget: the widgets' languages in a
// select, starting in the lang prop. The language the user picks goes to
// Change as a BCP 47 tag ("es"), and switches the selector itself.
func LangSelect(src Sources) Sinks {
	props := distinct(src.Props)
	sel := cycle.Isolate(langselect.LangSelect, "lang")(langselect.Sources{DOM: src.DOM, Locale: src.Locale})
	errs := stream.Merge(
		stream.Flatten(stream.Map(props, func(p widget.Props) *stream.Stream[error] {
			return stream.FromSlice(p.Unknown("lang"))
		})),
		src.Locale.Errors(),
	)
	return Sinks{
		DOM:    stream.Map(sel.DOM, func(n dom.Node) dom.Node { return dom.H("div.gc-widget.gc-langselect-widget", n) }),
		Locale: stream.Merge(langs(props), sel.Language),
		Change: stream.Map(sel.Language, func(s string) any { return s }),
		Errors: errs,
	}
}
