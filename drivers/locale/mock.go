package locale

import "github.com/gocycle/gocycle/cycle/stream"

// MockSource returns a Source for testing a component natively, without
// running an app, as dom.MockSource does for the DOM: Current is a memory
// stream of what locales emits (locales made with cat's [Catalog.Match]),
// Text follows it, Available is cat's languages, and Errors never emits.
// The component's Locale sink, if it has one, is the test's to read.
// cat must not be nil.
func MockSource(cat *Catalog, locales *stream.Stream[Locale]) *Source {
	return &Source{cat: cat, current: locales.Remember(), errs: stream.Never[error]()}
}
