//go:build !(js && wasm)

package browsertest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gocycle/gocycle/internal/browsertest"
)

// env is shared by the tests of the binary: the demo built once, one
// server, one browser.
var env struct {
	once     sync.Once
	err      error
	dir      string
	url      string
	browser  context.Context
	shutdown func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if env.shutdown != nil {
		env.shutdown()
	}
	if env.dir != "" {
		os.RemoveAll(env.dir)
	}
	os.Exit(code)
}

// setup returns the browser and the page's URL, or skips the test (fails
// it with GOCYCLE_REQUIRE_BROWSER=1) when there is no browser.
func setup(t *testing.T) (context.Context, string) {
	t.Helper()
	path := browsertest.Chromium(t)
	env.once.Do(func() { env.err = start(path) })
	if env.err != nil {
		t.Fatal(env.err)
	}
	return env.browser, env.url
}

// start builds the demo, serves the page as `make run` does and starts
// the browser.
func start(browser string) error {
	dir, err := os.MkdirTemp("", "gocycle-demotest-")
	if err != nil {
		return err
	}
	env.dir = dir
	if err := browsertest.BuildWasm(filepath.Join(dir, "demo.wasm"), "..", "-trimpath", "-ldflags=-s -w"); err != nil {
		return err
	}
	wasmExec, err := browsertest.WasmExecJS()
	if err != nil {
		return err
	}
	files := map[string]string{
		"/":                   "../../static/index.html",
		"/build/gocycle.js":   "../../gocycle.js",
		"/build/wasm_exec.js": wasmExec,
		"/build/demo.wasm":    filepath.Join(dir, "demo.wasm"),
	}
	server := httptest.NewServer(browsertest.Files(files, nil))
	env.url = server.URL
	bctx, cancelBrowser := browsertest.NewBrowser(browser, filepath.Join(dir, "profile"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(820, 660),
	)
	env.shutdown = func() {
		cancelBrowser()
		server.Close()
	}
	if err := browsertest.StartBrowser(bctx, browser); err != nil {
		return err
	}
	env.browser = bctx
	return nil
}

// page is one test's tab on the demo.
type page struct {
	t   *testing.T
	ctx context.Context
}

// open opens the demo in language lang (its ?lang=) and waits until the
// sliders are on the page.
func open(t *testing.T, lang string) *page {
	t.Helper()
	browser, url := setup(t)
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancelTimeout)
	p := &page{t: t, ctx: ctx}
	p.run(chromedp.Navigate(url + "/?lang=" + lang))
	p.wait(`window.demoReady === true && document.querySelector("#weight") !== null`)
	t.Cleanup(func() {
		if errs := p.str(`(window.demoErrors || []).join("\n")`); errs != "" {
			t.Errorf("the demo reported errors:\n%s", errs)
		}
	})
	return p
}

func (p *page) run(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) str(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// wait polls a JavaScript expression until it is true.
func (p *page) wait(expr string) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second)))
	if err != nil {
		p.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// state is what the test reads of the page: the labels, read-outs and
// stored values.
type state struct {
	HeightLabel, WeightLabel, LangLabel string
	Height, Weight                      string // the read-outs
	HeightText                          string // aria-valuetext
	StoredHeight, StoredWeight          string
}

const readState = `(() => {
  const t = (s) => { const e = document.querySelector(s); return e ? e.textContent : "<none>"; };
  return JSON.stringify({
    HeightLabel: t("label[for=height]"), WeightLabel: t("label[for=weight]"), LangLabel: t(".gc-langselect span"),
    Height: t("output[for=height]"), Weight: t("output[for=weight]"),
    HeightText: document.querySelector("#height").getAttribute("aria-valuetext"),
    StoredHeight: t("#stored-height"), StoredWeight: t("#stored-weight"),
  });
})()`

func (p *page) state() string {
	p.t.Helper()
	return p.str(readState)
}

// waitState waits until the page shows want, and fails with what it shows
// instead.
func (p *page) waitState(want state) {
	p.t.Helper()
	js := fmt.Sprintf(`%s === %q`, readState, jsonOf(want))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		p.t.Fatalf("the page shows\n%s\nwant\n%s", p.state(), jsonOf(want))
	}
}

func jsonOf(s state) string {
	return fmt.Sprintf(`{"HeightLabel":%q,"WeightLabel":%q,"LangLabel":%q,"Height":%q,"Weight":%q,"HeightText":%q,"StoredHeight":%q,"StoredWeight":%q}`,
		s.HeightLabel, s.WeightLabel, s.LangLabel, s.Height, s.Weight, s.HeightText, s.StoredHeight, s.StoredWeight)
}

// pick chooses a language in the selector, as a user does: the select's
// value changes and it fires change. lang is an option's value: one of the
// demo's languages ("en", "es", ...); "en" is en-US, its likeliest region.
func (p *page) pick(lang string) {
	p.t.Helper()
	p.str(fmt.Sprintf(`(() => { const s = document.querySelector(".gc-langselect select"); s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`, lang))
}

func TestDemoKeyboardAndLanguage(t *testing.T) {
	p := open(t, "en-US")
	en := state{HeightLabel: "Height", WeightLabel: "Weight", LangLabel: "Language",
		Height: "5 ft, 9 in", Weight: "154 lb", HeightText: "5 ft, 9 in",
		StoredHeight: "175 centimeter", StoredWeight: "70 kilogram"}
	p.waitState(en)

	// The keyboard: three steps of one inch.
	p.run(chromedp.Focus(chromedp.CSS("#height")))
	for range 3 {
		p.run(chromedp.KeyEvent(kb.ArrowRight))
	}
	en.Height, en.HeightText, en.StoredHeight = "6 ft, 0 in", "6 ft, 0 in", "182.88 centimeter"
	p.waitState(en)
	if got := p.str(`document.activeElement.id`); got != "height" {
		t.Errorf("the focus moved to #%s", got)
	}

	// Spanish: every label and unit changes, no stored value does.
	p.pick("es")
	es := state{HeightLabel: "Altura", WeightLabel: "Peso", LangLabel: "Idioma",
		Height: "1 m y 83 cm", Weight: "70 kg", HeightText: "1 m y 83 cm",
		StoredHeight: "182.88 centimeter", StoredWeight: "70 kilogram"}
	p.waitState(es)
	if got := p.str(`document.querySelector("main.demo").lang + " " + document.querySelector(".gc-langselect select").value`); got != "es es" {
		t.Errorf("lang and selected language: %q", got)
	}

	// And back, a few times: the user's 72 inches come back exactly.
	for range 5 {
		p.pick("en")
		p.waitState(en)
		p.pick("es")
		p.waitState(es)
	}
	p.pick("en")
	p.waitState(en)
	if got := p.str(`document.querySelector("#height").value`); got != "72" {
		t.Errorf("the height input's value is %s in, want 72", got)
	}
}

// TestDemoScreenshots writes the demo page in English (US) and Spanish as
// PNG files into $GOCYCLE_SCREENSHOTS (make demo-screenshots: docs/).
func TestDemoScreenshots(t *testing.T) {
	out := os.Getenv("GOCYCLE_SCREENSHOTS")
	if out == "" {
		t.Skip("set GOCYCLE_SCREENSHOTS to the directory to write the screenshots to (make demo-screenshots)")
	}
	for _, c := range []struct{ lang, file, label string }{{"en-US", "demo-en.png", "Height"}, {"es", "demo-es.png", "Altura"}} {
		p := open(t, c.lang)
		p.wait(fmt.Sprintf(`document.querySelector("label[for=height]").textContent === %q`, c.label))
		// Let the page's fonts settle before the shot.
		p.wait(`document.fonts.status === "loaded"`)
		png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(out, c.file)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", path, len(png))
	}
}
