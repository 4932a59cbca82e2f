// Package dom is gocycle's DOM driver: virtual nodes and hyperscript
// helpers, a keyed diff that runs in Go and produces a compact edit list,
// backends that apply edit lists (the browser, an in-memory DOM for tests,
// HTML text), and the Source from which components select events.
//
// A view is a pure function from state to a [Node] tree, built with [H]
// or the element helpers:
//
//	Div(Class{"row": true}, Key(id),
//		Label(Attrs{"for": "h"}, "Height"),
//		Input(Attrs{"id": "h", "type": "range"}, Props{"value": "175"}))
//
// The driver diffs each new tree against the previous one in Go, with
// snabbdom's algorithm, and hands the browser the whole frame's edits in
// one call: the Go↔JavaScript boundary is crossed once per frame, not
// once per node.
//
// The drivers: DOMDriver renders into an element of the page and delegates
// its events; it exists only under GOOS=js GOARCH=wasm and needs the
// runtime web/gocycle.js in the page. MemDriver renders into a MemDOM and
// HTMLDriver into HTML text, on every platform, for tests and server-side
// rendering; MockSource gives components events in native tests, and
// MemDOM.Dispatch gives an app run with MemDriver events delegated and
// isolated as in the browser.
//
// cycle.Isolate scopes a component's Source to its own view, as Cycle.js's
// total isolation: its selectors match only its own elements, not those of
// its parent or of its isolated children, and its parent's do not match
// inside it. The roots of an isolated view carry the scope in the
// ScopeAttr attribute; a component whose view is its isolated child's view
// adds its scope after the child's, and the root stays the child's.
package dom
