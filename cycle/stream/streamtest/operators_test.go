package streamtest_test

import (
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
)

// These tests pin down the time operators of package stream. Where an
// input and an operator's timer fall due in the same frame, the input
// comes first, as the Scheduler promises.

type timeCase struct{ name, in, want string }

func (c timeCase) run(t *testing.T, op func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string]) {
	t.Helper()
	sch := streamtest.NewScheduler()
	streamtest.AssertDiagram(t, sch, op(sch, diagram[string](t, sch, c.in, nil)), c.want, nil)
}

func TestDebounce(t *testing.T) {
	for _, c := range []timeCase{
		{"quiet after each", "--a-b----c---|", "------b----c-|"},
		{"burst", "--abcdef--g|", "---------f-(g|)"},
		{"flush on complete", "--a-b|", "-----(b|)"},
		{"drop on error", "--a#", "---#"},
		{"empty", "---|", "---|"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.run(t, func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
				return in.Debounce(sch, 2*sch.Frame)
			})
		})
	}
}

func TestThrottle(t *testing.T) {
	for _, c := range []timeCase{
		{"first of each burst", "-a-b-c---d-e|", "-a---c---d--|"},
		// The window includes its last frame: the value then is dropped.
		{"steady", "abcdefgh|", "a---e---|"},
		{"error", "-a-b#", "-a--#"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.run(t, func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
				return in.Throttle(sch, 3*sch.Frame)
			})
		})
	}
}

func TestDelay(t *testing.T) {
	for _, c := range []timeCase{
		{"values and completion", "-a-b-|", "---a-b-|"},
		{"group keeps its order", "(ab)|", "--(ab)|"},
		{"error is delayed too", "-a#", "---a#"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.run(t, func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
				return in.Delay(sch, 2*sch.Frame)
			})
		})
	}
}

func TestDelayBetweenFrames(t *testing.T) {
	sch := streamtest.NewScheduler()
	r := streamtest.Record(sch, diagram[string](t, sch, "-a-b|", nil).Delay(sch, 30*ms))
	sch.Run()
	evs := r.Events()
	want := []time.Duration{50 * ms, 90 * ms, 110 * ms}
	if len(evs) != len(want) {
		t.Fatalf("got %v", evs)
	}
	for i, e := range evs {
		if e.At != want[i] {
			t.Errorf("event %d (%v) at %v, want %v", i, e.Kind, e.At, want[i])
		}
	}
}

func TestPeriodic(t *testing.T) {
	sch := streamtest.NewScheduler()
	streamtest.AssertDiagram(t, sch, stream.Periodic(sch, 2*sch.Frame).Take(3), "--0-1-(2|)", nil)
	if n := sch.Pending(); n != 0 {
		t.Errorf("%d timers pending after Take ended Periodic", n)
	}

	sch = streamtest.NewScheduler()
	in := stream.Periodic(sch, sch.Frame).Take(4)
	streamtest.AssertDiagram(t, sch, in.Debounce(sch, 2*sch.Frame), "----(3|)", nil)
}

func TestPeriodicRestartsFromZero(t *testing.T) {
	sch := streamtest.NewScheduler()
	p := stream.Periodic(sch, 2*sch.Frame)
	first := streamtest.Record(sch, p.Take(2))
	sch.Advance(5 * sch.Frame)
	second := streamtest.Record(sch, p.Take(2))
	sch.Run()
	if got, want := first.Diagram(nil), "--0-(1|)"; got != want {
		t.Errorf("first run: got %q, want %q", got, want)
	}
	if got, want := second.Diagram(nil), "-------0-(1|)"; got != want {
		t.Errorf("second run: got %q, want %q", got, want)
	}
}

// TestDisposeLeavesNoTimer cancels each operator's only listener while a
// timer of the operator is pending: nothing may be left for the scheduler
// to run, and nothing may be emitted afterwards.
func TestDisposeLeavesNoTimer(t *testing.T) {
	for _, c := range []struct {
		name     string
		after    time.Duration // frames before dispose
		inFlight int           // timers pending then, the input's included
		make     func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string]
	}{
		{"Debounce", 5, 2, func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
			return in.Debounce(sch, 2*sch.Frame)
		}},
		{"Throttle", 2, 2, func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
			return in.Throttle(sch, 3*sch.Frame)
		}},
		{"Delay", 4, 3, func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
			return in.Delay(sch, 3*sch.Frame)
		}},
		{"Periodic", 5, 1, func(sch *streamtest.Scheduler, _ *stream.Stream[string]) *stream.Stream[string] {
			return stream.Map(stream.Periodic(sch, 2*sch.Frame), func(i int) string { return string(rune('0' + i)) })
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sch := streamtest.NewScheduler()
			r := streamtest.Record(sch, c.make(sch, diagram[string](t, sch, "--a-b----c---|", nil)))
			sch.Advance(c.after * sch.Frame)
			before := r.Diagram(nil)
			if n := sch.Pending(); n != c.inFlight {
				t.Fatalf("%d timers pending at frame %d, want %d: the test no longer catches the operator with a timer in flight", n, c.after, c.inFlight)
			}
			r.Cancel()
			if n := sch.Pending(); n != 0 {
				t.Errorf("%d timers pending after the only listener left", n)
			}
			sch.Advance(time.Minute)
			if after := r.Diagram(nil); after != before {
				t.Errorf("emitted after dispose: %q became %q", before, after)
			}
		})
	}
}

func TestThrottleTimerEndsWithItsStream(t *testing.T) {
	sch := streamtest.NewScheduler()
	r := streamtest.Record(sch, diagram[string](t, sch, "-a|", nil).Throttle(sch, 3*sch.Frame))
	sch.Advance(2 * sch.Frame)
	if got := r.Diagram(nil); got != "-a|" {
		t.Fatalf("got %q", got)
	}
	if n := sch.Pending(); n != 0 {
		t.Errorf("%d timers pending once the throttled stream completed", n)
	}
}

// TestRestartForgetsState disposes of each operator while it holds state
// (a window, a waiting value, values in flight) and subscribes again: the
// new run must start fresh.
func TestRestartForgetsState(t *testing.T) {
	for _, c := range []struct {
		name, in, first, second string
		make                    func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string]
	}{
		{"Throttle", "-a-b-c|", "-a", "---b--|", func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
			return in.Throttle(sch, 3*sch.Frame)
		}},
		{"Debounce", "-a-----|", "", "-------|", func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
			return in.Debounce(sch, 2*sch.Frame)
		}},
		{"Delay", "-a-b-|", "", "-----b-|", func(sch *streamtest.Scheduler, in *stream.Stream[string]) *stream.Stream[string] {
			return in.Delay(sch, 2*sch.Frame)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sch := streamtest.NewScheduler()
			s := c.make(sch, diagram[string](t, sch, c.in, nil))
			first := streamtest.Record(sch, s)
			sch.Advance(2 * sch.Frame)
			first.Cancel()
			second := streamtest.Record(sch, s)
			sch.Run()
			if got := first.Diagram(nil); got != c.first {
				t.Errorf("first run: got %q, want %q", got, c.first)
			}
			if got := second.Diagram(nil); got != c.second {
				t.Errorf("second run: got %q, want %q", got, c.second)
			}
		})
	}
}
