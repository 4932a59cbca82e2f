// Package langselect is gocycle's language selector: a select that lists
// the languages an app has messages for, each by its own name, and asks
// the locale driver for the one the user picks.
package langselect

import (
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
)

// Sources are what a LangSelect reads.
type Sources struct {
	// DOM gives the change events of the select.
	DOM *dom.Source
	// Locale gives the available languages, the current one and the
	// label's text (the message "Language").
	Locale *locale.Source
}

// Sinks are what a LangSelect writes.
type Sinks struct {
	// DOM is the selector's view.
	DOM *stream.Stream[dom.Node]
	// Language emits the language the user picks, as its BCP 47 tag
	// ("es", "pt-BR"): a string, because that is what the locale driver's
	// sink takes, so that an app wires it there as it is:
	//
	//	Sinks{Locale: sel.Language}
	//
	// (A language.Tag would need a Map to String in every app, and back
	// to a tag in the driver.)
	Language *stream.Stream[string]
}

// LangSelect lists src.Locale.Available() in a select, each language by
// its own name (see [Name]), with the current language selected:
//
//	<label class="gc-langselect">
//	  <span>Language</span>
//	  <select>
//	    <option lang="en" value="en">English</option>
//	    <option lang="es" selected value="es">Español</option> ...
//	  </select>
//	</label>
//
// The label is the message "Language" in the current locale; it holds the
// select, which labels it without an id (ids would have to be unique in
// the page, and a component cannot know what else is there). The view
// follows Locale.Current(), so that a change of language made elsewhere
// (by the host, or another selector) shows at once. Each option has the
// lang attribute of its language, so that screen readers say its name
// in that language.
//
// Isolate each instance with cycle.Isolate: the selector listens to the
// change events of "select".
func LangSelect(src Sources) Sinks {
	options := make([]dom.Node, 0, len(src.Locale.Available()))
	for _, t := range src.Locale.Available() {
		options = append(options, dom.Option(dom.Attrs{"value": t.String(), "lang": t.String()}, Name(t)))
	}
	view := stream.Map(src.Locale.Current(), func(l locale.Locale) dom.Node {
		return dom.H("label.gc-langselect",
			dom.Span(l.Text("Language")),
			dom.Select(dom.Props{"value": l.Language().String()}, options),
		)
	})
	picks := stream.Map(src.DOM.Select("select").Events("change"), func(e dom.Event) string { return e.Value }).
		Filter(func(s string) bool { return s != "" })
	return Sinks{DOM: view, Language: picks}
}
