//go:build !js

package cycle

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync/atomic"
)

// platformLoop: natively the loop is a goroutine woken by Post.
type platformLoop struct {
	wakeCh chan struct{}
	done   chan struct{}
	goid   atomic.Uint64
}

func (l *Loop) startPlatform() {
	l.wakeCh = make(chan struct{}, 1)
	l.done = make(chan struct{})
	ready := make(chan struct{})
	go l.run(ready)
	<-ready
}

func (l *Loop) run(ready chan struct{}) {
	defer close(l.done)
	l.goid.Store(goid())
	close(ready)
	for range l.wakeCh {
		for t := l.pop(); t != nil; t = l.pop() {
			l.exec(t)
		}
		if l.Stopped() {
			return
		}
	}
}

func (l *Loop) wake() {
	select {
	case l.wakeCh <- struct{}{}:
	default:
	}
}

// onLoop reports whether the caller is the loop's own goroutine.
func (l *Loop) onLoop() bool { return l.goid.Load() == goid() }

// Do runs f on the loop and waits for it. Called from a task on the loop
// it runs f at once. It reports false, without running f, if the loop has
// stopped.
func (l *Loop) Do(f func()) bool {
	if l.onLoop() {
		f()
		return true
	}
	done := make(chan struct{})
	if !l.Post(func() {
		defer close(done)
		f()
	}) {
		return false
	}
	select {
	case <-done:
		return true
	case <-l.done:
		// The loop stopped before f ran, or f stopped it.
		select {
		case <-done:
			return true
		default:
			return false
		}
	}
}

// Wait blocks until the loop's goroutine has exited after Stop.
func (l *Loop) Wait() {
	if !l.onLoop() {
		<-l.done
	}
}

func stack() []byte { return debug.Stack() }

// goid returns the id of the calling goroutine. Go does not expose it; it
// is read from the first line of the goroutine's stack, which only Do and
// Wait need, never the emission path.
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}
