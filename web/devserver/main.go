// Command devserver serves the demo page for `make run`. It listens on a
// loopback address only and tells browsers not to cache, so that a rebuilt
// wasm module is picked up on reload.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "loopback address to listen on")
	dir := flag.String("dir", "web/static", "directory to serve")
	flag.Parse()
	if err := checkLoopback(*addr); err != nil {
		fmt.Fprintln(os.Stderr, "devserver:", err)
		os.Exit(2)
	}
	if _, err := os.Stat(*dir); err != nil {
		fmt.Fprintf(os.Stderr, "devserver: %v (run it from the repository root, or pass -dir)\n", err)
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "devserver: %v (is another server on %s? pass -addr 127.0.0.1:PORT)\n", err, *addr)
		os.Exit(1)
	}
	log.Printf("serving %s on http://%s/", *dir, ln.Addr())
	log.Fatal(http.Serve(ln, handler(*dir)))
}

// handler serves dir without caching. Go's file server already sends
// application/wasm for .wasm files, which instantiateStreaming needs.
func handler(dir string) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		fs.ServeHTTP(w, r)
	})
}

// checkLoopback refuses addresses other than loopback ones: the dev server
// is for the developer's own browser.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("bad -addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return errors.New("-addr must be a loopback address such as 127.0.0.1:8080, not " + addr)
	}
	return nil
}
