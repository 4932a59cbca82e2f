package main

import (
	"slices"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
)

// manualClock is a minimal scheduler for this test: timers run when the
// test calls fire.
type manualClock struct {
	now    time.Time
	timers []func()
}

func (c *manualClock) Now() time.Time { return c.now }
func (c *manualClock) AfterFunc(_ time.Duration, f func()) func() {
	c.timers = append(c.timers, f)
	return func() {}
}
func (c *manualClock) fire() {
	ts := c.timers
	c.timers = nil
	for _, f := range ts {
		f()
	}
}

func TestAppCountsSeconds(t *testing.T) {
	clock := &manualClock{}
	var got []string
	App(Sources{Time: clock}).Text.Subscribe(stream.Listener[string]{Next: func(s string) { got = append(got, s) }})
	clock.fire()
	clock.fire()
	want := []string{"gocycle is running: 0 s", "gocycle is running: 1 s", "gocycle is running: 2 s"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
