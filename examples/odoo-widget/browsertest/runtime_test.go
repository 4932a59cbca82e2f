//go:build !(js && wasm)

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// runtimePage loads gocycle.js and the module (?wasm= picks its URL) and
// gives the tests T, a few helpers to mount widgets and record what they
// send.
const runtimePage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>gocycle widget runtime test</title></head>
<body>
<div id="host"></div>
<script>
window.jsErrors = [];
addEventListener("error", (e) => jsErrors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => jsErrors.push("unhandled rejection: " + e.reason));
</script>
<script src="/gocycle.js"></script>
<script src="/wasm_exec.js"></script>
<script>
const WASM = new URLSearchParams(location.search).get("wasm") || "/widgets.wasm";
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
GoCycle.load(WASM).then((r) => { window.names = r.names; window.testReady = true; },
  (e) => { window.testStartError = String(e); });
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
	if got := tb.str(`document.querySelector("#w0 output").textContent`); got != "3 ft, 3 in" {
		t.Errorf("widget 0 (100 cm, en_US) reads %q, want 3 ft, 3 in", got)
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
	if got := tb.str(`document.querySelector("#w0 output").textContent`); got != "5 ft, 9 in" {
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
	tb.wait(`Array.from({length: 49}, (_, i) => document.querySelector("#w" + i + " output").textContent).every((t) => t === "6 ft, 7 in")`)
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
		output  string // the read-out
		empty   bool
		errWant string // in the errors reported, "" for none
	}{
		{`{value: false, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, ""},
		{`{value: null, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, ""},
		{`{unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, ""},
		{`{value: NaN, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, `"NaN"`},
		{`{value: "120", unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "120 cm", false, "not a string"},
		{`{value: "tall", unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "50 cm", true, `"tall"`},
		{`{value: 300, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250}`, "250 cm", false, "shown as 250"},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", min: 50, max: 250, colour: "red"}`, "120 cm", false, `"colour"`},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", min: 300, max: 250}`, "100 cm", false, "at least min"},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", min: Infinity, max: 250}`, "120 cm", false, `"Infinity"`},
		{`{value: 120, unit: "furlongs", min: 50, max: 250}`, "", false, "CLDR unit"},
		{`{value: 120, unit: "centimeter", display_unit: "centimeter", readonly: "no"}`, "100 cm", false, "true or false"},
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
			if got := tb.str(`document.querySelector("` + sel + ` [role=alert]")?.textContent || ""`); !strings.Contains(got, "no unit") {
				t.Errorf("%s: the widget shows %q, want a message about the unit", c.props, got)
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
