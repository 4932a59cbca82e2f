//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "testapp runs in a browser: the test of package browsertest builds it with GOOS=js GOARCH=wasm")
	os.Exit(2)
}
