package cycle_test

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// recorder is a sink-only driver that records what reaches it, in a log
// shared by all recorders of an app so that the order across sinks shows.
type recorder struct {
	mu   sync.Mutex
	log  []string
	done map[string]bool
}

func newRecorder() *recorder { return &recorder{done: map[string]bool{}} }

func (r *recorder) add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log = append(r.log, s)
}

func (r *recorder) entries() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.log)
}

func recordDriver[T any](r *recorder, disposed *bool) cycle.Driver {
	return cycle.SinkDriver(func(sink *stream.Stream[T], ctx *cycle.Context) error {
		cancel := sink.Subscribe(stream.Listener[T]{
			Next:     func(v T) { r.add(fmt.Sprintf("%s:%v", ctx.Name, v)) },
			Error:    func(err error) { r.add(fmt.Sprintf("%s:error:%v", ctx.Name, err)) },
			Complete: func() { r.add(ctx.Name + ":complete") },
		})
		ctx.OnDispose(func() {
			cancel()
			if disposed != nil {
				*disposed = true
			}
		})
		return nil
	})
}

// eventDriver is a source-only driver whose source is a stream fed by the
// test through the app's loop.
type eventSource struct {
	subject *stream.Subject[int]
	loop    *cycle.Loop
}

func (e *eventSource) Stream() *stream.Stream[int] { return e.subject.Stream() }

// Send emits v on the app's loop and waits for it.
func (e *eventSource) Send(v int) bool { return e.loop.Do(func() { e.subject.Next(v) }) }

func eventDriver(out **eventSource) cycle.Driver {
	return cycle.SourceDriver(func(ctx *cycle.Context) (*eventSource, error) {
		*out = &eventSource{subject: stream.NewSubject[int](), loop: ctx.Loop}
		return *out, nil
	})
}

type counterSources struct {
	Clicks *eventSource
}

type counterSinks struct {
	Out *stream.Stream[int]
}

func counter(src counterSources) counterSinks {
	count := stream.Fold(src.Clicks.Stream(), 0, func(n, d int) int { return n + d })
	return counterSinks{Out: count}
}

func TestRunConnectsMainToDrivers(t *testing.T) {
	r := newRecorder()
	var ev *eventSource
	disposed := false
	dispose, err := cycle.Run(counter, cycle.Drivers{
		"Clicks": eventDriver(&ev),
		"Out":    recordDriver[int](r, &disposed),
	})
	if err != nil {
		t.Fatal(err)
	}
	ev.Send(1)
	ev.Send(2)
	dispose()
	want := []string{"Out:0", "Out:1", "Out:3", "Out:complete"}
	if got := r.entries(); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if !disposed {
		t.Error("dispose did not call the driver's OnDispose")
	}
	if ev.Send(3) {
		t.Error("a disposed app's loop still accepts events")
	}
}

func TestRunRefusesMismatchedPrograms(t *testing.T) {
	r := newRecorder()
	var ev *eventSource
	ok := cycle.Drivers{"Clicks": eventDriver(&ev), "Out": recordDriver[int](r, nil)}
	type badSink struct{ Out *stream.Stream[string] }
	type extraSink struct {
		Out  *stream.Stream[int]
		HTTP *stream.Stream[int]
	}
	type extraSource struct {
		Clicks *eventSource
		DOM    *eventSource
	}
	type unexported struct {
		Clicks *eventSource
		out    *stream.Stream[int]
	}
	cases := []struct {
		name string
		run  func() error
		want string
	}{
		{"nil main", func() error {
			_, err := cycle.Run[counterSources, counterSinks](nil, ok)
			return err
		}, "main is nil"},
		{"sources not a struct", func() error {
			_, err := cycle.Run(func(int) counterSinks { return counterSinks{} }, ok)
			return err
		}, "Sources must be a struct"},
		{"sink without driver", func() error {
			_, err := cycle.Run(func(counterSources) extraSink { return extraSink{} }, ok)
			return err
		}, `field Sinks.HTTP has no driver; add a driver named "HTTP"`},
		{"source without driver", func() error {
			_, err := cycle.Run(func(extraSource) counterSinks { return counterSinks{} }, ok)
			return err
		}, `field Sources.DOM has no driver`},
		{"sink type mismatch", func() error {
			_, err := cycle.Run(func(counterSources) badSink { return badSink{} }, ok)
			return err
		}, "field Sinks.Out has type *stream.Stream[string], but driver \"Out\"'s sink has type *stream.Stream[int]"},
		{"source-only driver used as sink", func() error {
			_, err := cycle.Run(func(counterSources) struct{ Clicks *stream.Stream[int] } {
				return struct{ Clicks *stream.Stream[int] }{}
			}, ok)
			return err
		}, `driver "Clicks" takes no sink`},
		{"unexported field", func() error {
			_, err := cycle.Run(func(unexported) counterSinks { return counterSinks{} }, ok)
			return err
		}, "unexported"},
		{"driver error", func() error {
			_, err := cycle.Run(counter, cycle.Drivers{
				"Clicks": cycle.SourceDriver(func(*cycle.Context) (*eventSource, error) { return nil, errors.New("no port") }),
				"Out":    recordDriver[int](r, nil),
			})
			return err
		}, `driver "Clicks": no port`},
		{"driver panic", func() error {
			_, err := cycle.Run(counter, cycle.Drivers{
				"Clicks": cycle.SourceDriver(func(*cycle.Context) (*eventSource, error) { panic("boom") }),
				"Out":    recordDriver[int](r, nil),
			})
			return err
		}, `driver "Clicks": panicked while starting: boom`},
		{"main panic", func() error {
			_, err := cycle.Run(func(counterSources) counterSinks { panic("bad main") }, ok)
			return err
		}, "main panicked: bad main"},
		{"nil driver", func() error {
			_, err := cycle.Run(counter, cycle.Drivers{"Clicks": nil, "Out": recordDriver[int](r, nil)})
			return err
		}, `driver "Clicks" is nil`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got error %v, want one containing %q", err, c.want)
			}
		})
	}
}

type twoSinks struct {
	A *stream.Stream[string]
	B *stream.Stream[string]
}

// TestSinkEmissionsBeforeStartAreBufferedInOrder: both sinks emit while
// they are being connected; every value reaches its driver, in the order
// of emission across sinks.
func TestSinkEmissionsBeforeStartAreBufferedInOrder(t *testing.T) {
	r := newRecorder()
	dispose, err := cycle.Run(func(struct{}) twoSinks {
		b := stream.Of("b1", "b2")
		a := stream.Merge(stream.Of("a1"), stream.Map(b, func(s string) string { return "a<" + s }))
		return twoSinks{A: a, B: b}
	}, cycle.Drivers{"A": recordDriver[string](r, nil), "B": recordDriver[string](r, nil)})
	if err != nil {
		t.Fatal(err)
	}
	dispose()
	// A is connected first (drivers go in name order); its Merge starts b
	// first, so b's values are emitted, through A, before B connects.
	got := r.entries()
	want := []string{"A:a1", "A:a<b1", "A:a<b2", "A:complete", "B:b1", "B:b2", "B:complete"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestBufferingKeepsValuesThatLoopBackThroughADriver: the Echo sink emits
// while it is being connected; its driver echoes the value synchronously
// on its source, which main maps into the Rec sink. Without the buffering
// the echo would reach Rec before Rec is connected, and be lost.
func TestBufferingKeepsValuesThatLoopBackThroughADriver(t *testing.T) {
	r := newRecorder()
	echo := cycle.DriverFunc(func(sink *stream.Stream[string], ctx *cycle.Context) (*stream.Stream[string], error) {
		out := stream.NewSubject[string]()
		cancel := sink.Subscribe(stream.Listener[string]{Next: out.Next})
		ctx.OnDispose(cancel)
		return out.Stream(), nil
	})
	type sources struct{ Echo *stream.Stream[string] }
	type sinks struct {
		Echo *stream.Stream[string]
		Rec  *stream.Stream[string]
	}
	dispose, err := cycle.Run(func(src sources) sinks {
		return sinks{
			Echo: stream.Of("x", "y"),
			Rec:  stream.Map(src.Echo, func(s string) string { return "echo " + s }),
		}
	}, cycle.Drivers{"Echo": echo, "Rec": recordDriver[string](r, nil)})
	if err != nil {
		t.Fatal(err)
	}
	dispose()
	if got, want := r.entries(), []string{"Rec:echo x", "Rec:echo y", "Rec:complete"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestErrorInSinkIsReportedAndForwarded(t *testing.T) {
	r := newRecorder()
	var mu sync.Mutex
	var reported []error
	boom := errors.New("boom")
	dispose, err := cycle.Run(func(struct{}) struct{ Out *stream.Stream[int] } {
		return struct{ Out *stream.Stream[int] }{Out: stream.Concat(stream.Of(1), stream.Throw[int](boom))}
	}, cycle.Drivers{"Out": recordDriver[int](r, nil)}, cycle.WithName("t1"), cycle.WithErrors(func(err error) {
		mu.Lock()
		defer mu.Unlock()
		reported = append(reported, err)
	}))
	if err != nil {
		t.Fatal(err)
	}
	dispose()
	if got, want := r.entries(), []string{"Out:1", "Out:error:boom"}; !slices.Equal(got, want) {
		t.Errorf("driver got %v, want %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reported) != 1 || !errors.Is(reported[0], boom) || !strings.Contains(reported[0].Error(), "app t1: sink Out") {
		t.Errorf("reported %v, want one error wrapping boom that names app t1 and sink Out", reported)
	}
}

// TestSinkErrorIsReportedOnce: a driver that reports the error its sink
// gave it (as the DOM driver does) does not make the app report it twice;
// its own errors are still reported.
func TestSinkErrorIsReportedOnce(t *testing.T) {
	var mu sync.Mutex
	var reported []string
	boom, own := errors.New("boom"), errors.New("the driver's own")
	reporting := cycle.SinkDriver(func(sink *stream.Stream[int], ctx *cycle.Context) error {
		sink.Subscribe(stream.Listener[int]{Error: func(err error) {
			ctx.ReportError(fmt.Errorf("rendering: %w", err))
			ctx.ReportError(own)
		}})
		return nil
	})
	dispose, err := cycle.Run(func(struct{}) struct{ Out *stream.Stream[int] } {
		return struct{ Out *stream.Stream[int] }{Out: stream.Throw[int](boom)}
	}, cycle.Drivers{"Out": reporting}, cycle.WithName("t1"), cycle.WithErrors(func(err error) {
		mu.Lock()
		defer mu.Unlock()
		reported = append(reported, err.Error())
	}))
	if err != nil {
		t.Fatal(err)
	}
	dispose()
	mu.Lock()
	defer mu.Unlock()
	want := []string{"cycle: app t1: sink Out: boom", `cycle: app t1: driver "Out": the driver's own`}
	if !slices.Equal(reported, want) {
		t.Errorf("reported %q, want %q", reported, want)
	}
}

// TestPanicStopsOnlyThatApp runs two apps; a panic in one stops it (its
// sinks complete, its drivers are disposed, the panic is reported) and the
// other keeps working.
func TestPanicStopsOnlyThatApp(t *testing.T) {
	// A panic inside an operator's function is an error on the stream; a
	// panic in a driver's listener is a panic on the loop. Test the latter.
	var evA, evB *eventSource
	rA, rB := newRecorder(), newRecorder()
	panicDriver := cycle.SinkDriver(func(sink *stream.Stream[int], ctx *cycle.Context) error {
		cancel := sink.Subscribe(stream.Listener[int]{
			Next: func(v int) {
				if v == 7 {
					panic("driver cannot handle 7")
				}
				rA.add(fmt.Sprint(v))
			},
			Complete: func() { rA.add("complete") },
		})
		ctx.OnDispose(func() { cancel(); rA.add("disposed") })
		return nil
	})
	var reported []error
	var mu sync.Mutex
	hook := cycle.WithErrors(func(err error) { mu.Lock(); reported = append(reported, err); mu.Unlock() })
	disposeA, err := cycle.Run(counter, cycle.Drivers{"Clicks": eventDriver(&evA), "Out": panicDriver}, cycle.WithName("A"), hook)
	if err != nil {
		t.Fatal(err)
	}
	disposeB, err := cycle.Run(counter, cycle.Drivers{"Clicks": eventDriver(&evB), "Out": recordDriver[int](rB, nil)}, cycle.WithName("B"), hook)
	if err != nil {
		t.Fatal(err)
	}
	evA.Send(1)
	evA.Send(6) // count becomes 7: the driver panics
	evB.Send(5)
	if evA.Send(1) {
		t.Error("app A still accepts events after its panic")
	}
	evB.Send(5)
	disposeA()
	disposeB()
	if got, want := rA.entries(), []string{"0", "1", "complete", "disposed"}; !slices.Equal(got, want) {
		t.Errorf("app A: got %v, want %v", got, want)
	}
	if got, want := rB.entries(), []string{"Out:0", "Out:5", "Out:10", "Out:complete"}; !slices.Equal(got, want) {
		t.Errorf("app B: got %v, want %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	var pe *cycle.PanicError
	if len(reported) != 1 || !errors.As(reported[0], &pe) || pe.App != "A" || pe.Value != "driver cannot handle 7" || len(pe.Stack) == 0 {
		t.Errorf("reported %v, want one *cycle.PanicError for app A", reported)
	}
}

// TestDisposeLeavesNoGoroutineOrTimer: an app with a periodic timer
// disposed mid-flight leaves neither its loop goroutine nor a timer.
func TestDisposeLeavesNoGoroutineOrTimer(t *testing.T) {
	before := userGoroutines()
	type sources struct{ Time stream.Scheduler }
	var loops []*cycle.Loop
	for range 20 {
		r := newRecorder()
		p, err := cycle.Setup(func(src sources) counterSinks {
			return counterSinks{Out: stream.Merge(
				stream.Periodic(src.Time, time.Millisecond),
				stream.Periodic(src.Time, time.Hour),
				stream.Of(1).Delay(src.Time, time.Hour),
			)}
		}, cycle.Drivers{"Time": cycle.TimeDriver(), "Out": recordDriver[int](r, nil)})
		if err != nil {
			t.Fatal(err)
		}
		dispose := p.Run()
		if n := p.Loop.Timers(); n == 0 {
			t.Fatal("the app has no pending timer; the test would prove nothing")
		}
		time.Sleep(2 * time.Millisecond)
		dispose()
		if n := p.Loop.Timers(); n != 0 {
			t.Errorf("%d timers outlive dispose", n)
		}
		loops = append(loops, p.Loop)
	}
	// Goroutines end asynchronously after their last instruction; give the
	// scheduler a moment, without making the test depend on a duration.
	deadline := time.Now().Add(5 * time.Second)
	for userGoroutines() > before && time.Now().Before(deadline) {
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if after := userGoroutines(); after > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after disposing 20 apps:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
	for _, l := range loops {
		if !l.Stopped() {
			t.Error("a loop is still running after dispose")
		}
	}
}

func TestTimeDriverRunsTimersOnTheLoop(t *testing.T) {
	r := newRecorder()
	done := make(chan struct{})
	type sources struct{ Time stream.Scheduler }
	dispose, err := cycle.Run(func(src sources) counterSinks {
		return counterSinks{Out: stream.Periodic(src.Time, time.Millisecond).Take(3)}
	}, cycle.Drivers{"Time": cycle.TimeDriver(), "Out": cycle.SinkDriver(func(s *stream.Stream[int], ctx *cycle.Context) error {
		s.Subscribe(stream.Listener[int]{Next: func(v int) { r.add(fmt.Sprint(v)) }, Complete: func() { close(done) }})
		return nil
	})})
	if err != nil {
		t.Fatal(err)
	}
	defer dispose()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a 1ms periodic stream did not emit three values in 10s")
	}
	if got := r.entries(); !slices.Equal(got, []string{"0", "1", "2"}) {
		t.Errorf("got %v", got)
	}
}

func TestSetupExposesSourcesAndSinks(t *testing.T) {
	r := newRecorder()
	var ev *eventSource
	p, err := cycle.Setup(counter, cycle.Drivers{"Clicks": eventDriver(&ev), "Out": recordDriver[int](r, nil)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Sources.Clicks != ev || p.Sinks.Out == nil {
		t.Fatal("Setup did not fill Sources from the driver or Sinks from main")
	}
	if len(r.entries()) != 0 {
		t.Errorf("sinks reached drivers before Run: %v", r.entries())
	}
	dispose := p.Run()
	ev.Send(4)
	dispose()
	if got, want := r.entries(), []string{"Out:0", "Out:4", "Out:complete"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTaggedAndIgnoredFields(t *testing.T) {
	r := newRecorder()
	type sinks struct {
		Log   *stream.Stream[string] `cycle:"console"`
		Notes string                 `cycle:"-"`
	}
	dispose, err := cycle.Run(func(struct{}) sinks {
		return sinks{Log: stream.Of("hi")}
	}, cycle.Drivers{"console": recordDriver[string](r, nil)})
	if err != nil {
		t.Fatal(err)
	}
	dispose()
	if got := r.entries(); !slices.Equal(got, []string{"console:hi", "console:complete"}) {
		t.Errorf("got %v", got)
	}
}

func TestDriverTypes(t *testing.T) {
	d := cycle.DriverFunc(func(*stream.Stream[int], *cycle.Context) (string, error) { return "", nil })
	if d.SinkType() != reflect.TypeFor[*stream.Stream[int]]() || d.SourceType() != reflect.TypeFor[string]() {
		t.Errorf("DriverFunc types: %v, %v", d.SinkType(), d.SourceType())
	}
	if cycle.TimeDriver().SinkType() != nil {
		t.Error("a source-only driver reports a sink type")
	}
}

// userGoroutines counts goroutines, leaving out the one that the js/wasm
// runtime parks to wait for JavaScript events, which is the runtime's own.
func userGoroutines() int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.HasPrefix(g, "goroutine ") && !strings.Contains(g, "runtime.handleEvent") {
			n++
		}
	}
	return n
}

// TestPanicWhileStoppingIsContained: a driver whose listener panics on
// completion and whose dispose panics still lets the app stop cleanly, and
// both problems are reported.
func TestPanicWhileStoppingIsContained(t *testing.T) {
	var ev *eventSource
	var mu sync.Mutex
	var reported []string
	bad := cycle.SinkDriver(func(sink *stream.Stream[int], ctx *cycle.Context) error {
		sink.Subscribe(stream.Listener[int]{
			Next:     func(v int) { panic("next") },
			Complete: func() { panic("complete") },
		})
		ctx.OnDispose(func() { panic("dispose") })
		return nil
	})
	dispose, err := cycle.Run(func(src counterSources) counterSinks {
		return counterSinks{Out: src.Clicks.Stream()}
	}, cycle.Drivers{"Clicks": eventDriver(&ev), "Out": bad}, cycle.WithErrors(func(err error) {
		mu.Lock()
		reported = append(reported, err.Error())
		mu.Unlock()
	}))
	if err != nil {
		t.Fatal(err)
	}
	ev.Send(1)
	dispose()
	mu.Lock()
	defer mu.Unlock()
	joined := strings.Join(reported, "\n")
	for _, want := range []string{"stopped by a panic: next", "completing sink Out panicked: complete", "disposing a driver panicked: dispose"} {
		if !strings.Contains(joined, want) {
			t.Errorf("reported:\n%s\nwant a line containing %q", joined, want)
		}
	}
	if ev.Send(2) {
		t.Error("the app still runs")
	}
}
