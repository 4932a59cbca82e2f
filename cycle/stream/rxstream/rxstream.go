// Package rxstream bridges gocycle's streams and rxgo's observables
// (github.com/reactivex/rxgo/v2), for programs that already use rxgo.
//
// [FromObservable] turns an rxgo.Observable into a *stream.Stream, and
// [ToObservable] a *stream.Stream into an rxgo.Observable. Values, errors
// and completion cross both ways, in order, none lost or repeated.
//
// The two libraries run on different threads of control. rxgo emits from
// its own goroutines, while a gocycle stream may only be touched by the
// task of its app's loop that is running (principle 2 of the design). Both
// functions therefore take the app's loop as a [Poster] (a *cycle.Loop, or
// cycle.Context.Loop inside a driver): FromObservable posts every item onto
// it, and ToObservable subscribes and unsubscribes there.
//
// Disposal crosses too. Removing the last listener of a FromObservable
// stream cancels the context its Observe call was given, which stops
// rxgo's operators, and ends the goroutine that reads the observable. Cancelling the context given
// to an observer of a ToObservable observable (rxgo.WithContext, for
// Observe, ForEach and the operators) removes its listener from the
// stream and ends its goroutine.
//
// Nothing else in gocycle imports this package or rxgo: rxgo adds some
// 3.5 MB to a wasm binary and is many times slower per value than a
// gocycle stream (see BENCHMARKS.md), so it costs only the programs that
// import it.
package rxstream

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/reactivex/rxgo/v2"
)

// Poster runs tasks on an app's loop, one at a time, in the order they
// were posted. *cycle.Loop implements it. Post reports false, without
// queueing task, once the loop has stopped.
type Poster interface {
	Post(task func()) bool
}

// TypeError is the error that ends a [FromObservable] stream when the
// observable emits a value that is not of the stream's type T.
type TypeError struct {
	// Want is the stream's type T.
	Want reflect.Type
	// Value is the value the observable emitted.
	Value any
}

// Error names the type wanted and the value received.
func (e *TypeError) Error() string {
	return fmt.Sprintf("rxstream: the observable emitted %#v, of type %T, to a stream of %s", e.Value, e.Value, e.Want)
}

// ErrLoopStopped is the error a [ToObservable] observable emits when it is
// observed after the loop it was given has stopped: the stream it stands
// for can no longer emit.
var ErrLoopStopped = errors.New("rxstream: the app's loop has stopped")

// FromObservable returns a stream of the items of obs, delivered as tasks
// on loop: each value is a Next, an item with an error ends the stream
// with that error, and the end of obs completes it. A value that is not a
// T (a nil for a T that cannot be nil included) ends the stream with a
// *[TypeError] instead of panicking.
//
// Like every gocycle stream, the result is hot and lazy: obs is observed
// when the stream gets its first listener, with a context that is
// cancelled when the last listener leaves or the stream ends; by the time
// the stream's producer has stopped, the goroutine that read obs has
// returned (or, when the stop came from a task that goroutine ran itself,
// as a Post under GOOS=js does, returns right after). A stream that is listened to again observes obs again, which
// for a cold rxgo observable (Just, Range, Defer) starts it over.
//
// Values travel from rxgo's goroutine to the loop through the loop's
// queue, which is not bounded: a fast observable and a slow app make the
// queue grow, as a fast driver would.
func FromObservable[T any](obs rxgo.Observable, loop Poster) *stream.Stream[T] {
	p := &fromProducer[T]{obs: obs, loop: loop}
	return stream.Create[T](p)
}

type fromProducer[T any] struct {
	obs  rxgo.Observable
	loop Poster
	run  *fromRun
}

// fromRun is one observation of obs, from Start to Stop.
type fromRun struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when the reading goroutine returns
	// posting is set while the reading goroutine is in loop.Post. Under
	// GOOS=js a Post from outside a task runs the task before it returns,
	// so the producer may be stopped from the reading goroutine itself,
	// which must not then wait for itself.
	posting atomic.Bool
}

func (p *fromProducer[T]) Start(l stream.Listener[T]) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &fromRun{cancel: cancel, done: make(chan struct{})}
	p.run = r
	items := p.obs.Observe(rxgo.WithContext(ctx))
	go p.read(ctx, r, items, l)
}

// read runs on its own goroutine: it posts every item to the loop until
// obs ends, an item ends the stream, or ctx is cancelled.
func (p *fromProducer[T]) read(ctx context.Context, r *fromRun, items <-chan rxgo.Item, l stream.Listener[T]) {
	defer close(r.done)
	defer r.cancel()
	post := func(task func()) bool {
		r.posting.Store(true)
		defer r.posting.Store(false)
		return p.loop.Post(task)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case it, ok := <-items:
			if !ok {
				post(l.Complete)
				return
			}
			if it.E != nil {
				err := it.E
				post(func() { l.Error(err) })
				return
			}
			v, ok := convert[T](it.V)
			if !ok {
				err := &TypeError{Want: reflect.TypeFor[T](), Value: it.V}
				post(func() { l.Error(err) })
				return
			}
			if !post(func() { l.Next(v) }) {
				return // the app is gone
			}
		}
	}
}

// Stop cancels the observation and waits for the reading goroutine, which
// never blocks on anything but ctx and the observable's channel, unless
// it is the caller.
func (p *fromProducer[T]) Stop() {
	r := p.run
	if r == nil {
		return
	}
	p.run = nil
	r.cancel()
	if !r.posting.Load() {
		<-r.done
	}
}

// convert asserts that v is a T; a nil v is the zero T when T can be nil.
func convert[T any](v any) (T, bool) {
	if t, ok := v.(T); ok {
		return t, true
	}
	var zero T
	if v == nil {
		switch reflect.TypeFor[T]().Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
			return zero, true
		}
	}
	return zero, false
}

// ToObservable returns an rxgo.Observable of the values of s. Every
// observer (each Observe, ForEach or operator chain observing it) is a
// listener of s, added by a task posted to loop, and gets the values s
// emits from then on, in order, then s's error as an error item or its
// completion as the end of its channel. An observer that is slower than s
// does not slow the loop down: values wait for it in a queue that is not
// bounded.
//
// An observer stops by cancelling the context it observes with
// (rxgo.WithContext): its listener is removed from s, on the loop, and
// its goroutine returns. An observer that simply stops reading keeps both,
// as everywhere in rxgo.
//
// Observing after loop has stopped gives an observable that emits
// [ErrLoopStopped].
func ToObservable[T any](s *stream.Stream[T], loop Poster) rxgo.Observable {
	return rxgo.Defer([]rxgo.Producer{func(ctx context.Context, next chan<- rxgo.Item) {
		observe(ctx, s, loop, next)
	}})
}

// toQueue carries one observer's items from the loop to its goroutine.
type toQueue struct {
	mu     sync.Mutex
	items  []rxgo.Item
	ended  bool // the last item (an error) or the end is queued
	wake   chan struct{}
	cancel func() // the listener's, set and used on the loop only
	closed bool   // the observer left; touched on the loop only
}

func (q *toQueue) push(it rxgo.Item, last bool) {
	q.mu.Lock()
	if q.ended {
		q.mu.Unlock()
		return
	}
	q.items = append(q.items, it)
	q.ended = last
	q.mu.Unlock()
	q.signal()
}

// end queues the completion: nothing more, and the channel closes.
func (q *toQueue) end() {
	q.mu.Lock()
	q.ended = true
	q.mu.Unlock()
	q.signal()
}

func (q *toQueue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// take returns the queued items and whether the stream has ended.
func (q *toQueue) take(buf []rxgo.Item) ([]rxgo.Item, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	buf = append(buf[:0], q.items...)
	clear(q.items)
	q.items = q.items[:0]
	return buf, q.ended
}

// observe is one observer's producer, on rxgo's goroutine.
func observe[T any](ctx context.Context, s *stream.Stream[T], loop Poster, next chan<- rxgo.Item) {
	q := &toQueue{wake: make(chan struct{}, 1)}
	subscribed := loop.Post(func() {
		if q.closed {
			return
		}
		q.cancel = s.Subscribe(stream.Listener[T]{
			Next:     func(v T) { q.push(rxgo.Of(v), false) },
			Error:    func(err error) { q.push(rxgo.Error(err), true) },
			Complete: q.end,
		})
	})
	if !subscribed {
		select {
		case next <- rxgo.Error(ErrLoopStopped):
		case <-ctx.Done():
		}
		return
	}
	leave := func() {
		loop.Post(func() {
			q.closed = true
			if q.cancel != nil {
				q.cancel()
				q.cancel = nil
			}
		})
	}
	var buf []rxgo.Item
	for {
		var ended bool
		buf, ended = q.take(buf)
		for _, it := range buf {
			select {
			case next <- it:
			case <-ctx.Done():
				leave()
				return
			}
		}
		if ended {
			return // rxgo closes next when the producer returns
		}
		select {
		case <-q.wake:
		case <-ctx.Done():
			leave()
			return
		}
	}
}
