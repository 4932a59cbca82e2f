//go:build !(js && wasm)

package locale

// browserLanguages returns nil natively: a native program has no browser,
// and the process's LANG or LC_ALL describe the machine, not the user of
// a widget, so the default language is used after Initial.
func browserLanguages() []string { return nil }
