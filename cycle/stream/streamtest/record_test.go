package streamtest_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
)

func TestRoundTrip(t *testing.T) {
	for _, d := range []string{
		"",
		"a",
		"|",
		"#",
		"--a-b--|",
		"-(ab)---c-#",
		"(a|)",
		"---(abc)d-e---(f#)",
		"a(bc)(de)f",
	} {
		sch := streamtest.NewScheduler()
		r := streamtest.Record(sch, diagram[string](t, sch, d, nil))
		sch.Run()
		if got := r.Diagram(nil); got != d {
			t.Errorf("%q came back as %q", d, got)
		}
		sch = streamtest.NewScheduler()
		streamtest.AssertDiagram(t, sch, diagram[string](t, sch, d, nil), d, nil)
	}
}

func TestRecordingDiagramDrawsWhatCannotBeExactLate(t *testing.T) {
	sch := streamtest.NewScheduler()
	subj := stream.NewSubject[int]()
	r := streamtest.Record(sch, subj.Stream())
	at := func(d time.Duration, f func()) { sch.AfterFunc(d, f) }
	at(30*ms, func() { subj.Next(1) })   // frame 1.5: drawn at frame 1
	at(40*ms, func() { subj.Next(2) })   // frame 2
	at(40*ms, func() { subj.Next(3) })   // and again: a group taking frames 2 to 5
	at(60*ms, func() { subj.Next(4) })   // frame 3, inside the group: late
	at(200*ms, func() { subj.Next(10) }) // two characters take two frames
	at(220*ms, subj.Complete)            // so this is late too
	sch.Run()
	if got, want := r.Diagram(nil), "-1(23)4---10|"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := r.Diagram(func(v int) string { return fmt.Sprintf("<%d>", v) }), "-<1>(<2><3>)<4><10>|"; got != want {
		t.Errorf("with a format: got %q, want %q", got, want)
	}
}

func TestRecordCancel(t *testing.T) {
	sch := streamtest.NewScheduler()
	r := streamtest.Record(sch, diagram[string](t, sch, "-a-b-c|", nil))
	sch.Advance(3 * sch.Frame)
	r.Cancel()
	r.Cancel()
	sch.Run()
	if got := r.Diagram(nil); got != "-a-b" {
		t.Errorf("got %q, want -a-b", got)
	}
}

// fakeT is a testing.TB that collects what AssertDiagram reports.
type fakeT struct {
	testing.TB // nil: a method not written here panics
	errs       []string
	fatal      bool
}

func (f *fakeT) Helper()                           {}
func (f *fakeT) Error(args ...any)                 { f.errs = append(f.errs, fmt.Sprint(args...)) }
func (f *fakeT) Errorf(format string, args ...any) { f.Error(fmt.Sprintf(format, args...)) }
func (f *fakeT) Fatal(args ...any)                 { f.Error(args...); f.fatal = true; runtime.Goexit() }
func (f *fakeT) Fatalf(format string, args ...any) { f.Fatal(fmt.Sprintf(format, args...)) }

// check runs assert against a fakeT, on a goroutine of its own so that
// Fatal can end it, and returns what was reported.
func check(assert func(t testing.TB)) *fakeT {
	f := &fakeT{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		assert(f)
	}()
	<-done
	return f
}

func TestAssertDiagramPasses(t *testing.T) {
	sch := streamtest.NewScheduler()
	s := stream.Map(diagram[int](t, sch, "-1-2-3", nil), func(i int) int { return i * 2 })
	f := check(func(t testing.TB) {
		streamtest.AssertDiagram(t, sch, s, "-a-b-c----", map[rune]int{'a': 2, 'b': 4, 'c': 6})
	})
	if len(f.errs) != 0 {
		t.Errorf("reported %q", f.errs)
	}
}

func TestAssertDiagramHashMatchesAnyError(t *testing.T) {
	sch := streamtest.NewScheduler()
	s := stream.Map(diagram[int](t, sch, "-1-0", nil), func(i int) int { return 6 / i })
	streamtest.AssertDiagram(t, sch, s, "-6-#", nil)
}

func TestAssertDiagramFailures(t *testing.T) {
	values := map[rune]string{'a': "A", 'b': "B", 'c': "C"}
	for _, c := range []struct {
		name, in, want string
		report         []string
	}{
		{"wrong value", "-a-b|", "-a-c|", []string{`want "-a-c|"`, `got  "-a-b|"`,
			`want value "C" at 60ms (frame 3), got value "B" at 60ms (frame 3)`}},
		{"late", "-a--b|", "-a-b-|", []string{`want value "B" at 60ms (frame 3), got value "B" at 80ms (frame 4)`}},
		{"short", "-a-", "-a-|", []string{"want complete at 60ms (frame 3), got nothing more"}},
		{"long", "-a-b", "-a", []string{`want nothing more, got value "B" at 60ms (frame 3)`}},
		{"error for value", "-a-#", "-a-b", []string{`want value "B" at 60ms (frame 3), got error "streamtest: # in a marble diagram"`}},
		{"kind", "-a|", "-a#", []string{"want an error at 40ms (frame 2), got complete at 40ms (frame 2)"}},
	} {
		sch := streamtest.NewScheduler()
		in := diagram(t, sch, c.in, values)
		f := check(func(t testing.TB) { streamtest.AssertDiagram(t, sch, in, c.want, values) })
		if len(f.errs) != 1 || f.fatal {
			t.Errorf("%s: reported %q, fatal %v; want one error", c.name, f.errs, f.fatal)
			continue
		}
		for _, w := range c.report {
			if !strings.Contains(f.errs[0], w) {
				t.Errorf("%s: report\n%s\ndoes not say\n%s", c.name, f.errs[0], w)
			}
		}
	}
}

func TestAssertDiagramDrawsUnknownValuesAsQuestionMarks(t *testing.T) {
	sch := streamtest.NewScheduler()
	s := stream.Map(diagram[int](t, sch, "-1-2|", nil), func(i int) int { return i * 10 })
	f := check(func(t testing.TB) { streamtest.AssertDiagram(t, sch, s, "-a-b|", map[rune]int{'a': 10, 'b': 30}) })
	if len(f.errs) != 1 || !strings.Contains(f.errs[0], `got  "-a-?|"`) || !strings.Contains(f.errs[0], "got value 20") {
		t.Errorf("reported %q", f.errs)
	}
}

func TestAssertDiagramFatal(t *testing.T) {
	sch := streamtest.NewScheduler()
	f := check(func(t testing.TB) { streamtest.AssertDiagram(t, sch, stream.Never[string](), "-a-(b", nil) })
	if !f.fatal || len(f.errs) != 1 || !strings.Contains(f.errs[0], `column 4: "(" is never closed`) {
		t.Errorf("malformed want: fatal %v, reported %q", f.fatal, f.errs)
	}

	sch = streamtest.NewScheduler()
	f = check(func(t testing.TB) { streamtest.AssertDiagram(t, sch, stream.Periodic(sch, sch.Frame), "-0-1-2", nil) })
	if !f.fatal || len(f.errs) != 1 || !strings.Contains(f.errs[0], "Take") {
		t.Errorf("endless stream: fatal %v, reported %q", f.fatal, f.errs)
	}
	if n := sch.Pending(); n != 0 {
		t.Errorf("%d timers left after a fatal assertion; it should unsubscribe", n)
	}
}
