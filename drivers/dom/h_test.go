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
