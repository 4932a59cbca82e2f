package streamtest

import (
	"errors"
	"fmt"
	"sort"
	"time"
	"unicode"

	"github.com/gocycle/gocycle/cycle/stream"
)

// ErrDiagram is the error that "#" in a diagram emits. To test a
// particular error, replace it with [stream.Stream.ReplaceError].
var ErrDiagram = errors.New("streamtest: # in a marble diagram")

// Kind tells what an [Event] is.
type Kind uint8

// The kinds of event a stream can have.
const (
	Next     Kind = iota // the stream emitted Event.Value
	Error                // the stream failed with Event.Err
	Complete             // the stream completed
)

// String returns "next", "error" or "complete".
func (k Kind) String() string {
	switch k {
	case Next:
		return "next"
	case Error:
		return "error"
	case Complete:
		return "complete"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Event is one thing a stream did, and when.
type Event[T any] struct {
	At    time.Duration // virtual time since the scheduler started
	Kind  Kind
	Value T     // set when Kind is Next
	Err   error // set when Kind is Error
}

// Diagram returns a stream that does what diagram draws, at the virtual
// times it draws it on sch: a value character c emits values[c]. If
// values is nil, a character stands for itself in a stream of string
// and a digit for its value in a stream of int, so that simple diagrams
// need no map.
//
// Frames count from the start of sch, not from subscription, as in
// @cycle/time, so that diagrams written one above another line up
// whatever subscribes when. The stream is hot: a listener that
// subscribes late misses what was drawn before. It holds a timer only
// while it has listeners, so disposing of it leaves none pending.
//
// Diagram returns an error, naming the column, if diagram is malformed
// or uses a character that values does not give.
func Diagram[T any](sch *Scheduler, diagram string, values map[rune]T) (*stream.Stream[T], error) {
	evs, err := parse(diagram, sch.frame(), values)
	if err != nil {
		return nil, err
	}
	return stream.Create[T](&player[T]{sch: sch, evs: evs}), nil
}

// parse turns a diagram into events. Every character except white space
// takes one frame, the parentheses of a group included: that is how
// RxJS and @cycle/time count, and it keeps columns aligned with time.
func parse[T any](diagram string, frame time.Duration, values map[rune]T) ([]Event[T], error) {
	var (
		evs      []Event[T]
		col      int  // 1-based column of r, in runes, for messages
		n        int  // frames so far
		group    bool // inside "(...)"
		groupCol int  // column of the group's "("
		groupAt  time.Duration
		groupLen int
		endCol   int // column of "|" or "#", 0 before them
	)
	fail := func(format string, args ...any) error {
		return fmt.Errorf("streamtest: diagram %q, column %d: %s", diagram, col, fmt.Sprintf(format, args...))
	}
	for _, r := range diagram {
		col++
		if unicode.IsSpace(r) {
			continue
		}
		at := time.Duration(n) * frame
		n++
		if group {
			at = groupAt
		}
		if endCol > 0 && !(group && r == ')') {
			return nil, fail("%q after the end of the stream at column %d", r, endCol)
		}
		switch r {
		case '-':
			if group {
				return nil, fail(`"-" inside the group opened at column %d: a group is a single frame`, groupCol)
			}
		case '(':
			if group {
				return nil, fail("groups do not nest, and the one at column %d is still open", groupCol)
			}
			group, groupCol, groupAt, groupLen = true, col, at, 0
		case ')':
			if !group {
				return nil, fail(`")" closes no group`)
			}
			if groupLen == 0 {
				return nil, fail("empty group")
			}
			group = false
		case '|':
			evs = append(evs, Event[T]{At: at, Kind: Complete})
			endCol = col
			groupLen++
		case '#':
			evs = append(evs, Event[T]{At: at, Kind: Error, Err: ErrDiagram})
			endCol = col
			groupLen++
		default:
			v, problem := valueFor(r, values)
			if problem != "" {
				return nil, fail("%s", problem)
			}
			evs = append(evs, Event[T]{At: at, Kind: Next, Value: v})
			groupLen++
		}
	}
	if group {
		col = groupCol
		return nil, fail(`"(" is never closed`)
	}
	return evs, nil
}

// valueFor returns the value that r stands for, or why it stands for
// none.
func valueFor[T any](r rune, values map[rune]T) (v T, problem string) {
	if values != nil {
		v, ok := values[r]
		if !ok {
			return v, fmt.Sprintf("no value for %q in values", r)
		}
		return v, ""
	}
	switch any(v).(type) {
	case string:
		return any(string(r)).(T), ""
	case int:
		if '0' <= r && r <= '9' {
			return any(int(r - '0')).(T), ""
		}
		return v, fmt.Sprintf("%q is not a digit, and values is nil", r)
	}
	return v, fmt.Sprintf("no value for %q: values is nil, which only streams of string or int allow", r)
}

// player is the producer of a Diagram stream. It keeps one timer, for the
// next frame that has events, so that Pending counts a live diagram once.
type player[T any] struct {
	sch *Scheduler
	evs []Event[T]
	cur *play // the current run, nil when stopped
}

// play is one run of a player, from a Start to its Stop; a timer from an
// old run must not act on a new one.
type play struct {
	stopped bool
	cancel  func()
}

func (p *player[T]) Start(l stream.Listener[T]) {
	run := &play{}
	p.cur = run
	// Events drawn before now have happened without this listener.
	i := sort.Search(len(p.evs), func(i int) bool { return p.evs[i].At >= p.sch.now })
	var tick func()
	schedule := func() {
		if i < len(p.evs) {
			run.cancel = p.sch.afterFunc(p.evs[i].At-p.sch.now, tick, true)
		}
	}
	tick = func() {
		run.cancel = nil
		// An event may end the stream, or make its last listener leave:
		// the run is then over, and what it had left must not happen.
		for at := p.evs[i].At; i < len(p.evs) && p.evs[i].At == at && !run.stopped; i++ {
			switch e := p.evs[i]; e.Kind {
			case Next:
				l.Next(e.Value)
			case Error:
				l.Error(e.Err)
			case Complete:
				l.Complete()
			}
		}
		if !run.stopped {
			schedule()
		}
	}
	schedule()
}

func (p *player[T]) Stop() {
	if run := p.cur; run != nil {
		p.cur = nil
		run.stopped = true
		if run.cancel != nil {
			run.cancel()
		}
	}
}
