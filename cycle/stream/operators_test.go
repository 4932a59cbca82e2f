package stream_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
)

// Each case builds a stream and states what a listener receives, in the
// notation of rec: values, "|" for completion, "#msg" for an error.
func TestOperators(t *testing.T) {
	boom := errors.New("boom")
	cases := []struct {
		name string
		s    func() fmt.Stringer
		want string
	}{
		{"Of", func() fmt.Stringer { return record(stream.Of(1, 2, 3)) }, "1 2 3 |"},
		{"FromSlice", func() fmt.Stringer { return record(stream.FromSlice([]string{"a", "b"})) }, "a b |"},
		{"Never", func() fmt.Stringer { return record(stream.Never[int]()) }, ""},
		{"Empty", func() fmt.Stringer { return record(stream.Empty[int]()) }, "|"},
		{"Throw", func() fmt.Stringer { return record(stream.Throw[int](boom)) }, "#boom"},
		{"MapTo", func() fmt.Stringer { return record(stream.MapTo(stream.Of(1, 2), "x")) }, "x x |"},
		{"Filter", func() fmt.Stringer {
			return record(stream.Of(1, 2, 3, 4).Filter(func(v int) bool { return v%2 == 0 }))
		}, "2 4 |"},
		{"Drop", func() fmt.Stringer { return record(stream.Of(1, 2, 3).Drop(2)) }, "3 |"},
		{"Last", func() fmt.Stringer { return record(stream.Of(1, 2, 3).Last()) }, "3 |"},
		{"Last of nothing", func() fmt.Stringer { return record(stream.Empty[int]().Last()) }, "#stream: Last: the stream completed without a value"},
		{"StartWith", func() fmt.Stringer { return record(stream.Of(1).StartWith(0)) }, "0 1 |"},
		{"Fold", func() fmt.Stringer {
			return record(stream.Fold(stream.Of(1, 2, 3), 10, func(acc, v int) int { return acc + v }))
		}, "10 11 13 16 |"},
		{"Merge", func() fmt.Stringer { return record(stream.Merge(stream.Of(1, 2), stream.Of(3))) }, "1 2 3 |"},
		{"Merge of nothing", func() fmt.Stringer { return record(stream.Merge[int]()) }, "|"},
		{"Merge error", func() fmt.Stringer { return record(stream.Merge(stream.Of(1), stream.Throw[int](boom), stream.Of(2))) }, "1 #boom"},
		{"Concat", func() fmt.Stringer {
			return record(stream.Concat(stream.Of(1, 2), stream.Empty[int](), stream.Of(3)))
		}, "1 2 3 |"},
		{"Concat of nothing", func() fmt.Stringer { return record(stream.Concat[int]()) }, "|"},
		{"Concat error", func() fmt.Stringer { return record(stream.Concat(stream.Of(1), stream.Throw[int](boom), stream.Of(2))) }, "1 #boom"},
		{"DropRepeats", func() fmt.Stringer { return record(stream.DropRepeats(stream.Of(1, 1, 2, 2, 1, 3, 3))) }, "1 2 1 3 |"},
		{"DropRepeatsFunc", func() fmt.Stringer {
			return record(stream.Of("a", "A", "b", "B", "a").DropRepeatsFunc(func(x, y string) bool { return x[0]|32 == y[0]|32 }))
		}, "a b a |"},
		{"Pairwise", func() fmt.Stringer { return record(stream.Pairwise(stream.Of(1, 2, 3))) }, "[1 2] [2 3] |"},
		{"Pairwise of one", func() fmt.Stringer { return record(stream.Pairwise(stream.Of(1))) }, "|"},
		{"ReplaceError", func() fmt.Stringer {
			return record(stream.Concat(stream.Of(1), stream.Throw[int](boom)).ReplaceError(func(err error) *stream.Stream[int] {
				return stream.Of(len(err.Error()))
			}))
		}, "1 4 |"},
		{"ReplaceError twice", func() fmt.Stringer {
			n := 0
			return record(stream.Throw[int](boom).ReplaceError(func(error) *stream.Stream[int] {
				n++
				if n < 3 {
					return stream.Throw[int](boom)
				}
				return stream.Of(n)
			}))
		}, "3 |"},
		{"ReplaceError nil", func() fmt.Stringer {
			return record(stream.Throw[int](boom).ReplaceError(func(error) *stream.Stream[int] { return nil }))
		}, "#stream: panic in ReplaceError: the replace function returned a nil stream"},
		{"Debug", func() fmt.Stringer {
			var seen []int
			r := record(stream.Of(1, 2).Debug(func(v int) { seen = append(seen, v) }))
			r.events = append(r.events, fmt.Sprint(seen))
			return r
		}, "1 2 | [1 2]"},
		{"EndWhen", func() fmt.Stringer {
			stop := stream.NewSubject[struct{}]()
			src := stream.NewSubject[int]()
			r := record(stream.EndWhen(src.Stream(), stop.Stream()))
			src.Next(1)
			stop.Next(struct{}{})
			src.Next(2)
			return r
		}, "1 |"},
		{"EndWhen other completes", func() fmt.Stringer {
			return record(stream.EndWhen(stream.Never[int](), stream.Empty[string]()))
		}, "|"},
		{"Buffer", func() fmt.Stringer {
			src, sep := stream.NewSubject[int](), stream.NewSubject[bool]()
			r := record(stream.Buffer(src.Stream(), sep.Stream()))
			src.Next(1)
			src.Next(2)
			sep.Next(true)
			sep.Next(true) // nothing collected: nothing emitted
			src.Next(3)
			src.Complete()
			return r
		}, "[1 2] [3] |"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.s().String(); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestOfEmitsAgainWhenRestarted(t *testing.T) {
	s := stream.Of(1, 2)
	a := record(s)
	b := record(s)
	if a.String() != "1 2 |" || b.String() != "1 2 |" {
		t.Errorf("got %q then %q", a, b)
	}
}

func TestConcatStartsEachInputOnItsTurn(t *testing.T) {
	first, second := stream.NewSubject[int](), newCounting()
	r := record(stream.Concat(first.Stream(), second.s))
	if second.starts != 0 {
		t.Fatal("second input started before the first completed")
	}
	first.Next(1)
	first.Complete()
	second.send(2)
	r.cancel()
	if second.starts != 1 || second.stops != 1 || r.String() != "1 2" {
		t.Errorf("starts %d stops %d got %q", second.starts, second.stops, r)
	}
}

func TestEndWhenStopsBothInputs(t *testing.T) {
	src, stop := newCounting(), newCounting()
	r := record(stream.EndWhen(src.s, stop.s))
	src.send(1)
	stop.send(0)
	if src.stops != 1 || stop.stops != 1 || r.String() != "1 |" {
		t.Errorf("src stops %d, stop stops %d, got %q", src.stops, stop.stops, r)
	}
}

func TestMergeUnsubscribesEveryInput(t *testing.T) {
	a, b := newCounting(), newCounting()
	r := record(stream.Merge(a.s, b.s))
	a.send(1)
	b.send(2)
	r.cancel()
	if a.stops != 1 || b.stops != 1 || r.String() != "1 2" {
		t.Errorf("a stops %d, b stops %d, got %q", a.stops, b.stops, r)
	}
}
