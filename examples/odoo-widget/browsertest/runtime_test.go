//go:build !(js && wasm)

package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/gocycle/gocycle/internal/browsertest"
)

// runtimePage loads gocycle.js and the module (?wasm= picks its URL;
// ?gz= passes GoCycle.load a gzip copy; ?nods deletes DecompressionStream
// first, ?nostreaming WebAssembly.instantiateStreaming) and gives the tests T, a few helpers to mount widgets and record
// what they send. window.loadMs is the time from GoCycle.load to its
// promise's resolution.
// runtimeScripts starts a test page: it records the page's errors in
// window.jsErrors (tab.checkExceptions reads them) and loads gocycle.js
// and wasm_exec.js.
const runtimeScripts = `<script>
window.jsErrors = [];
addEventListener("error", (e) => jsErrors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => jsErrors.push("unhandled rejection: " + e.reason));
</script>
<script src="/gocycle.js"></script>
<script src="/wasm_exec.js"></script>
`

const runtimePage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>gocycle widget runtime test</title></head>
<body>
<div id="host"></div>
` + runtimeScripts + `<script>
const Q = new URLSearchParams(location.search);
const WASM = Q.get("wasm") || "/widgets.wasm";
const GZ = Q.get("gz");
if (Q.has("nods")) {
  delete window.DecompressionStream;
}
if (Q.has("nostreaming")) {
  delete WebAssembly.instantiateStreaming;
}
window.T = {
  h: {}, changes: {}, errors: {}, fatal: {},
  // mount mounts widget name in a new div#w<i> with props.
  async mount(i, name, props) {
    const el = document.createElement("div");
    el.id = "w" + i;
    document.getElementById("host").appendChild(el);
    T.changes[i] = []; T.errors[i] = []; T.fatal[i] = 0;
    await GoCycle.load(WASM);
    T.h[i] = await GoCycle.mount(el, name, props, (v) => T.changes[i].push(v), {
      onError: (msg, fatal) => { T.errors[i].push(msg); if (fatal) T.fatal[i]++; },
    });
    return true;
  },
  // slide moves widget i's range input by a value, as the keyboard does.
  slide(i, value) {
    const input = document.querySelector("#w" + i + " input[type=range]");
    input.value = String(value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return input.value;
  },
  frame: () => new Promise((r) => requestAnimationFrame(() => r(true))),
  // cycles mounts and destroys a quantity slider n times, rendering one
  // frame in every 50 cycles.
  async cycles(n) {
    const host = document.getElementById("host");
    for (let k = 0; k < n; k++) {
      const el = document.createElement("div");
      host.appendChild(el);
      const h = await GoCycle.mount(el, "quantity-slider",
        { value: 150 + (k % 50), unit: "centimeter", usage: "person-height", min: 50, max: 250, lang: "en_US" }, () => {});
      if (k % 50 === 0) {
        await T.frame(); await T.frame();
        if (!el.querySelector("input[type=range]")) throw new Error("cycle " + k + ": nothing rendered");
      }
      h.destroy();
      if (el.childNodes.length !== 0 || GoCycle.dom.handleOf(el) !== undefined) throw new Error("cycle " + k + ": destroy left the element in use");
      el.remove();
    }
    return true;
  },
};
window.loadStart = performance.now();
window.loadPromise = GoCycle.load(WASM, GZ ? { gzip: GZ } : undefined);
window.loadPromise.then((r) => {
  window.loadMs = performance.now() - loadStart;
  window.names = r.names;
  window.testReady = true;
}, (e) => { window.testStartError = String(e); });
</script>
</body>
</html>
`

func openRuntime(t *testing.T, query string) *tab {
	t.Helper()
	tb := openTab(t, "/runtime.html"+query, `window.testReady === true`)
	t.Cleanup(tb.checkExceptions)
	return tb
}

func quantityProps(value string) string {
	return `{value: ` + value + `, unit: "centimeter", usage: "person-height", min: 50, max: 250, lang: "en_US"}`
}

func TestFiftyWidgetsShareOneModule(t *testing.T) {
	tb := openRuntime(t, "")
	// Fifty mounts at once, each of which also calls GoCycle.load.
	var mounts []string
	for i := range 50 {
		switch i % 3 {
		case 0:
			mounts = append(mounts, fmt.Sprintf(`T.mount(%d, "quantity-slider", %s)`, i, quantityProps(fmt.Sprint(100+i))))
		case 1:
			mounts = append(mounts, fmt.Sprintf(`T.mount(%d, "slider", {value: %d, label: "Volume", lang: "es_ES"})`, i, i))
		default:
			mounts = append(mounts, fmt.Sprintf(`T.mount(%d, "langselect", {lang: "fr_FR"})`, i))
		}
	}
	tb.eval(`Promise.all([` + strings.Join(mounts, ",") + `]).then(() => true)`)
	tb.wait(`document.querySelectorAll("#host .gc-widget").length === 50`)
	if n := tb.num(`performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/widgets.wasm")).length`); n != 1 {
		t.Errorf("widgets.wasm was fetched %v times, want once", n)
	}
	if n := tb.num(`GoCycle.widgetStats().instantiations`); n != 1 {
		t.Errorf("the module was instantiated %v times, want once", n)
	}
	if n := tb.num(`GoCycle.widgetStats().go.instances`); n != 50 {
		t.Errorf("the Go side runs %v instances, want 50", n)
	}
	// The host's value reads out exactly (39.37 in), the thumb on a step.
	if got := tb.str(`document.querySelector("#w0 output").textContent`); got != "3 ft, 3.37 in" {
		t.Errorf("widget 0 (100 cm, en_US) reads %q, want 3 ft, 3.37 in", got)
	}
	if got := tb.str(`document.querySelector("#w2 select").value + " " + document.querySelector("#w2 span").textContent`); got != "fr Langue" {
		t.Errorf("the language selector in fr_FR shows %q", got)
	}
	// Another URL is refused: a page has one module.
	if msg := tb.str(`GoCycle.load("/other.wasm").then(() => "loaded", (e) => e.message)`); !strings.Contains(msg, "already loaded") {
		t.Errorf("loading a second module: %q", msg)
	}
	// Each works on its own.
	tb.eval(`T.slide(0, 72)`) // inches: 6 ft
	tb.wait(`T.changes[0].length === 1`)
	if v := tb.num(`T.changes[0][0]`); v != 182.88 {
		t.Errorf("moving widget 0 to 72 in sent %v, want 182.88 (cm)", v)
	}
	tb.eval(`T.slide(1, 80)`)
	tb.wait(`T.changes[1].length === 1 && T.changes[1][0] === 80`)
	if n := tb.num(`Object.values(T.changes).reduce((n, c) => n + c.length, 0)`); n != 2 {
		t.Errorf("%v changes in all, want 2: only what the user moved", n)
	}
	tb.eval(`Object.values(T.h).forEach((h) => h.destroy()), true`)
	if n := tb.num(`GoCycle.widgetStats().go.instances`); n != 0 {
		t.Errorf("%v instances after destroying all", n)
	}
}

func TestWrongMIMETypeFallsBack(t *testing.T) {
	tb := openRuntime(t, "?wasm=/octet/widgets.wasm")
	tb.eval(`T.mount(0, "quantity-slider", ` + quantityProps("175") + `)`)
	tb.wait(`document.querySelector("#w0 output") !== null`)
	if got := tb.str(`document.querySelector("#w0 output").textContent`); got != "5 ft, 8.898 in" {
		t.Errorf("the widget reads %q", got)
	}
	tb.eval(`T.h[0].destroy(), true`)
}

func TestPanicInOneWidgetLeavesTheOthers(t *testing.T) {
	tb := openRuntime(t, "")
	var mounts []string
	for i := range 49 {
		mounts = append(mounts, fmt.Sprintf(`T.mount(%d, "quantity-slider", %s)`, i, quantityProps(fmt.Sprint(120+i))))
	}
	mounts = append(mounts, `T.mount(49, "test-crash", {})`, `T.mount(50, "test-fail", {})`)
	tb.eval(`Promise.all([` + strings.Join(mounts, ",") + `]).then(() => true)`)
	tb.wait(`document.querySelectorAll("#host .gc-widget").length === 49 && document.querySelector("#w49 button") !== null`)
	// A widget that cannot start shows why, in its place.
	if got := tb.str(`document.querySelector("#w50 .gocycle-error[role=alert]").textContent`); !strings.Contains(got, "never starts") {
		t.Errorf("the failed widget shows %q", got)
	}
	tb.run(chromedp.Click(chromedp.CSS("#w49 button")))
	tb.wait(`document.querySelector("#w49 .gocycle-error") !== null`)
	if got := tb.str(`document.querySelector("#w49 .gocycle-error").textContent`); !strings.Contains(got, "test-crash: boom") {
		t.Errorf("the error box says %q", got)
	}
	if n := tb.num(`T.fatal[49]`); n != 1 {
		t.Errorf("onError(fatal) was called %v times, want 1", n)
	}
	if ok := tb.eval(`T.h[49].stopped() && !T.h[0].stopped()`); ok != true {
		t.Error("stopped(): want the crashed widget only")
	}
	// The other 49 go on: every one follows its props and its input.
	tb.eval(`Promise.all(Array.from({length: 49}, (_, i) => T.h[i].update(` + quantityProps("200") + `))).then(() => true)`)
	tb.wait(`Array.from({length: 49}, (_, i) => document.querySelector("#w" + i + " output").textContent).every((t) => t === "6 ft, 6.74 in")`)
	for _, i := range []int{0, 25, 48} {
		tb.eval(fmt.Sprintf(`T.slide(%d, 70)`, i))
		tb.wait(fmt.Sprintf(`T.changes[%d].length === 1`, i))
	}
	if n := tb.num(`document.querySelectorAll("#host .gocycle-error").length`); n != 2 {
		t.Errorf("%v error boxes, want 2", n)
	}
	// Updating or destroying the crashed widget is harmless; destroying
	// removes its error box.
	tb.eval(`T.h[49].update({panic: true}), T.h[49].destroy(), T.h[50].destroy(), true`)
	if n := tb.num(`document.querySelectorAll("#host .gocycle-error").length`); n != 0 {
		t.Errorf("%v error boxes after destroy", n)
	}
	tb.eval(`Object.values(T.h).forEach((h) => h.destroy()), true`)
	st := tb.eval(`GoCycle.widgetStats(true).go`).(map[string]any)
	if st["instances"].(float64) != 0 || st["funcs"].(float64) != 2 {
		t.Errorf("after destroying all: %v; want 0 instances and the 2 js.Funcs of Serve", st)
	}
	// The panic is reported; a console.error is what a developer sees.
	tb.mu.Lock()
	defer tb.mu.Unlock()
}

// memory is what the leak test measures.
type memory struct {
	JSHeap  float64 `json:"jsHeap"`
	GoHeap  float64 `json:"goHeap"`
	Funcs   float64 `json:"funcs"`
	GoRefs  float64 `json:"goRefs"`
	Objects float64 `json:"objects"`
	DOM     float64 `json:"dom"`
}

func (tb *tab) measure() memory {
	tb.t.Helper()
	// Go first: its collection releases the JavaScript values Go no
	// longer references (their finalizers run after the collection).
	tb.eval(`GoCycle.widgetStats(true), new Promise((r) => setTimeout(r, 50)).then(() => GoCycle.widgetStats(true)).then(() => true)`)
	var m memory
	if err := json.Unmarshal([]byte(tb.str(`(() => { const s = GoCycle.widgetStats(true); return JSON.stringify({goHeap: s.go.heapAlloc, funcs: s.go.funcs, goRefs: s.goRefs, objects: s.go.heapObjects, dom: document.getElementsByTagName("*").length}); })()`)), &m); err != nil {
		tb.t.Fatal(err)
	}
	heap, err := chromedp.Run(tb.ctx, func(ctx context.Context, t *chromedp.Target) (float64, error) {
		for range 3 {
			if _, err := cdp.Call(ctx, t, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
				return 0, err
			}
		}
		r, err := cdp.Call(ctx, t, runtime.GetHeapUsage, cdp.Empty{})
		return r.UsedSize, err
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	m.JSHeap = heap
	return m
}

func TestMountDestroyDoesNotLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 mount/destroy cycles")
	}
	tb := openRuntime(t, "")
	tb.eval(`T.cycles(100)`)
	after100 := tb.measure()
	tb.eval(`T.cycles(1900)`)
	after2000 := tb.measure()
	t.Logf("after 100 cycles:  JS heap %.0f B, Go heap %.0f B (%.0f objects), live js.Funcs %.0f, JS values held by Go %.0f, DOM elements %.0f",
		after100.JSHeap, after100.GoHeap, after100.Objects, after100.Funcs, after100.GoRefs, after100.DOM)
	t.Logf("after 2000 cycles: JS heap %.0f B, Go heap %.0f B (%.0f objects), live js.Funcs %.0f, JS values held by Go %.0f, DOM elements %.0f",
		after2000.JSHeap, after2000.GoHeap, after2000.Objects, after2000.Funcs, after2000.GoRefs, after2000.DOM)
	// 1,900 more cycles: a leak of one small object per cycle would show
	// as tens of kilobytes; the tolerances are well below one cycle's
	// footprint (a mounted quantity slider is some 30 kB of Go heap).
	if after2000.Funcs != after100.Funcs {
		t.Errorf("live js.Funcs: %v after 100 cycles, %v after 2000", after100.Funcs, after2000.Funcs)
	}
	if d := after2000.GoRefs - after100.GoRefs; d > 20 {
		t.Errorf("JS values held by Go grew by %v", d)
	}
	if d := after2000.GoHeap - after100.GoHeap; d > 256<<10 {
		t.Errorf("the Go heap grew by %.0f bytes", d)
	}
	if d := after2000.JSHeap - after100.JSHeap; d > 512<<10 {
		t.Errorf("the JavaScript heap grew by %.0f bytes", d)
	}
	if after2000.DOM != after100.DOM {
		t.Errorf("DOM elements: %v then %v", after100.DOM, after2000.DOM)
	}
}

func TestPropsEdgeCases(t *testing.T) {
	tb := openRuntime(t, "")
	cases := []struct {
		props   string
		output  string // the read-out; "" for none: the widget says, in alert, what is wrong
		empty   bool
		errWant string // in the errors reported, "" for none
		alert   string // in the widget's message, when output is ""
	}{
		{`{value: false, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, "", ""},
		{`{value: null, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, "", ""},
		{`{unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, "", ""},
		{`{value: NaN, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, `"NaN"`, ""},
		{`{value: "120", unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "120 cm", false, "not a string", ""},
		{`{value: "tall", unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, `"tall"`, ""},
		// Out of bounds: shown as it is, flagged, never written.
		{`{value: 300, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "300 cm", false, "shown as it is", ""},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250, colour: "red"}`, "120 cm", false, `"colour"`, ""},
		// Wrong options: no slider, and a message that names the option.
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", min: 300, max: 250}`, "", false, "at least min", `The option "min" (300) is above "max" (250)`},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", min: Infinity, max: 250}`, "", false, `"Infinity"`, `The option "min" is "Infinity": use a number.`},
		{`{value: 120, unit: "furlongs", min: 50, max: 250}`, "", false, "CLDR unit", `The option "unit" is "furlongs": use a CLDR unit id such as furlong`},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", readonly: "no"}`, "120 cm", false, "true or false", ""},
	}
	for i, c := range cases {
		tb.eval(fmt.Sprintf(`T.mount(%d, "quantity-slider", %s)`, i, c.props))
	}
	tb.eval(`T.mount(99, "quantity-slider", {value: 10n, unit: "centimeter"}).catch((e) => String(e))`)
	tb.frames()
	tb.frames()
	for i, c := range cases {
		sel := fmt.Sprintf("#w%d", i)
		if c.output == "" {
			if got := tb.str(`document.querySelector("` + sel + ` .gc-widget-invalid[role=alert]")?.textContent || ""`); !strings.Contains(got, c.alert) {
				t.Errorf("%s: the widget shows %q, want %q", c.props, got, c.alert)
			}
		} else if got := tb.str(`document.querySelector("` + sel + ` output")?.textContent || "<no output>"`); got != c.output {
			t.Errorf("%s: the read-out is %q, want %q", c.props, got, c.output)
		}
		if got := tb.eval(`document.querySelector("` + sel + ` .gc-empty") !== null`); got != c.empty {
			t.Errorf("%s: empty = %v, want %v", c.props, got, c.empty)
		}
		errs := tb.str(fmt.Sprintf(`T.errors[%d].join("\n")`, i))
		if c.errWant == "" && errs != "" {
			t.Errorf("%s: errors %q, want none", c.props, errs)
		}
		if c.errWant != "" && !strings.Contains(errs, c.errWant) {
			t.Errorf("%s: errors %q, want one with %q", c.props, errs, c.errWant)
		}
	}
	if n := tb.num(`Object.values(T.changes).reduce((n, c) => n + c.length, 0) + Object.values(T.fatal).reduce((a, b) => a + b, 0)`); n != 0 {
		t.Errorf("%v changes or fatal errors: props alone must never write the value or stop a widget", n)
	}
	if got := tb.str(`T.errors[99].join("\n")`); !strings.Contains(got, "not JSON-shaped") {
		t.Errorf("a BigInt prop: errors %q", got)
	}
	// An empty widget becomes a value when the user moves it, and not before.
	tb.eval(`T.slide(0, 80)`)
	tb.wait(`T.changes[0].length === 1 && T.changes[0][0] === 80 && document.querySelector("#w0 .gc-empty") === null`)
	tb.eval(`Object.values(T.h).forEach((h) => h.destroy()), true`)
}

// startEnv is setup for tests and benchmarks: it builds the wasm and
// starts the server and the browser once.
func startEnv(t testing.TB) {
	t.Helper()
	path := browsertest.Chromium(t)
	env.once.Do(func() { env.err = start(path) })
	if env.err != nil {
		t.Fatal(env.err)
	}
}

// gzCopy is widgets.wasm compressed with gzip, made once.
var gzCopy struct {
	once  sync.Once
	bytes []byte
	err   error
}

func gzipped(t testing.TB) []byte {
	t.Helper()
	gz := &gzCopy
	gz.once.Do(func() {
		b, err := os.ReadFile(env.files["/widgets.wasm"])
		if err != nil {
			gz.err = err
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(b)
		if err := zw.Close(); err != nil {
			gz.err = err
			return
		}
		gz.bytes = buf.Bytes()
	})
	if gz.err != nil {
		t.Fatal(gz.err)
	}
	return gz.bytes
}

// gzServer serves the runtime page with its scripts, the module as
// /widgets.wasm (application/wasm) and its gzip copy as /widgets.wasm.gz
// in one of these ways, and counts the requests for every path:
//
//	file      the gzip bytes as a static file (application/gzip), as Odoo does
//	encoded   the gzip bytes with Content-Encoding: gzip, which the browser decodes
//	404       not found
//	closed    the connection closed before any response
//	truncated a 200 whose body stops after 64 kB of the gzip bytes
type gzServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newGzServer(t testing.TB, mode string) *gzServer {
	t.Helper()
	startEnv(t)
	body := gzipped(t)
	s := &gzServer{hits: map[string]int{}}
	files := browsertest.Files(env.files, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/runtime.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, runtimePage)
		case "/widgets.wasm.gz":
			switch mode {
			case "file":
				w.Header().Set("Content-Type", "application/gzip")
				w.Write(body)
			case "encoded":
				w.Header().Set("Content-Type", "application/wasm")
				w.Header().Set("Content-Encoding", "gzip")
				w.Write(body)
			case "closed", "truncated":
				conn, _, err := http.NewResponseController(w).Hijack()
				if err != nil {
					http.Error(w, err.Error(), 500)
					return
				}
				if mode == "truncated" {
					fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/gzip\r\nContent-Length: %d\r\n\r\n", len(body))
					conn.Write(body[:64<<10])
				}
				conn.Close()
			default:
				http.NotFound(w, r)
			}
		default:
			http.NotFound(w, r)
		}
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// moduleHits returns the requests for /widgets.wasm and /widgets.wasm.gz,
// as "plain gz".
func (s *gzServer) moduleHits() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("plain %d, gz %d", s.hits["/widgets.wasm"], s.hits["/widgets.wasm.gz"])
}

// openGz opens the runtime page of srv with query. openTab opens pages of
// env's server, so the tab starts there, on a page that does nothing
// (gocycle.js), and then goes to srv.
func openGz(t *testing.T, srv *gzServer, query string) *tab {
	t.Helper()
	tb := openTab(t, "/gocycle.js", "true")
	t.Cleanup(tb.checkExceptions)
	tb.run(chromedp.Navigate(srv.URL + "/runtime.html" + query))
	tb.wait(`window.testReady === true || window.testStartError !== undefined`)
	if msg := tb.eval(`window.testStartError || ""`); msg != "" {
		t.Fatalf("the page did not start: %v", msg)
	}
	return tb
}

// loadInfo is GoCycle.widgetStats().load.
type loadInfo struct {
	URL       string `json:"url"`
	Transport string `json:"transport"`
	Inflated  bool   `json:"inflated"`
	Streaming bool   `json:"streaming"`
	Fallback  string `json:"fallback"`
}

func (tb *tab) loadInfo() loadInfo {
	tb.t.Helper()
	var l loadInfo
	if err := json.Unmarshal([]byte(tb.str(`JSON.stringify(GoCycle.widgetStats().load)`)), &l); err != nil {
		tb.t.Fatal(err)
	}
	return l
}

// checkWidget mounts a quantity slider and checks that it renders and
// sends what the user does.
func (tb *tab) checkWidget() {
	tb.t.Helper()
	tb.eval(`T.mount(0, "quantity-slider", ` + quantityProps("175") + `)`)
	tb.wait(`document.querySelector("#w0 input[type=range]") !== null && document.querySelector("#w0 output") !== null`)
	if got := tb.str(`document.querySelector("#w0 output").textContent`); got != "5 ft, 8.898 in" {
		tb.t.Errorf("the widget (175 cm, en_US) reads %q, want 5 ft, 8.898 in", got)
	}
	tb.eval(`T.slide(0, 72)`)
	tb.wait(`T.changes[0].length === 1`)
	if v := tb.num(`T.changes[0][0]`); v != 182.88 {
		tb.t.Errorf("moving the widget to 72 in sent %v, want 182.88 (cm)", v)
	}
	tb.eval(`T.h[0].destroy(), true`)
}

func TestGzipLoadsOnlyTheGzFile(t *testing.T) {
	srv := newGzServer(t, "file")
	tb := openGz(t, srv, "?gz=/widgets.wasm.gz")
	if got := srv.moduleHits(); got != "plain 0, gz 1" {
		t.Errorf("requests: %s, want plain 0, gz 1", got)
	}
	want := loadInfo{URL: "/widgets.wasm.gz", Transport: "gzip", Inflated: true, Streaming: true}
	if got := tb.loadInfo(); got != want {
		t.Errorf("widgetStats().load = %+v, want %+v", got, want)
	}
	tb.checkWidget()
	// The same URL gives the same promise, whatever the options; another
	// URL (the .gz as the plain URL too) is refused.
	if same := tb.eval(`GoCycle.load("/widgets.wasm") === loadPromise && GoCycle.load("/widgets.wasm", {gzip: "/other.gz"}) === loadPromise`); same != true {
		t.Error("a second GoCycle.load of the same URL did not return the first promise")
	}
	if msg := tb.str(`GoCycle.load("/widgets.wasm.gz", {gzip: "/widgets.wasm.gz"}).then(() => "loaded", (e) => e.message)`); !strings.Contains(msg, "already loaded") {
		t.Errorf("loading another URL: %q", msg)
	}
	if got := srv.moduleHits(); got != "plain 0, gz 1" {
		t.Errorf("requests after the later loads: %s, want plain 0, gz 1", got)
	}
	if n := tb.num(`GoCycle.widgetStats().instantiations`); n != 1 {
		t.Errorf("%v instantiations, want 1", n)
	}
}

func TestLoadWithoutDecompressionStreamFetchesThePlainFile(t *testing.T) {
	srv := newGzServer(t, "file")
	tb := openGz(t, srv, "?gz=/widgets.wasm.gz&nods")
	if got := tb.eval(`typeof DecompressionStream`); got != "undefined" {
		t.Fatalf("typeof DecompressionStream is %v after delete", got)
	}
	if got := srv.moduleHits(); got != "plain 1, gz 0" {
		t.Errorf("requests: %s, want plain 1, gz 0", got)
	}
	want := loadInfo{URL: "/widgets.wasm", Transport: "plain", Streaming: true, Fallback: "no DecompressionStream"}
	if got := tb.loadInfo(); got != want {
		t.Errorf("widgetStats().load = %+v, want %+v", got, want)
	}
	tb.checkWidget()
}

func TestGzipWithoutStreamingCompilation(t *testing.T) {
	srv := newGzServer(t, "file")
	tb := openGz(t, srv, "?gz=/widgets.wasm.gz&nostreaming")
	if got := srv.moduleHits(); got != "plain 0, gz 1" {
		t.Errorf("requests: %s, want plain 0, gz 1", got)
	}
	want := loadInfo{URL: "/widgets.wasm.gz", Transport: "gzip", Inflated: true, Streaming: false}
	if got := tb.loadInfo(); got != want {
		t.Errorf("widgetStats().load = %+v, want %+v", got, want)
	}
	tb.checkWidget()
}

func TestGzipFailureFallsBackToThePlainFile(t *testing.T) {
	for _, c := range []struct {
		mode     string
		fallback string // in widgetStats().load.fallback
	}{
		{"404", "HTTP 404"},
		{"closed", ""},
		{"truncated", ""},
	} {
		t.Run(c.mode, func(t *testing.T) {
			srv := newGzServer(t, c.mode)
			tb := openGz(t, srv, "?gz=/widgets.wasm.gz")
			got := srv.moduleHits()
			// Chromium retries a request whose connection closed before
			// any response (ERR_EMPTY_RESPONSE), a few times.
			if got != "plain 1, gz 1" && !(c.mode == "closed" && regexp.MustCompile(`^plain 1, gz [1-5]$`).MatchString(got)) {
				t.Errorf("requests: %s, want plain 1, gz 1", got)
			}
			l := tb.loadInfo()
			if l.Transport != "plain" || l.URL != "/widgets.wasm" || l.Inflated || l.Fallback == "" || !strings.Contains(l.Fallback, c.fallback) {
				t.Errorf("widgetStats().load = %+v, want the plain file with the fallback's reason (%q)", l, c.fallback)
			}
			tb.checkWidget()
		})
	}
}

func TestGzipDecodedByTheBrowser(t *testing.T) {
	// A server that sends the .gz with Content-Encoding: gzip (as a static
	// handler may that guesses the encoding from the name): the browser
	// inflates it, and the page gets the module itself.
	srv := newGzServer(t, "encoded")
	tb := openGz(t, srv, "?gz=/widgets.wasm.gz")
	if got := srv.moduleHits(); got != "plain 0, gz 1" {
		t.Errorf("requests: %s, want plain 0, gz 1", got)
	}
	want := loadInfo{URL: "/widgets.wasm.gz", Transport: "gzip", Inflated: false, Streaming: true}
	if got := tb.loadInfo(); got != want {
		t.Errorf("widgetStats().load = %+v, want %+v", got, want)
	}
	tb.checkWidget()
}

// BenchmarkLoad measures GoCycle.load in headless Chromium, from the call
// to the resolution of its promise, for the plain module and for its gzip
// copy (inflated in the page), over 127.0.0.1, in a new tab each, the two
// alternating. It reports the median of each, in milliseconds (ns/op is
// the time of a pair, tabs included). Run it with
//
//	GOCYCLE_REQUIRE_BROWSER=1 go test -run '^$' -bench BenchmarkLoad -benchtime 5x ./examples/odoo-widget/browsertest
func BenchmarkLoad(b *testing.B) {
	srv := newGzServer(b, "file")
	var plain, gzipped []float64
	for range b.N {
		plain = append(plain, loadTime(b, srv.URL+"/runtime.html", "plain"))
		gzipped = append(gzipped, loadTime(b, srv.URL+"/runtime.html?gz=/widgets.wasm.gz", "gzip"))
	}
	b.ReportMetric(median(plain), "plain-ms")
	b.ReportMetric(median(gzipped), "gzip-ms")
	b.Logf("N=%d plain %.0f ms; gzip %.0f ms", b.N, plain, gzipped)
}

// loadTime opens url in a new tab and returns its window.loadMs, after
// checking that the module came by transport.
func loadTime(b *testing.B, url, transport string) float64 {
	b.Helper()
	ctx, cancel := chromedp.NewContext(env.browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(url),
		chromedp.Poll[chromedp.Void](`window.testReady === true || window.testStartError !== undefined`, chromedp.WithPollingInterval(5*time.Millisecond))); err != nil {
		b.Fatal(err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`[window.testStartError || "", GoCycle.widgetStats().load.transport, window.loadMs]`))
	if err != nil {
		b.Fatal(err)
	}
	if r[0] != "" || r[1] != transport {
		b.Fatalf("%s: start error %q, transport %v, want %s", url, r[0], r[1], transport)
	}
	return r[2].(float64)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
