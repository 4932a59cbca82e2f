package dom

import (
	"strings"
	"testing"
)

func TestHRefusesMarkupAndCodeNames(t *testing.T) {
	for _, args := range [][]any{
		{Attrs{"onclick": "x()"}},
		{Attrs{"srcdoc": "<b>"}},
		{Props{"innerHTML": "<b>"}},
		{Props{"srcDoc": "<b>"}},
		{Props{"onclick": "x"}},
		{Attrs{"a b": "x"}},
		{Props{"textContent": "x"}},
		{Props{"innerText": "x"}},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(r.(string), "dom: H(") {
					t.Errorf("H(%v): recovered %v, want a panic that names H", args, r)
				}
			}()
			H("iframe", args...)
		}()
	}
}

func TestJavaScriptURLsAreBlocked(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", " JavaScript:x", "java\tscript:x", "\x01javascript:x"} {
		n := H("a", Attrs{"href": u})
		if got, _ := n.Attr("href"); got != BlockedURL {
			t.Errorf("href %q became %q, want %q", u, got, BlockedURL)
		}
	}
	if got, _ := H("a", Attrs{"href": "https://example.org/javascript:"}).Attr("href"); got == BlockedURL {
		t.Errorf("a URL that merely contains javascript: was blocked")
	}
}

func TestSVGNamespaceDoesNotChangeSharedChildren(t *testing.T) {
	shared := H("circle")
	html := H("div", shared)
	svg := H("svg", shared)
	if shared.Namespace() != "" || html.Children()[0].Namespace() != "" {
		t.Errorf("making an svg changed a child shared with HTML")
	}
	if svg.Children()[0].Namespace() != SVGNamespace {
		t.Errorf("the svg's child is not in the SVG namespace")
	}
	fo := H("svg", H("foreignObject", H("div")))
	if fo.Children()[0].Namespace() != SVGNamespace || fo.Children()[0].Children()[0].Namespace() != "" {
		t.Errorf("foreignObject or its HTML child in the wrong namespace")
	}
}

func TestThunkUnderSVGRendersInTheSVGNamespace(t *testing.T) {
	n := H("svg", Thunk("c", func() Node { return H("circle") }))
	m := MemDOMFrom(n)
	if got := m.String(); !strings.Contains(got, "svg:circle") {
		t.Errorf("thunk under svg rendered as %s, want an SVG circle", got)
	}
	p := NewPatcher()
	dom := NewMemDOM()
	if err := dom.Apply(p.Patch(n)); err != nil {
		t.Fatal(err)
	}
	if got := dom.String(); !strings.Contains(got, "svg:circle") {
		t.Errorf("the diff created %s, want an SVG circle", got)
	}
}

func TestHRefusesWhatTheBrowserWouldReject(t *testing.T) {
	for _, sel := range []string{"div.a b", "1p", "-x", "@click", "p.", "p#"} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("H(%q) did not panic", sel)
				}
			}()
			H(sel)
		}()
	}
	defer func() {
		r, _ := recover().(string)
		if !strings.Contains(r, "[]string") {
			t.Errorf("H with a []string argument: %q, want the message to name the type", r)
		}
	}()
	H("p", []string{"a"})
}

func TestSVGAnimationCannotSetAJavaScriptURL(t *testing.T) {
	for _, a := range []Attrs{
		{"attributeName": "href", "values": "https://ok;javascript:alert(1)"},
		{"attributeName": "href", "to": " JavaScript:alert(1)"},
	} {
		n := HNS(SVGNamespace, "set", a)
		for _, name := range []string{"values", "to"} {
			if v, ok := n.Attr(name); ok && v != BlockedURL {
				t.Errorf("%s=%q kept on an SVG animation", name, v)
			}
		}
	}
	if v, _ := HNS(SVGNamespace, "animate", Attrs{"values": "0;10"}).Attr("values"); v != "0;10" {
		t.Errorf("ordinary animation values became %q", v)
	}
}

func TestThunkRenderingAFragmentOrAThunkUnderSVG(t *testing.T) {
	for name, th := range map[string]Node{
		"fragment": Thunk("f", func() Node { return Fragment(H("circle")) }),
		"thunk":    Thunk("t", func() Node { return Thunk("u", func() Node { return H("circle") }) }),
	} {
		if got := MemDOMFrom(H("svg", th)).String(); !strings.Contains(got, "svg:circle") {
			t.Errorf("%s: rendered %s, want an SVG circle", name, got)
		}
	}
}

func TestIsolatedThunkRootIsMarked(t *testing.T) {
	n := markScope(Thunk("row", func() Node { return H("div", "x") }), "a")
	if got := ToHTML(n); got != `<div data-cycle-scope="a">x</div>` {
		t.Errorf("got %s", got)
	}
	if k, ok := n.Key(); !ok || k != "row" {
		t.Errorf("the marked thunk lost its key: %q %v", k, ok)
	}
}
