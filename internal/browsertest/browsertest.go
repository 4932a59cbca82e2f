//go:build !js

// Package browsertest holds the harness the repository's browser tests
// share: finding Chromium (and skipping, or failing, without it), building
// a main package for GOOS=js GOARCH=wasm, serving files on 127.0.0.1 and
// launching a headless Chromium with chromedp.
//
// The tests find Chromium (or Chrome) on PATH as chromium,
// chromium-browser, google-chrome or google-chrome-stable, or at the path
// in GOCYCLE_CHROMIUM. Without a browser they are skipped, unless
// GOCYCLE_REQUIRE_BROWSER=1 (as `make test` sets), which makes a missing
// browser a failure.
//
// The package is for tests only: chromedp never reaches the library.
package browsertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BuildTimeout bounds BuildWasm's go build.
const BuildTimeout = 5 * time.Minute

// StartTimeout bounds StartBrowser's wait for the browser to start.
const StartTimeout = time.Minute

// FindChromium returns the path of Chromium or Chrome: GOCYCLE_CHROMIUM if
// set, else the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH.
func FindChromium() (string, error) {
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

// Chromium returns the path of Chromium or Chrome (see FindChromium).
// Without one it skips t, or fails it when GOCYCLE_REQUIRE_BROWSER=1.
func Chromium(t testing.TB) string {
	t.Helper()
	path, err := FindChromium()
	if err != nil {
		msg := "browser tests need Chromium: " + err.Error() +
			"; install it (apt-get install chromium, or `make browser`) or set GOCYCLE_CHROMIUM to its path"
		if os.Getenv("GOCYCLE_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg + " (GOCYCLE_REQUIRE_BROWSER=1 makes this a failure)")
		}
		t.Skip(msg)
	}
	return path
}

// BuildWasm builds the main package pkg (a go build argument, relative to
// the working directory) for GOOS=js GOARCH=wasm into the file out, with
// the extra go build flags, within BuildTimeout.
func BuildWasm(out, pkg string, flags ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), BuildTimeout)
	defer cancel()
	args := append([]string{"build"}, flags...)
	args = append(args, "-o", out, pkg)
	build := exec.CommandContext(ctx, "go", args...)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if output, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building %s for js/wasm: %v\n%s", pkg, err, output)
	}
	return nil
}

var goroot struct {
	once sync.Once
	dir  string
	err  error
}

// WasmExecJS returns the path of the wasm_exec.js of the Go on PATH, the
// one that matches the wasm BuildWasm builds.
func WasmExecJS() (string, error) {
	goroot.once.Do(func() {
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			goroot.err = fmt.Errorf("go env GOROOT: %v", err)
			return
		}
		goroot.dir = strings.TrimSpace(string(out))
	})
	if goroot.err != nil {
		return "", goroot.err
	}
	return filepath.Join(goroot.dir, "lib", "wasm", "wasm_exec.js"), nil
}

// RepoRoot returns the root of the repository (the directory of the
// go.mod of github.com/gocycle/gocycle) that holds the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(mod, []byte("module github.com/gocycle/gocycle\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("the working directory is not in the gocycle repository")
		}
		dir = parent
	}
}

// GocycleJS returns the path of the repository's web/gocycle.js.
func GocycleJS() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "web", "gocycle.js"), nil
}

// AppFiles returns the files of a page that runs a gocycle wasm app, for
// Files: /gocycle.js (GocycleJS), /wasm_exec.js (WasmExecJS) and
// /app.wasm (the file wasm).
func AppFiles(wasm string) (map[string]string, error) {
	runtimeJS, err := GocycleJS()
	if err != nil {
		return nil, err
	}
	wasmExec, err := WasmExecJS()
	if err != nil {
		return nil, err
	}
	return map[string]string{
		"/gocycle.js":   runtimeJS,
		"/wasm_exec.js": wasmExec,
		"/app.wasm":     wasm,
	}, nil
}

// Files returns a handler that serves files, URL path to file path,
// uncached (Cache-Control: no-store). Other paths go to next, or get 404
// when next is nil.
func Files(files map[string]string, next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if f, ok := files[r.URL.Path]; ok {
			http.ServeFile(w, r, f)
			return
		}
		if next != nil {
			next(w, r)
			return
		}
		http.NotFound(w, r)
	})
}

// NewBrowser returns the context of a headless Chromium at path, with its
// profile in the directory profile, the standard flags and the extra
// options opts. The browser starts on the context's first use (see
// StartBrowser); cancel stops it.
func NewBrowser(path, profile string, opts ...chromedp.ExecAllocatorOption) (ctx context.Context, cancel context.CancelFunc) {
	all := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
	}, opts...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), all...)
	ctx, cancelBrowser := chromedp.NewContext(alloc)
	return ctx, func() {
		cancelBrowser()
		cancelAlloc()
	}
}

// StartBrowser starts the browser of ctx, a context from NewBrowser, and
// fails when it has not started within StartTimeout. The context of this
// first run must have no deadline (it would end the browser), so a timer
// watches it instead. name names the browser in errors.
func StartBrowser(ctx context.Context, name string) error {
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			return fmt.Errorf("starting %s: %v", name, err)
		}
		return nil
	case <-time.After(StartTimeout):
		return fmt.Errorf("%s did not start within %v", name, StartTimeout)
	}
}
