//go:build !js

package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// Profile runs op n times in the page of impl with V8's sampling CPU
// profiler on during each measure (from the click to the end of the
// frame: not the setup) and returns the profiles.
func (h *Harness) Profile(impl, op string, n int) ([]*profiler.Profile, error) {
	t := h.tabs[impl]
	if t == nil {
		return nil, fmt.Errorf("no implementation %q", impl)
	}
	ctx, cancel := context.WithTimeout(t.ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 50}); err != nil {
		return nil, err
	}
	t.mu.Lock()
	t.profiles = nil
	t.mu.Unlock()
	for range n {
		r, err := h.run(impl, op, true, time.Minute)
		if err == nil && r.Error != "" {
			err = fmt.Errorf("%s: %s: %s", impl, op, r.Error)
		}
		if err != nil {
			return nil, err
		}
	}
	// The events of the last profile may still be on their way.
	deadline := time.Now().Add(10 * time.Second)
	for {
		t.mu.Lock()
		ps := t.profiles
		t.mu.Unlock()
		if len(ps) >= n {
			return ps, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s: got %d profiles of %d", impl, len(ps), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TopFunctions summarizes profiles of runs: the time per run by kind of
// code (the Go runtime in wasm, the rest of the wasm, each script, the
// DOM's native functions, V8's garbage collector, and "(program)", the
// browser's own work: style, layout, paint), then the n functions with
// the most self time, per run.
func TopFunctions(ps []*profiler.Profile, n int) string {
	byName := map[string]float64{} // µs, in all runs
	for _, p := range ps {
		self := map[int64]float64{} // node id → µs
		for i, id := range p.Samples {
			if i+1 < len(p.TimeDeltas) {
				self[id] += float64(p.TimeDeltas[i+1])
			}
		}
		for _, node := range p.Nodes {
			byName[funcName(node)] += self[node.ID]
		}
	}
	runs := float64(max(len(ps), 1))
	type entry struct {
		name string
		us   float64
	}
	sorted := func(m map[string]float64) []entry {
		var es []entry
		for k, v := range m {
			es = append(es, entry{k, v})
		}
		slices.SortFunc(es, func(a, b entry) int { return cmp.Or(cmp.Compare(b.us, a.us), cmp.Compare(a.name, b.name)) })
		return es
	}
	kinds := map[string]float64{}
	for name, us := range byName {
		kinds[kindOf(name)] += us
	}
	var b strings.Builder
	fmt.Fprintf(&b, "time per run (%d runs), by kind:\n", len(ps))
	for _, e := range sorted(kinds) {
		fmt.Fprintf(&b, "%9.2f ms  %s\n", e.us/1000/runs, e.name)
	}
	fmt.Fprintf(&b, "functions with the most self time, per run:\n")
	for i, e := range sorted(byName) {
		if i == n {
			break
		}
		fmt.Fprintf(&b, "%9.2f ms  %s\n", e.us/1000/runs, e.name)
	}
	return b.String()
}

// funcName names a profile's node by its function and file.
func funcName(node *profiler.ProfileNode) string {
	name := node.CallFrame.FunctionName
	if name == "" {
		name = "(anonymous)"
	}
	if u := node.CallFrame.URL; u != "" {
		name += " " + u[strings.LastIndex(u, "/")+1:]
	}
	return name
}

// kindOf sorts a function of funcName by the code it belongs to.
func kindOf(name string) string {
	switch {
	case strings.HasPrefix(name, "("):
		return name // (program), (idle), (garbage collector), (root)
	case strings.HasSuffix(name, ".wasm"):
		if strings.HasPrefix(name, "runtime.") || strings.HasPrefix(name, "internal_") || name == "gcWriteBarrier jsbench.wasm" ||
			strings.HasPrefix(name, "memchr") || strings.HasPrefix(name, "memeqbody") {
			return "wasm: the Go runtime (allocation, GC, maps)"
		}
		return "wasm: the app, gocycle and the standard library"
	case strings.Contains(name, " "):
		return "script: " + name[strings.LastIndex(name, " ")+1:]
	}
	return "native DOM functions called by scripts"
}
