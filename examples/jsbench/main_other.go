//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "jsbench runs in a browser: build it with GOOS=js GOARCH=wasm; see examples/jsbench/README.md")
	os.Exit(2)
}
