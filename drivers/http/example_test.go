//go:build !(js && wasm)

// The example runs natively: it serves its answers with httptest.

package http_test

import (
	"fmt"
	nethttp "net/http"
	"net/http/httptest"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
)

// An app that asks a server for a greeting and prints the answer, or
// what went wrong. Its main is pure: it describes the request and what
// to make of the response; the driver makes the request.
func Example() {
	srv := httptest.NewServer(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"greeting": "hello, %s"}`, r.URL.Query().Get("name"))
	}))
	defer srv.Close()

	type Sources struct{ HTTP *cyclehttp.Source }
	type Sinks struct {
		HTTP    *stream.Stream[cyclehttp.Request]
		Console *stream.Stream[string]
	}
	app := func(src Sources) Sinks {
		greet := cyclehttp.Request{URL: "/greet", Query: map[string]string{"name": "Odoo"}, Category: "greet"}
		// One stream per request: turn each one's error into a value before
		// flattening, so that a failed request does not end the others.
		lines := stream.Flatten(stream.Map(src.HTTP.Select("greet"), func(rs *stream.Stream[cyclehttp.Response]) *stream.Stream[string] {
			return stream.Map(rs, func(r cyclehttp.Response) string {
				var v struct{ Greeting string }
				if err := r.JSON(&v); err != nil {
					return err.Error()
				}
				return v.Greeting
			}).ReplaceError(func(err error) *stream.Stream[string] {
				return stream.Of("failed: " + err.Error())
			})
		}))
		return Sinks{HTTP: stream.Of(greet), Console: lines}
	}

	done := make(chan struct{})
	console := cycle.SinkDriver(func(s *stream.Stream[string], ctx *cycle.Context) error {
		ctx.OnDispose(s.Subscribe(stream.Listener[string]{Next: func(line string) {
			fmt.Println(line)
			close(done)
		}}))
		return nil
	})
	dispose, err := cycle.Run(app, cycle.Drivers{
		"HTTP":    cyclehttp.Driver(cyclehttp.BaseURL(srv.URL)),
		"Console": console,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	<-done
	dispose()
	// Output: hello, Odoo
}
