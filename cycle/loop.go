package cycle

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// Loop runs the tasks of one app one at a time, in the order they were
// posted. Drivers hand every outside event (a DOM event, an HTTP response,
// a timer) to the loop with [Loop.Post], so the streams of an app are only
// ever touched by one task at a time and need no locks.
//
// Natively the loop is a goroutine. Under GOOS=js it runs on the JavaScript
// event turn: a task posted from outside any task runs at once, before
// Post returns, and a task posted from inside a task runs right after it.
//
// A Loop is also a [stream.Scheduler]: timers it makes run their function
// as a task on the loop, and are cancelled when the loop stops.
type Loop struct {
	mu      sync.Mutex
	queue   []func()
	stopped bool
	timers  map[*loopTimer]struct{}
	onPanic func(value any, stack []byte)
	platformLoop
}

type loopTimer struct {
	t *time.Timer
}

// NewLoop starts a loop. onPanic is called, on the loop, with the value and
// stack of a task that panicked; the loop then goes on with the next task.
// A nil onPanic re-panics, which ends the program.
func NewLoop(onPanic func(value any, stack []byte)) *Loop {
	l := &Loop{timers: map[*loopTimer]struct{}{}, onPanic: onPanic}
	l.startPlatform()
	return l
}

// Post queues task to run on the loop and reports whether it was queued:
// a stopped loop refuses tasks.
func (l *Loop) Post(task func()) bool {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return false
	}
	l.queue = append(l.queue, task)
	l.mu.Unlock()
	l.wake()
	return true
}

// pop takes the next task, or nil when the queue is empty or the loop has
// stopped: tasks still queued at Stop are dropped, since the app they were
// for is gone.
func (l *Loop) pop() func() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped || len(l.queue) == 0 {
		return nil
	}
	t := l.queue[0]
	l.queue[0] = nil
	l.queue = l.queue[1:]
	if len(l.queue) == 0 {
		l.queue = nil
	}
	return t
}

func (l *Loop) exec(task func()) {
	defer func() {
		if r := recover(); r != nil {
			if l.onPanic == nil {
				panic(r)
			}
			l.handlePanic(r, stack())
		}
	}()
	task()
}

// logError writes a line to standard error (the console, in a
// browser), for what has no error handler to go to. Not with package
// log: its time stamps say nothing a console does not, and it is bytes
// in every wasm module.
func logError(line string) {
	os.Stderr.WriteString(line + "\n")
}

// handlePanic calls onPanic; a panic in the handler itself is logged, so
// that one broken app can never take the loop goroutine, and with it the
// process, down.
func (l *Loop) handlePanic(v any, st []byte) {
	defer func() {
		if r := recover(); r != nil {
			logError(fmt.Sprintf("cycle: the panic handler panicked with %v while handling %v", r, v))
		}
	}()
	l.onPanic(v, st)
}

// Stop stops the loop: queued tasks are dropped, later posts are refused
// and every pending timer is cancelled. A task that is running finishes.
// Stop may be called from a task on the loop and more than once.
func (l *Loop) Stop() {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return
	}
	l.stopped = true
	l.queue = nil
	timers := l.timers
	l.timers = map[*loopTimer]struct{}{}
	l.mu.Unlock()
	for t := range timers {
		t.t.Stop()
	}
	l.wake()
}

// Stopped reports whether Stop has been called.
func (l *Loop) Stopped() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stopped
}

// Now returns the current time; it makes Loop a stream.Scheduler.
func (l *Loop) Now() time.Time { return time.Now() }

// AfterFunc runs f as a task on the loop, d from now, unless cancel is
// called first or the loop stops.
func (l *Loop) AfterFunc(d time.Duration, f func()) (cancel func()) {
	t := &loopTimer{}
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return func() {}
	}
	l.timers[t] = struct{}{}
	t.t = time.AfterFunc(d, func() {
		l.Post(func() {
			if l.forget(t) {
				f()
			}
		})
	})
	l.mu.Unlock()
	return func() {
		if l.forget(t) {
			t.t.Stop()
		}
	}
}

// forget removes a timer and reports whether it was still pending.
func (l *Loop) forget(t *loopTimer) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.timers[t]; !ok {
		return false
	}
	delete(l.timers, t)
	return true
}

// Timers returns the number of timers that have neither fired nor been
// cancelled.
func (l *Loop) Timers() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.timers)
}
