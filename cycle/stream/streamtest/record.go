package streamtest

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gocycle/gocycle/cycle/stream"
)

// Recording is what a stream did while [Record] listened to it.
type Recording[T any] struct {
	sch    *Scheduler
	events []Event[T]
	cancel func()
}

// Record subscribes to s now and records every event of s, with its
// virtual time on sch, until s ends or [Recording.Cancel] is called.
func Record[T any](sch *Scheduler, s *stream.Stream[T]) *Recording[T] {
	r := &Recording[T]{sch: sch}
	add := func(e Event[T]) {
		e.At = sch.now
		r.events = append(r.events, e)
	}
	r.cancel = s.Subscribe(stream.Listener[T]{
		Next:     func(v T) { add(Event[T]{Kind: Next, Value: v}) },
		Error:    func(err error) { add(Event[T]{Kind: Error, Err: err}) },
		Complete: func() { add(Event[T]{Kind: Complete}) },
	})
	return r
}

// Events returns the events recorded so far, in order.
func (r *Recording[T]) Events() []Event[T] { return slices.Clone(r.events) }

// Cancel unsubscribes from the stream, which stops its producers (and
// their timers) if nothing else listens. Calling it again does nothing.
func (r *Recording[T]) Cancel() { r.cancel() }

// Diagram draws what was recorded as a marble diagram, one character per
// frame of the scheduler, writing each value as format returns it (with
// a nil format, as fmt.Sprint does).
//
// The result parses back into the same events when format returns a
// single character for every value and every event fell on a frame.
// Otherwise a drawing cannot be exact: an event between two frames is
// drawn at the earlier one, and one that falls where earlier characters
// already are (a value drawn longer than one character, or the frames
// that a group's parentheses take) is drawn right after them, late.
func (r *Recording[T]) Diagram(format func(T) string) string {
	if format == nil {
		format = func(v T) string { return fmt.Sprint(v) }
	}
	return draw(r.events, r.sch.frame(), format)
}

func draw[T any](evs []Event[T], frame time.Duration, format func(T) string) string {
	var b strings.Builder
	pos := 0 // frames taken by what is drawn so far
	put := func(s string) {
		b.WriteString(s)
		pos += utf8.RuneCountInString(s)
	}
	for i := 0; i < len(evs); {
		f := int(evs[i].At / frame)
		j := i + 1
		for j < len(evs) && int(evs[j].At/frame) == f {
			j++
		}
		for pos < f {
			put("-")
		}
		if j-i > 1 {
			put("(")
		}
		for _, e := range evs[i:j] {
			switch e.Kind {
			case Next:
				put(format(e.Value))
			case Error:
				put("#")
			case Complete:
				put("|")
			}
		}
		if j-i > 1 {
			put(")")
		}
		i = j
	}
	return b.String()
}

// AssertDiagram subscribes to s, runs sch until no timer is pending, and
// reports an error on t, showing both diagrams, unless s did exactly what
// want draws: the same events at the same virtual times. Values are
// compared with reflect.DeepEqual; "#" matches any error, since the
// pipeline under test usually makes its own (use [Record] to check
// which). Trailing silence in want does not matter.
//
// A malformed want, or a stream that keeps the scheduler busy forever,
// stops the test with t.Fatal. Diagrams count time from the scheduler's
// start, so use a fresh Scheduler for every assertion.
func AssertDiagram[T any](t testing.TB, sch *Scheduler, s *stream.Stream[T], want string, values map[rune]T) {
	t.Helper()
	frame := sch.frame()
	wantEvs, err := parse(want, frame, values)
	if err != nil {
		t.Fatal(err)
	}
	for i := range wantEvs {
		wantEvs[i].Err = nil // "#" stands for any error
	}
	r := Record(sch, s)
	defer r.Cancel()
	if err := sch.runUntil("AssertDiagram", nil); err != nil {
		t.Fatal(err)
	}
	if msg := firstDifference(wantEvs, r.events, frame); msg != "" {
		char := func(v T) string {
			if c, ok := charFor(v, values); ok {
				return string(c)
			}
			return "?"
		}
		t.Errorf("streamtest: the stream does not match the diagram\n\twant %q\n\tgot  %q\n\t%s",
			draw(wantEvs, frame, char), draw(r.events, frame, char), msg)
	}
}

// firstDifference describes where got first departs from want, or
// returns "" if it does not.
func firstDifference[T any](want, got []Event[T], frame time.Duration) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("want %s, got nothing more", describe(want[i], frame))
		case i >= len(want):
			return fmt.Sprintf("want nothing more, got %s", describe(got[i], frame))
		case !same(want[i], got[i]):
			return fmt.Sprintf("want %s, got %s", describe(want[i], frame), describe(got[i], frame))
		}
	}
	return ""
}

func same[T any](want, got Event[T]) bool {
	return want.At == got.At && want.Kind == got.Kind &&
		(want.Kind != Next || reflect.DeepEqual(want.Value, got.Value))
}

func describe[T any](e Event[T], frame time.Duration) string {
	var what string
	switch e.Kind {
	case Next:
		what = fmt.Sprintf("value %#v", e.Value)
	case Error:
		what = "an error"
		if e.Err != nil {
			what = fmt.Sprintf("error %q", e.Err)
		}
	default:
		what = e.Kind.String()
	}
	return fmt.Sprintf("%s at %v (frame %g)", what, e.At, float64(e.At)/float64(frame))
}

// charFor returns the character that draws v: its key in values, or, with
// nil values, the character or digit that parse would read as v.
func charFor[T any](v T, values map[rune]T) (rune, bool) {
	if values == nil {
		switch x := any(v).(type) {
		case string:
			if r, n := utf8.DecodeRuneInString(x); n == len(x) && n > 0 && !strings.ContainsRune("-()|#", r) && !unicode.IsSpace(r) {
				return r, true
			}
		case int:
			if 0 <= x && x <= 9 {
				return rune('0' + x), true
			}
		}
		return 0, false
	}
	keys := make([]rune, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same character every run when two keys share a value
	for _, k := range keys {
		if reflect.DeepEqual(values[k], v) {
			return k, true
		}
	}
	return 0, false
}
