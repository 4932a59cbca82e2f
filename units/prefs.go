package units

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// Mixed is a quantity written in several units of one dimension, largest
// first: 5 ft 9 in is Mixed{Parts: []Quantity{{5, Foot}, {9, Inch}}}. All
// parts but the last are whole numbers; all parts have the sign of the
// whole. A Mixed of one part is a plain quantity.
type Mixed struct {
	Parts []Quantity
}

// Total returns the sum of the parts in unit u.
func (m Mixed) Total(u Unit) (Quantity, error) {
	sum := 0.0
	for _, p := range m.Parts {
		q, err := p.To(u)
		if err != nil {
			return Quantity{}, err
		}
		sum += q.Value
	}
	return Quantity{Value: sum, Unit: u}, nil
}

// String writes the parts with [Quantity.String], separated by " + ".
func (m Mixed) String() string {
	s := make([]string, len(m.Parts))
	for i, p := range m.Parts {
		s[i] = p.String()
	}
	return strings.Join(s, " + ")
}

// Split writes q in the given units, largest first: every part but the
// last is the whole number of its unit (truncated toward zero), and the
// last carries the remainder, rounded half away from zero to maxFrac
// fraction digits (maxFrac < 0: not rounded). When rounding the last part
// makes it a whole unit of the part before (5 ft 12 in), it is carried
// (6 ft 0 in). The units must be of q's dimension.
func (q Quantity) Split(maxFrac int, units ...Unit) (Mixed, error) {
	if len(units) == 0 {
		return Mixed{}, fmt.Errorf("%w: Split needs at least one unit", ErrUnit)
	}
	parts := make([]Quantity, len(units))
	rest := q
	for i, u := range units {
		r, err := rest.To(u)
		if err != nil {
			return Mixed{}, err
		}
		if i == len(units)-1 {
			if maxFrac >= 0 {
				r.Value = roundFrac(r.Value, maxFrac)
			}
			parts[i] = r
			break
		}
		whole := math.Trunc(r.Value)
		parts[i] = Quantity{Value: whole, Unit: u}
		rest = Quantity{Value: r.Value - whole, Unit: u}
	}
	// carry a last part that rounded to a whole unit of the part before
	for i := len(parts) - 1; i > 0; i-- {
		one, err := (Quantity{Value: 1, Unit: parts[i-1].Unit}).To(parts[i].Unit)
		if err != nil || math.Abs(parts[i].Value) < one.Value*(1-1e-12) {
			continue
		}
		s := math.Copysign(1, parts[i].Value)
		v := parts[i].Value - s*one.Value
		if maxFrac >= 0 {
			v = roundFrac(v, maxFrac)
		}
		parts[i].Value = v
		parts[i-1].Value += s
	}
	return Mixed{Parts: parts}, nil
}

// roundFrac rounds v half away from zero to n fraction digits, on v's
// shortest decimal representation (as Intl.NumberFormat does).
func roundFrac(v float64, n int) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	d := decimalOf(v)
	d.round(n)
	f, _ := strconv.ParseFloat(d.String(), 64)
	return math.Copysign(f, v)
}

// Preferred returns q in the unit, or mixed units, that CLDR prefers for
// the region and usage (supplemental/unitPreferenceData.json).
//
// The region is a CLDR region code ("US", "GB", "ES", "001"); regions
// without preferences of their own use the world's ("001"). The usage is a
// CLDR usage of q's category, e.g. "default", "person-height", "person"
// (mass: body weight), "road", "vehicle", "weather", "food", "fluid"; a
// usage the category lacks is shortened at its last hyphen
// ("person-height" → "person") and ends as "default". The preferences are
// tried in order and the first whose value, in its (first) unit, is at least
// its threshold (CLDR's geq, 1 by default) wins; the last one otherwise. In
// the US, 175 cm for "person-height" is 5 ft 9 in; below 3 ft, inches.
//
// Rounding: a single unit is rounded as ICU rounds usage-based formatting,
// to an integer but keeping at least two significant digits (1.5 km,
// 175 cm, 0.25 m); the last part of mixed units is rounded to an integer
// (5 ft 9 in), carrying into the part before when it rounds up to a whole
// one (5 ft 11.6 in is 6 ft 0 in).
// Dimensionless quantities have no preferences: they come back unchanged.
func Preferred(region, usage string, q Quantity) (Mixed, error) {
	items, err := preferences(region, usage, q)
	if err != nil {
		return Mixed{}, err
	}
	if items == nil {
		return Mixed{Parts: []Quantity{q}}, nil
	}
	chosen := items[len(items)-1]
	for _, it := range items {
		v, err := q.To(it.units[0])
		if err != nil {
			return Mixed{}, err
		}
		if math.Abs(v.Value)*(1+2.220446049250313e-16) >= it.geq {
			chosen = it
			break
		}
	}
	us := chosen.units[:]
	for len(us) > 1 && us[len(us)-1] == 0 {
		us = us[:len(us)-1]
	}
	if len(us) > 1 {
		return q.Split(0, us...)
	}
	m, err := q.Split(-1, us...)
	if err != nil {
		return Mixed{}, err
	}
	return q.Split(minDigitsFrac(m.Parts[0].Value, 2), us...)
}

// PreferredFor is [Preferred] for the region of a language tag: the tag's
// region, or the most likely one for its language ("en" → US, "es" → ES).
func PreferredFor(tag language.Tag, usage string, q Quantity) (Mixed, error) {
	r, _ := tag.Region()
	return Preferred(r.String(), usage, q)
}

// minDigitsFrac returns the fraction digits that round v to an integer
// while keeping at least n significant digits.
func minDigitsFrac(v float64, n int) int {
	v = math.Abs(v)
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	mag := int(math.Floor(math.Log10(v))) + 1 // digits before the point
	if f := n - mag; f > 0 {
		return f
	}
	return 0
}

type prefItem struct {
	units [3]Unit
	geq   float64
}

var categories = [...]string{Length: "length", Mass: "mass", Temperature: "temperature", Duration: "duration",
	Area: "area", Volume: "volume", Speed: "speed", Pressure: "pressure", Energy: "energy", Power: "power",
	CalendarDuration: "year-duration"}

// preferences finds the items for q's category, the usage (shortened until
// the category has it) and the region (or 001).
func preferences(region, usage string, q Quantity) ([]prefItem, error) {
	d := q.Unit.Dimension()
	if d == 0 {
		return nil, fmt.Errorf("%w: %s", ErrUnit, q.Unit)
	}
	cat := categories[d]
	if cat == "" {
		return nil, nil
	}
	region = strings.ToUpper(region)
	if region == "" || region == "ZZ" {
		region = "001"
	}
	if usage == "" {
		usage = "default"
	}
	for {
		if hasUsage(cat + "/" + usage + "/") {
			break
		}
		i := strings.LastIndexByte(usage, '-')
		if i < 0 {
			usage = "default"
			break
		}
		usage = usage[:i]
	}
	for _, r := range []string{region, "001"} {
		key := cat + "/" + usage + "/" + r
		i := sort.SearchStrings(prefKeys[:], key)
		if i < len(prefKeys) && prefKeys[i] == key {
			return prefItems[prefIdx[i]:prefIdx[i+1]], nil
		}
	}
	return nil, fmt.Errorf("units: no %s preferences for usage %q", cat, usage)
}

func hasUsage(prefix string) bool {
	i := sort.SearchStrings(prefKeys[:], prefix)
	return i < len(prefKeys) && strings.HasPrefix(prefKeys[i], prefix)
}
