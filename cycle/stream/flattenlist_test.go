package stream_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
)

// countingStream is a Create stream that counts its starts and stops and
// can be fed by hand while running.
type countingStream struct {
	starts, stops int
	l             stream.Listener[int]
	s             *stream.Stream[int]
}

func newCounting() *countingStream {
	c := &countingStream{}
	c.s = stream.Create(stream.NewProducer(func(l stream.Listener[int]) { c.starts++; c.l = l },
		func() { c.stops++; c.l = stream.Listener[int]{} }))
	return c
}

func (c *countingStream) send(v int) {
	if c.l.Next != nil {
		c.l.Next(v)
	}
}

func TestFlattenCombineKeepsSubscriptionsAcrossLists(t *testing.T) {
	a, b, c := newCounting(), newCounting(), newCounting()
	lists := stream.NewSubject[[]*stream.Stream[int]]()
	var got []string
	stream.FlattenCombine(lists.Stream()).Subscribe(stream.Listener[[]int]{
		Next: func(vs []int) { got = append(got, fmt.Sprint(vs)) },
	})
	lists.Next([]*stream.Stream[int]{a.s, b.s})
	a.send(1)
	b.send(2)
	lists.Next([]*stream.Stream[int]{b.s, c.s}) // a dropped, c added, b kept
	c.send(3)
	b.send(4)
	lists.Next(nil)
	want := []string{"[1 2]", "[2 3]", "[4 3]", "[]"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if a.starts != 1 || a.stops != 1 || b.starts != 1 || b.stops != 1 || c.starts != 1 || c.stops != 1 {
		t.Errorf("starts/stops a=%d/%d b=%d/%d c=%d/%d, want each 1/1 (kept streams must not restart)",
			a.starts, a.stops, b.starts, b.stops, c.starts, c.stops)
	}
}

func TestFlattenMergeKeepsSubscriptionsAcrossLists(t *testing.T) {
	a, b := newCounting(), newCounting()
	lists := stream.NewSubject[[]*stream.Stream[int]]()
	var got []int
	done := false
	cancel := stream.FlattenMerge(lists.Stream()).Subscribe(stream.Listener[int]{
		Next:     func(v int) { got = append(got, v) },
		Complete: func() { done = true },
	})
	lists.Next([]*stream.Stream[int]{a.s})
	a.send(1)
	lists.Next([]*stream.Stream[int]{a.s, b.s})
	a.send(2)
	b.send(3)
	lists.Next([]*stream.Stream[int]{b.s})
	a.send(99) // a was dropped and stopped
	b.send(4)
	if !slices.Equal(got, []int{1, 2, 3, 4}) {
		t.Errorf("got %v", got)
	}
	if a.starts != 1 || a.stops != 1 {
		t.Errorf("a started %d and stopped %d times, want 1 and 1", a.starts, a.stops)
	}
	lists.Complete()
	if done {
		t.Error("completed while b is still running")
	}
	b.l.Complete()
	if !done {
		t.Error("did not complete after the outer stream and every inner one completed")
	}
	cancel()
}

// A diamond through a list: the list and its streams change in one
// transaction, and FlattenCombine emits once, with consistent values.
func TestFlattenCombineGlitchFree(t *testing.T) {
	n := stream.NewSubject[int]()
	list := stream.Map(n.Stream(), func(k int) []*stream.Stream[int] {
		out := make([]*stream.Stream[int], k)
		for i := range out {
			out[i] = stream.Of(k)
		}
		return out
	})
	var got []string
	stream.FlattenCombine(list).Subscribe(stream.Listener[[]int]{Next: func(vs []int) { got = append(got, fmt.Sprint(vs)) }})
	n.Next(2)
	n.Next(3)
	if want := []string{"[2 2]", "[3 3 3]"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A new list whose first new stream errors as it is subscribed ends the
// output before the next one is subscribed;
// the streams the list dropped are stopped too, not left running (issue
// 12, point 5).
func TestFlattenListErrorStopsTheDroppedStreams(t *testing.T) {
	for _, name := range []string{"FlattenMerge", "FlattenCombine"} {
		t.Run(name, func(t *testing.T) {
			running := 0
			old := stream.Create(stream.NewProducer(func(stream.Listener[int]) { running++ }, func() { running-- }))
			lists := stream.NewSubject[[]*stream.Stream[int]]()
			var out *stream.Stream[string]
			if name == "FlattenMerge" {
				out = stream.Map(stream.FlattenMerge(lists.Stream()), func(v int) string { return fmt.Sprint(v) })
			} else {
				out = stream.Map(stream.FlattenCombine(lists.Stream()), func(v []int) string { return fmt.Sprint(v) })
			}
			var errs []error
			out.Subscribe(stream.Listener[string]{Error: func(err error) { errs = append(errs, err) }})
			lists.Next([]*stream.Stream[int]{old})
			if running != 1 {
				t.Fatalf("%d producers running, want 1", running)
			}
			lists.Next([]*stream.Stream[int]{stream.Throw[int](fmt.Errorf("boom")), stream.Never[int]()})
			if len(errs) != 1 {
				t.Errorf("errors %v, want boom", errs)
			}
			if running != 0 {
				t.Errorf("%d producers still running after the output errored", running)
			}
		})
	}
}
