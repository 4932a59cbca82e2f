package streamtest_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
)

// diagram is streamtest.Diagram for a well-formed diagram.
func diagram[T any](t testing.TB, sch *streamtest.Scheduler, d string, values map[rune]T) *stream.Stream[T] {
	t.Helper()
	s, err := streamtest.Diagram(sch, d, values)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// show prints events compactly, times in frames of 20ms.
func show[T any](evs []streamtest.Event[T]) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "%d:", int(e.At/streamtest.DefaultFrame))
		switch e.Kind {
		case streamtest.Next:
			fmt.Fprintf(&b, "%v ", e.Value)
		case streamtest.Error:
			fmt.Fprintf(&b, "#(%v) ", e.Err)
		case streamtest.Complete:
			b.WriteString("| ")
		}
	}
	return strings.TrimSpace(b.String())
}

func TestDiagramEmitsAtItsFrames(t *testing.T) {
	for _, c := range []struct{ diagram, want string }{
		{"a", "0:a"},
		{"--a-b-|", "2:a 4:b 6:|"},
		{"-(ab)-c", "1:a 1:b 6:c"}, // the group takes four frames
		{"--(a|)", "2:a 2:|"},
		{"x-#", "0:x 2:#(" + streamtest.ErrDiagram.Error() + ")"},
		{" - a  -  | ", "1:a 3:|"}, // spaces take no time
		{"", ""},
		{"----", ""},
		{"|", "0:|"},
	} {
		sch := streamtest.NewScheduler()
		r := streamtest.Record(sch, diagram[string](t, sch, c.diagram, nil))
		sch.Run()
		if got := show(r.Events()); got != c.want {
			t.Errorf("%q: got %q, want %q", c.diagram, got, c.want)
		}
	}
}

func TestDiagramErrorIsErrDiagram(t *testing.T) {
	sch := streamtest.NewScheduler()
	var got error
	diagram[string](t, sch, "-#", nil).Subscribe(stream.Listener[string]{Error: func(err error) { got = err }})
	sch.Run()
	if !errors.Is(got, streamtest.ErrDiagram) {
		t.Errorf("got %v, want ErrDiagram", got)
	}
}

func TestDiagramValues(t *testing.T) {
	type point struct{ X, Y int }
	sch := streamtest.NewScheduler()
	s := diagram(t, sch, "-a-b", map[rune]point{'a': {1, 2}, 'b': {3, 4}})
	r := streamtest.Record(sch, s)
	sch.Run()
	if got, want := show(r.Events()), "1:{1 2} 3:{3 4}"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	// With nil values, digits stand for ints.
	sch = streamtest.NewScheduler()
	ri := streamtest.Record(sch, diagram[int](t, sch, "0-7-(89)|", nil))
	sch.Run()
	if got, want := show(ri.Events()), "0:0 2:7 4:8 4:9 8:|"; got != want {
		t.Errorf("int diagram: got %q, want %q", got, want)
	}
}

func TestDiagramFrame(t *testing.T) {
	sch := streamtest.NewScheduler()
	sch.Frame = 5 * time.Second
	r := streamtest.Record(sch, diagram[string](t, sch, "--a|", nil))
	sch.Run()
	evs := r.Events()
	if len(evs) != 2 || evs[0].At != 10*time.Second || evs[1].At != 15*time.Second {
		t.Errorf("with 5s frames got %v, want a at 10s and completion at 15s", evs)
	}
	if got := r.Diagram(nil); got != "--a|" {
		t.Errorf("drawn with 5s frames as %q", got)
	}
}

func TestDiagramMalformed(t *testing.T) {
	for _, c := range []struct {
		diagram string
		want    []string // all in the error message
	}{
		{"--a-(bc", []string{"column 5", `"(" is never closed`}},
		{"--a)", []string{"column 4", `")" closes no group`}},
		{"--a|-", []string{"column 5", "'-' after the end of the stream at column 4"}},
		{"--#a", []string{"column 4", "'a' after the end of the stream at column 3"}},
		{"(a|)b", []string{"column 5", "after the end"}},
		{"(|a)", []string{"column 3", "after the end"}},
		{"(a|#)", []string{"column 4", "'#' after the end"}},
		{"(a-b)", []string{"column 3", `"-" inside the group opened at column 1`}},
		{"-((a))", []string{"column 3", "groups do not nest"}},
		{"-()", []string{"column 3", "empty group"}},
		{"a - x", []string{"column 5", "no value for 'x' in values"}},
		{"ä-x", []string{"column 3", "'x'"}}, // columns count characters, not bytes
	} {
		_, err := streamtest.Diagram(streamtest.NewScheduler(), c.diagram, map[rune]string{'a': "A", 'b': "B", 'c': "C", 'ä': "Ä"})
		if err == nil {
			t.Errorf("%q: no error", c.diagram)
			continue
		}
		for _, w := range append(c.want, fmt.Sprintf("%q", c.diagram)) {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q does not say %q", c.diagram, err, w)
			}
		}
	}

	sch := streamtest.NewScheduler()
	if _, err := streamtest.Diagram[int](sch, "1a", nil); err == nil || !strings.Contains(err.Error(), "column 2: 'a' is not a digit") {
		t.Errorf("int diagram with a letter: error %v", err)
	}
	if _, err := streamtest.Diagram[float64](sch, "a", nil); err == nil || !strings.Contains(err.Error(), "values is nil") {
		t.Errorf("float64 diagram without values: error %v", err)
	}
}

func TestDiagramIsHotAndHoldsTimersOnlyWhileListenedTo(t *testing.T) {
	sch := streamtest.NewScheduler()
	s := diagram[string](t, sch, "a-b-c-d-e|", nil)
	if n := sch.Pending(); n != 0 {
		t.Fatalf("a diagram nobody listens to holds %d timers", n)
	}
	sch.Advance(2 * sch.Frame) // a has passed unseen; b is due now
	first := streamtest.Record(sch, s)
	if n := sch.Pending(); n != 1 {
		t.Fatalf("a diagram with a listener holds %d timers, want 1", n)
	}
	sch.Advance(2 * sch.Frame)
	first.Cancel()
	if n := sch.Pending(); n != 0 {
		t.Fatalf("%d timers pending after the only listener left", n)
	}
	sch.Advance(3 * sch.Frame) // d passes unseen
	second := streamtest.Record(sch, s)
	sch.Run()
	if got, want := show(first.Events()), "2:b 4:c"; got != want {
		t.Errorf("first listener got %q, want %q", got, want)
	}
	if got, want := show(second.Events()), "8:e 9:|"; got != want {
		t.Errorf("second listener got %q, want %q", got, want)
	}
}

func TestDiagramStopsWhenItsListenerEndsIt(t *testing.T) {
	sch := streamtest.NewScheduler()
	r := streamtest.Record(sch, diagram[string](t, sch, "(abc)-d-e|", nil).Take(2))
	sch.Advance(0)
	if got, want := show(r.Events()), "0:a 0:b 0:|"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := sch.Pending(); n != 0 {
		t.Errorf("%d timers pending after Take ended the diagram", n)
	}
}

func TestDiagramInputComesBeforeTimersDueAtTheSameTime(t *testing.T) {
	sch := streamtest.NewScheduler()
	var got []string
	sch.AfterFunc(2*sch.Frame, func() { got = append(got, "timer") })
	diagram[string](t, sch, "--a", nil).Subscribe(stream.Listener[string]{
		Next: func(v string) { got = append(got, v) },
	})
	sch.AfterFunc(2*sch.Frame, func() { got = append(got, "later timer") })
	sch.Run()
	if want := []string{"a", "timer", "later timer"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
