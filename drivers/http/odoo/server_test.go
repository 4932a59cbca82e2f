//go:build !(js && wasm)

// Natively only: the fake Odoo is an httptest server, and GOOS=js has no
// sockets to serve it on.

package odoo_test

import (
	"encoding/json"
	"fmt"
	nethttp "net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
	"github.com/gocycle/gocycle/drivers/http/odoo"
)

// fakeOdoo answers /web/dataset/call_kw like Odoo: always status 200, a
// result or an error envelope; without the session cookie, an expired
// session.
func fakeOdoo(t *testing.T) *httptest.Server {
	s := httptest.NewServer(nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		var call struct {
			JSONRPC, Method string
			ID              int
			Params          struct {
				Model, Method string
				Args          []json.RawMessage
				KWArgs        map[string]any
			}
		}
		if r.Method != "POST" || r.Header.Get("Content-Type") != "application/json" {
			nethttp.Error(w, "bad request", 400)
			return
		}
		if err := json.NewDecoder(r.Body).Decode(&call); err != nil || call.JSONRPC != "2.0" || call.Method != "call" {
			nethttp.Error(w, "bad envelope", 400)
			return
		}
		if want := "/web/dataset/call_kw/" + call.Params.Model + "/" + call.Params.Method; r.URL.Path != want {
			nethttp.Error(w, "path "+r.URL.Path+" is not "+want, 400)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if c, err := r.Cookie("session_id"); err != nil || c.Value != "s1" {
			fmt.Fprint(w, sessionExpired)
			return
		}
		switch call.Params.Method {
		case "search_read":
			fmt.Fprintf(w, `{"jsonrpc": "2.0", "id": %d, "result": [{"id": 14, "name": "Azure Interior"}]}`, call.ID)
		case "write":
			fmt.Fprint(w, validationError)
		default:
			fmt.Fprintf(w, `{"jsonrpc": "2.0", "id": %d, "error": {"code": 200, "message": "Odoo Server Error", "data": {"name": "builtins.AttributeError", "debug": "Traceback ...", "message": "The method '%s' does not exist on the model '%s'", "arguments": [], "context": {}}}}`,
				call.ID, call.Params.Method, call.Params.Model)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestAgainstFakeOdoo(t *testing.T) {
	srv := fakeOdoo(t)
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(srv.URL)
	client := &nethttp.Client{Jar: jar}

	type sources struct{ HTTP *cyclehttp.Source }
	type sinks struct {
		HTTP *stream.Stream[cyclehttp.Request]
		Out  *stream.Stream[string]
	}
	calls := stream.NewSubject[cyclehttp.Request]()
	app := func(src sources) sinks {
		out := stream.FlattenConcurrently(stream.Map(src.HTTP.Select("odoo"), func(rs *stream.Stream[cyclehttp.Response]) *stream.Stream[string] {
			return stream.Map(rs, func(r cyclehttp.Response) string {
				var partners []struct{ Name string }
				if err := odoo.Decode(r, &partners); err != nil {
					return err.Error()
				}
				return fmt.Sprint(partners)
			}).ReplaceError(func(err error) *stream.Stream[string] { return stream.Of("failed: " + err.Error()) })
		}))
		return sinks{HTTP: calls.Stream(), Out: out}
	}
	var mu sync.Mutex
	var got []string
	var loop *cycle.Loop
	dispose, err := cycle.Run(app, cycle.Drivers{
		"HTTP": cyclehttp.Driver(cyclehttp.BaseURL(srv.URL), cyclehttp.WithClient(client)),
		"Out": cycle.SinkDriver(func(s *stream.Stream[string], ctx *cycle.Context) error {
			loop = ctx.Loop
			ctx.OnDispose(s.Subscribe(stream.Listener[string]{Next: func(v string) {
				mu.Lock()
				got = append(got, v)
				mu.Unlock()
			}}))
			return nil
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer dispose()
	call := func(method string, want string) {
		t.Helper()
		r := odoo.CallKW("res.partner", method, []any{[]int{14}}, map[string]any{"fields": []string{"name"}})
		r.Category = "odoo"
		mu.Lock()
		n := len(got)
		mu.Unlock()
		loop.Do(func() { calls.Next(r) })
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
			mu.Lock()
			done := len(got) > n
			var last string
			if done {
				last = got[n]
			}
			mu.Unlock()
			if done {
				if last != want {
					t.Errorf("%s: got %q, want %q", method, last, want)
				}
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: no answer in 10s", method)
			}
		}
	}
	call("search_read", "odoo: odoo.http.SessionExpiredException: Session expired")
	jar.SetCookies(u, []*nethttp.Cookie{{Name: "session_id", Value: "s1"}})
	call("search_read", "[{Azure Interior}]")
	call("write", "odoo: odoo.exceptions.ValidationError: The weight must be positive.")
	call("unlink_all", "odoo: builtins.AttributeError: The method 'unlink_all' does not exist on the model 'res.partner'")
	call("search_read", "[{Azure Interior}]")
	mu.Lock()
	defer mu.Unlock()
	if slices.ContainsFunc(got, func(s string) bool { return len(s) > 7 && s[:7] == "failed:" }) {
		t.Errorf("a call failed at the HTTP level: %q", got)
	}
}
