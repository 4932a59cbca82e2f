//go:build !js

package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestRepoRootAndRuntimeFiles(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "browsertest", "browsertest.go")); err != nil {
		t.Errorf("RepoRoot() = %s, which does not hold this package: %v", root, err)
	}
	files, err := AppFiles("app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"/gocycle.js", "/wasm_exec.js"} {
		if _, err := os.Stat(files[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestServeInBrowser serves gocycle.js and a page with Files, and loads
// them in the browser.
func TestServeInBrowser(t *testing.T) {
	path := Chromium(t)
	runtimeJS, err := GocycleJS()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Files(map[string]string{"/gocycle.js": runtimeJS}, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `<!doctype html><title>t</title><script src="/gocycle.js"></script><script>window.loaded = true;</script>`)
	}))
	defer srv.Close()

	ctx, cancel := NewBrowser(path, filepath.Join(t.TempDir(), "profile"))
	defer cancel()
	if err := StartBrowser(ctx, path); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.loaded === true`))
	if err != nil {
		t.Fatal(err)
	}
	if !loaded {
		t.Error("the page's script did not run")
	}
	resp, err := http.Get(srv.URL + "/missing")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("/missing: %s, Cache-Control %q; want 404, no-store", resp.Status, resp.Header.Get("Cache-Control"))
	}
}

func TestBuildWasm(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.wasm")
	t.Chdir(dir)
	if err := BuildWasm(out, ".", "-trimpath"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 4 || string(b[:4]) != "\x00asm" {
		t.Errorf("%s is not a wasm module", out)
	}
}
