package slider

import (
	"errors"
	"fmt"
	"math"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/units"
)

// LocalizedProps configure a [Localized] slider. Quantities may be given
// in any units of one dimension: the slider converts them.
type LocalizedProps struct {
	// ID is the id of the range input; see [Props].
	ID string
	// Label is the message id of the label, looked up in the locale's
	// messages ("Height" shows as "Altura" in Spanish).
	Label string
	// LabelText, if not "", is the label's text as it is, in place of
	// Label's message: a label the host has translated itself.
	LabelText string
	// NoLabel renders no label element, for a host that labels the
	// input itself through ID; see [Props.NoLabel].
	NoLabel bool
	// InputClass are classes added to the range input, separated by
	// spaces; see [Props.InputClass].
	InputClass string
	// AriaLabel, with NoLabel, is the input's accessible name; see
	// [Props.AriaLabel].
	AriaLabel string
	// Value is the stored value. Its unit is the canonical unit: the one
	// in which the slider emits, whatever unit it shows.
	Value units.Quantity
	// Min and Max bound the value, in any unit of Value's dimension.
	Min, Max units.Quantity
	// Step is the distance between two positions of the slider. It is
	// converted to the display unit and rounded to 1, 2 or 5 times a
	// power of ten there (1 kg is a step of 2 lb). The zero Quantity is
	// one of the display unit (1 cm, 1 in, 1 lb).
	Step units.Quantity
	// Usage is the CLDR usage that picks the display unit from the
	// locale's region, such as "person-height" or "person" (body
	// weight); see units.Preferred. "" is "default".
	Usage string
	// Unit, if not zero, is the display unit, whatever the locale.
	Unit units.Unit
	// Disabled disables the input.
	Disabled bool
	// Exact reads out the host's Value as it is, converted exactly to
	// the display unit with the fraction digits Precision calls for,
	// rather than at the slider's nearest position: a stored 179.07 cm
	// is "5 ft, 10.5 in" though the thumb sits at 71 in. A Value out of
	// [Min, Max] reads out as it is too ("0 cm"), the thumb at the
	// nearest bound. Positions the user picks read out as they are
	// ("5 ft, 11 in"). Without it, the host's value reads out at the
	// slider's position, as the user's do: fine for a value the slider
	// itself wrote, misleading for one it did not (a read-only field).
	Exact bool
	// Precision is the smallest difference between two stored values:
	// 0.01 cm for a field that keeps two decimals of centimeters. With
	// Exact, the read-out has the fewest fraction digits of the display
	// unit (of its smallest part, for mixed units) that tell two such
	// values apart, at most 3: two decimals of cm are three of in, one
	// of cm (0.39 in) is one. The zero Quantity, or a quantity of
	// another dimension, is unknown: up to 3 fraction digits.
	Precision units.Quantity
	// OutOfRangeNote is the message id of a note shown under the slider
	// (span.gc-out-of-range-note) while it shows a host value outside
	// [Min, Max]; its %(min)s and %(max)s are the bounds in the display
	// unit, written as Exact writes values ("Out of range: %(min)s to
	// %(max)s" may read "Out of range: 19.685 in to 98.425 in"). "" shows
	// no note; the class gc-out-of-range marks such a value either way.
	OutOfRangeNote string
}

// LocalizedSources are what a Localized slider reads.
type LocalizedSources struct {
	// DOM gives the input events of the slider's view.
	DOM *dom.Source
	// Locale gives the locale: labels, units and number formats.
	Locale *locale.Source
	// Props are the slider's configuration and the host's value.
	Props *stream.Stream[LocalizedProps]
}

// LocalizedSinks are what a Localized slider writes.
type LocalizedSinks struct {
	// DOM is the slider's view, or an element with role=alert that says
	// what is wrong with the props.
	DOM *stream.Stream[dom.Node]
	// Value emits the value the user picks, in the unit of Props.Value,
	// within [Props.Min, Props.Max]. Like [Sinks.Value], it emits on the
	// user's input only: a value set by the host, or a change of locale,
	// never comes back on it, converted or not.
	Value *stream.Stream[units.Quantity]
}

// Localized is the FullyLocalizedSlider: a [Slider] for a quantity, shown
// in the unit the locale prefers for Props.Usage (or Props.Unit) and
// emitted in the unit of Props.Value.
//
// It combines Props with Locale.Current(). The display unit is the one the
// locale's region prefers for Props.Value (5 ft 9 in for person-height in
// the US; 175 cm in Germany), chosen when the props or the locale change,
// not while the user drags. Mixed units (foot and inch) slide in their
// smallest unit and read out as the mix ("5 ft, 9 in"). Min, Max, Step and
// the value are converted for display: the display bounds are the
// multiples of the step inside [Min, Max], so that every position of the
// slider is a value within bounds in the canonical unit.
//
// The stored value has one owner. The slider keeps it in the canonical
// unit and converts it for display, never back: switching the locale any
// number of times changes nothing but the display. A position the user
// picks is converted back exactly (units.Quantity.To, no rounding), so that
// the same position shows again in that display unit, and clamped to
// [Min, Max].
//
// The host's value is shown at the slider's nearest position, and read
// out there too unless Props.Exact asks for the value as it is. A host
// value outside [Min, Max] sits at the nearest bound until the user
// moves, with the input aria-invalid, the class gc-out-of-range on the
// slider's root (for the host's own marks) and Props.OutOfRangeNote
// under it. No value is written back for it: only the user's move emits.
//
// Its view is a div.gc-quantity-slider around the inner Slider's view.
// The inner Slider is isolated with the scope "slider": its input is
// selected, in a mocked DOM source, as "@slider input" (under the scope of
// the Localized slider itself, if it is isolated).
func Localized(src LocalizedSources) LocalizedSinks {
	fallback := newID()
	sliderProps := stream.NewProxy[Props]()
	inner := cycle.Isolate(Slider, "slider")(Sources{DOM: src.DOM, Props: sliderProps})

	acts := stream.Merge(
		stream.Map(src.Props, func(p LocalizedProps) lAction { return lAction{props: &p} }),
		stream.Map(src.Locale.Current(), func(l locale.Locale) lAction { return lAction{loc: &l} }),
		stream.Map(inner.Value, func(v float64) lAction { return lAction{input: v, user: true} }),
	)
	states := stream.Fold(acts, lModel{}, func(m lModel, a lAction) lModel {
		return m.reduce(a, fallback)
	})
	// The display changes with the props and the locale, not with the
	// user's input: the inner slider keeps the user's position itself.
	layouts := states.Filter(func(m lModel) bool { return m.hasProps && m.hasLoc }).
		DropRepeatsFunc(func(a, b lModel) bool { return a.gen == b.gen }).Remember()
	if err := sliderProps.Imitate(stream.Map(layouts.Filter(func(m lModel) bool { return m.disp.err == nil }),
		func(m lModel) Props { return m.disp.slider })); err != nil {
		panic("slider: " + err.Error()) // a fresh proxy imitates once
	}
	errViews := stream.Map(layouts.Filter(func(m lModel) bool { return m.disp.err != nil }), func(m lModel) dom.Node {
		return dom.H("div.gc-slider.gc-slider-error", dom.Attrs{"role": "alert"}, m.disp.err.Error())
	})
	return LocalizedSinks{
		// The inner slider's view is wrapped: an isolated root is marked
		// with its scope, and a Localized slider isolated in turn would
		// mark the same element with its own, hiding the inner one's.
		// The inner slider says whether it shows an invalid host value
		// (which, here, is one out of bounds): it knows when the user
		// moves, the layout does not.
		DOM: stream.Combine2(stream.Merge(inner.DOM, errViews), layouts, func(n dom.Node, m lModel) dom.Node {
			out := m.disp.err == nil && n.HasClass("gc-slider-invalid")
			var note any
			if out && m.props.OutOfRangeNote != "" {
				note = dom.H("span.gc-out-of-range-note", m.loc.Text(m.props.OutOfRangeNote, map[string]any{"min": m.disp.minText, "max": m.disp.maxText}))
			}
			return dom.H("div.gc-quantity-slider", dom.Class{"gc-out-of-range": out}, n, note)
		}),
		Value: stream.Map(states.Filter(fresh(func(m lModel) (bool, uint64) { return m.user, m.seq })), func(m lModel) units.Quantity {
			return units.Quantity{Value: m.value, Unit: m.props.Value.Unit}
		}),
	}
}

// lAction is what changes a Localized slider.
type lAction struct {
	props *LocalizedProps
	loc   *locale.Locale
	input float64 // a position the user picked, in the display unit
	user  bool
}

// lModel is a Localized slider's state.
type lModel struct {
	props    LocalizedProps
	loc      locale.Locale
	hasProps bool
	hasLoc   bool
	// value is the current value in the canonical unit: the host's, or
	// the last one the user picked.
	value float64
	host  bool // value is the host's: the user has not moved since
	disp  layout
	gen   int    // counts the changes of disp
	user  bool   // this state comes from the user's input
	seq   uint64 // counts the states that come from the user's input
}

func (m lModel) reduce(a lAction, fallbackID string) lModel {
	m.user = false
	switch {
	case a.props != nil:
		if !m.hasProps || !sameQuantity(a.props.Value, m.props.Value) {
			m.value = a.props.Value.Value
			m.host = true
		}
		m.props, m.hasProps = *a.props, true
		if m.props.ID == "" {
			m.props.ID = fallbackID
		}
	case a.loc != nil:
		m.loc, m.hasLoc = *a.loc, true
	case a.user:
		if m.disp.err != nil || !m.hasProps || !m.hasLoc {
			return m
		}
		q, err := units.Quantity{Value: a.input, Unit: m.disp.unit}.To(m.props.Value.Unit)
		if err != nil {
			return m
		}
		m.value = math.Min(math.Max(q.Value, m.disp.min), m.disp.max)
		m.user, m.host = true, false
		m.seq++
		return m
	}
	if m.hasProps && m.hasLoc {
		m.disp = newLayout(m.props, m.loc, m.value, m.host)
		m.gen++
	}
	return m
}

// sameQuantity reports whether a and b are the same value: an empty (NaN)
// value is the same as another, so that props sent again with an empty
// value keep the position the user picked.
func sameQuantity(a, b units.Quantity) bool {
	return a == b || a.Unit == b.Unit && math.IsNaN(a.Value) && math.IsNaN(b.Value)
}

// layout is how a Localized slider shows its value: in which units, and
// the props of the inner slider.
type layout struct {
	err      error
	unit     units.Unit // the unit the range input slides in
	min, max float64    // the bounds, in the canonical unit
	slider   Props
	// minText, maxText: the bounds as Exact writes values.
	minText, maxText string
}

// newLayout computes the display of value (in p.Value's unit) for loc;
// host says whether value is the host's.
func newLayout(p LocalizedProps, loc locale.Locale, value float64, host bool) layout {
	cu := p.Value.Unit
	if !cu.Valid() {
		return layout{err: errors.New("slider: Props.Value has no unit; give the quantity's canonical unit, such as units.Centimeter")}
	}
	lo, err := p.Min.To(cu)
	if err != nil {
		return layout{err: fmt.Errorf("slider: Props.Min: %w", err)}
	}
	hi, err := p.Max.To(cu)
	if err != nil {
		return layout{err: fmt.Errorf("slider: Props.Max: %w", err)}
	}
	if math.IsNaN(lo.Value) || math.IsNaN(hi.Value) || lo.Value > hi.Value {
		return layout{err: fmt.Errorf("slider: Props.Min (%v) must not be above Props.Max (%v)", p.Min, p.Max)}
	}
	// The display units: forced, or the locale's preference for the
	// host's value (within bounds, so that NaN picks something).
	var mix []units.Unit
	if p.Unit != 0 {
		if _, err := (units.Quantity{Value: 1, Unit: cu}).To(p.Unit); err != nil {
			return layout{err: fmt.Errorf("slider: Props.Unit: %w", err)}
		}
		mix = []units.Unit{p.Unit}
	} else {
		ref := p.Value
		if math.IsNaN(ref.Value) || ref.Value < lo.Value || ref.Value > hi.Value {
			ref = lo
		}
		m, err := loc.Preferred(p.Usage, ref)
		if err != nil || len(m.Parts) == 0 {
			mix = []units.Unit{cu}
		} else {
			for _, q := range m.Parts {
				mix = append(mix, q.Unit)
			}
		}
	}
	unit := mix[len(mix)-1]
	step := 1.0
	if p.Step.Unit != 0 && p.Step.Value > 0 {
		s, err := p.Step.To(unit)
		if err != nil {
			return layout{err: fmt.Errorf("slider: Props.Step: %w", err)}
		}
		step = niceStep(s.Value)
	}
	dlo, dhi := lo.MustTo(unit).Value, hi.MustTo(unit).Value
	// The multiples of step inside the bounds, so that every position
	// converts back to a value within them.
	slo := unsignedZero(roundTo(math.Ceil(dlo/step-1e-9)*step, decimals(step)))
	shi := unsignedZero(roundTo(math.Floor(dhi/step+1e-9)*step, decimals(step)))
	if slo > shi {
		slo, shi = dlo, dhi
	}
	frac := decimals(step)
	write := func(v float64, frac int) string {
		shown := min(frac, units.DefaultMaxFractionDigits)
		if roundTo(v, shown) == 0 {
			v = 0 // never "-0"
		}
		q := units.Quantity{Value: v, Unit: unit}
		if len(mix) > 1 {
			if m, err := q.Split(frac, mix...); err == nil {
				// The sign of a mixed quantity is on its first part:
				// -6 in is "-6 in", not "-0 ft, 6 in".
				for len(m.Parts) > 1 && m.Parts[0].Value == 0 && v < 0 {
					m.Parts = m.Parts[1:]
				}
				return loc.FormatMixed(m, units.Short)
			}
		}
		return units.FormatFrac(q, loc.Tag(), units.Short, shown)
	}
	exact := exactDigits(p.Precision, unit)
	shown := units.Quantity{Value: value, Unit: cu}.MustTo(unit).Value
	l := layout{
		unit:    unit,
		min:     lo.Value,
		max:     hi.Value,
		minText: write(dlo, exact),
		maxText: write(dhi, exact),
		slider: Props{
			ID:           p.ID,
			Label:        p.LabelText,
			NoLabel:      p.NoLabel,
			AriaLabel:    p.AriaLabel,
			InputClass:   p.InputClass,
			Min:          slo,
			Max:          shi,
			Step:         step,
			Value:        shown,
			Disabled:     p.Disabled,
			Format:       func(v float64) string { return write(v, frac) },
			ValueInvalid: host && (value < lo.Value || value > hi.Value),
		},
	}
	if l.slider.Label == "" && !p.NoLabel {
		l.slider.Label = loc.Text(p.Label)
	}
	if p.Exact && host && !math.IsNaN(shown) {
		l.slider.ValueText = write(shown, exact)
	}
	return l
}

// exactDigits returns the fraction digits of unit that tell apart two
// values which differ by prec: the fewest n with 10^-n at most prec in
// unit, from 0 to units.DefaultMaxFractionDigits, which is also what an
// unknown prec gets.
func exactDigits(prec units.Quantity, unit units.Unit) int {
	// prec is a difference: for units with an offset (temperatures),
	// 0.1 °C is 0.18 °F, not 32.18 °F.
	a, err1 := prec.To(unit)
	b, err2 := units.Quantity{Unit: prec.Unit}.To(unit)
	d := math.Abs(a.Value - b.Value)
	if err1 != nil || err2 != nil || !(d > 0) || math.IsInf(d, 0) {
		return units.DefaultMaxFractionDigits
	}
	n := int(math.Ceil(-math.Log10(d) - 1e-9))
	return min(max(n, 0), units.DefaultMaxFractionDigits)
}

// niceStep rounds a positive step to 1, 2 or 5 times a power of ten.
func niceStep(s float64) float64 {
	if !(s > 0) || math.IsInf(s, 0) {
		return 1
	}
	e := math.Floor(math.Log10(s))
	p := math.Pow(10, e)
	f := s / p
	switch {
	case f < 1.5:
		f = 1
	case f < 3.5:
		f = 2
	case f < 7.5:
		f = 5
	default:
		f = 10
	}
	return roundTo(f*p, max(0, int(-e)))
}
