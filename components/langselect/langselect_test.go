package langselect_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/gocycle/gocycle/components/langselect"
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"golang.org/x/text/language"
)

var messages = fstest.MapFS{
	"es.po":    {Data: []byte("msgid \"Language\"\nmsgstr \"Idioma\"\n")},
	"de.po":    {Data: []byte("msgid \"Language\"\nmsgstr \"Sprache\"\n")},
	"ja.po":    {Data: []byte("msgid \"Language\"\nmsgstr \"言語\"\n")},
	"pt_BR.po": {Data: []byte("msgid \"Language\"\nmsgstr \"Idioma\"\n")},
}

func catalog(t testing.TB) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(locale.Messages(messages))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestName(t *testing.T) {
	for tag, want := range map[string]string{
		"es": "Español", "de": "Deutsch", "ja": "日本語", "en": "English", "fr": "Français",
		"pt-BR": "Português (Brasil)", "es-AR": "Español (AR)", "zh-Hant": "中文（繁體）",
		"zh-Hant-TW": "中文（繁體）", "sr-Latn-RS": "Srpski (latinica)", "ar": "العربية", "tlh": "tlh",
	} {
		if got := langselect.Name(language.MustParse(tag)); got != want {
			t.Errorf("Name(%s) = %q, want %q", tag, got, want)
		}
	}
}

// options returns the options of a view: value=name, the selected one
// marked with *.
func options(t *testing.T, n dom.Node) []string {
	t.Helper()
	html := dom.ToHTML(n)
	var out []string
	for _, part := range strings.Split(html, "<option")[1:] {
		part = part[:strings.Index(part, "</option>")]
		attrs, name, _ := strings.Cut(part, ">")
		val := attrs[strings.Index(attrs, `value="`)+7:]
		val = val[:strings.IndexByte(val, '"')]
		if strings.Contains(attrs, " selected") {
			val = "*" + val
		}
		out = append(out, val+"="+name)
	}
	return out
}

func label(n dom.Node) string {
	html := dom.ToHTML(n)
	i := strings.Index(html, "<span>")
	html = html[i+6:]
	return html[:strings.Index(html, "</span>")]
}

func TestLangSelectListsSelectsAndFollows(t *testing.T) {
	cat := catalog(t)
	sch := streamtest.NewScheduler()
	locales, _ := streamtest.Diagram(sch, "e--j-s", map[rune]locale.Locale{
		'e': cat.Match(language.AmericanEnglish), 'j': cat.Match(language.Japanese), 's': cat.Match(language.MustParse("es-MX")),
	})
	changes, _ := streamtest.Diagram(sch, "-d----", map[rune]dom.Event{'d': {Type: "change", Value: "de"}})
	sinks := langselect.LangSelect(langselect.Sources{
		DOM:    dom.MockSource(dom.MockConfig{"select": {Events: map[string]*stream.Stream[dom.Event]{"change": changes}}}),
		Locale: locale.MockSource(cat, locales),
	})
	var views []dom.Node
	cancel := sinks.DOM.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { views = append(views, n) }})
	defer cancel()
	streamtest.AssertDiagram(t, sch, sinks.Language, "-d", map[rune]string{'d': "de"})
	if len(views) != 3 {
		t.Fatalf("%d views, want 3", len(views))
	}
	want := []string{"*en=English", "de=Deutsch", "es=Español", "ja=日本語", "pt-BR=Português (Brasil)"}
	if got := options(t, views[0]); !slices.Equal(got, want) {
		t.Errorf("options %q, want %q", got, want)
	}
	if got := options(t, views[2]); got[2] != "*es=Español" || got[0] != "en=English" {
		t.Errorf("after es-MX: %q", got)
	}
	if got := []string{label(views[0]), label(views[1]), label(views[2])}; !slices.Equal(got, []string{"Language", "言語", "Idioma"}) {
		t.Errorf("labels %q", got)
	}
	html := dom.ToHTML(views[0])
	if !strings.Contains(html, `<option lang="ja" value="ja">`) || !strings.HasPrefix(html, `<label class="gc-langselect"><span>Language</span><select>`) {
		t.Errorf("view %s", html)
	}
}

// Wired to the real locale driver, the selector's pick changes the locale,
// and the view follows it.
func TestLangSelectDrivesTheLocaleDriver(t *testing.T) {
	type sources struct {
		DOM    *dom.Source
		Locale *locale.Source
	}
	type sinks struct {
		DOM    *stream.Stream[dom.Node]
		Locale *stream.Stream[string]
	}
	var mu sync.Mutex
	var html []string
	picks := stream.NewSubject[dom.Event]()
	var loop *cycle.Loop
	domDriver := cycle.DriverFunc(func(sink *stream.Stream[dom.Node], ctx *cycle.Context) (*dom.Source, error) {
		loop = ctx.Loop
		ctx.OnDispose(sink.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) {
			mu.Lock()
			defer mu.Unlock()
			html = append(html, dom.ToHTML(n))
		}}))
		return dom.MockSource(dom.MockConfig{"@lang select": {Events: map[string]*stream.Stream[dom.Event]{"change": picks.Stream()}}}), nil
	})
	app := func(src sources) sinks {
		s := cycle.Isolate(langselect.LangSelect, "lang")(langselect.Sources{DOM: src.DOM, Locale: src.Locale})
		return sinks{DOM: s.DOM, Locale: s.Language}
	}
	dispose, err := cycle.Run(app, cycle.Drivers{
		"DOM":    domDriver,
		"Locale": locale.Driver(locale.Messages(messages), locale.Initial("de_DE")),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer dispose()
	loop.Do(func() { picks.Next(dom.Event{Type: "change", Value: "ja"}) })
	loop.Do(func() { picks.Next(dom.Event{Type: "change", Value: "en-US"}) })
	loop.Do(func() {})
	mu.Lock()
	defer mu.Unlock()
	if len(html) != 3 {
		t.Fatalf("%d views: %q", len(html), html)
	}
	for i, want := range []string{`<option lang="de" selected value="de">`, `<option lang="ja" selected value="ja">`, `<option lang="en" selected value="en">`} {
		if !strings.Contains(html[i], want) {
			t.Errorf("view %d: %s, want %s", i, html[i], want)
		}
	}
	if !strings.Contains(html[0], `data-cycle-scope="lang"`) || !strings.Contains(html[0], "<span>Sprache</span>") {
		t.Errorf("first view %s", html[0])
	}
}
