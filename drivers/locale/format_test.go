package locale_test

import (
	"testing"

	"github.com/gocycle/gocycle/units"
)

func TestFormatting(t *testing.T) {
	c := loadOK(t)
	en, es, de := c.Match(mustParse(t, "en-US")), c.Match(mustParse(t, "es")), c.Match(mustParse(t, "de"))
	for _, tc := range []struct{ got, want string }{
		{en.FormatNumber(1234.5678), "1,234.568"},
		{es.FormatNumber(1234.5), "1234,5"},
		{es.FormatNumber(12345.5), "12.345,5"},
		{en.FormatDecimal(2.25, 1), "2.3"},
		{en.FormatDecimal(2, 2), "2"},
		{en.FormatQuantity(units.Quantity{Value: 175, Unit: units.Centimeter}, units.Short), "175 cm"},
		{es.FormatQuantity(units.Quantity{Value: 1.75, Unit: units.Meter}, units.Short), "1,75 m"},
		// German is not available: the default language's format, as the
		// text is English too.
		{de.FormatNumber(1234.5), "1,234.5"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	height := units.Quantity{Value: 175, Unit: units.Centimeter}
	for _, tc := range []struct{ lang, region string }{{"en-US", "US"}, {"es", "ES"}, {"en-GB", "GB"}, {"es-MX", "MX"}} {
		l := c.Match(mustParse(t, tc.lang))
		m, err := l.Preferred("person-height", height)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := units.Preferred(tc.region, "person-height", height)
		if got := l.FormatMixed(m, units.Short); got != units.FormatMixed(want, l.Tag(), units.Short) {
			t.Errorf("%s: preferred height %q, want %q", tc.lang, got, units.FormatMixed(want, l.Tag(), units.Short))
		}
		if tc.lang == "en-US" && l.FormatMixed(m, units.Short) != "5 ft, 9 in" {
			t.Errorf("en-US: preferred height %q", l.FormatMixed(m, units.Short))
		}
	}
	q, err := es.ParseQuantity("1,75 m")
	if err != nil || q != (units.Quantity{Value: 1.75, Unit: units.Meter}) {
		t.Errorf("ParseQuantity = %v, %v", q, err)
	}
}
