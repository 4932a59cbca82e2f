//go:build !(js && wasm)

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gocycle/gocycle/internal/browsertest"
)

// page runs the test app in #app.
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>gocycle HTTP driver test</title></head>
<body>
<div id="app">loading…</div>
<script>window.jsErrors = []; addEventListener("error", (e) => jsErrors.push(String(e.message)));</script>
<script src="/gocycle.js"></script>
<script src="/wasm_exec.js"></script>
<script>
  const go = new Go();
  WebAssembly.instantiateStreaming(fetch("/app.wasm"), go.importObject)
    .then((r) => go.run(r.instance))
    .catch((e) => { window.testStartError = "loading the wasm: " + e; });
</script>
</body>
</html>
`

// TestFetchReachesTheDOM: requests made from wasm by the HTTP driver, a
// relative GET and an Odoo JSON-RPC call that needs the page's session
// cookie, reach the local server, and their answers reach the DOM.
func TestFetchReachesTheDOM(t *testing.T) {
	browser := browsertest.Chromium(t)

	dir := t.TempDir()
	if err := browsertest.BuildWasm(filepath.Join(dir, "app.wasm"), "./testapp"); err != nil {
		t.Fatal(err)
	}
	files, err := browsertest.AppFiles(filepath.Join(dir, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var seen []string // what the API endpoints were asked, and how
	srv := httptest.NewServer(browsertest.Files(files, func(w http.ResponseWriter, r *http.Request) {
		_, cookieErr := r.Cookie("session_id")
		note := func(s string) {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, fmt.Sprintf("%s %s cookie=%v fetchHeader=%q", r.Method, s, cookieErr == nil, r.Header.Get("js.fetch:credentials")))
		}
		switch r.URL.Path {
		case "/":
			http.SetCookie(w, &http.Cookie{Name: "session_id", Value: "s1", Path: "/"})
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		case "/api/greeting":
			note(r.URL.Path)
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]string{"greeting": "hello, " + r.URL.Query().Get("name") + ", from the server"})
		case "/web/dataset/call_kw/res.partner/search_read":
			note(r.URL.Path)
			var call struct {
				ID     int
				Params struct{ Model, Method string }
			}
			json.NewDecoder(r.Body).Decode(&call)
			w.Header().Set("Content-Type", "application/json")
			if cookieErr != nil || call.Params.Model != "res.partner" {
				fmt.Fprint(w, `{"jsonrpc": "2.0", "id": null, "error": {"code": 100, "message": "Odoo Session Expired", "data": {"name": "odoo.http.SessionExpiredException", "debug": "", "message": "Session expired", "arguments": ["Session expired"], "context": {}}}}`)
				return
			}
			fmt.Fprintf(w, `{"jsonrpc": "2.0", "id": %d, "result": [{"id": 14, "name": "Azure Interior"}, {"id": 10, "name": "Deco Addict"}]}`, call.ID)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	ctx, cancel := browsertest.NewBrowser(browser, filepath.Join(dir, "profile"))
	defer cancel()
	if err := browsertest.StartBrowser(ctx, browser); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	done := `(() => { const g = document.querySelector("#greeting"), p = document.querySelector("#partners");
		return window.testStartError !== undefined || (g && p && g.textContent !== "waiting" && p.textContent !== "waiting"); })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](done, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("waiting for the answers in the DOM: %v", err)
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`({
		start: window.testStartError || "",
		greeting: (document.querySelector("#greeting") || {}).textContent,
		partners: (document.querySelector("#partners") || {}).textContent,
		errors: (window.testErrors || []).concat(window.jsErrors).join("\n"),
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if state["start"] != "" {
		t.Fatalf("the app did not start: %v", state["start"])
	}
	if want := "hello, wasm, from the server"; state["greeting"] != want {
		t.Errorf("#greeting shows %q, want %q", state["greeting"], want)
	}
	if want := "2 partners: [{Azure Interior} {Deco Addict}]"; state["partners"] != want {
		t.Errorf("#partners shows %q, want %q", state["partners"], want)
	}
	if state["errors"] != "" {
		t.Errorf("errors in the page:\n%v", state["errors"])
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]bool{
		`GET /api/greeting cookie=true fetchHeader=""`:                                 true,
		`POST /web/dataset/call_kw/res.partner/search_read cookie=true fetchHeader=""`: true,
	}
	for _, s := range seen {
		if !want[s] {
			t.Errorf("the server was asked %s", s)
		}
		delete(want, s)
	}
	for s := range want {
		t.Errorf("the server was never asked %s", s)
	}
}
