package streamtest

import (
	"container/heap"
	"fmt"
	"time"
)

// DefaultFrame is the duration of one character of a marble diagram when
// [Scheduler.Frame] is zero. It is the interval @cycle/time uses.
const DefaultFrame = 20 * time.Millisecond

// runLimit bounds the timers that Run may fire, and the timers that Run or
// Advance may fire without the clock moving. A stream such as an unbounded
// stream.Periodic always has a timer pending, so without a bound a test
// would hang instead of failing.
const runLimit = 100_000

// epoch is where every virtual clock starts. It is fixed so that tests
// which print or compare times are reproducible.
var epoch = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// Scheduler is a [stream.Scheduler] whose clock moves only when the test
// calls [Scheduler.Advance] or [Scheduler.Run]. Its clock starts at
// 2000-01-01 00:00:00 UTC, and timers run on the goroutine that advances
// it, one at a time, in the order of their due times; timers due at the
// same time run in the order they were set.
//
// What diagrams draw for a given time happens before the timers due at
// that time, whenever they were set: a diagram says what the outside world
// does at that moment, and a timer set by the code under test reacts to
// it. So, as in @cycle/time, "a-b" debounced by two frames drops a, since
// b arrives before a has been quiet for the whole two frames.
//
// A Scheduler is not safe for concurrent use. The zero Scheduler is ready
// to use.
type Scheduler struct {
	// Frame is the duration of one character of a marble diagram; zero
	// means DefaultFrame. Set it before drawing any diagram.
	Frame time.Duration

	now     time.Duration // elapsed virtual time since the epoch
	timers  timerHeap
	seq     uint64
	running bool
}

// NewScheduler returns a Scheduler at its start time with no timer and a
// frame of [DefaultFrame].
func NewScheduler() *Scheduler {
	return &Scheduler{Frame: DefaultFrame}
}

// Now returns the virtual time.
func (s *Scheduler) Now() time.Time { return epoch.Add(s.now) }

// AfterFunc arranges for f to run when the virtual clock reaches d from
// now; a negative d counts as zero, as with [time.AfterFunc]. The returned
// cancel stops f from running if it has not run yet; calling it later, or
// again, does nothing.
func (s *Scheduler) AfterFunc(d time.Duration, f func()) (cancel func()) {
	return s.afterFunc(d, f, false)
}

// afterFunc is AfterFunc for both kinds of timer: input timers, which play
// diagrams, run before the other timers due at the same time.
func (s *Scheduler) afterFunc(d time.Duration, f func(), input bool) (cancel func()) {
	if d < 0 {
		d = 0
	}
	s.seq++
	t := &timer{at: s.now + d, input: input, seq: s.seq, f: f}
	heap.Push(&s.timers, t)
	return func() {
		if t.index >= 0 {
			heap.Remove(&s.timers, t.index)
		}
	}
}

// Pending returns the number of timers that have neither run nor been
// cancelled. Tests use it to show that disposing of a stream left no
// timer behind.
func (s *Scheduler) Pending() int { return len(s.timers) }

// Advance moves the clock forward by d, running every timer that falls
// due on the way, including timers that those timers set, and leaves the
// clock at exactly d later. It panics if d is negative, if it is called
// from a timer, or if it fires 100000 timers in a row without the clock
// moving, as stream.Periodic with a zero period would make it do.
func (s *Scheduler) Advance(d time.Duration) {
	if d < 0 {
		panic(fmt.Sprintf("streamtest: Advance(%v): the clock cannot go back", d))
	}
	end := s.now + d
	if err := s.runUntil("Advance", &end); err != nil {
		panic(err.Error())
	}
	s.now = end
}

// Run runs timers until none is pending, moving the clock to each one's
// due time, and leaves the clock at the last of them. It panics if it is
// called from a timer, or after firing 100000 timers while some are still
// pending: an endless source such as stream.Periodic never lets the
// scheduler go idle, so bound it with Take or EndWhen, or use
// [Scheduler.Advance] instead.
func (s *Scheduler) Run() {
	if err := s.runUntil("Run", nil); err != nil {
		panic(err.Error())
	}
}

// runUntil fires timers in order until the next one is after *end (or,
// with a nil end, until there is none). It reports an endless run as an
// error so that AssertDiagram can fail the test instead of panicking.
func (s *Scheduler) runUntil(name string, end *time.Duration) error {
	if s.running {
		panic("streamtest: " + name + " called from a timer callback; timers may only set more timers")
	}
	s.running = true
	defer func() { s.running = false }()
	fired, still := 0, 0 // in all, and since the clock last moved
	for len(s.timers) > 0 {
		t := s.timers[0]
		if end != nil && t.at > *end {
			break
		}
		if t.at != s.now {
			still = 0
		}
		switch {
		case still == runLimit:
			return fmt.Errorf("streamtest: %s fired %d timers at %v without the clock moving: "+
				"a timer keeps setting another that is due at once, as stream.Periodic with a zero period does",
				name, runLimit, s.now)
		case end == nil && fired == runLimit:
			return fmt.Errorf("streamtest: %s fired %d timers and reached %v with %d still pending; "+
				"an endless source such as stream.Periodic never lets the scheduler go idle: "+
				"bound it with Take or EndWhen, or use Advance", name, runLimit, s.now, len(s.timers))
		}
		heap.Pop(&s.timers)
		s.now = t.at
		fired++
		still++
		t.f()
	}
	return nil
}

func (s *Scheduler) frame() time.Duration {
	if s.Frame <= 0 {
		return DefaultFrame
	}
	return s.Frame
}

type timer struct {
	at    time.Duration
	input bool   // plays a diagram: runs before other timers due at the same time
	seq   uint64 // then first set, first run
	f     func()
	index int // position in the heap, -1 once fired or cancelled
}

// timerHeap is a min-heap on (at, !input, seq) for container/heap.
type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.at != b.at {
		return a.at < b.at
	}
	if a.input != b.input {
		return a.input
	}
	return a.seq < b.seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old) - 1
	t := old[n]
	old[n] = nil
	t.index = -1
	*h = old[:n]
	return t
}
