package dom

import (
	"strings"

	"github.com/gocycle/gocycle/cycle/stream"
)

// MockSelector is what a mocked selector answers: event streams by event
// type, and the elements.
type MockSelector struct {
	Events   map[string]*stream.Stream[Event]
	Elements *stream.Stream[[]Element]
}

// MockConfig maps a selector chain to what it answers. The key is the
// selectors given to Select, joined by a space: Select(".list").Select("li")
// is ".list li". A source isolated with scope s starts its chain with
// "@s", so Isolate(child, "a")'s Select(".ok") is "@a .ok"; nested
// isolation joins the scopes with "/": "@outer/inner .ok". A "%", "/" or
// ASCII whitespace in a scope is escaped as in a URL ("a b" is "@a%20b").
// A MockSource answers by chain only and never looks at views or their
// scope marks: test how isolated views and events meet with MemDriver and
// MemDOM.Dispatch.
type MockConfig map[string]MockSelector

// MockSource returns a Source for testing a component natively, without a
// browser, as Cycle.js's mockDOMSource does: Events and Elements return
// the streams configured for the selector chain (their values, errors and
// completion), and streams that complete at once for chains and event
// types left out.
func MockSource(c MockConfig) *Source {
	return &Source{b: mockBackend(c)}
}

type mockBackend MockConfig

// chain is the MockConfig key of a source.
func chain(scope string, sels []string) string {
	parts := make([]string, 0, len(sels)+1)
	if scope != "" {
		parts = append(parts, "@"+scope)
	}
	return strings.Join(append(parts, sels...), " ")
}

// listen, elements and rendered are never used: Source asks a mock for
// its streams directly, so that errors and completion come through.
func (m mockBackend) listen(listenSpec, func(Event)) (func(), error) { return func() {}, nil }
func (m mockBackend) elements(string, []string) []Element            { return nil }
func (m mockBackend) rendered() *stream.Stream[struct{}]             { return stream.Never[struct{}]() }

func (m mockBackend) mockEvents(scope string, sels []string, typ string) *stream.Stream[Event] {
	if s := m[chain(scope, sels)].Events[typ]; s != nil {
		return s
	}
	return stream.Empty[Event]()
}

func (m mockBackend) mockElements(scope string, sels []string) *stream.Stream[[]Element] {
	if s := m[chain(scope, sels)].Elements; s != nil {
		return s
	}
	return stream.Empty[[]Element]()
}
