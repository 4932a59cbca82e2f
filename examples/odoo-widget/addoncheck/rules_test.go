//go:build !(js && wasm)

package addoncheck

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/drivers/locale"
)

// The rules reproduced from Odoo and Python, on cases whose results were
// taken from Odoo 17's ODOO_MODULE_RE and Python 3.11's glob.glob.

func TestIsOdooModule(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"/** @odoo-module **/\nimport x from 'y';", true},
		{"// @odoo-module", true},
		{"  \n\t/* @odoo-module */", true},
		{"/*\n@odoo-module */", true},
		{"// foo\n   @odoo-module", true},
		{"/* a\r\n@odoo-module */", true},
		{"/* foo */ @odoo-module", true},
		{"// no @odoo-module comment, but it says @odoo-module", true},
		{"/** @odoo-module alias=web.Foo default=false */", true},
		{"/** @odoo-modulex */", true},
		{"\u00a0/** @odoo-module */", true},  // Python's \s is Unicode
		{"/*\u2028@odoo-module*/", true},     // so is its "."
		{"/*\x1c\n @odoo-module*/", true},    // \x1c is white space to Python
		{"/**\n * @odoo-module\n */", false}, // the second line starts with *
		{"// Written by make odoo-addon\n// the hash\nexport const V = 1;", false},
		{"\ufeff/** @odoo-module */", false}, // a BOM is not white space
		{"/ * @odoo-module", false},
		{"x/** @odoo-module */", false},
		{"", false},
	} {
		if got := IsOdooModule(tc.src); got != tc.want {
			t.Errorf("IsOdooModule(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestGlob(t *testing.T) {
	t.Parallel()
	tr := &tree{dir: "testdata/glob"}
	for _, tc := range []struct {
		pattern string
		want    string
	}{
		{"static/src/**/*", "static/src/[x].js static/src/a static/src/a/b static/src/a/b/v.xml static/src/a/b/w.js static/src/a/z.js static/src/c static/src/c/q-.js static/src/c/q1.js static/src/c/q2.js static/src/c/qa.js static/src/x.js static/src/y.scss"},
		{"static/src/**/*.js", "static/src/[x].js static/src/a/b/w.js static/src/a/z.js static/src/c/q-.js static/src/c/q1.js static/src/c/q2.js static/src/c/qa.js static/src/x.js"},
		{"static/src/*", "static/src/[x].js static/src/a static/src/c static/src/x.js static/src/y.scss"},
		{"static/src/**", "static/src/ static/src/[x].js static/src/a static/src/a/b static/src/a/b/v.xml static/src/a/b/w.js static/src/a/z.js static/src/c static/src/c/q-.js static/src/c/q1.js static/src/c/q2.js static/src/c/qa.js static/src/x.js static/src/y.scss"},
		{"static/**/b/*", "static/src/a/b/v.xml static/src/a/b/w.js"},
		{"static/src/**/**/*.xml", "static/src/a/b/v.xml static/src/a/b/v.xml static/src/a/b/v.xml"},
		{"static/src/c/q[0-9].js", "static/src/c/q1.js static/src/c/q2.js"},
		{"static/src/c/q[!0-9].js", "static/src/c/q-.js static/src/c/qa.js"},
		{"static/src/c/q[-].js", "static/src/c/q-.js"},
		{"static/src/c/q[a-].js", "static/src/c/q-.js static/src/c/qa.js"},
		{"static/src/c/q[z-a1].js", "static/src/c/q1.js"},
		{"static/src/c/q[!].js", ""},
		{"static/src/c/q?.js", "static/src/c/q-.js static/src/c/q1.js static/src/c/q2.js static/src/c/qa.js"},
		{"static/src/[x].js", "static/src/x.js"},
		{"static/src/[[]x].js", "static/src/[x].js"},
		{"static/src/.*", "static/src/.dot static/src/.h.js"},
		{"static/src/.dot/*", "static/src/.dot/d.js"},
		{"static/*/a/*/*.xml", "static/src/a/b/v.xml"},
		{"static/src/x.js", "static/src/x.js"},
		{"static/src/missing.js", ""},
	} {
		if got := strings.Join(tr.glob(tc.pattern), " "); got != tc.want {
			t.Errorf("glob(%q):\n\t%s\nwant:\n\t%s", tc.pattern, got, tc.want)
		}
	}
}

func TestGlobGenerated(t *testing.T) {
	t.Parallel()
	tr := &tree{dir: "testdata/glob", virtual: map[string]bool{"static/src/a/gen.js": true, "static/lib/new/gen.js": true}}
	if got, want := strings.Join(tr.glob("static/**/gen.js"), " "), "static/lib/new/gen.js static/src/a/gen.js"; got != want {
		t.Errorf("glob: %s, want %s", got, want)
	}
}

func TestJSTranslations(t *testing.T) {
	t.Parallel()
	src := "/** @odoo-module **/\n" +
		"const a = _t(\"Double \\\"quoted\\\"\\u00e9\\x21\");\n" +
		"const b = _t('Single', x);\n" +
		"const c = _t(`Multi\nline`);\n" +
		"const d = `${_t(\"Inside a template\")} and ${ {k: `${_t('Nested')}`}.k }`;\n" +
		"const e = a / 2 / _t(\"After a division\");\n" +
		"const f = /[/]_t\\(\"x\"\\)/.test(s) ? 1 : 2; // _t(\"comment\")\n" +
		"/* _t(\"block\") */ const g = _lt(\"Lazy\" +\n    \" joined\");\n" +
		"function _t(s) { return s; }\n" +
		"const h = _t(cond ? \"a\" : \"b\");\n"
	got, errs := JSTranslations(src, "x.js")
	var ids []string
	for _, s := range got {
		ids = append(ids, s.Func+":"+s.ID)
	}
	want := []string{
		`_t:Double "quoted"é!`, "_t:Single", "_t:Multi\nline", "_t:Inside a template", "_t:Nested",
		"_t:After a division", "_lt:Lazy joined",
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("strings %q, want %q", ids, want)
	}
	wantErrors(t, errs, "x.js:12: _t needs a string literal for Odoo's export")
	if got[1].Line != 3 || got[6].Line != 9 {
		t.Errorf("lines %d, %d; want 3, 9", got[1].Line, got[6].Line)
	}
	_, errs = JSTranslations("const s = 'unterminated;\n", "bad.js")
	wantErrors(t, errs, "bad.js:1: unterminated string")
}

func TestFieldWidgets(t *testing.T) {
	t.Parallel()
	src := `registry.category("fields").add("a", x);
registry
    .category('fields')
    .add('b', x);
const fields = registry.category("fields");
fields.add("c", x);
other.fields.add("not me", x);
registry.category("views").add("not a field", x);
// registry.category("fields").add("commented", x);
`
	got, err := FieldWidgets(src, "w.js")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("FieldWidgets: %q, want %q", got, want)
	}
}

func TestParsePOFile(t *testing.T) {
	t.Parallel()
	po := `msgid ""
msgstr ""
"Plural-Forms: \n"

#. module: m
#: model:ir.model.fields,field_description:m.field_x__name
msgid "Name"
msgstr ""

#, fuzzy
msgid "Fuzzy"
msgstr "Difuso"

msgid ""
"Two "
"lines"
msgstr ""
"Dos "
"líneas"

msgid "One file"
msgid_plural "%d files"
msgstr[0] ""
msgstr[1] ""

#~ msgid "Obsolete"
#~ msgstr "Obsoleto"
`
	got, err := ParsePOFile([]byte(po), "m.pot")
	if err != nil {
		t.Fatal(err)
	}
	want := []POEntry{{"Name", 7}, {"Fuzzy", 11}, {"Two lines", 14}, {"One file", 21}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParsePOFile: %v, want %v", got, want)
	}
	// What the workaround is for: Odoo's exports have an empty
	// Plural-Forms, and a .pot has no translated message.
	if _, err := locale.ParsePO([]byte(po), "m.pot"); err != nil {
		t.Logf("locale.ParsePO alone: %v (OdooPO blanks the empty Plural-Forms)", err)
	}
	if fixed, changed := OdooPO([]byte(po)); !changed || strings.Count(string(fixed), "\n") != strings.Count(po, "\n") {
		t.Errorf("OdooPO: changed %v, lines %d, want true, %d", changed, strings.Count(string(fixed), "\n"), strings.Count(po, "\n"))
	}
}
