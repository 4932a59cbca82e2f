package http_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
)

// requests is a source driver whose stream the test feeds, on the app's
// loop, with the requests main sends to the HTTP driver.
type requests struct {
	subject *stream.Subject[cyclehttp.Request]
	loop    *cycle.Loop
}

func (r *requests) send(reqs ...cyclehttp.Request) {
	for _, req := range reqs {
		r.loop.Do(func() { r.subject.Next(req) })
	}
}

// recording records what reaches the Out sink, and lets a test wait for it.
type recording struct {
	mu     sync.Mutex
	log    []string
	change chan struct{}
}

func (r *recording) add(s string) {
	r.mu.Lock()
	r.log = append(r.log, s)
	r.mu.Unlock()
	select {
	case r.change <- struct{}{}:
	default:
	}
}

func (r *recording) entries() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.log)
}

// wait waits until n entries were recorded, and returns them.
func (r *recording) wait(t *testing.T, n int) []string {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		if got := r.entries(); len(got) >= n {
			return got
		}
		select {
		case <-r.change:
		case <-time.After(10 * time.Millisecond):
		case <-deadline:
			t.Fatalf("waited 10s for %d entries, got %q", n, r.entries())
		}
	}
}

type sources struct {
	HTTP *cyclehttp.Source
	Req  *requests
}

type sinks struct {
	HTTP *stream.Stream[cyclehttp.Request]
	Out  *stream.Stream[string]
}

type app struct {
	req     *requests
	rec     *recording
	loop    *cycle.Loop
	dispose func()
	errs    func() []error
}

// run starts an app that sends the requests the test gives it and records
// what show makes of the HTTP source.
func run(t *testing.T, show func(*cyclehttp.Source) *stream.Stream[string], opts ...cyclehttp.Option) *app {
	t.Helper()
	a := &app{rec: &recording{change: make(chan struct{}, 1)}}
	var mu sync.Mutex
	var hookErrs []error
	main := func(src sources) sinks {
		return sinks{HTTP: src.Req.subject.Stream(), Out: show(src.HTTP)}
	}
	dispose, err := cycle.Run(main, cycle.Drivers{
		"HTTP": cyclehttp.Driver(opts...),
		"Req": cycle.SourceDriver(func(ctx *cycle.Context) (*requests, error) {
			a.req = &requests{subject: stream.NewSubject[cyclehttp.Request](), loop: ctx.Loop}
			a.loop = ctx.Loop
			return a.req, nil
		}),
		"Out": cycle.SinkDriver(func(s *stream.Stream[string], ctx *cycle.Context) error {
			ctx.OnDispose(s.Subscribe(stream.Listener[string]{Next: a.rec.add}))
			return nil
		}),
	}, cycle.WithErrors(func(err error) {
		mu.Lock()
		defer mu.Unlock()
		hookErrs = append(hookErrs, err)
	}))
	if err != nil {
		t.Fatal(err)
	}
	a.dispose = dispose
	a.errs = func() []error {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(hookErrs)
	}
	t.Cleanup(func() {
		dispose()
		if errs := a.errs(); len(errs) > 0 {
			t.Errorf("the app reported errors: %v", errs)
		}
	})
	return a
}

// describe shows a response stream's outcome as one string, errors
// included, so that one failed request does not end the streams it is
// flattened into.
func describe(rs *stream.Stream[cyclehttp.Response]) *stream.Stream[string] {
	return stream.Map(rs, func(r cyclehttp.Response) string {
		return fmt.Sprintf("%s %d %s", r.Request.Category, r.Status, r.Text())
	}).ReplaceError(func(err error) *stream.Stream[string] {
		return stream.Of(kind(err))
	})
}

// kind names the type of a request's error.
func kind(err error) string {
	var se *cyclehttp.StatusError
	var te *cyclehttp.TimeoutError
	var re *cyclehttp.RequestError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("%s status %d %s", se.Response.Request.Category, se.Response.Status, se.Response.Text())
	case errors.As(err, &te):
		return "timeout"
	case errors.As(err, &re):
		return "request error"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return "other error: " + err.Error()
}

// latest shows the answer to the latest request of category only.
func latest(category string) func(*cyclehttp.Source) *stream.Stream[string] {
	return func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.Flatten(stream.Map(src.Select(category), describe))
	}
}

// every shows the answers to every request of category.
func every(category string) func(*cyclehttp.Source) *stream.Stream[string] {
	return func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.FlattenConcurrently(stream.Map(src.Select(category), describe))
	}
}

// cancellations receives n cancelled queries from ended and returns them
// sorted, failing t if they do not all come within 10 seconds.
func cancellations(t *testing.T, ended <-chan string, n int) []string {
	t.Helper()
	var got []string
	for range n {
		select {
		case q := <-ended:
			got = append(got, q)
		case <-time.After(10 * time.Second):
			t.Fatalf("only %q were cancelled", got)
		}
	}
	slices.Sort(got)
	return got
}
