//go:build !(js && wasm)

package browsertest

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// placeholderPage mounts a quantity slider into #a (empty) and #b (which
// holds the host's own text) right away, before the module at ?wasm= has
// loaded, with options.placeholder.height = ?h=; window.results says how
// each mount ended.
const placeholderPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>gocycle placeholder test</title></head>
<body>
<div id="a"></div>
<div id="b"><span class="host-own">loading (the host's text)</span></div>
` + runtimeScripts + `<script>
const Q = new URLSearchParams(location.search);
window.results = {};
GoCycle.load(Q.get("wasm")).catch(() => {});
for (const id of ["a", "b"]) {
  GoCycle.mount(document.getElementById(id), "quantity-slider",
    { value: 150, unit: "centimeter", usage: "person-height", min: 50, max: 250, lang: "en_US" }, () => {},
    { placeholder: { height: Q.get("h") } })
    .then(() => { results[id] = "mounted"; }, (e) => { results[id] = "rejected: " + e.message; });
}
window.testReady = true;
</script>
</body>
</html>
`

var gates = struct {
	sync.Mutex
	m map[string]chan struct{}
}{m: map[string]chan struct{}{}}

// gate returns the channel that /held/widgets.wasm?key= waits on.
func gate(key string) chan struct{} {
	gates.Lock()
	defer gates.Unlock()
	g := gates.m[key]
	if g == nil {
		g = make(chan struct{})
		gates.m[key] = g
	}
	return g
}

// TestPlaceholderKeepsTheWidgetsPlaceWhileTheModuleLoads: an empty element
// shows a placeholder of the size the host gave while the module loads,
// an element with the host's own content keeps it, and when the widget
// appears nothing moves: the host gave the placeholder the slider's own
// height, measured on a page where the module had loaded.
func TestPlaceholderKeepsTheWidgetsPlaceWhileTheModuleLoads(t *testing.T) {
	ref := openRuntime(t, "")
	ref.eval(`T.mount(0, "quantity-slider", ` + quantityProps("150") + `)`)
	ref.frames()
	height := ref.num(`document.getElementById("w0").getBoundingClientRect().height`)
	if height < 10 {
		t.Fatalf("the slider is %v px high: the reference measurement failed", height)
	}
	h := strconv.FormatFloat(height, 'f', -1, 64) + "px"

	key := t.Name()
	q := url.Values{"wasm": {"/held/widgets.wasm?key=" + key}, "h": {h}}
	tb := openTab(t, "/placeholder.html?"+q.Encode(), `window.testReady === true`)
	t.Cleanup(tb.checkExceptions)
	tb.wait(`document.querySelector("#a .gocycle-placeholder")`)
	if got := tb.str(`(() => { const p = document.querySelector("#a .gocycle-placeholder"); return [p.getAttribute("role"), p.getAttribute("aria-busy"), p.getAttribute("data-widget")].join(" "); })()`); got != "status true quantity-slider" {
		t.Errorf("the placeholder's role, aria-busy and data-widget are %q, want \"status true quantity-slider\"", got)
	}
	before := tb.num(`document.getElementById("a").getBoundingClientRect().height`)
	if before != height {
		t.Errorf("while the module loads, the element is %v px high, want the placeholder's %v", before, height)
	}
	if got := tb.str(`document.getElementById("b").innerHTML`); !strings.Contains(got, "host-own") || strings.Contains(got, "gocycle-placeholder") {
		t.Errorf("the element with the host's own content holds %q, want that content and no placeholder", got)
	}
	if got := tb.eval(`JSON.stringify(results)`); got != "{}" {
		t.Fatalf("before the module came, the mounts ended: %v", got)
	}

	close(gate(key))
	tb.wait(`results.a === "mounted" && document.querySelector("#a input[type=range]")`)
	tb.frames()
	if got := tb.num(`document.querySelectorAll(".gocycle-placeholder").length`); got != 0 {
		t.Errorf("%v placeholders are left after the widgets appeared", got)
	}
	if after := tb.num(`document.getElementById("a").getBoundingClientRect().height`); after != before {
		t.Errorf("the element went from %v px high with its placeholder to %v px with the widget: a layout shift", before, after)
	}
	if got := tb.eval(`results.b`); got != "mounted" {
		t.Errorf("the mount into the host's element ended %v, want mounted", got)
	}
}

// TestAModuleThatCannotLoadShowsWhyInEachWidgetsPlace: a 404 for the
// module puts, where each widget was to be, an error that names the URL
// and the status, and rejects each mount.
func TestAModuleThatCannotLoadShowsWhyInEachWidgetsPlace(t *testing.T) {
	tb := openTab(t, "/placeholder.html?"+url.Values{"wasm": {"/missing.wasm"}, "h": {"40px"}}.Encode(), `window.testReady === true`)
	t.Cleanup(tb.checkExceptions)
	tb.wait(`results.a !== undefined && results.b !== undefined`)
	for _, id := range []string{"a", "b"} {
		if got := tb.str(`results.` + id); !strings.Contains(got, "rejected") || !strings.Contains(got, "/missing.wasm: HTTP 404") {
			t.Errorf("the mount into #%s ended %q, want a rejection naming the URL and HTTP 404", id, got)
		}
		box := tb.str(`(() => { const e = document.querySelector("#` + id + ` .gocycle-error"); return e ? e.getAttribute("role") + ": " + e.textContent : "no error box: " + document.getElementById("` + id + `").innerHTML; })()`)
		want := "alert: The widget quantity-slider could not be loaded: GoCycle.load: /missing.wasm: HTTP 404"
		if box != want {
			t.Errorf("#%s shows %q, want %q", id, box, want)
		}
	}
	if got := tb.num(`document.querySelectorAll(".gocycle-placeholder, .host-own").length`); got != 0 {
		t.Errorf("%v placeholders or host texts are left beside the errors", got)
	}
}
