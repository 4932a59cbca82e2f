package dom

import (
	"encoding/binary"
	"strings"
	"testing"
)

func TestMemDOMString(t *testing.T) {
	n := Fragment(
		H("p.b.a#x", Attrs{"title": `say "hi"`}, Style{"color": "red"}, Props{"value": "v", "n": 1.5, "checked": true},
			"a < b", Text("c")),
		HNS(SVGNamespace, "circle", Attrs{"r": "1"}),
		Raw("div", "<b>raw</b>"),
	)
	want := `<p.a.b id="x" title="say \"hi\"" style:color="red" prop:checked=true prop:n=1.5 prop:value="v">"a < b""c"</p>` +
		`<svg:circle r="1"></svg:circle><div raw><b>raw</b></div>`
	if got := MemDOMFrom(n).String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if got := MemDOMFrom(Node{}).String(); got != "" {
		t.Fatalf("the zero Node: got %q", got)
	}
}

func TestMemDOMElement(t *testing.T) {
	p, d := NewPatcher(), NewMemDOM()
	step(t, p, d, H("p", "x"))
	if el := d.Element(1); el == nil || el.TagName() != "p" {
		t.Fatalf("Element(1) = %v", el)
	}
	for _, id := range []uint32{0, 2, 3} { // the container, a text, nothing
		if el := d.Element(id); el != nil {
			t.Errorf("Element(%d) = %v, want nil", id, el)
		}
	}
	if n := d.NodeAt(0, 0); n == nil || n.Text() != "x" || n.ID() != 2 {
		t.Fatalf("NodeAt(0, 0) = %v", n)
	}
	if d.NodeAt(0, 1) != nil || d.NodeAt(-1) != nil {
		t.Fatal("NodeAt out of range is not nil")
	}
}

// words builds an edit list by hand: strings are given as string
// arguments, and get their index.
func words(args ...any) *Edits {
	e := &Edits{}
	for _, a := range args {
		switch a := a.(type) {
		case Op:
			e.Words = append(e.Words, uint32(a))
		case int:
			e.Words = append(e.Words, uint32(a))
		case uint32:
			e.Words = append(e.Words, a)
		case string:
			e.Words = append(e.Words, e.str(a))
		}
	}
	return e
}

func TestMemDOMApplyErrors(t *testing.T) {
	setup := []any{OpCreateElement, 1, "div", NoString, OpCreateElement, 2, "p", NoString, OpCreateText, 3, "t",
		OpAppend, 0, 1, OpAppend, 1, 2, OpAppend, 2, 3}
	for _, tc := range []struct {
		name string
		list []any
		err  string
	}{
		{"unknown op", []any{99}, "unknown op"},
		{"zero op", []any{0}, "unknown op"},
		{"truncated", []any{OpSetAttr, 1, "a"}, "truncated"},
		{"truncated freed ids", []any{OpRemove, 2, 3, 2}, "truncated"},
		{"unknown id", []any{OpSetAttr, 9, "a", "b"}, "unknown id 9"},
		{"id in use", []any{OpCreateText, 2, "x"}, "id 2 is in use"},
		{"container", []any{OpCreateText, 0, "x"}, "container"},
		{"string out of range", []any{OpSetAttr, 1, 5, 0}, "string 5 out of range"},
		{"NoString as a name", []any{OpSetAttr, 1, NoString, "x"}, "out of range"},
		{"into itself", []any{OpAppend, 2, 1}, "into itself"},
		{"into a text", []any{OpAppend, 3, 2}, "cannot have children"},
		{"ref not a child", []any{OpCreateText, 4, "y", OpInsertBefore, 1, 4, 3}, "ref 3 is not a child of 1"},
		{"id freed in this list", []any{OpRemove, 2, 2, 2, 3, OpCreateText, 3, "x"}, "freed in this list"},
		{"freed ids missing one", []any{OpRemove, 2, 1, 2}, "2 nodes are removed, 1 ids freed"},
		{"freed id outside", []any{OpRemove, 2, 2, 2, 1}, "freed id 1 is not removed"},
		{"freed id twice", []any{OpRemove, 2, 2, 2, 2}, "listed twice"},
		{"clear frees the parent", []any{OpClear, 2, 1, 2}, "freed id 2 is not removed"},
		{"set text of an element", []any{OpSetText, 1, "x"}, "not a text node"},
		{"set raw of an element", []any{OpSetRaw, 1, "x"}, "not a raw element"},
		{"attribute of a text", []any{OpSetAttr, 3, "a", "b"}, "is a text node"},
		{"attribute of the container", []any{OpSetAttr, 0, "a", "b"}, "container"},
		{"bad boolean", []any{OpSetClass, 1, "a", 2}, "not 0 or 1"},
		{"bad class", []any{OpSetClass, 1, "a b", 1}, "invalid class name"},
		{"bad tag", []any{OpCreateElement, 5, "a b", NoString}, "invalid tag"},
		{"remove the container", []any{OpRemove, 0, 0}, "container"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewMemDOM()
			if err := d.Apply(words(setup...)); err != nil {
				t.Fatal(err)
			}
			err := d.Apply(words(tc.list...))
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("got %v, want an error with %q", err, tc.err)
			}
			checkTree(t, d)
		})
	}
}

func TestMemDOMApplyValid(t *testing.T) {
	d := NewMemDOM()
	e := words(OpCreateElement, 1, "ul", NoString, OpCreateText, 2, "a", OpCreateText, 3, "b",
		OpAppend, 0, 1, OpAppend, 1, 2, OpAppend, 1, 3,
		OpInsertBefore, 1, 3, 2, // move b before a
		OpInsertBefore, 1, 3, 3, // before itself: stays
		OpSetPropNumber, 1, "x", 0, 0x3ff80000, // 1.5
		OpCreateElement, 4, "li", NoString, OpAppend, 1, 4, OpRemove, 4, 1, 4,
		OpClear, 0, 3, 1, 3, 2, // the freed ids in any order
		OpCreateElement, 5, "p", NoString, OpAppend, 0, 5)
	if err := d.Apply(e); err != nil {
		t.Fatal(err)
	}
	if got, want := d.String(), "<p></p>"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	// Freed ids may be given again by the next list.
	if err := d.Apply(words(OpCreateText, 1, "again", OpAppend, 5, 1)); err != nil {
		t.Fatal(err)
	}
}

// checkTree checks that the links of d are consistent: every node's
// children point back to it, there is no cycle, and every live node is
// in nodes.
func checkTree(t testing.TB, d *MemDOM) {
	t.Helper()
	seen := map[*MemNode]bool{}
	var walk func(n *MemNode)
	walk = func(n *MemNode) {
		for _, c := range n.children {
			if seen[c] {
				t.Fatalf("node %d is reached twice", c.id)
			}
			seen[c] = true
			if c.parent != n {
				t.Fatalf("node %d has the wrong parent", c.id)
			}
			if d.nodes[c.id] != c {
				t.Fatalf("node %d is in the tree but not live", c.id)
			}
			walk(c)
		}
	}
	walk(&d.root)
	for _, n := range d.nodes {
		if n.parent != nil && !seen[n] {
			walk(n) // a detached subtree: its links must hold too
		}
	}
	_ = d.String()
}

// fuzzWords decodes fuzz input into words: a byte below 0xfc is a word of
// its own, so that small ops and ids are common; 0xfc to 0xff starts a
// full little-endian word.
func fuzzWords(data []byte) []uint32 {
	var w []uint32
	for len(data) > 0 {
		b := data[0]
		data = data[1:]
		if b < 0xfc {
			w = append(w, uint32(b))
			continue
		}
		var buf [4]byte
		n := copy(buf[:], data)
		data = data[n:]
		w = append(w, binary.LittleEndian.Uint32(buf[:]))
	}
	return w
}

// encodeWords is fuzzWords' inverse, for seeds.
func encodeWords(w []uint32) []byte {
	var out []byte
	for _, x := range w {
		if x < 0xfc {
			out = append(out, byte(x))
			continue
		}
		out = append(out, 0xfc)
		out = binary.LittleEndian.AppendUint32(out, x)
	}
	return out
}

var fuzzStrings = []string{"div", "p", "", "x", SVGNamespace, "a b"}

func FuzzMemDOMApply(f *testing.F) {
	p := NewPatcher()
	for _, n := range []Node{
		H("ul", list("a", "b", "c").Children(), Attrs{"title": "x"}),
		H("ul", list("c", "a").Children(), Props{"value": "p", "n": 1.0}),
		Node{},
	} {
		// Real lists, read with the fuzz string table: their string
		// operands mean other strings, or none, which is fine for a seed.
		f.Add(encodeWords(p.Patch(n).Words))
	}
	f.Add([]byte{byte(OpCreateElement), 1, 0, 0xfc, 0xff, 0xff, 0xff, 0xff, byte(OpAppend), 0, 1, byte(OpRemove), 1, 0xfc, 0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		d := NewMemDOM()
		e := &Edits{Words: fuzzWords(data), Strings: fuzzStrings}
		_ = d.Apply(e)
		checkTree(t, d)
		_ = d.Apply(e) // again, on what the first left
		checkTree(t, d)
	})
}

// Attribute names of HTML elements are lower case, as in the browser and
// in ToHTML; those of SVG elements keep their case.
func TestMemDOMAttributeNameCase(t *testing.T) {
	n := Div(Attrs{"viewBox": "0 0 1 1", "data-X": "1"}, H("svg", Attrs{"viewBox": "0 0 2 2"}))
	p, d := NewPatcher(), NewMemDOM()
	step(t, p, d, n)
	want := `<div data-x="1" viewbox="0 0 1 1"><svg:svg viewBox="0 0 2 2"></svg:svg></div>`
	if got := d.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if v, ok := d.NodeAt(0).Attr("viewBox"); !ok || v != "0 0 1 1" {
		t.Errorf("Attr(viewBox) of a div = %q, %v", v, ok)
	}
	if _, ok := d.NodeAt(0, 0).Attr("viewbox"); ok {
		t.Error("an svg's viewBox is found as viewbox")
	}
	step(t, p, d, Div(H("svg", Attrs{"viewBox": "0 0 2 2"})))
	if got := d.String(); got != `<div><svg:svg viewBox="0 0 2 2"></svg:svg></div>` {
		t.Errorf("after removing: %s", got)
	}
	if !strings.Contains(ToHTML(n), `viewbox="0 0 1 1"`) {
		t.Errorf("ToHTML: %s", ToHTML(n))
	}
}
