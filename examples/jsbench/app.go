// Command jsbench is the js-framework-benchmark's table app written with
// gocycle: a keyed table of rows that buttons create, append to, update,
// swap and clear, whose rows are selected by a click on their label and
// removed by a click on their ×. It runs in a browser (main_js.go); this
// file is the app itself, pure Go, tested natively (app_test.go).
//
// web/vanilla.js is the same app in plain JavaScript, written as the
// baseline of the benchmark: both make the same labels from the same
// seeded generator, so that after the same clicks both pages show the
// same table. bench/ drives both in headless Chromium; see README.md.
package main

import (
	"strconv"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
)

// Sources are what the app reads: the DOM's events.
type Sources struct{ DOM *dom.Source }

// Sinks are what the app writes: its view.
type Sinks struct{ DOM *stream.Stream[dom.Node] }

// Row is one row of the table.
type Row struct {
	ID    int
	Label string
}

// State is the whole state of the app. A State is a value: Reduce never
// changes the Rows of the State it is given, it makes new ones.
type State struct {
	Rows     []Row
	Selected int    // the id of the selected row, 0 for none
	NextID   int    // the id the next new row gets
	Seed     uint32 // the state of the label generator
}

// Seed is the first state of the label generator, in this app and in
// web/vanilla.js.
const Seed uint32 = 0x2545f491

// Initial is the state the app starts with: no rows.
func Initial() State { return State{NextID: 1, Seed: Seed} }

// Op is what an Action does.
type Op uint8

// The operations of the benchmark, one per button, and the two of a row.
const (
	OpRun      Op = iota + 1 // #run: replace the rows with 1,000 new ones
	OpRunLots                // #runlots: replace the rows with 10,000 new ones
	OpAdd                    // #add: append 1,000 new rows
	OpUpdate                 // #update: append " !!!" to every 10th label
	OpClear                  // #clear: remove every row
	OpSwapRows               // #swaprows: swap the 2nd and the 999th rows
	OpSelect                 // a.lbl: select the row ID
	OpRemove                 // a.remove: remove the row ID
)

// Action is one user action: an Op, and the row it is about for OpSelect
// and OpRemove.
type Action struct {
	Op Op
	ID int
}

// Reduce returns the state after a.
func Reduce(s State, a Action) State {
	switch a.Op {
	case OpRun:
		s.Rows, s.NextID, s.Seed = buildRows(nil, 1000, s.NextID, s.Seed)
		s.Selected = 0
	case OpRunLots:
		s.Rows, s.NextID, s.Seed = buildRows(nil, 10000, s.NextID, s.Seed)
		s.Selected = 0
	case OpAdd:
		rows := make([]Row, len(s.Rows), len(s.Rows)+1000)
		copy(rows, s.Rows)
		s.Rows, s.NextID, s.Seed = buildRows(rows, 1000, s.NextID, s.Seed)
	case OpUpdate:
		rows := make([]Row, len(s.Rows))
		copy(rows, s.Rows)
		for i := 0; i < len(rows); i += 10 {
			rows[i].Label += " !!!"
		}
		s.Rows = rows
	case OpClear:
		s.Rows, s.Selected = nil, 0
	case OpSwapRows:
		if len(s.Rows) > 998 {
			rows := make([]Row, len(s.Rows))
			copy(rows, s.Rows)
			rows[1], rows[998] = rows[998], rows[1]
			s.Rows = rows
		}
	case OpSelect:
		s.Selected = a.ID
	case OpRemove:
		for i, r := range s.Rows {
			if r.ID == a.ID {
				rows := make([]Row, 0, len(s.Rows)-1)
				rows = append(rows, s.Rows[:i]...)
				s.Rows = append(rows, s.Rows[i+1:]...)
				break
			}
		}
	}
	return s
}

// The words of the labels, those of the js-framework-benchmark.
var (
	adjectives = []string{"pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
		"clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important",
		"inexpensive", "cheap", "expensive", "fancy"}
	colours = []string{"red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"}
	nouns   = []string{"table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza",
		"mouse", "keyboard"}
)

// random is the label generator, xorshift32: it returns the next state
// and a number below n taken from it. web/vanilla.js has the same.
func random(seed uint32, n int) (uint32, int) {
	seed ^= seed << 13
	seed ^= seed >> 17
	seed ^= seed << 5
	return seed, int(seed % uint32(n))
}

// Label returns a label and the generator's next state: an adjective, a
// colour and a noun.
func Label(seed uint32) (string, uint32) {
	var a, c, n int
	seed, a = random(seed, len(adjectives))
	seed, c = random(seed, len(colours))
	seed, n = random(seed, len(nouns))
	return adjectives[a] + " " + colours[c] + " " + nouns[n], seed
}

// buildRows appends count new rows to rows, with ids from id on, and
// returns them with the next id and the generator's next state.
func buildRows(rows []Row, count, id int, seed uint32) ([]Row, int, uint32) {
	if rows == nil {
		rows = make([]Row, 0, count)
	}
	for range count {
		var label string
		label, seed = Label(seed)
		rows = append(rows, Row{ID: id, Label: label})
		id++
	}
	return rows, id, seed
}

// App is the app: the clicks on the buttons and on the rows' links are
// actions, folded into the state, whose view is the sink.
//
// Events are delegated (one listener per type on the container, as
// every gocycle app): the row's links carry its id in data-id, and the
// event's Dataset gives it back.
func App(src Sources) Sinks {
	button := func(sel string, op Op) *stream.Stream[Action] {
		return stream.MapTo(src.DOM.Select(sel).Events("click"), Action{Op: op})
	}
	link := func(sel string, op Op) *stream.Stream[Action] {
		return stream.Map(src.DOM.Select(sel).Events("click"), func(e dom.Event) Action {
			id, _ := strconv.Atoi(e.Dataset["id"]) // 0, no row, if it is missing
			return Action{Op: op, ID: id}
		})
	}
	actions := stream.Merge(
		button("#run", OpRun),
		button("#runlots", OpRunLots),
		button("#add", OpAdd),
		button("#update", OpUpdate),
		button("#clear", OpClear),
		button("#swaprows", OpSwapRows),
		link("a.lbl", OpSelect),
		link("a.remove", OpRemove),
	)
	state := stream.Fold(actions, Initial(), Reduce)
	return Sinks{DOM: stream.Map(state, View)}
}

// View is the page for s: the js-framework-benchmark's markup, a
// jumbotron of buttons above a table with one row per Row. Every row is a
// Thunk keyed by its id, with args (id, label, selected): rows that did
// not change are neither rendered again nor diffed.
func View(s State) dom.Node {
	rows := make([]dom.Node, len(s.Rows))
	for i, r := range s.Rows {
		rows[i] = rowThunk(r.ID, r.Label, r.ID == s.Selected)
	}
	return dom.H("div.container",
		header,
		dom.H("table.table.table-hover.table-striped.test-data", dom.H("tbody#tbody", rows)),
		preloadIcon,
	)
}

func rowThunk(id int, label string, selected bool) dom.Node {
	key := strconv.Itoa(id)
	return dom.Thunk(key, func() dom.Node { return rowView(key, label, selected) }, id, label, selected)
}

// rowView is one row: the id, the label to select it, the × to remove it.
func rowView(id, label string, selected bool) dom.Node {
	data := dom.Dataset{"id": id}
	return dom.H("tr", dom.Class{"danger": selected},
		dom.H("td.col-md-1", id),
		dom.H("td.col-md-4", dom.H("a.lbl", data, label)),
		dom.H("td.col-md-1", dom.H("a.remove", data,
			dom.H("span.remove.glyphicon.glyphicon-remove", ariaHidden))),
		dom.H("td.col-md-6"),
	)
}

// ariaHidden is given to every row's icon: H copies it, never changes it.
var ariaHidden = dom.Attrs{"aria-hidden": "true"}

// header and preloadIcon never change: made once, they are the same
// vnodes in every view, which the diff skips.
var (
	header = dom.H("div.jumbotron", dom.H("div.row",
		dom.H("div.col-md-6", dom.H("h1", "gocycle keyed")),
		dom.H("div.col-md-6", dom.H("div.row",
			headerButton("run", "Create 1,000 rows"),
			headerButton("runlots", "Create 10,000 rows"),
			headerButton("add", "Append 1,000 rows"),
			headerButton("update", "Update every 10th row"),
			headerButton("clear", "Clear"),
			headerButton("swaprows", "Swap Rows"),
		)),
	))
	preloadIcon = dom.H("span.preloadicon.glyphicon.glyphicon-remove", ariaHidden)
)

func headerButton(id, text string) dom.Node {
	return dom.H("div.col-sm-6.smallpad",
		dom.H("button.btn.btn-primary.btn-block", dom.Attrs{"type": "button", "id": id}, text))
}
