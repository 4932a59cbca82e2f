package main

import (
	"testing"

	"github.com/gocycle/gocycle/drivers/dom"
)

// BenchmarkCreate1000 is the Go side of clearing and creating 1,000 rows,
// natively: the views of the empty table and of the state after #run
// (their thunks rendered by the diff), and the two diffs.
func BenchmarkCreate1000(b *testing.B) {
	empty := Initial()
	full := Reduce(empty, Action{Op: OpRun})
	p := dom.NewPatcher()
	p.Patch(View(full))
	b.ReportAllocs()
	for b.Loop() {
		p.Patch(View(empty))
		p.Patch(View(full))
	}
}

// BenchmarkView1000 is the view of 1,000 rows with every row rendered,
// and written as HTML.
func BenchmarkView1000(b *testing.B) {
	full := Reduce(Initial(), Action{Op: OpRun})
	b.ReportAllocs()
	for b.Loop() {
		n := View(full)
		dom.ToHTML(n)
	}
}
