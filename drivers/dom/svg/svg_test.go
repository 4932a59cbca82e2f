package svg_test

import (
	"testing"

	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/dom/svg"
)

func TestHelpersAreSVGEverywhere(t *testing.T) {
	for _, n := range []dom.Node{svg.Circle(), svg.A(), svg.Title("t"), svg.Style("a{}"), svg.Text("x"), svg.Svg()} {
		if n.Namespace() != dom.SVGNamespace {
			t.Errorf("%s is in %q, want the SVG namespace", n.Tag(), n.Namespace())
		}
	}
	// Outside any svg element, in an HTML element.
	div := dom.Div(svg.G(svg.Rect()))
	g := div.Children()[0]
	if g.Namespace() != dom.SVGNamespace || g.Children()[0].Namespace() != dom.SVGNamespace {
		t.Errorf("svg.G in a div: g in %q, rect in %q", g.Namespace(), g.Children()[0].Namespace())
	}
	if got := svg.ForeignObject(dom.Div()).Children()[0].Namespace(); got != "" {
		t.Errorf("a div in a foreignObject is in %q, want HTML", got)
	}
}

func TestCamelCaseTags(t *testing.T) {
	tests := map[string]dom.Node{
		"clipPath":       svg.ClipPath(),
		"foreignObject":  svg.ForeignObject(),
		"linearGradient": svg.LinearGradient(),
		"feGaussianBlur": svg.FeGaussianBlur(),
		"feFuncA":        svg.FeFuncA(),
		"animateMotion":  svg.AnimateMotion(),
		"textPath":       svg.TextPath(),
	}
	for want, n := range tests {
		if n.Tag() != want {
			t.Errorf("tag %q, want %q", n.Tag(), want)
		}
	}
}

func TestToHTML(t *testing.T) {
	n := svg.Svg(dom.Attrs{"viewBox": "0 0 10 10"},
		svg.Defs(svg.LinearGradient(dom.Attrs{"id": "g"}, svg.Stop(dom.Attrs{"offset": "0"}))),
		svg.Circle(dom.Attrs{"r": "4", "fill": "url(#g)"}),
		svg.Text(dom.Attrs{"x": "1"}, "a < b"))
	want := `<svg viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>` +
		`<circle fill="url(#g)" r="4"/><text x="1">a &lt; b</text></svg>`
	if got := dom.ToHTML(n); got != want {
		t.Errorf("ToHTML:\n got %s\nwant %s", got, want)
	}
}
