package widgets

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/units"
)

// cldrUsages must be the usages package units compiles in: its
// prefKeys, "category/usage/region", in units/tables_gen.go.
func TestUsagesAreCLDRs(t *testing.T) {
	src, err := os.ReadFile("../../../units/tables_gen.go")
	if err != nil {
		t.Skip(err)
	}
	block := regexp.MustCompile(`(?s)var prefKeys = \[\.\.\.\]string\{(.*?)\n\}`).FindSubmatch(src)
	if block == nil {
		t.Fatal("no prefKeys in units/tables_gen.go")
	}
	dims := map[string]units.Dimension{}
	for d := units.Length; d <= units.CalendarDuration; d++ {
		dims[strings.ReplaceAll(d.String(), "calendar duration", "year-duration")] = d
	}
	want := map[units.Dimension][]string{}
	for _, m := range regexp.MustCompile(`"([a-z-]+)/([a-z-]+)/[A-Z0-9]+"`).FindAllSubmatch(block[1], -1) {
		d, ok := dims[string(m[1])]
		if !ok {
			t.Fatalf("category %s has no dimension", m[1])
		}
		if u := string(m[2]); !slices.Contains(want[d], u) {
			want[d] = append(want[d], u)
		}
	}
	for d, list := range want {
		slices.Sort(list)
		if got := cldrUsages[d]; !slices.Equal(got, list) {
			t.Errorf("%s: cldrUsages has %v, units has %v", d, got, list)
		}
	}
	if len(want) != len(cldrUsages) {
		t.Errorf("cldrUsages has %d dimensions, units %d", len(cldrUsages), len(want))
	}
}

func TestCommonUnitsAreUnitsOfTheirDimension(t *testing.T) {
	for d, ids := range commonUnits {
		for _, id := range ids {
			u, ok := units.Lookup(id)
			if !ok || d != 0 && u.Dimension() != d {
				t.Errorf("%s: %q is not one of its units", d, id)
			}
		}
	}
	for _, c := range []struct {
		in   any
		want string
	}{{"centimetre", "centimeter"}, {"Inches", "inch"}, {"square_meters", "square-meter"}, {"feet", "foot"}, {"litres", "liter"}, {"cm", ""}, {3.0, ""}} {
		if got := meant(c.in).ID(); got != c.want {
			t.Errorf("meant(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
