package dom

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ToHTML returns n as HTML text, for server-side rendering and snapshot
// tests. The output is deterministic: the same tree always gives the
// same bytes.
//
// Text is escaped (& < >), and so are attribute values (& " < >), which
// are always double-quoted; the output is valid UTF-8, invalid bytes
// being replaced by U+FFFD as in an edit list. No doctype is written.
//
// Attributes are sorted by name. The class attribute is the sorted union
// of the classes of the selector, of [Class] (those that are on), of a
// class attribute and of the className property, less the classes that
// Class turns off. The style attribute is a style attribute given in
// [Attrs], then the [Style] properties sorted by name, "name: value"
// joined by "; "; a style property whose name is not a CSS property name
// or whose value would end its declaration early (a ; { or } outside
// quotes and parentheses, or an unclosed quote, parenthesis or comment)
// is left out, as style.setProperty would refuse it in the browser.
// [Dataset] entries are data-* attributes. Keys, hooks and thunk
// arguments are not rendered. Attribute names of HTML elements are
// lower-cased, as setAttribute does; those of SVG elements keep their
// case (viewBox).
//
// [Props] are rendered where HTML has an attribute the property stands
// for, and that attribute then replaces one of the same name given in
// Attrs:
//
//   - The boolean properties allowFullscreen, async, autofocus, autoplay,
//     checked, controls, default, defer, disabled,
//     disablePictureInPicture, disableRemotePlayback, formNoValidate,
//     hidden, inert, isMap, loop, multiple, muted, noModule, noValidate,
//     open, playsInline, readOnly, required, reversed and selected are
//     bare attributes ("checked", "readonly") when true, as JavaScript
//     reads truth, and are left out when false; hidden may also be
//     "until-found". defaultChecked, defaultMuted and defaultSelected are
//     checked, muted and selected, unless those are given too.
//   - value, defaultValue (unless value is given) and the properties that
//     reflect an attribute are attributes, with numbers written as
//     JavaScript writes them (175, 0.5, 1e+21): abbr, accept,
//     acceptCharset, accessKey, action, allow, alt, autocapitalize,
//     autocomplete, cite, colSpan, cols, content, contentEditable, coords,
//     crossOrigin, dateTime, decoding, dir, download, enctype,
//     enterKeyHint, fetchPriority, formAction, formEnctype, formMethod,
//     formTarget, headers, height, high, href, hreflang, htmlFor (as for),
//     httpEquiv, id, inputMode, integrity, kind, label, lang, loading,
//     low, max, maxLength, media, method, min, minLength, name, optimum,
//     pattern, placeholder, popover, poster, preload, referrerPolicy, rel,
//     role, rowSpan, rows, scope, shape, size, sizes, slot, span, src,
//     srclang, srcset, start, step, tabIndex, target, title, type, useMap,
//     width and wrap, each as its lower-case attribute (maxlength,
//     accept-charset, http-equiv); and the ARIA properties, ariaLabel as
//     aria-label, ariaValueNow as aria-valuenow.
//   - draggable and spellcheck are "true" or "false", translate "yes" or
//     "no"; className adds classes.
//   - The value (or defaultValue) of a textarea or an output is its text,
//     and the value of a select marks the first option with that value
//     (its value, else its text) selected and no other.
//
// Every other property is left out, since HTML has no attribute for it:
// indeterminate, selectedIndex, valueAsNumber, scrollTop, innerText, and
// any name not listed above. srcdoc, which holds markup, is left out on
// purpose.
//
// Void elements (area, base, br, col, embed, hr, img, input, link, meta,
// source, track, wbr and the obsolete ones) have no end tag and no
// children. An empty SVG or MathML element is self-closed (<circle/>)
// where the HTML parser honors it: the svg or math element itself, and
// elements inside it; an SVG element rendered outside any svg element
// gets an end tag (<circle></circle>), which parses the same everywhere.
// A text that starts with a newline in a pre or textarea gets the extra
// newline the parser drops.
//
// The content of a script or style element (and of the other raw text
// elements: iframe, noembed, noframes, xmp) is written as it is, but for
// every "<", which is written "&lt;": no text can close the element early
// ("</script>") or open a comment ("<!--"). Browsers do not decode &lt;
// there, so a script or style whose text has "<" does not survive the
// trip: put trusted code in with Raw("script", js) instead. The content of
// a textarea or a title is escaped like any text, and every "<" of its
// markup too.
//
// [Raw] nodes are their tag and attributes around their HTML, written
// unescaped: that HTML is trusted, as everywhere. Thunks are rendered by
// calling their render function; fragments are their nodes; the zero
// Node is nothing.
func ToHTML(n Node) string { return string(AppendHTML(nil, n)) }

// AppendHTML appends n as HTML text, as [ToHTML] writes it, to dst and
// returns the extended buffer.
func AppendHTML(dst []byte, n Node) []byte {
	w := htmlWriter{buf: dst}
	w.node(n, htmlCtx{})
	return w.buf
}

type htmlWriter struct{ buf []byte }

// htmlCtx is what the writing of a node depends on, from its ancestors.
type htmlCtx struct {
	// foreign is set in foreign content: inside an svg or math element,
	// but for its HTML integration points, where the HTML parser honors
	// self-closing tags.
	foreign bool
	// text is set inside an element whose content the parser reads as
	// text: all of it has '<' escaped.
	text textMode
	// sel is the value of the select the node is in, if it has one.
	sel *selectValue
}

type textMode uint8

const (
	markup        textMode = iota
	rawText                // script, style, ...: text is written as it is
	escapableText          // textarea, title: text is escaped
)

type selectValue struct {
	value string
	done  bool // an option was selected
}

func (w *htmlWriter) node(n Node, c htmlCtx) {
	v := n.v
	if v == nil {
		return
	}
	switch v.kind {
	case kindText:
		w.text(v.text, c)
	case kindFragment:
		for _, ch := range v.children {
			w.node(ch, c)
		}
	case kindThunk:
		if v.thunk != nil && v.thunk.render != nil {
			w.node(v.thunk.render(), c)
		}
	case kindRaw:
		attrs, _, _ := elementAttrs(v, c)
		w.startTag(v.tag, attrs)
		if voidElements[v.tag] {
			return
		}
		w.buf = append(w.buf, validUTF8(v.text)...)
		w.endTag(v.tag)
	case kindElement:
		w.element(v, c)
	}
}

func (w *htmlWriter) text(s string, c htmlCtx) {
	if c.text == rawText {
		w.buf = append(w.buf, validUTF8(s)...)
		return
	}
	w.buf = appendEscaped(w.buf, s, false)
}

func (w *htmlWriter) element(v *vnode, c htmlCtx) {
	html := v.ns == ""
	attrs, override, sel := elementAttrs(v, c)
	w.startTag(v.tag, attrs)
	if html && voidElements[v.tag] {
		return
	}
	empty := override == nil && len(v.children) == 0 || override != nil && *override == ""
	parsedForeign := !html && (c.foreign ||
		v.ns == SVGNamespace && v.tag == "svg" || v.ns == MathMLNamespace && v.tag == "math")
	if empty && parsedForeign {
		w.buf[len(w.buf)-1] = '/'
		w.buf = append(w.buf, '>')
		return
	}

	cc := htmlCtx{foreign: parsedForeign && !integrationPoint(v), text: c.text, sel: c.sel}
	switch {
	case html && v.tag == "select":
		cc.sel = sel
	case html && v.tag == "option":
		cc.sel = nil
	}
	region := false
	if c.text == markup && !c.foreign {
		switch {
		case rawTextElements[v.tag]:
			cc.text, region = rawText, true
		case v.tag == "textarea" || v.tag == "title":
			cc.text, region = escapableText, true
		}
	}

	start := len(w.buf)
	if override != nil {
		w.text(*override, cc)
	} else {
		for _, ch := range v.children {
			w.node(ch, cc)
		}
	}
	if region {
		w.buf = escapeLT(w.buf, start)
	}
	if html && !c.foreign && c.text == markup && len(w.buf) > start && w.buf[start] == '\n' &&
		(v.tag == "pre" || v.tag == "textarea" || v.tag == "listing") {
		w.buf = slices.Insert(w.buf, start, '\n')
	}
	w.endTag(v.tag)
}

func (w *htmlWriter) startTag(tag string, attrs []htmlAttr) {
	w.buf = append(w.buf, '<')
	w.buf = append(w.buf, tag...)
	for _, a := range attrs {
		w.buf = append(w.buf, ' ')
		w.buf = append(w.buf, a.name...)
		if !a.bare {
			w.buf = append(w.buf, `="`...)
			w.buf = appendEscaped(w.buf, a.value, true)
			w.buf = append(w.buf, '"')
		}
	}
	w.buf = append(w.buf, '>')
}

func (w *htmlWriter) endTag(tag string) {
	w.buf = append(w.buf, "</"...)
	w.buf = append(w.buf, tag...)
	w.buf = append(w.buf, '>')
}

// integrationPoint reports whether the children of the foreign element v
// are parsed as HTML.
func integrationPoint(v *vnode) bool {
	switch v.ns {
	case SVGNamespace:
		return v.tag == "foreignObject" || v.tag == "desc" || v.tag == "title"
	case MathMLNamespace:
		switch v.tag {
		case "mi", "mo", "mn", "ms", "mtext":
			return true
		case "annotation-xml":
			enc := strings.ToLower(v.attrs["encoding"])
			return enc == "text/html" || enc == "application/xhtml+xml"
		}
	}
	return false
}

// voidElements have no end tag and no content: those of the HTML
// serialization algorithm.
var voidElements = map[string]bool{
	"area": true, "base": true, "basefont": true, "bgsound": true, "br": true, "col": true,
	"embed": true, "frame": true, "hr": true, "img": true, "input": true, "keygen": true,
	"link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// rawTextElements are the elements whose content the HTML parser reads as
// text with no character references, up to their end tag.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "noembed": true, "noframes": true, "xmp": true,
}

type htmlAttr struct {
	name, value string
	bare        bool // a boolean attribute, written without a value
}

// elementAttrs returns the attributes of v as ToHTML writes them, sorted
// by name; the text that replaces v's children if a property gives one;
// and, for a select with a value property, that value.
func elementAttrs(v *vnode, c htmlCtx) (attrs []htmlAttr, text *string, sel *selectValue) {
	html := v.ns == ""
	isOption := html && v.tag == "option" && c.sel != nil
	if len(v.attrs)+len(v.props)+len(v.class)+len(v.style) == 0 && !isOption {
		return nil, nil, nil
	}
	m := make(map[string]htmlAttr, len(v.attrs)+len(v.props)+2)
	for _, k := range sortedKeys(v.attrs) {
		name := k
		if html {
			name = strings.ToLower(k)
		}
		if _, dup := m[name]; dup && k != name {
			continue // "id" wins over "ID"; else the first in sort order
		}
		m[name] = htmlAttr{name: name, value: v.attrs[k]}
	}

	var classNames []string
	for _, k := range sortedKeys(v.props) {
		val := v.props[k]
		p, ok := propAttrs[k]
		if !ok {
			if p.name = ariaAttr(k); p.name == "" {
				continue
			}
		}
		if p.unless != "" {
			if _, ok := v.props[p.unless]; ok {
				continue
			}
		}
		switch p.kind {
		case propBool:
			if truthy(val) {
				m[p.name] = htmlAttr{name: p.name, bare: true}
			} else {
				delete(m, p.name)
			}
		case propHidden:
			if s, ok := val.(string); ok && strings.EqualFold(s, "until-found") {
				m[p.name] = htmlAttr{name: p.name, value: "until-found"}
			} else if truthy(val) {
				m[p.name] = htmlAttr{name: p.name, bare: true}
			} else {
				delete(m, p.name)
			}
		case propString:
			m[p.name] = htmlAttr{name: p.name, value: jsString(val)}
		case propTrueFalse, propYesNo:
			s := "false"
			switch {
			case truthy(val) && p.kind == propTrueFalse:
				s = "true"
			case truthy(val):
				s = "yes"
			case p.kind == propYesNo:
				s = "no"
			}
			m[p.name] = htmlAttr{name: p.name, value: s}
		case propClassName:
			classNames = strings.Fields(jsString(val))
		case propValue:
			s := jsString(val)
			switch {
			case html && (v.tag == "textarea" || v.tag == "output"):
				text = &s
			case html && v.tag == "select":
				sel = &selectValue{value: s}
			default:
				m[p.name] = htmlAttr{name: p.name, value: s}
			}
		}
	}

	if len(v.class) > 0 || len(classNames) > 0 {
		set := map[string]bool{}
		for _, cl := range strings.Fields(m["class"].value) {
			set[cl] = true
		}
		for _, cl := range classNames {
			set[cl] = true
		}
		for cl, on := range v.class {
			if on {
				set[cl] = true
			} else {
				delete(set, cl)
			}
		}
		if len(set) == 0 {
			delete(m, "class")
		} else {
			m["class"] = htmlAttr{name: "class", value: strings.Join(sortedKeys(set), " ")}
		}
	}

	if len(v.style) > 0 {
		var decls []string
		if a, ok := m["style"]; ok {
			if s := strings.TrimRight(strings.TrimSpace(a.value), "; \t\n\f\r"); s != "" {
				decls = append(decls, s)
			}
		}
		for _, name := range sortedKeys(v.style) {
			val := strings.TrimSpace(v.style[name])
			if val != "" && cssName(name) && cssValue(val) {
				decls = append(decls, name+": "+val)
			}
		}
		if len(decls) > 0 {
			m["style"] = htmlAttr{name: "style", value: strings.Join(decls, "; ")}
		}
	}

	if isOption {
		if !c.sel.done && optionValue(v, m, text) == c.sel.value {
			m["selected"] = htmlAttr{name: "selected", bare: true}
			c.sel.done = true
		} else {
			delete(m, "selected")
		}
	}

	if len(m) == 0 {
		return nil, text, sel
	}
	attrs = make([]htmlAttr, 0, len(m))
	for _, a := range m {
		attrs = append(attrs, a)
	}
	slices.SortFunc(attrs, func(a, b htmlAttr) int { return strings.Compare(a.name, b.name) })
	return attrs, text, sel
}

// optionValue is the value of an option: its value attribute, else its
// text with white space stripped and collapsed.
func optionValue(v *vnode, attrs map[string]htmlAttr, text *string) string {
	if a, ok := attrs["value"]; ok {
		return a.value
	}
	var b strings.Builder
	if text != nil {
		b.WriteString(*text)
	} else {
		textContent(&b, v.children)
	}
	return strings.Join(strings.FieldsFunc(b.String(), isHTMLSpace), " ")
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

// textContent writes the text of nodes and their descendants to b.
func textContent(b *strings.Builder, nodes []Node) {
	for _, n := range nodes {
		switch v := n.v; {
		case v == nil:
		case v.kind == kindText:
			b.WriteString(v.text)
		case v.kind == kindElement || v.kind == kindFragment:
			textContent(b, v.children)
		case v.kind == kindThunk && v.thunk != nil && v.thunk.render != nil:
			textContent(b, []Node{v.thunk.render()})
		}
	}
}

type propKind uint8

const (
	propString    propKind = iota // the value, as JavaScript's String() writes it
	propBool                      // a bare attribute when truthy, none otherwise
	propHidden                    // propBool, or hidden="until-found"
	propTrueFalse                 // "true" or "false"
	propYesNo                     // "yes" or "no"
	propClassName                 // classes added to the class attribute
	propValue                     // value: an attribute, a textarea's text, a select's option
)

type propAttr struct {
	name   string // of the attribute
	kind   propKind
	unless string // the property that wins over this one if both are given
}

// propAttrs are the properties ToHTML renders, by property name, with the
// attribute each stands for. ARIA properties (ariaLabel, ...) are
// rendered too, as aria-* attributes (see ariaAttr).
var propAttrs = map[string]propAttr{
	// Boolean properties.
	"allowFullscreen":         {name: "allowfullscreen", kind: propBool},
	"async":                   {name: "async", kind: propBool},
	"autofocus":               {name: "autofocus", kind: propBool},
	"autoplay":                {name: "autoplay", kind: propBool},
	"checked":                 {name: "checked", kind: propBool},
	"controls":                {name: "controls", kind: propBool},
	"default":                 {name: "default", kind: propBool},
	"defaultChecked":          {name: "checked", kind: propBool, unless: "checked"},
	"defaultMuted":            {name: "muted", kind: propBool, unless: "muted"},
	"defaultSelected":         {name: "selected", kind: propBool, unless: "selected"},
	"defer":                   {name: "defer", kind: propBool},
	"disabled":                {name: "disabled", kind: propBool},
	"disablePictureInPicture": {name: "disablepictureinpicture", kind: propBool},
	"disableRemotePlayback":   {name: "disableremoteplayback", kind: propBool},
	"formNoValidate":          {name: "formnovalidate", kind: propBool},
	"hidden":                  {name: "hidden", kind: propHidden},
	"inert":                   {name: "inert", kind: propBool},
	"isMap":                   {name: "ismap", kind: propBool},
	"loop":                    {name: "loop", kind: propBool},
	"multiple":                {name: "multiple", kind: propBool},
	"muted":                   {name: "muted", kind: propBool},
	"noModule":                {name: "nomodule", kind: propBool},
	"noValidate":              {name: "novalidate", kind: propBool},
	"open":                    {name: "open", kind: propBool},
	"playsInline":             {name: "playsinline", kind: propBool},
	"readOnly":                {name: "readonly", kind: propBool},
	"required":                {name: "required", kind: propBool},
	"reversed":                {name: "reversed", kind: propBool},
	"selected":                {name: "selected", kind: propBool},

	// Enumerated attributes with boolean properties.
	"draggable":  {name: "draggable", kind: propTrueFalse},
	"spellcheck": {name: "spellcheck", kind: propTrueFalse},
	"translate":  {name: "translate", kind: propYesNo},

	// Properties with an attribute of another kind.
	"className":    {name: "class", kind: propClassName},
	"value":        {name: "value", kind: propValue},
	"defaultValue": {name: "value", kind: propValue, unless: "value"},

	// Properties that reflect an attribute as a string or a number.
	"abbr":            {name: "abbr"},
	"accept":          {name: "accept"},
	"acceptCharset":   {name: "accept-charset"},
	"accessKey":       {name: "accesskey"},
	"action":          {name: "action"},
	"allow":           {name: "allow"},
	"alt":             {name: "alt"},
	"autocapitalize":  {name: "autocapitalize"},
	"autocomplete":    {name: "autocomplete"},
	"cite":            {name: "cite"},
	"colSpan":         {name: "colspan"},
	"cols":            {name: "cols"},
	"content":         {name: "content"},
	"contentEditable": {name: "contenteditable"},
	"coords":          {name: "coords"},
	"crossOrigin":     {name: "crossorigin"},
	"dateTime":        {name: "datetime"},
	"decoding":        {name: "decoding"},
	"dir":             {name: "dir"},
	"download":        {name: "download"},
	"enctype":         {name: "enctype"},
	"enterKeyHint":    {name: "enterkeyhint"},
	"fetchPriority":   {name: "fetchpriority"},
	"formAction":      {name: "formaction"},
	"formEnctype":     {name: "formenctype"},
	"formMethod":      {name: "formmethod"},
	"formTarget":      {name: "formtarget"},
	"headers":         {name: "headers"},
	"height":          {name: "height"},
	"high":            {name: "high"},
	"href":            {name: "href"},
	"hreflang":        {name: "hreflang"},
	"htmlFor":         {name: "for"},
	"httpEquiv":       {name: "http-equiv"},
	"id":              {name: "id"},
	"inputMode":       {name: "inputmode"},
	"integrity":       {name: "integrity"},
	"kind":            {name: "kind"},
	"label":           {name: "label"},
	"lang":            {name: "lang"},
	"loading":         {name: "loading"},
	"low":             {name: "low"},
	"max":             {name: "max"},
	"maxLength":       {name: "maxlength"},
	"media":           {name: "media"},
	"method":          {name: "method"},
	"min":             {name: "min"},
	"minLength":       {name: "minlength"},
	"name":            {name: "name"},
	"optimum":         {name: "optimum"},
	"pattern":         {name: "pattern"},
	"placeholder":     {name: "placeholder"},
	"popover":         {name: "popover"},
	"poster":          {name: "poster"},
	"preload":         {name: "preload"},
	"referrerPolicy":  {name: "referrerpolicy"},
	"rel":             {name: "rel"},
	"role":            {name: "role"},
	"rowSpan":         {name: "rowspan"},
	"rows":            {name: "rows"},
	"scope":           {name: "scope"},
	"shape":           {name: "shape"},
	"size":            {name: "size"},
	"sizes":           {name: "sizes"},
	"slot":            {name: "slot"},
	"span":            {name: "span"},
	"src":             {name: "src"},
	"srclang":         {name: "srclang"},
	"srcset":          {name: "srcset"},
	"start":           {name: "start"},
	"step":            {name: "step"},
	"tabIndex":        {name: "tabindex"},
	"target":          {name: "target"},
	"title":           {name: "title"},
	"type":            {name: "type"},
	"useMap":          {name: "usemap"},
	"width":           {name: "width"},
	"wrap":            {name: "wrap"},
}

// ariaAttr returns the attribute of an ARIA property (ariaLabel is
// aria-label, ariaValueNow aria-valuenow), or "" if name is not one.
func ariaAttr(name string) string {
	if len(name) < 5 || !strings.HasPrefix(name, "aria") || name[4] < 'A' || name[4] > 'Z' {
		return ""
	}
	return "aria-" + strings.ToLower(name[4:])
}

// truthy reports whether JavaScript reads a property value as true.
func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v != ""
	case float64:
		return v != 0 && !math.IsNaN(v)
	}
	return false
}

// jsString returns a property value as JavaScript's String() would.
func jsString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return jsNumber(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

// jsNumber formats f as JavaScript's Number.prototype.toString does:
// the shortest digits that read back as f, in decimal notation from 1e-7
// to 1e21 (exclusive) and in exponent notation ("1e+21", "1.5e-7")
// outside.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	var b []byte
	if f < 0 {
		b = append(b, '-')
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	k, n := len(digits), x+1 // f = 0.digits × 10^n
	switch {
	case k <= n && n <= 21:
		b = append(b, digits...)
		for range n - k {
			b = append(b, '0')
		}
	case 0 < n && n <= 21:
		b = append(b, digits[:n]...)
		b = append(b, '.')
		b = append(b, digits[n:]...)
	case -6 < n && n <= 0:
		b = append(b, "0."...)
		for range -n {
			b = append(b, '0')
		}
		b = append(b, digits...)
	default:
		b = append(b, digits[0])
		if k > 1 {
			b = append(b, '.')
			b = append(b, digits[1:]...)
		}
		b = append(b, 'e')
		if n-1 >= 0 {
			b = append(b, '+')
		}
		b = strconv.AppendInt(b, int64(n-1), 10)
	}
	return string(b)
}

// cssName reports whether name can be a CSS property name: letters,
// digits, - and _ (and non-ASCII), as in "color" and "--accent".
func cssName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 0x80) {
			return false
		}
	}
	return true
}

// cssValue reports whether val stays within its declaration in a style
// attribute: no ; { or } outside quotes and parentheses, and no quote,
// parenthesis, comment or escape left open at its end.
func cssValue(val string) bool {
	var quote byte
	depth := 0
	for i := 0; i < len(val); i++ {
		c := val[i]
		switch {
		case c == '\\':
			i++
			if i >= len(val) {
				return false
			}
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\n' || c == '\r' || c == '\f' {
				return false
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '/' && i+1 < len(val) && val[i+1] == '*':
			end := strings.Index(val[i+2:], "*/")
			if end < 0 {
				return false
			}
			i += 2 + end + 1
		case c == '(':
			depth++
		case c == ')':
			if depth--; depth < 0 {
				return false
			}
		case c == '{' || c == '}':
			return false
		case c == ';' && depth == 0:
			return false
		}
	}
	return quote == 0 && depth == 0
}

// appendEscaped appends s to dst with & < > escaped, and " too in an
// attribute value.
func appendEscaped(dst []byte, s string, attr bool) []byte {
	s = validUTF8(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		default:
			continue
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, esc...)
		last = i + 1
	}
	return append(dst, s[last:]...)
}

// escapeLT replaces every '<' of buf[start:] with "&lt;".
func escapeLT(buf []byte, start int) []byte {
	n := 0
	for _, c := range buf[start:] {
		if c == '<' {
			n++
		}
	}
	if n == 0 {
		return buf
	}
	content := slices.Clone(buf[start:])
	buf = slices.Grow(buf[:start], len(content)+3*n)
	for _, c := range content {
		if c == '<' {
			buf = append(buf, "&lt;"...)
		} else {
			buf = append(buf, c)
		}
	}
	return buf
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
