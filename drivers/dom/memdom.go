package dom

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// MemDOM is an in-memory DOM that applies edit lists as the browser
// runtime does, for tests: of components, without a browser, and of the
// diff itself. It checks each list strictly, so that a list it accepts is
// one the browser runtime can apply.
//
// Attributes, properties, classes and styles are kept apart, as the edit
// list sets them: the class attribute and the classes are not merged.
// Attribute names of HTML elements are lower-cased, as the browser and
// ToHTML do; those of SVG elements keep their case (viewBox).
//
// An app that renders into a MemDOM with [MemDriver] gets the events that
// [MemDOM.Dispatch] makes happen in it.
type MemDOM struct {
	root  MemNode // the container, node 0
	nodes map[uint32]*MemNode
	freed map[uint32]bool // ids freed by the list being applied
	mark  uint32          // marks nodes once each while a freed-id list is checked

	// events are the listeners of the app that renders into the MemDOM
	// with MemDriver, for Dispatch.
	events atomic.Pointer[memEvents]
}

// MemNode is a node of a MemDOM. Pointers to MemNodes are stable: the
// same real node is the same *MemNode for as long as it lives, which is
// how tests check that a keyed node was moved rather than made again.
type MemNode struct {
	id       uint32
	kind     kind // kindElement, kindText or kindRaw
	tag, ns  string
	text     string // a text node's data, a raw element's HTML
	attrs    map[string]string
	props    map[string]any
	class    map[string]bool // only the classes that are on
	style    map[string]string
	parent   *MemNode
	children []*MemNode
	mark     uint32
}

// NewMemDOM returns a MemDOM whose container is empty.
func NewMemDOM() *MemDOM {
	m := &MemDOM{nodes: map[uint32]*MemNode{}, freed: map[uint32]bool{}}
	m.root.kind = kindElement
	return m
}

// MemDOMFrom returns the MemDOM whose container holds n, built from the
// tree directly rather than through the diff: what applying any correct
// edit list that ends in n must give. Thunks are rendered, as the diff
// renders them.
func MemDOMFrom(n Node) *MemDOM {
	m := NewMemDOM()
	var list []Node
	switch {
	case n.v == nil:
	case n.v.kind == kindFragment:
		list = n.v.children
	default:
		list = []Node{n}
	}
	for _, c := range list {
		m.root.append(m.build(c.v))
	}
	return m
}

// build makes the node for v and its subtree, with the strings made
// valid UTF-8 as the edit list's string table makes them.
func (m *MemDOM) build(v *vnode) *MemNode {
	if v.kind == kindThunk {
		v = render(v)
	}
	n := &MemNode{id: uint32(len(m.nodes) + 1), kind: v.kind, tag: validUTF8(v.tag), ns: validUTF8(v.ns), text: validUTF8(v.text)}
	m.nodes[n.id] = n
	if v.kind == kindText {
		return n
	}
	for k, val := range v.attrs {
		n.setMap(&n.attrs, n.attrName(validUTF8(k)), validUTF8(val))
	}
	for k, val := range v.props {
		if s, ok := val.(string); ok {
			val = validUTF8(s)
		}
		if n.props == nil {
			n.props = map[string]any{}
		}
		n.props[validUTF8(k)] = val
	}
	for k, on := range v.class {
		if on {
			n.setClass(validUTF8(k), true)
		}
	}
	for k, val := range v.style {
		n.setMap(&n.style, validUTF8(k), validUTF8(val))
	}
	if v.kind == kindElement {
		for _, c := range v.children {
			n.append(m.build(c.v))
		}
	}
	return n
}

// Reset empties the container and forgets every node, as the drivers do
// after a frame that failed half-way (see [MemDriver]): the next edit
// list starts from an empty container, as from [NewMemDOM].
func (m *MemDOM) Reset() {
	for _, c := range m.root.children {
		c.parent = nil
	}
	m.root.children = nil
	clear(m.nodes)
	clear(m.freed)
}

// Element returns the element of the node id, or nil if there is no
// such node or it is not an element. The container, node 0, has none.
func (m *MemDOM) Element(id uint32) Element {
	if n := m.nodes[id]; n != nil && n.kind != kindText {
		return n
	}
	return nil
}

// NodeAt returns the node at path, a list of child indexes from the
// container (NodeAt(0, 2) is the third child of the first node), or nil.
func (m *MemDOM) NodeAt(path ...int) *MemNode {
	n := &m.root
	for _, i := range path {
		if i < 0 || i >= len(n.children) {
			return nil
		}
		n = n.children[i]
	}
	return n
}

// String returns the content of the container in a canonical form, the
// same for equal DOMs whatever edits made them: see [MemNode.String].
func (m *MemDOM) String() string {
	var b strings.Builder
	for _, c := range m.root.children {
		c.dump(&b)
	}
	return b.String()
}

// ID returns the node's id in the edit lists; 0 is the container.
func (n *MemNode) ID() uint32 { return n.id }

// TagName returns the element's tag, or "" for a text node.
func (n *MemNode) TagName() string { return n.tag }

// Text returns a text node's data, or a raw element's HTML.
func (n *MemNode) Text() string { return n.text }

// Attr returns the value of an attribute of an element. As in the
// browser, the names of the attributes of an HTML element are lower case
// (setAttribute("viewBox") sets viewbox, and Attr("viewBox") reads it),
// while those of SVG and other elements keep their case.
func (n *MemNode) Attr(name string) (string, bool) {
	v, ok := n.attrs[n.attrName(name)]
	return v, ok
}

// attrName is name as the browser names an attribute of n: lower case
// for an HTML element, as written for the others.
func (n *MemNode) attrName(name string) string {
	if n.ns == "" {
		return strings.ToLower(name)
	}
	return name
}

// Parent returns the node's parent: an element, the container (node 0),
// or nil for the container and a node that is not in the MemDOM.
func (n *MemNode) Parent() *MemNode { return n.parent }

// Children returns the node's children. The slice must not be changed.
func (n *MemNode) Children() []*MemNode { return n.children }

// String returns the node and its subtree in a canonical, HTML-like form:
// a text node is its data quoted as a Go string; an element is
//
//	<tag.class1.class2 attr="v" style:name="v" prop:name=v raw>...</tag>
//
// with classes, attributes, styles and properties each sorted by name,
// string values quoted as Go strings, raw for a raw element (followed by
// its HTML as it is), and the tag prefixed with svg: or math: in those
// namespaces, or with {ns} in another.
func (n *MemNode) String() string {
	var b strings.Builder
	n.dump(&b)
	return b.String()
}

func (n *MemNode) dump(b *strings.Builder) {
	if n.kind == kindText {
		b.WriteString(strconv.Quote(n.text))
		return
	}
	tag := n.tag
	switch n.ns {
	case "":
	case SVGNamespace:
		tag = "svg:" + tag
	case MathMLNamespace:
		tag = "math:" + tag
	default:
		tag = "{" + n.ns + "}" + tag
	}
	b.WriteString("<" + tag)
	for _, k := range memKeys(n.class) {
		b.WriteString("." + k)
	}
	for _, k := range memKeys(n.attrs) {
		b.WriteString(" " + k + "=" + strconv.Quote(n.attrs[k]))
	}
	for _, k := range memKeys(n.style) {
		b.WriteString(" style:" + k + "=" + strconv.Quote(n.style[k]))
	}
	for _, k := range memKeys(n.props) {
		b.WriteString(" prop:" + k + "=")
		switch v := n.props[k].(type) {
		case string:
			b.WriteString(strconv.Quote(v))
		case float64:
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		case bool:
			b.WriteString(strconv.FormatBool(v))
		}
	}
	if n.kind == kindRaw {
		b.WriteString(" raw>" + n.text)
	} else {
		b.WriteString(">")
	}
	for _, c := range n.children {
		c.dump(b)
	}
	b.WriteString("</" + tag + ">")
}

func memKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (n *MemNode) setMap(p *map[string]string, k, v string) {
	if *p == nil {
		*p = map[string]string{}
	}
	(*p)[k] = v
}

func (n *MemNode) setClass(k string, on bool) {
	if !on {
		delete(n.class, k)
		return
	}
	if n.class == nil {
		n.class = map[string]bool{}
	}
	n.class[k] = true
}

// append makes c the last child of n, taking it from its parent.
func (n *MemNode) append(c *MemNode) { n.insert(c, len(n.children)) }

// insert puts c at index i of n's children, i counted before c leaves
// its parent.
func (n *MemNode) insert(c *MemNode, i int) {
	if c.parent == n {
		j := n.index(c)
		if j < i {
			i--
		}
	}
	c.detach()
	n.children = slices.Insert(n.children, i, c)
	c.parent = n
}

func (n *MemNode) detach() {
	if p := n.parent; p != nil {
		p.children = slices.Delete(p.children, p.index(n), p.index(n)+1)
		n.parent = nil
	}
}

func (n *MemNode) index(c *MemNode) int { return slices.Index(n.children, c) }

// Apply applies the edit list e. It returns an error, and stops, at the
// first operation that is malformed or that the browser could not apply:
// an unknown op, missing operands, an unknown id or one in use, a string
// index out of range, a node put into itself or its descendant, a ref
// that is not a child of the parent, a freed-id list that is not exactly
// the removed nodes. The operations before it stay applied.
func (m *MemDOM) Apply(e *Edits) error {
	clear(m.freed)
	w := e.Words
	for i := 0; i < len(w); {
		op := Op(w[i])
		if op == 0 || op >= opEnd {
			return editError(i, op, "unknown op")
		}
		k := operands[op]
		if len(w)-i-1 < k {
			return editError(i, op, "truncated: "+strconv.Itoa(k)+" operands, "+strconv.Itoa(len(w)-i-1)+" words left")
		}
		a := w[i+1 : i+1+k]
		next := i + 1 + k
		var ids []uint32
		if op == OpRemove || op == OpClear {
			if uint64(a[1]) > uint64(len(w)-next) {
				return editError(i, op, "truncated: "+itoa(a[1])+" freed ids, "+strconv.Itoa(len(w)-next)+" words left")
			}
			ids = w[next : next+int(a[1])]
			next += int(a[1])
		}
		if msg := m.apply(e, op, a, ids); msg != "" {
			return editError(i, op, msg)
		}
		i = next
	}
	return nil
}

func editError(at int, op Op, msg string) error {
	return errors.New("dom: edit list, word " + strconv.Itoa(at) + " (" + op.String() + "): " + msg)
}

// apply applies one operation and returns what is wrong with it, or "".
func (m *MemDOM) apply(e *Edits, op Op, a, ids []uint32) string {
	str := func(i int) (string, string) {
		if int64(a[i]) >= int64(len(e.Strings)) {
			return "", "string " + itoa(a[i]) + " out of range (" + strconv.Itoa(len(e.Strings)) + " strings)"
		}
		return e.Strings[a[i]], ""
	}
	switch op {
	case OpCreateElement, OpCreateText, OpCreateRaw:
		id := a[0]
		switch {
		case id == 0:
			return "id 0 is the container"
		case m.nodes[id] != nil:
			return "id " + itoa(id) + " is in use"
		case m.freed[id]:
			return "id " + itoa(id) + " was freed in this list"
		}
		n := &MemNode{id: id, kind: kindText}
		var bad string
		switch op {
		case OpCreateText:
			n.text, bad = str(1)
		case OpCreateElement:
			n.kind = kindElement
			if n.tag, bad = str(1); bad == "" && a[2] != NoString {
				n.ns, bad = str(2)
			}
		case OpCreateRaw:
			n.kind = kindRaw
			if n.tag, bad = str(1); bad == "" {
				n.text, bad = str(2)
			}
		}
		if bad != "" {
			return bad
		}
		if n.kind != kindText && !validName(n.tag) {
			return "invalid tag " + strconv.Quote(n.tag)
		}
		m.nodes[id] = n
		return ""
	case OpAppend, OpInsertBefore:
		return m.move(op, a)
	case OpRemove, OpClear:
		return m.free(op, a[0], ids)
	}

	// The rest set something on the node a[0], named by the string a[1].
	n, bad := m.node(a[0])
	if bad != "" {
		return bad
	}
	name, bad := str(1)
	if bad != "" {
		return bad
	}
	switch op {
	case OpSetText:
		if n.kind != kindText {
			return "node " + itoa(a[0]) + " is not a text node"
		}
		n.text = name
		return ""
	case OpSetRaw:
		if n.kind != kindRaw {
			return "node " + itoa(a[0]) + " is not a raw element"
		}
		n.text = name
		return ""
	}
	if n.kind == kindText {
		return "node " + itoa(a[0]) + " is a text node"
	}
	switch op {
	case OpSetAttr, OpSetPropString, OpSetStyle:
		v, bad := str(2)
		if bad != "" {
			return bad
		}
		switch op {
		case OpSetAttr:
			if !validName(name) {
				return "invalid attribute name " + strconv.Quote(name)
			}
			n.setMap(&n.attrs, n.attrName(name), v)
		case OpSetPropString:
			n.setProp(name, v)
		case OpSetStyle:
			n.setMap(&n.style, name, v)
		}
	case OpSetPropNumber:
		n.setProp(name, math.Float64frombits(uint64(a[3])<<32|uint64(a[2])))
	case OpSetPropBool, OpSetClass:
		if a[2] > 1 {
			return "boolean operand " + itoa(a[2]) + " is not 0 or 1"
		}
		if op == OpSetPropBool {
			n.setProp(name, a[2] == 1)
		} else {
			if name == "" || strings.ContainsAny(name, " \t\n\f\r") {
				return "invalid class name " + strconv.Quote(name)
			}
			n.setClass(name, a[2] == 1)
		}
	case OpRemoveAttr:
		delete(n.attrs, n.attrName(name))
	case OpRemoveProp:
		delete(n.props, name)
	case OpRemoveStyle:
		delete(n.style, name)
	}
	return ""
}

func (n *MemNode) setProp(k string, v any) {
	if n.props == nil {
		n.props = map[string]any{}
	}
	n.props[k] = v
}

// node returns the live node id, but not the container, whose own
// attributes belong to the host page.
func (m *MemDOM) node(id uint32) (*MemNode, string) {
	if id == 0 {
		return nil, "node 0 is the container"
	}
	n := m.nodes[id]
	if n == nil {
		return nil, "unknown id " + itoa(id)
	}
	return n, ""
}

// parent returns the live element id, which may be the container, as a
// parent of children.
func (m *MemDOM) parent(id uint32) (*MemNode, string) {
	if id == 0 {
		return &m.root, ""
	}
	n, bad := m.node(id)
	if bad == "" && n.kind != kindElement {
		bad = "node " + itoa(id) + " cannot have children"
	}
	return n, bad
}

func (m *MemDOM) move(op Op, a []uint32) string {
	p, bad := m.parent(a[0])
	if bad != "" {
		return bad
	}
	c, bad := m.node(a[1])
	if bad != "" {
		return bad
	}
	for q := p; q != nil; q = q.parent {
		if q == c {
			return "node " + itoa(a[1]) + " would be put into itself"
		}
	}
	if op == OpAppend {
		p.append(c)
		return ""
	}
	ref, bad := m.node(a[2])
	if bad != "" {
		return bad
	}
	if ref.parent != p {
		return "ref " + itoa(a[2]) + " is not a child of " + itoa(a[0])
	}
	if ref != c { // inserting a node before itself leaves it in place
		p.insert(c, p.index(ref))
	}
	return ""
}

// free removes the node id (OpRemove), or the children of the element id
// (OpClear), checking that ids lists exactly the nodes that go.
func (m *MemDOM) free(op Op, id uint32, ids []uint32) string {
	var top *MemNode // the root of what goes: itself freed for OpRemove
	var bad string
	if op == OpRemove {
		top, bad = m.node(id)
	} else {
		top, bad = m.parent(id)
	}
	if bad != "" {
		return bad
	}
	m.mark++
	for _, x := range ids {
		n := m.nodes[x]
		if n == nil {
			return "freed id " + itoa(x) + " is unknown"
		}
		if n.mark == m.mark {
			return "freed id " + itoa(x) + " is listed twice"
		}
		n.mark = m.mark
		q := n
		for q != nil && q != top {
			q = q.parent
		}
		if q == nil || (op == OpClear && n == top) {
			return "freed id " + itoa(x) + " is not removed"
		}
	}
	size := top.size()
	if op == OpClear {
		size--
	}
	if size != len(ids) {
		return strconv.Itoa(size) + " nodes are removed, " + strconv.Itoa(len(ids)) + " ids freed"
	}
	for _, x := range ids {
		delete(m.nodes, x)
		m.freed[x] = true
	}
	if op == OpRemove {
		top.detach()
	} else {
		for _, c := range top.children {
			c.parent = nil
		}
		top.children = nil
	}
	return ""
}

// size counts n and its descendants.
func (n *MemNode) size() int {
	s := 1
	for _, c := range n.children {
		s += c.size()
	}
	return s
}
