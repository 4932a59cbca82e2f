//go:build js && wasm

package http

import (
	nethttp "net/http"
	"syscall/js"
)

// setCredentials sets fetch's credentials mode through the header that
// net/http's js transport reads and removes before the fetch.
func setCredentials(r *nethttp.Request, mode string) {
	r.Header.Set("js.fetch:credentials", mode)
}

// pageURL returns the page's location, against which fetch resolves
// relative URLs too; "" where there is no page (Node).
func pageURL() string {
	loc := js.Global().Get("location")
	if loc.Type() != js.TypeObject {
		return ""
	}
	href := loc.Get("href")
	if href.Type() != js.TypeString {
		return ""
	}
	return href.String()
}
