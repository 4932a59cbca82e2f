//go:build !(js && wasm)

package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// harnessErr is why the OWL harness could not be built; the OWL tests
// skip (or fail) with it, the runtime's tests go on.
var harnessErr error

// WASMVersion is the content hash of a widgets.wasm, as `make odoo-addon`
// writes it into static/src/wasm_version.js.
func wasmVersion(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:16], nil
}

// buildHarness bundles harness/harness.js, with the addon's component as
// it is and the stand-ins of the @web modules, with the pinned esbuild of
// harness/node_modules, and serves the addon's static files as Odoo does.
func buildHarness(ctx context.Context, dir string) error {
	esbuild, err := filepath.Abs("../harness/node_modules/.bin/esbuild")
	if err != nil {
		return err
	}
	if _, err := os.Stat(esbuild); err != nil {
		harnessErr = fmt.Errorf("the OWL harness needs the npm packages of examples/odoo-widget/harness: run `make odoo-harness` (npm ci): %v", err)
		return nil
	}
	version, err := wasmVersion(env.files["/widgets.wasm"])
	if err != nil {
		return err
	}
	versionJS := filepath.Join(dir, "wasm_version.js")
	if err := os.WriteFile(versionJS, []byte("export const WASM_VERSION = \""+version+"\";\n"), 0o644); err != nil {
		return err
	}
	bundle := filepath.Join(dir, "bundle.js")
	cmd := exec.CommandContext(ctx, esbuild, "harness.js", "--bundle", "--format=esm", "--log-level=warning",
		"--outfile="+bundle,
		"--alias:@odoo/owl=./node_modules/@odoo/owl/dist/owl.es.js",
		"--alias:@web/core/registry=./stubs/registry.js",
		"--alias:@web/core/l10n/translation=./stubs/translation.js",
		"--alias:@web/views/fields/standard_field_props=./stubs/standard_field_props.js",
		"--alias:@web/core/assets=./stubs/assets.js",
		"--alias:@web/core/utils/hooks=./stubs/hooks.js",
		"--alias:@web/model/relational_model/utils=./stubs/relational_model_utils.js",
		"--alias:@gocycle_widgets/wasm_version="+versionJS,
	)
	cmd.Dir = "../harness"
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("bundling the OWL harness with esbuild: %v\n%s", err, out)
	}
	html, err := filepath.Abs("../harness/harness.html")
	if err != nil {
		return err
	}
	env.files["/owl/harness.html"] = html
	env.files["/owl/bundle.js"] = bundle
	env.files["/gocycle_widgets/static/lib/wasm_exec.js"] = env.files["/wasm_exec.js"]
	env.files["/gocycle_widgets/static/lib/gocycle.js"] = env.files["/gocycle.js"]
	env.files["/gocycle_widgets/static/wasm/widgets.wasm"] = env.files["/widgets.wasm"]
	// The component loads the gzip copy, as make odoo-addon ships it.
	gz := filepath.Join(dir, "widgets.wasm.gz")
	if err := gzipFile(env.files["/widgets.wasm"], gz); err != nil {
		return err
	}
	env.files["/gocycle_widgets/static/wasm/widgets.wasm.gz"] = gz
	env.version = version
	return nil
}

// gzipFile writes a gzip copy of src to dst.
func gzipFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}

// openForm opens the harness with the query's settings (n: copies of the
// height field; lang: the user's language) and waits for every widget.
func openForm(t *testing.T, query string, widgets int) *tab {
	t.Helper()
	setup(t)
	if harnessErr != nil {
		skipOrFail(t, harnessErr.Error())
	}
	tb := openTab(t, "/owl/harness.html"+query, `window.harnessReady === true`)
	t.Cleanup(tb.checkExceptions)
	tb.wait(fmt.Sprintf(`document.querySelectorAll(".o_form_view input[type=range]").length === %d`, widgets))
	return tb
}

const heightOut = `document.querySelector("#field_h0 output").textContent`

func TestOWLFieldShowsAndWritesTheRecord(t *testing.T) {
	tb := openForm(t, "?lang=en_US", 2)
	// The stored value reads out exactly, with the precision of the
	// field's digits (0.01 cm is 0.004 in); the thumb is on the nearest
	// step (69 in).
	if got := tb.str(heightOut); got != "5 ft, 8.898 in" {
		t.Errorf("175 cm for en_US shows %q, want 5 ft, 8.898 in", got)
	}
	if got := tb.str(`document.querySelector("#field_h0 input[type=range]").getAttribute("aria-valuenow")`); got != "69" {
		t.Errorf("175 cm puts the thumb on %s in, want 69", got)
	}
	if got := tb.str(`document.querySelector("#field_w0 output").textContent`); got != "154.32 lb" {
		t.Errorf("70 kg for en_US shows %q, want 154.32 lb", got)
	}
	// The wasm URL carries the content hash; each script is loaded once,
	// and the module as its gzip copy only.
	if got := tb.str(`performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.includes("/gocycle_widgets/static/")).map((n) => new URL(n).pathname + new URL(n).search).sort().join(" ")`); got !=
		fmt.Sprintf("/gocycle_widgets/static/lib/gocycle.js?v=%[1]s /gocycle_widgets/static/lib/wasm_exec.js?v=%[1]s /gocycle_widgets/static/wasm/widgets.wasm.gz?v=%[1]s", env.version) {
		t.Errorf("the static files fetched: %s", got)
	}
	// The keyboard: focus the height slider and press the right arrow.
	tb.run(chromedp.Focus(chromedp.CSS("#field_h0 input[type=range]")), chromedp.KeyEvent(kb.ArrowRight))
	tb.wait(`harness.updates.length === 1`)
	// The step, 1 cm, is half an inch in inches: 69 in becomes 69.5 in.
	if got := tb.str(`JSON.stringify(harness.updates[0])`); got != `{"height_cm":176.53}` {
		t.Errorf("half an inch up wrote %s, want {\"height_cm\":176.53} (69.5 in, in cm)", got)
	}
	if got := tb.num(`harness.record.data.height_cm`); got != 176.53 {
		t.Errorf("the record holds %v", got)
	}
	// A change from outside (an onchange, another user) shows.
	tb.eval(`harness.record.data.height_cm = 200, true`)
	tb.wait(heightOut + ` === "6 ft, 6.74 in"`)
	if n := tb.num(`harness.updates.length`); n != 1 {
		t.Errorf("a change from outside was written back: %v updates", n)
	}
	// Readonly disables it, and back.
	tb.eval(`harness.setReadonly(true), true`)
	tb.wait(`document.querySelector("#field_h0 input[type=range]").disabled === true`)
	tb.eval(`harness.setReadonly(false), true`)
	tb.wait(`document.querySelector("#field_h0 input[type=range]").disabled === false`)
	// Another language, as Odoo switches it: the page loads again with
	// the user's new language. Labels and units change, the value
	// (written above) does not, and nothing is written.
	// The labels are the form's (Odoo translates them); the widget
	// speaks the language.
	es := openForm(t, "?lang=es_ES", 2)
	if got := es.str(`document.querySelector("#field_h0 .gc-widget").lang`); got != "es" {
		t.Errorf("the widget's lang in es_ES is %q", got)
	}
	if got := es.str(heightOut); got != "1 m y 75 cm" {
		t.Errorf("175 cm for es_ES shows %q", got)
	}
	if got := es.str(`document.querySelector("#field_w0 output").textContent`); got != "70 kg" {
		t.Errorf("70 kg for es_ES shows %q", got)
	}
	if n := es.num(`harness.updates.length`); n != 0 {
		t.Errorf("showing the form in es_ES wrote %v updates", n)
	}
	// Unmounting the field destroys its widget.
	tb.eval(`harness.setFields(0), true`)
	tb.wait(`GoCycle.widgetStats().instances === 0`)
	if n := tb.num(`GoCycle.widgetStats(true).go.instances`); n != 0 {
		t.Errorf("%v Go instances after the fields were unmounted", n)
	}
}

// The user's language switched in place, in the same page: the mounted
// widgets take it with their next props (a deep render of the form), or
// the fields are mounted anew. A render of the form alone would not reach
// the fields (OWL skips children whose props are unchanged), which is
// what looked like a hang: the page waited for a language that never came.
func TestOWLLanguageSwitchesInPlace(t *testing.T) {
	tb := openForm(t, "?lang=en_US", 2)
	weightOut := `document.querySelector("#field_w0 output").textContent`
	tb.eval(`window.h0 = document.querySelector("#field_h0 input[type=range]"), true`)
	// In place: the same widgets, updated.
	tb.eval(`harness.setLang("es_ES"), true`)
	tb.wait(heightOut + ` === "1 m y 75 cm"`)
	if got := tb.str(weightOut); got != "70 kg" {
		t.Errorf("70 kg for es_ES shows %q", got)
	}
	if !tb.eval(`document.querySelector("#field_h0 input[type=range]") === window.h0`).(bool) {
		t.Error("switching in place mounted the height widget again")
	}
	if got := tb.str(`document.querySelector("#field_h0 .gc-widget").lang`); got != "es" {
		t.Errorf("the widget's lang is %q, want es", got)
	}
	// Back, by mounting the fields anew: the widgets that start in en_US
	// are not in the language the others switched to.
	tb.eval(`harness.setLang("en_US", {remount: true}), true`)
	tb.wait(`document.querySelector("#field_h0 input[type=range]") !== window.h0 && ` + heightOut + ` === "5 ft, 8.898 in"`)
	if got := tb.str(`document.querySelector("#field_h0 .gc-widget").lang`); got != "en" {
		t.Errorf("the widget's lang back in en_US is %q, want en", got)
	}
	if n := tb.num(`GoCycle.widgetStats(true).go.instances`); n != 2 {
		t.Errorf("%v Go instances after mounting the fields anew, want 2", n)
	}
	// Once more in place, to es_ES and back, with a value written between.
	tb.eval(`harness.setLang("es_ES"), true`)
	tb.wait(heightOut + ` === "1 m y 75 cm"`)
	tb.run(chromedp.Focus(chromedp.CSS("#field_h0 input[type=range]")), chromedp.KeyEvent(kb.ArrowRight))
	tb.wait(`harness.updates.length === 1`)
	if got := tb.str(`JSON.stringify(harness.updates[0])`); got != `{"height_cm":176}` {
		t.Errorf("1 cm up in es_ES wrote %s, want {\"height_cm\":176}", got)
	}
	tb.eval(`harness.setLang("en_US"), true`)
	tb.wait(heightOut + ` === "5 ft, 9.291 in"`) // 176 cm, exactly
	if n := tb.num(`harness.updates.length`); n != 1 {
		t.Errorf("switching the language wrote %v updates, want the user's 1", n)
	}
	if n := tb.num(`GoCycle.widgetStats().instantiations`); n != 1 {
		t.Errorf("instantiated %v times", n)
	}
}

func TestOWLPendingValueIsSavedAfterADrag(t *testing.T) {
	tb := openForm(t, "", 2)
	// A drag: several input events, then a save at once, before the
	// write delay: NEED_LOCAL_CHANGES hands the last value over.
	tb.eval(`(() => { const i = document.querySelector("#field_w0 input[type=range]");
		for (const v of [160, 170, 180]) { i.value = String(v); i.dispatchEvent(new Event("input", {bubbles: true})); } return true; })()`)
	saved := tb.str(`harness.save().then((d) => JSON.stringify(d.weight_kg))`)
	want := tb.str(`String(Math.round(180 * 0.45359237 * 1e9) / 1e9)`)
	if saved != want && !strings.HasPrefix(saved, want[:5]) {
		t.Errorf("saved weight %s, want 180 lb in kg (%s)", saved, want)
	}
	if n := tb.num(`harness.updates.length`); n != 1 {
		t.Errorf("%v record updates for one drag, want 1", n)
	}
}

func TestOWLFiftyFieldsLoadTheModuleOnce(t *testing.T) {
	tb := openForm(t, "?n=50", 51)
	if n := tb.num(`performance.getEntriesByType("resource").filter((e) => e.name.includes("widgets.wasm")).length`); n != 1 {
		t.Errorf("widgets.wasm fetched %v times", n)
	}
	if n := tb.num(`GoCycle.widgetStats().instantiations`); n != 1 {
		t.Errorf("instantiated %v times", n)
	}
	if n := tb.num(`new Set(harness.loadJSCalls).size`); n != 2 {
		t.Errorf("loadJS loaded %v scripts, want 2 (wasm_exec.js, gocycle.js)", n)
	}
	// Fault isolation on the same page: a widget that panics, mounted
	// beside the form, shows its error and the fields go on.
	tb.eval(`GoCycle.mount(document.getElementById("outside"), "test-crash", {}, () => {}).then((h) => { window.crash = h; return true; })`)
	tb.wait(`document.querySelector("#outside button") !== null`)
	tb.run(chromedp.Click(chromedp.CSS("#outside button")))
	tb.wait(`document.querySelector("#outside .gocycle-error") !== null`)
	tb.run(chromedp.Focus(chromedp.CSS("#field_h49 input[type=range]")), chromedp.KeyEvent(kb.ArrowLeft))
	tb.wait(`harness.updates.length === 1`)
	tb.wait(`Array.from(document.querySelectorAll(".o_form_view [name=height_cm] output")).every((o) => o.textContent === "5 ft, 8.5 in")`)
	tb.eval(`crash.destroy(), harness.setFields(0), true`)
	tb.wait(`GoCycle.widgetStats().instances === 0`)
}

func TestOWLMountUnmountDoesNotLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 mount/unmount cycles")
	}
	tb := openForm(t, "", 2)
	tb.eval(`harness.setFields(0), true`)
	tb.wait(`GoCycle.widgetStats().instances === 0`)
	// useRecordObserver's effect is never disposed, in Odoo as here: the
	// effect of a destroyed field returns without reading the record, so
	// the record's next change drops it, and the component it holds.
	// Change the record before measuring, as any edit does.
	touch := func(v int) { tb.eval(fmt.Sprintf(`harness.record.data.height_cm = %d, true`, v)) }
	const component = `harness.entry.component.prototype`
	// 300 cycles first: V8's compiled code and caches grow while it warms
	// up (some 750 kB in the first 2,000 cycles, 65 kB in the next 1,900).
	tb.eval(`harness.cycle(300)`)
	touch(170)
	before, liveBefore := tb.measure(), tb.live(component)
	tb.eval(`harness.cycle(1700)`)
	touch(171)
	after, liveAfter := tb.measure(), tb.live(component)
	t.Logf("OWL field, after 300 cycles:  JS heap %.0f B, Go heap %.0f B, live js.Funcs %.0f, JS values held by Go %.0f, live components %d",
		before.JSHeap, before.GoHeap, before.Funcs, before.GoRefs, liveBefore)
	t.Logf("OWL field, after 2000 cycles: JS heap %.0f B, Go heap %.0f B, live js.Funcs %.0f, JS values held by Go %.0f, live components %d",
		after.JSHeap, after.GoHeap, after.Funcs, after.GoRefs, liveAfter)
	if after.Funcs != before.Funcs {
		t.Errorf("live js.Funcs: %v then %v", before.Funcs, after.Funcs)
	}
	if d := after.GoRefs - before.GoRefs; d > 20 {
		t.Errorf("JS values held by Go grew by %v", d)
	}
	if d := after.GoHeap - before.GoHeap; d > 256<<10 {
		t.Errorf("the Go heap grew by %.0f bytes", d)
	}
	// The components of the unmounted fields are collected: a stand-in of
	// useRecordObserver whose effect read the record again after the
	// field was destroyed kept every one (some 5 kB a cycle).
	if liveAfter != liveBefore {
		t.Errorf("live field components: %d after 300 cycles, %d after 2000", liveBefore, liveAfter)
	}
	if d := after.JSHeap - before.JSHeap; d > 1<<20 {
		t.Errorf("the JavaScript heap grew by %.0f bytes in 1,700 cycles", d)
	}
	if after.DOM != before.DOM {
		t.Errorf("DOM elements: %v then %v", before.DOM, after.DOM)
	}
}

func TestExtractProps(t *testing.T) {
	tb := openForm(t, "", 2)
	got := tb.str(`JSON.stringify([
		harness.extractProps({options: {unit: "centimeter", usage: "person-height", min: 50, max: "250", step: "0.5"}, attrs: {}}),
		harness.extractProps({options: {}, attrs: {}}),
		harness.entry.supportedTypes, harness.entry.isEmpty(0), harness.entry.isEmpty(false)])`)
	// The options go to the widget as the view gives them (numbers or
	// strings): the widget checks them, in the integrator's terms.
	want := `[{"unknownOptions":[],"unit":"centimeter","usage":"person-height","min":50,"max":"250","step":"0.5"},{"unknownOptions":[]},["float","integer"],false,false]`
	if got != want {
		t.Errorf("extractProps etc.:\n got %s\nwant %s", got, want)
	}
}

// live counts the objects in the page's heap whose prototype is proto (a
// JavaScript expression), after a full collection: what is still
// reachable, found with DevTools' Runtime.queryObjects.
func (tb *tab) live(proto string) int {
	tb.t.Helper()
	n, err := chromedp.Run(tb.ctx, func(ctx context.Context, t *chromedp.Target) (int, error) {
		const group = "gocycle-live"
		defer cdp.Call(ctx, t, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: group})
		for range 3 {
			if _, err := cdp.Call(ctx, t, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
				return 0, err
			}
		}
		p, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{Expression: proto, ObjectGroup: group})
		if err != nil {
			return 0, err
		}
		if p.ExceptionDetails != nil || p.Result == nil || p.Result.ObjectID == "" {
			return 0, fmt.Errorf("%s is not an object", proto)
		}
		objs, err := cdp.Call(ctx, t, runtime.QueryObjects, runtime.QueryObjectsParams{PrototypeObjectID: p.Result.ObjectID, ObjectGroup: group})
		if err != nil {
			return 0, err
		}
		byValue := true
		r, err := cdp.Call(ctx, t, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
			FunctionDeclaration: "function() { return this.length; }",
			ObjectID:            objs.Objects.ObjectID,
			ReturnByValue:       &byValue,
		})
		if err != nil {
			return 0, err
		}
		return strconv.Atoi(string(r.Result.Value))
	})
	if err != nil {
		tb.t.Fatalf("counting the live objects of prototype %s: %v", proto, err)
	}
	return n
}

func TestExtractPropsDigitsAndDescriptor(t *testing.T) {
	tb := openForm(t, "", 2)
	got := tb.str(`JSON.stringify([
		harness.extractProps({options: {display_unit: "inch"}, attrs: {digits: "[16, 3]"}}).digits,
		harness.extractProps({options: {digits: [6, 1]}, attrs: {}}).digits,
		harness.extractProps({options: {display_unit: "inch"}, attrs: {}}).displayUnit,
		harness.extractProps({options: {unit: "meter", minimum: 5, "display-unit": "inch"}, attrs: {}}).unknownOptions,
		harness.entry.supportedOptions.map((o) => o.name),
		harness.entry.supportedOptions.filter((o) => !o.label || !o.type || !o.help).map((o) => o.name),
		String(harness.entry.displayName)])`)
	want := `[3,1,"inch",["minimum","display-unit"],["unit","usage","display_unit","min","max","step","digits"],[],"Quantity slider (gocycle)"]`
	if got != want {
		t.Errorf("digits, display_unit and the descriptor:\n got %s\nwant %s", got, want)
	}
}

// TestOWLFormLabelNamesTheInput: Odoo's form labels a field with its own
// <label for=id>; the widget's range input must be that element, and
// the only label (the widget shows none of its own).
func TestOWLFormLabelNamesTheInput(t *testing.T) {
	tb := openForm(t, "", 2)
	got := tb.str(`JSON.stringify(Array.from(document.querySelectorAll(".o_form_view input[type=range]"), (i) => [i.id, Array.from(i.labels, (l) => l.textContent), i.classList.contains("form-range")]))`)
	want := `[["height_cm_h0",["Height"],true],["weight_kg_w0",["Weight"],true]]`
	if got != want {
		t.Errorf("inputs, their labels and classes:\n got %s\nwant %s", got, want)
	}
}

// TestOWLUrgentSaveKeepsTheLastMove: before the page unloads, Odoo 17
// sends WILL_SAVE_URGENTLY and saves at once, without waiting: a value
// the user picked during the write delay must be in the record by then.
func TestOWLUrgentSaveKeepsTheLastMove(t *testing.T) {
	tb := openForm(t, "", 2)
	// A drag in progress: input events, no change event (which would
	// commit the value at once).
	tb.eval(`(() => { const i = document.querySelector("#field_h0 input[type=range]");
		for (const v of ["69", "69.5"]) { i.value = v; i.dispatchEvent(new Event("input", {bubbles: true})); } return true; })()`)
	tb.wait(`document.querySelector("#field_h0 input[type=range]").getAttribute("aria-valuenow") === "69.5"`)
	if n := tb.num(`harness.updates.length`); n != 0 {
		t.Fatalf("%v updates before the write delay, want 0 (the test must reach the urgent save first)", n)
	}
	if got := tb.str(`JSON.stringify(harness.urgentSave().height_cm)`); got != "176.53" {
		t.Errorf("the urgent save read height_cm %s, want 176.53 (69.5 in)", got)
	}
	tb.eval(`new Promise((r) => setTimeout(r, 400)).then(() => true)`)
	if n := tb.num(`harness.updates.length`); n != 1 {
		t.Errorf("%v record updates for one move, want 1", n)
	}
}

// TestOWLBadOptionMarksTheFieldInvalid: an option the widget cannot use
// marks the field invalid, as Odoo marks a value it cannot parse, and
// nothing is written.
func TestOWLBadOptionMarksTheFieldInvalid(t *testing.T) {
	setup(t)
	if harnessErr != nil {
		skipOrFail(t, harnessErr.Error())
	}
	tb := openTab(t, `/owl/harness.html?options=`+url.QueryEscape(`{"unit":"centimetre","min":50,"max":250}`), `window.harnessReady === true`)
	tb.wait(`harness.invalid.has("height_cm")`)
	text := tb.str(`document.querySelector("#field_h0 .gc-widget-invalid[role=alert]").textContent`)
	for _, want := range []string{`"unit"`, "centimetre", "centimeter"} {
		if !strings.Contains(text, want) {
			t.Errorf("the message %q does not name %s", text, want)
		}
	}
	if harness := tb.str(`JSON.stringify([harness.invalid.has("weight_kg"), harness.updates.length])`); harness != "[false,0]" {
		t.Errorf("[weight invalid, updates] = %s, want [false,0]", harness)
	}
}

// TestOWLChangeCommitsAtOnce: the end of a move (the input's change
// event: a key press, the pointer released) writes the value at once, as
// Odoo's inputs do, since leaving the form by its breadcrumbs or
// discarding does not ask the fields for their pending changes; and the
// form hears that a field is dirty as soon as the user moves.
func TestOWLChangeCommitsAtOnce(t *testing.T) {
	tb := openForm(t, "", 2)
	tb.eval(`window.dirtyEvents = [], harness.record.model.bus.addEventListener("FIELD_IS_DIRTY", (ev) => dirtyEvents.push(ev.detail)), true`)
	got := tb.str(`(() => { const i = document.querySelector("#field_h0 input[type=range]");
		i.value = "69.5"; i.dispatchEvent(new Event("input", {bubbles: true}));
		const during = harness.updates.length;
		i.dispatchEvent(new Event("change", {bubbles: true}));
		return JSON.stringify([during, harness.updates.length, harness.updates[0]]); })()`)
	if got != `[0,1,{"height_cm":176.53}]` {
		t.Errorf("[updates during the move, after its change event, the update] = %s, want [0,1,{\"height_cm\":176.53}]", got)
	}
	tb.wait(`dirtyEvents.length === 2`)
	if got := tb.str(`JSON.stringify(dirtyEvents)`); got != "[true,false]" {
		t.Errorf("FIELD_IS_DIRTY events %s, want [true,false]: dirty as the user moves, clean once the record has the value", got)
	}
}

// TestOWLReadOnlyIsText: read-only shows the exact value as text, as Odoo
// shows a read-only number, and Odoo's label names the read-out then.
func TestOWLReadOnlyIsText(t *testing.T) {
	tb := openForm(t, "", 2)
	tb.eval(`harness.setReadonly(true), true`)
	tb.wait(`document.querySelector("#field_h0 output").id === "height_cm_h0"`)
	if got := tb.str(`JSON.stringify([document.querySelector("#field_h0 input[type=range]").id, Array.from(document.querySelector("#field_h0 output").labels, (l) => l.textContent), document.querySelector("#field_h0 output").textContent])`); got != `["",["Height"],"5 ft, 8.898 in"]` {
		t.Errorf("read-only [input id, the read-out's labels, its text] = %s", got)
	}
}

// TestOWLRefusesOtherFieldTypes: Odoo lets a view put any widget on any
// field; on a char field the slider would write numbers into it.
func TestOWLRefusesOtherFieldTypes(t *testing.T) {
	tb := openForm(t, "", 2)
	tb.eval(`harness.record.fields.name = {type: "char", string: "Name"}, harness.form.state.fields = [{key: "n0", name: "name", label: "Name", props: harness.extractProps({options: {unit: "centimeter"}, attrs: {}})}], true`)
	tb.wait(`document.querySelector("#field_n0 [role=alert]") !== null`)
	if got := tb.str(`document.querySelector("#field_n0 [role=alert]").textContent`); !strings.Contains(got, `"name" is a char field`) {
		t.Errorf("the char field shows %q", got)
	}
	if n := tb.num(`document.querySelectorAll("#field_n0 input[type=range]").length + harness.updates.length`); n != 0 {
		t.Errorf("%v sliders or updates on a char field", n)
	}
}
