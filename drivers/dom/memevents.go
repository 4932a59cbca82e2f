package dom

import (
	"errors"
	"strings"

	"github.com/gocycle/gocycle/cycle"
)

// memEvents are the delegated listeners of the app that renders into a
// MemDOM with MemDriver. They are touched only on the app's loop.
type memEvents struct {
	loop *cycle.Loop
	list []*memListener // in the order they were registered
}

// memListener is one Events stream of the app, as gocycle.js's listen
// keeps it.
type memListener struct {
	spec       listenSpec
	sels       []memSelector
	capture    bool // listened to in the capture phase
	targetOnly bool // a non-bubbling type, not captured on purpose: the target only
	emit       func(Event)
	live       bool
}

// nonBubbling are the event types that do not bubble, which the browser
// runtime (NON_BUBBLING in web/gocycle.js) always listens to in the
// capture phase.
var nonBubbling = map[string]bool{
	"focus": true, "blur": true, "mouseenter": true, "mouseleave": true, "pointerenter": true, "pointerleave": true,
	"load": true, "error": true, "abort": true, "scroll": true, "scrollend": true, "toggle": true, "invalid": true,
	"cancel": true, "close": true, "loadstart": true, "progress": true, "loadend": true, "loadeddata": true,
	"loadedmetadata": true, "canplay": true, "canplaythrough": true, "play": true, "pause": true, "playing": true,
	"ended": true, "seeking": true, "seeked": true, "timeupdate": true, "volumechange": true, "ratechange": true,
	"durationchange": true, "stalled": true, "suspend": true, "waiting": true, "emptied": true,
	"gotpointercapture": true, "lostpointercapture": true,
}

// listen registers a listener, on the app's loop, as gocycle.js's listen.
func (e *memEvents) listen(spec listenSpec, emit func(Event)) (func(), error) {
	sels := make([]memSelector, len(spec.Selectors))
	for i, s := range spec.Selectors {
		var err error
		if sels[i], err = parseMemSelector(s); err != nil {
			return nil, err
		}
	}
	own := spec.Capture
	nb := nonBubbling[spec.Type]
	l := &memListener{spec: spec, sels: sels, capture: own || nb, targetOnly: nb && !own, emit: emit, live: true}
	e.list = append(e.list, l)
	return func() {
		if !l.live {
			return
		}
		l.live = false
		for i, x := range e.list {
			if x == l {
				e.list = append(e.list[:i:i], e.list[i+1:]...)
				break
			}
		}
	}, nil
}

// Dispatch makes an event of ev.Type happen on target, a node of m, and
// delivers it to the Events streams of the app that renders into m with
// [MemDriver], as the browser runtime's delegation does (web/gocycle.js):
// a listener gets the event once for every element on the path from
// target to the container that it matches, from the container down for
// listeners in the capture phase, then from target up for the others
// (unless ev.Type does not bubble), and StopPropagation stops it at the
// matched element. Isolation is that of the browser: a selector of an
// isolated source matches only the elements its scope owns (see
// [ScopeAttr]), and a source with no selector matches its scope's roots.
//
// Each delivery gets ev with the matched element's dataset (its data-*
// attributes) as Dataset, and TargetTag set to target's tag if ev has
// none. Selectors are matched in Go, which knows tags, *, #ids, .classes
// (from Class and from the class attribute), [attr], [attr=v], [attr~=v]
// and the descendant and child combinators; an Events stream with another
// selector fails with a *SelectorError, as one the browser refuses does.
// Elements of the container and above it match no selector.
//
// Dispatch returns once the app has handled the event and rendered what
// it changed. Call it from outside the app's loop (a test's goroutine),
// after the view that holds target has been rendered. It returns an
// error if no app renders into m or target is not in m's container.
func (m *MemDOM) Dispatch(target *MemNode, ev Event) error {
	e := m.events.Load()
	if e == nil {
		return errors.New("dom: MemDOM.Dispatch: no app renders into this MemDOM with MemDriver")
	}
	var err error
	ran := e.loop.Do(func() { err = m.dispatch(e, target, ev) })
	if !ran {
		return errors.New("dom: MemDOM.Dispatch: the app has stopped")
	}
	// The frame the event caused was posted while it was handled: it has
	// run once a task posted after it has.
	e.loop.Do(func() {})
	return err
}

func (m *MemDOM) dispatch(e *memEvents, target *MemNode, ev Event) error {
	if target == nil {
		return errors.New("dom: MemDOM.Dispatch: the target is nil")
	}
	n := target
	if n.kind == kindText {
		n = n.parent
	}
	// path[0] is the target, path[last] the container.
	var path []*MemNode
	for ; n != nil && n != &m.root; n = n.parent {
		path = append(path, n)
	}
	if n != &m.root {
		return errors.New("dom: MemDOM.Dispatch: the target is not in the MemDOM's container")
	}
	path = append(path, &m.root)
	last := len(path) - 1
	scopes := make([]string, len(path))
	roots := make([]int, len(path))
	marks := make([][]string, len(path))
	scope, root := "", last
	roots[last] = last
	for k := last - 1; k >= 0; k-- {
		if mark, ok := path[k].attrs[ScopeAttr]; ok {
			marks[k] = markScopes(mark)
			scope, root = ownScope(mark), k
		}
		scopes[k], roots[k] = scope, root
	}
	if ev.TargetTag == "" {
		ev.TargetTag = path[0].tag
	}
	for _, capture := range []bool{true, false} {
		if !capture && nonBubbling[ev.Type] {
			break
		}
		var group []*memListener
		for _, l := range e.list {
			if l.spec.Type == ev.Type && l.capture == capture {
				group = append(group, l)
			}
		}
		if len(group) == 0 {
			continue
		}
		k, step := 0, 1
		if capture {
			k, step = last, -1
		}
		for ; k >= 0 && k <= last; k += step {
			stop := false
			for _, l := range group {
				if (l.targetOnly && k != 0) || !l.live || !l.matchesAt(path, scopes, roots, marks, k) {
					continue
				}
				if l.spec.StopPropagation {
					stop = true
				}
				d := ev
				d.Dataset = path[k].dataset()
				l.emit(d)
			}
			if stop {
				return nil // as if the matched element had stopped the event
			}
		}
	}
	return nil
}

// matchesAt is gocycle.js's matchesAt: whether l matches path[k].
func (l *memListener) matchesAt(path []*MemNode, scopes []string, roots []int, marks [][]string, k int) bool {
	last := len(path) - 1
	if len(l.sels) == 0 {
		if l.spec.Scope == "" {
			return k == last
		}
		for _, s := range marks[k] {
			if s == l.spec.Scope {
				return true
			}
		}
		return false
	}
	if scopes[k] != l.spec.Scope || k == last || !l.sels[len(l.sels)-1].matches(path[k]) {
		return false
	}
	s := len(l.sels) - 2
	top := min(roots[k], last-1) // the container is never matched
	for j := k + 1; s >= 0 && j <= top; j++ {
		if l.sels[s].matches(path[j]) {
			s--
		}
	}
	return s < 0
}

// dataset is the element's dataset: its data-* attributes by camel-cased
// name, or nil.
func (n *MemNode) dataset() map[string]string {
	var ds map[string]string
	for k, v := range n.attrs {
		name, ok := strings.CutPrefix(k, "data-")
		if !ok {
			continue
		}
		var b strings.Builder
		for i := 0; i < len(name); i++ {
			if name[i] == '-' && i+1 < len(name) && name[i+1] >= 'a' && name[i+1] <= 'z' {
				b.WriteByte(name[i+1] - 'a' + 'A')
				i++
				continue
			}
			b.WriteByte(name[i])
		}
		if ds == nil {
			ds = map[string]string{}
		}
		ds[b.String()] = v
	}
	return ds
}

// memSelector is a parsed selector: compound selectors, each with the
// combinator that joins it to the one before (' ' or '>').
type memSelector []memCompound

type memCompound struct {
	comb    byte   // ' ' descendant or '>' child of the previous compound; 0 for the first
	tag     string // "" or "*" for any
	id      string
	classes []string
	attrs   []memAttr
}

type memAttr struct {
	name, op, value string // op is "", "=" or "~="
}

// parseMemSelector parses the selectors MemDOM can match.
func parseMemSelector(sel string) (memSelector, error) {
	bad := func() (memSelector, error) {
		return nil, &SelectorError{Selector: sel, Reason: "MemDOM matches only tags, *, #ids, .classes, [attr], [attr=v], [attr~=v] " +
			"and the descendant and child combinators: test this selector in a browser"}
	}
	var out memSelector
	s := strings.TrimSpace(sel)
	comb := byte(0)
	for s != "" {
		var c memCompound
		c.comb = comb
		i := identEnd(s, 0)
		if i == 0 && s[0] == '*' {
			i = 1
		}
		c.tag = s[:i]
		for i < len(s) && s[i] != ' ' && s[i] != '>' {
			switch s[i] {
			case '#', '.':
				j := identEnd(s, i+1)
				if j == i+1 {
					return bad()
				}
				if s[i] == '#' {
					c.id = s[i+1 : j]
				} else {
					c.classes = append(c.classes, s[i+1:j])
				}
				i = j
			case '[':
				end := strings.IndexByte(s[i:], ']')
				if end < 0 {
					return bad()
				}
				a, ok := parseMemAttr(s[i+1 : i+end])
				if !ok {
					return bad()
				}
				c.attrs = append(c.attrs, a)
				i += end + 1
			default:
				return bad()
			}
		}
		if c.tag == "" && c.id == "" && len(c.classes) == 0 && len(c.attrs) == 0 {
			return bad()
		}
		out = append(out, c)
		s = strings.TrimLeft(s[i:], " ")
		comb = ' '
		if strings.HasPrefix(s, ">") {
			comb = '>'
			s = strings.TrimLeft(s[1:], " ")
			if s == "" {
				return bad()
			}
		}
	}
	if len(out) == 0 {
		return bad()
	}
	return out, nil
}

// identEnd returns the end of the CSS identifier (letters, digits, - and
// _, and anything not ASCII) that starts at i in s.
func identEnd(s string, i int) int {
	for ; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 0x80) {
			break
		}
	}
	return i
}

func parseMemAttr(s string) (memAttr, bool) {
	var a memAttr
	i := identEnd(s, 0)
	a.name = s[:i]
	if a.name == "" {
		return a, false
	}
	switch rest := s[i:]; {
	case rest == "":
		return a, true
	case strings.HasPrefix(rest, "~="):
		a.op, rest = "~=", rest[2:]
		a.value = rest
	case strings.HasPrefix(rest, "="):
		a.op, rest = "=", rest[1:]
		a.value = rest
	default:
		return a, false
	}
	if v := a.value; len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		a.value = v[1 : len(v)-1]
		return a, !strings.ContainsAny(a.value, "\"'\\")
	}
	return a, a.value != "" && identEnd(a.value, 0) == len(a.value)
}

// matches reports whether n matches the selector, its ancestors the
// compounds before the last. The container and what is above it match
// nothing.
func (sel memSelector) matches(n *MemNode) bool {
	return sel.matchFrom(len(sel)-1, n)
}

func (sel memSelector) matchFrom(i int, n *MemNode) bool {
	if n == nil || !sel[i].matches(n) {
		return false
	}
	if i == 0 {
		return true
	}
	if sel[i].comb == '>' {
		return sel.matchFrom(i-1, n.parent)
	}
	for a := n.parent; a != nil; a = a.parent {
		if sel.matchFrom(i-1, a) {
			return true
		}
	}
	return false
}

func (c *memCompound) matches(n *MemNode) bool {
	if n.kind == kindText || n.tag == "" { // the container has no tag
		return false
	}
	if c.tag != "" && c.tag != "*" {
		if n.ns == "" && !strings.EqualFold(c.tag, n.tag) || n.ns != "" && c.tag != n.tag {
			return false
		}
	}
	if c.id != "" {
		if id, _ := n.Attr("id"); id != c.id {
			return false
		}
	}
	for _, cl := range c.classes {
		if !n.class[cl] && !hasWord(n.attrs["class"], cl) {
			return false
		}
	}
	for _, a := range c.attrs {
		v, ok := n.Attr(a.name)
		switch {
		case !ok:
			return false
		case a.op == "=" && v != a.value, a.op == "~=" && !hasWord(v, a.value):
			return false
		}
	}
	return true
}

// hasWord reports whether w is one of the whitespace-separated words of s.
func hasWord(s, w string) bool {
	for _, x := range markScopes(s) {
		if x == w {
			return true
		}
	}
	return false
}
