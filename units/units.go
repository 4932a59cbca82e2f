// Package units holds physical quantities: a float64 value in a unit, exact
// conversion between the units of one dimension, CLDR's unit preferences by
// region and usage (including mixed units such as 5 ft 9 in), and localized
// formatting and parsing.
//
// Every unit is one of CLDR's (supplemental/units.json convertUnits and the
// units of the CLDR locale data) for the dimensions listed by [Dimension],
// findable by its CLDR identifier with [Lookup]; the constants [Centimeter],
// [Foot], ... name them in Go. The data comes from the CLDR JSON npm packages,
// turned into Go tables by `go generate ./units` (see internal/gen); which
// locales are compiled in is a flag of the generator (by default en, es, fr,
// de, it, pt, nl, ru, zh, ja and ar), to keep WebAssembly binaries small.
//
// # Conversion
//
// Each unit's factor (and offset, for temperatures) to its dimension's base
// unit is stored as an exact fraction computed with math/big at generation
// time. [Quantity.To] combines the two units' fractions into one fraction
// P/Q (and offset C/Q) and computes (v·P + C)/Q with a correction step, so
// that the result is the float64 nearest to the exact value. When that
// value does not convert back to v but a neighbour one ulp away does, the
// neighbour is returned instead: converting cm → in → cm gives the
// original value back bit for bit wherever a float64 in inches allows it
// (175 cm does; 3 cm cannot, as no float64 number of inches times 2.54 is
// nearest to 3), and the result is still within one ulp of the exact value. Units whose factors do not fit in 53 bits (dalton, earth-mass,
// solar-mass, solar-luminosity, electronvolt, parsec, horsepower) convert
// with float64 arithmetic.
//
// # Formatting and parsing
//
// [Format] writes a quantity with the locale's unit pattern for the plural
// category of the formatted number, and the locale's decimal and grouping
// symbols, as Intl.NumberFormat(locale, {style: "unit", unit, unitDisplay})
// does with its defaults (at most 3 fraction digits, rounding half away from
// zero). [FormatNumber] formats a plain number. [Parse] reads any of the
// patterns of any width back. A language.Tag selects the compiled locale by
// dropping subtags from its end ("es-MX" → "es", "zh-Hant-TW" → "zh");
// tags with no compiled locale use "en". [Locales] lists the compiled ones.
//
// # For drivers/locale
//
// The locale driver formats stored quantities with [Format] (or [FormatFrac]
// for a precision of its own) and mixed units with [FormatMixed], picks
// display units with [Preferred] or [PreferredFor], reads user input with
// [Parse] (a *[ParseError] says what was expected), and formats plain
// numbers with [FormatNumber]; [PluralCategory] gives the CLDR plural
// category Format used. All are pure functions of their arguments, safe
// for concurrent use.
package units

//go:generate go run ./internal/gen/cmd/unitsgen -o tables_gen.go

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// Dimension is the physical dimension of a unit. Only units of the same
// dimension convert into each other.
type Dimension uint8

// The dimensions. Their base units are meter, kilogram, kelvin, second,
// square-meter, cubic-meter, meter-per-second, pascal, joule, watt, part and
// year.
const (
	// Length is measured in meters.
	Length Dimension = iota + 1
	// Mass is measured in kilograms.
	Mass
	// Temperature is measured in kelvins; conversions are affine.
	Temperature
	// Duration is measured in seconds (second to week).
	Duration
	// Area is measured in square meters.
	Area
	// Volume is measured in cubic meters.
	Volume
	// Speed is measured in meters per second.
	Speed
	// Pressure is measured in pascals.
	Pressure
	// Energy is measured in joules.
	Energy
	// Power is measured in watts.
	Power
	// Dimensionless are portions: part, percent, permille, karat, ...
	Dimensionless
	// CalendarDuration is measured in years (month, quarter, year, decade,
	// century). CLDR keeps it apart from Duration: a month has no fixed
	// number of seconds.
	CalendarDuration
)

var dimNames = [...]string{"invalid", "length", "mass", "temperature", "duration", "area", "volume",
	"speed", "pressure", "energy", "power", "dimensionless", "calendar duration"}

// String returns the dimension's name in lower case ("length").
func (d Dimension) String() string {
	if int(d) < len(dimNames) {
		return dimNames[d]
	}
	return "invalid"
}

// Unit is a unit of measurement. Its zero value is no unit; the constants
// ([Meter], [Centimeter], ...) and [Lookup] give valid ones.
type Unit uint16

type unitRec struct {
	dim      Dimension
	num, den uint64 // exact factor to the base unit, 0/0 when it does not fit
	f        float64
	offNum   int64 // offset to the base unit, added after the factor
	offDen   uint64
}

// Valid reports whether u is a unit of this package.
func (u Unit) Valid() bool { return u >= 1 && u <= numUnits }

// ID returns the unit's CLDR identifier ("centimeter"), or "" for an
// invalid unit.
func (u Unit) ID() string {
	if !u.Valid() {
		return ""
	}
	return unitIDs[unitIDOff[u-1]:unitIDOff[u]]
}

// String returns the unit's CLDR identifier, or "Unit(n)" for an invalid one.
func (u Unit) String() string {
	if !u.Valid() {
		return fmt.Sprintf("Unit(%d)", uint16(u))
	}
	return u.ID()
}

// Dimension returns the unit's dimension, 0 for an invalid unit.
func (u Unit) Dimension() Dimension {
	if !u.Valid() {
		return 0
	}
	return unitTab[u-1].dim
}

// Lookup finds a unit by its CLDR identifier, e.g. "centimeter",
// "kilometer-per-hour", "fahrenheit".
func Lookup(id string) (Unit, bool) {
	lo, hi := 0, numUnits
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if Unit(m+1).ID() < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < numUnits && Unit(lo+1).ID() == id {
		return Unit(lo + 1), true
	}
	return 0, false
}

// Units returns every unit of dimension d (every unit when d is 0), in the
// order of their identifiers.
func Units(d Dimension) []Unit {
	var out []Unit
	for u := Unit(1); u <= numUnits; u++ {
		if d == 0 || u.Dimension() == d {
			out = append(out, u)
		}
	}
	return out
}

// Quantity is a value in a unit.
type Quantity struct {
	Value float64
	Unit  Unit
}

// String formats q as "175 centimeter", with Go's shortest float formatting
// and the CLDR identifier; see [Format] for localized output.
func (q Quantity) String() string {
	return fmt.Sprintf("%v %s", q.Value, q.Unit)
}

// ErrUnit is the error for an invalid unit; errors of [Quantity.To] and
// [Parse] about units wrap it or [ErrDimension].
var ErrUnit = errors.New("units: invalid unit")

// ErrDimension is wrapped by the error of converting between units of
// different dimensions.
var ErrDimension = errors.New("units: incompatible dimensions")

// DimensionError is the error of converting between units of different
// dimensions. It wraps [ErrDimension].
type DimensionError struct {
	From, To Unit
}

// Error names both units and their dimensions.
func (e *DimensionError) Error() string {
	return fmt.Sprintf("units: cannot convert %s (%s) to %s (%s)", e.From, e.From.Dimension(), e.To, e.To.Dimension())
}

// Unwrap returns [ErrDimension].
func (e *DimensionError) Unwrap() error { return ErrDimension }

// To converts q to unit u. Converting between different dimensions is a
// *[DimensionError]; converting from or to an invalid unit wraps [ErrUnit].
// The result is the float64 nearest to the exact converted value, or, when
// that one does not convert back to q.Value, its neighbour that does (see
// the package documentation).
func (q Quantity) To(u Unit) (Quantity, error) {
	if !q.Unit.Valid() || !u.Valid() {
		bad := q.Unit
		if q.Unit.Valid() {
			bad = u
		}
		return Quantity{}, fmt.Errorf("%w: %s", ErrUnit, bad)
	}
	if q.Unit == u {
		return q, nil
	}
	a, b := &unitTab[q.Unit-1], &unitTab[u-1]
	if a.dim != b.dim {
		return Quantity{}, &DimensionError{From: q.Unit, To: u}
	}
	return Quantity{Value: convertTrip(q.Value, a, b), Unit: u}, nil
}

// convertTrip converts x and, when the nearest float64 does not convert
// back to x, takes a neighbour (one ulp away) that does, if there is one:
// a value stored in one unit and edited in another does not drift.
func convertTrip(x float64, a, b *unitRec) float64 {
	y := convert(x, a, b)
	if math.IsInf(y, 0) || math.IsNaN(y) || convert(y, b, a) == x {
		return y
	}
	for _, dir := range [2]float64{math.Inf(1), math.Inf(-1)} {
		if n := math.Nextafter(y, dir); convert(n, b, a) == x {
			return n
		}
	}
	return y
}

// MustTo is [Quantity.To] for units known to share a dimension: it panics
// on error.
func (q Quantity) MustTo(u Unit) Quantity {
	r, err := q.To(u)
	if err != nil {
		panic(err)
	}
	return r
}

const maxExact = 1 << 53

// convert computes (x·fa + oa − ob)/fb.
func convert(x float64, a, b *unitRec) float64 {
	if p, c, q, ok := affine(a, b); ok {
		return mulAddDiv(x, p, c, q)
	}
	// Fallback: float64 arithmetic.
	oa := float64(a.offNum) / float64(a.offDen)
	ob := float64(b.offNum) / float64(b.offDen)
	if oa == 0 && ob == 0 {
		return x * (a.f / b.f)
	}
	return (x*a.f + oa - ob) / b.f
}

// affine returns integers P, C, Q (all below 2^53 in magnitude) with
// y = (x·P + C)/Q, if the two units' fractions allow.
func affine(a, b *unitRec) (p, c, q float64, ok bool) {
	if a.den == 0 || b.den == 0 {
		return 0, 0, 0, false
	}
	// P/Q = (na·db)/(da·nb)
	g1 := gcd(a.num, b.num)
	g2 := gcd(a.den, b.den)
	pn, ok1 := mul(a.num/g1, b.den/g2)
	qn, ok2 := mul(a.den/g2, b.num/g1)
	if !ok1 || !ok2 {
		return 0, 0, 0, false
	}
	if a.offNum == 0 && b.offNum == 0 {
		return float64(pn), 0, float64(qn), true
	}
	// offset term (oa − ob)·db/nb as a fraction cn/cd
	on, od, ok := subFrac(a.offNum, a.offDen, b.offNum, b.offDen)
	if !ok {
		return 0, 0, 0, false
	}
	neg := on < 0
	uon := uint64(on)
	if neg {
		uon = uint64(-on)
	}
	g := gcd(uon, b.num)
	h := gcd(b.den, od)
	cn, ok1 := mul(uon/g, b.den/h)
	cd, ok2 := mul(od/h, b.num/g)
	if !ok1 || !ok2 {
		return 0, 0, 0, false
	}
	if cn == 0 {
		return float64(pn), 0, float64(qn), true
	}
	// common denominator L = lcm(qn, cd); y = (x·pn·L/qn + cn·L/cd)/L
	l, ok := mul(qn/gcd(qn, cd), cd)
	if !ok {
		return 0, 0, 0, false
	}
	pp, ok1 := mul(pn, l/qn)
	cc, ok2 := mul(cn, l/cd)
	if !ok1 || !ok2 {
		return 0, 0, 0, false
	}
	cf := float64(cc)
	if neg {
		cf = -cf
	}
	return float64(pp), cf, float64(l), true
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// mul multiplies, reporting whether the product is below 2^53.
func mul(a, b uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	return lo, hi == 0 && lo < maxExact
}

// subFrac returns an/ad − bn/bd reduced, if it fits.
func subFrac(an int64, ad uint64, bn int64, bd uint64) (int64, uint64, bool) {
	const lim = 1 << 62
	if ad == 0 || bd == 0 || an > lim || an < -lim || bn > lim || bn < -lim {
		return 0, 0, false
	}
	g := gcd(ad, bd)
	d, ok := mul(ad/g, bd)
	if !ok {
		return 0, 0, false
	}
	x, y := int64(bd/g), int64(ad/g)
	h1, l1 := bits.Mul64(uint64(abs64(an)), uint64(x))
	h2, l2 := bits.Mul64(uint64(abs64(bn)), uint64(y))
	if h1 != 0 || h2 != 0 || l1 >= maxExact || l2 >= maxExact {
		return 0, 0, false
	}
	n := int64(l1)*sign64(an) - int64(l2)*sign64(bn)
	r := gcd(uint64(abs64(n)), d)
	return n / int64(r), d / r, true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func sign64(v int64) int64 {
	if v < 0 {
		return -1
	}
	return 1
}

// mulAddDiv returns (x·p + c)/q rounded to nearest: x·p is computed exactly
// as hi+lo with a fused multiply-add, c is added with an exact two-sum, and
// the quotient is corrected by its exact remainder.
func mulAddDiv(x, p, c, q float64) float64 {
	if c == 0 {
		if q == 1 {
			return x * p
		}
		if p == 1 {
			return x / q
		}
	}
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return (x*p + c) / q
	}
	hi := x * p
	if math.IsInf(hi, 0) {
		return x * (p / q)
	}
	lo := math.FMA(x, p, -hi)
	if c != 0 {
		s := hi + c
		bb := s - hi
		lo += (hi - (s - bb)) + (c - bb)
		hi = s
	}
	y := hi / q
	if y == 0 || math.IsInf(y, 0) {
		return (hi + lo) / q
	}
	r := math.FMA(-y, q, hi) // exact: hi − y·q
	return y + (r+lo)/q
}
