//go:build js && wasm

package main

// serve is never reached in the browser: app.RunWhenOnBrowser does not
// return there.
func serve() {}
