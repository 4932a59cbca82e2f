package dom

import (
	"strconv"
	"testing"
)

// The js-framework-benchmark's operations on its table of rows. Trees
// are built outside the timed part, and every tree is built afresh, as a
// view does: the diff cannot take the shortcut of unchanged vnodes.

func benchRow(id int, label string) Node {
	return H("tr", Key(strconv.Itoa(id)),
		H("td.col-md-1", strconv.Itoa(id)),
		H("td.col-md-4", H("a", label)),
		H("td.col-md-1", H("a", H("span.glyphicon.glyphicon-remove", Attrs{"aria-hidden": "true"}))),
		H("td.col-md-6"))
}

// benchTable returns the table of rows with the ids in order, each row's
// label changed by label.
func benchTable(ids []int, label func(i, id int) string) Node {
	rows := make([]Node, len(ids))
	for i, id := range ids {
		rows[i] = benchRow(id, label(i, id))
	}
	return H("table.table", H("tbody", rows))
}

func plain(_, id int) string { return "row " + strconv.Itoa(id) }

func ids(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}

// alternate patches between trees, one per iteration, after the first.
func alternate(b *testing.B, trees ...Node) {
	p := NewPatcher()
	p.Patch(trees[len(trees)-1])
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.Patch(trees[i%len(trees)])
	}
}

func BenchmarkCreate1000(b *testing.B) {
	full := benchTable(ids(1, 1000), plain)
	empty := benchTable(nil, plain)
	p := NewPatcher()
	p.Patch(full) // the Patcher's memory is warm, as after a clear
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		p.Patch(empty)
		b.StartTimer()
		p.Patch(full)
	}
}

func BenchmarkUpdateEvery10th1000(b *testing.B) {
	changed := func(i, id int) string {
		if i%10 == 0 {
			return plain(i, id) + " !!!"
		}
		return plain(i, id)
	}
	alternate(b, benchTable(ids(1, 1000), changed), benchTable(ids(1, 1000), plain))
}

func BenchmarkSwapRows1000(b *testing.B) {
	swapped := ids(1, 1000)
	swapped[1], swapped[998] = swapped[998], swapped[1]
	alternate(b, benchTable(swapped, plain), benchTable(ids(1, 1000), plain))
}

func BenchmarkClear1000(b *testing.B) {
	full := benchTable(ids(1, 1000), plain)
	empty := benchTable(nil, plain)
	p := NewPatcher()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		p.Patch(full)
		b.StartTimer()
		p.Patch(empty)
	}
}

func BenchmarkReplaceAll1000(b *testing.B) {
	alternate(b, benchTable(ids(1001, 1000), plain), benchTable(ids(1, 1000), plain))
}
