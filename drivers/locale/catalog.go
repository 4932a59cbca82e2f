package locale

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Option configures a [Driver] or a [Catalog].
type Option func(*config)

// UnmarshalFunc decodes a message file into v, as json.Unmarshal does.
type UnmarshalFunc func(data []byte, v any) error

type config struct {
	def        language.Tag
	initial    string
	files      []fileSet
	unmarshal  map[string]UnmarshalFunc
	newDecoder func() Decoder
}

// Decoder reads message files of formats other than gettext's, and
// renders their messages. Package drivers/locale/goi18n provides go-i18n's
// (JSON, TOML, YAML). It is an interface, not built in, because go-i18n
// renders its templates with text/template, which costs a WebAssembly
// binary 2.4 MB: an app whose messages are all .po files should not carry
// it.
type Decoder interface {
	// Load adds the messages of file name, in language lang. unmarshal is
	// the function given with [Unmarshal] for the file's extension, or nil.
	// Errors should name the file, and its line if known.
	Load(lang language.Tag, name string, data []byte, unmarshal UnmarshalFunc) error
	// Text renders message id in lang. count is the plural count (an int64
	// or, for a fraction, its decimal string), or nil; data is the
	// template data, or nil. ok is false if lang lacks the message; err
	// reports a message that exists but failed to render, in which case
	// text is what could be rendered.
	Text(lang language.Tag, id string, count, data any) (text string, ok bool, err error)
}

// WithDecoder makes newDecoder read the files of [Messages] that are not
// .po files; it is called once per [Load]. Use goi18n.Files() from package
// drivers/locale/goi18n, rather than this, for go-i18n's formats.
func WithDecoder(newDecoder func() Decoder) Option {
	return func(c *config) { c.newDecoder = newDecoder }
}

type fileSet struct {
	fsys     fs.FS
	patterns []string
}

// Default sets the default language: the language of the messages shown
// when a message is missing in the user's language, and the one chosen
// when nothing the user asks for is available. It is English if not set.
func Default(tag language.Tag) Option { return func(c *config) { c.def = tag } }

// Initial sets the language the app starts in, as the host gives it: for
// an Odoo widget, the user's language from the props ("es_ES",
// "sr@latin"); see [ParseLanguage]. It comes before the browser's
// languages. An empty or unparsable lang is ignored (the second is
// reported on Errors), so that a widget still shows in some language.
func Initial(lang string) Option { return func(c *config) { c.initial = lang } }

// Messages loads the message files of fsys (usually an embed.FS) that
// match patterns (fs.Glob patterns; none means "*"). A file's language is
// its name without the extension, or the part of it after the last dot:
// "es.json", "active.pt-BR.toml", "i18n/es_ES.po", "sr@latin.po".
//
// The extension picks the format: ".po" files are gettext catalogs, read
// by this package; other files (go-i18n's ".json", ".toml") need the
// option goi18n.Files() of package drivers/locale/goi18n, and formats
// other than JSON an [Unmarshal] option too, so that a program carries
// only the decoders its files need.
func Messages(fsys fs.FS, patterns ...string) Option {
	if len(patterns) == 0 {
		patterns = []string{"*"}
	}
	return func(c *config) { c.files = append(c.files, fileSet{fsys, patterns}) }
}

// Unmarshal registers the decoder of go-i18n message files with the
// extension format ("toml", "yaml"), as go-i18n's
// Bundle.RegisterUnmarshalFunc does:
//
//	locale.Unmarshal("toml", toml.Unmarshal) // github.com/BurntSushi/toml
//
// A TOML decoder costs a WebAssembly binary 400 KB, which is why it is
// not built in.
func Unmarshal(format string, f UnmarshalFunc) Option {
	return func(c *config) {
		if c.unmarshal == nil {
			c.unmarshal = map[string]UnmarshalFunc{}
		}
		c.unmarshal[strings.TrimPrefix(format, ".")] = f
	}
}

// Catalog holds the messages of every available language and matches
// languages to them. It is read-only once loaded, so the apps of a page
// share one.
type Catalog struct {
	def     language.Tag
	langs   []language.Tag // default first, then in the order loaded
	matcher language.Matcher
	initial string

	dec Decoder // nil without WithDecoder

	po map[language.Tag]map[string]poEntry
	// source maps the key of every .po message to its msgid and
	// msgid_plural: the text in the default language, used when no
	// translation has it.
	source map[string][2]string
}

type poEntry struct {
	forms []string
	file  *POFile // for its plural rule
}

// poKey is gettext's key for a message with a context.
func poKey(ctx, id string) string {
	if ctx == "" {
		return id
	}
	return ctx + "\x04" + id
}

// Load reads the message files of opts and returns the catalog. A
// malformed file is an error that names it, and its line when the format
// tells it.
func Load(opts ...Option) (*Catalog, error) {
	cfg := config{def: language.English}
	for _, o := range opts {
		o(&cfg)
	}
	c := &Catalog{
		def:     cfg.def,
		initial: cfg.initial,
		po:      map[language.Tag]map[string]poEntry{},
		source:  map[string][2]string{},
	}
	if cfg.newDecoder != nil {
		c.dec = cfg.newDecoder()
	}
	c.addLang(cfg.def)
	for _, set := range cfg.files {
		for _, pat := range set.patterns {
			names, err := fs.Glob(set.fsys, pat)
			if err != nil {
				return nil, fmt.Errorf("locale: pattern %q: %v", pat, err)
			}
			if len(names) == 0 && !strings.ContainsAny(pat, "*?[") {
				return nil, fmt.Errorf("locale: message file %s does not exist", pat)
			}
			for _, name := range names {
				if st, err := fs.Stat(set.fsys, name); err == nil && st.IsDir() {
					continue
				}
				if err := c.loadFile(set.fsys, name, cfg.unmarshal); err != nil {
					return nil, err
				}
			}
		}
	}
	c.matcher = language.NewMatcher(c.langs)
	return c, nil
}

func (c *Catalog) addLang(t language.Tag) {
	if !slices.Contains(c.langs, t) {
		c.langs = append(c.langs, t)
	}
}

// fileLanguage gives the language of a message file from its name.
func fileLanguage(name string) (language.Tag, string, error) {
	base := path.Base(name)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if i := strings.LastIndexByte(stem, '.'); i >= 0 {
		stem = stem[i+1:]
	}
	t, err := ParseLanguage(stem)
	if err != nil {
		return t, "", fmt.Errorf("locale: %s: the file name does not name a language (want es.po, es_ES.po, active.es.json...): %v", name, err)
	}
	return t, strings.TrimPrefix(ext, "."), nil
}

func (c *Catalog) loadFile(fsys fs.FS, name string, unmarshal map[string]UnmarshalFunc) error {
	tag, format, err := fileLanguage(name)
	if err != nil {
		return err
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("locale: %v", err)
	}
	if format == "po" {
		f, err := ParsePO(data, name)
		if err != nil {
			return err
		}
		c.addPO(tag, f)
		return nil
	}
	if c.dec == nil {
		return fmt.Errorf("locale: %s: .%s files need a decoder: add the option goi18n.Files() of package github.com/gocycle/gocycle/drivers/locale/goi18n", name, format)
	}
	if err := c.dec.Load(tag, name, data, unmarshal[format]); err != nil {
		return err
	}
	c.addLang(tag)
	return nil
}

func (c *Catalog) addPO(tag language.Tag, f *POFile) {
	c.addLang(tag)
	m := c.po[tag]
	if m == nil {
		m = map[string]poEntry{}
		c.po[tag] = m
	}
	for _, msg := range f.Messages {
		k := poKey(msg.Context, msg.ID)
		m[k] = poEntry{forms: msg.Str, file: f}
		if _, ok := c.source[k]; !ok {
			c.source[k] = [2]string{msg.ID, msg.IDPlural}
		}
	}
}

// Available returns the languages the app has messages for, the default
// language first. The slice is the catalog's: do not change it.
func (c *Catalog) Available() []language.Tag { return c.langs }

// Default returns the default language.
func (c *Catalog) Default() language.Tag { return c.def }

// Match returns the locale for the languages a user asks for, best first:
// the closest available language (es-MX gets es, pt-BR gets pt-BR or pt,
// zh-TW gets zh-Hant), or the default language if none is close. The
// locale keeps the region the user asked for (es-MX formats numbers and
// picks units as in Mexico); see [Locale].
//
// Missing messages of the returned locale are reported nowhere; those of
// the driver's locales go to [Source.Errors].
func (c *Catalog) Match(want ...language.Tag) Locale {
	return c.match(&session{cat: c}, want)
}

func (c *Catalog) match(s *session, want []language.Tag) Locale {
	if len(want) == 0 {
		return newLocale(s, c.def, language.Region{})
	}
	t, i, conf := c.matcher.Match(want...)
	lang := c.langs[i]
	// Keep the region the user asked for: the matcher carries it over as
	// -u-rg- (es-MX → es-u-rg-mxzzzz; fr-CA with no French → en-u-rg-cazzzz).
	region := language.Region{}
	if rg := t.TypeForKey("rg"); len(rg) >= 2 {
		region, _ = language.ParseRegion(rg[:2])
	} else if r, rc := t.Region(); rc == language.Exact {
		region = r
	} else {
		// Regions that are not countries (es-419) are not carried over.
		for _, w := range want {
			if conf == language.No || c.matchesLang(w, lang) {
				if r, rc := w.Region(); rc == language.Exact {
					region = r
				}
				break
			}
		}
	}
	return newLocale(s, lang, region)
}

// matchesLang reports whether the desired tag w alone matches lang.
func (c *Catalog) matchesLang(w, lang language.Tag) bool {
	_, i, conf := c.matcher.Match(w)
	return conf != language.No && c.langs[i] == lang
}

// session is what the locales of one app share: the catalog, and which
// missing messages have been reported.
type session struct {
	cat      *Catalog
	report   func(error) // nil: report nowhere
	mu       sync.Mutex
	reported map[[2]string]bool
}

// MissingError reports a message that a language lacks.
type MissingError struct {
	// ID is the message id (for .po messages with a context,
	// context + "\x04" + msgid).
	ID string
	// Language is the language that lacks it.
	Language language.Tag
	// Default tells whether Language is the default language, in which
	// case the id itself was shown.
	Default bool
}

// Error says which message is missing where, and what is shown instead.
func (e *MissingError) Error() string {
	if e.Default {
		return fmt.Sprintf("locale: message %q is missing in the default language %s; showing its id", e.ID, e.Language)
	}
	return fmt.Sprintf("locale: message %q is missing in %s; showing the default language's text", e.ID, e.Language)
}

// once reports err unless an error for (lang, id) was reported already:
// a missing message would otherwise be reported on every render.
func (s *session) once(lang language.Tag, id string, err error) {
	if s.report == nil {
		return
	}
	k := [2]string{lang.String(), id}
	s.mu.Lock()
	if s.reported == nil {
		s.reported = map[[2]string]bool{}
	}
	seen := s.reported[k]
	s.reported[k] = true
	s.mu.Unlock()
	if !seen {
		s.report(err)
	}
}

// Ctx is a data item of [Locale.Text] that selects the msgctxt of a .po
// message: Text("Open", locale.Ctx("menu")) is the msgid "Open" with
// msgctxt "menu".
type Ctx string

// textArgs sorts the data of Text: a context, a count and template data.
type textArgs struct {
	ctx      string
	count    any   // for go-i18n: an int64 or a decimal string
	n        int64 // for gettext
	hasCount bool
	tmpl     any   // a map or struct, for templates and %(name)s
	pos      []any // every item but contexts, for printf-style .po strings
}

func parseArgs(data []any) textArgs {
	var a textArgs
	for _, d := range data {
		if c, ok := d.(Ctx); ok {
			a.ctx = string(c)
			continue
		}
		a.pos = append(a.pos, d)
		var n int64
		var count any
		switch v := d.(type) {
		case int:
			n = int64(v)
		case int8:
			n = int64(v)
		case int16:
			n = int64(v)
		case int32:
			n = int64(v)
		case int64:
			n = v
		case uint:
			n = int64(v)
		case uint8:
			n = int64(v)
		case uint16:
			n = int64(v)
		case uint32:
			n = int64(v)
		case uint64:
			n = int64(v)
		case float32:
			n, count = int64(v), strconv.FormatFloat(float64(v), 'f', -1, 32)
		case float64:
			n, count = int64(v), strconv.FormatFloat(v, 'f', -1, 64)
		default:
			if a.tmpl == nil {
				a.tmpl = d
			}
			continue
		}
		if a.hasCount {
			continue
		}
		if count == nil {
			count = n
		}
		a.n, a.count, a.hasCount = n, count, true
	}
	return a
}

// text renders message id in lang: lang's translation, else the default
// language's, else the id, reporting what is missing.
func (s *session) text(lang language.Tag, id string, data []any) string {
	c := s.cat
	a := parseArgs(data)
	key := poKey(a.ctx, id)
	if t, ok := s.lookup(lang, key, a); ok {
		return t
	}
	if lang != c.def {
		s.once(lang, key, &MissingError{ID: key, Language: lang})
		if t, ok := s.lookup(c.def, key, a); ok {
			return t
		}
	}
	if src, ok := c.source[key]; ok {
		// A .po msgid is the text in the default language.
		t := src[0]
		if src[1] != "" && germanicPlural(a.n) == 1 && a.hasCount {
			t = src[1]
		}
		return formatPO(t, a)
	}
	s.once(c.def, key, &MissingError{ID: key, Language: c.def, Default: true})
	return id
}

func (s *session) lookup(lang language.Tag, key string, a textArgs) (string, bool) {
	c := s.cat
	if e, ok := c.po[lang][key]; ok {
		i := 0
		if a.hasCount {
			i = e.file.PluralIndex(a.n)
		}
		if i >= len(e.forms) {
			i = len(e.forms) - 1
		}
		return formatPO(e.forms[i], a), true
	}
	if c.dec == nil {
		return "", false
	}
	t, ok, err := c.dec.Text(lang, key, a.count, a.tmpl)
	if err != nil {
		s.once(lang, key, fmt.Errorf("locale: message %q in %s: %w", key, lang, err))
		if t == "" {
			return "", false
		}
		ok = true
	}
	return t, ok
}

// formatPO fills a gettext string the way Odoo's Python and C's printf
// do: %(name)s from a map, and %s, %d, %.2f... from the data in order.
// Unlike fmt.Sprintf it leaves out no text and adds none when the data
// and the verbs disagree, which translations often do ("un fichier" for
// "%d files").
func formatPO(s string, a textArgs) string {
	if !strings.Contains(s, "%") || len(a.pos) == 0 {
		return s
	}
	named, _ := a.tmpl.(map[string]any)
	var b strings.Builder
	next := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		if s[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		j := i + 1
		var arg any
		var ok bool
		if s[j] == '(' {
			end := strings.IndexByte(s[j:], ')')
			if end < 0 {
				b.WriteByte('%')
				continue
			}
			arg, ok = named[s[j+1:j+end]]
			j += end + 1
		} else if next < len(a.pos) {
			arg, ok = a.pos[next], true
			next++
		}
		k := j
		for k < len(s) && strings.IndexByte("+-# 0123456789.", s[k]) >= 0 {
			k++
		}
		if k == len(s) || !ok {
			b.WriteString(s[i:min(k+1, len(s))])
			i = k
			continue
		}
		verb := s[k]
		spec := s[j:k]
		if verb == 'r' || verb == 'i' || verb == 'u' { // Python's %r, C's %i and %u
			verb = 'v'
			if s[k] != 'r' {
				verb = 'd'
			}
		}
		b.WriteString(fmt.Sprintf("%"+spec+string(verb), arg))
		i = k
	}
	return b.String()
}
