package langselect_test

import (
	"fmt"
	"testing/fstest"

	"github.com/gocycle/gocycle/components/langselect"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"golang.org/x/text/language"
)

// A selector for an app with English (the default), Spanish and Japanese
// messages, shown to a Spanish user, who then picks Japanese.
func ExampleLangSelect() {
	cat, err := locale.Load(locale.Messages(fstest.MapFS{
		"es.po": {Data: []byte("msgid \"Language\"\nmsgstr \"Idioma\"\n")},
		"ja.po": {Data: []byte("msgid \"Language\"\nmsgstr \"言語\"\n")},
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	changes := stream.NewSubject[dom.Event]()
	sinks := langselect.LangSelect(langselect.Sources{
		DOM:    dom.MockSource(dom.MockConfig{"select": {Events: map[string]*stream.Stream[dom.Event]{"change": changes.Stream()}}}),
		Locale: locale.MockSource(cat, stream.Of(cat.Match(language.Spanish))),
	})
	sinks.DOM.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { fmt.Println(dom.ToHTML(n)) }})
	sinks.Language.Subscribe(stream.Listener[string]{Next: func(s string) { fmt.Println("asks the locale driver for", s) }})
	changes.Next(dom.Event{Type: "change", Value: "ja"})
	fmt.Println(langselect.Name(language.MustParse("pt-BR")))
	// Output:
	// <label class="gc-langselect"><span>Idioma</span><select><option lang="en" value="en">English</option><option lang="es" selected value="es">Español</option><option lang="ja" value="ja">日本語</option></select></label>
	// asks the locale driver for ja
	// Português (Brasil)
}
