//go:build !(js && wasm)

package addoncheck

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// Each check over the fixture addons of testdata/: the one it must
// reject, with its exact errors, and testdata/good, which every check
// accepts.

func fixture(t *testing.T, name string) *Addon {
	t.Helper()
	return load(t, "testdata/"+name)
}

func wantErrors(t *testing.T, got []error, want ...string) {
	t.Helper()
	var msgs []string
	for _, err := range got {
		msgs = append(msgs, err.Error())
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("errors:\n\t%s\nwant:\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func one(err error) []error {
	if err == nil {
		return nil
	}
	return []error{err}
}

func TestGoodFixture(t *testing.T) {
	t.Parallel()
	a := fixture(t, "good")
	wantErrors(t, one(CheckLicense(a)))
	wantErrors(t, CheckDataFiles(a))
	as, errs := ResolveAssets(a, nil)
	wantErrors(t, errs)
	var got []string
	for _, f := range as.Files {
		got = append(got, f.Bundle+" "+f.Path)
	}
	want := []string{
		"good._helpers static/helpers/helper.js",
		// The glob skips .hidden.js and notes.txt, ("remove", ...)
		// legacy/old.js. ("include", "good._helpers") then prepends
		// helper.js, as Odoo does, to the files that the included bundle
		// adds: after those already there. first.js goes after another
		// addon's file, whose place is unknown: at the end.
		"web.assets_backend static/src/field.js",
		"web.assets_backend static/src/field.scss",
		"web.assets_backend static/src/sub/util.js",
		"web.assets_backend static/helpers/helper.js",
		"web.assets_backend static/lib/first.js",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bundles:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	wantNotes := []string{
		"web.assets_backend: web/static/src/core/registry.js is a file of addon web: not checked",
		"web.assets_backend: web/static/lib/owl.js is a file of addon web: not checked",
		"web.assets_backend: https://example.com/cdn.js is a URL: not checked",
	}
	if !reflect.DeepEqual(as.Notes, wantNotes) {
		t.Errorf("notes:\n\t%s\nwant:\n\t%s", strings.Join(as.Notes, "\n\t"), strings.Join(wantNotes, "\n\t"))
	}
	wantErrors(t, CheckJSModules(a, as))
	wantErrors(t, CheckPOFiles(a))
	pot, err := LoadPOT(a)
	if err != nil {
		t.Fatal(err)
	}
	wantErrors(t, CheckJSTranslations(a, pot))
	wantErrors(t, CheckViews(a, as))
}

func TestManifestNotADict(t *testing.T) {
	t.Parallel()
	_, err := LoadAddon("testdata/not_a_dict")
	if errors.Is(err, ErrNoPython) {
		load(t, "testdata/not_a_dict") // skips or fails
	}
	wantErrors(t, one(err), "__manifest__.py: want a dict, got a list")
}

func TestManifestNotALiteral(t *testing.T) {
	t.Parallel()
	_, err := LoadAddon("testdata/not_literal")
	if errors.Is(err, ErrNoPython) {
		load(t, "testdata/not_literal")
	}
	// The rest is Python's message, which names a memory address.
	const prefix = "__manifest__.py is not a Python literal (ast.literal_eval): ValueError: malformed node or string"
	if err == nil || !strings.HasPrefix(err.Error(), prefix) {
		t.Errorf("error %v, want one that starts with %q", err, prefix)
	}
}

func TestManifestNoPython(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := LoadAddon("testdata/good"); !errors.Is(err, ErrNoPython) {
		t.Errorf("without python3 on PATH: %v, want ErrNoPython", err)
	}
}

func TestLicenseMIT(t *testing.T) {
	t.Parallel()
	wantErrors(t, one(CheckLicense(fixture(t, "license_mit"))),
		`__manifest__.py: license "MIT" is not one Odoo 17 accepts ("GPL-2", "GPL-2 or any later version", "GPL-3", "GPL-3 or any later version", "AGPL-3", "LGPL-3", "Other OSI approved licence", "OEEL-1", "OPL-1", "Other proprietary"); for MIT, Odoo's choice is "Other OSI approved licence"`)
}

func TestLicenseMissing(t *testing.T) {
	t.Parallel()
	wantErrors(t, one(CheckLicense(fixture(t, "license_missing"))),
		`__manifest__.py has no license: Odoo 17 logs a warning and takes LGPL-3; set one of "GPL-2", "GPL-2 or any later version", "GPL-3", "GPL-3 or any later version", "AGPL-3", "LGPL-3", "Other OSI approved licence", "OEEL-1", "OPL-1", "Other proprietary"`)
}

func TestDataFilesMissing(t *testing.T) {
	t.Parallel()
	wantErrors(t, CheckDataFiles(fixture(t, "data_missing")),
		`__manifest__.py: data file "views/missing.xml" does not exist`,
		`__manifest__.py: data file "views" is not a regular file`,
		`__manifest__.py: demo file "demo/people.xml" does not exist`)
}

func TestJSModuleHeaders(t *testing.T) {
	t.Parallel()
	a := fixture(t, "assets_header")
	as, errs := ResolveAssets(a, nil)
	wantErrors(t, errs)
	wantErrors(t, CheckJSModules(a, as),
		"static/src/jsdoc/late.js (web.assets_backend): does not begin with the /** @odoo-module **/ comment, so Odoo 17 does not transpile it as a module",
		"static/src/plain.js (web.assets_backend): does not begin with the /** @odoo-module **/ comment, so Odoo 17 does not transpile it as a module")
}

func TestAssetPaths(t *testing.T) {
	t.Parallel()
	a := fixture(t, "assets_paths")
	_, errs := ResolveAssets(a, nil)
	wantErrors(t, errs,
		`__manifest__.py: assets["web.assets_backend"][1]: "assets_paths/static/src/missing.js" does not exist`,
		`__manifest__.py: assets["web.assets_backend"][2]: "assets_paths/static/src/notes.txt" is not an asset: its extension is not one of js, css, scss, sass, less, xml`,
		`__manifest__.py: assets["web.assets_backend"][3]: "assets_paths/static/nothing/**/*" matches no file with an asset extension (js, css, scss, sass, less, xml)`,
		`__manifest__.py: assets["web.assets_backend"][4]: "assets_paths/../other/static/src/x.js" is not under assets_paths/static/: Odoo 17 serves nothing for it`,
		`__manifest__.py: assets["web.assets_backend"][5]: "assets_paths/__manifest__.py" is not under assets_paths/static/: Odoo 17 serves nothing for it`,
		`__manifest__.py: assets["web.assets_backend"][6]: remove "assets_paths/static/lib/lib.js": none of its files is in the bundle`,
		`__manifest__.py: assets["web.assets_backend"][7]: after target "assets_paths/static/lib/lib.js" is not in the bundle`,
		`__manifest__.py: assets["web.assets_backend"][8]: replace wants ("replace", target, path), got ["replace","assets_paths/static/src/a.js"]`,
		`__manifest__.py: assets["web.assets_backend"][9]: unknown directive "copy" (Odoo 17 knows append, prepend, after, before, remove, replace, include)`,
		`__manifest__.py: assets["web.assets_backend"][10]: circular include: assets_paths.loop > web.assets_backend > assets_paths.loop`,
		`__manifest__.py: assets["web.assets_backend"][11]: want a path or a list or tuple (directive, path), got a number`,
		// Resolving web.assets_backend itself, after assets_paths.loop.
		`__manifest__.py: assets["assets_paths.loop"][0]: circular include: web.assets_backend > assets_paths.loop > web.assets_backend`)
}

func TestAssetsGeneratedAbsent(t *testing.T) {
	t.Parallel()
	a := fixture(t, "assets_generated")
	as, errs := ResolveAssets(a, Generated)
	wantErrors(t, errs)
	var got []string
	for _, f := range as.Files {
		got = append(got, f.Path)
		if f.Absent != (f.Path != "static/src/field.js") {
			t.Errorf("%s: Absent %v", f.Path, f.Absent)
		}
	}
	if want := []string{"static/src/field.js", "static/src/wasm_version.js", "static/lib/gocycle.js"}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	wantErrors(t, CheckJSModules(a, as)) // the absent ones are skipped
	failures, logs := absent(as, true)
	if want := []string{
		"static/src/wasm_version.js (web.assets_backend) is absent: `make odoo-addon` writes it (GOCYCLE_REQUIRE_ADDON_BUILD=1)",
		"static/lib/gocycle.js (web.assets_backend) is absent: `make odoo-addon` writes it (GOCYCLE_REQUIRE_ADDON_BUILD=1)",
	}; !reflect.DeepEqual(failures, want) || logs != nil {
		t.Errorf("required build: failures %q, logs %q; want failures %q", failures, logs, want)
	}
	failures, logs = absent(as, false)
	if want := []string{
		"skipped: static/src/wasm_version.js (web.assets_backend) is absent: `make odoo-addon` writes it; run make odoo-addon first (GOCYCLE_REQUIRE_ADDON_BUILD=1 makes this a failure)",
		"skipped: static/lib/gocycle.js (web.assets_backend) is absent: `make odoo-addon` writes it; run make odoo-addon first (GOCYCLE_REQUIRE_ADDON_BUILD=1 makes this a failure)",
	}; !reflect.DeepEqual(logs, want) || failures != nil {
		t.Errorf("build not required: failures %q, logs %q; want logs %q", failures, logs, want)
	}
	// Without the generated files declared, the same manifest is wrong.
	_, errs = ResolveAssets(a, nil)
	wantErrors(t, errs, `__manifest__.py: assets["web.assets_backend"][1]: "assets_generated/static/lib/gocycle.js" does not exist`)
}

func TestPOSyntax(t *testing.T) {
	t.Parallel()
	wantErrors(t, CheckPOFiles(fixture(t, "po_syntax")),
		"locale: i18n/es.po:8: unterminated string")
}

func TestPONoPOT(t *testing.T) {
	t.Parallel()
	a := fixture(t, "po_no_pot")
	want := "i18n/po_no_pot.pot does not exist: export it from an Odoo 17 database where the addon is installed, in the addon's directory: odoo-bin -d DB --i18n-export=i18n/po_no_pot.pot --modules=po_no_pot"
	wantErrors(t, CheckPOFiles(a), want)
	pot, err := LoadPOT(a)
	if pot != nil || !errors.Is(err, ErrNoPOT) {
		t.Errorf("LoadPOT: %v, %v; want nil, ErrNoPOT", pot, err)
	}
}

func TestPONotInPOT(t *testing.T) {
	t.Parallel()
	wantErrors(t, CheckPOFiles(fixture(t, "po_not_in_pot")),
		`i18n/es.po:13: msgid "Weight (kg)" is not in i18n/po_not_in_pot.pot: a stale entry, or a .pot to export again`,
		`i18n/es.po:18: msgid "Height" is not in i18n/po_not_in_pot.pot: a stale entry, or a .pot to export again`)
}

func TestJSTranslationsFixture(t *testing.T) {
	t.Parallel()
	a := fixture(t, "js_strings")
	pot, err := LoadPOT(a)
	if err != nil {
		t.Fatal(err)
	}
	wantErrors(t, CheckJSTranslations(a, pot),
		"static/src/strings.js:7: _t needs a string literal for Odoo's export",
		"static/src/strings.js:8: _t needs a string literal for Odoo's export",
		"static/src/strings.js:10: _t needs a string literal for Odoo's export",
		"static/src/strings.js:11: _t needs a string literal for Odoo's export",
		`static/src/strings.js:5: _t("Not in the .pot"): not a msgid of i18n/js_strings.pot: export the .pot again`,
		`static/src/strings.js:6: _t("A template"): not a msgid of i18n/js_strings.pot: export the .pot again`)
	// Without a .pot, the strings cannot be checked.
	wantErrors(t, CheckJSTranslations(a, nil),
		"static/src/strings.js:7: _t needs a string literal for Odoo's export",
		"static/src/strings.js:8: _t needs a string literal for Odoo's export",
		"static/src/strings.js:10: _t needs a string literal for Odoo's export",
		"static/src/strings.js:11: _t needs a string literal for Odoo's export",
		"i18n/js_strings.pot does not exist: export it from an Odoo 17 database where the addon is installed, in the addon's directory: odoo-bin -d DB --i18n-export=i18n/js_strings.pot --modules=js_strings")
}

func TestViewsMalformed(t *testing.T) {
	t.Parallel()
	a := fixture(t, "views_malformed")
	wantErrors(t, CheckViews(a, &Assets{}),
		"views/two_roots.xml:2: a second root element <odoo>",
		"views/views.xml: XML syntax error on line 7: element <group> closed by </form>")
}

func TestViewsWidgetNotRegistered(t *testing.T) {
	t.Parallel()
	a := fixture(t, "views_widget")
	as, errs := ResolveAssets(a, nil)
	wantErrors(t, errs)
	wantErrors(t, CheckViews(a, as),
		`views/views.xml:7: field "weight": widget "gocycle_weight_slider" is not registered by a .js file of the bundles (registry.category("fields").add("gocycle_weight_slider", ...))`,
		`views/views.xml:10: field "size": widget "gocycle_unloaded" is not registered by a .js file of the bundles (registry.category("fields").add("gocycle_unloaded", ...))`)
}
