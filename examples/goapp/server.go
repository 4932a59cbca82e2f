//go:build !(js && wasm)

package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// serve runs the server: go-app's handler for the page and the wasm in
// -dir/web, on 127.0.0.1 only.
func serve() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (127.0.0.1 only)")
	dir := flag.String("dir", "examples/goapp/build", "directory with web/app.wasm and web/gocycle.js")
	wasmExec := flag.String("wasm-exec", "", "wasm_exec.js of the Go that built app.wasm (default: $(go env GOROOT)/lib/wasm/wasm_exec.js)")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || host != "127.0.0.1" {
		log.Fatalf("goapp: -addr %q: listen on 127.0.0.1 only", *addr)
	}
	if *wasmExec == "" {
		*wasmExec, err = goWasmExec()
		if err != nil {
			log.Fatal(err)
		}
	}
	log.Printf("goapp: serving http://%s/", *addr)
	log.Fatal(http.ListenAndServe(*addr, newHandler(*dir, *wasmExec)))
}

// goWasmExec finds the wasm_exec.js of the Go on PATH.
func goWasmExec() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", err
	}
	return filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"), nil
}

// newHandler serves the page with go-app's app.Handler, which loads
// gocycle.js (from dir/web) before the wasm. go-app v9.8.0 embeds the
// wasm_exec.js of Go 1.20, which cannot run a wasm built by a newer Go:
// /wasm_exec.js is served from wasmExec instead.
func newHandler(dir, wasmExec string) http.Handler {
	h := &app.Handler{
		Name:        "gocycle in go-app",
		ShortName:   "gocycle",
		Title:       "gocycle inside go-app",
		Description: "gocycle's FullyLocalizedSlider hosted in a go-app page",
		Resources:   resources{http.FileServer(http.Dir(dir))},
		Scripts:     []string{"/web/gocycle.js"},
		RawHeaders: []string{`<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; }
.goapp-controls { display: flex; gap: .5rem; }
.goapp-widget { border: 1px solid #d8d3d7; border-radius: .5rem; padding: .5rem 1rem; margin: 1rem 0; }
.gc-slider label { display: block; font-weight: 600; }
.gc-slider-row { display: flex; align-items: center; gap: 1rem; }
.gc-slider input[type=range] { flex: 1; }
.goapp-error { color: #a00; }
</style>`},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/wasm_exec.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/javascript")
		http.ServeFile(w, r, wasmExec)
	})
	mux.Handle("/", h)
	return mux
}

// resources serves /web/... from a directory at any path; go-app's
// LocalDir takes its root for a URL prefix as well.
type resources struct{ http.Handler }

func (resources) Package() string { return "" }
func (resources) Static() string  { return "" }
func (resources) AppWASM() string { return "/web/app.wasm" }
