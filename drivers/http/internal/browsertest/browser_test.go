//go:build !(js && wasm)

package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findBrowser returns the path of Chromium or Chrome: GOCYCLE_CHROMIUM if
// set, else the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH.
func findBrowser() (string, error) {
	if p := os.Getenv("GOCYCLE_CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium or Chrome on PATH (chromium, chromium-browser, google-chrome)")
}

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
	browser, err := findBrowser()
	if err != nil {
		msg := "the browser test needs Chromium: " + err.Error() +
			"; install it (apt-get install chromium, or `make browser`) or set GOCYCLE_CHROMIUM to its path"
		if os.Getenv("GOCYCLE_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg + " (GOCYCLE_REQUIRE_BROWSER=1 makes this a failure)")
		}
		t.Skip(msg)
	}

	dir := t.TempDir()
	buildCtx, cancelBuild := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancelBuild()
	build := exec.CommandContext(buildCtx, "go", "build", "-o", filepath.Join(dir, "app.wasm"), "./testapp")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building testapp for js/wasm: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	runtimeJS, err := filepath.Abs("../../../../web/gocycle.js")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"/gocycle.js":   runtimeJS,
		"/wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		"/app.wasm":     filepath.Join(dir, "app.wasm"),
	}

	var mu sync.Mutex
	var seen []string // what the API endpoints were asked, and how
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
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
			if f, ok := files[r.URL.Path]; ok {
				http.ServeFile(w, r, f)
				return
			}
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no deadline
		t.Fatalf("starting %s: %v", browser, err)
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
