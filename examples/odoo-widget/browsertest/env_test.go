//go:build !(js && wasm)

package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/gocycle/gocycle/internal/browsertest"
)

// env is shared by the tests of the binary: the wasm built once, one
// server, one browser; each test has a tab of its own.
var env struct {
	once     sync.Once
	err      error
	dir      string
	url      string
	files    map[string]string // URL path → file
	version  string            // the content hash of widgets.wasm
	browser  context.Context
	shutdown func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if env.shutdown != nil {
		done := make(chan struct{})
		go func() { env.shutdown(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			fmt.Fprintln(os.Stderr, "browsertest: the browser did not stop within 20s; leaving it")
		}
	}
	if env.dir != "" {
		os.RemoveAll(env.dir)
	}
	os.Exit(code)
}

// skipOrFail skips the test, or fails it under GOCYCLE_REQUIRE_BROWSER=1.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("GOCYCLE_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + " (GOCYCLE_REQUIRE_BROWSER=1 makes this a failure)")
	}
	t.Skip(msg)
}

func setup(t *testing.T) (context.Context, string) {
	t.Helper()
	path := browsertest.Chromium(t)
	env.once.Do(func() { env.err = start(path) })
	if env.err != nil {
		t.Fatal(env.err)
	}
	return env.browser, env.url
}

// start builds widgets.wasm with the test widgets, serves the pages on
// 127.0.0.1 and starts the browser.
func start(browser string) error {
	begin := time.Now()
	dir, err := os.MkdirTemp("", "gocycle-widgettest-")
	if err != nil {
		return err
	}
	env.dir = dir
	ctx, cancel := context.WithTimeout(context.Background(), browsertest.BuildTimeout)
	defer cancel()
	wasm := filepath.Join(dir, "widgets.wasm")
	if err := browsertest.BuildWasm(wasm, "../wasm", "-trimpath", "-ldflags=-s -w", "-tags", "gocycle_testwidgets"); err != nil {
		return err
	}
	files, err := browsertest.AppFiles(wasm)
	if err != nil {
		return err
	}
	files["/widgets.wasm"] = files["/app.wasm"]
	delete(files, "/app.wasm")
	env.files = files
	if err := buildHarness(ctx, dir); err != nil {
		return err
	}
	server := httptest.NewServer(browsertest.Files(env.files, serve))
	env.url = server.URL
	bctx, cancelBrowser := browsertest.NewBrowser(browser, filepath.Join(dir, "profile"),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(1000, 800),
	)
	env.shutdown = func() {
		cancelBrowser()
		server.Close()
	}
	if err := browsertest.StartBrowser(bctx, browser); err != nil {
		return err
	}
	env.browser = bctx
	fmt.Fprintf(os.Stderr, "browsertest: built widgets.wasm and started %s in %v\n", browser, time.Since(begin).Round(time.Millisecond))
	return nil
}

// serve serves the test pages that are not in env.files (browsertest.Files
// serves those). /octet/widgets.wasm is the module with the wrong MIME
// type, as Odoo's static files may send it.
func serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/runtime.html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, runtimePage)
		return
	case "/placeholder.html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, placeholderPage)
		return
	case "/held/widgets.wasm":
		// The module, once the test opens the gate named by ?key=.
		select {
		case <-gate(r.URL.Query().Get("key")):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/wasm")
		http.ServeFile(w, r, env.files["/widgets.wasm"])
		return
	case "/octet/widgets.wasm":
		w.Header().Set("Content-Type", "application/octet-stream")
		f, err := os.ReadFile(env.files["/widgets.wasm"])
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Write(f)
		return
	}
	http.NotFound(w, r)
}

// tab is one test's page.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu         sync.Mutex
	exceptions []string
	console    []string
}

// openTab opens path and waits for ready (a JavaScript expression).
func openTab(t *testing.T, path, ready string) *tab {
	t.Helper()
	browser, url := setup(t)
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	tb := &tab{t: t, ctx: ctx}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg := (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error()
			tb.mu.Lock()
			tb.exceptions = append(tb.exceptions, msg)
			tb.mu.Unlock()
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value))
			}
			tb.mu.Lock()
			tb.console = append(tb.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
			tb.mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		if t.Failed() || testing.Verbose() {
			for _, l := range tb.console {
				t.Log(l)
			}
		}
	})
	tb.run(chromedp.Navigate(url + path))
	tb.wait(ready + ` || window.testStartError !== undefined`)
	if msg := tb.eval(`window.testStartError || ""`); msg != "" {
		t.Fatalf("the page did not start: %v", msg)
	}
	return tb
}

// checkExceptions fails the test for uncaught exceptions in the page.
func (tb *tab) checkExceptions() {
	tb.t.Helper()
	if errs := tb.eval(`(window.jsErrors || []).join("\n")`); errs != "" {
		tb.t.Errorf("errors in the page:\n%v", errs)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.exceptions {
		tb.t.Errorf("uncaught exception: %s", e)
	}
}

func (tb *tab) run(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// eval evaluates an expression, awaiting it if it is a promise.
func (tb *tab) eval(expr string) any {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func (tb *tab) num(expr string) float64 {
	tb.t.Helper()
	f, ok := tb.eval(expr).(float64)
	if !ok {
		tb.t.Fatalf("%s is %v, not a number", expr, tb.eval(expr))
	}
	return f
}

func (tb *tab) str(expr string) string {
	tb.t.Helper()
	s, ok := tb.eval(expr).(string)
	if !ok {
		tb.t.Fatalf("%s is %v, not a string", expr, tb.eval(expr))
	}
	return s
}

// wait polls an expression until it is true. An expression that throws
// (an element not rendered yet) counts as false: a poll whose expression
// throws does not time out but waits for the tab's deadline, minutes on,
// which looks like a hung page.
func (tb *tab) wait(expr string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void]("(() => { try { return !!("+expr+"); } catch (e) { return false; } })()", chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// frames waits for two animation frames, so that requested frames are
// applied.
func (tb *tab) frames() {
	tb.t.Helper()
	tb.eval(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}
