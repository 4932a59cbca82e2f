package locale_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/drivers/locale/goi18n"
)

// testOptions loads testdata/ok: en.json (the default), active.es.toml,
// pt-BR.json, ar.json, ru.po, sr@latin.po, zh_CN.po and zh_TW.po.
func testOptions(extra ...locale.Option) []locale.Option {
	return append([]locale.Option{
		locale.Messages(os.DirFS("testdata/ok")),
		goi18n.Files(),
		locale.Unmarshal("toml", toml.Unmarshal),
	}, extra...)
}

func loadOK(t *testing.T) *locale.Catalog {
	t.Helper()
	c, err := locale.Load(testOptions()...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustParse(t *testing.T, s string) language.Tag {
	t.Helper()
	tag, err := locale.ParseLanguage(s)
	if err != nil {
		t.Fatal(err)
	}
	return tag
}

func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"es":             "es",
		"es-MX":          "es-MX",
		"es_ES":          "es-ES",
		"pt_BR":          "pt-BR",
		"zh_CN":          "zh-CN",
		"zh-Hant-TW":     "zh-Hant-TW",
		"sr@latin":       "sr-Latn",
		"sr_RS@latin":    "sr-Latn-RS",
		"sr@Cyrl":        "sr-Cyrl",
		"ca_ES@valencia": "ca-ES-valencia",
		"de_DE.UTF-8":    "de-DE",
		" fr_CA ":        "fr-CA",
	} {
		got, err := locale.ParseLanguage(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseLanguage(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "123", "es_ES@", "not a language"} {
		if got, err := locale.ParseLanguage(bad); err == nil {
			t.Errorf("ParseLanguage(%q) = %v, want an error", bad, got)
		}
	}
}

func TestAvailable(t *testing.T) {
	c := loadOK(t)
	var got []string
	for _, tag := range c.Available() {
		got = append(got, tag.String())
	}
	want := "en es ar pt-BR ru sr-Latn zh-CN zh-TW" // default first, then by file name (active.es.toml first)
	if strings.Join(got, " ") != want {
		t.Errorf("Available = %v, want %s", got, want)
	}
}

func TestMatch(t *testing.T) {
	c := loadOK(t)
	for _, tc := range []struct{ want, lang, tag, region string }{
		{"es-MX", "es", "es-MX", "MX"},
		{"es", "es", "es", "ES"},
		{"es_ES", "es", "es-ES", "ES"},
		{"es-419", "es", "es-419", "419"},
		{"pt-BR", "pt-BR", "pt-BR", "BR"},
		{"pt_BR", "pt-BR", "pt-BR", "BR"},
		{"pt", "pt-BR", "pt-BR", "BR"},
		{"pt-PT", "pt-BR", "pt-PT", "PT"},
		{"zh-Hant-TW", "zh-TW", "zh-TW", "TW"},
		{"zh-TW", "zh-TW", "zh-TW", "TW"},
		{"zh_CN", "zh-CN", "zh-CN", "CN"},
		{"zh-HK", "zh-TW", "zh-HK", "HK"},
		{"sr@latin", "sr-Latn", "sr-Latn", "RS"},
		{"en-GB", "en", "en-GB", "GB"},
		{"ja", "en", "en", "US"},
		{"fr-CA", "en", "en-CA", "CA"},
		{"ar-EG", "ar", "ar-EG", "EG"},
	} {
		l := c.Match(mustParse(t, tc.want))
		if l.Language().String() != tc.lang || l.Tag().String() != tc.tag || l.Region().String() != tc.region {
			t.Errorf("Match(%s) = language %s, tag %s, region %s; want %s, %s, %s",
				tc.want, l.Language(), l.Tag(), l.Region(), tc.lang, tc.tag, tc.region)
		}
	}
	if l := c.Match(); l.Language() != language.English || l.Tag() != language.English {
		t.Errorf("Match() = %v, want the default language", l)
	}
	// Preferences in order: the first available one wins.
	if l := c.Match(mustParse(t, "ja"), mustParse(t, "es-AR")); l.Tag().String() != "es-AR" {
		t.Errorf("Match(ja, es-AR) = %v, want es-AR", l)
	}
}

func TestDirection(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want locale.Direction
	}{
		{"ar", locale.RTL}, {"he", locale.RTL}, {"fa", locale.RTL}, {"ur", locale.RTL},
		{"en", locale.LTR}, {"es", locale.LTR}, {"sr-Latn", locale.LTR}, {"zh-TW", locale.LTR},
	} {
		c, err := locale.Load(locale.Default(language.MustParse(tc.lang)))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Match().Direction(); got != tc.want {
			t.Errorf("%s: Direction = %v, want %v", tc.lang, got, tc.want)
		}
	}
	c := loadOK(t)
	if d := c.Match(mustParse(t, "ar")).Direction(); d != locale.RTL || d.String() != "rtl" {
		t.Errorf("ar: %v", d)
	}
	// Hebrew is not available: English text runs left to right.
	if d := c.Match(mustParse(t, "he")).Direction(); d != locale.LTR || d.String() != "ltr" {
		t.Errorf("he without Hebrew messages: %v, want ltr", d)
	}
}

func TestText(t *testing.T) {
	c := loadOK(t)
	at := func(lang string) locale.Locale { return c.Match(mustParse(t, lang)) }
	for _, tc := range []struct {
		lang, id string
		data     []any
		want     string
	}{
		{"en", "hello", nil, "Hello"},
		{"es-MX", "hello", nil, "Hola"},
		{"pt", "hello", nil, "Olá"},
		{"zh-Hant-TW", "hello", nil, "你好"},
		{"zh-CN", "hello", nil, "你好 (简体)"},
		{"sr@latin", "hello", nil, "Zdravo"},
		// Templates.
		{"en", "greet", []any{map[string]any{"Name": "Ana"}}, "Hello, Ana!"},
		{"es", "greet", []any{struct{ Name string }{"Ana"}}, "¡Hola, Ana!"},
		// go-i18n plurals: JSON, TOML, {{.PluralCount}}, floats.
		{"en", "apples", []any{1}, "1 apple"},
		{"en", "apples", []any{2}, "2 apples"},
		{"en", "apples", []any{1.5}, "1.5 apples"},
		{"es", "apples", []any{1}, "1 manzana"},
		{"es", "apples", []any{int64(7)}, "7 manzanas"},
		{"pt-BR", "apples", []any{uint8(1)}, "1 maçã"},
		{"pt-BR", "apples", []any{0}, "0 maçã"}, // CLDR: 0 is "one" in Portuguese
		// gettext plurals with Plural-Forms.
		{"ru", "%d file", []any{1}, "1 файл"},
		{"ru", "%d file", []any{3}, "3 файла"},
		{"ru", "%d file", []any{5}, "5 файлов"},
		{"ru", "%d file", []any{11}, "11 файлов"},
		{"ru", "%d file", []any{21}, "21 файл"},
		{"ru", "%d file", []any{22}, "22 файла"},
		// msgctxt, escapes, multi-line strings, Odoo's %(name)s.
		{"ru", "Open", []any{locale.Ctx("menu")}, "Открыть"},
		{"ru", "Open", []any{locale.Ctx("state")}, "Открыт"},
		{"ru", "Open", nil, "Открыть файл"},
		{"ru", "quote", nil, "Он сказал: \"да\"\n\tи ушёл \\ конец"},
		{"ru", "Hello %(name)s, you have %(count)d messages", []any{map[string]any{"name": "Ира", "count": 5}},
			"Здравствуйте, Ира, у вас 5 сообщений"},
		// Fuzzy and untranslated entries are left out: the msgid shows.
		{"ru", "fuzzy one", nil, "fuzzy one"},
		{"ru", "untranslated", nil, "untranslated"},
		{"en", "%d file", []any{1}, "1 file"},
		{"en", "%d file", []any{4}, "4 files"},
		// Missing: the default language's text, then the id.
		{"es", "only_en", nil, "Only in English"},
		{"ru", "apples", []any{3}, "3 apples"},
		{"es", "nowhere", nil, "nowhere"},
	} {
		if got := at(tc.lang).Text(tc.id, tc.data...); got != tc.want {
			t.Errorf("%s: Text(%q, %v) = %q, want %q", tc.lang, tc.id, tc.data, got, tc.want)
		}
	}
	var zero locale.Locale
	if got := zero.Text("hello"); got != "hello" {
		t.Errorf("zero Locale: Text = %q, want the id", got)
	}
}

func TestMalformedFiles(t *testing.T) {
	dir := os.DirFS("testdata/bad")
	for _, tc := range []struct{ file, want string }{
		{"es.po", "locale: es.po:6: unterminated string"},
		{"cs.po", `locale: cs.po:2: unknown escape \q`},
		{"pl.po", "locale: pl.po:3: msgid_plural without a msgid before it"},
		{"nl.po", "locale: nl.po:1: Plural-Forms: plural=n >: unexpected end"},
		{"de.json", "locale: de.json:4: invalid character '\"' after object key:value pair"},
		{"fr.toml", "locale: fr.toml: toml: line 2"},
		{"it.json", `locale: it.json: message "hello": template: :1: unclosed action`},
		{"missing.po", "locale: message file missing.po does not exist"},
	} {
		_, err := locale.Load(locale.Messages(dir, tc.file), goi18n.Files(), locale.Unmarshal("toml", toml.Unmarshal))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one starting with %q", tc.file, err, tc.want)
		}
	}
	// TOML without its decoder says how to add it.
	_, err := locale.Load(locale.Messages(os.DirFS("testdata/ok"), "*.toml"), goi18n.Files())
	if err == nil || err.Error() != `locale: active.es.toml: no decoder for .toml files; add the option locale.Unmarshal("toml", decode)` {
		t.Errorf("TOML without a decoder: %v", err)
	}
	// go-i18n files without go-i18n say how to add it.
	_, err = locale.Load(locale.Messages(os.DirFS("testdata/ok"), "*.json"))
	if err == nil || err.Error() != `locale: ar.json: .json files need a decoder: add the option goi18n.Files() of package github.com/gocycle/gocycle/drivers/locale/goi18n` {
		t.Errorf("JSON without goi18n: %v", err)
	}
	// A file whose name is not a language.
	_, err = locale.Load(locale.Messages(dir, "readme.po"))
	if err == nil || !strings.HasPrefix(err.Error(), "locale: readme.po: the file name does not name a language") {
		t.Errorf("readme.po: %v", err)
	}
}

func TestParsePO(t *testing.T) {
	data, err := os.ReadFile("testdata/ok/ru.po")
	if err != nil {
		t.Fatal(err)
	}
	f, err := locale.ParsePO(data, "ru.po")
	if err != nil {
		t.Fatal(err)
	}
	if f.Header["Language"] != "ru" || f.NPlurals != 3 {
		t.Errorf("header %v, nplurals %d", f.Header, f.NPlurals)
	}
	var ids []string
	for _, m := range f.Messages {
		ids = append(ids, m.Context+"|"+m.ID)
	}
	want := "|hello |%d file menu|Open state|Open |Open |quote |Hello %(name)s, you have %(count)d messages"
	if strings.Join(ids, " ") != want {
		t.Errorf("messages %q, want %q", strings.Join(ids, " "), want)
	}
	if m := f.Messages[1]; m.IDPlural != "%d files" || len(m.Str) != 3 || m.Line != 16 {
		t.Errorf("plural message %+v", m)
	}
	for n, want := range map[int64]int{0: 2, 1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 21: 0, 101: 0, 111: 2, -1: 0} {
		if got := f.PluralIndex(n); got != want {
			t.Errorf("PluralIndex(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestPluralForms(t *testing.T) {
	for _, tc := range []struct {
		forms string
		want  map[int64]int
	}{
		{"nplurals=1; plural=0;", map[int64]int{0: 0, 1: 0, 5: 0}},
		{"nplurals=2; plural=(n > 1);", map[int64]int{0: 0, 1: 0, 2: 1}}, // French
		{"nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;", map[int64]int{1: 0, 3: 1, 5: 2}},
		{"nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);", map[int64]int{101: 0, 2: 1, 4: 2, 5: 3}},
		{"nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;", map[int64]int{0: 0, 1: 1, 2: 2, 3: 3, 11: 4, 100: 5}}, // Arabic
		{"nplurals=2; plural=!(n == 1);", map[int64]int{1: 0, 2: 1}},
		{"nplurals=2; plural=n / 0 + (n - 1) * 2 != 0;", map[int64]int{1: 0, 3: 1}},
		{"nplurals=2; plural=n>5?9:1;", map[int64]int{6: 0, 1: 1}}, // out of range: form 0
	} {
		f, err := locale.ParsePO([]byte("msgid \"\"\nmsgstr \"Plural-Forms: "+tc.forms+"\\n\"\n"), "x.po")
		if err != nil {
			t.Errorf("%s: %v", tc.forms, err)
			continue
		}
		for n, want := range tc.want {
			if got := f.PluralIndex(n); got != want {
				t.Errorf("%s: n=%d: got %d, want %d", tc.forms, n, got, want)
			}
		}
	}
	for _, bad := range []string{"plural=n;", "nplurals=2;", "nplurals=x; plural=n;", "nplurals=2; plural=(n;", "nplurals=2; plural=n ? 1;", "nplurals=2; plural=m;"} {
		if _, err := locale.ParsePO([]byte("msgid \"\"\nmsgstr \"Plural-Forms: "+bad+"\\n\"\n"), "x.po"); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestMissingErrorType(t *testing.T) {
	var err error = &locale.MissingError{ID: "x", Language: language.Spanish}
	var me *locale.MissingError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), `"x" is missing in es`) {
		t.Errorf("%v", err)
	}
}
