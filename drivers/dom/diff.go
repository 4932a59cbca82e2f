package dom

import (
	"strconv"
	"strings"
)

// Patcher turns each new tree of one container into the edit list that
// takes the real DOM from the previous tree to it, with snabbdom's
// algorithm. The container, the element the app is mounted in, is the
// node 0; the Patcher gives every other node its id.
//
// Vnodes are immutable descriptions: the Patcher writes nothing to a tree
// it is given but a Thunk's rendering, which the Thunk caches, and keeps
// what is mounted (ids, renderings shown) in a tree of its own beside it;
// vnode.id is left alone. So the same Node may be used twice in one tree, kept
// from one tree to the next, or moved, and each place gets a real node of
// its own. A Node that is at the same place as in the previous tree is
// not diffed again: being immutable, it cannot have changed.
//
// A thunk is rendered at most once per Thunk vnode, and must render one
// node: a Fragment of one node counts as that node, and the zero Node (or
// an empty Fragment) as an empty text node, which keeps its place and
// shows nothing. A thunk that renders a Fragment of more nodes panics.
//
// A Patcher is used by one goroutine at a time. If a thunk's render
// panics during Patch, the Patcher is left half-way and must be dropped.
type Patcher struct {
	root  mnode // the container
	edits Edits

	last  uint32   // the highest id given so far
	free  []uint32 // ids freed by earlier Patch calls, to give again
	freed []uint32 // ids freed by this Patch call: free from the next on

	// Scratch memory kept from one call to the next, so that a frame
	// allocates little more than the real nodes it adds.
	stack  []*mnode       // the new children of each level being patched
	keys   map[string]int // old keyed children → their index, for one level at a time
	ids    []uint32       // the ids of one removed subtree
	single [1]Node        // the children of the container when given one node
	pool   []*mnode       // removed mnodes, to use again
	slab   []mnode        // where new mnodes are cut from
	ptrs   []*mnode       // where children slices are cut from
}

// mnode is a mounted node: the real node id and the vnode it shows.
type mnode struct {
	v        *vnode // the description shown: for a thunk, its rendering
	t        *vnode // the thunk that rendered v, or nil
	children []*mnode
	id       uint32
	created  bool // made by this level of children; its Insert hooks are not queued yet
	inserts  bool // created, and its subtree has Insert hooks
}

// NewPatcher returns a Patcher for an empty container.
func NewPatcher() *Patcher { return &Patcher{} }

// Patch makes next the content of the container and returns the edits
// from the previous call's content (from an empty container, the first
// time). A Fragment puts its nodes in the container, any other Node puts
// itself, and the zero Node empties it.
//
// The returned Edits belong to the Patcher and are reused by the next
// call: apply them (or copy them) before calling Patch again. The driver
// calls their Before hooks, applies them, then calls their After hooks.
// An element whose vnode is the very one it showed before is not patched
// and gets no Update hook; nor do the elements of a thunk whose args are
// unchanged. Ids freed by these edits are given again only by later
// calls, so a backend may look them up until it has applied the whole
// list.
func (p *Patcher) Patch(next Node) *Edits {
	p.edits.Reset()
	p.free = append(p.free, p.freed...)
	p.freed = p.freed[:0]
	var list []Node
	switch {
	case next.v == nil:
	case next.v.kind == kindFragment:
		list = next.v.children
	default:
		p.single[0] = next
		list = p.single[:]
	}
	p.children(&p.root, list)
	p.single[0] = Node{}
	return &p.edits
}

// Unmount empties the container and returns the edits that do it: the
// Remove hooks of every mounted element as Before hooks, and one OpClear
// of the container. A driver calls it when its app is disposed, so that
// the Remove hooks run as when a view removes its elements. The Patcher
// is then as new, and the returned Edits are reused as Patch's are.
func (p *Patcher) Unmount() *Edits {
	p.edits.Reset()
	p.free = append(p.free, p.freed...)
	p.freed = p.freed[:0]
	if len(p.root.children) > 0 {
		p.clear(&p.root)
	}
	return &p.edits
}

// newID gives an id, reusing the freed ones first to keep the backends'
// tables small.
func (p *Patcher) newID() uint32 {
	if n := len(p.free); n > 0 {
		id := p.free[n-1]
		p.free = p.free[:n-1]
		return id
	}
	p.last++
	return p.last
}

// alloc returns a blank mnode. Mnodes are cut from slabs and recycled,
// since a 10,000-row table would otherwise cost 100,000 small allocations.
func (p *Patcher) alloc() *mnode {
	if n := len(p.pool); n > 0 {
		m := p.pool[n-1]
		p.pool = p.pool[:n-1]
		return m
	}
	if len(p.slab) == 0 {
		p.slab = make([]mnode, 256)
	}
	m := &p.slab[0]
	p.slab = p.slab[1:]
	return m
}

// recycle gives m back to the pool, keeping its children's capacity.
func (p *Patcher) recycle(m *mnode) {
	clear(m.children)
	*m = mnode{children: m.children[:0]}
	p.pool = append(p.pool, m)
}

// kids returns a children slice of length n for m, reusing m's.
func (p *Patcher) kids(m *mnode, n int) []*mnode {
	if cap(m.children) >= n {
		return m.children[:n]
	}
	if n > 64 {
		return make([]*mnode, n)
	}
	if len(p.ptrs) < n {
		p.ptrs = make([]*mnode, 1024)
	}
	// The capacity is cut at n so that no slice can grow into the next.
	s := p.ptrs[:n:n]
	p.ptrs = p.ptrs[n:]
	return s
}

// same is snabbdom's sameVnode: whether the mounted m may be patched
// into nv rather than replaced. A thunk matches the thunk with its key.
func same(m *mnode, nv *vnode) bool {
	if nv.kind == kindThunk {
		return m.t != nil && m.t.key == nv.key
	}
	if m.t != nil {
		return false
	}
	return sameShape(m.v, nv) && m.v.keyed == nv.keyed && m.v.key == nv.key
}

// sameShape reports whether a real node made for v can show w.
func sameShape(v, w *vnode) bool { return v.kind == w.kind && v.tag == w.tag && v.ns == w.ns }

// key returns the key of a mounted node, by which its siblings find it.
func (m *mnode) key() (string, bool) {
	if m.t != nil {
		return m.t.key, true
	}
	return m.v.key, m.v.keyed
}

// children is snabbdom's updateChildren: it makes the children of parent
// show newCh, keeping the real nodes it can. It works in two passes: the
// first decides which old child each new child keeps, and makes the
// moves, creations and removals; the second patches the kept children in
// order. Patching after the moves, not during them, is what puts the
// hooks of the whole tree in document order.
func (p *Patcher) children(parent *mnode, newCh []Node) {
	oldCh := parent.children
	n := len(newCh)
	if n == 0 {
		if len(oldCh) > 0 {
			p.clear(parent)
		}
		return
	}

	base := len(p.stack)
	for range n {
		p.stack = append(p.stack, nil)
	}
	// p.stack may be reallocated by the creations below: index it afresh
	// each time, never keep a slice of it.
	e := &p.edits
	oldStart, oldEnd := 0, len(oldCh)-1
	newStart, newEnd := 0, n-1
	indexed := false // whether p.keys holds this level's old children
	tried := false   // whether disjoint was asked
	for oldStart <= oldEnd && newStart <= newEnd {
		switch os, oe := oldCh[oldStart], oldCh[oldEnd]; {
		case os == nil: // moved away by a keyed match
			oldStart++
		case oe == nil:
			oldEnd--
		case same(os, newCh[newStart].v):
			p.stack[base+newStart] = os
			oldStart++
			newStart++
		case same(oe, newCh[newEnd].v):
			p.stack[base+newEnd] = oe
			oldEnd--
			newEnd--
		case same(os, newCh[newEnd].v): // moved right
			p.move(parent.id, os.id, p.after(base, newEnd, n))
			p.stack[base+newEnd] = os
			oldStart++
			newEnd--
		case same(oe, newCh[newStart].v): // moved left
			e.insertBefore(parent.id, oe.id, os.id)
			p.stack[base+newStart] = oe
			oldEnd--
			newStart++
		default:
			if !tried && oldStart == 0 && oldEnd == len(oldCh)-1 && newStart == 0 && newEnd == n-1 &&
				oldEnd >= linearKeys {
				// Nothing matched at the edges: if no old child can be
				// kept at all, as when a table's rows are all replaced,
				// one OpClear and appends do what a removal and an
				// insertion per child would.
				tried, indexed = true, true
				p.indexKeys(oldCh, oldStart, oldEnd)
				if p.disjoint(newCh) {
					p.clear(parent)
					oldEnd = -1 // the loop ends; every new child is created below
					break
				}
			}
			nv := newCh[newStart].v
			i := -1
			if k, ok := keyOf(nv); ok {
				if !indexed && oldEnd-oldStart >= linearKeys {
					p.indexKeys(oldCh, oldStart, oldEnd)
					indexed = true
				}
				i = p.find(oldCh, oldStart, oldEnd, k, indexed)
			}
			var m *mnode
			if i >= 0 && same(oldCh[i], nv) {
				m = oldCh[i]
				oldCh[i] = nil
			} else {
				m = p.create(nv)
			}
			e.insertBefore(parent.id, m.id, os.id)
			p.stack[base+newStart] = m
			newStart++
		}
	}
	if oldStart > oldEnd {
		ref := p.after(base, newEnd, n)
		for i := newStart; i <= newEnd; i++ {
			m := p.create(newCh[i].v)
			p.move(parent.id, m.id, ref)
			p.stack[base+i] = m
		}
	} else {
		for i := oldStart; i <= oldEnd; i++ {
			if m := oldCh[i]; m != nil {
				p.remove(m)
			}
		}
	}

	for i := range n {
		m := p.stack[base+i]
		if m.created {
			m.created = false
			if m.inserts {
				m.inserts = false
				p.queueInserts(m)
			}
			continue
		}
		p.stack[base+i] = p.patch(parent.id, m, newCh[i].v)
	}

	kids := p.kids(parent, n)
	copy(kids, p.stack[base:base+n])
	clear(oldCh[min(n, len(oldCh)):]) // let removed mnodes go when the list shrinks
	parent.children = kids
	clear(p.stack[base:])
	p.stack = p.stack[:base]
}

// linearKeys is the size of an old window below which keys are looked up
// by a scan rather than a map, which costs more to fill than to scan.
const linearKeys = 16

func keyOf(v *vnode) (string, bool) { return v.key, v.keyed }

// indexKeys fills p.keys with the keyed old children in [start, end].
func (p *Patcher) indexKeys(oldCh []*mnode, start, end int) {
	if p.keys == nil {
		p.keys = make(map[string]int, end-start+1)
	} else {
		clear(p.keys)
	}
	for i := start; i <= end; i++ {
		if m := oldCh[i]; m != nil {
			if k, ok := m.key(); ok {
				p.keys[k] = i
			}
		}
	}
}

// disjoint reports whether no child of newCh can keep an old child of
// p.keys: every new child has a key (or is a thunk), and none of their
// keys is an old child's. An old child without a key matches no keyed
// new child (see same).
func (p *Patcher) disjoint(newCh []Node) bool {
	for _, c := range newCh {
		k, ok := keyOf(c.v)
		if !ok {
			return false
		}
		if _, found := p.keys[k]; found {
			return false
		}
	}
	return true
}

// find returns the index in [start, end] of the old child with key k that
// is still unmatched, or -1. The window check guards against a key given
// twice: a child matched at an edge is past the window, not nil.
func (p *Patcher) find(oldCh []*mnode, start, end int, k string, indexed bool) int {
	if indexed {
		if i, ok := p.keys[k]; ok && i >= start && i <= end && oldCh[i] != nil {
			return i
		}
		return -1
	}
	for i := start; i <= end; i++ {
		if m := oldCh[i]; m != nil {
			if mk, ok := m.key(); ok && mk == k {
				return i
			}
		}
	}
	return -1
}

// after returns the id of the node after the new child i, which is
// already in place, or 0 if i is the last.
func (p *Patcher) after(base, i, n int) uint32 {
	if i+1 < n {
		return p.stack[base+i+1].id
	}
	return 0
}

// move puts child before ref, or last if ref is 0.
func (p *Patcher) move(parent, child, ref uint32) {
	if ref == 0 {
		p.edits.appendChild(parent, child)
	} else {
		p.edits.insertBefore(parent, child, ref)
	}
}

// patch makes the mounted m show nv, which same(m, nv) matched, and
// returns the mnode now at m's place: m, or its replacement when a thunk
// rendered a node of another kind.
func (p *Patcher) patch(parent uint32, m *mnode, nv *vnode) *mnode {
	if nv.kind == kindThunk {
		if m.t == nv || m.t.thunk.fn == nv.thunk.fn && argsEqual(m.t.thunk.args, nv.thunk.args) {
			m.t = nv
			if nv.thunk.node.v == nil {
				// Equal args give an equal rendering: remember this one so
				// that nv, if it is at another place too, is not rendered.
				nv.thunk.node = Node{m.v}
			}
			return m
		}
		m.t = nv
		nv = render(nv)
		if !sameShape(m.v, nv) {
			return p.replace(parent, m, nv)
		}
	}
	ov := m.v
	if ov == nv {
		return m
	}
	m.v = nv
	e := &p.edits
	switch nv.kind {
	case kindText:
		if ov.text != nv.text {
			e.setText(m.id, nv.text)
		}
		return m
	case kindRaw:
		if ov.text != nv.text {
			e.setRaw(m.id, nv.text)
		}
	}
	reset := p.diffAttrs(m.id, ov, nv)
	if reset&resetClass != 0 {
		p.setClasses(m.id, nv.class)
	} else {
		p.diffClasses(m.id, ov.class, nv.class)
	}
	if reset&resetStyle != 0 {
		for k, v := range nv.style {
			e.setStyle(m.id, k, v)
		}
	} else {
		p.diffStrings(m.id, ov.style, nv.style, OpSetStyle, OpRemoveStyle)
	}
	if h := nv.hooks; h != nil && h.Update != nil {
		e.After = append(e.After, HookCall{h.Update, m.id})
	}
	if nv.kind == kindElement {
		p.children(m, nv.children)
	}
	// Properties go after the children, so that a select's value finds
	// its options.
	if p.diffProps(m.id, ov.props, nv.props) {
		p.classNameChanged(m.id, nv)
	}
	return m
}

// What diffAttrs found that resets more than an attribute.
const (
	resetClass = 1 << iota // the class attribute changed: the browser's classes are its classes
	resetStyle             // the style attribute changed: the inline style is its style
)

// diffAttrs diffs the attributes of ov and nv. Setting or removing the
// class attribute replaces every class of the element in the browser,
// and the style attribute every inline style: the classes of Class and
// the properties of Style are then set again after it (by patch, as the
// returned flags say), and those that nv no longer has are turned off or
// removed before it, so that MemDOM, which keeps them apart from the
// attributes, forgets them too while the new attribute keeps its own.
func (p *Patcher) diffAttrs(id uint32, ov, nv *vnode) (reset int) {
	e := &p.edits
	old, cur := ov.attrs, nv.attrs
	kept := 0
	for k, v := range cur {
		o, ok := old[k]
		if ok {
			kept++
		}
		if !ok || o != v {
			if len(k) == 5 {
				reset |= p.beforeAttr(id, k, ov, nv)
			}
			e.setAttr(id, k, v)
		}
	}
	if kept < len(old) {
		for k := range old {
			if _, ok := cur[k]; !ok {
				if len(k) == 5 {
					reset |= p.beforeAttr(id, k, ov, nv)
				}
				e.removeAttr(id, k)
			}
		}
	}
	return reset
}

// beforeAttr is what diffAttrs does before it sets or removes the
// attribute k, a name of five letters: if it is class or style, it
// turns off the classes, or removes the styles, that ov has and nv has
// not, and returns the flag that makes patch set nv's again.
func (p *Patcher) beforeAttr(id uint32, k string, ov, nv *vnode) int {
	e := &p.edits
	switch {
	case strings.EqualFold(k, "class"):
		for c, was := range ov.class {
			if on := nv.class[c]; was && !on {
				e.setClass(id, c, false)
			}
		}
		return resetClass
	case strings.EqualFold(k, "style"):
		for s := range ov.style {
			if _, ok := nv.style[s]; !ok {
				e.removeStyle(id, s)
			}
		}
		return resetStyle
	}
	return 0
}

// setClasses sets every class of cur, on or off, after something
// replaced the element's classes: the class attribute or the className
// property.
func (p *Patcher) setClasses(id uint32, cur map[string]bool) {
	for k, on := range cur {
		p.edits.setClass(id, k, on)
	}
}

// classNameChanged sets again what setting or removing the className
// property of nv's element wiped: the class attribute, if the property
// was removed, and the classes of Class.
func (p *Patcher) classNameChanged(id uint32, nv *vnode) {
	if _, ok := nv.props["className"]; !ok {
		if c, ok := nv.attrs["class"]; ok {
			p.edits.setAttr(id, "class", c)
		}
	}
	p.setClasses(id, nv.class)
}

// The diffs of attributes, classes, styles and properties range over the
// new map only, and over the old one only if some of its names are gone:
// starting a range over a map costs more than the rest of a small diff.

// diffStrings diffs attributes (with OpSetAttr, OpRemoveAttr) or styles.
func (p *Patcher) diffStrings(id uint32, old, cur map[string]string, set, del Op) {
	e := &p.edits
	kept := 0
	for k, v := range cur {
		o, ok := old[k]
		if ok {
			kept++
		}
		if !ok || o != v {
			e.op3(set, id, e.str(k), e.str(v))
		}
	}
	if kept < len(old) {
		for k := range old {
			if _, ok := cur[k]; !ok {
				e.op2(del, id, e.str(k))
			}
		}
	}
}

// diffClasses turns on the classes that are on in cur only, and off the
// ones that are on in old only: a class set to false is off.
func (p *Patcher) diffClasses(id uint32, old, cur map[string]bool) {
	e := &p.edits
	kept := 0
	for k, on := range cur {
		was, ok := old[k]
		if ok {
			kept++
		}
		if on != was {
			e.setClass(id, k, on)
		}
	}
	if kept < len(old) {
		for k, was := range old {
			if _, ok := cur[k]; !ok && was {
				e.setClass(id, k, false)
			}
		}
	}
}

// diffProps diffs properties, and reports whether className was set or
// removed.
func (p *Patcher) diffProps(id uint32, old, cur map[string]any) (className bool) {
	e := &p.edits
	kept := 0
	for k, v := range cur {
		o, ok := old[k]
		if ok {
			kept++
		}
		if !ok || o != v {
			e.setProp(id, k, v)
			className = className || k == "className"
		}
	}
	if kept < len(old) {
		for k := range old {
			if _, ok := cur[k]; !ok {
				e.removeProp(id, k)
				className = className || k == "className"
			}
		}
	}
	return className
}

// replace puts a new real node for r, a thunk's new rendering, in the
// place of m.
func (p *Patcher) replace(parent uint32, m *mnode, r *vnode) *mnode {
	t := m.t
	nm := p.create(r)
	nm.t = t
	nm.created = false
	p.edits.insertBefore(parent, nm.id, m.id)
	p.remove(m)
	if nm.inserts {
		nm.inserts = false
		p.queueInserts(nm)
	}
	return nm
}

// create writes the edits that make a detached real node for nv and its
// subtree, and returns its mnode, marked created. Its Insert hooks are
// queued later, by queueInserts, to keep them in document order.
func (p *Patcher) create(nv *vnode) *mnode {
	m, ins := p.make(nv)
	m.created, m.inserts = true, ins
	return m
}

// make is create's recursion; it reports whether the subtree has Insert
// hooks.
func (p *Patcher) make(nv *vnode) (*mnode, bool) {
	var t *vnode
	if nv.kind == kindThunk {
		t, nv = nv, render(nv)
	}
	m := p.alloc()
	m.v, m.t, m.id = nv, t, p.newID()
	e := &p.edits
	switch nv.kind {
	case kindText:
		e.createText(m.id, nv.text)
		return m, false
	case kindRaw:
		e.createRaw(m.id, nv.tag, nv.text)
	default:
		e.createElement(m.id, nv.tag, nv.ns)
	}
	// The len checks skip starting a range over an empty map, which costs
	// more than the rest of most elements.
	if len(nv.attrs) > 0 {
		for k, v := range nv.attrs {
			e.setAttr(m.id, k, v)
		}
	}
	if len(nv.class) > 0 {
		classAttr := -1 // whether nv has a class attribute, once an off class asks
		for k, on := range nv.class {
			if !on {
				// A class turned off is off even if the class attribute
				// has it.
				if classAttr < 0 {
					classAttr = 0
					for a := range nv.attrs {
						if len(a) == 5 && strings.EqualFold(a, "class") {
							classAttr = 1
						}
					}
				}
				if classAttr == 0 {
					continue
				}
			}
			e.setClass(m.id, k, on)
		}
	}
	if len(nv.style) > 0 {
		for k, v := range nv.style {
			e.setStyle(m.id, k, v)
		}
	}
	ins := nv.hooks != nil && nv.hooks.Insert != nil
	if nv.kind == kindElement && len(nv.children) > 0 {
		m.children = p.kids(m, len(nv.children))
		for i, c := range nv.children {
			cm, ci := p.make(c.v)
			m.children[i] = cm
			e.appendChild(m.id, cm.id)
			ins = ins || ci
		}
	}
	if len(nv.props) > 0 {
		className := false
		for k, v := range nv.props { // after the children, as in patch
			e.setProp(m.id, k, v)
			className = className || k == "className"
		}
		if className && len(nv.class) > 0 {
			p.setClasses(m.id, nv.class) // className replaced them
		}
	}
	return m, ins
}

// queueInserts queues the Insert hooks of a created subtree, parents
// first.
func (p *Patcher) queueInserts(m *mnode) {
	if h := m.v.hooks; h != nil && h.Insert != nil {
		p.edits.After = append(p.edits.After, HookCall{h.Insert, m.id})
	}
	for _, c := range m.children {
		p.queueInserts(c)
	}
}

// remove takes m out of the document and frees its subtree.
func (p *Patcher) remove(m *mnode) {
	id := m.id
	p.ids = p.release(p.ids[:0], m)
	p.edits.remove(id, p.ids)
	p.freed = append(p.freed, p.ids...)
}

// clear removes every child of parent with one OpClear, which a backend
// does at once (textContent = "") rather than child by child.
func (p *Patcher) clear(parent *mnode) {
	ids := p.ids[:0]
	for _, c := range parent.children {
		ids = p.release(ids, c)
	}
	p.ids = ids
	p.edits.clearChildren(parent.id, ids)
	p.freed = append(p.freed, ids...)
	clear(parent.children)
	parent.children = parent.children[:0]
}

// release appends the ids of m's subtree to ids, parents first, queues
// its Remove hooks and recycles its mnodes.
func (p *Patcher) release(ids []uint32, m *mnode) []uint32 {
	ids = append(ids, m.id)
	if h := m.v.hooks; h != nil && h.Remove != nil {
		p.edits.Before = append(p.edits.Before, HookCall{h.Remove, m.id})
	}
	for _, c := range m.children {
		ids = p.release(ids, c)
	}
	p.recycle(m)
	return ids
}

// emptyText is what a thunk that renders nothing shows: an empty text
// node keeps its place among its siblings and shows nothing.
var emptyText = &vnode{kind: kindText}

// render returns what the thunk t renders, rendering it at most once per
// vnode: a Fragment of one node is that node, the zero Node or an empty
// Fragment is an empty text node, and a thunk is rendered in turn. A
// thunk must render one node; a Fragment of more is a mistake in the
// program, and render panics.
func render(t *vnode) *vnode {
	for {
		th := t.thunk
		if th.node.v == nil {
			th.node = th.render()
		}
		r := th.node.v
		if r != nil && r.kind == kindFragment {
			switch len(r.children) {
			case 0:
				r = nil
			case 1:
				r = r.children[0].v
			default:
				panic("dom: Thunk(" + strconv.Quote(t.key) + ") rendered a Fragment of " +
					strconv.Itoa(len(r.children)) + " nodes; a thunk renders one node")
			}
		}
		switch {
		case r == nil:
			return emptyText
		case r.kind != kindThunk:
			return r
		}
		t = r
	}
}

// argsEqual compares thunk args with ==, counting args that cannot be
// compared (a slice, or a struct holding one) as changed rather than
// letting == panic.
func argsEqual(a, b []any) (eq bool) {
	if len(a) != len(b) {
		return false
	}
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
