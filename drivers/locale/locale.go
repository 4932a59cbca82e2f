package locale

import (
	"golang.org/x/text/language"
)

// Locale is one language and region of an app: the messages it shows,
// how it writes numbers and quantities, which units it prefers and which
// way its text runs. It is a small comparable value: two Locales are
// equal when they show the same messages and format the same way, which
// is what lets [Source.Current] emit only real changes.
//
// The zero Locale shows message ids and formats as the root locale does.
type Locale struct {
	tag  language.Tag // lang with the region asked for: formatting and units
	lang language.Tag // the available language whose messages are shown
	s    *session
}

func newLocale(s *session, lang language.Tag, region language.Region) Locale {
	tag := lang
	if region != (language.Region{}) {
		if t, err := language.Compose(lang, region); err == nil {
			tag = t
		}
	}
	return Locale{tag: tag, lang: lang, s: s}
}

// Tag returns the tag that formatting follows: the matched language with
// the region the user asked for. Asked for es-MX with Spanish messages
// available as es, it is es-MX: the text is Spanish, numbers and units
// are Mexican. With nothing matching, it is the default language (with
// the region asked for, if any: fr-CA with no French is en-CA).
func (l Locale) Tag() language.Tag { return l.tag }

// Language returns the available language whose messages are shown,
// one of [Source.Available].
func (l Locale) Language() language.Tag { return l.lang }

// String returns the BCP 47 form of Tag, such as "es-MX".
func (l Locale) String() string { return l.tag.String() }

// Region returns the region used for unit preferences and formats: the
// region of Tag if it has one, else the likeliest one for its language
// (es → ES, en → US, pt → BR, sr-Latn → RS).
func (l Locale) Region() language.Region {
	r, _ := l.tag.Region()
	return r
}

// Direction is the direction text runs in.
type Direction uint8

const (
	// LTR is left to right.
	LTR Direction = iota
	// RTL is right to left: Arabic, Hebrew, Persian, Urdu, ...
	RTL
)

// String returns "ltr" or "rtl", the values of the HTML dir attribute.
func (d Direction) String() string {
	if d == RTL {
		return "rtl"
	}
	return "ltr"
}

// rtlScripts are the scripts written right to left that CLDR's likely
// subtags give to languages (ar, fa, ur, ps, ckb → Arab; he, yi → Hebr;
// dv → Thaa; ...).
var rtlScripts = []string{"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"}

// Direction returns the direction of the shown messages' script, so that
// a view can set dir= on its root. It follows Language, not Tag: an Arabic
// user shown English text (no Arabic messages) needs a left-to-right view.
func (l Locale) Direction() Direction {
	s, _ := l.lang.Script()
	str := s.String()
	for _, r := range rtlScripts {
		if r == str {
			return RTL
		}
	}
	return LTR
}

// Text returns message id in the locale's language. data holds, in any
// order:
//
//   - a number (int, int64, float64, ...): the count that picks the plural
//     form; go-i18n templates see it as {{.Count}} and {{.PluralCount}}
//     when no other data is given;
//   - a map or struct: go-i18n template data, and the values of Odoo's
//     %(name)s placeholders in .po strings;
//   - a [Ctx]: the msgctxt of a .po message.
//
// Every item but a Ctx also fills the printf-style verbs (%s, %d) of .po
// strings, in order.
//
// A message missing in the language shows in the default language, and
// one missing there too shows as its id; each is reported once, on the
// driver's [Source.Errors]. Text never returns "" for a message that
// exists in some language.
func (l Locale) Text(id string, data ...any) string {
	if l.s == nil {
		return id
	}
	return l.s.text(l.lang, id, data)
}
