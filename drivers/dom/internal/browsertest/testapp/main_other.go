//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "testapp runs in a browser: the tests of package browsertest build it with GOOS=js GOARCH=wasm")
	os.Exit(2)
}
