package dom

import (
	"reflect"
	"strconv"
	"strings"
)

// Attrs are attributes of an element, set with setAttribute.
type Attrs map[string]string

// Props are properties of an element, set on the element object: value,
// checked, selectedIndex, ... A value is a string, a float64, an int or a
// bool; ints are kept as float64, as JavaScript does.
type Props map[string]any

// Class turns classes on and off by name, on top of the classes of the
// selector: H("li.item", Class{"done": t.Done}).
type Class map[string]bool

// Style is the inline style of an element, by CSS property name
// ("background-color", "--accent").
type Style map[string]string

// Dataset is the data-* attributes of an element, by their dataset name:
// Dataset{"rowId": "7"} is the attribute data-row-id="7", and Event's
// Dataset gives it back as "rowId".
type Dataset map[string]string

// Key identifies a child among its siblings across renders. Keyed
// children that move are moved, not recreated, so they keep their focus,
// their scroll position and their state in the page.
type Key string

// Hooks are called by the driver around the life of a real element, on
// the app's loop: Remove before the frame's edits are applied, Insert and
// Update after. Insert hooks run parents first, in document order.
type Hooks struct {
	// Insert is called once the element is in the document.
	Insert func(Element)
	// Update is called after an element that stayed was patched.
	Update func(Element)
	// Remove is called just before the element leaves the document.
	Remove func(Element)
}

// Element is a real element of a backend: given to hooks, and by
// [Source.Elements]. Under js/wasm it is a *JSElement, whose JSValue
// gives the DOM element for what only JavaScript can do (focus, measure).
type Element interface {
	// TagName is the element's tag, as in its Node.
	TagName() string
}

// H returns an element, made from a selector and arguments, as
// hyperscript does.
//
// The selector is "tag#id.class1.class2"; the tag may be left out for a
// div ("#main", ".row"). The arguments, in any order and number, are:
//
//	string           a text child
//	Node, []Node     children (a zero Node is nothing, a Fragment is spliced in)
//	Attrs, Props, Class, Style, Dataset, Key, *Hooks
//	nil              nothing
//
// H panics on an argument of another type or an invalid attribute or
// property name, since these are mistakes in the program. Names of
// attributes that would run code (onclick, ...) and the properties
// innerHTML, outerHTML and srcdoc are invalid: events come from [Source.Events],
// markup from [Raw]. A javascript: URL in href, src, action, formaction
// or xlink:href is data, not a mistake: it is replaced by
// "about:blank#blocked", and the link does nothing.
//
// An svg element and its descendants are made in the SVG namespace, but
// for the children of a foreignObject, which are HTML again.
func H(sel string, args ...any) Node {
	v := newElement(sel, args)
	if v.tag == "svg" {
		setNamespace(v, SVGNamespace)
	}
	return Node{v}
}

// newElement makes the element of H and HNS from sel and args, in no
// namespace yet.
func newElement(sel string, args []any) *vnode {
	v := &vnode{kind: kindElement}
	parseSelector(v, sel)
	for i, a := range args {
		addArg(v, sel, i, a)
	}
	return v
}

// parseSelector reads "tag#id.c1.c2" into v.
func parseSelector(v *vnode, sel string) {
	end := strings.IndexAny(sel, "#.")
	if end < 0 {
		end = len(sel)
	}
	v.tag = sel[:end]
	if v.tag == "" {
		v.tag = "div"
	}
	if !validTag(v.tag) {
		panic("dom: H(" + strconv.Quote(sel) + "): invalid tag name " + strconv.Quote(v.tag) +
			"; a tag starts with a letter and has no space, quote, =, <, > or /")
	}
	if !isSVGCamel(v.tag) {
		v.tag = strings.ToLower(v.tag)
	}
	rest := sel[end:]
	for rest != "" {
		mark := rest[0]
		rest = rest[1:]
		n := strings.IndexAny(rest, "#.")
		if n < 0 {
			n = len(rest)
		}
		name := rest[:n]
		rest = rest[n:]
		if name == "" {
			panic("dom: H(" + strconv.Quote(sel) + "): empty id or class in the selector")
		}
		if mark == '#' {
			setAttr(v, sel, "id", name)
		} else {
			if !validName(name) {
				panic("dom: H(" + strconv.Quote(sel) + "): invalid class name " + strconv.Quote(name))
			}
			if v.class == nil {
				v.class = map[string]bool{}
			}
			v.class[name] = true
		}
	}
}

// isSVGCamel reports whether tag is an SVG element whose name has capitals.
func isSVGCamel(tag string) bool {
	_, ok := svgCamelTags[tag]
	return ok
}

func addArg(v *vnode, sel string, i int, a any) {
	switch a := a.(type) {
	case nil:
	case string:
		v.children = append(v.children, Text(a))
	case Node:
		v.children = flattenNodes(v.children, []Node{a})
	case []Node:
		v.children = flattenNodes(v.children, a)
	case Attrs:
		for name, val := range a {
			setAttr(v, sel, name, val)
		}
	case Props:
		for name, val := range a {
			setProp(v, sel, name, val)
		}
	case Class:
		if v.class == nil {
			v.class = make(map[string]bool, len(a))
		}
		for name, on := range a {
			if name == "" || strings.ContainsAny(name, " \t\n\f\r") {
				panic("dom: H(" + strconv.Quote(sel) + "): invalid class name " + strconv.Quote(name))
			}
			v.class[name] = on
		}
	case Style:
		if v.style == nil {
			v.style = make(map[string]string, len(a))
		}
		for name, val := range a {
			v.style[name] = val
		}
	case Dataset:
		for name, val := range a {
			setAttr(v, sel, "data-"+datasetAttr(name), val)
		}
	case Key:
		v.key, v.keyed = string(a), true
	case *Hooks:
		v.hooks = a
	default:
		panic("dom: H(" + strconv.Quote(sel) + "): argument " + strconv.Itoa(i+1) + " has type " + typeName(a) +
			"; give a string, Node, []Node, Attrs, Props, Class, Style, Dataset, Key or *Hooks")
	}
}

func setAttr(v *vnode, sel, name, val string) {
	if !validName(name) {
		panic("dom: H(" + strconv.Quote(sel) + "): invalid attribute name " + strconv.Quote(name))
	}
	lower := strings.ToLower(name)
	if lower == "srcdoc" {
		panic("dom: H(" + strconv.Quote(sel) + "): attribute srcdoc holds markup; use Raw for trusted markup")
	}
	if strings.HasPrefix(lower, "on") {
		panic("dom: H(" + strconv.Quote(sel) + "): attribute " + strconv.Quote(name) +
			" would run code; listen with Source.Events instead")
	}
	if urlAttrs[lower] && isJavaScriptURL(val) {
		val = BlockedURL
	}
	if animationTags[v.tag] && animationValues[lower] && animatesToJavaScript(val) {
		// <animate attributeName="href" values="javascript:..."> turns a
		// link into script as surely as href does.
		val = BlockedURL
	}
	if v.attrs == nil {
		v.attrs = map[string]string{}
	}
	v.attrs[name] = val
}

func setProp(v *vnode, sel, name string, val any) {
	if !validName(name) || strings.HasPrefix(strings.ToLower(name), "on") || forbiddenProps[name] || strings.EqualFold(name, "srcdoc") {
		panic("dom: H(" + strconv.Quote(sel) + "): property " + strconv.Quote(name) +
			" is not allowed; use Raw for markup, text children for text and Source.Events for events")
	}
	switch x := val.(type) {
	case string, float64, bool:
	case int:
		val = float64(x)
	default:
		panic("dom: H(" + strconv.Quote(sel) + "): property " + strconv.Quote(name) + " has type " + typeName(val) +
			"; give a string, float64, int or bool")
	}
	if urlAttrs[strings.ToLower(name)] {
		if s, ok := val.(string); ok && isJavaScriptURL(s) {
			val = BlockedURL
		}
	}
	if v.props == nil {
		v.props = map[string]any{}
	}
	v.props[name] = val
}

// forbiddenProps replace the element's children, which the driver owns,
// or parse markup.
var forbiddenProps = map[string]bool{
	"innerHTML": true, "outerHTML": true, "textContent": true, "innerText": true, "outerText": true,
}

// BlockedURL replaces a javascript: URL given to href, src, action,
// formaction or xlink:href.
const BlockedURL = "about:blank#blocked"

// animationTags are the SVG elements that can set another attribute over
// time, and animationValues the attributes that give the values they set.
var (
	animationTags   = map[string]bool{"animate": true, "set": true, "animateMotion": true, "animateTransform": true}
	animationValues = map[string]bool{"values": true, "to": true, "from": true, "by": true}
)

// animatesToJavaScript reports whether any value of an animation's
// ";"-separated list is a javascript: URL.
func animatesToJavaScript(val string) bool {
	for part := range strings.SplitSeq(val, ";") {
		if isJavaScriptURL(part) {
			return true
		}
	}
	return false
}

var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true}

// isJavaScriptURL reports whether a URL would run script, reading it as
// browsers do: leading control characters and spaces are skipped, tabs
// and newlines inside the scheme are ignored, and case does not matter.
func isJavaScriptURL(u string) bool {
	const scheme = "javascript:"
	i := 0
	for i < len(u) && u[i] <= ' ' {
		i++
	}
	j := 0
	for ; i < len(u) && j < len(scheme); i++ {
		c := u[i]
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != scheme[j] {
			return false
		}
		j++
	}
	return j == len(scheme)
}

// validTag accepts the names createElement accepts: a valid name that
// starts with an ASCII letter.
func validTag(s string) bool {
	return validName(s) && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z')
}

// validName accepts the names setAttribute and createElement accept, less
// what no real markup needs: no space, quote, =, <, >, / or control
// character, and not empty.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' || c == '/' || c == 0x7f {
			return false
		}
	}
	return true
}

// datasetAttr turns a dataset name into its attribute name: rowId is
// row-id, as the DOM's dataset does.
func datasetAttr(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			b.WriteByte('-')
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// setNamespace puts v, a vnode H has just made, and its element
// descendants in ns, stopping at the children of a foreignObject, which
// are HTML. A child in another namespace is copied rather than changed:
// the same Node may be used elsewhere, in HTML, or in the previous tree.
func setNamespace(v *vnode, ns string) {
	v.ns = ns
	if v.tag == "foreignObject" {
		return
	}
	copied := false
	for i, c := range v.children {
		switch {
		case c.v.kind == kindThunk:
		case c.v.kind != kindElement || inNamespace(c.v, ns):
			continue
		}
		if !copied {
			v.children = append([]Node(nil), v.children...)
			copied = true
		}
		if c.v.kind == kindThunk {
			// What the thunk renders is not known yet: put it in ns once
			// it is rendered.
			v.children[i] = Node{wrapThunk(c.v, func(r *vnode) *vnode {
				if r.kind != kindElement || inNamespace(r, ns) {
					return r
				}
				rv := *r
				setNamespace(&rv, ns)
				return &rv
			})}
			continue
		}
		cv := *c.v
		setNamespace(&cv, ns)
		v.children[i] = Node{&cv}
	}
}

// inNamespace reports whether v and its element descendants are already
// in ns, as setNamespace would put them.
func inNamespace(v *vnode, ns string) bool {
	if v.ns != ns {
		return false
	}
	if v.tag == "foreignObject" {
		return true
	}
	for _, c := range v.children {
		if c.v.kind == kindElement && !inNamespace(c.v, ns) {
			return false
		}
	}
	return true
}

// typeName names the dynamic type of a for error messages, with a hint
// for the maps that need wrapping in one of H's types.
func typeName(a any) string {
	switch a.(type) {
	case map[string]string:
		return "map[string]string (wrap it in Attrs, Style or Dataset)"
	case map[string]bool:
		return "map[string]bool (wrap it in Class)"
	case map[string]any:
		return "map[string]any (wrap it in Props)"
	case Hooks:
		return "Hooks (pass a *Hooks)"
	}
	return reflect.TypeOf(a).String()
}

// svgCamelTags are the SVG elements whose names have capitals, which must
// keep them.
var svgCamelTags = map[string]struct{}{
	"foreignObject": {}, "clipPath": {}, "linearGradient": {}, "radialGradient": {}, "textPath": {},
	"feBlend": {}, "feColorMatrix": {}, "feComponentTransfer": {}, "feComposite": {}, "feConvolveMatrix": {},
	"feDiffuseLighting": {}, "feDisplacementMap": {}, "feDistantLight": {}, "feDropShadow": {}, "feFlood": {},
	"feFuncA": {}, "feFuncB": {}, "feFuncG": {}, "feFuncR": {}, "feGaussianBlur": {}, "feImage": {},
	"feMerge": {}, "feMergeNode": {}, "feMorphology": {}, "feOffset": {}, "fePointLight": {},
	"feSpecularLighting": {}, "feSpotLight": {}, "feTile": {}, "feTurbulence": {}, "animateMotion": {},
	"animateTransform": {},
}
