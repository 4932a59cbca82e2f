//go:build !js

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Impls are the implementations, by the name of their page in
// examples/jsbench/web: the baseline first.
var Impls = []string{"vanilla", "gocycle"}

// Ops are the operations of web/bench.js, in the order they are run and
// reported.
var Ops = []string{"create1k", "replace1k", "update10th", "select", "swap", "remove", "create10k", "append1k", "clear1k"}

// Result is one run of one operation in one page, as jsbench.run in
// web/bench.js returns it.
type Result struct {
	Op string `json:"op"`
	// MS is the measure: from the click to after the frame that shows
	// the result, in milliseconds.
	MS float64 `json:"ms"`
	// Active is MS less the idle wait between the click's handlers and
	// the next animation frame: the operation's work and the frame's
	// rendering.
	Active float64 `json:"active"`
	// The parts of MS: the click's handlers, the wait for the frame, the
	// animation frame callbacks (gocycle's patch) and the rendering.
	Click, Wait, RAF, Render float64
	// Frames is the number of animation frames from the click to the one
	// that showed the result: 1 when it is the next one.
	Frames int    `json:"frames"`
	Rows   int    `json:"rows"`   // rows in the table after the operation
	Digest string `json:"digest"` // a hash of the table after the operation
	Error  string `json:"error"`  // why the run failed, "" if it did not
}

// Config is how a Harness is started.
type Config struct {
	// Root is the repository's root directory.
	Root string
	// Browser is the path of Chromium or Chrome.
	Browser string
	// Log gets progress messages; nil discards them.
	Log io.Writer
	// Symbols builds the wasm module with its symbols (without -ldflags
	// "-s -w"), so that profiles name the Go functions.
	Symbols bool
}

// Harness is the benchmark's environment: the gocycle app built for
// js/wasm, a server for both pages on 127.0.0.1, and one headless
// Chromium with one tab per implementation.
type Harness struct {
	// Version is the browser's product and version, such as
	// "HeadlessChrome/156.0.8078.79".
	Version string
	// WasmSize is the size in bytes of the built wasm module.
	WasmSize int64
	// Flags are the browser's command-line flags, as given.
	Flags []string

	dir    string
	server *httptest.Server
	tabs   map[string]*tab
	stop   func()
	log    io.Writer
}

// tab is the page of one implementation.
type tab struct {
	impl string
	ctx  context.Context

	mu         sync.Mutex
	exceptions []string
	profiles   []*profiler.Profile // from console.profileEnd, for Profile
}

// BrowserFlags are the command-line flags the benchmark starts Chromium
// with, but for --user-data-dir, a temporary directory.
//
// --js-flags=--expose-gc lets web/bench.js collect garbage before each
// measured click, in both pages, so that the garbage of the setup is not
// collected during the measure.
var BrowserFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--no-first-run", "--no-default-browser-check",
	"--js-flags=--expose-gc",
}

// FindBrowser returns the path of Chromium or Chrome: GOCYCLE_CHROMIUM if
// set, else the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH.
func FindBrowser() (string, error) {
	if p := os.Getenv("GOCYCLE_CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium or Chrome on PATH (chromium, chromium-browser, google-chrome); install it (apt-get install chromium, or `make browser`) or set GOCYCLE_CHROMIUM to its path")
}

// goTool is the go command: $GO, as the Makefile sets it, or go.
func goTool() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}

// FindRoot returns the repository's root: the nearest directory, from the
// working directory up, whose go.mod is gocycle's.
func FindRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(b, []byte("module github.com/gocycle/gocycle\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the gocycle repository (no go.mod of github.com/gocycle/gocycle above the working directory)")
		}
		dir = parent
	}
}

// Start builds the app, serves the pages, starts the browser and opens
// and readies one tab per implementation.
func Start(c Config) (h *Harness, err error) {
	h = &Harness{tabs: map[string]*tab{}, log: c.Log, Flags: BrowserFlags}
	if h.log == nil {
		h.log = io.Discard
	}
	defer func() {
		if err != nil {
			h.Close()
		}
	}()
	h.dir, err = os.MkdirTemp("", "gocycle-jsbench-")
	if err != nil {
		return nil, err
	}
	wasm := filepath.Join(h.dir, "jsbench.wasm")
	begin := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ldflags := "-ldflags=-s -w"
	if c.Symbols {
		ldflags = "-ldflags="
	}
	build := exec.CommandContext(ctx, goTool(), "build", "-trimpath", ldflags, "-o", wasm, "./examples/jsbench")
	build.Dir = c.Root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building examples/jsbench for js/wasm: %v\n%s", err, out)
	}
	if fi, err := os.Stat(wasm); err == nil {
		h.WasmSize = fi.Size()
	}
	fmt.Fprintf(h.log, "jsbench: built the wasm module (%d bytes) in %v\n", h.WasmSize, time.Since(begin).Round(time.Millisecond))

	goroot, err := exec.Command(goTool(), "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	built := map[string]string{
		"/build/jsbench.wasm": wasm,
		"/build/wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		"/build/gocycle.js":   filepath.Join(c.Root, "web", "gocycle.js"),
	}
	static := http.FileServer(http.Dir(filepath.Join(c.Root, "examples", "jsbench", "web")))
	h.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if f, ok := built[r.URL.Path]; ok {
			http.ServeFile(w, r, f)
			return
		}
		static.ServeHTTP(w, r)
	}))

	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(c.Browser), chromedp.UserDataDir(filepath.Join(h.dir, "profile"))}
	for _, f := range h.Flags {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if hasValue {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(alloc)
	h.stop = func() {
		cancelBrowser()
		cancelAlloc()
	}
	// The first run starts the browser; its context must have no deadline
	// (that would end the browser), so a timer watches it.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(browserCtx) }()
	select {
	case err := <-started:
		if err != nil {
			return nil, fmt.Errorf("starting %s: %v", c.Browser, err)
		}
	case <-time.After(time.Minute):
		return nil, fmt.Errorf("%s did not start within a minute", c.Browser)
	}
	v, err := chromedp.CallBrowser(browserCtx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("asking the browser its version: %v", err)
	}
	h.Version = v.Product

	for _, impl := range Impls {
		t, err := h.open(browserCtx, impl)
		if err != nil {
			return nil, err
		}
		h.tabs[impl] = t
	}
	fmt.Fprintf(h.log, "jsbench: %s ready with %s in %v\n", h.Version, strings.Join(Impls, " and "), time.Since(begin).Round(time.Millisecond))
	return h, nil
}

// open opens the page of impl in a new tab and waits until the app runs.
func (h *Harness) open(browserCtx context.Context, impl string) (*tab, error) {
	ctx, _ := chromedp.NewContext(browserCtx) // closed with the browser
	t := &tab{impl: impl, ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			t.mu.Lock()
			t.exceptions = append(t.exceptions, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
			t.mu.Unlock()
		case *profiler.EventConsoleProfileFinished:
			t.mu.Lock()
			t.profiles = append(t.profiles, ev.Profile)
			t.mu.Unlock()
		}
	})
	if err != nil {
		return nil, err
	}
	ctx2, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx2, chromedp.Navigate(h.server.URL+"/"+impl+".html")); err != nil {
		return nil, fmt.Errorf("opening %s.html: %v", impl, err)
	}
	if _, err := chromedp.Run(ctx2, chromedp.Evaluate[bool](`jsbench.ready()`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("%s.html: %v", impl, err)
	}
	return t, nil
}

// Run runs one operation once in the page of impl, which it brings to
// the front first: a run's setup, its measured click and its checks.
// A run whose checks failed has an Error.
func (h *Harness) Run(impl, op string, timeout time.Duration) (Result, error) {
	return h.run(impl, op, false, timeout)
}

func (h *Harness) run(impl, op string, profile bool, timeout time.Duration) (Result, error) {
	t := h.tabs[impl]
	if t == nil {
		return Result{}, fmt.Errorf("no implementation %q", impl)
	}
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.BringToFront, cdp.Empty{}); err != nil {
		return Result{}, fmt.Errorf("%s: bringing the tab to the front: %v", impl, err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[Result](fmt.Sprintf("jsbench.run(%s, %t)", quoteJS(op), profile), chromedp.EvalAwaitPromise))
	if err != nil {
		return r, fmt.Errorf("%s: %s: %v", impl, op, err)
	}
	t.mu.Lock()
	if len(t.exceptions) > 0 && r.Error == "" {
		r.Error = "uncaught exception: " + strings.Join(t.exceptions, "; ")
	}
	t.mu.Unlock()
	return r, nil
}

// Eval evaluates a JavaScript expression in the page of impl, awaiting it
// if it is a promise, and decodes its value into T.
func Eval[T any](h *Harness, impl, expr string) (T, error) {
	var zero T
	t := h.tabs[impl]
	if t == nil {
		return zero, fmt.Errorf("no implementation %q", impl)
	}
	ctx, cancel := context.WithTimeout(t.ctx, time.Minute)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// Close stops the browser and the server and removes the temporary
// files.
func (h *Harness) Close() {
	if h.stop != nil {
		done := make(chan struct{})
		go func() {
			h.stop()
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			fmt.Fprintln(os.Stderr, "jsbench: the browser did not stop within 20s; leaving it")
		}
		h.stop = nil
	}
	if h.server != nil {
		h.server.Close()
		h.server = nil
	}
	if h.dir != "" {
		os.RemoveAll(h.dir)
		h.dir = ""
	}
}

// quoteJS quotes s as a JavaScript string literal.
func quoteJS(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
