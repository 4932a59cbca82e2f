package rxstream_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/rxstream"
	"github.com/reactivex/rxgo/v2"
)

const many = 10000

// checkedLoop is a cycle.Loop that records whether the caller is one of
// its tasks, so that listeners can check they are called on the loop.
type checkedLoop struct {
	*cycle.Loop
	in atomic.Int32
}

func (l *checkedLoop) Post(f func()) bool {
	return l.Loop.Post(func() {
		l.in.Add(1)
		defer l.in.Add(-1)
		f()
	})
}

func (l *checkedLoop) onLoop() bool { return l.in.Load() > 0 }

// do runs f as a task of the loop and waits for it.
func (l *checkedLoop) do(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	if !l.Post(func() { defer close(done); f() }) {
		t.Fatal("the loop has stopped")
	}
	<-done
}

// newLoop starts a loop and checks, when the test ends, that it left no
// goroutine behind: the goroutines running at the end, once the loop has
// stopped, must be those running before it started.
func newLoop(t *testing.T) *checkedLoop {
	t.Helper()
	before, _ := goroutines()
	l := &checkedLoop{Loop: cycle.NewLoop(func(v any, stack []byte) { t.Errorf("a task panicked: %v\n%s", v, stack) })}
	t.Cleanup(func() {
		l.Stop()
		l.Wait()
		waitGoroutines(t, before)
	})
	return l
}

// waitGoroutines waits until no more than n goroutines run: rxgo's
// goroutines return soon after their context is cancelled, not at once.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		now, stacks := goroutines()
		if now <= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left behind (%d before, %d now):\n%s", now-n, n, now, stacks)
		}
		time.Sleep(time.Millisecond)
	}
}

// goroutines counts the goroutines and returns their stacks. Under
// GOOS=js the runtime parks a goroutine of its own in runtime.handleEvent
// while it handles a JavaScript event (a timer's, for time.Sleep), which
// is not counted.
func goroutines() (int, string) {
	buf := make([]byte, 1<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	n := 0
	for _, g := range strings.Split(stacks, "\n\n") {
		if strings.HasPrefix(g, "goroutine ") && !strings.Contains(g, "runtime.handleEvent") {
			n++
		}
	}
	return n, stacks
}

// recorder collects what a stream emits, checking every call is on the
// loop.
type recorder[T any] struct {
	t      *testing.T
	loop   *checkedLoop
	mu     sync.Mutex
	values []T
	err    error
	ended  bool
	done   chan struct{}
}

func record[T any](t *testing.T, l *checkedLoop, s *stream.Stream[T]) (*recorder[T], func()) {
	r := &recorder[T]{t: t, loop: l, done: make(chan struct{})}
	var cancel func()
	l.do(t, func() {
		cancel = s.Subscribe(stream.Listener[T]{
			Next: func(v T) {
				r.check("Next")
				r.mu.Lock()
				r.values = append(r.values, v)
				r.mu.Unlock()
			},
			Error: func(err error) {
				r.check("Error")
				r.finish(err)
			},
			Complete: func() {
				r.check("Complete")
				r.finish(nil)
			},
		})
	})
	return r, func() { l.do(t, cancel) }
}

func (r *recorder[T]) check(what string) {
	if !r.loop.onLoop() {
		r.t.Errorf("%s was called outside the loop", what)
	}
}

func (r *recorder[T]) finish(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ended {
		r.t.Errorf("the stream ended twice (%v)", err)
		return
	}
	r.err, r.ended = err, true
	close(r.done)
}

func (r *recorder[T]) wait(t *testing.T) ([]T, error) {
	t.Helper()
	select {
	case <-r.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the stream did not end within 10s")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.values, r.err
}

func checkSequence(t *testing.T, got []int, n int) {
	t.Helper()
	if len(got) != n {
		t.Errorf("got %d values, want %d", len(got), n)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("value %d is %d, want %d: a value was lost, repeated or reordered", i, v, i)
		}
	}
}

// fromChannel is an observable of 0, ..., n-1 and then tail, fed by a
// goroutine through a channel, as rxgo.FromChannel is meant to be used.
// The goroutine gives up when the test ends.
func fromChannel(t *testing.T, n int, tail ...rxgo.Item) rxgo.Observable {
	ch := make(chan rxgo.Item)
	quit := make(chan struct{})
	t.Cleanup(func() { close(quit) })
	send := func(it rxgo.Item) bool {
		select {
		case ch <- it:
			return true
		case <-quit:
			return false
		}
	}
	go func() {
		for i := range n {
			if !send(rxgo.Of(i)) {
				return
			}
		}
		for _, it := range tail {
			if !send(it) {
				return
			}
		}
		close(ch)
	}()
	return rxgo.FromChannel(ch)
}

func TestFromObservableValuesInOrder(t *testing.T) {
	l := newLoop(t)
	r, _ := record(t, l, rxstream.FromObservable[int](fromChannel(t, many), l))
	got, err := r.wait(t)
	if err != nil {
		t.Fatalf("the stream failed: %v", err)
	}
	checkSequence(t, got, many)
}

func TestFromObservableThroughOperators(t *testing.T) {
	l := newLoop(t)
	obs := rxgo.Range(0, many).Map(func(_ context.Context, v any) (any, error) { return v.(int) * 2, nil })
	s := stream.Map(rxstream.FromObservable[int](obs, l), func(v int) int { return v / 2 })
	r, _ := record(t, l, s)
	got, err := r.wait(t)
	if err != nil {
		t.Fatal(err)
	}
	checkSequence(t, got, many)
}

func TestFromObservableError(t *testing.T) {
	l := newLoop(t)
	boom := errors.New("boom")
	r, _ := record(t, l, rxstream.FromObservable[int](fromChannel(t, 3, rxgo.Error(boom), rxgo.Of(99)), l))
	got, err := r.wait(t)
	checkSequence(t, got, 3)
	if !errors.Is(err, boom) {
		t.Fatalf("the stream ended with %v, want %v", err, boom)
	}
}

func TestFromObservableWrongType(t *testing.T) {
	l := newLoop(t)
	r, _ := record(t, l, rxstream.FromObservable[int](rxgo.Just(0, 1, "two", 3)(), l))
	got, err := r.wait(t)
	checkSequence(t, got, 2)
	var te *rxstream.TypeError
	if !errors.As(err, &te) {
		t.Fatalf("the stream ended with %v (%T), want a *rxstream.TypeError", err, err)
	}
	if te.Value != "two" || te.Want.String() != "int" {
		t.Errorf("TypeError{Want: %v, Value: %#v}, want int and \"two\"", te.Want, te.Value)
	}
	if want := `rxstream: the observable emitted "two", of type string, to a stream of int`; te.Error() != want {
		t.Errorf("Error() = %q, want %q", te.Error(), want)
	}
}

func TestFromObservableNil(t *testing.T) {
	l := newLoop(t)
	r, _ := record(t, l, rxstream.FromObservable[*int](fromChannel(t, 0, rxgo.Of(nil)), l))
	got, err := r.wait(t)
	if err != nil || len(got) != 1 || got[0] != nil {
		t.Errorf("got %v, %v; want [nil], no error", got, err)
	}
	r2, _ := record(t, l, rxstream.FromObservable[int](fromChannel(t, 0, rxgo.Of(nil)), l))
	if _, err := r2.wait(t); !errors.As(err, new(*rxstream.TypeError)) {
		t.Errorf("a nil for a stream of int ended it with %v, want a *TypeError", err)
	}
}

// Removing the last listener cancels the observation: rxgo's goroutines
// (an endless source, an operator) and the reading goroutine return, which
// newLoop's cleanup checks.
func TestFromObservableUnsubscribeDisposes(t *testing.T) {
	l := newLoop(t)
	var produced atomic.Int64
	obs := rxgo.Defer([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case next <- rxgo.Of(i):
				produced.Add(1)
			}
		}
	}}).Map(func(_ context.Context, v any) (any, error) { return v, nil })
	s := rxstream.FromObservable[int](obs, l)
	got := make(chan int, 16)
	var cancel func()
	l.do(t, func() {
		cancel = s.Subscribe(stream.Listener[int]{Next: func(v int) {
			select {
			case got <- v:
			default:
			}
		}})
	})
	for i := range 5 {
		if v := <-got; v != i {
			t.Fatalf("value %d is %d", i, v)
		}
	}
	l.do(t, cancel)
	// The producer stops: what it produced no longer grows.
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := produced.Load()
		time.Sleep(20 * time.Millisecond)
		if produced.Load() == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the observable still produces after the stream lost its last listener")
		}
	}
}

// Take ends the stream from the gocycle side; a restart observes again.
func TestFromObservableTakeAndRestart(t *testing.T) {
	l := newLoop(t)
	s := rxstream.FromObservable[int](rxgo.Range(0, 1<<30), l).Take(100)
	for range 3 {
		r, _ := record(t, l, s)
		got, err := r.wait(t)
		if err != nil {
			t.Fatal(err)
		}
		checkSequence(t, got, 100)
	}
}

// counted is a stream that counts its listeners' arrivals and departures
// through its producer, and lets the test emit on it.
type counted struct {
	s             *stream.Stream[int]
	mu            sync.Mutex
	l             stream.Listener[int]
	starts, stops int
	started       chan struct{}
}

func newCounted() *counted {
	c := &counted{started: make(chan struct{}, 10)}
	c.s = stream.Create(stream.NewProducer(func(l stream.Listener[int]) {
		c.mu.Lock()
		c.l = l
		c.starts++
		c.mu.Unlock()
		c.started <- struct{}{}
	}, func() {
		c.mu.Lock()
		c.stops++
		c.mu.Unlock()
	}))
	return c
}

func (c *counted) running() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.starts > c.stops
}

func collect(t *testing.T, ch <-chan rxgo.Item) ([]int, error) {
	t.Helper()
	var got []int
	timeout := time.After(10 * time.Second)
	for {
		select {
		case it, ok := <-ch:
			if !ok {
				return got, nil
			}
			if it.E != nil {
				for range ch {
				}
				return got, it.E
			}
			got = append(got, it.V.(int))
		case <-timeout:
			t.Fatal("the observable did not end within 10s")
		}
	}
}

func TestToObservableValuesInOrder(t *testing.T) {
	l := newLoop(t)
	c := newCounted()
	ch := rxstream.ToObservable(c.s, l).Observe()
	<-c.started
	// One task per value, as a driver sends them, and then all at once.
	for i := range many / 2 {
		l.do(t, func() { c.l.Next(i) })
	}
	l.do(t, func() {
		for i := many / 2; i < many; i++ {
			c.l.Next(i)
		}
		c.l.Complete()
	})
	got, err := collect(t, ch)
	if err != nil {
		t.Fatal(err)
	}
	checkSequence(t, got, many)
}

func TestToObservableError(t *testing.T) {
	l := newLoop(t)
	boom := errors.New("boom")
	c := newCounted()
	ch := rxstream.ToObservable(c.s, l).Observe()
	<-c.started
	l.do(t, func() {
		for i := range 3 {
			c.l.Next(i)
		}
		c.l.Error(boom)
	})
	got, err := collect(t, ch)
	checkSequence(t, got, 3)
	if !errors.Is(err, boom) {
		t.Fatalf("got error %v, want %v", err, boom)
	}
}

func TestToObservableSynchronousStream(t *testing.T) {
	l := newLoop(t)
	var got []int
	for it := range rxstream.ToObservable(stream.FromSlice([]int{0, 1, 2, 3}), l).Observe() {
		if it.E != nil {
			t.Fatal(it.E)
		}
		got = append(got, it.V.(int))
	}
	checkSequence(t, got, 4)
}

// Cancelling an observer's context removes its listener from the stream
// (the producer of a stream with no listener left stops) and ends its
// goroutine, which newLoop's cleanup checks.
func TestToObservableCancelDisposes(t *testing.T) {
	l := newLoop(t)
	c := newCounted()
	// Each observer observes its own tap of c, so that the test knows when
	// each has subscribed; both taps are listeners of c.
	tap1, tap2 := newTap(c.s), newTap(c.s)
	ctx1, cancel1 := context.WithCancel(context.Background())
	ctx2, cancel2 := context.WithCancel(context.Background())
	ch1 := rxstream.ToObservable(tap1.s, l).Observe(rxgo.WithContext(ctx1))
	ch2 := rxstream.ToObservable(tap2.s, l).Map(func(_ context.Context, v any) (any, error) { return v, nil }, rxgo.WithContext(ctx2)).Observe(rxgo.WithContext(ctx2))
	<-tap1.started
	<-tap2.started
	l.do(t, func() { c.l.Next(7) })
	for _, ch := range []<-chan rxgo.Item{ch1, ch2} {
		if it := <-ch; it.V != 7 {
			t.Fatalf("got %v, want 7", it)
		}
	}
	cancel1()
	waitFor(t, "the first observer's listener to leave", func() bool { return !tap1.running() })
	l.do(t, func() { c.l.Next(8) })
	if it := <-ch2; it.V != 8 {
		t.Fatalf("got %v, want 8", it)
	}
	if !c.running() {
		t.Fatal("the stream stopped while an observer was left")
	}
	cancel2()
	waitFor(t, "the last observer's listener to leave", func() bool { return !c.running() })
	if c.starts != 1 || c.stops != 1 {
		t.Errorf("the producer started %d times and stopped %d times, want once each", c.starts, c.stops)
	}
}

// tap is a stream that listens to s while it has a listener itself, and
// says when it starts and whether it runs.
type tap struct {
	counted
}

func newTap(s *stream.Stream[int]) *tap {
	t := &tap{counted{started: make(chan struct{}, 10)}}
	var cancel func()
	t.s = stream.Create(stream.NewProducer(func(l stream.Listener[int]) {
		t.mu.Lock()
		t.starts++
		t.mu.Unlock()
		cancel = s.Subscribe(l)
		t.started <- struct{}{}
	}, func() {
		cancel()
		t.mu.Lock()
		t.stops++
		t.mu.Unlock()
	}))
	return t
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestToObservableStoppedLoop(t *testing.T) {
	l := newLoop(t)
	l.Stop()
	_, err := collect(t, rxstream.ToObservable(stream.Of(1), l).Observe())
	if !errors.Is(err, rxstream.ErrLoopStopped) {
		t.Fatalf("got %v, want ErrLoopStopped", err)
	}
}

// A round trip through rxgo and back keeps every value, in order.
func TestRoundTrip(t *testing.T) {
	l := newLoop(t)
	c := newCounted()
	back := rxstream.FromObservable[int](rxstream.ToObservable(c.s, l), l)
	r, _ := record(t, l, back)
	<-c.started
	l.do(t, func() {
		for i := range many {
			c.l.Next(i)
		}
		c.l.Complete()
	})
	got, err := r.wait(t)
	if err != nil {
		t.Fatal(err)
	}
	checkSequence(t, got, many)
}

// Unsubscribing from the gocycle end of a round trip disposes the whole
// chain: the stream at the other end loses its listener.
func TestRoundTripDispose(t *testing.T) {
	l := newLoop(t)
	c := newCounted()
	back := rxstream.FromObservable[int](rxstream.ToObservable(c.s, l), l)
	r, cancel := record(t, l, back)
	<-c.started
	l.do(t, func() { c.l.Next(0) })
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		n := len(r.values)
		r.mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the value did not arrive")
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	waitFor(t, "the source to lose its listener after the round trip was unsubscribed", func() bool { return !c.running() })
}

// Inside cycle.Run: a driver's loop is the app's.
func TestInsideRun(t *testing.T) {
	before, _ := goroutines()
	type sources struct{ Rx *stream.Stream[int] }
	type sinks struct{ Out *stream.Stream[int] }
	var (
		mu  sync.Mutex
		got []int
	)
	done := make(chan struct{})
	rx := cycle.SourceDriver(func(ctx *cycle.Context) (*stream.Stream[int], error) {
		return rxstream.FromObservable[int](rxgo.Range(0, many), ctx.Loop), nil
	})
	out := cycle.SinkDriver(func(s *stream.Stream[int], ctx *cycle.Context) error {
		ctx.OnDispose(s.Subscribe(stream.Listener[int]{
			Next:     func(v int) { mu.Lock(); got = append(got, v); mu.Unlock() },
			Complete: func() { close(done) },
		}))
		return nil
	})
	dispose, err := cycle.Run(func(s sources) sinks { return sinks{Out: s.Rx} }, cycle.Drivers{"Rx": rx, "Out": out})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the app did not get every value within 10s")
	}
	dispose()
	mu.Lock()
	checkSequence(t, got, many)
	mu.Unlock()
	waitGoroutines(t, before)
}
