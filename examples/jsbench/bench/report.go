//go:build !js

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Targets are the ratios gocycle ÷ vanilla the issue asks for: no
// operation above 2×, creating 1,000 rows below 1.5×.
var Targets = map[string]float64{"create1k": 1.5}

// DefaultTarget is the target of the operations not in Targets.
const DefaultTarget = 2.0

// OpReport is the measured runs of one operation.
type OpReport struct {
	Op    string
	Title string
	Runs  map[string][]Result // by implementation
}

// Report is what a benchmark run found, and how it was run.
type Report struct {
	Ops          []OpReport
	Warmup, Runs int
	Browser      string // the browser's version
	Flags        []string
	WasmSize     int64
	Elapsed      time.Duration
	Command      string
	Machine      Machine
	LoadBefore   string
	LoadAfter    string
}

// Machine describes where the benchmark ran.
type Machine struct {
	CPU     string
	NumCPU  int
	OS      string
	Go      string
	Commit  string
	Browser string // chromium --version, if it answers
}

// Measure runs every operation warmup+runs times in each implementation,
// alternating which goes first, and keeps the last runs. It fails on the
// first run whose checks fail and on the first pair of runs whose tables
// differ.
func Measure(h *Harness, ops []string, warmup, runs int, logf func(string)) (*Report, error) {
	titles, err := Eval[map[string]string](h, Impls[0], `jsbench.ops`)
	if err != nil {
		return nil, fmt.Errorf("reading the operations of bench.js: %v", err)
	}
	rep := &Report{Warmup: warmup, Runs: runs, Browser: h.Version, Flags: h.Flags, WasmSize: h.WasmSize, LoadBefore: loadAvg()}
	for _, op := range ops {
		o := OpReport{Op: op, Title: titles[op], Runs: map[string][]Result{}}
		if o.Title == "" {
			return nil, fmt.Errorf("bench.js has no operation %q", op)
		}
		timeout := time.Minute
		for i := range warmup + runs {
			order := slices.Clone(Impls)
			if i%2 == 1 {
				slices.Reverse(order)
			}
			got := map[string]Result{}
			for _, impl := range order {
				r, err := h.Run(impl, op, timeout)
				if err != nil {
					return nil, err
				}
				if r.Error != "" {
					return nil, fmt.Errorf("%s: %s, run %d: %s", impl, op, i+1, r.Error)
				}
				logf(fmt.Sprintf("%-8s %-10s run %2d: %7.1f ms (active %7.1f: click %6.1f, raf %6.1f, render %6.1f; wait %5.1f; %d frame(s)) %s",
					impl, op, i+1, r.MS, r.Active, r.Click, r.RAF, r.Render, r.Wait, r.Frames, r.Digest))
				got[impl] = r
			}
			if a, b := got[Impls[0]], got[Impls[1]]; a.Digest != b.Digest {
				return nil, fmt.Errorf("%s, run %d: the tables differ: %s shows %s, %s shows %s (digest/rows)",
					op, i+1, Impls[0], a.Digest, Impls[1], b.Digest)
			}
			if i >= warmup {
				for impl, r := range got {
					o.Runs[impl] = append(o.Runs[impl], r)
				}
			}
		}
		rep.Ops = append(rep.Ops, o)
		fmt.Fprintf(os.Stderr, "jsbench: %-10s vanilla %7.1f ms, gocycle %7.1f ms (%.2f×)\n", op,
			o.median(Impls[0], msOf), o.median(Impls[1], msOf), o.ratio(msOf))
	}
	rep.LoadAfter = loadAvg()
	return rep, nil
}

func msOf(r Result) float64     { return r.MS }
func activeOf(r Result) float64 { return r.Active }

// median is the median of f over the runs of impl.
func (o OpReport) median(impl string, f func(Result) float64) float64 {
	return quantile(o.Runs[impl], f, 0.5)
}

// ratio is gocycle's median over vanilla's.
func (o OpReport) ratio(f func(Result) float64) float64 {
	return o.median(Impls[1], f) / o.median(Impls[0], f)
}

// quantile is the q-quantile of f over rs, interpolated between the two
// nearest runs.
func quantile(rs []Result, f func(Result) float64, q float64) float64 {
	if len(rs) == 0 {
		return math.NaN()
	}
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = f(r)
	}
	slices.Sort(xs)
	pos := q * float64(len(xs)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(xs)-1)
	return xs[lo] + (xs[hi]-xs[lo])*(pos-float64(lo))
}

func target(op string) float64 {
	if t, ok := Targets[op]; ok {
		return t
	}
	return DefaultTarget
}

// Table is the results as a Markdown table: per operation, the medians
// of both measures in both implementations and their ratios.
func (r *Report) Table() string {
	var b strings.Builder
	b.WriteString("| operation | vanilla ms | gocycle ms | gocycle ÷ vanilla | vanilla active ms | gocycle active ms | active ratio | target | met |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, o := range r.Ops {
		t := target(o.Op)
		ratio, active := o.ratio(msOf), o.ratio(activeOf)
		met := "yes"
		switch {
		case ratio > t && active > t:
			met = "**no**"
		case ratio > t:
			met = "**no** (click to frame)"
		case active > t:
			met = "**no** (active)"
		}
		fmt.Fprintf(&b, "| %s | %.1f | %.1f | %s | %.1f | %.1f | %s | < %.1f× | %s |\n", o.Title,
			o.median(Impls[0], msOf), o.median(Impls[1], msOf), times(ratio, t),
			o.median(Impls[0], activeOf), o.median(Impls[1], activeOf), times(active, t), t, met)
	}
	return b.String()
}

// Breakdown is the medians of the parts of the measure, per operation and
// implementation, as a Markdown table.
func (r *Report) Breakdown() string {
	var b strings.Builder
	b.WriteString("| operation | implementation | click | wait | raf | render | click to frame | p25–p75 | frames |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, o := range r.Ops {
		for _, impl := range Impls {
			rs := o.Runs[impl]
			frames := 0
			for _, x := range rs {
				frames = max(frames, x.Frames)
			}
			fmt.Fprintf(&b, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f–%.1f | %d |\n", o.Title, impl,
				quantile(rs, func(x Result) float64 { return x.Click }, 0.5),
				quantile(rs, func(x Result) float64 { return x.Wait }, 0.5),
				quantile(rs, func(x Result) float64 { return x.RAF }, 0.5),
				quantile(rs, func(x Result) float64 { return x.Render }, 0.5),
				quantile(rs, msOf, 0.5), quantile(rs, msOf, 0.25), quantile(rs, msOf, 0.75), frames)
		}
	}
	return b.String()
}

// times formats a ratio, in bold when it misses its target.
func times(x, target float64) string {
	s := fmt.Sprintf("%.2f×", x)
	if x > target {
		return "**" + s + "**"
	}
	return s
}

// Section is the report as the jsbench section of BENCHMARKS.md, with its
// markers.
func (r *Report) Section() string {
	var b strings.Builder
	m := r.Machine
	fmt.Fprintf(&b, "%s\n## DOM: the js-framework-benchmark app (examples/jsbench)\n\n", StartMarker)
	b.WriteString("The js-framework-benchmark's keyed table app written with gocycle (`examples/jsbench`, compiled\n" +
		"to WebAssembly) against the same app in plain JavaScript written for this benchmark\n" +
		"(`examples/jsbench/web/vanilla.js`), side by side in one headless Chromium, from one run of\n" +
		"`make bench` (`examples/jsbench/bench`). Do not edit this section by hand: run `make bench` again.\n\n")
	fmt.Fprintf(&b, "- Date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- Commit: %s\n", m.Commit)
	fmt.Fprintf(&b, "- Browser: %s", r.Browser)
	if m.Browser != "" {
		fmt.Fprintf(&b, " (%s)", m.Browser)
	}
	fmt.Fprintf(&b, ", flags `%s --user-data-dir=<temporary>`\n", strings.Join(r.Flags, " "))
	fmt.Fprintf(&b, "- Go: %s; the wasm module: %d bytes (`-trimpath -ldflags=\"-s -w\"`)\n", m.Go, r.WasmSize)
	fmt.Fprintf(&b, "- CPU: %s, %d logical CPUs (`nproc`)\n", m.CPU, m.NumCPU)
	fmt.Fprintf(&b, "- OS: %s\n", m.OS)
	fmt.Fprintf(&b, "- Time taken by the run: %ds\n", int(r.Elapsed.Round(time.Second).Seconds()))
	fmt.Fprintf(&b, "- Load average (1, 5, 15 min) before and after the runs: %s; %s\n", r.LoadBefore, r.LoadAfter)
	fmt.Fprintf(&b, "- Runs: %d measured runs of each operation in each implementation, after %d warmup runs;\n"+
		"  the implementations alternate run by run\n\n", r.Runs, r.Warmup)
	fmt.Fprintf(&b, "```sh\n%s\n```\n\n", r.Command)
	b.WriteString("### Results\n\n")
	b.WriteString("Medians, in milliseconds. *ms* is from the click to after the next frame that shows the\n" +
		"result (style, layout and paint included); *active* is the same less the idle wait between\n" +
		"the click's handlers and the start of that frame (the display's next vsync, up to 16.7 ms\n" +
		"at 60 Hz), that is the work of the operation itself. *÷* is gocycle's median over vanilla's;\n" +
		"in bold where it misses the target.\n\n")
	b.WriteString(r.Table())
	b.WriteString("\n")
	var missed []string
	for _, o := range r.Ops {
		if o.ratio(msOf) > target(o.Op) || o.ratio(activeOf) > target(o.Op) {
			missed = append(missed, o.Title)
		}
	}
	if len(missed) == 0 {
		b.WriteString("Every operation meets its target in both measures.\n\n")
	} else {
		fmt.Fprintf(&b, "Missed targets: %s.\n\n", strings.Join(missed, "; "))
	}
	b.WriteString("Medians of the parts of the measure: *click* is the click's event handlers (all of\n" +
		"vanilla.js's work; gocycle's event dispatch, reducer and view), *wait* the idle time until the\n" +
		"next animation frame, *raf* the animation frame callbacks (gocycle's diff and the edits\n" +
		"applied to the DOM), *render* the browser's style, layout and paint of that frame.\n\n")
	b.WriteString(r.Breakdown())
	b.WriteString("\n### What is measured\n\n")
	b.WriteString(method)
	b.WriteString("\n<details><summary>Every measured run (ms, click to frame)</summary>\n\n")
	for _, o := range r.Ops {
		for _, impl := range Impls {
			fmt.Fprintf(&b, "- %s, %s:", o.Title, impl)
			for _, x := range o.Runs[impl] {
				fmt.Fprintf(&b, " %.1f", x.MS)
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n</details>\n")
	b.WriteString(EndMarker + "\n")
	return b.String()
}

const method = `Both pages load the same stylesheet and the same in-page harness
(` + "`examples/jsbench/web/bench.js`" + `); the driver (` + "`examples/jsbench/bench`" + `) opens each in a tab
of one Chromium, brings the tab to the front and calls ` + "`jsbench.run(op)`" + ` in it, alternating
the two tabs run by run. A run of an operation:

1. sets up, untimed: empties the table and, for every operation but the two creations,
   clicks #run and waits for its 1,000 rows; then waits for two rendered frames, collects
   the JavaScript garbage (` + "`gc()`" + `, from ` + "`--js-flags=--expose-gc`" + `) and waits for one more;
2. measures: takes ` + "`t0 = performance.now()`" + ` and calls ` + "`click()`" + ` on the button (or on the
   row's label, or on the × of the 4th row), then checks at every animation frame
   (a ` + "`requestAnimationFrame`" + ` callback requested after the click, so after gocycle's own) whether
   the table is in the state the operation must produce; in the first frame where it is, it
   posts a task (a ` + "`MessageChannel`" + ` message) and takes the end there: that task runs after
   the frame's style, layout and paint. vanilla.js changes the DOM in the click handler;
   gocycle's DOM driver runs the reducer and the view in the click handler and diffs and
   patches in the next animation frame. Both are measured to the same point, the frame that
   shows the result;
3. checks, untimed, the whole table against what the operation must do (row count, ids in
   order, every label, the selected row) and hashes it: the hashes of the two
   implementations must be equal after every run, since both make the same labels from the
   same seeded generator;
4. empties the table, so that the idle tab holds no rows while the other runs.

The operations are those of the js-framework-benchmark (keyed): create 1,000 rows; replace
1,000 rows (#run on 1,000 rows); update every 10th row (of 1,000); select a row (a click on
the 2nd row's label); swap rows 2 and 999; remove a row (the 4th); create 10,000 rows;
append 1,000 rows to 1,000; clear 1,000 rows. The gocycle app is ` + "`examples/jsbench/app.go`" + `:
state by ` + "`stream.Fold`" + ` over the merged click streams, events by delegation
(` + "`DOM.Select(\"a.lbl\").Events(\"click\")`" + `, the row's id from data-id), one ` + "`dom.Thunk`" + ` per row
keyed by id with args (id, label, selected).

The headless browser draws at 60 Hz; the idle wait for the next frame is in *ms* for both
implementations, about a frame's length when the operation's work is short, which is why
*active* is shown too. Times are rounded by the browser to 0.1 ms.
`

// Markers of the jsbench section of BENCHMARKS.md.
const (
	StartMarker = "<!-- jsbench:start -->"
	EndMarker   = "<!-- jsbench:end -->"
)

// Splice returns doc with its jsbench section, from StartMarker to
// EndMarker, replaced by section, or with section appended if doc has
// none. The rest of doc is left as it is.
func Splice(doc, section string) (string, error) {
	start := strings.Index(doc, StartMarker)
	end := strings.Index(doc, EndMarker)
	switch {
	case start < 0 && end < 0:
		if doc != "" && !strings.HasSuffix(doc, "\n") {
			doc += "\n"
		}
		if doc != "" {
			doc += "\n"
		}
		return doc + section, nil
	case start < 0 || end < start:
		return "", errors.New("the jsbench markers are out of order or one is missing")
	}
	end += len(EndMarker)
	if end < len(doc) && doc[end] == '\n' {
		end++
	}
	return doc[:start] + section + doc[end:], nil
}

// WriteSection writes section into the file at path with Splice, creating
// the file if there is none.
func WriteSection(path, section string) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	doc := string(old)
	if doc == "" {
		doc = "# Benchmarks\n"
	}
	doc, err = Splice(doc, section)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".benchmarks-*.md")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(doc); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		os.Chmod(tmp.Name(), fi.Mode().Perm())
	} else {
		os.Chmod(tmp.Name(), 0o644)
	}
	return os.Rename(tmp.Name(), path)
}

// machine describes this machine, the repository's commit and the browser.
func machine(root, browser string) Machine {
	m := Machine{CPU: "unknown", NumCPU: runtime.NumCPU(), OS: runtime.GOOS + "/" + runtime.GOARCH, Go: runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if out := run(root, "uname", "-sr"); out != "" {
		m.OS = out
	}
	m.Commit = run(root, "git", "rev-parse", "--short", "HEAD")
	if m.Commit == "" {
		m.Commit = "unknown"
	} else if run(root, "git", "status", "--porcelain", "--", "drivers/dom", "web/gocycle.js", "examples/jsbench", "cycle") != "" {
		m.Commit += ", with uncommitted changes in drivers/dom, web/gocycle.js, examples/jsbench or cycle"
	}
	m.Browser = run(root, browser, "--version")
	return m
}

// run runs a command and returns the first line of its output, "" if it
// fails.
func run(dir, name string, args ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	line, _, _ := bytes.Cut(bytes.TrimSpace(out), []byte("\n"))
	return string(line)
}

// loadAvg is the load average of the last 1, 5 and 15 minutes.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
