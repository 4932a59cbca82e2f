//go:build !(js && wasm)

package addoncheck

import (
	"errors"
	"os"
	"sync"
	"testing"
)

// addonDir is the addon that these tests check.
const addonDir = "../gocycle_widgets"

type loadResult struct {
	once sync.Once
	a    *Addon
	err  error
}

// loaded caches LoadAddon, which runs python3, by directory.
var loaded sync.Map // of *loadResult

// load reads the manifest of the addon in dir. Without python3 the test is
// skipped, unless GOCYCLE_REQUIRE_PYTHON=1.
func load(t *testing.T, dir string) *Addon {
	t.Helper()
	v, _ := loaded.LoadOrStore(dir, &loadResult{})
	r := v.(*loadResult)
	r.once.Do(func() { r.a, r.err = LoadAddon(dir) })
	a, err := r.a, r.err
	if errors.Is(err, ErrNoPython) {
		if os.Getenv("GOCYCLE_REQUIRE_PYTHON") == "1" {
			t.Fatalf("%v (GOCYCLE_REQUIRE_PYTHON=1)", err)
		}
		t.Skipf("skipped: %v (GOCYCLE_REQUIRE_PYTHON=1 makes this a failure)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func fail(t *testing.T, errs []error) {
	t.Helper()
	for _, err := range errs {
		t.Error(err)
	}
}

// absent reports the generated files of the bundles that are not there:
// logged when the build has not run, failures when require is set
// (GOCYCLE_REQUIRE_ADDON_BUILD=1).
func absent(as *Assets, require bool) (failures, logs []string) {
	for _, err := range AbsentGenerated(as) {
		if require {
			failures = append(failures, err.Error()+" (GOCYCLE_REQUIRE_ADDON_BUILD=1)")
		} else {
			logs = append(logs, "skipped: "+err.Error()+"; run make odoo-addon first (GOCYCLE_REQUIRE_ADDON_BUILD=1 makes this a failure)")
		}
	}
	return failures, logs
}

// resolve resolves the addon's assets; absent generated files are logged
// or, with GOCYCLE_REQUIRE_ADDON_BUILD=1, failures.
func resolve(t *testing.T, a *Addon) *Assets {
	t.Helper()
	as, errs := ResolveAssets(a, Generated)
	fail(t, errs)
	failures, logs := absent(as, os.Getenv("GOCYCLE_REQUIRE_ADDON_BUILD") == "1")
	for _, f := range failures {
		t.Error(f)
	}
	for _, l := range logs {
		t.Log(l)
	}
	return as
}

func TestAddonManifest(t *testing.T) {
	t.Parallel()
	a := load(t, addonDir)
	if a.Name != "gocycle_widgets" {
		t.Errorf("name %q, want gocycle_widgets", a.Name)
	}
}

func TestAddonLicense(t *testing.T) {
	t.Parallel()
	if err := CheckLicense(load(t, addonDir)); err != nil {
		t.Error(err)
	}
}

func TestAddonDataFiles(t *testing.T) {
	t.Parallel()
	fail(t, CheckDataFiles(load(t, addonDir)))
}

func TestAddonAssets(t *testing.T) {
	t.Parallel()
	as := resolve(t, load(t, addonDir))
	for _, n := range as.Notes {
		t.Log(n)
	}
	if len(as.Files) == 0 {
		t.Error("the manifest's assets put no file of the addon in a bundle")
	}
	for _, f := range as.Files {
		if f.Absent {
			t.Logf("%s: %s (absent)", f.Bundle, f.Path)
		} else {
			t.Logf("%s: %s", f.Bundle, f.Path)
		}
	}
}

func TestAddonJSModules(t *testing.T) {
	t.Parallel()
	a := load(t, addonDir)
	fail(t, CheckJSModules(a, resolve(t, a)))
}

func TestAddonPOFiles(t *testing.T) {
	t.Parallel()
	fail(t, CheckPOFiles(load(t, addonDir)))
}

func TestAddonJSTranslations(t *testing.T) {
	t.Parallel()
	a := load(t, addonDir)
	pot, err := LoadPOT(a)
	if err != nil && !errors.Is(err, ErrNoPOT) {
		t.Error(err)
	}
	fail(t, CheckJSTranslations(a, pot))
}

func TestAddonViews(t *testing.T) {
	t.Parallel()
	a := load(t, addonDir)
	fail(t, CheckViews(a, resolve(t, a)))
}
