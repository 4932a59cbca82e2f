//go:build !(js && wasm)

package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domdebugger"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/gocycle/gocycle/internal/browsertest"
)

// The environment every test shares: the app built once, one server and
// one browser per test binary. Each test gets a tab of its own.
var env struct {
	once     sync.Once
	err      error // why the environment could not be set up
	dir      string
	url      string
	server   *httptest.Server
	browser  context.Context
	shutdown func()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if env.shutdown != nil {
		done := make(chan struct{})
		go func() {
			env.shutdown()
			close(done)
		}()
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

// setup returns the shared browser context and the server's URL, setting
// them up the first time. Without a browser the test is skipped, or fails
// when GOCYCLE_REQUIRE_BROWSER=1.
func setup(t *testing.T) (context.Context, string) {
	t.Helper()
	path := browsertest.Chromium(t)
	env.once.Do(func() { env.err = start(path) })
	if env.err != nil {
		t.Fatal(env.err)
	}
	return env.browser, env.url
}

// start builds the test app, serves it and starts the browser.
func start(browser string) error {
	begin := time.Now()
	dir, err := os.MkdirTemp("", "gocycle-browsertest-")
	if err != nil {
		return err
	}
	env.dir = dir
	if err := browsertest.BuildWasm(filepath.Join(dir, "app.wasm"), "./testapp"); err != nil {
		return err
	}
	files, err := browsertest.AppFiles(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return err
	}
	env.server = httptest.NewServer(browsertest.Files(files, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
			return
		}
		http.NotFound(w, r)
	}))
	env.url = env.server.URL

	ctx, cancel := browsertest.NewBrowser(browser, filepath.Join(dir, "profile"))
	env.shutdown = func() {
		cancel()
		env.server.Close()
	}
	// Start the browser now, so that its start-up is not counted in the
	// first test's timeouts.
	if err := browsertest.StartBrowser(ctx, browser); err != nil {
		return err
	}
	env.browser = ctx
	fmt.Fprintf(os.Stderr, "browsertest: built testapp and started %s in %v\n", browser, time.Since(begin).Round(time.Millisecond))
	return nil
}

// page runs the test app: ?app=scenario&container=selector.
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>gocycle browser test</title></head>
<body>
<div id="app">loading…</div>
<script>window.jsErrors = []; addEventListener("error", (e) => jsErrors.push(String(e.message)));</script>
<script src="/gocycle.js"></script>
<script src="/wasm_exec.js"></script>
<script>
  const params = new URLSearchParams(location.search);
  const go = new Go();
  go.argv = ["testapp", params.get("app") || "", params.get("container") || "#app"];
  WebAssembly.instantiateStreaming(fetch("/app.wasm"), go.importObject)
    .then((r) => go.run(r.instance))
    .catch((e) => { window.testStartError = "loading the wasm: " + e; });
</script>
</body>
</html>
`

// tab is one test's page.
type tab struct {
	t   *testing.T
	ctx context.Context

	mu         sync.Mutex
	exceptions []string
	console    []string
}

// load opens a tab on the app and waits until it has started or failed to.
func load(t *testing.T, app, container string) *tab {
	t.Helper()
	browser, url := setup(t)
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(cancelTimeout)
	tb := &tab{t: t, ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
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
			// Logged at the end of the test: t.Log must not be called
			// once the test is over, and this runs until the tab closes.
			line := fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " "))
			tb.mu.Lock()
			tb.console = append(tb.console, line)
			tb.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, l := range tb.console {
			t.Log(l)
		}
	})
	u := url + "/?app=" + app
	if container != "" {
		u += "&container=" + container
	}
	tb.run(chromedp.Navigate(u))
	tb.wait(`window.testReady === true || window.testStartError !== undefined`)
	return tb
}

// open is load for an app that must start; at the end of the test it
// checks that neither the app nor the page reported an error.
func open(t *testing.T, app string) *tab {
	t.Helper()
	tb := load(t, app, "")
	if msg := tb.eval(`window.testStartError || ""`); msg != "" {
		t.Fatalf("the app did not start: %v", msg)
	}
	t.Cleanup(tb.checkErrors)
	return tb
}

func (tb *tab) checkErrors() {
	tb.t.Helper()
	if errs := tb.eval(`(window.testErrors || []).concat(window.jsErrors).join("\n")`); errs != "" {
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

// eval evaluates a JavaScript expression, awaiting it if it is a
// promise.
func (tb *tab) eval(expr string) any {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// num evaluates an expression whose value is a number.
func (tb *tab) num(expr string) float64 {
	tb.t.Helper()
	f, ok := tb.eval(expr).(float64)
	if !ok {
		tb.t.Fatalf("%s is not a number", expr)
	}
	return f
}

// str evaluates an expression whose value is a string.
func (tb *tab) str(expr string) string {
	tb.t.Helper()
	s, ok := tb.eval(expr).(string)
	if !ok {
		tb.t.Fatalf("%s is not a string", expr)
	}
	return s
}

// wait polls a JavaScript expression until it is true.
func (tb *tab) wait(expr string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

func (tb *tab) click(sel string) {
	tb.t.Helper()
	tb.run(chromedp.Click(chromedp.CSS(sel)))
}

// frames waits until the page has rendered two animation frames, so that
// a frame the app requested has been applied.
func (tb *tab) frames() {
	tb.t.Helper()
	tb.eval(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

const handle = `GoCycle.dom.handleOf(document.querySelector("#app"))`

// containerListeners asks the DevTools protocol, not the runtime, for the
// event listeners on the container, by type.
func (tb *tab) containerListeners() []string {
	tb.t.Helper()
	return tb.listenersOf(`document.querySelector("#app")`)
}

// listenersOf returns the types of the event listeners on the object that
// a JavaScript expression gives, sorted, as the DevTools protocol sees them.
func (tb *tab) listenersOf(expr string) []string {
	tb.t.Helper()
	var types []string
	tb.run(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		obj, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{Expression: expr})
		if err != nil {
			return err
		}
		if obj.ExceptionDetails != nil {
			return &chromedp.ExceptionError{ExceptionDetails: obj.ExceptionDetails}
		}
		id := obj.Result.ObjectID
		defer cdp.Call(ctx, t, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: id})
		ls, err := cdp.Call(ctx, t, domdebugger.GetEventListeners, domdebugger.GetEventListenersParams{ObjectID: id})
		if err != nil {
			return err
		}
		for _, l := range ls.Listeners {
			types = append(types, l.Type)
		}
		return nil
	}))
	slices.Sort(types)
	return types
}

// (a) Keyed children that move are moved: the elements keep their
// identity (and so their expandos, focus and state in the page).
func TestKeyedReorderKeepsElements(t *testing.T) {
	tb := open(t, "reorder")
	tb.wait(`document.querySelectorAll("#list li").length === 5`)
	tb.eval(`window.before = [...document.querySelectorAll("#list li")];
		before.forEach((li) => { li.gocycleTag = "tag-" + li.textContent; }); true`)
	order := `[...document.querySelectorAll("#list li")].map((li) => li.textContent + ":" + li.gocycleTag + ":" + before.indexOf(li)).join(" ")`

	tb.click("#reverse")
	tb.wait(`document.querySelector("#list li").textContent === "e"`)
	if got, want := tb.str(order), "e:tag-e:4 d:tag-d:3 c:tag-c:2 b:tag-b:1 a:tag-a:0"; got != want {
		t.Errorf("after reverse: %s, want %s", got, want)
	}
	tb.click("#rotate")
	tb.wait(`document.querySelector("#list li").textContent === "d"`)
	if got, want := tb.str(order), "d:tag-d:3 c:tag-c:2 b:tag-b:1 a:tag-a:0 e:tag-e:4"; got != want {
		t.Errorf("after rotate: %s, want %s", got, want)
	}
}

// (b) An input that the app re-renders on every keystroke keeps its
// focus, its caret and its identity.
func TestInputKeepsFocusAndCaret(t *testing.T) {
	tb := open(t, "typing")
	tb.wait(`document.querySelector("#name") !== null`)
	tb.eval(`window.input = document.querySelector("#name"); true`)
	tb.run(chromedp.SendKeys(chromedp.CSS("#name"), "hello"))
	tb.wait(`document.querySelector("#echo").textContent === "hello"`)
	state := `[document.activeElement === input, input.value, input.selectionStart, input.dataset.len, input.className,
		document.querySelector("#name") === input].join(" ")`
	if got, want := tb.str(state), "true hello 5 5 long true"; got != want {
		t.Errorf("after typing: %s, want %s", got, want)
	}
	// Type in the middle: the re-render must not move the caret to the end.
	tb.eval(`input.setSelectionRange(2, 2); true`)
	tb.run(chromedp.KeyEvent("X"))
	tb.wait(`document.querySelector("#echo").textContent === "heXllo"`)
	if got, want := tb.str(state), "true heXllo 3 6 long true"; got != want {
		t.Errorf("after typing in the middle: %s, want %s", got, want)
	}
}

// (c) Delegated events respect isolation, both ways.
func TestIsolatedCountersCountOnlyTheirClicks(t *testing.T) {
	tb := open(t, "isolation")
	tb.wait(`document.querySelectorAll(".counter").length === 2 && document.querySelector("#parent-seen").textContent !== "-1"`)
	if got := tb.str(`document.querySelector("#parent-seen").textContent`); got != "1" {
		t.Errorf(`the parent's Select(".btn").Elements() sees %s buttons, want only its own`, got)
	}
	if got := tb.str(`[...document.querySelectorAll("[data-cycle-scope]")].map((e) => e.dataset.cycleScope).join(" ")`); got != "left right" {
		t.Errorf("scopes in the page: %q", got)
	}
	counts := `["left", "right"].map((s) => document.querySelector('[data-cycle-scope="' + s + '"] .count').textContent)
		.concat(document.querySelector("#parent-count").textContent).join(" ")`
	tb.click(`[data-cycle-scope="left"] .btn`)
	tb.click(`[data-cycle-scope="left"] .btn`)
	tb.click(`[data-cycle-scope="right"] .btn`)
	tb.wait(`document.querySelector('[data-cycle-scope="right"] .count').textContent === "1"`)
	tb.frames()
	if got, want := tb.str(counts), "2 1 0"; got != want {
		t.Errorf("left, right, parent counted %s, want %s", got, want)
	}
	tb.click("#parent-btn")
	tb.wait(`document.querySelector("#parent-count").textContent === "1"`)
	tb.frames()
	if got, want := tb.str(counts), "2 1 1"; got != want {
		t.Errorf("after the parent's click, left, right, parent counted %s, want %s", got, want)
	}
}

// Nested isolation is total, as in Cycle.js, also when the outer
// component's view is its isolated child's (the same root element) or
// holds it in a Fragment beside elements of its own: a click inside the
// child reaches the child's listeners only, a click on the outer's own
// element the outer's only.
func TestNestedIsolationOnASharedRoot(t *testing.T) {
	tb := open(t, "nested")
	// What frag and shared see: clicks on their .btn, their .btn
	// elements, their root elements (frag: the counter's and its button).
	seen := `document.querySelector("#frag-seen").textContent + ", " + document.querySelector("#shared-seen").textContent`
	tb.wait(`document.querySelectorAll(".counter").length === 2 && !document.querySelector("#frag-seen").textContent.includes("-1")`)
	if got, want := tb.str(seen), "0 1 2, 0 0 1"; got != want {
		t.Errorf("frag, shared see %q, want %q", got, want)
	}
	marks := `["#frag .counter", "#shared .counter", "#outer-btn"].map((s) => document.querySelector(s).dataset.cycleScope).join(", ")`
	if got, want := tb.str(marks), "frag/inner frag, shared/inner shared, frag"; got != want {
		t.Errorf("scope marks: %q, want %q", got, want)
	}
	counts := `["#frag .count", "#shared .count"].map((s) => document.querySelector(s).textContent).join(" ") + ", " + ` + seen
	tb.click("#frag .counter .btn")
	tb.click("#frag .counter .btn")
	tb.click("#shared .counter .btn")
	// The outer's own button, last: its count is the sign that the
	// clicks before it have been handled.
	tb.click("#outer-btn")
	tb.wait(`!document.querySelector("#frag-seen").textContent.startsWith("0 ")`)
	tb.frames()
	if got, want := tb.str(counts), "2 1, 1 1 2, 0 0 1"; got != want {
		t.Errorf("frag's counter and shared's counter counted, frag and shared saw: %s, want %s", got, want)
	}
}

// (d) Listeners come and go with their streams, and dispose leaves no
// listener and no element behind.
func TestDisposeLeavesNothingBehind(t *testing.T) {
	tb := open(t, "dispose")
	tb.wait(`document.querySelector("#field") !== null`)
	want := []string{"click", "dblclick", "focus", "input", "wheel"}
	if got := tb.containerListeners(); !slices.Equal(got, want) {
		t.Errorf("listeners on the container: %v, want %v", got, want)
	}
	if n := tb.num(handle + `.listenerCount()`); n != 5 {
		t.Errorf("listenerCount() = %v, want 5", n)
	}
	// The dblclick stream takes one event: then its listener goes.
	tb.run(chromedp.DoubleClick(chromedp.CSS("#once")))
	tb.wait(handle + `.listenerCount() === 4`)
	if got, want := tb.containerListeners(), []string{"click", "focus", "input", "wheel"}; !slices.Equal(got, want) {
		t.Errorf("after the dblclick, listeners on the container: %v, want %v", got, want)
	}

	if got := tb.str(`testRemoved.join(" | ")`); got != "" {
		t.Errorf("Remove hooks before dispose: %s", got)
	}
	tb.eval(`window.h = ` + handle + `; testDispose(); true`)
	// The Remove hook of the view's root ran, while it was in the page.
	if got, want := tb.str(`testRemoved.join(" | ")`), "div connected=true children=3"; got != want {
		t.Errorf("Remove hooks on dispose: %q, want %q", got, want)
	}
	if got := tb.containerListeners(); len(got) != 0 {
		t.Errorf("after dispose, listeners on the container: %v", got)
	}
	if got := tb.str(`[h.listenerCount(), document.querySelector("#app").childNodes.length, ` + handle + ` === undefined].join(" ")`); got != "0 0 true" {
		t.Errorf("after dispose, listenerCount, children, handle gone: %s, want 0 0 true", got)
	}
	// Events after dispose reach nothing and break nothing.
	tb.eval(`document.querySelector("#app").click(); true`)

	// The runtime's dispose removes, by itself, the listeners still there.
	tb.eval(`window.extra = document.body.appendChild(document.createElement("div"));
		window.extraHandle = GoCycle.dom.mount(extra, () => {});
		extraHandle.listen(1, "click", "", [".x"], 0);
		extraHandle.listen(2, "click", "", ["p"], 0);
		extraHandle.listen(3, "click", "", ["p"], 1);
		extraHandle.listen(4, "focus", "", [], 0);
		extraHandle.unlisten(2); true`)
	if got, want := tb.listenersOf("extra"), []string{"click", "click", "focus"}; !slices.Equal(got, want) {
		t.Errorf("listeners of a handle: %v, want %v (one per type and phase)", got, want)
	}
	tb.eval(`extraHandle.dispose(); true`)
	if got := tb.listenersOf("extra"); len(got) != 0 || tb.num(`extraHandle.listenerCount()`) != 0 {
		t.Errorf("after the handle's dispose, listeners: %v", got)
	}
}

// (e) Many emissions in one frame make one patch, of a few crossings:
// those of one task (a click that emits 100 views), and those of many
// tasks in one turn of the page (50 clicks, 5,000 views).
func TestBurstMakesOnePatch(t *testing.T) {
	tb := open(t, "burst")
	tb.wait(`document.querySelector("#burst") !== null`)
	tb.frames()
	stats := func() (applies, frames, calls float64) {
		m, ok := tb.eval(`({applies: ` + handle + `.applyCount(), go: testStats()})`).(map[string]any)
		if !ok {
			t.Fatal("no stats")
		}
		g := m["go"].(map[string]any)
		return m["applies"].(float64), g["frames"].(float64), g["frameCalls"].(float64)
	}
	check := func(what string, trigger func(), sum string) {
		t.Helper()
		a0, f0, c0 := stats()
		trigger()
		tb.wait(`document.querySelector("#sum").textContent === "` + sum + `"`)
		tb.frames()
		a1, f1, c1 := stats()
		if a1-a0 != 1 || f1-f0 != 1 {
			t.Errorf("%s: %v applies (%v frames), want 1", what, a1-a0, f1-f0)
		}
		t.Logf("%s: %v Go→JS calls for the frame", what, c1-c0)
		if c1-c0 > 4 {
			t.Errorf("%s: the frame took %v Go→JS calls, want at most 4 (request the frame, copy, string table, apply)", what, c1-c0)
		}
	}
	check("one click", func() { tb.click("#burst") }, "5050")
	check("50 clicks in one turn", func() {
		tb.eval(`for (let i = 0; i < 50; i++) document.querySelector("#burst").click(); true`)
	}, "257550")
}

// Every kind of edit does what edits.go says, text is never parsed as
// HTML, and an unknown op is an error that names it.
func TestEveryEditApplies(t *testing.T) {
	tb := open(t, "ops")
	tb.wait(`document.querySelector("#root") !== null`)
	state := `(() => {
		const q = (s) => document.querySelector(s);
		const inp = q("#in"), st = q("#styled"), use = q("#use");
		return [
			"value=" + inp.value, "tabIndex=" + inp.tabIndex, "spellcheck=" + inp.spellcheck, "title=" + inp.getAttribute("title"),
			"class=" + st.className, "color=" + st.style.color, "x=" + st.style.getPropertyValue("--x"),
			"text=" + st.textContent, "elems=" + st.children.length,
			"raw=" + (q("#raw") && q("#raw").textContent),
			"svg=" + (q("#pic").namespaceURI === "http://www.w3.org/2000/svg" && q("#c").namespaceURI === q("#pic").namespaceURI),
			"href=" + use.getAttributeNS("http://www.w3.org/1999/xlink", "href"),
			"uni=" + q("#uni").textContent, "li=" + q("#list").children.length,
			"box=" + [q("#box").disabled, q("#box").checked, q("#box").gocycleX, "gocycleX" in q("#box")].join(","),
			"div=" + [q("#focusable").tabIndex, JSON.stringify(q("#focusable").title), q("#focusable").hidden].join(","),
			"cls=" + [...q("#cls").classList].sort().join(" ") + ";" + ["margin", "color", "width"].map((p) => q("#cls").style.getPropertyValue(p)).join(","),
		].join(" | ");
	})()`
	on := "value=hello | tabIndex=3 | spellcheck=false | title=t | class=on | color=red | x=1 | text=<b>not bold</b> | elems=0 | " +
		"raw=raw | svg=true | href=#c | uni=héllo 😀 wörld | li=3 | box=true,true,x,true | div=2,\"tip\",true | cls=gone on x;1px,red,1px"
	if got := tb.str(state); got != on {
		t.Errorf("first view:\n got %s\nwant %s", got, on)
	}
	tb.click("#toggle")
	tb.wait(`document.querySelector("#uni").textContent === "ünï 😀"`)
	off := "value= | tabIndex=4 | spellcheck=true | title=null | class= | color= | x= | text=changed | elems=0 | " +
		"raw=raw2 | svg=true | href=null | uni=ünï 😀 | li=0 | box=false,false,,false | div=-1,\"\",false | cls=on y;2px,red,"
	if got := tb.str(state); got != off {
		t.Errorf("second view:\n got %s\nwant %s", got, off)
	}
	tb.click("#toggle")
	tb.wait(`document.querySelector("#uni").textContent === "héllo 😀 wörld"`)
	if got := tb.str(state); got != on {
		t.Errorf("first view again:\n got %s\nwant %s", got, on)
	}

	msg := tb.str(`(() => {
		const h = GoCycle.dom.mount(document.createElement("div"), () => {});
		try { h.apply(new Uint8Array(new Uint32Array([1, 0, 99]).buffer), 12, ""); return "no error"; }
		catch (e) { return String(e.message); } finally { h.dispose(); }
	})()`)
	if !strings.Contains(msg, "unknown edit list op 99") {
		t.Errorf("an unknown op gave %q", msg)
	}
	msg = tb.str(`(() => { try { GoCycle.dom.mount(document.querySelector("#app"), () => {}); return "no error"; } catch (e) { return e.message; } })()`)
	if !strings.Contains(msg, "already shows a gocycle app") {
		t.Errorf("mounting a mounted container gave %q", msg)
	}
}

// The runtime sets the classes of an element it has just created at once,
// and the result is what the ops say one after the other: classes after
// a class attribute are added to it, a class given twice is there once,
// a class turned off is not there, SVG elements get theirs too.
func TestClassesOfCreatedElements(t *testing.T) {
	tb := open(t, "ops")
	tb.wait(`document.querySelector("#root") !== null`)
	got := tb.str(`(() => {
		const strs = [];
		const s = (x) => { let i = strs.indexOf(x); if (i < 0) { i = strs.push(x) - 1; } return i; };
		const NONE = 0xffffffff, CREATE = 1, ATTR = 6, CLASS = 12, APPEND = 15;
		const ops = [
			CREATE, 1, s("p"), NONE, CLASS, 1, s("a"), 1, CLASS, 1, s("b"), 1, CLASS, 1, s("a"), 1, APPEND, 0, 1,
			CREATE, 2, s("div"), NONE, ATTR, 2, s("class"), s("x"), CLASS, 2, s("a"), 1, APPEND, 0, 2,
			CREATE, 3, s("circle"), s("http://www.w3.org/2000/svg"), CLASS, 3, s("c"), 1, ATTR, 3, s("r"), s("1"), CLASS, 3, s("d"), 1, APPEND, 0, 3,
			CREATE, 4, s("span"), NONE, CLASS, 4, s("a"), 1, ATTR, 4, s("class"), s("y"), CLASS, 4, s("b"), 1, APPEND, 0, 4,
			CREATE, 5, s("i"), NONE, CLASS, 5, s("a"), 0, CLASS, 5, s("b"), 1, CLASS, 5, s("b"), 0, APPEND, 0, 5,
			CREATE, 6, s("b"), NONE, CLASS, 6, s("a"), 1, APPEND, 0, 6, CLASS, 6, s("z"), 1,
		];
		const ends = [];
		let n = 0;
		for (const x of strs) { n += x.length; ends.push(n); }
		const w = new Uint32Array([ops.length, strs.length, ...ops, ...ends]);
		const c = document.createElement("div");
		const h = GoCycle.dom.mount(c, () => {});
		h.apply(new Uint8Array(w.buffer), w.byteLength, strs.join(""));
		const out = Array.from(c.children, (e) => e.localName + "=" + e.getAttribute("class") +
			(e.namespaceURI === "http://www.w3.org/2000/svg" ? ":svg:r" + e.getAttribute("r") : "")).join(" ");
		h.dispose();
		return out;
	})()`)
	want := "p=a b div=x a circle=c d:svg:r1 span=y b i= b=a z"
	if got != want {
		t.Errorf("classes:\n got %s\nwant %s", got, want)
	}
}

// Events carry their fields, selector chains and delegation follow the
// DOM's rules for bubbling, capture, preventDefault and stopPropagation.
func TestEventsAreDelegatedAndEncoded(t *testing.T) {
	tb := open(t, "events")
	tb.wait(`document.querySelector("#log") !== null`)
	logLines := func() []string {
		s := tb.str(`document.querySelector("#log").textContent`)
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	expect := func(what string, n int, want ...string) {
		t.Helper()
		tb.wait(fmt.Sprintf(`document.querySelector("#log").textContent.split("\n").length >= %d`, n))
		tb.frames()
		got := logLines()
		if len(got) != n {
			t.Errorf("%s: the log has %d lines, want %d:\n%s", what, len(got), n, strings.Join(got, "\n"))
			return
		}
		for _, w := range want {
			if !slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, w) }) {
				t.Errorf("%s: no line starts with %q in\n%s", what, w, strings.Join(got, "\n"))
			}
		}
	}

	tb.eval(`(() => { const r = document.querySelector("#range"); r.value = "7"; r.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	expect("range", 1, `range input value="7" number=7 checked=false key="" code="" alt=false ctrl=false meta=false shift=false tag=input ds=[]`)

	tb.click("#check")
	expect("checkbox", 2, `check change value="on" number=NaN checked=true`)

	tb.eval(`document.querySelector("#keys").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", code: "NumpadEnter", ctrlKey: true, shiftKey: true, bubbles: true})); true`)
	expect("keydown", 3, `key keydown value="" number=NaN checked=false key="Enter" code="NumpadEnter" alt=false ctrl=true meta=false shift=true tag=input`)

	// focus does not bubble: .form's focus listener must not hear its
	// input's focus, but a capturing one and a focusin one must.
	tb.run(chromedp.Focus(chromedp.CSS("#keys")))
	expect("focus", 6, "focus focus", "formfocusin focusin", "formcapture focus")

	tb.click("#row7")
	expect("row", 7, `row click value="" number=NaN checked=false key="" code="" alt=false ctrl=false meta=false shift=false tag=span ds=[label="a\x1fb" rowId="7"]`)

	tb.click("#link")
	expect("link", 8, "link click")
	if h := tb.str(`location.hash`); h != "" {
		t.Errorf("PreventDefault did not prevent the link: location.hash = %q", h)
	}

	tb.click(".inner")
	expect("stopPropagation", 9, "inner click")
	tb.click("#outer-only")
	expect("bubbling to .outer", 10, "outer click")
	if lines := logLines(); len(lines) == 10 && !strings.HasPrefix(lines[8], "inner") {
		t.Errorf("line 9 is %q, want the inner click (the outer listener must not hear it)", lines[8])
	}
}

// A container that is not in the page is a start-up error that says what
// to do.
func TestMissingContainerIsAStartError(t *testing.T) {
	tb := load(t, "reorder", "%23nope")
	msg := tb.str(`window.testStartError || ""`)
	if !strings.Contains(msg, `no element matches the selector "#nope"`) || !strings.Contains(msg, "add the element to the page") {
		t.Errorf("start error: %q", msg)
	}
	if n := tb.num(`document.querySelector("#app").childNodes.length`); n != 1 {
		t.Errorf("the page's #app was touched: %v children", n)
	}
}

// A frame that makes the browser throw half-way is reported, and breaks
// no later frame: the container is emptied and the view rendered again
// from scratch.
func TestFailedFrameRecovers(t *testing.T) {
	tb := open(t, "recover")
	tb.wait(`document.querySelector("#step") !== null`)
	page := `document.querySelector("#app").innerHTML`
	if got, want := tb.str(page), `<div id="root"><p id="step">0</p><ul id="list"><li>a</li><li>b</li><li>c</li></ul></div>`; got != want {
		t.Fatalf("first view: %s", got)
	}
	errs := `testErrors.splice(0).join("\n")`

	// Setting tagName throws: the frame fails, and so does the view
	// from scratch; the container is left empty.
	tb.eval(`document.querySelector("#app").click(); true`)
	tb.wait(`testErrors.length >= 2`)
	tb.frames()
	if got := tb.str(errs); strings.Count(got, "tagName") != 2 {
		t.Errorf("errors: %q, want two that name tagName", got)
	}
	if got := tb.str(page); got != "" {
		t.Errorf("after the failed view: %s, want an empty container", got)
	}

	// setAttribute throws once: the frame fails half-way, and the view
	// from scratch shows all of it.
	tb.eval(`window.failOnce = true;
		const setAttribute = Element.prototype.setAttribute;
		Element.prototype.setAttribute = function (n, v) {
			if (n === "data-boom" && failOnce) { failOnce = false; throw new Error("boom"); }
			return setAttribute.call(this, n, v);
		};
		document.querySelector("#app").click(); true`)
	tb.wait(`document.querySelector("#step") !== null && document.querySelector("#step").textContent === "2"`)
	tb.frames()
	if got := tb.str(errs); !strings.Contains(got, "boom") {
		t.Errorf("errors: %q, want the boom", got)
	}
	want := `<div id="root"><p id="step">2</p><ul id="list"><li>b</li><li>d</li></ul><span data-boom="1"></span><p id="after">after</p></div>`
	if got := tb.str(page); got != want {
		t.Errorf("after the failed frame:\n got %s\nwant %s", got, want)
	}
	tb.eval(`window.b = document.querySelector("#list li"); document.querySelector("#app").click(); true`)
	tb.wait(`document.querySelector("#step").textContent === "3"`)
	want = `<div id="root"><p id="step">3</p><ul id="list"><li>d</li><li>b</li><li>e</li></ul></div>`
	if got := tb.str(page); got != want {
		t.Errorf("the next view:\n got %s\nwant %s", got, want)
	}
	if !tb.eval(`document.querySelectorAll("#list li")[1] === b`).(bool) {
		t.Errorf("the keyed li b was made again: the diff is out of step with the page")
	}
	if got := tb.str(errs); got != "" {
		t.Errorf("errors of the next view: %s", got)
	}
}

// A selector the browser does not accept fails the Events stream, where
// the app can handle the error, rather than only reaching the error hook.
func TestInvalidSelectorFailsTheEventsStream(t *testing.T) {
	tb := open(t, "selector")
	tb.wait(`document.querySelector("#msg") !== null && document.querySelector("#msg").textContent !== "none"`)
	if got := tb.str(`document.querySelector("#msg").textContent`); !strings.HasPrefix(got, "error: ") || !strings.Contains(got, "p:::x") {
		t.Errorf("the stream gave %q, want its error, naming the selector", got)
	}
	// Handled by the app: the error hook (checked by open) has nothing.
}
