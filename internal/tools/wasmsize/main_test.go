package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPackageAndGenericOfGoSymbols(t *testing.T) {
	for _, c := range []struct {
		sym, pkg, generic string
	}{
		{"github.com/gocycle/gocycle/cycle/stream.(*Stream[go.shape.struct { github.com/gocycle/gocycle/units.v float64 }]).add",
			"github.com/gocycle/gocycle/cycle/stream", "github.com/gocycle/gocycle/cycle/stream.(*Stream[…]).add"},
		{"github.com/gocycle/gocycle/cycle/stream.Map[go.shape.int,go.shape.string].func1",
			"github.com/gocycle/gocycle/cycle/stream", "github.com/gocycle/gocycle/cycle/stream.Map[…]"},
		{"github.com/gocycle/gocycle/cycle/stream.(*mapOp[go.shape.int,go.shape.int]).next.deferwrap1.1",
			"github.com/gocycle/gocycle/cycle/stream", "github.com/gocycle/gocycle/cycle/stream.(*mapOp[…]).next"},
		{"golang.org/x/text/language.Parse", "golang.org/x/text/language", ""},
		{"encoding/json.(*decodeState).object", "encoding/json", ""},
		{"runtime.mallocgc", "runtime", ""},
		{"type:.eq.[2]interface {}", "type: (equality and hash functions)", ""},
		{"wasm_pc_f_loop", "(linker: wasm_pc_f_loop)", ""},
	} {
		if got := packageOf(c.sym); got != c.pkg {
			t.Errorf("packageOf(%q) = %q, want %q", c.sym, got, c.pkg)
		}
		g, ok := genericOf(c.sym)
		if ok != (c.generic != "") || g != c.generic {
			t.Errorf("genericOf(%q) = %q, %v; want %q", c.sym, g, ok, c.generic)
		}
	}
}

// module builds a WebAssembly binary from sections (id, payload).
func wasmModule(sections ...[]byte) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		b = append(b, s...)
	}
	return b
}

func leb(n int) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func vec(s string) []byte { return append(leb(len(s)), s...) }

func sec(id byte, payload []byte) []byte {
	return append(append([]byte{id}, leb(len(payload))...), payload...)
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func TestReportAttributesBodiesToNamedFunctions(t *testing.T) {
	imports := sec(2, cat(leb(2),
		vec("go"), vec("debug"), []byte{0}, leb(0), // an imported function: index 0
		vec("go"), vec("mem"), []byte{2, 0}, leb(1), // a memory
	))
	code := sec(10, cat(leb(3),
		leb(300), make([]byte, 300), // function 1
		leb(200), make([]byte, 200), // function 2
		leb(100), make([]byte, 100), // function 3
	))
	names := sec(0, cat(vec("name"),
		[]byte{1}, leb(len(cat(leb(4), leb(0), vec("go.debug"), leb(1), vec("p/a.F[go.shape.int]"), leb(2), vec("p/a.F[go.shape.string]"), leb(3), vec("q.G")))),
		leb(4), leb(0), vec("go.debug"), leb(1), vec("p/a.F[go.shape.int]"), leb(2), vec("p/a.F[go.shape.string]"), leb(3), vec("q.G"),
	))
	m, err := parse(wasmModule(imports, code, names))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := report(&out, m, 5); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| code | 606 |",
		"| p/a | 500 | 83.3% | 2 |",
		"| q | 100 | 16.7% | 1 |",
		"| `p/a.F[…]` | 500 | 2 |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestReportAsksForABuildWithSymbols(t *testing.T) {
	m, err := parse(wasmModule(sec(10, cat(leb(1), leb(1), []byte{0x0b}))))
	if err != nil {
		t.Fatal(err)
	}
	err = report(&strings.Builder{}, m, 5)
	if err == nil || !strings.Contains(err.Error(), "without -ldflags=-s") {
		t.Errorf("got %v, want an error that says to build without -s", err)
	}
}

func TestParseRejectsATruncatedModule(t *testing.T) {
	b := wasmModule(sec(10, cat(leb(1), leb(50), make([]byte, 50))))
	if _, err := parse(b[:len(b)-10]); err == nil || !strings.Contains(err.Error(), "past the end") {
		t.Errorf("got %v, want an error about a section past the end", err)
	}
	if _, err := parse([]byte("not wasm")); err == nil {
		t.Error("parse accepted a file that is not a module")
	}
}
