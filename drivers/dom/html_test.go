package dom

import (
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestToHTML(t *testing.T) {
	row := func() Node { return H("li", "row") }
	tenth, fifth := 0.1, 0.2 // not constants: 0.1 + 0.2 is then 0.30000000000000004
	tests := []struct {
		name string
		node Node
		want string
	}{
		// Text and escaping.
		{"zero node", Node{}, ``},
		{"text", Text(`a < b & c > "d" 'e'`), `a &lt; b &amp; c &gt; "d" 'e'`},
		{"entity in text", Text("&amp;"), `&amp;amp;`},
		{"invalid utf-8", Text("a\xffb"), "a\uFFFDb"},
		{"text child", H("p", "1 < 2"), `<p>1 &lt; 2</p>`},
		{"attribute value", H("a", Attrs{"title": `a&b "c" <d> 'e'`}), `<a title="a&amp;b &quot;c&quot; &lt;d&gt; 'e'"></a>`},
		{"attribute injection", H("a", Attrs{"title": `"><script>alert(1)</script>`}),
			`<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"></a>`},
		{"attribute injection, single quote", H("a", Attrs{"title": `' onmouseover='alert(1)`}),
			`<a title="' onmouseover='alert(1)"></a>`},
		{"text injection", H("div", `</div><script>alert(1)</script>`),
			`<div>&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;</div>`},
		{"noscript mXSS", H("noscript", H("p", Attrs{"title": `</noscript><img src=x onerror=alert(1)>`})),
			`<noscript><p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;"></p></noscript>`},

		// URLs that would run script are blocked by H.
		{"javascript: href", H("a", Attrs{"href": "javascript:alert(1)"}, "x"), `<a href="about:blank#blocked">x</a>`},
		{"javascript: href, obfuscated", H("a", Attrs{"href": " \x01JaVa\tScRiPt:alert(1)"}), `<a href="about:blank#blocked"></a>`},
		{"javascript: src prop", H("iframe", Props{"src": "javascript:alert(1)"}), `<iframe src="about:blank#blocked"></iframe>`},
		{"javascript: formAction prop", H("button", Props{"formAction": "javascript:x"}), `<button formaction="about:blank#blocked"></button>`},
		{"plain href", H("a", Attrs{"href": "/a?b=1&c=2"}), `<a href="/a?b=1&amp;c=2"></a>`},

		// Void elements.
		{"br", H("br"), `<br>`},
		{"input", H("input", Attrs{"type": "text"}), `<input type="text">`},
		{"void drops children", H("img", Attrs{"alt": "a"}, "text", H("b")), `<img alt="a">`},
		{"void list", H("p", H("area"), H("base"), H("col"), H("embed"), H("hr"), H("link"), H("meta"), H("source"), H("track"), H("wbr")),
			`<p><area><base><col><embed><hr><link><meta><source><track><wbr></p>`},
		{"empty non-void", H("div"), `<div></div>`},

		// Classes, styles, dataset and attribute order.
		{"selector id and classes", H("li#k.b.a"), `<li class="a b" id="k"></li>`},
		{"classes merged", H("div.b.a", Class{"c": true, "a": false, "d": false}), `<div class="b c"></div>`},
		{"all classes off", H("div.x", Class{"x": false}), `<div></div>`},
		{"class attribute and className", H("div.z", Attrs{"class": "y  x"}, Props{"className": "w x"}, Class{"y": false}),
			`<div class="w x z"></div>`},
		{"style sorted", H("p", Style{"color": "red", "--accent": "#0af", "background-color": "blue"}),
			`<p style="--accent: #0af; background-color: blue; color: red"></p>`},
		{"style attribute then Style", H("p", Attrs{"style": " margin: 0; "}, Style{"color": "red"}),
			`<p style="margin: 0; color: red"></p>`},
		{"style quotes", H("p", Style{"font-family": `"Times New Roman", serif`}),
			`<p style="font-family: &quot;Times New Roman&quot;, serif"></p>`},
		{"style injection left out", H("p", Style{
			"color":       "red; background: url(//evil/)",
			"width":       "calc(100% - 1px)",
			"content":     `"a;b"`,
			"margin":      "0 } body { color: red",
			"bad name;":   "1",
			"padding":     "",
			"font-family": `"unclosed`,
			"border":      "1px /* unclosed",
		}), `<p style="content: &quot;a;b&quot;; width: calc(100% - 1px)"></p>`},
		{"style url with semicolon", H("p", Style{"background": "url(a;b.png)"}), `<p style="background: url(a;b.png)"></p>`},
		{"dataset", H("li", Dataset{"rowId": "7", "a": "1"}, Attrs{"id": "x"}), `<li data-a="1" data-row-id="7" id="x"></li>`},
		{"sorted attributes, no key", H("li#k.item", Key("k1"), Attrs{"title": "t", "aria-label": "l", "data-z": ""}),
			`<li aria-label="l" class="item" data-z="" id="k" title="t"></li>`},
		{"names lower-cased", H("div", Attrs{"Title": "t", "DATA-X": "1"}), `<div data-x="1" title="t"></div>`},
		{"exact lower-case name wins", H("div", Attrs{"ID": "a", "id": "b", "Id": "c"}), `<div id="b"></div>`},

		// Properties.
		{"props", H("input", Props{"value": "175", "checked": true, "disabled": false, "readOnly": true,
			"indeterminate": true, "tabIndex": 2, "maxLength": 10, "step": 0.5, "selectionStart": 3}),
			`<input checked maxlength="10" readonly step="0.5" tabindex="2" value="175">`},
		{"prop replaces attribute", H("input", Attrs{"value": "a", "checked": ""}, Props{"value": "b", "checked": false}),
			`<input value="b">`},
		{"truthy props", H("input", Props{"required": "yes", "disabled": 0, "multiple": 1, "hidden": ""}),
			`<input multiple required>`},
		{"number props", H("input", Props{"value": 1e21, "min": tenth + fifth, "max": -0.0}),
			`<input max="0" min="0.30000000000000004" value="1e+21">`},
		{"bool as string prop", H("input", Props{"value": true}), `<input value="true">`},
		{"default props", H("input", Props{"defaultValue": "d", "value": "v", "defaultChecked": true}),
			`<input checked value="v">`},
		{"htmlFor", H("label", Props{"htmlFor": "h"}, "Height"), `<label for="h">Height</label>`},
		{"aria props", H("button", Props{"ariaLabel": "Close", "ariaHidden": "true", "ariaValueNow": 3, "arial": "x"}),
			`<button aria-hidden="true" aria-label="Close" aria-valuenow="3"></button>`},
		{"enumerated props", H("div", Props{"draggable": true, "translate": false, "hidden": "until-found", "spellcheck": false}),
			`<div draggable="true" hidden="until-found" spellcheck="false" translate="no"></div>`},
		{"unknown props left out", H("div", Props{"scrollTop": 10, "fooBar": "x"}), `<div></div>`},
		{"textarea value", H("textarea", Props{"value": "hi </textarea><script>"}),
			`<textarea>hi &lt;/textarea&gt;&lt;script&gt;</textarea>`},
		{"textarea leading newline", H("textarea", Props{"value": "\nx"}), "<textarea>\n\nx</textarea>"},
		{"pre leading newline", H("pre", "\ncode"), "<pre>\n\ncode</pre>"},
		{"pre without newline", H("pre", "code\n"), "<pre>code\n</pre>"},
		{"select value", H("select", Props{"value": "b"},
			H("option", Attrs{"value": "a"}, Props{"selected": true}, "A"),
			H("optgroup", H("option", " \n b ")),
			H("option", Attrs{"value": "b"}, "B2")),
			`<select><option value="a">A</option><optgroup><option selected> ` + "\n" + ` b </option></optgroup><option value="b">B2</option></select>`},
		{"select value by prop", H("select", Props{"value": 2}, H("option", Props{"value": 1}), H("option", Props{"value": 2})),
			`<select><option value="1"></option><option selected value="2"></option></select>`},
		{"select without value", H("select", H("option", Props{"selected": true}, "a")), `<select><option selected>a</option></select>`},

		// Raw text elements.
		{"script", H("script", "if (a < b && c > d) { x = '</script><script>alert(1)//' }"),
			`<script>if (a &lt; b && c > d) { x = '&lt;/script>&lt;script>alert(1)//' }</script>`},
		{"script comment", H("script", "<!--<script>"), `<script>&lt;!--&lt;script></script>`},
		{"script upper case", H("script", "</SCRIPT >"), `<script>&lt;/SCRIPT ></script>`},
		{"script element child", H("script", H("script", Attrs{"a": "<"}), "x"),
			`<script>&lt;script a="&lt;">&lt;/script>x</script>`},
		{"style element", H("style", "a > b { color: red }</style><img src=x onerror=alert(1)>"),
			`<style>a > b { color: red }&lt;/style>&lt;img src=x onerror=alert(1)></style>`},
		{"raw script", Raw("script", "if (a < b) {}"), `<script>if (a < b) {}</script>`},
		{"title", H("title", "a & b </title>", H("b")), `<title>a &amp; b &lt;/title&gt;&lt;b>&lt;/b></title>`},
		{"textarea element child", H("textarea", H("textarea")), `<textarea>&lt;textarea>&lt;/textarea></textarea>`},

		// SVG and MathML.
		{"empty svg", H("svg"), `<svg/>`},
		{"svg", H("svg", Attrs{"viewBox": "0 0 10 10"}, H("circle", Attrs{"r": "4"}), H("g", H("rect")), H("clipPath", Attrs{"id": "c"})),
			`<svg viewBox="0 0 10 10"><circle r="4"/><g><rect/></g><clipPath id="c"/></svg>`},
		{"svg text", H("svg", H("text", Attrs{"x": "1"}, "1 < 2 & 3")), `<svg><text x="1">1 &lt; 2 &amp; 3</text></svg>`},
		{"svg style is not raw text", H("svg", H("style", "a > b & c")), `<svg><style>a &gt; b &amp; c</style></svg>`},
		{"foreignObject", H("svg", H("foreignObject", H("div", H("br"), H("span")))),
			`<svg><foreignObject><div><br><span></span></div></foreignObject></svg>`},
		{"svg in html", H("div", H("svg", H("path", Attrs{"d": "M0 0"}))), `<div><svg><path d="M0 0"/></svg></div>`},
		{"svg element outside svg", H("div", HNS(SVGNamespace, "circle")), `<div><circle></circle></div>`},
		{"svg element at the root", HNS(SVGNamespace, "g", HNS(SVGNamespace, "rect")), `<g><rect></rect></g>`},
		{"mathml", HNS(MathMLNamespace, "math", HNS(MathMLNamespace, "mi", "x"), HNS(MathMLNamespace, "mspace")),
			`<math><mi>x</mi><mspace/></math>`},

		// Raw, thunks, fragments.
		{"raw", Raw("div", "<b>bold</b> & more"), `<div><b>bold</b> & more</div>`},
		{"raw child", H("section", Raw("SPAN", "<i>x</i>")), `<section><span><i>x</i></span></section>`},
		{"raw void", Raw("br", "x"), `<br>`},
		{"thunk", Thunk("k", row), `<li>row</li>`},
		{"thunks in a list", H("ul", Thunk("a", row), Thunk("b", func() Node { return Fragment(Text("x"), H("li")) })),
			`<ul><li>row</li>x<li></li></ul>`},
		{"thunk of zero node", H("p", Thunk("z", func() Node { return Node{} })), `<p></p>`},
		{"thunk in svg", H("svg", Thunk("c", func() Node { return H("svg", H("circle")) })), `<svg><svg><circle/></svg></svg>`},
		{"fragment", Fragment(Text("a"), H("b"), Node{}, Fragment(Text("c"))), `a<b></b>c`},
		{"fragment child", H("p", Fragment(Text("a"), Text("b")), "c"), `<p>abc</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ToHTML(tt.node); got != tt.want {
				t.Errorf("ToHTML:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestAppendHTMLAppends(t *testing.T) {
	got := string(AppendHTML([]byte("<!DOCTYPE html>"), H("p", "x")))
	if want := "<!DOCTYPE html><p>x</p>"; got != want {
		t.Errorf("AppendHTML = %q, want %q", got, want)
	}
}

func TestToHTMLIsDeterministic(t *testing.T) {
	build := func() Node {
		attrs := Attrs{}
		class := Class{}
		style := Style{}
		props := Props{}
		for _, c := range "abcdefghijklmnopqrstuvwxyz" {
			s := string(c)
			attrs["data-"+s] = s
			class[s] = c%2 == 0
			style["--"+s] = s
			props["aria"+strings.ToUpper(s)] = s
		}
		return H("div", attrs, class, style, props, H("select", Props{"value": "x"}, H("option", "x"), H("option", "x")))
	}
	want := ToHTML(build())
	for range 20 {
		if got := ToHTML(build()); got != want {
			t.Fatalf("ToHTML differs between runs:\n%s\n%s", got, want)
		}
	}
	if !strings.Contains(want, `<option selected>x</option><option>x</option>`) {
		t.Errorf("only the first matching option should be selected: %s", want)
	}
}

func TestToHTMLDoesNotChangeTheTree(t *testing.T) {
	n := H("select", Props{"value": "a"}, H("option", "a"))
	first := ToHTML(n)
	if second := ToHTML(n); second != first {
		t.Errorf("second rendering differs: %s, then %s", first, second)
	}
}

func TestJSNumber(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-1.5, "-1.5"}, {175, "175"}, {0.5, "0.5"},
		{1e20, "100000000000000000000"}, {1e21, "1e+21"}, {123456789012345680000, "123456789012345680000"},
		{0.000001, "0.000001"}, {1e-7, "1e-7"}, {1.5e-7, "1.5e-7"}, {-2.5e30, "-2.5e+30"},
		{5e-324, "5e-324"}, {math.MaxFloat64, "1.7976931348623157e+308"},
		{math.NaN(), "NaN"}, {math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"},
	}
	for _, tt := range tests {
		if got := jsNumber(tt.f); got != tt.want {
			t.Errorf("jsNumber(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestCSSValue(t *testing.T) {
	tests := []struct {
		val string
		ok  bool
	}{
		{"red", true},
		{"1px solid #000", true},
		{"calc(100% - (2 * 1px))", true},
		{`url("a;b")`, true},
		{"url(a;b)", true},
		{`"a\"b"`, true},
		{`'it''s'`, true},
		{"red /* c; */ !important", true},
		{`\;`, true},
		{"red; color: blue", false},
		{"a { b", false},
		{"a } b", false},
		{"(", false},
		{")", false},
		{`"open`, false},
		{"a\\", false},
		{"/* open", false},
		{"\"a\nb\"", false},
	}
	for _, tt := range tests {
		if got := cssValue(tt.val); got != tt.ok {
			t.Errorf("cssValue(%q) = %v, want %v", tt.val, got, tt.ok)
		}
	}
}

// TestToHTMLDocListsTheProps keeps the doc comment of ToHTML in step with
// propAttrs: every property rendered is named there.
func TestToHTMLDocListsTheProps(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "html.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "ToHTML" {
			doc = fn.Doc.Text()
		}
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(doc, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) {
		words[w] = true
	}
	for name := range propAttrs {
		if !words[name] {
			t.Errorf("the doc comment of ToHTML does not name the property %s", name)
		}
	}
}

func BenchmarkToHTML(b *testing.B) {
	rows := make([]Node, 1000)
	for i := range rows {
		rows[i] = H("tr", Key(strconv.Itoa(i)), Class{"odd": i%2 == 1},
			H("td.id", strconv.Itoa(i)), H("td", H("a", Attrs{"href": "#"}, "row & more")))
	}
	table := H("table", H("tbody", rows))
	b.ReportAllocs()
	var buf []byte
	for b.Loop() {
		buf = AppendHTML(buf[:0], table)
	}
	b.SetBytes(int64(len(buf)))
}
