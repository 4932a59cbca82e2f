//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gocycle/gocycle/internal/browsertest"
)

// The browser test builds this example for GOOS=js GOARCH=wasm, serves it
// with go-app's app.Handler (newHandler) on 127.0.0.1 and drives the page
// in headless Chromium. It needs Chromium (or Chrome): chromium,
// chromium-browser or google-chrome on PATH, or the path in
// GOCYCLE_CHROMIUM. Without one it is skipped, unless
// GOCYCLE_REQUIRE_BROWSER=1, which makes that a failure.

// start builds the wasm, serves the page and opens it in a new browser.
func start(t *testing.T) context.Context {
	t.Helper()
	browser := browsertest.Chromium(t)
	dir := t.TempDir()
	if err := browsertest.BuildWasm(filepath.Join(dir, "web", "app.wasm"), ".", "-trimpath", "-ldflags=-s -w"); err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile("../../web/gocycle.js")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "gocycle.js"), js, 0o644); err != nil {
		t.Fatal(err)
	}
	wasmExec, err := browsertest.WasmExecJS()
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(newHandler(dir, wasmExec)) // 127.0.0.1
	t.Cleanup(server.Close)

	bctx, cancelBrowser := browsertest.NewBrowser(browser, filepath.Join(dir, "profile"))
	t.Cleanup(cancelBrowser)
	tctx, cancelTimeout := context.WithTimeout(bctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(tctx, chromedp.Navigate(server.URL+"/")); err != nil {
		t.Fatal(err)
	}
	return tctx
}

type tab struct {
	t   *testing.T
	ctx context.Context
}

func (p *tab) str(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// wait polls a JavaScript expression until it is true, and fails with
// what show evaluates to otherwise.
func (p *tab) wait(expr, show string) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		p.t.Fatalf("waiting for %s: %v; the page shows %s", expr, err, p.str(show))
	}
}

const pageState = `JSON.stringify({
  received: (document.querySelector("#received") || {}).textContent,
  count: (document.querySelector("#received-count") || {}).textContent,
  counter: (document.querySelector("#count") || {}).textContent,
  slider: (document.querySelector("#height") || {}).value,
  max: document.querySelector("#height") && document.querySelector("#height").max,
  output: (document.querySelector("output[for=height]") || {}).textContent,
  errors: [...document.querySelectorAll(".goapp-error")].map((e) => e.textContent),
  widget: (document.querySelector("#height-widget") || {}).outerHTML,
})`

func TestGoAppHostsSlider(t *testing.T) {
	p := &tab{t: t, ctx: start(t)}
	p.wait(`document.querySelector("#height-widget #height") !== null`, `document.documentElement.outerHTML.slice(0, 6000)`)
	p.wait(`document.querySelector("label[for=height]").textContent === "Height (go-app)"`, pageState)
	p.str(`(() => { window.sliderNode = document.querySelector("#height"); return ""; })()`)
	if s := p.str(pageState); !strings.Contains(s, `"slider":"175"`) || !strings.Contains(s, `"max":"250"`) || !strings.Contains(s, `"count":"0"`) {
		t.Fatalf("the page starts with %s, want the slider at 175 of 250 and nothing received", s)
	}

	// go-app renders the page again (its counter): the container stays
	// and gocycle's nodes in it are the same nodes.
	for range 3 {
		p.str(`(() => { document.querySelector("#count").click(); return ""; })()`)
	}
	p.wait(`document.querySelector("#count").textContent === "go-app counter: 3"`, pageState)
	if p.str(`String(document.querySelector("#height") === window.sliderNode && window.sliderNode.isConnected)`) != "true" {
		t.Fatalf("go-app's re-render replaced or removed the slider's input: %s", p.str(pageState))
	}

	// The user moves the slider: each value reaches the go-app parent
	// once, in order.
	if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS("#height"))); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
			t.Fatal(err)
		}
		p.wait(fmt.Sprintf(`document.querySelector("#received-count").textContent === "%d"`, i), pageState)
	}
	p.wait(`document.querySelector("#received").textContent === "178 centimeter"`, pageState)
	time.Sleep(100 * time.Millisecond)
	if c := p.str(`document.querySelector("#received-count").textContent`); c != "3" {
		t.Fatalf("the parent received %s values for 3 moves", c)
	}

	// The parent changes the props: the app gets them, in the same node.
	p.str(`(() => { document.querySelector("#limit").click(); return ""; })()`)
	p.wait(`document.querySelector("#height").max === "200"`, pageState)
	if p.str(`String(document.querySelector("#height") === window.sliderNode)`) != "true" {
		t.Fatalf("new props replaced the slider's input: %s", p.str(pageState))
	}
	p.str(`(() => { document.querySelector("#limit").click(); return ""; })()`)
	p.wait(`document.querySelector("#height").max === "250"`, pageState)
	if s := p.str(pageState); !strings.Contains(s, `"errors":[]`) || !strings.Contains(s, `"count":"3"`) {
		t.Fatalf("after the props changes the page shows %s, want no errors and still 3 values received", s)
	}
}
