package main

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
)

// page runs App natively: clicks come from subjects through a mock DOM
// source, and every view is diffed into a MemDOM, as the browser driver
// would patch the page.
type page struct {
	t       *testing.T
	clicks  map[string]*stream.Subject[dom.Event]
	patcher *dom.Patcher
	mem     *dom.MemDOM
	edits   int // operations of the last patch
	views   int
	cancel  func()
}

func newPage(t *testing.T) *page {
	t.Helper()
	pg := &page{t: t, clicks: map[string]*stream.Subject[dom.Event]{}, patcher: dom.NewPatcher(), mem: dom.NewMemDOM()}
	cfg := dom.MockConfig{}
	for _, sel := range []string{"#run", "#runlots", "#add", "#update", "#clear", "#swaprows", "a.lbl", "a.remove"} {
		s := stream.NewSubject[dom.Event]()
		pg.clicks[sel] = s
		cfg[sel] = dom.MockSelector{Events: map[string]*stream.Stream[dom.Event]{"click": s.Stream()}}
	}
	sinks := App(Sources{DOM: dom.MockSource(cfg)})
	pg.cancel = sinks.DOM.Subscribe(stream.Listener[dom.Node]{
		Next: func(n dom.Node) {
			e := pg.patcher.Patch(n)
			pg.edits = e.Len()
			pg.views++
			if err := pg.mem.Apply(e); err != nil {
				t.Fatalf("applying the edits: %v", err)
			}
		},
		Error: func(err error) { t.Fatalf("the view failed: %v", err) },
	})
	t.Cleanup(pg.cancel)
	if pg.views != 1 {
		t.Fatalf("%d views at the start, want 1", pg.views)
	}
	return pg
}

func (pg *page) click(sel string) { pg.clicks[sel].Next(dom.Event{Type: "click"}) }

// clickRow clicks the link sel ("a.lbl" or "a.remove") of the row with
// that id, as the browser reports it: with the link's data-id.
func (pg *page) clickRow(sel, id string) {
	pg.clicks[sel].Next(dom.Event{Type: "click", Dataset: map[string]string{"id": id}})
}

// row is a row of the table as the page shows it.
type row struct {
	id, label string
	selected  bool
	node      *dom.MemNode
}

// rows reads the table of the page, checking the markup of every row.
func (pg *page) rows() []row {
	pg.t.Helper()
	main := pg.mem.NodeAt(0)
	if main == nil || len(main.Children()) != 3 {
		pg.t.Fatalf("the page is %v", main)
	}
	table := main.Children()[1]
	if !strings.HasPrefix(table.String(), "<table.table.table-hover.table-striped.test-data>") {
		pg.t.Fatalf("the table is %.80s", table.String())
	}
	var out []row
	for _, tr := range table.Children()[0].Children() {
		tds := tr.Children()
		if len(tds) != 4 {
			pg.t.Fatalf("a row has %d cells: %s", len(tds), tr)
		}
		id := tds[0].Children()[0].Text()
		link := tds[1].Children()[0]
		want := `<tr><td.col-md-1>"` + id + `"</td><td.col-md-4><a.lbl data-id="` + id + `">` +
			strconv.Quote(link.Children()[0].Text()) + `</a></td><td.col-md-1><a.remove data-id="` + id + `">` +
			`<span.glyphicon.glyphicon-remove.remove aria-hidden="true"></span></a></td><td.col-md-6></td></tr>`
		s := tr.String()
		selected := strings.HasPrefix(s, "<tr.danger>")
		if selected {
			s = "<tr>" + strings.TrimPrefix(s, "<tr.danger>")
		}
		if s != want {
			pg.t.Fatalf("a row is\n%s\nwant\n%s", tr, want)
		}
		out = append(out, row{id: id, label: link.Children()[0].Text(), selected: selected, node: tr})
	}
	return out
}

func ids(rs []row) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.id
	}
	return out
}

func TestOperations(t *testing.T) {
	pg := newPage(t)
	if n := len(pg.rows()); n != 0 {
		t.Fatalf("%d rows at the start", n)
	}

	pg.click("#run")
	rs := pg.rows()
	if len(rs) != 1000 || rs[0].id != "1" || rs[999].id != "1000" {
		t.Fatalf("#run: %d rows, from %s", len(rs), rs[0].id)
	}
	for _, r := range rs {
		if len(strings.Fields(r.label)) != 3 || r.selected {
			t.Fatalf("#run: row %s is %q, selected %v", r.id, r.label, r.selected)
		}
	}

	pg.click("#add")
	rs2 := pg.rows()
	if len(rs2) != 2000 || rs2[1000].id != "1001" || rs2[1999].id != "2000" || rs2[0].node != rs[0].node {
		t.Fatalf("#add: %d rows, the first kept: %v", len(rs2), rs2[0].node == rs[0].node)
	}

	before := pg.rows()
	pg.click("#update")
	after := pg.rows()
	for i := range after {
		want := before[i].label
		if i%10 == 0 {
			want += " !!!"
		}
		if after[i].label != want || after[i].node != before[i].node {
			t.Fatalf("#update: row %d is %q, want %q (the same tr: %v)", i, after[i].label, want, after[i].node == before[i].node)
		}
	}
	if pg.edits != 200 { // one SetText per updated label, nothing else
		t.Errorf("#update made %d edits, want 200", pg.edits)
	}

	pg.click("#swaprows")
	swapped := pg.rows()
	want := ids(after)
	want[1], want[998] = want[998], want[1]
	if strings.Join(ids(swapped), ",") != strings.Join(want, ",") || swapped[1].node != after[998].node {
		t.Fatalf("#swaprows: rows 2 and 999 are %s and %s", swapped[1].id, swapped[998].id)
	}
	if pg.edits > 2 {
		t.Errorf("#swaprows made %d edits, want 2 moves at most", pg.edits)
	}

	pg.clickRow("a.lbl", swapped[4].id)
	sel := pg.rows()
	for i, r := range sel {
		if r.selected != (i == 4) {
			t.Fatalf("select: row %d (%s) selected %v", i, r.id, r.selected)
		}
	}
	pg.clickRow("a.lbl", swapped[6].id)
	sel = pg.rows()
	if sel[4].selected || !sel[6].selected {
		t.Fatal("selecting another row left the first selected")
	}
	if pg.edits != 2 { // the class of two rows; the other rows are thunks not rendered again
		t.Errorf("select made %d edits, want 2", pg.edits)
	}

	pg.clickRow("a.remove", sel[3].id)
	removed := pg.rows()
	want = append(ids(sel[:3]), ids(sel[4:])...)
	if strings.Join(ids(removed), ",") != strings.Join(want, ",") {
		t.Fatalf("remove: %d rows, the 4th is %s", len(removed), removed[3].id)
	}
	pg.clickRow("a.remove", "no such row")
	if len(pg.rows()) != 1999 {
		t.Fatal("removing an unknown row changed the table")
	}

	pg.click("#run")
	rs = pg.rows()
	if len(rs) != 1000 || rs[0].id != "2001" || rs[0].selected {
		t.Fatalf("#run again: %d rows from %s", len(rs), rs[0].id)
	}

	pg.click("#clear")
	if n := len(pg.rows()); n != 0 {
		t.Fatalf("#clear: %d rows", n)
	}

	pg.click("#runlots")
	if rs := pg.rows(); len(rs) != 10000 || rs[0].id != "3001" || rs[9999].id != "13000" {
		t.Fatalf("#runlots: %d rows", len(rs))
	}
	pg.click("#swaprows") // only the first 999 rows are involved
	pg.click("#clear")
	pg.click("#swaprows") // with no rows: nothing
	if n := len(pg.rows()); n != 0 {
		t.Fatalf("#swaprows on an empty table: %d rows", n)
	}
}

// The labels are the generator's, the one web/vanilla.js has too: the
// same seed gives the same labels in both pages (the benchmark checks
// that the two tables are equal after every run).
func TestLabels(t *testing.T) {
	seed := Seed
	var got []string
	for range 4 {
		var l string
		l, seed = Label(seed)
		got = append(got, l)
	}
	want := []string{"inexpensive pink pizza", "elegant brown keyboard", "odd green cookie", "odd white burger"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the first labels are %q, want %q", got, want)
	}
	// Every word is reachable, and the generator does not get stuck.
	words := map[string]bool{}
	seed = Seed
	for range 5000 {
		var l string
		l, seed = Label(seed)
		for _, w := range strings.Fields(l) {
			words[w] = true
		}
	}
	if n := len(adjectives) + len(colours) - 1 + len(nouns); len(words) != n { // "brown" is there twice
		t.Errorf("%d distinct words in 5000 labels, want %d", len(words), n)
	}
}

// web/vanilla.js makes the same labels: its generator and words, run by
// Node when there is one, give the labels Label gives.
func TestVanillaLabels(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node on PATH")
	}
	// The generator and the words of vanilla.js, up to its first use of
	// the document.
	script := `const src = require("fs").readFileSync("web/vanilla.js", "utf8");
		const body = src.slice(src.indexOf("const adjectives"), src.indexOf("let nextId"));
		const label = new Function(body + "; return label;")();
		const out = [];
		for (let i = 0; i < 3000; i++) out.push(label());
		process.stdout.write(out.join("\n"));`
	out, err := exec.Command(node, "-e", script).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	got := strings.Split(string(out), "\n")
	seed := Seed
	for i, g := range got {
		var want string
		want, seed = Label(seed)
		if g != want {
			t.Fatalf("label %d: vanilla.js makes %q, Label %q", i, g, want)
		}
	}
	if len(got) != 3000 {
		t.Fatalf("node gave %d labels", len(got))
	}
}

// Reduce never changes the rows of the state it is given.
func TestReduceIsPure(t *testing.T) {
	s := Reduce(Initial(), Action{Op: OpRun})
	keep := append([]Row(nil), s.Rows...)
	for _, a := range []Action{{Op: OpAdd}, {Op: OpUpdate}, {Op: OpSwapRows}, {Op: OpRemove, ID: 5}, {Op: OpSelect, ID: 3}, {Op: OpClear}, {Op: OpRun}} {
		Reduce(s, a)
		for i := range keep {
			if s.Rows[i] != keep[i] {
				t.Fatalf("%v changed row %d of the state it was given", a, i)
			}
		}
	}
}

// View renders the js-framework-benchmark's page.
func TestView(t *testing.T) {
	s := Reduce(Reduce(Initial(), Action{Op: OpRun}), Action{Op: OpSelect, ID: 2})
	s.Rows = s.Rows[:2]
	html := dom.ToHTML(View(s))
	for _, want := range []string{
		`<button class="btn btn-block btn-primary" id="run" type="button">Create 1,000 rows</button>`,
		`<table class="table table-hover table-striped test-data"><tbody id="tbody"><tr>`,
		`<tr class="danger"><td class="col-md-1">2</td><td class="col-md-4"><a class="lbl" data-id="2">`,
		`<td class="col-md-1"><a class="remove" data-id="2"><span aria-hidden="true" class="glyphicon glyphicon-remove remove"></span></a></td><td class="col-md-6"></td></tr></tbody></table>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the page has no %s\nin %s", want, html)
		}
	}
}
