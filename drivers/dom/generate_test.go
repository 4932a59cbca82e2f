package dom

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/drivers/dom/internal/gen"
)

// TestGeneratedFilesAreUpToDate fails when a tag list or the generator
// changed and go generate was not run.
func TestGeneratedFilesAreUpToDate(t *testing.T) {
	files, err := gen.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{gen.HTMLFile, gen.SVGFile} {
		want, ok := files[p]
		if !ok {
			t.Fatalf("gen.Files has no %s", p)
		}
		got, err := os.ReadFile(filepath.FromSlash(p))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./drivers/dom", p)
		}
	}
}

func TestGeneratorIsReproducible(t *testing.T) {
	a, err := gen.Files()
	if err != nil {
		t.Fatal(err)
	}
	b, err := gen.Files()
	if err != nil {
		t.Fatal(err)
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs of the generator", p)
		}
	}
}

// TestSVGTagsKeepTheirCase checks the SVG tag list against svgCamelTags,
// which H uses to keep the case of a tag.
func TestSVGTagsKeepTheirCase(t *testing.T) {
	tags, err := gen.SVGTags()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, tag := range tags {
		listed[tag.Name] = true
		if tag.Name != strings.ToLower(tag.Name) && !isSVGCamel(tag.Name) {
			t.Errorf("SVG tag %s is not in svgCamelTags: H would lower-case it", tag.Name)
		}
		if got := HNS(SVGNamespace, tag.Name).Tag(); got != tag.Name {
			t.Errorf("HNS(SVGNamespace, %q).Tag() = %q", tag.Name, got)
		}
	}
	for tag := range svgCamelTags {
		if !listed[tag] {
			t.Errorf("svgCamelTags has %s, which svg_tags.txt does not", tag)
		}
	}
}

func TestHTMLTagsAreValid(t *testing.T) {
	tags, err := gen.HTMLTags()
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range tags {
		if got := H(tag.Name).Tag(); got != tag.Name {
			t.Errorf("H(%q).Tag() = %q: tags of the list must be lower-case", tag.Name, got)
		}
	}
}

func TestHTMLHelpers(t *testing.T) {
	tests := []struct {
		node Node
		want string
	}{
		{Div(), `<div></div>`},
		{Div(Class{"row": true}, Key("k"), "x", Span("y")), `<div class="row">x<span>y</span></div>`},
		{Input(Attrs{"type": "range"}, Props{"value": 3}), `<input type="range" value="3">`},
		{H1("Title"), `<h1>Title</h1>`},
		{Tbody(Tr(Td("1"))), `<tbody><tr><td>1</td></tr></tbody>`},
		{StyleEl("a > b {}"), `<style>a > b {}</style>`},
		{Video(SourceEl(Attrs{"src": "a.webm"})), `<video><source src="a.webm"></video>`},
		{Select(Props{"value": "b"}, Option("a"), Option("b")), `<select><option>a</option><option selected>b</option></select>`},
		{Selectedcontent(), `<selectedcontent></selectedcontent>`},
		{Var("x"), `<var>x</var>`},
	}
	for _, tt := range tests {
		if got := ToHTML(tt.node); got != tt.want {
			t.Errorf("ToHTML = %s, want %s", got, tt.want)
		}
	}
	if got := Html(Head(Title("t")), Body()).Tag(); got != "html" {
		t.Errorf("Html().Tag() = %q", got)
	}
}

func TestHNS(t *testing.T) {
	g := HNS(SVGNamespace, "g.layer", Attrs{"id": "g"}, H("rect"), HNS(SVGNamespace, "foreignObject", H("div", H("p"))))
	if g.Namespace() != SVGNamespace || g.Tag() != "g" || !g.HasClass("layer") {
		t.Fatalf("HNS(SVGNamespace, \"g.layer\") = %s in %q", g.Tag(), g.Namespace())
	}
	rect, fo := g.Children()[0], g.Children()[1]
	if rect.Namespace() != SVGNamespace || fo.Namespace() != SVGNamespace {
		t.Errorf("children of an SVG element should be SVG: rect in %q, foreignObject in %q", rect.Namespace(), fo.Namespace())
	}
	div := fo.Children()[0]
	if div.Namespace() != "" || div.Children()[0].Namespace() != "" {
		t.Errorf("children of a foreignObject should be HTML: div in %q", div.Namespace())
	}
	if n := HNS("", "svg", H("circle")); n.Namespace() != SVGNamespace || n.Children()[0].Namespace() != SVGNamespace {
		t.Errorf(`HNS("", "svg") should be H("svg")`)
	}
	if n := HNS("", "div"); n.Namespace() != "" {
		t.Errorf(`HNS("", "div") in %q`, n.Namespace())
	}
	if Text("x").Namespace() != "" || (Node{}).Namespace() != "" {
		t.Error("Namespace of a text or zero node should be empty")
	}
	mustPanic(t, "HNS with a bad argument", func() { HNS(SVGNamespace, "g", 42) })
}

func TestRawRefusesAnInvalidTag(t *testing.T) {
	for _, tag := range []string{"", "div><script", "a b", "x/"} {
		mustPanic(t, "Raw("+tag+")", func() { Raw(tag, "") })
	}
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s did not panic", what)
		}
	}()
	f()
}
