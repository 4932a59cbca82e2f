package dom

// HNS returns an element in the namespace ns, made from a selector and
// arguments as [H] makes it. Its element descendants are put in ns too,
// but for the children of a foreignObject, which are HTML.
//
// HNS is for an element that is not under the element that gives its
// namespace: an SVG <g> returned by a component and put into an <svg> by
// its parent, say. The helpers of package svg use it, so that svg.Circle()
// is an SVG circle wherever it is used. The tag keeps its case if it is
// one of SVG's camelCase names (clipPath, foreignObject, feGaussianBlur,
// ...) and is lower-cased otherwise, as in H. With ns "", HNS is H.
func HNS(ns, sel string, args ...any) Node {
	if ns == "" {
		return H(sel, args...)
	}
	v := newElement(sel, args)
	setNamespace(v, ns)
	return Node{v}
}

// Namespace returns the namespace of an element: "" for HTML,
// [SVGNamespace] for SVG. It returns "" for a node that is not an
// element.
func (n Node) Namespace() string {
	if n.v == nil || n.v.kind != kindElement {
		return ""
	}
	return n.v.ns
}
