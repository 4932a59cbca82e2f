// Package widgets holds the gocycle widgets of the Odoo addon
// (examples/odoo-widget): the quantity slider (the FullyLocalizedSlider of
// components/slider for a float or integer field), the plain slider and
// the language selector, each a pure app behind a web/widget factory.
// [RegisterAll] registers them; examples/odoo-widget/wasm builds them into
// widgets.wasm.
//
// The widgets' own messages (labels, "No value", the notices that say
// what is wrong with an option of the view) are the .po files of
// messages/, compiled in and served by the locale driver: Odoo's
// translation export does not see strings inside Go.
package widgets

import (
	"embed"
	"math"
	"reflect"
	"slices"
	"strings"
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
	// Notices are the problems with the options (the props an Odoo
	// view sets: unit, display_unit, usage, min, max, step, digits), as
	// the widget shows them, in the user's language, in a
	// div.gc-widget-invalid[role=alert]. Each is in Errors too.
	Notices []Notice
	// Unusable is set when an option leaves the widget nothing true to
	// show (no unit, bounds that are not numbers): it shows its notices
	// in place of the slider.
	Unusable bool
	Errors   []error
}

// Notice is a problem with an option as the widget shows it: a message
// of messages/*.po that names the option and the values it takes, and,
// when the widget works all the same, a second one that says what it
// uses instead. Odoo's integrators read these in the form, in their own
// language, where they would otherwise see nothing wrong but a field
// that will not save.
type Notice struct {
	Option string         // the option's name ("unit")
	Text   string         // the message id of the problem
	Used   string         // the message id of what the widget uses instead; "" when it shows no slider
	Args   map[string]any // the messages' %(name)s: option, value and the message's own
}

// In writes n in l's language.
func (n Notice) In(l locale.Locale) string {
	s := l.Text(n.Text, n.Args)
	if n.Used != "" {
		s += " " + l.Text(n.Used, n.Args)
	}
	return s
}

// The messages of the notices and of the out-of-range note: message ids
// of messages/*.po, which are the English texts.
const (
	msgUnitMissing = `The option "unit" is missing: use a CLDR unit id such as %(examples)s.`
	msgUnitUnknown = `The option "%(option)s" is %(value)s: use a CLDR unit id such as %(examples)s.`
	msgUnitKind    = `The option "display_unit" is %(value)s, which cannot show a value in %(unit)s: use a unit of the same kind, such as %(examples)s.`
	msgUsage       = `The option "usage" is %(value)s, which CLDR does not have for %(unit)s: use one of %(usages)s, or leave it out to show the value in %(unit)s.`
	msgNoUsages    = `The option "usage" is %(value)s, but CLDR has no usages for %(unit)s: leave it out.`
	msgNumber      = `The option "%(option)s" is %(value)s: use a number.`
	msgOrder       = `The option "min" (%(min)s) is above "max" (%(max)s): use a "min" at most "max".`
	msgStep        = `The option "step" is %(value)s: use a number above 0.`
	msgDigits      = `The option "digits" is %(value)s: use a whole number of decimals, 0 or more.`
	msgUsedNumber  = `%(used)s is used.`
	msgUsedStep    = `The default step, one display unit, is used.`
	msgUsedDigits  = `The value is shown with as many decimals as it needs, at most 3.`
	msgOutOfRange  = `Out of range: %(min)s to %(max)s`
)

// noSlider is the Used of a PropError that leaves the widget unusable.
const noSlider = "the widget says so in place of the slider"

// commonUnits are the units the notices offer, by dimension; 0 is for a
// unit of unknown dimension.
var commonUnits = map[units.Dimension][]string{
	0:                      {"centimeter", "meter", "inch", "kilogram", "gram", "liter"},
	units.Length:           {"centimeter", "meter", "millimeter", "inch", "foot"},
	units.Mass:             {"kilogram", "gram", "pound", "ounce"},
	units.Volume:           {"liter", "milliliter", "cubic-meter", "gallon", "fluid-ounce"},
	units.Temperature:      {"celsius", "fahrenheit", "kelvin"},
	units.Duration:         {"second", "minute", "hour", "day"},
	units.Area:             {"square-meter", "square-foot", "hectare", "acre"},
	units.Speed:            {"kilometer-per-hour", "meter-per-second", "mile-per-hour", "knot"},
	units.Pressure:         {"hectopascal", "bar", "pound-force-per-square-inch"},
	units.Energy:           {"kilojoule", "kilocalorie", "kilowatt-hour"},
	units.Power:            {"watt", "kilowatt", "horsepower"},
	units.Dimensionless:    {"percent", "permille"},
	units.CalendarDuration: {"month", "year"},
}

// cldrUsages are the usages of CLDR's unit preferences
// (unitPreferenceData), by dimension, as package units compiles them in
// (its tables_gen.go; TestUsagesAreCLDRs checks that they agree). A
// usage outside these lists units would silently shorten to "default".
var cldrUsages = map[units.Dimension][]string{
	units.Area:             {"default", "floor", "geograph", "land"},
	units.Duration:         {"default", "media"},
	units.Energy:           {"default", "food"},
	units.Length:           {"default", "focal-length", "person", "person-height", "rainfall", "road", "snowfall", "vehicle", "visiblty"},
	units.Mass:             {"default", "person"},
	units.Power:            {"default", "engine"},
	units.Pressure:         {"baromtrc", "default"},
	units.Speed:            {"default", "rainfall", "snowfall", "wind"},
	units.Temperature:      {"default", "weather"},
	units.Volume:           {"default", "fluid", "oil", "vehicle"},
	units.CalendarDuration: {"default", "person-age"},
}

// lookupUnit returns the unit whose CLDR id v is, or 0.
func lookupUnit(v any) units.Unit {
	s, _ := v.(string)
	u, _ := units.Lookup(s)
	return u
}

// meant returns the unit a misspelled id seems to mean ("centimetre",
// "Centimeters", "square_meter"), or 0.
func meant(v any) units.Unit {
	s, ok := v.(string)
	if !ok {
		return 0
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for _, r := range [...][2]string{{" ", "-"}, {"_", "-"}, {"metre", "meter"}, {"litre", "liter"}, {"feet", "foot"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	for _, c := range []string{s, strings.TrimSuffix(s, "es"), strings.TrimSuffix(s, "s")} {
		if u, ok := units.Lookup(c); ok {
			return u
		}
	}
	return 0
}

// examples lists unit ids for a notice: the one v seems to mean, if any,
// then the common units of dimension d.
func examples(v any, d units.Dimension) string {
	list := commonUnits[d]
	if u := meant(v); u != 0 && (d == 0 || u.Dimension() == d) {
		out := []string{u.ID()}
		for _, id := range list {
			if id != u.ID() {
				out = append(out, id)
			}
		}
		list = out
	}
	return strings.Join(list, ", ")
}

// QuantityProps are the props the quantity slider knows.
var QuantityProps = []string{"value", "unit", "display_unit", "usage", "min", "max", "step", "digits", "readonly", "lang", "integer", "id", "label", "aria_label", "input_class"}

// ParseQuantityProps reads the quantity slider's props:
//
//	value         the stored value, in unit; false, null or absent is empty
//	unit          its CLDR unit id ("centimeter", "kilogram"); required
//	display_unit  a CLDR unit of unit's dimension to show the value in,
//	              whatever the locale; optional
//	usage         the CLDR usage ("person-height", "person", "road", ...;
//	              one of those CLDR has for unit's dimension) whose unit
//	              preferences, for the locale's region, pick the display
//	              unit; optional
//	min, max      the bounds, in unit (default 0 and 100)
//	step          the step, in unit, above 0 (default: one display unit)
//	digits        the fraction digits of unit the field stores (2 for an
//	              Odoo float with digits=(6, 2)); absent: unknown, or 0 for
//	              an integer field. The read-out of a stored value has the
//	              fewest fraction digits of the display unit (of its
//	              smallest part, as inches of feet and inches) that tell
//	              apart two values 10^-digits of unit apart, at most 3; 3
//	              when unknown
//	readonly      disables the slider
//	lang          the user's language (en_US, es_ES, sr@latin)
//	integer       round what the user picks to a whole number of unit
//	id            the id of the range input, for the host's <label for>
//	              (of the read-out when readonly: a host may show it alone)
//	label         the label's text as it is; false: no label element (the
//	              host labels the input through id, as Odoo's form does);
//	              absent or "": "Height", "Weight" or "Value" by usage,
//	              translated
//	aria_label    with label false, the input's accessible name where the
//	              host has no label for it (a list cell, nolabel="1")
//	input_class   classes added to the range input, separated by spaces
//	              ("form-range", Odoo's Bootstrap)
//
// min, max, step and digits may be numbers in strings ("2"): Odoo views
// write options as Python literals, where '2' is as natural as 2.
//
// The display unit is display_unit if given, else the locale's preferred
// unit for usage if given, else unit itself: a field in centimeters shows
// centimeters (in the locale's number format) unless its view asks for
// more.
//
// The stored value shows as it is: exactly, with digits' precision, and
// when outside [min, max] too, flagged (see [QuantitySlider]); it is
// never rewritten for it, and a value out of bounds is reported on
// Errors. What the widget cannot use it reports in Errors, as a
// *widget.PropError in the props' own terms, and replaces: a bad value
// shows as empty, a bad label is the default one. A problem with an
// option (unit, display_unit, usage, min, max, step, digits) is also a
// [Notice] the widget shows: with a bad step or digits it works with
// their defaults and says so; with any other it shows the notices only
// (Unusable), since a slider on the wrong unit or bounds would be wrong.
func ParseQuantityProps(p widget.Props) QuantityConfig {
	var c QuantityConfig
	add := func(err error) {
		if err != nil {
			c.Errors = append(c.Errors, err)
		}
	}
	// option reports a problem with an option: on Errors as e, and in
	// the widget as the message text, followed by used, the message of
	// what the widget uses instead ("": nothing, it shows no slider).
	option := func(e *widget.PropError, text, used string, args map[string]any) {
		c.Errors = append(c.Errors, e)
		if args == nil {
			args = map[string]any{}
		}
		args["option"] = e.Name
		args["value"] = widget.Describe(e.Value)
		c.Notices = append(c.Notices, Notice{Option: e.Name, Text: text, Used: used, Args: args})
		if used == "" {
			c.Unusable = true
		}
	}
	c.Errors = append(c.Errors, p.Unknown(QuantityProps...)...)

	var u units.Unit
	var dim units.Dimension
	if p.Empty("unit") {
		ex := examples(nil, 0)
		option(&widget.PropError{Name: "unit", Want: "a CLDR unit id such as " + ex, Used: noSlider}, msgUnitMissing, "", map[string]any{"examples": ex})
	} else if u = lookupUnit(p["unit"]); u == 0 {
		ex := examples(p["unit"], 0)
		option(&widget.PropError{Name: "unit", Value: p["unit"], Want: "a CLDR unit id such as " + ex, Used: noSlider}, msgUnitUnknown, "", map[string]any{"examples": ex})
	} else {
		dim = u.Dimension()
	}

	var disp units.Unit
	if !p.Empty("display_unit") {
		raw := p["display_unit"]
		switch d := lookupUnit(raw); {
		case d == 0:
			ex := examples(raw, dim)
			option(&widget.PropError{Name: "display_unit", Value: raw, Want: "a CLDR unit id such as " + ex, Used: noSlider}, msgUnitUnknown, "", map[string]any{"examples": ex})
		case u != 0 && d.Dimension() != dim:
			ex := examples(nil, dim)
			option(&widget.PropError{Name: "display_unit", Value: raw, Want: "a unit of the same kind as " + u.ID() + ", such as " + ex, Used: noSlider},
				msgUnitKind, "", map[string]any{"unit": u.ID(), "examples": ex})
		default:
			disp = d
		}
	}

	usage := ""
	if !p.Empty("usage") {
		s, isString := p["usage"].(string)
		known := isString && slices.Contains(cldrUsages[dim], s)
		switch {
		case known:
			usage = s
		case u == 0:
			// Without a unit there is no list to check against but the type.
			if !isString {
				add(&widget.PropError{Name: "usage", Value: p["usage"], Want: "a CLDR usage such as person-height, person, road, fluid", Used: "ignored"})
			}
		case len(cldrUsages[dim]) == 0:
			option(&widget.PropError{Name: "usage", Value: p["usage"], Want: "no usage: CLDR has none for " + u.ID(), Used: noSlider},
				msgNoUsages, "", map[string]any{"unit": u.ID()})
		default:
			list := strings.Join(cldrUsages[dim], ", ")
			option(&widget.PropError{Name: "usage", Value: p["usage"], Want: "one of the CLDR usages for " + dim.String() + ": " + list, Used: noSlider},
				msgUsage, "", map[string]any{"unit": u.ID(), "usages": list})
		}
	}

	// number reads a number option; a number in a string is a number.
	number := func(name string) (v float64, ok bool, err error) {
		v, ok, err = p.Number(name)
		if ok {
			err = nil
		}
		return v, ok, err
	}
	// bound reads min or max: a number, or unusable.
	bound := func(name string, def float64) (float64, bool) {
		v, ok, err := number(name)
		switch {
		case ok:
			return v, true
		case err == nil:
			return def, true
		}
		option(&widget.PropError{Name: name, Value: p[name], Want: "a number", Used: noSlider}, msgNumber, "", nil)
		return def, false
	}
	lo, okLo := bound("min", 0)
	hi, okHi := bound("max", 100)
	if okLo && okHi && lo > hi {
		option(&widget.PropError{Name: "max", Value: hi, Want: "at least min (" + widget.Describe(lo) + ")", Used: noSlider},
			msgOrder, "", map[string]any{"min": widget.Describe(lo), "max": widget.Describe(hi)})
	}

	step := 0.0 // one display unit
	if v, ok, err := number("step"); err != nil || ok && !(v > 0) {
		e := &widget.PropError{Name: "step", Value: p["step"], Want: "a number above 0", Used: "the default step, one display unit"}
		if u != 0 {
			e.Want += ", in " + u.ID()
		}
		option(e, msgStep, msgUsedStep, nil)
	} else if ok {
		step = v
	}

	integer, err := p.Bool("integer")
	add(err)
	c.Integer = integer
	digits := -1 // unknown
	if v, ok, err := number("digits"); err != nil || ok && !(v >= 0 && v == math.Trunc(v)) {
		e := &widget.PropError{Name: "digits", Value: p["digits"], Want: "a whole number of decimals, 0 or more", Used: "as many decimals as the value needs, at most 3"}
		used := msgUsedDigits
		if integer {
			digits = 0
			used, e.Used = msgUsedNumber, "0, the field being an integer"
		}
		option(e, msgDigits, used, map[string]any{"used": "0"})
	} else if ok {
		digits = int(min(v, 100))
	}
	if digits < 0 && integer {
		digits = 0
	}

	value, has, err := p.Number("value")
	add(err)
	c.Empty = !has
	if !has {
		value = math.NaN()
	} else if !c.Unusable && (value < lo || value > hi) {
		add(&widget.PropError{Name: "value", Value: value,
			Want: "a value from " + widget.Describe(lo) + " to " + widget.Describe(hi) + ` ("min" to "max"), in ` + u.ID(),
			Used: "shown as it is and marked out of range, the slider at the nearest bound; the stored value is unchanged"})
	}
	readonly, err := p.Bool("readonly")
	add(err)
	_, err = p.String("lang")
	add(err)
	id, err := p.String("id")
	add(err)
	if strings.ContainsAny(id, " \t\n\f\r") {
		add(&widget.PropError{Name: "id", Value: id, Want: "an id without spaces", Used: "ignored: the widget makes one"})
		id = ""
	}

	var labelText string
	noLabel := false
	switch x := p["label"].(type) {
	case nil:
	case string:
		labelText = strings.TrimSpace(x)
	case bool:
		if x {
			add(&widget.PropError{Name: "label", Value: x, Want: "a text, or false for no label", Used: "the default label"})
		}
		noLabel = !x
	default:
		add(&widget.PropError{Name: "label", Value: x, Want: "a text, or false for no label", Used: "the default label"})
	}

	ariaLabel, err := p.String("aria_label")
	add(err)

	var inputClass string
	if !p.Empty("input_class") {
		want := `class names separated by spaces, such as "form-range"`
		if s, ok := p["input_class"].(string); !ok {
			add(&widget.PropError{Name: "input_class", Value: p["input_class"], Want: want, Used: "ignored"})
		} else {
			var good, bad []string
			for _, f := range strings.Fields(s) {
				if strings.HasPrefix(f, ".") || strings.ContainsAny(f, "\"'<>,;") {
					bad = append(bad, f)
				} else {
					good = append(good, f)
				}
			}
			if len(bad) > 0 {
				add(&widget.PropError{Name: "input_class", Value: s, Want: want + " (without dots or punctuation)", Used: "used without " + strings.Join(bad, " ")})
			}
			inputClass = strings.Join(good, " ")
		}
	}

	if disp == 0 && usage == "" {
		disp = u // neither display_unit nor usage: the field's own unit
	}
	label := "Value"
	switch usage {
	case "person-height":
		label = "Height"
	case "person":
		label = "Weight"
	}
	c.Props = slider.LocalizedProps{
		ID:         id,
		Label:      label,
		LabelText:  labelText,
		NoLabel:    noLabel,
		AriaLabel:  strings.TrimSpace(ariaLabel),
		InputClass: inputClass,
		Value:      units.Quantity{Value: value, Unit: u},
		Min:        units.Quantity{Value: lo, Unit: u},
		Max:        units.Quantity{Value: hi, Unit: u},
		Usage:      usage,
		Unit:       disp,
		Disabled:   readonly,
		Exact:      true,

		OutOfRangeNote: msgOutOfRange,
	}
	if step > 0 {
		c.Props.Step = units.Quantity{Value: step, Unit: u}
	}
	if digits >= 0 && u != 0 {
		c.Props.Precision = units.Quantity{Value: math.Pow10(-digits), Unit: u}
	}
	return c
}

// QuantitySlider is the quantity slider widget: a [slider.Localized] for
// the value of a float or integer field, shown in the unit its props ask
// for (see [ParseQuantityProps]) and sent back, on the user's input
// only, as a number in the field's unit (Change). Problems with the
// props go to Errors, and those with the options also show in the widget
// (div.gc-widget-invalid[role=alert]).
//
// The host's value shows as it is stored: exactly, in the display unit,
// with the thumb at the nearest step. An empty value shows the slider at
// its minimum, marked "No value" (class gc-empty), until the user moves
// it. A value outside [min, max] (Odoo gives an empty float field as 0)
// reads out as it is, with the thumb at the nearest bound, the input
// aria-invalid, the class gc-out-of-range on the widget and a note with
// the bounds, until the user moves it; nothing is written for it.
func QuantitySlider(src Sources) Sinks {
	props := distinct(src.Props)
	configs := stream.Map(props, ParseQuantityProps).Remember()
	inner := cycle.Isolate(slider.Localized, "q")(slider.LocalizedSources{
		DOM:    src.DOM,
		Locale: src.Locale,
		Props:  stream.Map(configs, func(c QuantityConfig) slider.LocalizedProps { return c.Props }),
	})
	// touched: the user has moved the slider since the host's last value.
	touched := stream.Merge(
		stream.MapTo(configs, false),
		stream.MapTo(inner.Value, true),
	).StartWith(false)
	view := stream.Combine4(inner.DOM, configs, touched, src.Locale.Current(),
		func(n dom.Node, c QuantityConfig, moved bool, l locale.Locale) dom.Node {
			attrs := dom.Attrs{"lang": l.Language().String(), "dir": l.Direction().String()}
			var alert any
			if len(c.Notices) > 0 {
				msgs := make([]dom.Node, len(c.Notices))
				for i, x := range c.Notices {
					msgs[i] = dom.P(x.In(l))
				}
				alert = dom.H("div.gc-widget-invalid", dom.Attrs{"role": "alert"}, msgs)
			}
			if c.Unusable {
				return dom.H("div.gc-widget.gc-quantity-widget", attrs, alert)
			}
			empty := c.Empty && !moved
			var note any
			if empty {
				note = dom.H("span.gc-empty-note", l.Text("No value"))
			}
			// The slider marks a stored value out of bounds, and its
			// note, until the user moves it; the widget's root has the
			// mark too, for the host's styles.
			return dom.H("div.gc-widget.gc-quantity-widget", attrs,
				dom.Class{"gc-empty": empty, "gc-out-of-range": n.HasClass("gc-out-of-range")}, n, note, alert)
		})
	change := stream.SampleCombine(inner.Value, configs, func(q units.Quantity, c QuantityConfig) any {
		x := q.Value
		if c.Integer {
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
