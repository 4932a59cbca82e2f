package main

import (
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"golang.org/x/text/language"
)

// demo runs Main with a mocked DOM and locale: the test moves sliders,
// picks languages and reads the page.
type demo struct {
	t       *testing.T
	cat     *locale.Catalog
	locales *stream.Subject[locale.Locale]
	events  map[string]*stream.Subject[dom.Event]
	page    dom.Node
	asked   []string // what the app asked the locale driver for
}

func newDemo(t *testing.T, lang string) *demo {
	t.Helper()
	cat, err := locale.Load(Messages())
	if err != nil {
		t.Fatal(err)
	}
	d := &demo{t: t, cat: cat, locales: stream.NewSubject[locale.Locale](), events: map[string]*stream.Subject[dom.Event]{}}
	mock := dom.MockConfig{}
	for _, sel := range []struct{ chain, typ string }{
		{"@volume input", "input"}, {"@height/slider input", "input"}, {"@weight/slider input", "input"}, {"@lang select", "change"},
	} {
		s := stream.NewSubject[dom.Event]()
		d.events[sel.chain] = s
		mock[sel.chain] = dom.MockSelector{Events: map[string]*stream.Stream[dom.Event]{sel.typ: s.Stream()}}
	}
	sinks := Main(Sources{DOM: dom.MockSource(mock), Locale: locale.MockSource(cat, d.locales.Stream().StartWith(d.match(lang)))})
	cancels := []func(){
		sinks.DOM.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { d.page = n }, Error: func(err error) { t.Error(err) }}),
		// The app's requests go to the "locale driver": here, straight
		// back to the mocked locale, as the real driver does.
		sinks.Locale.Subscribe(stream.Listener[string]{Next: func(s string) { d.asked = append(d.asked, s); d.locales.Next(d.match(s)) }}),
	}
	t.Cleanup(func() {
		for _, c := range cancels {
			c()
		}
	})
	return d
}

func (d *demo) match(lang string) locale.Locale {
	tag, err := locale.ParseLanguage(lang)
	if err != nil {
		d.t.Fatal(err)
	}
	return d.cat.Match(tag)
}

func (d *demo) move(chain string, v float64) {
	d.events[chain].Next(dom.Event{Type: "input", Number: v})
}

func (d *demo) pick(lang string) {
	d.events["@lang select"].Next(dom.Event{Type: "change", Value: lang})
}

// byID finds the element with the id in the page.
func byID(n dom.Node, id string) dom.Node {
	if v, _ := n.Attr("id"); v == id && n.Tag() != "" {
		return n
	}
	for _, c := range n.Children() {
		if f := byID(c, id); !f.IsZero() {
			return f
		}
	}
	return dom.Node{}
}

func textOf(n dom.Node) string {
	if n.Tag() == "" {
		return n.Text()
	}
	var b strings.Builder
	for _, c := range n.Children() {
		b.WriteString(textOf(c))
	}
	return b.String()
}

func (d *demo) text(id string) string { return textOf(byID(d.page, id)) }

// readout is the read-out of the slider whose input has the id.
func (d *demo) readout(id string) string {
	v, _ := byID(d.page, id).Attr("aria-valuetext")
	return v
}

func (d *demo) stored() [3]string {
	return [3]string{d.text("stored-volume"), d.text("stored-height"), d.text("stored-weight")}
}

func TestDemoShowsEveryComponentInTheLocale(t *testing.T) {
	d := newDemo(t, "en-US")
	html := dom.ToHTML(d.page)
	for _, want := range []string{
		`<main class="demo" dir="ltr" lang="en">`,
		`<label for="height">Height</label>`, `<label for="weight">Weight</label>`, `<label for="volume">Volume</label>`,
		`<option lang="es" value="es">Español</option>`, `<option lang="ja" value="ja">日本語</option>`,
		`<option lang="en" selected value="en">English</option>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the page has no %s:\n%s", want, html)
		}
	}
	if got := [3]string{d.readout("volume"), d.readout("height"), d.readout("weight")}; got != [3]string{"40 %", "5 ft, 9 in", "154 lb"} {
		t.Errorf("read-outs %q", got)
	}
	if got := d.stored(); got != [3]string{"40", "175 centimeter", "70 kilogram"} {
		t.Errorf("stored %q", got)
	}
}

func TestDemoLanguageChangesEveryLabelAndUnitAndNoValue(t *testing.T) {
	d := newDemo(t, "en-US")
	d.move("@height/slider input", 70) // in
	d.move("@volume input", 55)
	want := [3]string{"55", "177.8 centimeter", "70 kilogram"}
	if got := d.stored(); got != want {
		t.Fatalf("stored %q, want %q", got, want)
	}
	for range 50 {
		d.pick("es")
		d.pick("en-US")
	}
	d.pick("es")
	if got := d.stored(); got != want {
		t.Errorf("after 101 language changes, stored %q, want %q", got, want)
	}
	html := dom.ToHTML(d.page)
	for _, s := range []string{`<label for="height">Altura</label>`, `<label for="weight">Peso</label>`, `<label for="volume">Volumen</label>`,
		`<span>Idioma</span>`, `<option lang="es" selected value="es">Español</option>`, `lang="es"`} {
		if !strings.Contains(html, s) {
			t.Errorf("in Spanish, the page has no %s", s)
		}
	}
	if got := [3]string{d.readout("volume"), d.readout("height"), d.readout("weight")}; got != [3]string{"55 %", "1 m y 78 cm", "70 kg"} {
		t.Errorf("Spanish read-outs %q", got)
	}
	// Japanese from elsewhere (the host): the selector follows.
	d.locales.Next(d.match("ja"))
	if !strings.Contains(dom.ToHTML(d.page), `<option lang="ja" selected value="ja">日本語</option>`) || d.readout("weight") != "70 kg" {
		t.Errorf("in Japanese: %s", dom.ToHTML(d.page))
	}
	if d.asked[0] != "es" || d.asked[1] != "en-US" {
		t.Errorf("asked the locale driver for %q", d.asked[:2])
	}
}

func TestDemoMessagesCoverEveryLanguage(t *testing.T) {
	cat, err := locale.Load(Messages())
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, t := range cat.Available() {
		langs = append(langs, t.String())
	}
	if got := strings.Join(langs, " "); got != "en de es fr ja" {
		t.Errorf("languages %s", got)
	}
	f, _ := messageFiles.ReadFile("messages/en.po")
	en, err := locale.ParsePO(f, "en.po")
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range cat.Available() {
		l := cat.Match(tag)
		for _, m := range en.Messages {
			if tag != language.English && l.Text(m.ID) == m.ID && m.ID != "Volume" {
				t.Errorf("%s: %q is not translated", tag, m.ID)
			}
		}
	}
}
