package slider_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
)

// find returns the first element with tag in n, depth first, or the zero
// Node.
func find(n dom.Node, tag string) dom.Node {
	if n.Tag() == tag {
		return n
	}
	for _, c := range n.Children() {
		if f := find(c, tag); !f.IsZero() {
			return f
		}
	}
	return dom.Node{}
}

// text returns the text of n's subtree.
func text(n dom.Node) string {
	if n.Tag() == "" {
		return n.Text()
	}
	var b strings.Builder
	for _, c := range n.Children() {
		b.WriteString(text(c))
	}
	return b.String()
}

func attr(n dom.Node, name string) string {
	v, _ := n.Attr(name)
	return v
}

// last records the latest value of a stream, and how many came.
type last[T any] struct {
	v      T
	n      int
	errs   []error
	cancel func()
}

func watch[T any](t *testing.T, s *stream.Stream[T]) *last[T] {
	t.Helper()
	l := &last[T]{}
	l.cancel = s.Subscribe(stream.Listener[T]{
		Next:  func(v T) { l.v = v; l.n++ },
		Error: func(err error) { l.errs = append(l.errs, err) },
	})
	t.Cleanup(func() {
		l.cancel()
		if len(l.errs) > 0 {
			t.Errorf("stream errors: %v", l.errs)
		}
	})
	return l
}

// messages are the component's strings, as an app ships them.
var messages = fstest.MapFS{
	"es.po": {Data: []byte(`msgid ""
msgstr ""
"Language: es\n"

msgid "Height"
msgstr "Altura"

msgid "Weight"
msgstr "Peso"

msgid "Out of range: %(min)s to %(max)s"
msgstr "Fuera de rango: %(min)s a %(max)s"
`)},
	"de.po": {Data: []byte(`msgid ""
msgstr ""
"Language: de\n"

msgid "Height"
msgstr "Größe"

msgid "Weight"
msgstr "Gewicht"
`)},
	"fr.po": {Data: []byte(`msgid ""
msgstr ""
"Language: fr\n"

msgid "Height"
msgstr "Taille"

msgid "Weight"
msgstr "Poids"
`)},
	"ja.po": {Data: []byte(`msgid ""
msgstr ""
"Language: ja\n"

msgid "Height"
msgstr "身長"

msgid "Weight"
msgstr "体重"
`)},
}

func catalog(t testing.TB) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(locale.Messages(messages, "*.po"))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// locales is a mocked locale source whose locale the test switches.
type locales struct {
	cat *locale.Catalog
	sub *stream.Subject[locale.Locale]
	src *locale.Source
}

func newLocales(t testing.TB, initial string) *locales {
	t.Helper()
	cat := catalog(t)
	sub := stream.NewSubject[locale.Locale]()
	l := &locales{cat: cat, sub: sub}
	l.src = locale.MockSource(cat, sub.Stream().StartWith(l.match(t, initial)))
	return l
}

func (l *locales) match(t testing.TB, lang string) locale.Locale {
	t.Helper()
	tag, err := locale.ParseLanguage(lang)
	if err != nil {
		t.Fatal(err)
	}
	return l.cat.Match(tag)
}

func (l *locales) set(t testing.TB, lang string) { l.sub.Next(l.match(t, lang)) }
