// Command wasmsize prints where the bytes of a WebAssembly module built by
// Go go: the size of each section, then the code bytes of the top
// packages and of the top generic functions, summed over their
// instantiations. It reads function names from the module's name
// section, which a build with -ldflags="-s" leaves out: build the module
// to measure without it.
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/w.wasm ./examples/odoo-widget/wasm
//	go run ./internal/tools/wasmsize -top 20 /tmp/w.wasm
//
// `make size` runs it on widgets.wasm.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	top := flag.Int("top", 15, "how many packages and generic functions to list")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: wasmsize [-top N] module.wasm")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	m, err := parse(b)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wasmsize: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	if err := report(os.Stdout, m, *top); err != nil {
		fmt.Fprintf(os.Stderr, "wasmsize: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
}

// report writes the tables of m as Markdown.
func report(w io.Writer, m *module, top int) error {
	if len(m.names) == 0 {
		return fmt.Errorf("the module has no function names: build it without -ldflags=-s")
	}
	if err := m.unmangle(); err != nil {
		// Still a report, with the linker's names: / and [] read as _.
		fmt.Fprintf(os.Stderr, "wasmsize: %v: packages and generic functions are told apart by the name section's mangled names\n", err)
	}
	fmt.Fprintf(w, "| section | bytes |\n|---|---:|\n")
	for _, s := range m.sections {
		fmt.Fprintf(w, "| %s | %d |\n", s.name, s.size)
	}
	total := 0
	pkgs := map[string]*tally{}
	generics := map[string]*tally{}
	for i, size := range m.bodies {
		total += size
		name := m.names[m.imported+i]
		add(pkgs, packageOf(name), size)
		if g, ok := genericOf(name); ok {
			add(generics, g, size)
		}
	}
	fmt.Fprintf(w, "\nCode by package (function bodies, %d bytes in %d functions):\n\n", total, len(m.bodies))
	fmt.Fprintf(w, "| package | code bytes | share | functions |\n|---|---:|---:|---:|\n")
	for _, t := range largest(pkgs, top) {
		fmt.Fprintf(w, "| %s | %d | %.1f%% | %d |\n", t.name, t.bytes, 100*float64(t.bytes)/float64(total), t.count)
	}
	fmt.Fprintf(w, "\nGeneric functions by code bytes, all instantiations together:\n\n")
	fmt.Fprintf(w, "| function | code bytes | instantiations |\n|---|---:|---:|\n")
	for _, t := range largest(generics, top) {
		fmt.Fprintf(w, "| `%s` | %d | %d |\n", t.name, t.bytes, t.count)
	}
	return nil
}

type tally struct {
	name         string
	bytes, count int
}

func add(m map[string]*tally, key string, size int) {
	t := m[key]
	if t == nil {
		t = &tally{name: key}
		m[key] = t
	}
	t.bytes += size
	t.count++
}

func largest(m map[string]*tally, n int) []*tally {
	ts := make([]*tally, 0, len(m))
	for _, t := range m {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].bytes != ts[j].bytes {
			return ts[i].bytes > ts[j].bytes
		}
		return ts[i].name < ts[j].name
	})
	if len(ts) > n {
		ts = ts[:n]
	}
	return ts
}

// stripTypeArgs replaces every outermost [...] of a Go symbol with […]:
// type arguments hold dots and slashes of their own.
func stripTypeArgs(name string) (string, bool) {
	var b strings.Builder
	depth, found := 0, false
	for _, r := range name {
		switch {
		case r == '[':
			if depth == 0 {
				b.WriteString("[…]")
				found = true
			}
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String(), found
}

// genericOf gives the generic function a symbol instantiates, and
// whether it is one. Closures and deferred wrappers count with their
// function.
func genericOf(name string) (string, bool) {
	g, ok := stripTypeArgs(name)
	if !ok || strings.HasPrefix(g, "type:") {
		return "", false
	}
	return trimClosures(g), true
}

// trimClosures drops the .funcN, .deferwrapN, .gowrapN and .N (nested
// literals) suffixes of a function literal's symbol.
func trimClosures(name string) string {
	for {
		i := strings.LastIndexByte(name, '.')
		if i < 0 || !isClosureSuffix(name[i+1:]) {
			return name
		}
		name = name[:i]
	}
}

func isClosureSuffix(s string) bool {
	for _, p := range []string{"func", "deferwrap", "gowrap"} {
		s = strings.TrimPrefix(s, p)
	}
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// packageOf gives the import path of a Go symbol: what precedes the
// first dot after the last slash, once type arguments are stripped.
// Symbols of the linker and of type descriptors go under their prefix.
func packageOf(name string) string {
	s, _ := stripTypeArgs(name)
	if strings.HasPrefix(s, "type:") {
		return "type: (equality and hash functions)"
	}
	slash := strings.LastIndexByte(s, '/')
	dot := strings.IndexByte(s[slash+1:], '.')
	if dot < 0 {
		return "(linker: " + s + ")"
	}
	return s[:slash+1+dot]
}
