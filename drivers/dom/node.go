package dom

import (
	"reflect"
	"strconv"
	"strings"
)

// Namespaces of elements that are not HTML.
const (
	SVGNamespace    = "http://www.w3.org/2000/svg"
	MathMLNamespace = "http://www.w3.org/1998/Math/MathML"
)

// Node is a virtual DOM node: an element, a text, a fragment (a list of
// nodes that takes no element of its own), raw HTML, or a thunk. Nodes are
// made with [H], the element helpers ([Div], [Input], ...), [Text],
// [Fragment], [Raw] and [Thunk], and are values: a view builds a new tree
// for every state, and the driver diffs it against the previous one.
//
// The zero Node is nothing: as a child it renders no node, which is
// handy for optional parts of a view.
type Node struct{ v *vnode }

type kind uint8

const (
	kindElement kind = iota + 1
	kindText
	kindRaw
	kindThunk
	kindFragment
)

// vnode is what a Node points to. A vnode is never changed once the
// function that made it returns (but for a thunk's cached rendering): the
// Patcher keeps the ids of real nodes in a tree of its own, so one Node
// may be used at several places, and in consecutive trees.
type vnode struct {
	kind  kind
	tag   string // lower-case for HTML; as written for SVG (viewBox, foreignObject)
	ns    string // "" for HTML
	key   string
	keyed bool
	text  string // text node data, or the HTML of a Raw node

	attrs map[string]string // includes id and data-* from Dataset
	props map[string]any    // string, float64 or bool
	class map[string]bool   // from the selector and Class
	style map[string]string
	hooks *Hooks

	children []Node // flattened: no fragment and no zero Node in here

	thunk *thunk
}

type thunk struct {
	render func() Node
	fn     uintptr // the code of the render function given to Thunk, kept by wrapThunk
	args   []any
	node   Node // what render returned, once rendered
}

// IsZero reports whether n is the zero Node, which renders nothing.
func (n Node) IsZero() bool { return n.v == nil }

// Tag returns the element's tag name ("div", "svg", ...), or "" for a
// node that is not an element.
func (n Node) Tag() string {
	if n.v == nil || (n.v.kind != kindElement && n.v.kind != kindRaw) {
		return ""
	}
	return n.v.tag
}

// Key returns the node's key and whether it has one.
func (n Node) Key() (string, bool) {
	if n.v == nil {
		return "", false
	}
	return n.v.key, n.v.keyed
}

// Text returns the data of a text node, and "" for any other node.
func (n Node) Text() string {
	if n.v == nil || n.v.kind != kindText {
		return ""
	}
	return n.v.text
}

// Children returns the element's children, fragments flattened. The
// slice must not be changed.
func (n Node) Children() []Node {
	if n.v == nil || n.v.kind != kindElement {
		return nil
	}
	return n.v.children
}

// Attr returns the value of an attribute of an element.
func (n Node) Attr(name string) (string, bool) {
	if n.v == nil {
		return "", false
	}
	v, ok := n.v.attrs[name]
	return v, ok
}

// HasClass reports whether the element has the class c.
func (n Node) HasClass(c string) bool { return n.v != nil && n.v.class[c] }

// Text returns a text node. Its data is set as text in every backend,
// never parsed as HTML.
func Text(s string) Node { return Node{&vnode{kind: kindText, text: s}} }

// Fragment returns a list of nodes that takes no element of its own: its
// nodes become children of the element it is put in.
func Fragment(children ...Node) Node {
	return Node{&vnode{kind: kindFragment, children: flattenNodes(nil, children)}}
}

// Raw returns an element with tag whose content is the HTML html, parsed
// by the browser as it is. Everything else in gocycle sets text as text;
// Raw is the one way to put markup from a string into the page, and html
// must come from a source you trust, never from user input: it can run
// scripts. The HTML backend writes html unescaped. Raw panics on an
// invalid tag name, as H does.
//
// A Raw node is always an HTML element, even under an svg: H and HNS do
// not put it in a namespace, the browser makes it with createElement and
// parses html as HTML. Put SVG markup in with a whole svg element, which
// the HTML parser puts in the SVG namespace: Raw("span", "<svg>…</svg>")
// where HTML may go (outside an svg, or in a foreignObject). ToHTML,
// whose output a parser reads again, is no guide here: there, a Raw tag
// under an svg would be parsed as SVG.
func Raw(tag, html string) Node {
	if !validName(tag) {
		panic("dom: Raw(" + strconv.Quote(tag) + ", ...): invalid tag name")
	}
	return Node{&vnode{kind: kindRaw, tag: strings.ToLower(tag), text: html}}
}

// Thunk returns a node that renders only when it must: the first time,
// and whenever its render function or its args differ from those of the
// thunk with the same key at the same place in the previous tree.
// Otherwise the previous rendering is reused and its subtree is not
// diffed at all, which is what makes long lists of rows cheap to
// re-render when one row changes.
//
// Args are compared with ==; args that cannot be compared (slices, maps,
// funcs) count as changed every time. Render functions are compared by
// their code, as snabbdom compares its thunks' fn: a thunk that switches
// from one view function to another (editView, readView) renders again,
// but two closures made by the same function literal, or two method
// values of the same method, are the same render function whatever they
// capture. So render must depend on nothing but args: a closure over
// anything else would be skipped when that changes. The compiler makes a
// copy of a function literal wherever it inlines the function around it:
// thunks made by one helper called from two places in the view may count
// as two render functions and render again when they trade places, which
// costs time, never correctness.
func Thunk(key string, render func() Node, args ...any) Node {
	var fn uintptr
	if render != nil {
		fn = reflect.ValueOf(render).Pointer()
	}
	return Node{&vnode{kind: kindThunk, key: key, keyed: true, thunk: &thunk{render: render, fn: fn, args: args}}}
}

// wrapThunk returns a copy of the thunk t whose rendering, resolved as the
// diff resolves it (nested thunks rendered, a Fragment of one node
// unwrapped), goes through f. The key and args are kept, so that the diff
// still skips the thunk while its args do not change.
func wrapThunk(t *vnode, f func(*vnode) *vnode) *vnode {
	inner := t
	c := *t
	th := *t.thunk
	th.render = func() Node { return Node{f(render(inner))} }
	th.node = Node{}
	c.thunk = &th
	return &c
}

// flattenNodes appends ns to dst with fragments spliced in and zero nodes
// left out.
func flattenNodes(dst, ns []Node) []Node {
	for _, n := range ns {
		switch {
		case n.v == nil:
		case n.v.kind == kindFragment:
			dst = append(dst, n.v.children...)
		default:
			dst = append(dst, n)
		}
	}
	return dst
}
