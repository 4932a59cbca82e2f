package streamtest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
)

var _ stream.Scheduler = (*streamtest.Scheduler)(nil)

const ms = time.Millisecond

// since returns how far sch's clock is from where it started, which
// NewScheduler fixes.
func since(sch *streamtest.Scheduler) time.Duration {
	return sch.Now().Sub(streamtest.NewScheduler().Now())
}

// mustPanic runs f and returns what it panicked with, failing the test if
// it did not panic.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("did not panic")
		}
		msg = fmt.Sprint(r)
	}()
	f()
	return ""
}

func TestSchedulerStartsAtAFixedTime(t *testing.T) {
	a, b := streamtest.NewScheduler(), &streamtest.Scheduler{}
	if !a.Now().Equal(b.Now()) || a.Now().Year() != 2000 {
		t.Errorf("start times %v and %v, want the same fixed time in 2000", a.Now(), b.Now())
	}
}

func TestSchedulerRunsTimersInDueOrderFIFOForTies(t *testing.T) {
	sch := streamtest.NewScheduler()
	var got []string
	at := func(name string, d time.Duration) {
		sch.AfterFunc(d, func() { got = append(got, fmt.Sprintf("%s@%v", name, since(sch))) })
	}
	at("c", 30*ms)
	at("a1", 10*ms)
	at("b", 20*ms)
	at("a2", 10*ms)
	at("z", -5*ms) // negative counts as zero, like time.AfterFunc
	at("a3", 10*ms)
	sch.Advance(30 * ms)
	want := []string{"z@0s", "a1@10ms", "a2@10ms", "a3@10ms", "b@20ms", "c@30ms"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSchedulerAdvanceStopsAtTheEndOfTheWindow(t *testing.T) {
	sch := streamtest.NewScheduler()
	fired := 0
	sch.AfterFunc(10*ms, func() { fired++ })
	sch.AfterFunc(25*ms, func() { fired++ })
	sch.Advance(5 * ms)
	if fired != 0 || since(sch) != 5*ms {
		t.Fatalf("after Advance(5ms): fired %d at %v, want 0 at 5ms", fired, since(sch))
	}
	sch.Advance(5 * ms) // a timer due exactly at the end of the window runs
	if fired != 1 || since(sch) != 10*ms {
		t.Fatalf("after Advance(10ms): fired %d at %v, want 1 at 10ms", fired, since(sch))
	}
	sch.Advance(14 * ms)
	if fired != 1 || sch.Pending() != 1 || since(sch) != 24*ms {
		t.Fatalf("at 24ms: fired %d, pending %d, clock %v; want 1, 1, 24ms", fired, sch.Pending(), since(sch))
	}
	sch.Advance(time.Hour)
	if fired != 2 || sch.Pending() != 0 || since(sch) != time.Hour+24*ms {
		t.Fatalf("at the end: fired %d, pending %d, clock %v", fired, sch.Pending(), since(sch))
	}
}

func TestSchedulerAdvanceRunsTimersSetByTimersWithinTheWindow(t *testing.T) {
	sch := streamtest.NewScheduler()
	var got []string
	log := func(s string) func() {
		return func() { got = append(got, fmt.Sprintf("%s@%v", s, since(sch))) }
	}
	sch.AfterFunc(10*ms, func() {
		log("first")()
		sch.AfterFunc(0, log("zero, after second")) // due now, but set after second
		sch.AfterFunc(15*ms, log("inside"))
		sch.AfterFunc(45*ms, log("outside"))
	})
	sch.AfterFunc(10*ms, log("second"))
	sch.Advance(50 * ms)
	want := []string{"first@10ms", "second@10ms", "zero, after second@10ms", "inside@25ms"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if sch.Pending() != 1 {
		t.Errorf("Pending() = %d, want 1 (the timer due at 55ms)", sch.Pending())
	}
}

func TestSchedulerAdvanceZeroRunsWhatIsDueNow(t *testing.T) {
	sch := streamtest.NewScheduler()
	fired := false
	sch.AfterFunc(0, func() { fired = true })
	if fired {
		t.Fatal("AfterFunc ran f before the clock was advanced")
	}
	sch.Advance(0)
	if !fired {
		t.Fatal("Advance(0) did not run a timer due now")
	}
}

func TestSchedulerCancel(t *testing.T) {
	sch := streamtest.NewScheduler()
	var got []int
	cancels := make([]func(), 5)
	for i := range cancels {
		cancels[i] = sch.AfterFunc(time.Duration(i+1)*ms, func() { got = append(got, i) })
	}
	if sch.Pending() != 5 {
		t.Fatalf("Pending() = %d, want 5", sch.Pending())
	}
	cancels[3]()
	cancels[1]()
	cancels[1]() // twice is harmless
	if sch.Pending() != 3 {
		t.Fatalf("after two cancels Pending() = %d, want 3", sch.Pending())
	}
	sch.Advance(3 * ms)
	cancels[0]() // after it ran: harmless, must not cancel another timer
	cancels[2]()
	if sch.Pending() != 1 {
		t.Fatalf("Pending() = %d, want 1", sch.Pending())
	}
	sch.Run()
	if want := []int{0, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("ran %v, want %v", got, want)
	}
	if sch.Pending() != 0 {
		t.Errorf("Pending() = %d after Run, want 0", sch.Pending())
	}
}

func TestSchedulerCancelFromATimer(t *testing.T) {
	sch := streamtest.NewScheduler()
	ran := false
	var cancel func()
	sch.AfterFunc(10*ms, func() { cancel() })
	cancel = sch.AfterFunc(10*ms, func() { ran = true })
	sch.Run()
	if ran {
		t.Error("a timer cancelled by an earlier timer due at the same time still ran")
	}
}

func TestSchedulerRunStopsAtTheLastTimer(t *testing.T) {
	sch := streamtest.NewScheduler()
	n := 0
	var again func()
	again = func() {
		if n++; n < 4 {
			sch.AfterFunc(time.Second, again)
		}
	}
	sch.AfterFunc(time.Second, again)
	sch.Run()
	if n != 4 || since(sch) != 4*time.Second || sch.Pending() != 0 {
		t.Errorf("ran %d timers, clock at %v, %d pending; want 4, 4s, 0", n, since(sch), sch.Pending())
	}
}

func TestSchedulerRunGivesUpOnAnEndlessSource(t *testing.T) {
	sch := streamtest.NewScheduler()
	stream.Periodic(sch, time.Second).Subscribe(stream.Listener[int]{})
	msg := mustPanic(t, sch.Run)
	for _, s := range []string{"Run", "Periodic", "Take"} {
		if !strings.Contains(msg, s) {
			t.Errorf("panic message %q does not mention %s", msg, s)
		}
	}
}

func TestSchedulerAdvanceGivesUpOnAZeroPeriod(t *testing.T) {
	sch := streamtest.NewScheduler()
	stream.Periodic(sch, 0).Subscribe(stream.Listener[int]{})
	msg := mustPanic(t, func() { sch.Advance(time.Second) })
	for _, s := range []string{"Advance", "without the clock moving", "zero period"} {
		if !strings.Contains(msg, s) {
			t.Errorf("panic message %q does not say %q", msg, s)
		}
	}
}

func TestSchedulerAdvanceHasNoLimitWhileTheClockMoves(t *testing.T) {
	sch := streamtest.NewScheduler()
	n := 0
	stream.Periodic(sch, 10*ms).Subscribe(stream.Listener[int]{Next: func(int) { n++ }})
	sch.Advance(20 * time.Minute) // more timers than Run would fire
	if n != 120_000 {
		t.Errorf("%d ticks in 20 minutes of 10ms, want 120000", n)
	}
}

func TestSchedulerMisuse(t *testing.T) {
	sch := streamtest.NewScheduler()
	if msg := mustPanic(t, func() { sch.Advance(-time.Second) }); !strings.Contains(msg, "-1s") {
		t.Errorf("negative Advance: panic message %q does not show the duration", msg)
	}
	sch.AfterFunc(ms, func() { sch.Advance(ms) })
	if msg := mustPanic(t, sch.Run); !strings.Contains(msg, "timer callback") {
		t.Errorf("re-entrant Advance: panic message %q", msg)
	}
	// A panicking timer must leave the scheduler usable.
	ran := false
	sch.AfterFunc(ms, func() { ran = true })
	sch.Run()
	if !ran {
		t.Error("the scheduler did not run timers after a timer panicked")
	}
}
