package units

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestFormatExamples(t *testing.T) {
	en, es, de := language.English, language.Spanish, language.German
	for _, c := range []struct {
		got, want string
	}{
		{Format(Quantity{175, Centimeter}, en, Short), "175 cm"},
		{Format(Quantity{175, Centimeter}, en, Long), "175 centimeters"},
		{Format(Quantity{1, Centimeter}, en, Long), "1 centimeter"},
		{Format(Quantity{1.75, Meter}, es, Short), "1,75 m"},
		{Format(Quantity{175, Centimeter}, de, Long), "175 Zentimeter"},
		{Format(Quantity{1, Foot}, en, Narrow), "1′"},
		{Format(Quantity{5, Centimeter}, language.Russian, Long), "5 сантиметров"},
		{Format(Quantity{2, Centimeter}, language.Russian, Long), "2 сантиметра"},
		{Format(Quantity{1, Foot}, language.Arabic, Narrow), "قدم"},
		{Format(Quantity{1234.5, Kilometer}, es, Short), "1234,5 km"},
		{Format(Quantity{12345, Kilometer}, es, Short), "12.345 km"},
		{Format(Quantity{-2.5, Celsius}, en, Short), "-2.5°C"},
		{Format(Quantity{1, Centimeter}, language.MustParse("es-MX"), Long), "1 centímetro"},
		{FormatNumber(1234567.891, language.French, 2), "1\u202f234\u202f567,89"},
		{FormatNumber(0.125, en, 2), "0.13"},
		{FormatNumber(-0.0001, en, 2), "-0"},
		{FormatFrac(Quantity{1.23456, Meter}, en, Short, 1), "1.2 m"},
		{PluralCategory(3, language.Russian, 0), "few"},
		{PluralCategory(1.5, en, 3), "other"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	m := Mixed{Parts: []Quantity{{5, Foot}, {9, Inch}}}
	for _, c := range []struct {
		tag  language.Tag
		w    Width
		want string
	}{
		{en, Narrow, "5′ 9″"},
		{en, Short, "5 ft, 9 in"},
		{en, Long, "5 feet, 9 inches"},
		{es, Long, "5 pies y 9 pulgadas"},
	} {
		if got := FormatMixed(m, c.tag, c.w); got != c.want {
			t.Errorf("FormatMixed(%v, %v) = %q, want %q", c.tag, c.w, got, c.want)
		}
	}
	three := Mixed{Parts: []Quantity{{1, Hour}, {2, Minute}, {3, Second}}}
	if got := FormatMixed(three, en, Long); got != "1 hour, 2 minutes, 3 seconds" {
		t.Errorf("three parts: %q", got)
	}
	if got := FormatMixed(Mixed{Parts: []Quantity{{-5, Foot}, {-9, Inch}}}, en, Short); got != "-5 ft, 9 in" {
		t.Errorf("negative mixed: %q", got)
	}
}

// TestParseInverse formats every unit in every compiled locale and width and
// parses it back. Where two units share a pattern, Parse must return one
// that formats to the same text.
func TestParseInverse(t *testing.T) {
	vals := []float64{0, 1, 2, 1.5, 1e6, -2.5, 1234.5, 0.001, 21}
	shared := 0
	for _, loc := range Locales() {
		tag := language.MustParse(loc)
		for _, u := range Units(0) {
			for _, w := range []Width{Long, Short, Narrow} {
				for _, v := range vals {
					s := Format(Quantity{v, u}, tag, w)
					q, err := Parse(s, tag)
					if err != nil {
						t.Errorf("%s %s %s: Parse(%q): %v", loc, u, w, s, err)
						continue
					}
					if q.Value != v && !(strings.Contains(s, "{0}") || !strings.ContainsAny(s, "0123456789")) {
						t.Errorf("%s %s %s: Parse(%q) = %v, want value %v", loc, u, w, s, q, v)
					}
					if q.Unit != u {
						if Format(q, tag, w) != s && Format(Quantity{v, q.Unit}, tag, Long) != s &&
							Format(Quantity{v, q.Unit}, tag, Short) != s && Format(Quantity{v, q.Unit}, tag, Narrow) != s {
							t.Errorf("%s %s %s: Parse(%q) = %v", loc, u, w, s, q)
						}
						shared++
					}
				}
			}
		}
	}
	t.Logf("%d formatted texts are shared by two units (Parse returns the other one)", shared)
}

func TestParseLenient(t *testing.T) {
	for _, c := range []struct {
		s    string
		tag  language.Tag
		want Quantity
	}{
		{"175 cm", language.English, Quantity{175, Centimeter}},
		{"175cm", language.English, Quantity{175, Centimeter}},
		{"  1,75\u00a0m ", language.Spanish, Quantity{1.75, Meter}},
		{"1.234,5 km", language.German, Quantity{1234.5, Kilometer}},
		{"1 234,5 km", language.French, Quantity{1234.5, Kilometer}},
		{"−3 °C", language.English, Quantity{-3, Celsius}},
		{"12 Centimeters", language.English, Quantity{12, Centimeter}},
		{"12 cm", language.Japanese, Quantity{12, Centimeter}},
		{"12 centimeter", language.Russian, Quantity{12, Centimeter}},
		{"12 feet", language.Spanish, Quantity{12, Foot}},
	} {
		got, err := Parse(c.s, c.tag)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q, %v) = %v, %v; want %v", c.s, c.tag, got, err, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		s    string
		tag  language.Tag
		want string
	}{
		{"12 qq", language.Spanish, `units: parse "12 qq" (es): unknown unit "qq"; expected a number and a unit such as "12 cm"`},
		{"12", language.English, `units: parse "12" (en): no unit; expected a number and a unit such as "12 cm"`},
		{"cm", language.English, `units: parse "cm" (en): no number; expected a number and a unit such as "12 cm"`},
		{"", language.Russian, `units: parse "" (ru): empty text; expected a number and a unit such as "12 см"`},
	} {
		_, err := Parse(c.s, c.tag)
		var pe *ParseError
		if !errors.As(err, &pe) || err.Error() != c.want {
			t.Errorf("Parse(%q) error = %v, want %s", c.s, err, c.want)
		}
	}
}
