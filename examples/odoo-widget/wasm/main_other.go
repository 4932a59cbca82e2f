//go:build !(js && wasm)

// Command wasm is widgets.wasm, built with GOOS=js GOARCH=wasm (see
// main_js.go); natively it only says so.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "widgets.wasm runs in a browser: build it with GOOS=js GOARCH=wasm (make odoo-addon)")
	os.Exit(2)
}
