//go:build !(js && wasm)

package http

import nethttp "net/http"

// setCredentials does nothing natively: credentials modes are fetch's,
// and a native client sends cookies only from its own Jar.
func setCredentials(*nethttp.Request, string) {}

// pageURL returns "": natively there is no page to resolve URLs against.
func pageURL() string { return "" }
