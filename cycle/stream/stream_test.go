package stream_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
)

func TestEmissionReachesEveryListenerBeforeNextReturns(t *testing.T) {
	s := stream.NewSubject[int]()
	var a, b []int
	s.Stream().Subscribe(stream.Listener[int]{Next: func(v int) { a = append(a, v) }})
	s.Stream().Subscribe(stream.Listener[int]{Next: func(v int) { b = append(b, v) }})
	s.Next(1)
	if !slices.Equal(a, []int{1}) || !slices.Equal(b, []int{1}) {
		t.Fatalf("after Next(1): a=%v b=%v, want both [1]", a, b)
	}
}

func TestProducerStartsWithFirstListenerAndStopsAfterLast(t *testing.T) {
	c := newCounting()
	m := stream.Map(c.s, func(v int) int { return v * 10 })
	if c.starts != 0 {
		t.Fatalf("producer started with no listener")
	}
	r1 := record(m)
	r2 := record(m)
	if c.starts != 1 {
		t.Fatalf("two listeners started the producer %d times, want 1 (streams are multicast)", c.starts)
	}
	c.send(1)
	r1.cancel()
	if c.stops != 0 {
		t.Fatalf("producer stopped while a listener remains")
	}
	c.send(2)
	r2.cancel()
	if c.stops != 1 {
		t.Fatalf("producer stopped %d times after the last listener left, want 1", c.stops)
	}
	r2.cancel() // a second cancel is harmless
	if got := r1.String() + " / " + r2.String(); got != "10 / 10 20" {
		t.Errorf("got %q", got)
	}
	// A new listener starts the producer again.
	r3 := record(m)
	c.send(3)
	if c.starts != 2 || r3.String() != "30" {
		t.Errorf("restart: starts=%d got %q", c.starts, r3)
	}
}

func TestMemoryStreamsReplayToLateListeners(t *testing.T) {
	cases := map[string]func(*stream.Stream[int]) *stream.Stream[int]{
		"Remember":  func(s *stream.Stream[int]) *stream.Stream[int] { return s.Remember() },
		"StartWith": func(s *stream.Stream[int]) *stream.Stream[int] { return s.StartWith(0) },
		"Fold": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.Fold(s, 0, func(a, v int) int { return a + v })
		},
	}
	want := map[string][2]string{
		"Remember":  {"1 2", "2"},
		"StartWith": {"0 1 2", "2"},
		"Fold":      {"0 1 3", "3"},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			s := stream.NewSubject[int]()
			m := mk(s.Stream())
			early := record(m)
			s.Next(1)
			s.Next(2)
			late := record(m)
			if early.String() != want[name][0] || late.String() != want[name][1] {
				t.Errorf("early %q late %q, want %q and %q", early, late, want[name][0], want[name][1])
			}
			s.Next(5)
			if e, l := early.events, late.events; e[len(e)-1] != l[len(l)-1] || len(l) != 2 {
				t.Errorf("after one more value: early %q late %q, want the late listener to go on with the same value", early, late)
			}
		})
	}
}

func TestPlainStreamDoesNotReplay(t *testing.T) {
	s := stream.NewSubject[int]()
	m := stream.Map(s.Stream(), func(v int) int { return v })
	record(m)
	s.Next(1)
	late := record(m)
	if late.String() != "" {
		t.Errorf("a late listener of a plain stream got %q, want nothing", late)
	}
}

// xstream issue 47: Combine(a, Map(a)) emits a stale pair. Ours must not.
func TestCombineInADiamondIsGlitchFree(t *testing.T) {
	a := stream.NewSubject[int]()
	double := stream.Map(a.Stream(), func(v int) int { return 2 * v })
	var pairs []string
	stream.Combine2(a.Stream(), double, func(x, y int) string {
		if y != 2*x {
			t.Errorf("glitch: saw a=%d with double=%d", x, y)
		}
		return fmt.Sprintf("%d,%d", x, y)
	}).Subscribe(stream.Listener[string]{Next: func(s string) { pairs = append(pairs, s) }})
	a.Next(1)
	a.Next(2)
	a.Next(3)
	if want := []string{"1,2", "2,4", "3,6"}; !slices.Equal(pairs, want) {
		t.Errorf("got %v, want %v (one consistent pair per emission of a)", pairs, want)
	}
}

// A deeper diamond with uneven path lengths and a combiner feeding a
// combiner: each level emits once per transaction with settled inputs.
func TestNestedDiamondEmitsOncePerTransaction(t *testing.T) {
	a := stream.NewSubject[int]()
	b := stream.Map(stream.Map(stream.Map(a.Stream(), func(v int) int { return v + 1 }), func(v int) int { return v + 1 }), func(v int) int { return v + 1 })
	c := stream.Combine2(a.Stream(), b, func(x, y int) int { return x + y }) // 2a+3
	d := stream.Combine3(a.Stream(), c, b, func(x, y, z int) string {
		return fmt.Sprint(x, y, z)
	})
	r := record(d)
	a.Next(1)
	a.Next(10)
	if r.String() != "1 5 4 10 23 13" {
		t.Errorf("got %q, want one settled triple per emission: %q", r, "1 5 4 10 23 13")
	}
}

func TestCombineWaitsForEveryInputAndCompletesWithAll(t *testing.T) {
	a, b := stream.NewSubject[int](), stream.NewSubject[string]()
	r := record(stream.Combine2(a.Stream(), b.Stream(), func(x int, y string) string { return fmt.Sprint(x, y) }))
	a.Next(1)
	a.Next(2)
	b.Next("x")
	a.Next(3)
	a.Complete()
	b.Next("y")
	b.Complete()
	if r.String() != "2x 3x 3y |" {
		t.Errorf("got %q", r)
	}
}

func TestCombineSliceAndCombine4(t *testing.T) {
	r := record(stream.Combine(stream.Of(1), stream.Of(2), stream.Of(3)))
	if r.String() != "[1 2 3] |" {
		t.Errorf("Combine: got %q", r)
	}
	if r := record(stream.Combine[int]()); r.String() != "|" {
		t.Errorf("Combine of nothing: got %q, want it to complete at once", r)
	}
	r4 := record(stream.Combine4(stream.Of(1), stream.Of("b"), stream.Of(true), stream.Of(2.5),
		func(a int, b string, c bool, d float64) string { return fmt.Sprintln(a, b, c, d) }))
	if r4.String() != "1 b true 2.5\n |" {
		t.Errorf("Combine4: got %q", r4)
	}
}

func TestCombineErrorsWhenAnInputErrors(t *testing.T) {
	a, b := stream.NewSubject[int](), stream.NewSubject[int]()
	r := record(stream.Combine2(a.Stream(), b.Stream(), func(x, y int) int { return x + y }))
	a.Next(1)
	b.Next(2)
	b.Error(errors.New("boom"))
	a.Next(5)
	if r.String() != "3 #boom" {
		t.Errorf("got %q", r)
	}
}

func TestSampleCombineSeesSettledValue(t *testing.T) {
	a := stream.NewSubject[int]()
	latest := stream.Map(a.Stream(), func(v int) int { return v * 100 })
	r := record(stream.SampleCombine(a.Stream(), latest, func(v, l int) string { return fmt.Sprint(v, ":", l) }))
	a.Next(1)
	a.Next(2)
	if r.String() != "1:100 2:200" {
		t.Errorf("got %q, want each sample with the value other settled on", r)
	}
}

func TestSampleCombineDropsSamplesBeforeOther(t *testing.T) {
	clicks, other := stream.NewSubject[string](), stream.NewSubject[int]()
	r := record(stream.SampleCombine(clicks.Stream(), other.Stream(), func(c string, o int) string { return fmt.Sprint(c, o) }))
	clicks.Next("a")
	other.Next(1)
	other.Next(2)
	clicks.Next("b")
	other.Complete()
	clicks.Next("c")
	clicks.Complete()
	if r.String() != "b2 c2 |" {
		t.Errorf("got %q", r)
	}
}

func TestFlattenSwitchesAndStopsThePreviousInner(t *testing.T) {
	first, second := newCounting(), newCounting()
	outer := stream.NewSubject[*stream.Stream[int]]()
	r := record(stream.Flatten(outer.Stream()))
	outer.Next(first.s)
	first.send(1)
	outer.Next(second.s)
	if first.stops != 1 {
		t.Fatalf("the previous inner stream was not stopped on switch (stops=%d)", first.stops)
	}
	first.send(99)
	second.send(2)
	outer.Complete()
	if r.String() != "1 2" {
		t.Errorf("got %q before the inner completed", r)
	}
	second.l.Complete()
	if r.String() != "1 2 |" {
		t.Errorf("got %q, want completion once outer and current inner completed", r)
	}
}

func TestFlattenStopsInnerWhenUnsubscribed(t *testing.T) {
	inner := newCounting()
	r := record(stream.Flatten(stream.Of(inner.s).StartWith(nil)))
	if inner.starts != 1 {
		t.Fatalf("inner started %d times", inner.starts)
	}
	r.cancel()
	if inner.stops != 1 {
		t.Errorf("unsubscribing left the inner stream running")
	}
}

func TestFlattenConcurrentlyAndSequentially(t *testing.T) {
	a, b := stream.NewSubject[int](), stream.NewSubject[int]()
	outer := stream.NewSubject[*stream.Stream[int]]()
	conc := record(stream.FlattenConcurrently(outer.Stream()))
	seq := record(stream.FlattenSequentially(outer.Stream()))
	outer.Next(a.Stream())
	outer.Next(b.Stream())
	a.Next(1)
	b.Next(2) // sequentially: b waits for a
	a.Complete()
	b.Next(3)
	outer.Complete()
	b.Complete()
	if conc.String() != "1 2 3 |" {
		t.Errorf("FlattenConcurrently: got %q", conc)
	}
	if seq.String() != "1 3 |" {
		t.Errorf("FlattenSequentially: got %q (b's 2 came while a ran, before b's turn)", seq)
	}
}

func TestFlattenSequentiallyRunsColdInnersInOrder(t *testing.T) {
	r := record(stream.FlattenSequentially(stream.Of(stream.Of(1, 2), stream.Of(3), stream.Empty[int](), stream.Of(4))))
	if r.String() != "1 2 3 4 |" {
		t.Errorf("got %q", r)
	}
}

func TestTakeStopsItsProducer(t *testing.T) {
	c := newCounting()
	r := record(c.s.Take(2))
	c.send(1)
	c.send(2)
	if c.stops != 1 {
		t.Errorf("Take(2) did not stop its producer after 2 values (stops=%d)", c.stops)
	}
	c.send(3)
	if r.String() != "1 2 |" {
		t.Errorf("got %q", r)
	}
	if r := record(c.s.Take(0)); r.String() != "|" {
		t.Errorf("Take(0): got %q", r)
	}
}

func TestTakeStopsAnInfiniteSynchronousProducer(t *testing.T) {
	// A producer that emits until told to stop; Take must stop it from
	// inside the emission, or this test never ends.
	var stopped bool
	s := stream.Create(stream.NewProducer(func(l stream.Listener[int]) {
		for i := 0; !stopped; i++ {
			if i > 1000 {
				l.Error(errors.New("not stopped after 1000 values"))
				return
			}
			l.Next(i)
		}
	}, func() { stopped = true }))
	if r := record(s.Take(3)); r.String() != "0 1 2 |" {
		t.Errorf("got %q", r)
	}
}

// The counter cycle of Cycle.js, done synchronously: a proxy stands for
// the stream that depends on it. The cycle ends because Filter stops it.
func TestImitateMakesACounterCycleTerminate(t *testing.T) {
	proxy := stream.NewProxy[int]()
	next := stream.Map(proxy, func(v int) int { return v + 1 }).Filter(func(v int) bool { return v <= 5 })
	count := next.StartWith(0)
	if err := proxy.Imitate(count); err != nil {
		t.Fatal(err)
	}
	if r := record(count); r.String() != "0 1 2 3 4 5" {
		t.Errorf("got %q", r)
	}
}

func TestImitateMovesExistingListeners(t *testing.T) {
	proxy := stream.NewProxy[int]()
	r := record(proxy)
	src := stream.NewSubject[int]()
	if err := proxy.Imitate(src.Stream()); err != nil {
		t.Fatal(err)
	}
	src.Next(7)
	if r.String() != "7" {
		t.Errorf("got %q", r)
	}
}

func TestImitateRefusesMistakes(t *testing.T) {
	p := stream.NewProxy[int]()
	for name, err := range map[string]error{
		"nil target":  p.Imitate(nil),
		"not a proxy": stream.Of(1).Imitate(stream.Of(2)),
		"itself":      p.Imitate(p),
	} {
		if err == nil {
			t.Errorf("%s: Imitate returned no error", name)
		}
	}
	if err := p.Imitate(stream.Of(1)); err != nil {
		t.Fatal(err)
	}
	if err := p.Imitate(stream.Of(2)); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("second Imitate: %v", err)
	}
	q := stream.NewProxy[int]()
	r := stream.NewProxy[int]()
	if err := q.Imitate(r); err != nil {
		t.Fatal(err)
	}
	if err := r.Imitate(q); err == nil {
		t.Errorf("a two-proxy loop was accepted")
	}
}

func TestErrorsPropagateAndEndTheStream(t *testing.T) {
	s := stream.NewSubject[int]()
	m := stream.Map(s.Stream(), func(v int) int { return v })
	r1, r2 := record(m), record(m.Filter(func(int) bool { return true }))
	s.Next(1)
	s.Error(errors.New("boom"))
	s.Next(2)
	if r1.String() != "1 #boom" || r2.String() != "1 #boom" {
		t.Errorf("got %q and %q", r1, r2)
	}
}

func TestPanicInUserFunctionBecomesPanicError(t *testing.T) {
	type mk func(*stream.Stream[int]) *stream.Stream[int]
	boom := func() { panic("boom") }
	cases := map[string]mk{
		"Map": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.Map(s, func(int) int { boom(); return 0 })
		},
		"Filter": func(s *stream.Stream[int]) *stream.Stream[int] {
			return s.Filter(func(int) bool { boom(); return true })
		},
		"Fold": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.Fold(s, 0, func(int, int) int { boom(); return 0 }).Drop(1)
		},
		"Debug": func(s *stream.Stream[int]) *stream.Stream[int] { return s.Debug(func(int) { boom() }) },
		"DropRepeatsFunc": func(s *stream.Stream[int]) *stream.Stream[int] {
			return s.DropRepeatsFunc(func(a, b int) bool { boom(); return false }).Drop(1)
		},
		"Combine2": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.Combine2(s, s, func(int, int) int { boom(); return 0 })
		},
		"SampleCombine": func(s *stream.Stream[int]) *stream.Stream[int] {
			return stream.SampleCombine(s, s, func(int, int) int { boom(); return 0 })
		},
	}
	for op, mk := range cases {
		t.Run(op, func(t *testing.T) {
			s := stream.NewSubject[int]()
			var got error
			mk(s.Stream()).Subscribe(stream.Listener[int]{Error: func(err error) { got = err }})
			s.Next(1)
			s.Next(2)
			var pe *stream.PanicError
			if !errors.As(got, &pe) {
				t.Fatalf("got %v, want a *stream.PanicError", got)
			}
			if pe.Op != op || pe.Value != "boom" || len(pe.Stack) == 0 {
				t.Errorf("PanicError{Op: %q, Value: %v}, want Op %q and the panic value", pe.Op, pe.Value, op)
			}
			if !strings.Contains(pe.Error(), op) || !strings.Contains(pe.Error(), "boom") {
				t.Errorf("message %q does not name the operator and the value", pe.Error())
			}
		})
	}
}

func TestPanicErrorUnwrapsAnErrorValue(t *testing.T) {
	sentinel := errors.New("bad input")
	var got error
	stream.Map(stream.Of(1), func(int) int { panic(sentinel) }).Subscribe(stream.Listener[int]{Error: func(err error) { got = err }})
	if !errors.Is(got, sentinel) {
		t.Errorf("errors.Is(%v, sentinel) is false", got)
	}
}

func TestPanicInCreateStartBecomesError(t *testing.T) {
	s := stream.Create(stream.NewProducer(func(stream.Listener[int]) { panic("no start") }, nil))
	r := record(s)
	if !strings.HasPrefix(r.String(), "#stream: panic in Create: no start") {
		t.Errorf("got %q", r)
	}
}

// A listener that panics while Start emits synchronously panics as it
// would on any emission: the panic reaches the subscriber, and is not
// handed back to the listeners as Create's own error.
func TestListenerPanicInCreateStartIsNotCreatesError(t *testing.T) {
	s := stream.Create(stream.NewProducer(func(l stream.Listener[int]) { l.Next(1) }, nil))
	var errs []error
	got := func() (r any) {
		defer func() { r = recover() }()
		s.Subscribe(stream.Listener[int]{
			Next:  func(int) { panic("listener broke") },
			Error: func(err error) { errs = append(errs, err) },
		})
		return nil
	}()
	if got != "listener broke" {
		t.Errorf("Subscribe panicked with %v, want the listener's own panic", got)
	}
	if len(errs) != 0 {
		t.Errorf("the listener received %v: its own panic came back as an error", errs)
	}
}

func TestCreateIgnoresAStaleListener(t *testing.T) {
	var old stream.Listener[int]
	starts := 0
	s := stream.Create(stream.NewProducer(func(l stream.Listener[int]) {
		starts++
		if starts == 1 {
			old = l
		}
	}, nil))
	record(s).cancel()
	r := record(s)
	old.Next(1) // from the first run: must not reach the second
	if r.String() != "" {
		t.Errorf("a listener from a stopped run emitted: %q", r)
	}
}

func TestSubjectDropsValuesWithoutListeners(t *testing.T) {
	s := stream.NewSubject[int]()
	s.Next(1)
	r := record(s.Stream())
	s.Next(2)
	if r.String() != "2" {
		t.Errorf("got %q", r)
	}
}

func TestNilErrorIsReplacedByADescriptiveOne(t *testing.T) {
	s := stream.NewSubject[int]()
	r := record(s.Stream())
	s.Error(nil)
	if !strings.Contains(r.String(), "nil error") {
		t.Errorf("got %q", r)
	}
}

func TestListenerPanicLeavesStreamUsable(t *testing.T) {
	s := stream.NewSubject[int]()
	sum := stream.Combine2(s.Stream(), s.Stream(), func(a, b int) int { return a + b })
	var got []int
	sum.Subscribe(stream.Listener[int]{Next: func(v int) {
		if v == 2 {
			panic("listener broke")
		}
		got = append(got, v)
	}})
	func() {
		defer func() { recover() }()
		s.Next(1)
	}()
	s.Next(2)
	if !slices.Equal(got, []int{4}) {
		t.Errorf("after a listener panicked, got %v, want [4]", got)
	}
}
