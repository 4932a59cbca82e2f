// Command benchtable reads the output of `go test -bench` for the stream
// benchmarks of internal/bench, from one or more runs on one or more
// platforms, and prints a Markdown table of medians: ns/value and
// allocs/value for each pipeline, source, platform and implementation, and
// the ratio of each implementation's time to the base one's. A list after
// the table names the rows where a target implementation is less than
// -target times slower than the base, and the -zero-alloc pipelines where
// the base allocates per value.
//
// Usage:
//
//	go test -bench . -benchmem -count 6 ./internal/bench > native.txt
//	GOOS=js GOARCH=wasm go test -exec=... -bench . -benchmem -count 6 ./internal/bench > wasm.txt
//	cat native.txt wasm.txt | go run ./internal/bench/cmd/benchtable
//
// The platform of each result comes from the goos: and goarch: lines that
// precede it. A benchmark name is split at its slashes; an "impl=X"
// element names the implementation, "src=X" the source, and the first
// element, without "Benchmark", the pipeline. The time per value is the
// ns/value metric when present, ns/op otherwise; allocations per value are
// the allocs/value metric when present, allocs/op otherwise.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	base := flag.String("base", "gocycle", "the implementation the others are compared with")
	target := flag.Float64("target", 20, "the ratio impl/base that each target implementation should reach; 0 for no check")
	targetImpls := flag.String("target-impls", "rxgo", "comma-separated implementations the target applies to")
	zeroAlloc := flag.String("zero-alloc", "Map,Filter", "comma-separated pipelines whose base implementation must not allocate per value")
	flag.Parse()

	rs, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(rs) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	t := summarize(rs, *base)
	t.write(os.Stdout, *target, split(*targetImpls), split(*zeroAlloc))
}

// result is one line of benchmark output.
type result struct {
	platform string // "linux/amd64", "js/wasm"
	pipeline string // "MapFilterFold"
	source   string // "push", or "" when the name has no src= element
	impl     string // "gocycle"
	ns       float64
	allocs   float64
}

var procSuffix = regexp.MustCompile(`-\d+$`)

// parse reads benchmark lines, tracking the platform from the goos: and
// goarch: headers that go test prints before them.
func parse(r io.Reader) ([]result, error) {
	var out []result
	goos, goarch := "?", "?"
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "goos: "):
			goos = strings.TrimSpace(strings.TrimPrefix(line, "goos: "))
			continue
		case strings.HasPrefix(line, "goarch: "):
			goarch = strings.TrimSpace(strings.TrimPrefix(line, "goarch: "))
			continue
		case !strings.HasPrefix(line, "Benchmark"):
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || len(f)%2 != 0 {
			continue // a benchmark's name on its own, or a log line
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		res := result{platform: goos + "/" + goarch, ns: -1, allocs: -1}
		name := procSuffix.ReplaceAllString(f[0], "")
		for i, part := range strings.Split(name, "/") {
			switch {
			case i == 0:
				res.pipeline = strings.TrimPrefix(part, "Benchmark")
			case strings.HasPrefix(part, "impl="):
				res.impl = strings.TrimPrefix(part, "impl=")
			case strings.HasPrefix(part, "src="):
				res.source = strings.TrimPrefix(part, "src=")
			default:
				res.pipeline += "/" + part
			}
		}
		if res.impl == "" {
			return nil, fmt.Errorf("line %d: benchmark %s has no impl= element", n, f[0])
		}
		var nsOp, allocsOp float64 = -1, -1
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: value %q: %v", n, f[i], err)
			}
			switch f[i+1] {
			case "ns/value":
				res.ns = v
			case "ns/op":
				nsOp = v
			case "allocs/value":
				res.allocs = v
			case "allocs/op":
				allocsOp = v
			}
		}
		if res.ns < 0 {
			res.ns = nsOp
		}
		if res.allocs < 0 {
			res.allocs = allocsOp
		}
		if res.ns < 0 {
			return nil, fmt.Errorf("line %d: no ns/value or ns/op", n)
		}
		out = append(out, res)
	}
	return out, sc.Err()
}

// stat is the median of one implementation's runs for one row.
type stat struct {
	ns, allocs float64 // allocs is -1 when unknown
	runs       int
}

type row struct {
	pipeline, source, platform string
	impls                      map[string]stat
}

type table struct {
	base  string
	impls []string // base first, then the others in the order met
	rows  []*row   // in the order met, grouped by platform
}

func summarize(rs []result, base string) *table {
	t := &table{base: base, impls: []string{base}}
	type key struct{ pipeline, source, platform, impl string }
	samples := map[key][]result{}
	rows := map[[3]string]*row{}
	var platforms []string
	for _, r := range rs {
		if !slices.Contains(t.impls, r.impl) {
			t.impls = append(t.impls, r.impl)
		}
		if !slices.Contains(platforms, r.platform) {
			platforms = append(platforms, r.platform)
		}
		k := [3]string{r.pipeline, r.source, r.platform}
		if rows[k] == nil {
			rows[k] = &row{pipeline: r.pipeline, source: r.source, platform: r.platform, impls: map[string]stat{}}
			t.rows = append(t.rows, rows[k])
		}
		kk := key{r.pipeline, r.source, r.platform, r.impl}
		samples[kk] = append(samples[kk], r)
	}
	for _, rw := range t.rows {
		for _, impl := range t.impls {
			s := samples[key{rw.pipeline, rw.source, rw.platform, impl}]
			if len(s) == 0 {
				continue
			}
			ns := make([]float64, len(s))
			allocs := make([]float64, len(s))
			for i, r := range s {
				ns[i], allocs[i] = r.ns, r.allocs
			}
			rw.impls[impl] = stat{ns: median(ns), allocs: median(allocs), runs: len(s)}
		}
	}
	// Group by platform, keeping the order in which rows were met.
	slices.SortStableFunc(t.rows, func(a, b *row) int {
		return slices.Index(platforms, a.platform) - slices.Index(platforms, b.platform)
	})
	return t
}

// median of xs, which it sorts; the mean of the middle two for an even
// count.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func platformName(p string) string {
	if p == "js/wasm" {
		return "wasm (js/wasm, Node)"
	}
	return "native (" + p + ")"
}

// write prints the table, then the checks.
func (t *table) write(w io.Writer, target float64, targetImpls, zeroAlloc []string) {
	fmt.Fprintf(w, "| pipeline | source | platform | implementation | ns/value | allocs/value | ÷ %s | runs |\n", t.base)
	fmt.Fprintln(w, "|---|---|---|---|---:|---:|---:|---:|")
	var below, allocating []string
	for _, rw := range t.rows {
		src := rw.source
		if src == "" {
			src = "—"
		}
		b, hasBase := rw.impls[t.base]
		for _, impl := range t.impls {
			s, ok := rw.impls[impl]
			if !ok {
				continue
			}
			ratio := "—"
			if impl != t.base && hasBase && b.ns > 0 {
				r := s.ns / b.ns
				switch {
				case target <= 0 || !slices.Contains(targetImpls, impl):
					ratio = fmt.Sprintf("%.1f×", r)
				case r >= target:
					ratio = fmt.Sprintf("**%.1f×**", r)
				default:
					ratio = fmt.Sprintf("%.1f× (below %g×)", r, target)
					below = append(below, fmt.Sprintf("%s %s, %s: %s ÷ %s = %.1f×", rw.pipeline, srcLabel(rw.source), platformName(rw.platform), impl, t.base, r))
				}
			}
			allocs := "—"
			if s.allocs >= 0 {
				allocs = fmtAllocs(s.allocs)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %d |\n", rw.pipeline, src, platformName(rw.platform), impl, fmtNs(s.ns), allocs, ratio, s.runs)
		}
		if hasBase && slices.Contains(zeroAlloc, rw.pipeline) && b.allocs >= 0.001 {
			allocating = append(allocating, fmt.Sprintf("%s %s, %s: %s allocs/value = %s", rw.pipeline, srcLabel(rw.source), platformName(rw.platform), t.base, fmtAllocs(b.allocs)))
		}
	}

	fmt.Fprintln(w)
	if target > 0 && len(targetImpls) > 0 {
		if len(below) == 0 {
			fmt.Fprintf(w, "- Every row reaches the target: %s ÷ %s ≥ %g×.\n", strings.Join(targetImpls, ", "), t.base, target)
		} else {
			fmt.Fprintf(w, "- Rows below the target of %s ÷ %s ≥ %g×:\n", strings.Join(targetImpls, ", "), t.base, target)
			for _, s := range below {
				fmt.Fprintf(w, "  - %s\n", s)
			}
		}
	}
	if len(zeroAlloc) > 0 {
		if len(allocating) == 0 {
			fmt.Fprintf(w, "- %s does not allocate per value in %s (allocs/value < 0.001 in every row).\n", t.base, strings.Join(zeroAlloc, ", "))
		} else {
			fmt.Fprintf(w, "- %s allocates per value where it should not:\n", t.base)
			for _, s := range allocating {
				fmt.Fprintf(w, "  - %s\n", s)
			}
		}
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func srcLabel(s string) string {
	if s == "" {
		return ""
	}
	return "(src=" + s + ")"
}

func cell(ok bool, s string) string {
	if !ok {
		return "—"
	}
	return s
}

func fmtNs(ns float64) string {
	switch {
	case ns >= 100:
		return fmt.Sprintf("%.0f", ns)
	case ns >= 10:
		return fmt.Sprintf("%.1f", ns)
	}
	return fmt.Sprintf("%.2f", ns)
}

// fmtAllocs shows allocations per value with two decimals; setup costs
// spread over a million values show as 0.00, an exact zero as 0.
func fmtAllocs(a float64) string {
	if a == 0 {
		return "0"
	}
	return fmt.Sprintf("%.2f", a)
}
