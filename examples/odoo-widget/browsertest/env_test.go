//go:build !(js && wasm)

package browsertest

import (
	"context"
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

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
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
	path, err := findBrowser()
	if err != nil {
		skipOrFail(t, "the widget browser tests need Chromium: "+err.Error()+
			"; install it (apt-get install chromium, or `make browser`) or set GOCYCLE_CHROMIUM to its path")
	}
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
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	wasm := filepath.Join(dir, "widgets.wasm")
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-tags", "gocycle_testwidgets", "-o", wasm, "../wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building examples/odoo-widget/wasm for js/wasm: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	runtimeJS, err := filepath.Abs("../../../web/gocycle.js")
	if err != nil {
		return err
	}
	env.files = map[string]string{
		"/gocycle.js":   runtimeJS,
		"/wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		"/widgets.wasm": wasm,
	}
	if err := buildHarness(ctx, dir); err != nil {
		return err
	}
	server := httptest.NewServer(http.HandlerFunc(serve))
	env.url = server.URL
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1000, 800),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	env.shutdown = func() {
		cancelBrowser()
		cancelAlloc()
		server.Close()
	}
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	select {
	case err := <-started:
		if err != nil {
			return fmt.Errorf("starting %s: %v", browser, err)
		}
	case <-time.After(time.Minute):
		return fmt.Errorf("%s did not start within a minute", browser)
	}
	env.browser = bctx
	fmt.Fprintf(os.Stderr, "browsertest: built widgets.wasm and started %s in %v\n", browser, time.Since(begin).Round(time.Millisecond))
	return nil
}

// serve serves the test pages and files. /octet/widgets.wasm is the module
// with the wrong MIME type, as Odoo's static files may send it.
func serve(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case "/runtime.html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, runtimePage)
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
	if f, ok := env.files[r.URL.Path]; ok {
		http.ServeFile(w, r, f)
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
