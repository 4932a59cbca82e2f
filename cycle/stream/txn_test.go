package stream_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
)

// The regression tests of this file each reproduce a defect of the
// transaction rules found in review: ranks fixed at build
// time, stops that ran at once, memory lost by Map, flags that a panic
// left set, values stored after a stop.

func pair(a int, b string) string { return fmt.Sprintf("%d %s", a, b) }

func slash(a, b int) string { return fmt.Sprintf("%d/%d", a, b) }

func times10(v int) int { return v * 10 }

// TestNoGlitchThroughFlattenOrProxy: a combiner built on a Flatten or a
// proxy, whose rank rose only when the inner stream or the imitated one
// was connected, must still wait for the combiner behind it.
func TestNoGlitchThroughFlattenOrProxy(t *testing.T) {
	inner := func(a *stream.Stream[int]) *stream.Stream[string] {
		return stream.Combine2(a, stream.Map(a, times10), slash)
	}
	cases := map[string]func(a *stream.Stream[int]) *stream.Stream[string]{
		"Flatten": func(a *stream.Stream[int]) *stream.Stream[string] {
			return stream.Combine2(a, stream.Flatten(stream.Of(inner(a))), pair)
		},
		"proxy": func(a *stream.Stream[int]) *stream.Stream[string] {
			p := stream.NewProxy[string]()
			out := stream.Combine2(a, p, pair)
			if err := p.Imitate(inner(a)); err != nil {
				t.Fatal(err)
			}
			return out
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			a := stream.NewSubject[int]()
			r := record(mk(a.Stream()))
			a.Next(1)
			a.Next(2)
			if got, want := r.String(), "1 1/10 2 2/20"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestNoGlitchInStateLoop is the shape of state.WithState (see stateLoop):
// a view combines the clicks with the state. One click must give one
// view, with the new count.
func TestNoGlitchInStateLoop(t *testing.T) {
	clicks := stream.NewSubject[int]()
	states := stateLoop(clicks.Stream(), false)
	r := record(stream.Combine2(stream.Map(clicks.Stream(), func(c int) int { return c }), states, slash))
	clicks.Next(1)
	clicks.Next(2)
	clicks.Next(3)
	if got, want := r.String(), "1/1 2/2 3/3"; got != want {
		t.Errorf("view got %q, want %q: one view per click, with the count the click made", got, want)
	}
}

// TestFlattenSwitchKeepsSharedState: switching between two streams of one
// fold must not restart the fold (xstream gives mode2:2).
func TestFlattenSwitchKeepsSharedState(t *testing.T) {
	clicks := stream.NewSubject[int]()
	mode := stream.NewSubject[int]()
	count := stream.Fold(clicks.Stream(), 0, func(n, _ int) int { return n + 1 })
	views := map[int]*stream.Stream[string]{
		1: stream.Map(count, func(n int) string { return fmt.Sprint("mode1:", n) }),
		2: stream.Map(count, func(n int) string { return fmt.Sprint("mode2:", n) }),
	}
	out := stream.Flatten(stream.Map(mode.Stream(), func(m int) *stream.Stream[string] { return views[m] }))
	r := record(out)
	mode.Next(1)
	clicks.Next(0)
	clicks.Next(0)
	mode.Next(2)
	if got, want := r.String(), "mode1:0 mode1:1 mode1:2 mode2:2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFlattenSwitchToTheSameUpstreamDoesNotRestartIt(t *testing.T) {
	c := newCounting()
	mode := stream.NewSubject[int]()
	a := stream.Map(c.s, func(v int) int { return v })
	b := stream.Map(c.s, func(v int) int { return -v })
	out := stream.Flatten(stream.Map(mode.Stream(), func(m int) *stream.Stream[int] {
		if m == 1 {
			return a
		}
		return b
	}))
	r := record(out)
	for i := range 4 {
		mode.Next(i%2 + 1)
		c.send(i + 1)
	}
	if c.starts != 1 || c.stops != 0 {
		t.Errorf("the shared producer started %d and stopped %d times over four switches, want 1 and 0", c.starts, c.stops)
	}
	if got, want := r.String(), "1 -2 3 -4"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	r.cancel()
	if c.stops != 1 {
		t.Errorf("after the last listener left: %d stops, want 1", c.stops)
	}
}

// TestLeaveAndRejoinInOneTransaction: a listener that cancels and
// subscribes again while a value of the same graph is being emitted keeps
// the stream running, as in xstream, where stopping waits for the next
// tick.
func TestLeaveAndRejoinInOneTransaction(t *testing.T) {
	c := newCounting()
	count := stream.Fold(c.s, 0, func(n, v int) int { return n + v })
	r := record(count)
	var again *rec[int]
	c.s.Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 0 {
			r.cancel()
			again = record(count)
		}
	}})
	c.send(5)
	c.send(0)
	if c.starts != 1 || c.stops != 0 {
		t.Errorf("producer started %d and stopped %d times, want 1 and 0", c.starts, c.stops)
	}
	c.send(1)
	if got, want := again.String(), "5 6"; got != want {
		t.Errorf("the listener that came back got %q, want %q (the fold kept its state)", got, want)
	}
}

func TestStopWaitsForTheEndOfTheTransaction(t *testing.T) {
	c := newCounting()
	m := stream.Map(c.s, times10)
	r := record(m)
	stopsDuring := -1
	var self func()
	self = m.Subscribe(stream.Listener[int]{Next: func(int) {
		r.cancel()
		self()
		stopsDuring = c.stops
	}})
	c.send(1)
	if stopsDuring != 0 {
		t.Errorf("the producer stopped during the emission, as its last listener left")
	}
	if c.stops != 1 {
		t.Errorf("after the transaction: %d stops, want 1", c.stops)
	}
}

// TestCancelOutsideAnyEmissionStopsAtOnce: with no transaction running,
// a cancel is a transaction of its own; there is no tick to wait for.
func TestCancelOutsideAnyEmissionStopsAtOnce(t *testing.T) {
	c := newCounting()
	record(c.s).cancel()
	if c.starts != 1 || c.stops != 1 {
		t.Errorf("starts %d stops %d, want 1 and 1", c.starts, c.stops)
	}
}

func TestOperatorsOfMemoryStreamsAreMemoryStreams(t *testing.T) {
	cases := map[string]func(*stream.Stream[int]) *stream.Stream[int]{
		"Map":          func(s *stream.Stream[int]) *stream.Stream[int] { return stream.Map(s, times10) },
		"MapTo":        func(s *stream.Stream[int]) *stream.Stream[int] { return stream.MapTo(s, 7) },
		"Take":         func(s *stream.Stream[int]) *stream.Stream[int] { return s.Take(5) },
		"EndWhen":      func(s *stream.Stream[int]) *stream.Stream[int] { return stream.EndWhen(s, stream.Never[int]()) },
		"ReplaceError": func(s *stream.Stream[int]) *stream.Stream[int] { return s.ReplaceError(stream.Throw[int]) },
		"Debug":        func(s *stream.Stream[int]) *stream.Stream[int] { return s.Debug(func(int) {}) },
		"Remember":     func(s *stream.Stream[int]) *stream.Stream[int] { return s.Remember() },
	}
	want := map[string]string{"Map": "20", "MapTo": "7", "Take": "2", "EndWhen": "2", "ReplaceError": "2", "Debug": "2", "Remember": "2"}
	for name, op := range cases {
		t.Run(name, func(t *testing.T) {
			in := stream.NewSubject[int]()
			s := op(in.Stream().StartWith(1))
			first := record(s)
			in.Next(2)
			late := record(s)
			if got := late.String(); got != want[name] {
				t.Errorf("late listener got %q, want %q (first got %q)", got, want[name], first)
			}
		})
	}
	t.Run("Filter", func(t *testing.T) {
		// As in xstream 11.14.0, filter of a memory stream is a plain stream.
		in := stream.NewSubject[int]()
		s := in.Stream().StartWith(1).Filter(func(int) bool { return true })
		record(s)
		if got := record(s).String(); got != "" {
			t.Errorf("late listener of Filter got %q, want nothing", got)
		}
	})
}

// TestCombinersEmitAgainAfterAListenerPanicked: a panic cuts a
// transaction short; the combiners it had scheduled must not stay
// "scheduled" for good. The value of the transaction that panicked is
// lost; the next ones are not.
func TestCombinersEmitAgainAfterAListenerPanicked(t *testing.T) {
	id := func(v int) int { return v }
	outs := map[string]func(a *stream.Stream[int]) *stream.Stream[string]{
		"Combine2": func(a *stream.Stream[int]) *stream.Stream[string] {
			return stream.Combine2(a, stream.Map(a, id), slash)
		},
		"SampleCombine": func(a *stream.Stream[int]) *stream.Stream[string] {
			return stream.SampleCombine(a, stream.Map(a, id), slash)
		},
		"FlattenCombine": func(a *stream.Stream[int]) *stream.Stream[string] {
			return stream.Map(stream.FlattenCombine(stream.Of([]*stream.Stream[int]{a, stream.Map(a, id)})),
				func(vs []int) string { return slash(vs[0], vs[1]) })
		},
	}
	for name, mk := range outs {
		t.Run(name, func(t *testing.T) {
			a := stream.NewSubject[int]()
			out := mk(a.Stream())
			var got []string
			out.Subscribe(stream.Listener[string]{Next: func(v string) { got = append(got, v) }})
			a.Stream().Subscribe(stream.Listener[int]{Next: func(v int) {
				if v == 1 {
					panic("boom")
				}
			}})
			func() {
				defer func() { _ = recover() }()
				a.Next(1)
			}()
			a.Next(2)
			a.Next(3)
			if fmt.Sprint(got) != "[2/2 3/3]" {
				t.Errorf("got %v, want [2/2 3/3]", got)
			}
		})
	}
}

// TestRememberDoesNotKeepAValueFromAfterItsStop: the only listener of a
// Remember leaves while the Remember's source is emitting; the value in
// flight must not be replayed after the Remember started again.
func TestRememberDoesNotKeepAValueFromAfterItsStop(t *testing.T) {
	s := stream.NewSubject[int]()
	r := s.Stream().Remember()
	var only *rec[int]
	s.Stream().Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 1 {
			only.cancel()
		}
	}})
	only = record(r)
	s.Next(1)
	record(r)
	if got := record(r).String(); got != "" {
		t.Errorf("a listener of the restarted Remember got %q, want nothing", got)
	}
}

func TestTimersAreNotScheduledAfterStop(t *testing.T) {
	ops := map[string]func(*stream.Stream[int], stream.Scheduler) *stream.Stream[int]{
		"Debounce": func(s *stream.Stream[int], sch stream.Scheduler) *stream.Stream[int] {
			return s.Debounce(sch, time.Second)
		},
		"Delay": func(s *stream.Stream[int], sch stream.Scheduler) *stream.Stream[int] {
			return s.Delay(sch, time.Second)
		},
		"Throttle": func(s *stream.Stream[int], sch stream.Scheduler) *stream.Stream[int] {
			return s.Throttle(sch, time.Second)
		},
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			sch := streamtest.NewScheduler()
			s := stream.NewSubject[int]()
			var r *rec[int]
			// The timed operator is torn down while s is emitting: the
			// listener before it ends it.
			ender := stream.NewSubject[int]()
			timed := stream.EndWhen(op(s.Stream(), sch), ender.Stream())
			s.Stream().Subscribe(stream.Listener[int]{Next: func(int) { ender.Next(0) }})
			r = record(timed)
			s.Next(1)
			if n := sch.Pending(); n != 0 {
				t.Errorf("%d timers pending after the operator stopped, want 0", n)
			}
			if got := r.String(); got != "|" {
				t.Errorf("got %q, want the completion only", got)
			}
		})
	}
}

// TestReplaceErrorWithTheStreamThatErred: a ReplaceError that subscribes
// again to the stream that just errored, during that stream's emission,
// must not get the value in flight from its earlier subscription (the
// xstream differential test, seed 2051).
func TestReplaceErrorWithTheStreamThatErred(t *testing.T) {
	s := stream.NewSubject[int]()
	replaced := stream.MapTo(s.Stream().ReplaceError(func(error) *stream.Stream[int] { return s.Stream() }), 2)
	first := record(replaced)
	s.Stream().Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 4 {
			s.Error(errors.New("boom"))
		}
	}})
	first.cancel()
	late := record(replaced)
	s.Next(4)
	if got := late.String(); got != "" {
		t.Errorf("got %q, want nothing: the 4 was sent before the replacement subscribed", got)
	}
	s.Next(5)
	if got := late.String(); got != "2" {
		t.Errorf("after the next value: got %q, want \"2\"", got)
	}
}

// TestReplaceErrorThatErrsForeverIsBounded: a replacement that errors as
// soon as it is subscribed would be replaced forever, recursing until the
// stack overflows; it ends with an error instead.
func TestReplaceErrorThatErrsForeverIsBounded(t *testing.T) {
	boom := errors.New("boom")
	s := stream.Throw[int](boom).ReplaceError(func(error) *stream.Stream[int] { return stream.Throw[int](boom) })
	got := record(s).String()
	if !strings.Contains(got, "1000 replacements in a row") || !strings.Contains(got, "boom") {
		t.Errorf("got %q, want the bound's error naming the last error", got)
	}
}

// TestEmissionHandedToAnotherGoroutineJoinsTheTransaction: a listener may
// hand an emission to another goroutine and wait for it (one goroutine at
// a time still runs the graph); the transaction must go on, and the
// combiner emit every value.
func TestEmissionHandedToAnotherGoroutineJoinsTheTransaction(t *testing.T) {
	a, b := stream.NewSubject[int](), stream.NewSubject[int]()
	r := record(stream.Combine2(a.Stream(), stream.Map(a.Stream(), times10), slash))
	stream.Merge(a.Stream(), b.Stream()).Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 1 {
			done := make(chan bool)
			go func() { b.Next(99); done <- true }()
			<-done
		}
	}})
	a.Next(1)
	a.Next(2)
	if got := r.String(); got != "1/10 2/20" {
		t.Errorf("got %q, want \"1/10 2/20\"", got)
	}
}

// TestAfterAPanicCallsFromAnotherGraphAreNotLost: after a recovered
// panic, a cancel or an emission made from a listener of another graph
// still stops and emits.
func TestAfterAPanicCallsFromAnotherGraphAreNotLost(t *testing.T) {
	c := newCounting()
	a, other := stream.NewSubject[int](), stream.NewSubject[int]()
	sum := record(stream.Combine2(a.Stream(), stream.Map(a.Stream(), times10), slash))
	only := record(stream.Merge(a.Stream(), c.s))
	a.Stream().Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 1 {
			panic("boom")
		}
	}})
	func() {
		defer func() { _ = recover() }()
		a.Next(1)
	}()
	other.Stream().Subscribe(stream.Listener[int]{Next: func(v int) {
		a.Next(v)
		if v == 3 {
			only.cancel()
		}
	}})
	other.Next(2)
	other.Next(3)
	if got := sum.String(); got != "2/20 3/30" {
		t.Errorf("the combiner gave %q, want \"2/20 3/30\"", got)
	}
	if c.stops != 1 {
		t.Errorf("the producer stopped %d times after its only listener left, want 1", c.stops)
	}
}

// stateLoop is the WithState shape: states fold reducers that sample the
// states; with twoPaths, two reducers sample them.
func stateLoop(clicks *stream.Stream[int], twoPaths bool) *stream.Stream[int] {
	type reducer = func(int) int
	reducers := stream.NewProxy[reducer]()
	states := stream.Fold(reducers, 0, func(s int, r reducer) int { return r(s) }).Drop(1).Remember()
	inc := stream.Map(stream.SampleCombine(clicks, states, func(c, s int) int { return s }),
		func(sampled int) reducer { return func(int) int { return sampled + 1 } })
	ins := []*stream.Stream[reducer]{stream.Of[reducer](func(int) int { return 0 }), inc}
	if twoPaths {
		dbl := stream.Map(stream.SampleCombine(clicks.Filter(func(c int) bool { return c > 1 }), states, func(c, s int) int { return c }),
			func(int) reducer { return func(s int) int { return s * 2 } })
		ins = append(ins, dbl)
	}
	if err := reducers.Imitate(stream.Merge(ins...)); err != nil {
		panic(err)
	}
	return states
}

// TestStateLoopSurvivesLeaveAndRejoin: the only listener of a state loop
// leaves and comes back while the state is being emitted; the loop must
// not be cut (it is cut only if no listener is back when the transaction
// ends).
func TestStateLoopSurvivesLeaveAndRejoin(t *testing.T) {
	clicks := stream.NewSubject[int]()
	states := stateLoop(clicks.Stream(), false)
	var got []string
	var cancel func()
	var sub func()
	done := false
	sub = func() {
		cancel = states.Subscribe(stream.Listener[int]{Next: func(v int) {
			got = append(got, fmt.Sprint(v))
			if v == 2 && !done {
				done = true
				cancel()
				sub()
			}
		}})
	}
	sub()
	for range 5 {
		clicks.Next(1)
	}
	if fmt.Sprint(got) != "[0 1 2 2 3 4 5]" {
		t.Errorf("got %v, want [0 1 2 2 3 4 5]", got)
	}
}

// TestStateLoopIsFreedWithItsLastListener: a loop whose sinks all feed
// back into it stops when its last outside listener leaves, with one
// reducer path or two.
func TestStateLoopIsFreedWithItsLastListener(t *testing.T) {
	for _, two := range []bool{false, true} {
		c := newCounting()
		r := record(stateLoop(c.s, two))
		c.send(1)
		c.send(2)
		r.cancel()
		if c.stops != 1 {
			t.Errorf("two reducer paths %v: the clicks producer stopped %d times after the last listener left, want 1", two, c.stops)
		}
	}
}

// TestStreamSubscribedFromAListenerJoinsTheGraph: a combiner first
// subscribed from a listener, during an emission of the streams it
// combines, must afterwards be part of their graph: one emission per
// transaction, never a stale pair.
func TestStreamSubscribedFromAListenerJoinsTheGraph(t *testing.T) {
	a, b := stream.NewSubject[int](), stream.NewSubject[int]()
	a.Stream().Subscribe(stream.Listener[int]{Next: func(v int) { b.Next(v * 10) }})
	var r *rec[string]
	a.Stream().Subscribe(stream.Listener[int]{Next: func(int) {
		if r == nil {
			r = record(stream.Combine2(a.Stream(), b.Stream(), slash))
		}
	}})
	a.Next(0)
	r.events = nil
	a.Next(1)
	a.Next(2)
	if got := r.String(); got != "1/10 2/20" {
		t.Errorf("got %q, want \"1/10 2/20\"", got)
	}
}

// TestAPanicThroughTheOnlyOperatorOfASubjectLeavesNoTransactionBusy: a
// Subject whose only sink is a Map, a Filter or a Fold has that operator
// release the transaction on a panic (see Stream.emitRoot). After a
// panic from a listener during the emission, from one during the
// settling, or from an Error listener told of the operator's own panic,
// combiners on the Subject emit again.
func TestAPanicThroughTheOnlyOperatorOfASubjectLeavesNoTransactionBusy(t *testing.T) {
	nonZero := func(v int) int {
		if v == 0 {
			panic("zero")
		}
		return v
	}
	ops := map[string]func(s *stream.Stream[int]) *stream.Stream[int]{
		"Map": func(s *stream.Stream[int]) *stream.Stream[int] { return stream.Map(s, nonZero) },
		"Filter": func(s *stream.Stream[int]) *stream.Stream[int] {
			return s.Filter(func(v int) bool { return nonZero(v) > 0 })
		},
		"Fold": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.Fold(s, 0, func(_, v int) int { return nonZero(v) }).Drop(1)
		},
	}
	for name, op := range ops {
		for _, where := range []string{"emission", "settling", "error"} {
			t.Run(name+"/"+where, func(t *testing.T) {
				s := stream.NewSubject[int]()
				m := op(s.Stream())
				first, panicked := 1, false
				boom := func() {
					if !panicked {
						panicked = true
						panic("boom")
					}
				}
				switch where {
				case "emission":
					m.Subscribe(stream.Listener[int]{Next: func(int) { boom() }})
				case "settling":
					stream.Combine2(m, m, slash).Subscribe(stream.Listener[string]{Next: func(string) { boom() }})
				case "error":
					first = 0 // the operator's function panics
					m.Subscribe(stream.Listener[int]{Error: func(error) { boom() }})
				}
				func() {
					defer func() {
						if r := recover(); r != "boom" {
							t.Fatalf("the caller of Next recovered %v, want the listener's panic", r)
						}
					}()
					s.Next(first)
				}()
				// What the operator's error tore down is gone; a new
				// pipeline on s must find its transaction free.
				m = op(s.Stream())
				sum := record(stream.Combine2(m, stream.Map(m, times10), slash))
				s.Next(2)
				s.Next(4)
				if got := sum.String(); got != "2/20 4/40" {
					t.Errorf("after the panic the combiner gave %q, want \"2/20 4/40\"", got)
				}
			})
		}
	}
}

// TestARestartedOperatorDoesNotGetTheValueOfTheRunThatEnded: a listener
// completes the source in the middle of its emission and subscribes
// again to an operator on it, which restarts the operator, the same sink
// of the source as before. The rest of the emission belongs to the run
// that ended: the new run must not get its value (a case the
// differential test against xstream found).
func TestARestartedOperatorDoesNotGetTheValueOfTheRunThatEnded(t *testing.T) {
	id := func(v int) int { return v }
	ops := map[string]func(*stream.Stream[int]) *stream.Stream[int]{
		"Map":    func(s *stream.Stream[int]) *stream.Stream[int] { return stream.Map(s, id) },
		"Filter": func(s *stream.Stream[int]) *stream.Stream[int] { return s.Filter(func(int) bool { return true }) },
		"Combine2": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.Combine2(s, stream.Of(0), func(a, _ int) int { return a })
		},
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			s := stream.NewSubject[int]()
			x := op(s.Stream())
			var got []int
			s.Stream().Subscribe(stream.Listener[int]{Next: func(int) {
				s.Complete()
				x.Subscribe(stream.Listener[int]{Next: func(v int) { got = append(got, v) }})
			}})
			x.Subscribe(stream.Listener[int]{})
			s.Next(1)
			if len(got) != 0 {
				t.Errorf("the restarted %s got %v from the emission of the run that ended, want nothing", name, got)
			}
		})
	}
}

// TestAPanicInAProducersStopLeavesNoTransactionBusy: a producer whose
// Stop panics, stopped when the transaction that made it lose its last
// listener ends. The panic reaches the caller, and the graph works on:
// a combiner on it emits again.
func TestAPanicInAProducersStopLeavesNoTransactionBusy(t *testing.T) {
	var emit func(int)
	panicked := false
	src := stream.Create(stream.NewProducer(func(l stream.Listener[int]) { emit = l.Next }, func() {
		if !panicked {
			panicked = true
			panic("stop")
		}
	}))
	m := stream.Map(src, func(v int) int { return v })
	var cancel func()
	cancel = m.Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 1 {
			cancel() // the last listener leaves: src stops when the emission ends
		}
	}})
	func() {
		defer func() {
			if r := recover(); r != "stop" {
				t.Fatalf("the caller of Next recovered %v, want the Stop's panic", r)
			}
		}()
		emit(1)
	}()
	sum := record(stream.Combine2(m, stream.Map(m, times10), slash))
	emit(2)
	emit(3)
	if got := sum.String(); got != "2/20 3/30" {
		t.Errorf("after the panic the combiner gave %q, want \"2/20 3/30\"", got)
	}
}
