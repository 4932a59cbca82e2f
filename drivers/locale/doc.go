// Package locale is gocycle's locale driver: the app's language as a
// stream, its messages, and the number and unit formats of its region.
//
// The driver's sink takes the languages the app asks for (from a
// language selector, or the host when its user changes language); its
// [Source] gives the current [Locale] as a memory stream and the texts of
// messages as streams that follow it:
//
//	type Sources struct{ Locale *locale.Source }
//	type Sinks struct {
//		Locale *stream.Stream[string]
//		...
//	}
//	title := src.Locale.Text("title")                   // *stream.Stream[string]
//	files := src.Locale.Text("files", 3)                // plural forms
//	dir := stream.Map(src.Locale.Current(), locale.Locale.Direction) // ltr or rtl
//
// Messages come from gettext .po files, as Odoo translates, read by this
// package, and from go-i18n message files (JSON; TOML and YAML with a
// decoder given by [Unmarshal]) once the option goi18n.Files() of package
// drivers/locale/goi18n is given: go-i18n brings text/template, 2.4 MB of
// WebAssembly, which an app with only .po files should not pay for. Both
// kinds can be embedded with embed and given to [Messages].
//
// Numbers and quantities are formatted by package units, from the same
// CLDR data it uses for unit patterns and preferences.
// A requested language is matched to the available ones with
// golang.org/x/text's language.Matcher (es-MX gets es, zh-TW gets
// zh-Hant); a message missing in the matched language shows in the
// default language, and is reported once on [Source.Errors].
package locale
