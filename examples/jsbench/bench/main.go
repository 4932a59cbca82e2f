//go:build !js

// Command bench is the jsbench benchmark: it builds examples/jsbench for
// js/wasm, serves it and the vanilla JavaScript baseline on 127.0.0.1,
// drives both in one headless Chromium, one tab each, and reports the
// median time of every operation in both, side by side; with -out it
// writes the report into a section of BENCHMARKS.md. `make bench` runs it
// from the repository's root:
//
//	go run ./examples/jsbench/bench -out BENCHMARKS.md
//
// Every run of an operation does its setup (untimed), clicks, waits for
// the frame that shows the result, checks the whole table and empties it;
// the two implementations alternate run by run, and after every run the
// two tables must be the same (same ids, labels and selection), so that
// an implementation that does less cannot look faster. A failed check
// stops the benchmark with an error. The measure is described in
// examples/jsbench/README.md and web/bench.js.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 15, "measured runs of each operation in each implementation")
	warmup := flag.Int("warmup", 3, "unmeasured runs of each operation in each implementation before the measured ones")
	ops := flag.String("ops", strings.Join(Ops, ","), "the operations to run, comma-separated")
	out := flag.String("out", "", "the Markdown file whose jsbench section to write (BENCHMARKS.md); none if empty")
	verbose := flag.Bool("v", false, "print every run")
	profile := flag.Int("profile", 0, "instead of measuring, profile this many runs of each operation in each implementation with V8's CPU profiler (the wasm built with its symbols) and print where the time goes")
	flag.Parse()
	if *runs < 1 || *warmup < 0 {
		fail(fmt.Errorf("-runs must be at least 1 and -warmup at least 0"))
	}
	var list []string
	for _, op := range strings.Split(*ops, ",") {
		if !slices.Contains(Ops, op) {
			fail(fmt.Errorf("no operation %q; there are %s", op, strings.Join(Ops, ", ")))
		}
		list = append(list, op)
	}
	root, err := FindRoot()
	if err != nil {
		fail(err)
	}
	path, err := FindBrowser()
	if err != nil {
		fail(err)
	}
	begin := time.Now()
	h, err := Start(Config{Root: root, Browser: path, Log: os.Stderr, Symbols: *profile > 0})
	if err != nil {
		fail(err)
	}
	if *profile > 0 {
		err := profileOps(h, list, *warmup, *profile)
		h.Close()
		if err != nil {
			fail(err)
		}
		return
	}
	rep, err := Measure(h, list, *warmup, *runs, func(s string) {
		if *verbose {
			fmt.Fprintln(os.Stderr, s)
		}
	})
	h.Close()
	if err != nil {
		fail(err)
	}
	rep.Elapsed = time.Since(begin)
	rep.Command = command(*runs, *warmup, *ops, *out)
	rep.Machine = machine(root, path)
	fmt.Println(rep.Table())
	if *out != "" {
		if err := WriteSection(*out, rep.Section()); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "jsbench: wrote the jsbench section of %s in %v\n", *out, rep.Elapsed.Round(time.Second))
	}
}

// profileOps prints, for every operation and implementation, where the
// time of its measures goes, from V8's sampling profiler.
func profileOps(h *Harness, ops []string, warmup, runs int) error {
	for _, op := range ops {
		for _, impl := range Impls {
			for range warmup {
				if _, err := h.Run(impl, op, time.Minute); err != nil {
					return err
				}
			}
			ps, err := h.Profile(impl, op, runs)
			if err != nil {
				return err
			}
			fmt.Printf("== %s, %s\n%s\n", op, impl, TopFunctions(ps, 30))
		}
	}
	return nil
}

// command is how the benchmark was run, as a shell command.
func command(runs, warmup int, ops, out string) string {
	c := "go run ./examples/jsbench/bench"
	if runs != 15 {
		c += fmt.Sprintf(" -runs %d", runs)
	}
	if warmup != 3 {
		c += fmt.Sprintf(" -warmup %d", warmup)
	}
	if ops != strings.Join(Ops, ",") {
		c += " -ops " + ops
	}
	if out != "" {
		c += " -out " + out
	}
	return c
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "jsbench:", err)
	os.Exit(1)
}
