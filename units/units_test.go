package units

import (
	"errors"
	"math"
	"math/big"
	"math/rand"
	"strings"
	"testing"
)

func TestLookupEveryUnit(t *testing.T) {
	if n := len(Units(0)); n != numUnits {
		t.Fatalf("Units(0) has %d units, want %d", n, numUnits)
	}
	for _, u := range Units(0) {
		got, ok := Lookup(u.ID())
		if !ok || got != u {
			t.Errorf("Lookup(%q) = %v, %v; want %v", u.ID(), got, ok, u)
		}
		if u.Dimension() == 0 {
			t.Errorf("%s has no dimension", u)
		}
	}
	for _, id := range []string{"centimeter", "foot", "inch", "kilometer-per-hour", "fahrenheit", "stone", "percent",
		"square-meter", "cubic-centimeter", "liter", "kilowatt-hour", "horsepower", "hectopascal", "inch-ofhg", "year", "month"} {
		if _, ok := Lookup(id); !ok {
			t.Errorf("Lookup(%q) failed", id)
		}
	}
	for _, id := range []string{"", "qq", "centimeters", "Centimeter", "beaufort", "liter-per-100-kilometer", "zzzz"} {
		if u, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) = %v, want none", id, u)
		}
	}
	if Centimeter.ID() != "centimeter" || Centimeter.Dimension() != Length || Celsius.Dimension() != Temperature {
		t.Error("constants do not match their ids")
	}
	if Unit(0).ID() != "" || Unit(numUnits+1).Valid() {
		t.Error("invalid units must have no id")
	}
}

func TestConvertKnownValues(t *testing.T) {
	for _, c := range []struct {
		v        float64
		from, to Unit
		want     float64
	}{
		{175, Centimeter, Inch, 68.89763779527559},
		{1, Foot, Centimeter, 30.48},
		{1, Mile, Kilometer, 1.609344},
		{100, Celsius, Fahrenheit, 212},
		{-40, Celsius, Fahrenheit, -40},
		{32, Fahrenheit, Celsius, 0},
		{0, Kelvin, Celsius, -273.15},
		{1, Stone, Pound, 14},
		{1, Hour, Second, 3600},
		{1, KilowattHour, Joule, 3.6e6},
		{100, KilometerPerHour, MeterPerSecond, 27.77777777777778},
		{1, Acre, SquareMeter, 4046.8564224},
		{1, Gallon, Liter, 3.785411784},
		{50, Percent, Part, 0.5},
		{1, Year, Month, 12},
		{1, Atmosphere, Hectopascal, 1013.25},
		{1, Rankine, Kelvin, 5.0 / 9},
	} {
		got, err := Quantity{c.v, c.from}.To(c.to)
		if err != nil || got.Value != c.want || got.Unit != c.to {
			t.Errorf("%v %s → %s = %v, %v; want %v", c.v, c.from, c.to, got, err, c.want)
		}
	}
}

func TestConvertErrors(t *testing.T) {
	_, err := Quantity{1, Centimeter}.To(Kilogram)
	var de *DimensionError
	if !errors.As(err, &de) || !errors.Is(err, ErrDimension) {
		t.Fatalf("err = %v, want a DimensionError", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "centimeter") || !strings.Contains(msg, "kilogram") {
		t.Errorf("error %q does not name both units", msg)
	}
	if _, err := (Quantity{1, 0}).To(Meter); !errors.Is(err, ErrUnit) {
		t.Errorf("invalid unit: err = %v", err)
	}
	if _, err := (Quantity{1, Year}).To(Second); !errors.Is(err, ErrDimension) {
		t.Errorf("year → second: err = %v; CLDR keeps calendar durations apart", err)
	}
}

// exact returns the float64 nearest to the exact conversion of x, from the
// units' fractions with math/big.
func exact(x float64, a, b Unit) (float64, bool) {
	ra, rb := &unitTab[a-1], &unitTab[b-1]
	if ra.den == 0 || rb.den == 0 {
		return 0, false
	}
	v := new(big.Rat).SetFloat64(x)
	v.Mul(v, new(big.Rat).SetFrac(new(big.Int).SetUint64(ra.num), new(big.Int).SetUint64(ra.den)))
	v.Add(v, big.NewRat(ra.offNum, int64(ra.offDen)))
	v.Sub(v, big.NewRat(rb.offNum, int64(rb.offDen)))
	v.Quo(v, new(big.Rat).SetFrac(new(big.Int).SetUint64(rb.num), new(big.Int).SetUint64(rb.den)))
	f, _ := v.Float64()
	return f, true
}

func testValues(n int) []float64 {
	r := rand.New(rand.NewSource(1))
	vs := []float64{0, 1, 2, 1.5, 175, 180.34, 1e6, -1, -273.15, 0.1, 0.3, 12.7, 2.54, 1e-9, 1e15, 123456.789}
	for i := 0; i < 2000; i++ {
		vs = append(vs, float64(i)) // whole numbers
	}
	for len(vs) < n {
		switch len(vs) % 3 {
		case 0:
			vs = append(vs, float64(r.Intn(1000000))/100) // two decimals
		case 1:
			vs = append(vs, float64(r.Intn(100000))/1000*float64(1-2*r.Intn(2)))
		default:
			vs = append(vs, math.Ldexp(r.Float64(), r.Intn(80)-40))
		}
	}
	return vs
}

// TestConvertRoundTrip checks that To is within one ulp of the exact value
// (the nearest float64 unless a neighbour round-trips), and that converting
// there and back returns the original bit for bit whenever float64 allows
// it: whenever the nearest float64 or one of its neighbours converts back
// exactly.
func TestConvertRoundTrip(t *testing.T) {
	pairs := [][2]Unit{{Centimeter, Inch}, {Meter, Foot}, {Kilometer, Mile}, {Kilogram, Pound}, {Celsius, Fahrenheit},
		{Kelvin, Fahrenheit}, {Liter, Gallon}, {Milliliter, FluidOunce}, {KilometerPerHour, MilePerHour},
		{SquareMeter, SquareFoot}, {Hectopascal, InchOfhg}, {Kilocalorie, Kilojoule}, {Stone, Kilogram}, {Percent, Permille}}
	vals := testValues(6000)
	for _, p := range pairs {
		for _, pair := range [][2]Unit{p, {p[1], p[0]}} {
			a, b := pair[0], pair[1]
			trips, possible, nearest := 0, 0, 0
			for _, x := range vals {
				y, err := Quantity{x, a}.To(b)
				if err != nil {
					t.Fatal(err)
				}
				want, ok := exact(x, a, b)
				if !ok {
					t.Fatalf("%s or %s has no exact factor", a, b)
				}
				if y.Value == want {
					nearest++
				} else if y.Value != math.Nextafter(want, math.Inf(1)) && y.Value != math.Nextafter(want, math.Inf(-1)) {
					t.Errorf("%v %s → %s = %v, more than one ulp from %v", x, a, b, y.Value, want)
				}
				back := y.MustTo(a).Value
				can := false
				for _, c := range []float64{want, math.Nextafter(want, math.Inf(1)), math.Nextafter(want, math.Inf(-1))} {
					if r, _ := exact(c, b, a); r == x {
						can = true
					}
				}
				if can {
					possible++
					if back == x {
						trips++
					} else if possible-trips < 4 {
						t.Errorf("%v %s → %s → %s = %v", x, a, b, a, back)
					}
				}
			}
			if possible != trips {
				t.Errorf("%s → %s → %s: %d of %d possible round trips", a, b, a, trips, possible)
			}
			t.Logf("%s → %s → %s: %d of %d values round-trip (%d possible); %d results are the nearest float64", a, b, a, trips, len(vals), possible, nearest)
		}
	}
	// Typical values: none is lost. (Not every whole number can come back:
	// 3 cm is 1.1811023622047243 in, whose neighbours in float64 are further
	// apart, times 2.54, than the float64s around 3.)
	for _, x := range []float64{175, 180, 1.75, 68.9, 100, 0.5, 12.5} {
		if got := (Quantity{x, Centimeter}).MustTo(Inch).MustTo(Centimeter).Value; got != x {
			t.Errorf("%v cm → in → cm = %v", x, got)
		}
	}
}

func TestSplitAndPreferred(t *testing.T) {
	for _, c := range []struct {
		region, usage string
		q             Quantity
		want          string
	}{
		{"US", "person-height", Quantity{175, Centimeter}, "5 foot + 9 inch"},
		{"us", "person-height", Quantity{182.88, Centimeter}, "6 foot + 0 inch"},
		{"US", "person-height", Quantity{80, Centimeter}, "31 inch"},
		{"US", "person-height", Quantity{91.44, Centimeter}, "3 foot + 0 inch"},
		{"ES", "person-height", Quantity{175, Centimeter}, "1 meter + 75 centimeter"},
		{"001", "person-height", Quantity{1.75, Meter}, "175 centimeter"},
		{"DE", "person-height", Quantity{1.75, Meter}, "175 centimeter"},
		{"", "person-height", Quantity{1.75, Meter}, "175 centimeter"},
		{"GB", "person", Quantity{70, Kilogram}, "11 stone + 0 pound"},
		{"GB", "person", Quantity{80, Kilogram}, "12 stone + 8 pound"},
		{"US", "person", Quantity{70, Kilogram}, "154 pound"},
		{"FR", "person", Quantity{0.5, Kilogram}, "500 gram"},
		{"US", "default", Quantity{20, Celsius}, "68 fahrenheit"},
		{"FR", "weather", Quantity{68, Fahrenheit}, "20 celsius"},
		{"US", "road", Quantity{1234, Meter}, "0.77 mile"},
		{"ES", "road", Quantity{1234, Meter}, "1.2 kilometer"},
		{"ES", "road", Quantity{150, Meter}, "150 meter"},
		{"US", "person-height-xyz", Quantity{175, Centimeter}, "5 foot + 9 inch"}, // usage truncated
		{"US", "no-such-usage", Quantity{1, Kilometer}, "3281 foot"},              // → default: mile only from 1 mi
		{"001", "media", Quantity{125, Second}, "2 minute + 5 second"},
		{"US", "person-height", Quantity{-175, Centimeter}, "-5 foot + -9 inch"},
		{"US", "default", Quantity{50, Percent}, "50 percent"},
	} {
		m, err := Preferred(c.region, c.usage, c.q)
		if err != nil || m.String() != c.want {
			t.Errorf("Preferred(%q, %q, %v) = %v, %v; want %s", c.region, c.usage, c.q, m, err, c.want)
		}
	}
	m, err := Quantity{69.7, Inch}.Split(0, Foot, Inch)
	if err != nil || m.String() != "5 foot + 10 inch" {
		t.Errorf("Split = %v, %v", m, err)
	}
	m, _ = Quantity{71.6, Inch}.Split(0, Foot, Inch)
	if m.String() != "6 foot + 0 inch" {
		t.Errorf("Split with carry = %v", m)
	}
	if tot, _ := m.Total(Inch); tot.Value != 72 {
		t.Errorf("Total = %v", tot)
	}
	if _, err := (Quantity{1, Meter}).Split(0, Foot, Kilogram); !errors.Is(err, ErrDimension) {
		t.Errorf("Split into another dimension: %v", err)
	}
}
