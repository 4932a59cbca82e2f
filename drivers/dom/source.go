package dom

import (
	"strings"

	"github.com/gocycle/gocycle/cycle/stream"
)

// Event is a DOM event as a component sees it: the values a handler
// needs, copied out of the browser's event when it happened, so that
// components never touch syscall/js and can be tested natively.
type Event struct {
	// Type is the event type, such as "click" or "input".
	Type string
	// Value is the target's value (inputs, selects, textareas), or "".
	Value string
	// Number is the target's value as a number: valueAsNumber for number
	// and range inputs, else Value parsed as a float; NaN when it is not
	// a number.
	Number float64
	// Checked is the target's checked property (checkboxes, radios).
	Checked bool
	// Key and Code are those of keyboard events.
	Key, Code string
	// Modifier keys held during the event.
	Alt, Ctrl, Meta, Shift bool
	// Pointer coordinates, for mouse and pointer events.
	ClientX, ClientY, OffsetX, OffsetY float64
	// Dataset is the dataset of the element that matched the selector
	// (the event's current target), such as {"rowId": "7"} for
	// data-row-id="7".
	Dataset map[string]string
	// TargetTag is the tag name of the element the event happened on,
	// in lower case for HTML.
	TargetTag string
}

// EventOption changes how a source listens to events.
type EventOption func(*listenSpec)

// Capture listens in the capture phase instead of the bubbling one.
// Events that do not bubble (focus, blur, mouseenter, ...) are always
// listened to in the capture phase, since delegation needs it.
func Capture() EventOption { return func(l *listenSpec) { l.Capture = true } }

// Passive tells the browser the listener never prevents the default
// action, which keeps scrolling smooth for touch and wheel events.
// PreventDefault has no effect on a passive listener.
func Passive() EventOption { return func(l *listenSpec) { l.Passive = true } }

// PreventDefault prevents the event's default action. It is applied in
// the browser's event handler, synchronously, where it still works;
// calling anything on an Event later would be too late.
func PreventDefault() EventOption { return func(l *listenSpec) { l.PreventDefault = true } }

// StopPropagation stops the event at the matched element, in the
// browser's event handler.
func StopPropagation() EventOption { return func(l *listenSpec) { l.StopPropagation = true } }

// listenSpec is one listener as the backend registers it: which events,
// under which scope, on elements matching which selector chain.
type listenSpec struct {
	Type      string
	Scope     string   // innermost isolation scope, "" for the app's root
	Selectors []string // each a CSS selector, each a descendant of the previous

	Capture, Passive, PreventDefault, StopPropagation bool
}

// backend is what a Source asks of the driver that made it.
type backend interface {
	// listen starts delivering matching events to emit, on the app's
	// loop, until cancel is called; or returns why it cannot, such as a
	// selector the browser does not accept.
	listen(spec listenSpec, emit func(Event)) (cancel func(), err error)
	// elements returns the elements that match, in document order.
	elements(scope string, selectors []string) []Element
	// rendered is a stream that emits after every patch of the DOM.
	rendered() *stream.Stream[struct{}]
}

// Source is the DOM driver's source: it selects elements of the app's
// view and gives their events. Select narrows it, as Cycle.js's
// DOM.select does; cycle.Isolate scopes it to one component's view.
type Source struct {
	b     backend
	scope string
	sels  []string
}

// ScopeAttr is the attribute that marks the root elements of an isolated
// component's view with its scope. Selectors of an isolated source match
// only inside that component's own elements, not inside the views of
// isolated children; selectors of its parent do not match inside it.
//
// Its value is a list of scopes separated by spaces, innermost first:
// when a component's view is its isolated child's view (the same root
// element, or a Fragment that holds it), the root keeps the child's scope
// and the parent's is added after it, as in
// data-cycle-scope="outer/inner outer". The first scope owns the element
// and everything in it up to the next mark: only that scope's selectors
// match there. Every scope of the list has the element as a root, which
// is what an Events or Elements of a source with no selector gives.
// Scopes are escaped so that they hold no space or "/" of their own (see
// Source.IsolateSource).
const ScopeAttr = "data-cycle-scope"

// Select returns a source narrowed to the elements that match the CSS
// selector and are descendants of what s already selects. A selector
// with a comma (a selector list) is refused by Events and Elements with
// an error on the stream, because its parts would be matched against
// different ancestors; select each part on its own and Merge.
func (s *Source) Select(selector string) *Source {
	sels := make([]string, len(s.sels), len(s.sels)+1)
	copy(sels, s.sels)
	return &Source{b: s.b, scope: s.scope, sels: append(sels, strings.TrimSpace(selector))}
}

// Events returns the events of type typ that happen on, or bubble up
// through, the selected elements. The listener is registered in the
// browser when the stream gets its first listener and removed when it
// loses its last. The stream never completes on its own; it fails with
// an error when the browser cannot listen, as for a selector that is not
// valid CSS ("p:::x"), which reaches the app's error hook through the
// sink it flows into unless the app handles it (ReplaceError).
func (s *Source) Events(typ string, opts ...EventOption) *stream.Stream[Event] {
	spec := listenSpec{Type: typ, Scope: s.scope, Selectors: s.sels}
	for _, o := range opts {
		o(&spec)
	}
	if err := checkSelectors(s.sels); err != nil {
		return stream.Throw[Event](err)
	}
	if m, ok := s.b.(mockBackend); ok {
		return m.mockEvents(s.scope, s.sels, typ)
	}
	var cancel func()
	return stream.Create(stream.NewProducer(func(l stream.Listener[Event]) {
		var err error
		if cancel, err = s.b.listen(spec, l.Next); err != nil {
			cancel = nil
			l.Error(err)
		}
	}, func() {
		if cancel != nil {
			cancel()
			cancel = nil
		}
	}))
}

// Elements returns a memory stream of the selected elements, in document
// order, emitted after every render of the view.
func (s *Source) Elements() *stream.Stream[[]Element] {
	if err := checkSelectors(s.sels); err != nil {
		return stream.Throw[[]Element](err)
	}
	scope, sels := s.scope, s.sels
	if m, ok := s.b.(mockBackend); ok {
		return m.mockElements(scope, sels)
	}
	return stream.Map(s.b.rendered(), func(struct{}) []Element { return s.b.elements(scope, sels) }).Remember()
}

// Element returns a memory stream of the first selected element, emitted
// after every render in which there is one.
func (s *Source) Element() *stream.Stream[Element] {
	return stream.Map(s.Elements().Filter(func(es []Element) bool { return len(es) > 0 }),
		func(es []Element) Element { return es[0] }).Remember()
}

// IsolateSource returns s scoped to scope, for cycle.Isolate. Isolating
// an isolated source nests the scopes: Isolate(c, "inner") inside
// Isolate(p, "outer") has the scope "outer/inner", and isolation is
// total, as in Cycle.js: the inner component sees the events of its own
// elements only, and the outer one does not see the inner's.
func (s *Source) IsolateSource(scope string) any {
	return &Source{b: s.b, scope: joinScope(s.scope, scope)}
}

// IsolateSink marks the root elements of every view on sink, a
// *stream.Stream[Node], with scope, for cycle.Isolate. The view's root
// must be an element, or a Fragment of elements; other nodes are left
// unmarked and so belong to the parent. A root that an isolated child
// marked already (the component returned its child's view, or put it in
// a Fragment) stays the child's: scope is added to its mark after the
// child's (see [ScopeAttr]), so that the child's listeners still see its
// events and the component's selectors still do not match inside it.
func (s *Source) IsolateSink(sink any, scope string) any {
	views, ok := sink.(*stream.Stream[Node])
	if !ok {
		return sink
	}
	full := joinScope(s.scope, scope)
	return stream.Map(views, func(n Node) Node { return markScope(n, full) })
}

// escapeScope escapes what would make a scope two, as a URL does: a "/"
// (nesting) or the ASCII whitespace that separates the scopes of a mark,
// and "%".
func escapeScope(scope string) string {
	var b []byte
	for i := 0; i < len(scope); i++ {
		c := scope[i]
		if c == '%' || c == '/' || isScopeSpace(c) {
			if b == nil {
				b = append(make([]byte, 0, len(scope)+8), scope[:i]...)
			}
			b = append(b, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		} else if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return scope
	}
	return string(b)
}

// isScopeSpace reports whether c is ASCII whitespace, which separates the
// scopes of a mark as it separates the words of CSS's [attr~=v].
func isScopeSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// joinScope nests scope in parent, so that two instances of a component
// isolated under different parents never share a scope. A "/" in scope
// is escaped, so that Isolate(c, "a/b") is not "b" nested in "a", and so
// is whitespace, which separates the scopes of a mark.
func joinScope(parent, scope string) string {
	scope = escapeScope(scope)
	if parent == "" {
		return scope
	}
	return parent + "/" + scope
}

// markScope returns n with scope added to the ScopeAttr of its root
// element, or of each element of a fragment (see addScope). The vnode is
// copied, never changed, since the same Node may be in the previous tree.
func markScope(n Node, scope string) Node {
	if n.v == nil {
		return n
	}
	switch n.v.kind {
	case kindThunk:
		// Mark what the thunk renders, keeping its key and args: an
		// isolated row whose view is a Thunk is still isolated.
		return Node{wrapThunk(n.v, func(r *vnode) *vnode { return markScope(Node{r}, scope).v })}
	case kindElement, kindRaw:
		c := *n.v
		c.attrs = make(map[string]string, len(n.v.attrs)+1)
		for k, v := range n.v.attrs {
			c.attrs[k] = v
		}
		c.attrs[ScopeAttr] = addScope(n.v.attrs[ScopeAttr], scope)
		return Node{&c}
	case kindFragment:
		cs := make([]Node, len(n.v.children))
		for i, ch := range n.v.children {
			cs[i] = markScope(ch, scope)
		}
		return Node{&vnode{kind: kindFragment, children: cs}}
	}
	return n
}

// addScope adds scope to the mark of a root element. A root marked
// already is the root of an isolated child's view that the component
// returned as its own: it stays the child's, whose scope comes first, and
// it is also a root of scope, listed after.
func addScope(mark, scope string) string {
	if mark == "" {
		return scope
	}
	for _, s := range markScopes(mark) {
		if s == scope {
			return mark
		}
	}
	return mark + " " + scope
}

// markScopes splits a mark into its scopes, at ASCII whitespace.
func markScopes(mark string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(mark); i++ {
		if i == len(mark) || isScopeSpace(mark[i]) {
			if start >= 0 {
				out = append(out, mark[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// ownScope is the scope that owns an element with the ScopeAttr mark:
// its first.
func ownScope(mark string) string {
	if ss := markScopes(mark); len(ss) > 0 {
		return ss[0]
	}
	return ""
}

func checkSelectors(sels []string) error {
	for _, sel := range sels {
		if sel == "" {
			return &SelectorError{Selector: sel, Reason: "empty selector"}
		}
		if strings.Contains(sel, ",") {
			return &SelectorError{Selector: sel, Reason: "selector lists (a, b) are not supported: select each part and Merge the streams"}
		}
	}
	return nil
}

// SelectorError is the error on the streams of a source whose selector
// cannot be used.
type SelectorError struct {
	Selector string
	Reason   string
}

// Error names the selector and what is wrong with it.
func (e *SelectorError) Error() string {
	return "dom: Select(" + quote(e.Selector) + "): " + e.Reason
}

func quote(s string) string { return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\"" }
