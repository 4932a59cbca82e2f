//go:build js && wasm

package locale

import "syscall/js"

// browserLanguages returns navigator.languages, the user's languages in
// the browser's order of preference, or navigator.language where only
// that exists. Outside a browser (Node before 21 has no navigator) it
// returns nil.
func browserLanguages() []string {
	nav := js.Global().Get("navigator")
	if nav.Type() != js.TypeObject {
		return nil
	}
	var out []string
	if ls := nav.Get("languages"); ls.Type() == js.TypeObject {
		for i, n := 0, ls.Length(); i < n; i++ {
			if v := ls.Index(i); v.Type() == js.TypeString {
				out = append(out, v.String())
			}
		}
	}
	if len(out) == 0 {
		if v := nav.Get("language"); v.Type() == js.TypeString {
			out = append(out, v.String())
		}
	}
	return out
}
