package bench

import (
	"context"
	"errors"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/reactivex/rxgo/v2"
)

// The pipelines under test, each written once with gocycle, once with
// rxgo and once as a plain loop that gives the expected result for the
// input 0, 1, ..., n-1.
//
//	MapFilterFold  Map(v*3) → Filter(even) → Fold(sum from 0); the result is
//	               the last value emitted (rxgo: Reduce's single value).
//	Chain10        five times Map(v+k) → Filter(v%p != 0), then a listener
//	               that sums what comes out. The filters drop few values,
//	               so nearly every value goes through all ten operators.
//	Map, Filter    one operator, then a summing listener.
type pipeline struct {
	name string
	// cycle builds the pipeline on src; last says the result is the last
	// value the output emits rather than the sum of its values.
	cycle func(src *stream.Stream[int]) *stream.Stream[int]
	last  bool
	// rx builds the pipeline on src, passing opts to every operator, and
	// starts consuming it, the way rxgo's README does; result waits for the
	// end and returns what came out.
	rx   func(src rxgo.Observable, opts []rxgo.Option) (result func() (int, error))
	want func(n int) int
}

func triple(v int) int    { return v * 3 }
func even(v int) bool     { return v%2 == 0 }
func add(acc, v int) int  { return acc + v }
func increment(v int) int { return v + 1 }
func keepOdd(v int) bool  { return v%2 != 0 }

var (
	chainAdd = [5]int{1, 2, 3, 4, 5}
	chainMod = [5]int{97, 89, 83, 79, 73}
)

var mapFilterFold = pipeline{
	name: "MapFilterFold",
	cycle: func(src *stream.Stream[int]) *stream.Stream[int] {
		return stream.Fold(stream.Map(src, triple).Filter(even), 0, add)
	},
	last: true,
	rx: func(src rxgo.Observable, opts []rxgo.Option) func() (int, error) {
		out := src.
			Map(func(_ context.Context, v any) (any, error) { return triple(v.(int)), nil }, opts...).
			Filter(func(v any) bool { return even(v.(int)) }, opts...).
			Reduce(func(_ context.Context, acc, v any) (any, error) {
				a, _ := acc.(int) // nil before the first value: the seed is 0
				return add(a, v.(int)), nil
			}, opts...).
			Observe()
		return func() (int, error) {
			item, ok := <-out
			switch {
			case !ok:
				return 0, nil // Reduce of nothing emits nothing; Fold's seed is 0
			case item.Error():
				return 0, item.E
			}
			return item.V.(int), nil
		}
	},
	want: func(n int) int {
		acc := 0
		for i := range n {
			if v := triple(i); even(v) {
				acc = add(acc, v)
			}
		}
		return acc
	},
}

var chain10 = pipeline{
	name: "Chain10",
	cycle: func(s *stream.Stream[int]) *stream.Stream[int] {
		for k := range chainAdd {
			a, m := chainAdd[k], chainMod[k]
			s = stream.Map(s, func(v int) int { return v + a }).
				Filter(func(v int) bool { return v%m != 0 })
		}
		return s
	},
	rx: func(obs rxgo.Observable, opts []rxgo.Option) func() (int, error) {
		for k := range chainAdd {
			a, m := chainAdd[k], chainMod[k]
			obs = obs.
				Map(func(_ context.Context, v any) (any, error) { return v.(int) + a, nil }, opts...).
				Filter(func(v any) bool { return v.(int)%m != 0 }, opts...)
		}
		return rxSum(obs)
	},
	want: func(n int) int {
		sum := 0
	values:
		for i := range n {
			v := i
			for k := range chainAdd {
				v += chainAdd[k]
				if v%chainMod[k] == 0 {
					continue values
				}
			}
			sum += v
		}
		return sum
	},
}

var mapOnly = pipeline{
	name:  "Map",
	cycle: func(src *stream.Stream[int]) *stream.Stream[int] { return stream.Map(src, increment) },
	rx: func(src rxgo.Observable, opts []rxgo.Option) func() (int, error) {
		return rxSum(src.Map(func(_ context.Context, v any) (any, error) { return increment(v.(int)), nil }, opts...))
	},
	want: func(n int) int {
		sum := 0
		for i := range n {
			sum += increment(i)
		}
		return sum
	},
}

var filterOnly = pipeline{
	name:  "Filter",
	cycle: func(src *stream.Stream[int]) *stream.Stream[int] { return src.Filter(keepOdd) },
	rx: func(src rxgo.Observable, opts []rxgo.Option) func() (int, error) {
		return rxSum(src.Filter(func(v any) bool { return keepOdd(v.(int)) }, opts...))
	},
	want: func(n int) int {
		sum := 0
		for i := range n {
			if keepOdd(i) {
				sum += i
			}
		}
		return sum
	},
}

var pipelines = []pipeline{mapFilterFold, chain10, mapOnly, filterOnly}

// rxVariant is a way of configuring rxgo: name is the impl= of its
// benchmarks, opts go to every operator and to the source, and buffer is
// the capacity of the channel that feeds the push source.
type rxVariant struct {
	name   string
	opts   []rxgo.Option
	buffer int
}

// rxBuffer is the channel capacity of the buffered variant; rxgo's own
// benchmarks use 1000.
const rxBuffer = 1024

var rxVariants = []rxVariant{
	// As rxgo's README writes a pipeline: default options, which give every
	// operator a goroutine and an unbuffered channel.
	{name: "rxgo"},
	// Tuned: every channel buffered.
	{name: "rxgo-buffered", opts: []rxgo.Option{rxgo.WithBufferedChannel(rxBuffer)}, buffer: rxBuffer},
}

// rxPush builds p with rxgo on a channel source and starts it: push values
// with in <- rxgo.Of(v), then close(in) and call result.
func (p pipeline) rxPush(v rxVariant) (in chan rxgo.Item, result func() (int, error)) {
	in = make(chan rxgo.Item, v.buffer)
	return in, p.rx(rxgo.FromChannel(in, v.opts...), v.opts)
}

// rxSeq builds p with rxgo on Range(0, n) and starts it.
func (p pipeline) rxSeq(v rxVariant, n int) (result func() (int, error)) {
	return p.rx(rxgo.Range(0, n, v.opts...), v.opts)
}

// rxSum consumes obs with ForEach, summing what it emits.
func rxSum(obs rxgo.Observable) func() (int, error) {
	var sum int
	var err error
	done := obs.ForEach(
		func(v any) { sum += v.(int) },
		func(e error) { err = e },
		func() {})
	return func() (int, error) {
		<-done
		return sum, err
	}
}

// cycleRun subscribes to the output of a gocycle pipeline and keeps its
// result.
type cycleRun struct {
	got  int
	done bool
	err  error
}

func (p pipeline) subscribe(out *stream.Stream[int]) *cycleRun {
	r := &cycleRun{}
	next := func(v int) { r.got += v }
	if p.last {
		next = func(v int) { r.got = v }
	}
	out.Subscribe(stream.Listener[int]{
		Next:     next,
		Error:    func(err error) { r.err = err },
		Complete: func() { r.done = true },
	})
	return r
}

func (r *cycleRun) result() (int, error) {
	switch {
	case r.err != nil:
		return 0, r.err
	case !r.done:
		return 0, errors.New("gocycle: the pipeline did not complete")
	}
	return r.got, nil
}

// seq returns 0, 1, ..., n-1.
func seq(n int) []int {
	vs := make([]int, n)
	for i := range vs {
		vs[i] = i
	}
	return vs
}
