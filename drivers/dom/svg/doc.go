// Package svg has one helper per element of SVG 2 (and of Filter
// Effects), generated from a tag list: svg.Svg, svg.Circle,
// svg.ClipPath, svg.FeGaussianBlur, ... Each returns the element in the
// SVG namespace wherever it is put, even outside an <svg> element, with
// [dom.HNS]: a component can return an svg.G that its parent puts in an
// svg.Svg. The arguments are those of [dom.H].
//
// A helper is named by its tag with the first letter capitalized, the
// rest kept as it is (clipPath is ClipPath); the tag itself keeps its
// exact case. The package is apart from package dom so that svg.A,
// svg.Title, svg.Style and svg.Text do not clash with the HTML helpers
// and the types of package dom.
//
//	svg.Svg(dom.Attrs{"viewBox": "0 0 10 10"},
//		svg.Defs(svg.LinearGradient(dom.Attrs{"id": "g"}, ...)),
//		svg.Circle(dom.Attrs{"cx": "5", "cy": "5", "r": "4", "fill": "url(#g)"}))
package svg
