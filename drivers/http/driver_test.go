package http_test

import (
	"context"
	"errors"
	"io"
	nethttp "net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
)

// These tests use a fake transport, so they run natively and under
// GOOS=js (in Node) alike; server_test.go has those against real servers.

// fake is a RoundTripper that answers with handle, on the goroutine of
// the request, recording what it was asked.
type fake struct {
	mu     sync.Mutex
	seen   []*nethttp.Request
	bodies []string
	handle func(*nethttp.Request) (*nethttp.Response, error)
}

func (f *fake) RoundTrip(r *nethttp.Request) (*nethttp.Response, error) {
	var body string
	if r.Body != nil {
		b, _ := io.ReadAll(r.Body)
		body = string(b)
	}
	f.mu.Lock()
	f.seen = append(f.seen, r)
	f.bodies = append(f.bodies, body)
	f.mu.Unlock()
	return f.handle(r)
}

func (f *fake) requests() []*nethttp.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.seen)
}

func (f *fake) client() cyclehttp.Option {
	return cyclehttp.WithClient(&nethttp.Client{Transport: f})
}

func answer(r *nethttp.Request, status int, body string) *nethttp.Response {
	return &nethttp.Response{
		StatusCode: status,
		Header:     nethttp.Header{"Content-Type": {"text/plain"}},
		Body:       io.NopCloser(strings.NewReader(body)),
		Request:    r,
	}
}

// echo answers every request with its query parameter q.
func echo() *fake {
	return &fake{handle: func(r *nethttp.Request) (*nethttp.Response, error) {
		return answer(r, 200, r.URL.Query().Get("q")), nil
	}}
}

func get(category, q string) cyclehttp.Request {
	return cyclehttp.Request{URL: "http://test.invalid/search", Query: map[string]string{"q": q}, Category: category}
}

// waitUntil polls cond for up to 10s.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestSwitchLatestCancelsTheOthers(t *testing.T) {
	arrived := make(chan string, 10)
	ended := make(chan string, 10)
	f := &fake{handle: func(r *nethttp.Request) (*nethttp.Response, error) {
		q := r.URL.Query().Get("q")
		arrived <- q
		if q == "last" {
			return answer(r, 200, q), nil
		}
		<-r.Context().Done()
		ended <- q
		return nil, r.Context().Err()
	}}
	a := run(t, latest("search"), f.client())
	for _, q := range []string{"g", "go", "goc", "gocy"} {
		a.req.send(get("search", q))
		if got := <-arrived; got != q {
			t.Fatalf("request %q arrived, want %q", got, q)
		}
	}
	a.req.send(get("search", "last"))
	if got := a.rec.wait(t, 1); !slices.Equal(got, []string{"search 200 last"}) {
		t.Errorf("the app saw %q, want only the last answer", got)
	}
	cancelled := cancellations(t, ended, 4)
	if want := []string{"g", "go", "goc", "gocy"}; !slices.Equal(cancelled, want) {
		t.Errorf("cancelled %q, want %q", cancelled, want)
	}
}

func TestLazyRequestWaitsForAListener(t *testing.T) {
	f := echo()
	var held *stream.Stream[cyclehttp.Response]
	a := run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		// Keep the response stream without listening to it.
		return stream.Map(src.Select("lazy"), func(rs *stream.Stream[cyclehttp.Response]) string {
			held = rs
			return "got a response stream"
		})
	}, f.client())
	r := get("lazy", "x")
	r.Lazy = true
	a.req.send(r)
	a.rec.wait(t, 1)
	time.Sleep(20 * time.Millisecond)
	if n := len(f.requests()); n != 0 {
		t.Fatalf("a lazy request nobody listens to was sent %d times", n)
	}
	got := make(chan string, 1)
	a.loop.Do(func() {
		held.Subscribe(stream.Listener[cyclehttp.Response]{Next: func(r cyclehttp.Response) { got <- r.Text() }})
	})
	if s := <-got; s != "x" {
		t.Errorf("the lazy response is %q, want x", s)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("the lazy request was sent %d times, want 1", n)
	}
}

// TestEagerRequestRunsUnheard: a request whose response nobody listens to
// (a save) is still sent, as in Cycle.js.
func TestEagerRequestRunsUnheard(t *testing.T) {
	f := echo()
	a := run(t, func(*cyclehttp.Source) *stream.Stream[string] { return stream.Never[string]() }, f.client())
	a.req.send(cyclehttp.Request{URL: "http://test.invalid/save", Body: "data"})
	waitUntil(t, "the unheard request", func() bool { return len(f.requests()) == 1 })
	if m := f.requests()[0].Method; m != "POST" {
		t.Errorf("a request with a body and no method is sent as %s, want POST", m)
	}
}

// TestLateListenerGetsTheResponse: a response stream remembers its
// response for a listener that comes after it arrived.
func TestLateListenerGetsTheResponse(t *testing.T) {
	f := echo()
	var held *stream.Stream[cyclehttp.Response]
	a := run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.Map(src.All(), func(rs *stream.Stream[cyclehttp.Response]) string {
			held = rs
			return "held"
		})
	}, f.client())
	a.req.send(get("", "remembered"))
	a.rec.wait(t, 1)
	waitUntil(t, "the request", func() bool { return len(f.requests()) == 1 })
	time.Sleep(20 * time.Millisecond) // the answer is posted to the loop
	for i := range 2 {
		var got []string
		done := make(chan struct{})
		a.loop.Do(func() {
			held.Subscribe(stream.Listener[cyclehttp.Response]{
				Next:     func(r cyclehttp.Response) { got = append(got, r.Text()) },
				Complete: func() { close(done) },
			})
		})
		<-done
		if !slices.Equal(got, []string{"remembered"}) {
			t.Errorf("listener %d got %q, want the remembered response", i, got)
		}
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("the request was sent %d times, want once", n)
	}
}

// TestListenerAfterCancelGetsCanceled: a request whose listeners left is
// cancelled for good; a later listener learns so, and nothing is resent.
func TestListenerAfterCancelGetsCanceled(t *testing.T) {
	arrived := make(chan struct{}, 1)
	f := &fake{handle: func(r *nethttp.Request) (*nethttp.Response, error) {
		arrived <- struct{}{}
		<-r.Context().Done()
		return nil, r.Context().Err()
	}}
	var held *stream.Stream[cyclehttp.Response]
	a := run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.Map(src.All(), func(rs *stream.Stream[cyclehttp.Response]) string {
			held = rs
			return "held"
		})
	}, f.client())
	a.req.send(get("", "x"))
	a.rec.wait(t, 1)
	<-arrived
	a.loop.Do(func() { held.Subscribe(stream.Listener[cyclehttp.Response]{})() })
	errc := make(chan error, 1)
	a.loop.Do(func() {
		held.Subscribe(stream.Listener[cyclehttp.Response]{Error: func(err error) { errc <- err }})
	})
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("a listener of a cancelled request got %v, want context.Canceled", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("the request was sent %d times, want once", n)
	}
}

func TestRequestIsBuiltFromItsFields(t *testing.T) {
	f := echo()
	a := run(t, every("c"), f.client(), cyclehttp.BaseURL("http://odoo.test/web/"))
	a.req.send(
		cyclehttp.Request{URL: "/api?b=2", Query: map[string]string{"a": "1", "q": "one"}, Category: "c",
			Headers: map[string]string{"X-Token": "t"}, Credentials: "include"},
		cyclehttp.Request{URL: "items", Method: "PUT", Body: cyclehttp.JSON(map[string]int{"n": 1}), Category: "c"},
		cyclehttp.Request{URL: "raw?q=two", Body: []byte("x"), Headers: map[string]string{"Content-Type": "text/csv"}, Category: "c"},
	)
	a.rec.wait(t, 3)
	reqs := f.requests()
	f.mu.Lock()
	bodies := slices.Clone(f.bodies)
	f.mu.Unlock()
	byURL := map[string]int{}
	for i, r := range reqs {
		byURL[r.URL.String()] = i
	}
	i, ok := byURL["http://odoo.test/api?a=1&b=2&q=one"]
	if !ok {
		t.Fatalf("no request to the resolved URL with the merged query; got %v", byURL)
	}
	if r := reqs[i]; r.Method != "GET" || r.Header.Get("X-Token") != "t" {
		t.Errorf("GET request: method %s, headers %v", r.Method, r.Header)
	}
	cred := reqs[i].Header.Get("js.fetch:credentials")
	if want := map[bool]string{true: "include", false: ""}[runtime.GOOS == "js"]; cred != want {
		t.Errorf("credentials header %q, want %q on %s", cred, want, runtime.GOOS)
	}
	i, ok = byURL["http://odoo.test/web/items"]
	if !ok {
		t.Fatalf("no request to the JSON URL; got %v", byURL)
	}
	if r := reqs[i]; r.Method != "PUT" || r.Header.Get("Content-Type") != "application/json" || bodies[i] != `{"n":1}` {
		t.Errorf("JSON request: %s, Content-Type %q, body %q", r.Method, r.Header.Get("Content-Type"), bodies[i])
	}
	i = byURL["http://odoo.test/web/raw?q=two"]
	if r := reqs[i]; r.Method != "POST" || r.Header.Get("Content-Type") != "text/csv" || bodies[i] != "x" {
		t.Errorf("raw request: %s, Content-Type %q, body %q", r.Method, r.Header.Get("Content-Type"), bodies[i])
	}
}

func TestRequestsThatCannotBeMade(t *testing.T) {
	f := echo()
	a := run(t, every("bad"), f.client())
	a.req.send(
		cyclehttp.Request{URL: "http://test.invalid/", Body: map[string]int{"not": 1}, Category: "bad"},
		cyclehttp.Request{URL: "/relative", Category: "bad"},
		cyclehttp.Request{URL: "http://test.invalid/\x7f", Category: "bad"},
		get("bad", "fine"),
	)
	got := a.rec.wait(t, 4)
	slices.Sort(got)
	want := []string{"bad 200 fine", "request error", "request error", "request error"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("%d requests reached the transport, want only the good one", n)
	}
}

func TestBodySizeLimit(t *testing.T) {
	f := &fake{handle: func(r *nethttp.Request) (*nethttp.Response, error) {
		return answer(r, 200, strings.Repeat("x", 11)), nil
	}}
	errc := make(chan error, 1)
	run(t, func(src *cyclehttp.Source) *stream.Stream[string] {
		return stream.Map(stream.Flatten(src.All()), cyclehttp.Response.Text).ReplaceError(func(err error) *stream.Stream[string] {
			errc <- err
			return stream.Never[string]()
		})
	}, f.client(), cyclehttp.MaxBodySize(10)).req.send(get("", ""))
	err := <-errc
	var re *cyclehttp.RequestError
	if !errors.As(err, &re) || !errors.Is(err, cyclehttp.ErrBodyTooLarge) {
		t.Errorf("an 11-byte body over a 10-byte limit gave %v", err)
	}
}

func TestErrorsSayWhatHappened(t *testing.T) {
	r := cyclehttp.Request{URL: "http://x.test/a", Timeout: time.Second}
	tests := []struct {
		err  error
		want string
	}{
		{&cyclehttp.StatusError{Response: cyclehttp.Response{Request: r, Status: 404}}, "http: GET http://x.test/a: 404 Not Found"},
		{&cyclehttp.TimeoutError{Request: r, Timeout: time.Second}, "http: GET http://x.test/a: no complete answer within 1s"},
		{&cyclehttp.RequestError{Request: r, Err: io.ErrUnexpectedEOF}, "http: GET http://x.test/a: unexpected EOF"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if !errors.Is(&cyclehttp.TimeoutError{}, context.DeadlineExceeded) {
		t.Error("a TimeoutError is not context.DeadlineExceeded")
	}
	if !errors.Is(&cyclehttp.RequestError{Err: io.ErrUnexpectedEOF}, io.ErrUnexpectedEOF) {
		t.Error("a RequestError does not unwrap to its cause")
	}
}

func TestResponseJSON(t *testing.T) {
	var v struct{ N int }
	good := cyclehttp.Response{Body: []byte(`{"N": 3}`)}
	if err := good.JSON(&v); err != nil || v.N != 3 {
		t.Errorf("JSON: %v, %+v", err, v)
	}
	bad := cyclehttp.Response{Request: cyclehttp.Request{URL: "http://x.test/"}, Body: []byte(`{"N": `)}
	err := bad.JSON(&v)
	if err == nil || !strings.Contains(err.Error(), "GET http://x.test/") {
		t.Errorf("malformed JSON gave %v, want an error naming the request", err)
	}
	if _, _, err := cyclehttp.JSON(make(chan int)).EncodeBody(); err == nil {
		t.Error("JSON of a channel encoded")
	}
}
