package dom_test

import (
	"fmt"
	"strconv"

	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/dom/svg"
)

func ExampleH() {
	view := dom.H("label.field#h-label", dom.Attrs{"for": "h"}, dom.Class{"required": true, "field": true},
		"Height ",
		dom.H("input#h", dom.Attrs{"type": "range", "min": "100"},
			dom.Props{"value": 175, "disabled": false},
			dom.Style{"width": "10em"}))
	fmt.Println(dom.ToHTML(view))
	// Output:
	// <label class="field required" for="h" id="h-label">Height <input id="h" min="100" style="width: 10em" type="range" value="175"></label>
}

func ExampleToHTML() {
	items := []string{"milk", "<eggs> & ham"}
	var rows []dom.Node
	for i, item := range items {
		rows = append(rows, dom.Li(dom.Key(item), dom.Dataset{"rowIndex": strconv.Itoa(i)}, item))
	}
	page := dom.Div(dom.Class{"list": true},
		dom.H2("Shopping"),
		dom.Ul(rows),
		dom.A(dom.Attrs{"href": "javascript:alert(1)", "title": `"><script>`}, "link"),
		svg.Svg(dom.Attrs{"viewBox": "0 0 2 2"}, svg.Circle(dom.Attrs{"cx": "1", "cy": "1", "r": "1"})),
		dom.Br())
	fmt.Println(dom.ToHTML(page))
	// Output:
	// <div class="list"><h2>Shopping</h2><ul><li data-row-index="0">milk</li><li data-row-index="1">&lt;eggs&gt; &amp; ham</li></ul><a href="about:blank#blocked" title="&quot;&gt;&lt;script&gt;">link</a><svg viewBox="0 0 2 2"><circle cx="1" cy="1" r="1"/></svg><br></div>
}

func ExampleHNS() {
	// A component that returns part of a drawing, put in an svg element
	// by its parent: the group is SVG although no svg element is around
	// it yet.
	marker := dom.HNS(dom.SVGNamespace, "g.marker", dom.HNS(dom.SVGNamespace, "circle", dom.Attrs{"r": "2"}))
	fmt.Println(marker.Namespace() == dom.SVGNamespace)
	fmt.Println(dom.ToHTML(dom.H("svg", marker)))
	// Output:
	// true
	// <svg><g class="marker"><circle r="2"/></g></svg>
}
