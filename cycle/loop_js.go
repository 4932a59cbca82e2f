//go:build js && wasm

package cycle

import "runtime/debug"

// platformLoop: under GOOS=js the loop runs on the JavaScript event turn.
// The first Post outside a task drains the queue before it returns; Go
// code in a browser runs on one thread, so the running flag is enough to
// keep tasks from nesting.
type platformLoop struct {
	running bool
}

func (l *Loop) startPlatform() {}

func (l *Loop) wake() {
	l.mu.Lock()
	if l.running {
		l.mu.Unlock()
		return
	}
	l.running = true
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		l.running = false
		l.mu.Unlock()
	}()
	for t := l.pop(); t != nil; t = l.pop() {
		l.exec(t)
	}
}

// Do runs f on the loop. Outside a task it runs f before returning; from
// inside a task f is queued to run right after the current task, since the
// JavaScript thread cannot wait for itself. It reports false, without
// running f, if the loop has stopped.
func (l *Loop) Do(f func()) bool { return l.Post(f) }

// Wait returns at once: under GOOS=js a stopped loop has nothing left to
// finish.
func (l *Loop) Wait() {}

func stack() []byte { return debug.Stack() }
