//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "demo runs in a browser: build it with GOOS=js GOARCH=wasm (make run does)")
	os.Exit(2)
}
