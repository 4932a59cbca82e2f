//go:build !(js && wasm)

// The tests against httptest servers run natively only: under GOOS=js
// there is no network to listen on (Node's wasm host has no sockets for
// Go), so driver_test.go covers the driver there with a fake transport.

package http_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	nethttp "net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
)

func server(t *testing.T, h nethttp.HandlerFunc) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(h) // listens on 127.0.0.1
	t.Cleanup(s.Close)
	return s
}

func TestCategories(t *testing.T) {
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		fmt.Fprint(w, r.URL.Path)
	})
	a := run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		all := stream.Map(src.All(), func(*stream.Stream[cyclehttp.Response]) string { return "any" })
		return stream.Merge(every("users")(src), every("orders")(src), all)
	}, cyclehttp.BaseURL(s.URL))
	a.req.send(
		cyclehttp.Request{URL: "/u/1", Category: "users"},
		cyclehttp.Request{URL: "/o/1", Category: "orders"},
		cyclehttp.Request{URL: "/x", Category: "other"},
		cyclehttp.Request{URL: "/u/2", Category: "users"},
	)
	got := a.rec.wait(t, 7)
	slices.Sort(got)
	want := []string{"any", "any", "any", "any", "orders 200 /o/1", "users 200 /u/1", "users 200 /u/2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSwitchLatestOnTheWire: Flatten over Select cancels the requests it
// switches away from, and the server sees their contexts end.
func TestSwitchLatestOnTheWire(t *testing.T) {
	arrived := make(chan string, 10)
	ended := make(chan string, 10)
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		q := r.URL.Query().Get("q")
		arrived <- q
		if q == "gocycle" {
			fmt.Fprint(w, "answer to "+q)
			return
		}
		select {
		case <-r.Context().Done():
			ended <- q
		case <-time.After(10 * time.Second):
			fmt.Fprint(w, "too late: "+q)
		}
	})
	a := run(t, latest("search"), cyclehttp.BaseURL(s.URL))
	for _, q := range []string{"g", "go", "goc", "gocy"} {
		a.req.send(cyclehttp.Request{URL: "/search", Query: map[string]string{"q": q}, Category: "search"})
		<-arrived
	}
	a.req.send(cyclehttp.Request{URL: "/search", Query: map[string]string{"q": "gocycle"}, Category: "search"})
	cancelled := cancellations(t, ended, 4)
	if want := []string{"g", "go", "goc", "gocy"}; !slices.Equal(cancelled, want) {
		t.Errorf("the server saw %q cancelled, want %q", cancelled, want)
	}
	if got := a.rec.wait(t, 1); !slices.Equal(got, []string{"search 200 answer to gocycle"}) {
		t.Errorf("the app saw %q", got)
	}
}

func TestTimeout(t *testing.T) {
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		if r.URL.Path == "/slow-body" {
			w.Write([]byte("start"))
			w.(nethttp.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	errc := make(chan error, 2)
	a := run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.FlattenConcurrently(stream.Map(src.All(), func(rs *stream.Stream[cyclehttp.Response]) *stream.Stream[string] {
			return stream.Map(rs, cyclehttp.Response.Text).ReplaceError(func(err error) *stream.Stream[string] {
				errc <- err
				return stream.Empty[string]()
			})
		}))
	}, cyclehttp.BaseURL(s.URL))
	start := time.Now()
	a.req.send(
		cyclehttp.Request{URL: "/slow", Timeout: 50 * time.Millisecond},
		cyclehttp.Request{URL: "/slow-body", Timeout: 50 * time.Millisecond},
	)
	for range 2 {
		err := <-errc
		var te *cyclehttp.TimeoutError
		if !errors.As(err, &te) || te.Timeout != 50*time.Millisecond || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("got %v, want a *TimeoutError of 50ms", err)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeouts of 50ms took %v", d)
	}
}

// TestErrorStatusThenSuccess: 404 and 500 fail their own response
// streams with a *StatusError that carries the body, and a later request
// in the same category works.
func TestErrorStatusThenSuccess(t *testing.T) {
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		switch r.URL.Path {
		case "/missing":
			nethttp.Error(w, "no such record", nethttp.StatusNotFound)
		case "/broken":
			nethttp.Error(w, "boom", nethttp.StatusInternalServerError)
		default:
			fmt.Fprint(w, "ok")
		}
	})
	a := run(t, latest("rec"), cyclehttp.BaseURL(s.URL))
	for i, path := range []string{"/missing", "/broken", "/fine"} {
		a.req.send(cyclehttp.Request{URL: path, Category: "rec"})
		a.rec.wait(t, i+1)
	}
	want := []string{"rec status 404 no such record\n", "rec status 500 boom\n", "rec 200 ok"}
	if got := a.rec.entries(); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMalformedJSON(t *testing.T) {
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/bad" {
			fmt.Fprint(w, `{"name": "Azure`)
			return
		}
		fmt.Fprint(w, `{"name": "Azure Interior"}`)
	})
	a := run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.Map(stream.Flatten(src.Select("p")), func(r cyclehttp.Response) string {
			var v struct{ Name string }
			if err := r.JSON(&v); err != nil {
				return "bad JSON: " + err.Error()
			}
			return v.Name
		})
	}, cyclehttp.BaseURL(s.URL))
	a.req.send(cyclehttp.Request{URL: "/bad", Category: "p"})
	a.rec.wait(t, 1)
	a.req.send(cyclehttp.Request{URL: "/good", Category: "p"})
	got := a.rec.wait(t, 2)
	if !strings.HasPrefix(got[0], "bad JSON: http: decoding the JSON answer to GET /bad: unexpected end of JSON input") || got[1] != "Azure Interior" {
		t.Errorf("got %q", got)
	}
}

// TestServerClosesMidBody: a connection that breaks before the body is
// complete fails the request with io.ErrUnexpectedEOF.
func TestServerClosesMidBody(t *testing.T) {
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		w.Header().Set("Content-Length", "100")
		w.Write([]byte("only ten b"))
		w.(nethttp.Flusher).Flush()
		panic(nethttp.ErrAbortHandler) // closes the connection, quietly
	})
	errc := make(chan error, 1)
	run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.Map(stream.Flatten(src.All()), cyclehttp.Response.Text).ReplaceError(func(err error) *stream.Stream[string] {
			errc <- err
			return stream.Never[string]()
		})
	}, cyclehttp.BaseURL(s.URL)).req.send(cyclehttp.Request{URL: "/"})
	err := <-errc
	var re *cyclehttp.RequestError
	if !errors.As(err, &re) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("got %v, want a *RequestError for an unexpected EOF", err)
	}
}

// TestHundredConcurrentRequests: none lost, none duplicated, each
// answer to its own request, delivered on the loop as they complete.
func TestHundredConcurrentRequests(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		q := r.URL.Query().Get("q")
		mu.Lock()
		hits[q]++
		mu.Unlock()
		n, _ := strconv.Atoi(q)
		time.Sleep(time.Duration(n%7) * time.Millisecond)
		fmt.Fprint(w, q)
	})
	a := run(t, every("bulk"), cyclehttp.BaseURL(s.URL))
	var reqs []cyclehttp.Request
	for i := range 100 {
		reqs = append(reqs, cyclehttp.Request{URL: "/n", Query: map[string]string{"q": strconv.Itoa(i)}, Category: "bulk"})
	}
	a.loop.Do(func() {
		for _, r := range reqs {
			a.req.subject.Next(r)
		}
	})
	got := a.rec.wait(t, 100)
	time.Sleep(20 * time.Millisecond)
	got = a.rec.entries()
	seen := map[string]bool{}
	for _, g := range got {
		if seen[g] {
			t.Errorf("%q delivered twice", g)
		}
		seen[g] = true
	}
	for i := range 100 {
		if want := fmt.Sprintf("bulk 200 %d", i); !seen[want] {
			t.Errorf("answer %d lost", i)
		}
		if n := hits[strconv.Itoa(i)]; n != 1 {
			t.Errorf("request %d reached the server %d times", i, n)
		}
	}
}

// TestDisposeCancelsAndLeavesNoGoroutine: disposing an app with requests
// in flight, listened to or not, cancels them all and leaves no goroutine.
func TestDisposeCancelsAndLeavesNoGoroutine(t *testing.T) {
	arrived := make(chan struct{}, 10)
	ended := make(chan struct{}, 10)
	s := server(t, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		arrived <- struct{}{}
		select {
		case <-r.Context().Done():
			ended <- struct{}{}
		case <-time.After(10 * time.Second):
		}
	})
	transport := &nethttp.Transport{}
	client := &nethttp.Client{Transport: transport}
	before := goroutines()
	a := run(t, every("held"), cyclehttp.BaseURL(s.URL), cyclehttp.WithClient(client))
	a.req.send(
		cyclehttp.Request{URL: "/a", Category: "held"},
		cyclehttp.Request{URL: "/b", Category: "held"},
		cyclehttp.Request{URL: "/c", Category: "unheard"},
	)
	for range 3 {
		<-arrived
	}
	a.dispose()
	for i := range 3 {
		select {
		case <-ended:
		case <-time.After(10 * time.Second):
			t.Fatalf("after dispose the server saw %d of 3 requests end", i)
		}
	}
	transport.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for goroutines() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if after := goroutines(); after > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after dispose:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
	if got := a.rec.entries(); len(got) != 0 {
		t.Errorf("a disposed app received %q", got)
	}
}

// goroutines counts goroutines, leaving out the server's: a test server
// keeps a goroutine per connection until the client closes it.
func goroutines() int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.HasPrefix(g, "goroutine ") && !strings.Contains(g, "net/http.(*conn).serve") && !strings.Contains(g, "httptest") {
			n++
		}
	}
	return n
}
