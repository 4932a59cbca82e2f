//go:build !(js && wasm)

package main

import (
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// widgetsGzipBudget is the most that widgets.wasm may weigh gzipped
// (compress/gzip, best compression): what every Odoo user downloads. A
// change that needs more raises it here, in view of its reviewers; one
// that saves bytes lowers it, so that the saving stays.
const widgetsGzipBudget = 1_925_000

// TestWidgetsWasmStaysWithinItsSizeBudget builds widgets.wasm as make
// odoo-addon does and weighs it.
func TestWidgetsWasmStaysWithinItsSizeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds widgets.wasm, which -short leaves out")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build widgets.wasm: %v", err)
	}
	wasm := filepath.Join(t.TempDir(), "widgets.wasm")
	build := exec.Command(gobin, "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go build: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gzipSize(raw)
	if err != nil {
		t.Fatal(err)
	}
	if gz > widgetsGzipBudget {
		over := gz - widgetsGzipBudget
		t.Errorf("widgets.wasm is %d bytes gzipped (%d raw): %d bytes (%.2f%%) over its budget of %d bytes; make the module smaller (make size shows where the bytes go) or raise widgetsGzipBudget in size_test.go",
			gz, len(raw), over, 100*float64(over)/widgetsGzipBudget, widgetsGzipBudget)
		return
	}
	t.Logf("widgets.wasm is %d bytes gzipped (%d raw), %d under its budget of %d", gz, len(raw), widgetsGzipBudget-gz, widgetsGzipBudget)
}

func gzipSize(b []byte) (int, error) {
	var n countingWriter
	w, err := gzip.NewWriterLevel(&n, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := w.Write(b); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return int(n), nil
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
