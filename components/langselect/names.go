package langselect

import (
	"strings"

	"golang.org/x/text/language"
)

// endonyms are languages' names in themselves, capitalized as in a menu
// (CLDR's uiListOrMenu context: "Español", not "español"). A hand table of
// the languages apps ship, rather than golang.org/x/text/language/display,
// which adds 2.4 MB to a WebAssembly binary (640 KB with brotli) for
// names of every language in every language.
var endonyms = map[string]string{
	"af": "Afrikaans", "ar": "العربية", "bg": "Български", "bn": "বাংলা", "ca": "Català",
	"cs": "Čeština", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά", "en": "English",
	"es": "Español", "et": "Eesti", "eu": "Euskara", "fa": "فارسی", "fi": "Suomi",
	"fr": "Français", "gl": "Galego", "he": "עברית", "hi": "हिन्दी", "hr": "Hrvatski",
	"hu": "Magyar", "id": "Indonesia", "it": "Italiano", "ja": "日本語", "ka": "ქართული",
	"kk": "Қазақ тілі", "km": "ខ្មែរ", "ko": "한국어", "lo": "ລາວ", "lt": "Lietuvių",
	"lv": "Latviešu", "mk": "Македонски", "mn": "Монгол", "ms": "Melayu", "my": "မြန်မာ",
	"nb": "Norsk bokmål", "nl": "Nederlands", "no": "Norsk", "pl": "Polski", "pt": "Português",
	"ro": "Română", "ru": "Русский", "sk": "Slovenčina", "sl": "Slovenščina", "sq": "Shqip",
	"sr": "Српски", "sv": "Svenska", "sw": "Kiswahili", "ta": "தமிழ்", "te": "తెలుగు",
	"th": "ไทย", "tl": "Tagalog", "tr": "Türkçe", "uk": "Українська", "ur": "اردو",
	"vi": "Tiếng Việt", "zh": "中文",

	// Variants whose names are not the language's plus a region.
	"en-GB": "English (UK)", "en-US": "English (US)", "es-419": "Español (Latinoamérica)",
	"fr-CA": "Français (Canada)", "pt-BR": "Português (Brasil)", "pt-PT": "Português (Portugal)",
	"sr-Latn": "Srpski (latinica)", "zh-Hans": "中文（简体）", "zh-Hant": "中文（繁體）",
	"zh-CN": "中文（简体）", "zh-TW": "中文（繁體）", "es-MX": "Español (México)",
}

// Name returns the name of a language in that language, as a menu shows
// it: "Español" for es, "Deutsch" for de, "日本語" for ja, "Português
// (Brasil)" for pt-BR. A tag that is not in its table is named by its
// base language with the region code ("Español (AR)"), or, for a language
// it does not know, by its BCP 47 form.
func Name(tag language.Tag) string {
	s := tag.String()
	if n, ok := endonyms[s]; ok {
		return n
	}
	base, _ := tag.Base()
	script, sc := tag.Script()
	region, rc := tag.Region()
	if sc == language.Exact {
		if n, ok := endonyms[base.String()+"-"+script.String()]; ok {
			return n
		}
	}
	n, ok := endonyms[base.String()]
	if !ok {
		return s
	}
	if rc == language.Exact {
		if v, ok := endonyms[base.String()+"-"+region.String()]; ok {
			return v
		}
		return n + " (" + strings.ToUpper(region.String()) + ")"
	}
	return n
}
