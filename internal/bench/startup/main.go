// Command startup measures how pages with gocycle apps start in headless
// Chromium, and writes the startup section of BENCHMARKS.md:
//
//   - the demo page (web/static/index.html with demo.wasm), as `make run`
//     serves it;
//   - a page with 50 quantity sliders of widgets.wasm, mounted with
//     GoCycle.load and GoCycle.mount.
//
// Each is opened cold (a new browser profile: nothing cached) and then
// again in the same browser (cached: the HTTP cache, and V8's cache of
// the compiled module). The times come from the page's own clock: the
// User Timing marks that gocycle.js and the demo page set (gocycle:load,
// gocycle:instantiated, gocycle:first-frame) and the Resource Timing of
// the module, all from the navigation's start. `make bench` runs it.
//
//	go run ./internal/bench/startup -runs 5 -out BENCHMARKS.md
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gocycle/gocycle/internal/browsertest"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each page and mode; medians are reported")
	out := flag.String("out", "BENCHMARKS.md", "the file whose startup section is written; - for standard output only")
	flag.Parse()
	if err := run(*runs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

func run(runs int, out string) error {
	root, err := browsertest.RepoRoot()
	if err != nil {
		return err
	}
	chromium, err := browsertest.FindChromium()
	if err != nil {
		return fmt.Errorf("%v; install it (make browser)", err)
	}
	dir, err := os.MkdirTemp("", "gocycle-startup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	files, err := buildFiles(root, dir)
	if err != nil {
		return err
	}
	srv, addr, err := serve(root, files)
	if err != nil {
		return err
	}
	defer srv.Close()

	pages := []struct{ name, path, ready string }{
		{"demo page (demo.wasm)", "/", `performance.getEntriesByName("gocycle:first-frame").length >= 1`},
		{"50 widgets (widgets.wasm)", "/fifty.html", `window.fiftyDone === true`},
	}
	var rows []row
	for _, p := range pages {
		var cold, cached []sample
		for i := 0; i < runs; i++ {
			c, w, err := measure(chromium, dir, "http://"+addr+p.path, p.ready)
			if err != nil {
				return fmt.Errorf("%s: %v", p.name, err)
			}
			cold, cached = append(cold, c), append(cached, w)
			fmt.Fprintf(os.Stderr, "startup: %s run %d: cold %+v, cached %+v\n", p.name, i+1, c, w)
		}
		rows = append(rows, row{p.name + ", cold", medianOf(cold)}, row{p.name + ", cached", medianOf(cached)})
	}
	section := report(rows, runs, chromium)
	fmt.Print(section)
	if out == "-" {
		return nil
	}
	cmd := exec.Command("bash", filepath.Join(root, "internal/tools/section.sh"), "startup", out)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(section), os.Stdout, os.Stderr
	return cmd.Run()
}

// buildFiles builds the two modules as make wasm and make odoo-addon do
// and returns the files the server serves, by URL path.
func buildFiles(root, dir string) (map[string]string, error) {
	demo, widgets := filepath.Join(dir, "demo.wasm"), filepath.Join(dir, "widgets.wasm")
	for pkg, out := range map[string]string{"./web/demo": demo, "./examples/odoo-widget/wasm": widgets} {
		if err := browsertest.BuildWasm(out, filepath.Join(root, pkg), "-trimpath", "-ldflags=-s -w"); err != nil {
			return nil, err
		}
	}
	gocycleJS, err := browsertest.GocycleJS()
	if err != nil {
		return nil, err
	}
	wasmExec, err := browsertest.WasmExecJS()
	if err != nil {
		return nil, err
	}
	return map[string]string{
		"/":                   filepath.Join(root, "web/static/index.html"),
		"/build/demo.wasm":    demo,
		"/build/gocycle.js":   gocycleJS,
		"/build/wasm_exec.js": wasmExec,
		"/widgets.wasm":       widgets,
	}, nil
}

// fiftyPage mounts 50 quantity sliders as soon as gocycle.js and
// wasm_exec.js are there, and says when all have drawn their first frame.
const fiftyPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>50 gocycle widgets</title></head>
<body><div id="host"></div>
<script src="/build/gocycle.js"></script>
<script src="/build/wasm_exec.js"></script>
<script>
GoCycle.load("/widgets.wasm");
const host = document.getElementById("host");
const mounts = [];
for (let i = 0; i < 50; i++) {
  const el = document.createElement("div");
  host.appendChild(el);
  mounts.push(GoCycle.mount(el, "quantity-slider",
    { value: 100 + i, unit: "centimeter", usage: "person-height", min: 50, max: 250, lang: "en_US" }, () => {}));
}
Promise.all(mounts).then(() => {
  const wait = () => performance.getEntriesByName("gocycle:first-frame").length >= 50
    ? (window.fiftyDone = true) : requestAnimationFrame(wait);
  wait();
}, (e) => { window.fiftyError = String(e); });
</script></body></html>`

// serve serves files on 127.0.0.1 as a production server would: the
// modules and scripts cacheable for an hour, the pages not at all.
func serve(root string, files map[string]string) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/fifty.html" {
			w.Header().Set("Cache-Control", "no-cache")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, fiftyPage)
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/" {
			w.Header().Set("Cache-Control", "no-cache")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=3600")
		}
		if strings.HasSuffix(f, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		http.ServeFile(w, r, f)
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	return srv, ln.Addr().String(), nil
}

// sample is what one load of a page measured, in milliseconds from the
// navigation's start and in bytes.
type sample struct {
	Fetched      float64 `json:"fetched"`      // bytes over the network, all resources
	ModuleBytes  float64 `json:"moduleBytes"`  // of which the module's
	ModuleStart  float64 `json:"moduleStart"`  // the module's request starts
	ModuleEnd    float64 `json:"moduleEnd"`    // its last byte is in
	Instantiated float64 `json:"instantiated"` // compiled and instantiated
	FirstFrame   float64 `json:"firstFrame"`   // the first app's first frame is in the page
	LastFrame    float64 `json:"lastFrame"`    // the last app's (of 50)
	HeapAlloc    float64 `json:"heapAlloc"`    // the Go heap after a collection (widgets only)
	WasmMemory   float64 `json:"wasmMemory"`   // the module's linear memory (widgets only)
}

const collect = `(async () => {
  const mark = (n) => { const e = performance.getEntriesByName(n); return e.length ? e[e.length - 1].startTime : -1; };
  const frames = performance.getEntriesByName("gocycle:first-frame").map((e) => e.startTime);
  const res = performance.getEntriesByType("resource");
  const mod = res.find((e) => e.name.endsWith(".wasm"));
  const nav = performance.getEntriesByType("navigation")[0];
  const stats = window.GoCycle && GoCycle.widgetStats ? GoCycle.widgetStats(true) : null;
  return {
    fetched: res.reduce((n, e) => n + e.transferSize, nav ? nav.transferSize : 0),
    moduleBytes: mod ? mod.transferSize : -1,
    moduleStart: mod ? mod.startTime : -1,
    moduleEnd: mod ? mod.responseEnd : -1,
    instantiated: mark("gocycle:instantiated"),
    firstFrame: frames.length ? Math.min(...frames) : -1,
    lastFrame: frames.length ? Math.max(...frames) : -1,
    heapAlloc: stats && stats.go ? stats.go.heapAlloc : -1,
    wasmMemory: stats ? stats.wasmMemory : -1,
  };
})()`

// measure opens url in a browser with a new profile (cold), then again in
// a new tab of the same browser (cached).
func measure(chromium, dir, url, ready string) (cold, cached sample, err error) {
	profile, err := os.MkdirTemp(dir, "profile-")
	if err != nil {
		return cold, cached, err
	}
	browser, cancel := browsertest.NewBrowser(chromium, profile)
	defer cancel()
	if err := browsertest.StartBrowser(browser, "Chromium"); err != nil {
		return cold, cached, err
	}
	for i, s := range []*sample{&cold, &cached} {
		tab, cancelTab := chromedp.NewContext(browser)
		ctx, cancelTimeout := context.WithTimeout(tab, time.Minute)
		err := chromedp.Do(ctx,
			chromedp.Navigate(url),
			chromedp.Poll[chromedp.Void](`(`+ready+`) || window.fiftyError !== undefined`, chromedp.WithPollingInterval(5*time.Millisecond)),
		)
		var failed string
		if err == nil {
			failed, err = chromedp.Run(ctx, chromedp.Evaluate[string](`window.fiftyError || ""`))
		}
		if err == nil && failed == "" {
			*s, err = chromedp.Run(ctx, chromedp.Evaluate[sample](collect, chromedp.EvalAwaitPromise))
		}
		cancelTimeout()
		cancelTab()
		if err != nil {
			return cold, cached, fmt.Errorf("load %d: %v", i+1, err)
		}
		if failed != "" {
			return cold, cached, fmt.Errorf("load %d: the widgets did not mount: %s", i+1, failed)
		}
		if s.FirstFrame < 0 {
			return cold, cached, fmt.Errorf("load %d: no gocycle:first-frame mark (is gocycle.js the one that marks?)", i+1)
		}
	}
	return cold, cached, nil
}

func medianOf(ss []sample) sample {
	med := func(f func(sample) float64) float64 {
		xs := make([]float64, len(ss))
		for i, s := range ss {
			xs[i] = f(s)
		}
		sort.Float64s(xs)
		n := len(xs)
		if n%2 == 1 {
			return xs[n/2]
		}
		return (xs[n/2-1] + xs[n/2]) / 2
	}
	return sample{
		Fetched:      med(func(s sample) float64 { return s.Fetched }),
		ModuleBytes:  med(func(s sample) float64 { return s.ModuleBytes }),
		ModuleStart:  med(func(s sample) float64 { return s.ModuleStart }),
		ModuleEnd:    med(func(s sample) float64 { return s.ModuleEnd }),
		Instantiated: med(func(s sample) float64 { return s.Instantiated }),
		FirstFrame:   med(func(s sample) float64 { return s.FirstFrame }),
		LastFrame:    med(func(s sample) float64 { return s.LastFrame }),
		HeapAlloc:    med(func(s sample) float64 { return s.HeapAlloc }),
		WasmMemory:   med(func(s sample) float64 { return s.WasmMemory }),
	}
}

type row struct {
	name string
	s    sample
}

func report(rows []row, runs int, chromium string) string {
	version, _ := exec.Command(chromium, "--version").Output()
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	var b strings.Builder
	b.WriteString("<!-- startup:start -->\n## Start-up in headless Chromium\n\n")
	fmt.Fprintf(&b, "Written by `go run ./internal/bench/startup` (`make bench`): %s, %s, %d runs of each, medians; "+
		"the modules built as `make wasm` and `make odoo-addon` build them, served on loopback with an hour's `Cache-Control` "+
		"(the pages with `no-cache`). Cold is a new browser profile; cached is a second tab of the same browser. "+
		"Times are milliseconds from the navigation's start, from the page's own marks (gocycle.js's `gocycle:*` "+
		"User Timing marks and the module's Resource Timing). *Compile and instantiate* is from the module's "+
		"request to its instance: on loopback the download takes next to nothing, and the compilation streams "+
		"with it. *First frame after the module* is from its last byte to the first frame in the page: the goal is 150 ms, cached.\n\n",
		strings.TrimSpace(string(version)), strings.TrimSpace(string(goVersion)), runs)
	b.WriteString("| page | fetched bytes | module bytes | compile and instantiate | first frame | first frame after the module | last of 50 frames | Go heap after 50 | wasm memory |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		s := r.s
		opt := func(v float64, unit string) string {
			if v < 0 {
				return ""
			}
			if unit == "MB" {
				return fmt.Sprintf("%.1f MB", v/(1<<20))
			}
			return fmt.Sprintf("%.0f", v)
		}
		last := ""
		if strings.Contains(r.name, "50") {
			last = opt(s.LastFrame, "")
		}
		fmt.Fprintf(&b, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s | %s |\n", r.name, s.Fetched, s.ModuleBytes,
			s.Instantiated-s.ModuleStart, s.FirstFrame, s.FirstFrame-s.ModuleEnd, last, opt(s.HeapAlloc, "MB"), opt(s.WasmMemory, "MB"))
	}
	b.WriteString("<!-- startup:end -->\n")
	return b.String()
}
