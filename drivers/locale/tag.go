package locale

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// ParseLanguage parses a language as hosts give it: a BCP 47 tag
// ("es-MX", "zh-Hant-TW"), an Odoo or POSIX locale code ("es_ES",
// "pt_BR", "zh_CN", "sr@latin", "ca_ES@valencia", "de_DE.UTF-8").
//
// Odoo's codes are POSIX's: "_" separates the region and "@" adds a
// modifier, which becomes a script ("@latin" → Latn, "@cyrillic" → Cyrl)
// or a variant ("@valencia"); a ".charset" suffix is dropped. Without
// this, "sr@latin" (Odoo's Serbian in Latin script) would not parse, and
// a Serbian user would get Cyrillic text.
func ParseLanguage(s string) (language.Tag, error) {
	code := strings.TrimSpace(s)
	if code == "" {
		return language.Und, fmt.Errorf("locale: empty language code")
	}
	var mod string
	if i := strings.IndexByte(code, '@'); i >= 0 {
		code, mod = code[:i], strings.ToLower(code[i+1:])
		if mod == "" {
			return language.Und, fmt.Errorf("locale: language %q: empty @modifier", s)
		}
	}
	if i := strings.IndexByte(code, '.'); i >= 0 { // de_DE.UTF-8
		code = code[:i]
	}
	code = strings.ReplaceAll(code, "_", "-")
	switch mod {
	case "":
	case "latin":
		code = withScript(code, "Latn")
	case "cyrillic":
		code = withScript(code, "Cyrl")
	case "devanagari":
		code = withScript(code, "Deva")
	case "arabic":
		code = withScript(code, "Arab")
	default:
		if len(mod) == 4 { // sr@Cyrl: a script code written as a modifier
			code = withScript(code, mod)
		} else {
			code += "-" + mod // ca_ES@valencia → ca-ES-valencia
		}
	}
	t, err := language.Parse(code)
	if err != nil {
		return language.Und, fmt.Errorf("locale: language %q: %v", s, err)
	}
	return t, nil
}

// withScript puts script after the language subtag: "sr-RS" → "sr-Latn-RS".
func withScript(code, script string) string {
	lang, rest, ok := strings.Cut(code, "-")
	if !ok {
		return lang + "-" + script
	}
	return lang + "-" + script + "-" + rest
}
