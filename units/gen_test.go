package units

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/units/internal/gen"
)

// TestTablesUpToDate regenerates tables_gen.go in memory from the pinned
// CLDR npm packages and compares it with the committed file.
func TestTablesUpToDate(t *testing.T) {
	nm := filepath.Join("internal", "gen", "node_modules")
	if _, err := os.Stat(filepath.Join(nm, "cldr-core", "package.json")); err != nil {
		if os.Getenv("GOCYCLE_REQUIRE_CLDR") == "1" {
			t.Fatalf("the CLDR data is not installed in units/%s (GOCYCLE_REQUIRE_CLDR=1): run make units-data", nm)
		}
		t.Skipf("skipping: the CLDR data is not installed in units/%s; run `make units-data` (npm ci --prefix units/internal/gen), or set GOCYCLE_REQUIRE_CLDR=1 to make this a failure", nm)
	}
	got, err := gen.Generate(gen.Config{NodeModules: nm, Locales: strings.Split(generatedLocales, ",")})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if !bytes.Equal(gl[i], wl[i]) {
				t.Fatalf("tables_gen.go is out of date (run go generate ./units); first difference at line %d:\n generated: %.200s\n committed: %.200s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("tables_gen.go is out of date (run go generate ./units): %d lines generated, %d committed", len(gl), len(wl))
	}
	// and a second run gives the same bytes
	again, _ := gen.Generate(gen.Config{NodeModules: nm, Locales: strings.Split(generatedLocales, ",")})
	if !bytes.Equal(got, again) {
		t.Fatal("the generator is not deterministic")
	}
}
