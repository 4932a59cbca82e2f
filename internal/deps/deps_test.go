//go:build !(js && wasm)

package deps

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// forbidden are the packages, and module path prefixes, that no shipped
// wasm program may depend on.
var forbidden = []string{
	"github.com/gocycle/gocycle/cycle/stream/rxstream",
	"github.com/gocycle/gocycle/interop/",
	"github.com/reactivex/rxgo",
	"github.com/maxence-charriere/go-app",
}

// shipped are the wasm mains gocycle ships, relative to the module's
// root: the demo, and the main of widgets.wasm wherever it lives (issue
// 7), checked as soon as it exists.
var shipped = []string{"web/demo", "examples/odoo-widget/wasm", "cmd/widgets"}

func TestShippedWasmDoesNotImportBridges(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, dir := range shipped {
		if _, err := os.Stat(filepath.Join(root, dir)); err != nil {
			t.Logf("%s does not exist (yet): not checked", dir)
			continue
		}
		checked++
		cmd := exec.Command("go", "list", "-deps", "./"+dir)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			msg := ""
			if ee, ok := err.(*exec.ExitError); ok {
				msg = string(ee.Stderr)
			}
			t.Fatalf("GOOS=js GOARCH=wasm go list -deps ./%s: %v\n%s", dir, err, msg)
		}
		deps := strings.Fields(string(out))
		if len(deps) < 10 {
			t.Fatalf("go list -deps ./%s listed only %v", dir, deps)
		}
		for _, d := range deps {
			for _, f := range forbidden {
				if d == f || strings.HasPrefix(d, f) {
					t.Errorf("./%s (js/wasm) depends on %s: the bridges must cost nothing to programs that do not import them", dir, d)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no shipped wasm main found: web/demo should be there")
	}
}

// The check itself works: a program that imports a bridge is caught.
func TestCheckCatchesABridge(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./examples/goapp")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "github.com/maxence-charriere/go-app/v9/pkg/app\n") ||
		!strings.Contains(string(out), "github.com/gocycle/gocycle/interop/goapp\n") {
		t.Fatalf("go list -deps ./examples/goapp does not list go-app and interop/goapp:\n%s", out)
	}
}
