// Package deps holds a test of the import graph: the opt-in bridges to
// other libraries (cycle/stream/rxstream for rxgo, interop/goapp for
// go-app) must cost nothing to programs that do not import them, so no
// wasm program that gocycle ships may depend on them.
package deps
