package units

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"runtime"
	"testing"

	"golang.org/x/text/language"
)

// sanctionedUnits are the units of this package that ECMA-402 sanctions for
// Intl.NumberFormat's style "unit" (simple units, and the compound
// "-per-" units built from them that CLDR has patterns for).
var sanctionedUnits = []string{
	"acre", "celsius", "centimeter", "day", "fahrenheit", "fluid-ounce", "foot", "gallon", "gram",
	"hectare", "hour", "inch", "kilogram", "kilometer", "liter", "meter", "microsecond", "mile",
	"mile-scandinavian", "milliliter", "millimeter", "millisecond", "minute", "month", "nanosecond",
	"ounce", "percent", "pound", "second", "stone", "week", "yard", "year",
	"kilometer-per-hour", "meter-per-second", "mile-per-hour",
}

var oracleValues = []float64{0, 1, 2, 1.5, 1e6, -1, -2.5, 3, 5, 11, 21, 0.5, 1234.5678, 12345, 0.0005, 1.0005, -0.25, 102}

type oracleCase struct {
	Locale string  `json:"l"`
	Unit   string  `json:"u"`
	Width  string  `json:"w"`
	Value  float64 `json:"v"`
	// FracDigits < 0: Format; else FormatNumber with maximumFractionDigits.
	FracDigits int `json:"f"`
}

const oracleScript = `
let input = "";
process.stdin.on("data", d => input += d);
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  const out = cases.map(c => {
    try {
      if (c.f >= 0) return new Intl.NumberFormat(c.l, {maximumFractionDigits: c.f}).format(c.v);
      return new Intl.NumberFormat(c.l, {style: "unit", unit: c.u, unitDisplay: c.w}).format(c.v);
    } catch (e) { return "ERROR " + e.message; }
  });
  process.stdout.write(JSON.stringify({cldr: process.versions.cldr, icu: process.versions.icu, out}));
});
`

// knownDifference explains a case where Format and Intl differ for a
// reason that is not a bug of this package; "" if none. With Node 20.20
// (ICU 78.2, CLDR 48.0) against CLDR 48.2 there are none: every case is
// equal. Differences to expect with other Node versions: an ICU whose CLDR
// differs from the npm packages' (unit names and symbols change between
// CLDR releases), and locales Node's ICU lacks (a Node built with
// small-icu falls back to English).
func knownDifference(c oracleCase, got, want string) string {
	return ""
}

func TestOracleIntl(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil || runtime.GOOS == "js" {
		if os.Getenv("GOCYCLE_REQUIRE_NODE") == "1" {
			t.Fatal("node is needed for the Intl oracle test (GOCYCLE_REQUIRE_NODE=1): install Node.js")
		}
		t.Skip("skipping the Intl oracle test: node not found (or running under js/wasm); install Node.js or set GOCYCLE_REQUIRE_NODE=1 to make this a failure")
	}
	var cases []oracleCase
	for _, loc := range Locales() {
		for _, id := range sanctionedUnits {
			for _, w := range []string{"long", "short", "narrow"} {
				for _, v := range oracleValues {
					cases = append(cases, oracleCase{loc, id, w, v, -1})
				}
			}
		}
		for _, v := range append(oracleValues, 1234567.891, -0.0004, 999.9996, 1e21, 0.1+0.2) {
			for _, f := range []int{0, 1, 2, 3, 6} {
				cases = append(cases, oracleCase{Locale: loc, Value: v, FracDigits: f})
			}
		}
	}
	in, _ := json.Marshal(cases)
	cmd := exec.Command(node, "-e", oracleScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outb, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var res struct {
		CLDR, ICU string
		Out       []string
	}
	if err := json.Unmarshal(outb, &res); err != nil {
		t.Fatal(err)
	}
	t.Logf("node's ICU %s, CLDR %s; this package's CLDR %s; %d cases", res.ICU, res.CLDR, CLDRVersion, len(cases))
	widths := map[string]Width{"long": Long, "short": Short, "narrow": Narrow}
	fails, known := 0, 0
	for i, c := range cases {
		tag := language.MustParse(c.Locale)
		var got string
		if c.FracDigits >= 0 {
			got = FormatNumber(c.Value, tag, c.FracDigits)
		} else {
			u, ok := Lookup(c.Unit)
			if !ok {
				t.Fatalf("unit %q not found", c.Unit)
			}
			got = Format(Quantity{c.Value, u}, tag, widths[c.Width])
		}
		want := res.Out[i]
		if got == want {
			continue
		}
		if why := knownDifference(c, got, want); why != "" {
			known++
			continue
		}
		fails++
		if fails <= 60 {
			t.Errorf("%s %s %s %v (frac %d): got %q, Intl %q", c.Locale, c.Unit, c.Width, c.Value, c.FracDigits, got, want)
		}
	}
	t.Logf("%d cases, %d equal, %d known differences, %d failures", len(cases), len(cases)-known-fails, known, fails)
}
