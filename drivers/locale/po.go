package locale

import (
	"fmt"
	"strconv"
	"strings"
)

// POFile is a parsed gettext .po file: its header and its translated
// messages. Fuzzy entries, obsolete (#~) entries and untranslated ones
// (an empty msgstr) are left out, as msgfmt leaves them out of a .mo
// file: a fuzzy translation is a guess that no translator has checked.
type POFile struct {
	// Header holds the fields of the header entry (the msgid ""), such as
	// "Language" and "Plural-Forms".
	Header map[string]string
	// NPlurals is the number of plural forms given by Plural-Forms, 2 when
	// the header has none.
	NPlurals int
	// Messages are the translated entries, in file order.
	Messages []POMessage

	plural pluralFunc
}

// POMessage is one entry of a .po file.
type POMessage struct {
	// Context is the msgctxt, "" if there is none.
	Context string
	// ID is the msgid: the source text, in the program's default language.
	ID string
	// IDPlural is the msgid_plural, "" for a message without plural forms.
	IDPlural string
	// Str holds the msgstr, or msgstr[0], msgstr[1], ... of a plural message.
	Str []string
	// Line is the line of the file on which the entry starts.
	Line int
}

// PluralIndex returns the index of the msgstr[] form that the Plural-Forms
// expression of the file selects for n.
func (f *POFile) PluralIndex(n int64) int {
	if n < 0 {
		n = -n
	}
	i := f.plural(n)
	if i < 0 || i >= f.NPlurals {
		// A formula that points past the forms it declares is a translator's
		// mistake; msgfmt would take form 0 as well.
		return 0
	}
	return i
}

// ParsePO parses the gettext .po file data. name is used in errors only,
// which have the form "locale: name:line: what is wrong".
//
// It understands what GNU gettext writes and Odoo exports: msgctxt,
// msgid, msgid_plural, msgstr and msgstr[n], strings continued over
// several lines, C escapes (\n, \t, \", \\, octal and \x), comments and
// flags, and the Plural-Forms header with its C expression. Anything else
// is an error that names the line, rather than a message silently lost.
func ParsePO(data []byte, name string) (*POFile, error) {
	p := poParser{name: name, f: &POFile{Header: map[string]string{}, NPlurals: 2, plural: germanicPlural}}
	if err := p.parse(string(data)); err != nil {
		return nil, err
	}
	return p.f, nil
}

// germanicPlural is gettext's rule when a file has no Plural-Forms.
func germanicPlural(n int64) int {
	if n == 1 {
		return 0
	}
	return 1
}

type poParser struct {
	name string
	f    *POFile

	// The entry being read.
	cur       POMessage
	has       bool // cur has a keyword
	fuzzy     bool // the flags before cur include fuzzy
	last      *string
	seenID    bool
	seenStr   bool
	headerSet bool
}

func (p *poParser) errorf(line int, format string, args ...any) error {
	return fmt.Errorf("locale: %s:%d: %s", p.name, line, fmt.Sprintf(format, args...))
}

func (p *poParser) parse(src string) error {
	src = strings.TrimPrefix(src, "\ufeff")
	lineNo := 0
	for len(src) > 0 {
		var line string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, ""
		}
		lineNo++
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" {
			continue
		}
		if line[0] == '#' {
			// A comment after a msgstr starts the next entry's comments.
			if p.seenStr {
				if err := p.flush(); err != nil {
					return err
				}
			}
			if strings.HasPrefix(line, "#,") && hasFlag(line[2:], "fuzzy") {
				p.fuzzy = true
			}
			continue
		}
		if line[0] == '"' {
			if p.last == nil {
				return p.errorf(lineNo, "string continuation without a keyword before it")
			}
			s, err := p.unquote(line, lineNo)
			if err != nil {
				return err
			}
			*p.last += s
			continue
		}
		kw, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		if i := strings.IndexByte(kw, '"'); i > 0 { // msgid"x": no space
			kw, rest = line[:i], line[i:]
		}
		if rest == "" || rest[0] != '"' {
			return p.errorf(lineNo, "%s: want a quoted string", kw)
		}
		s, err := p.unquote(rest, lineNo)
		if err != nil {
			return err
		}
		switch {
		case kw == "msgctxt" || kw == "msgid":
			// An entry starts with msgctxt, or with msgid unless this
			// msgid follows the entry's msgctxt.
			if p.has && (kw == "msgctxt" || p.seenID || p.seenStr) {
				if !p.seenStr {
					return p.errorf(lineNo, "%s before the msgstr of the entry on line %d", kw, p.cur.Line)
				}
				if err := p.flush(); err != nil {
					return err
				}
			}
			if !p.has {
				p.cur.Line = lineNo
				p.has = true
			}
			if kw == "msgctxt" {
				p.cur.Context = s
				p.last = &p.cur.Context
			} else {
				p.cur.ID = s
				p.seenID = true
				p.last = &p.cur.ID
			}
		case kw == "msgid_plural":
			if !p.seenID || p.seenStr {
				return p.errorf(lineNo, "msgid_plural without a msgid before it")
			}
			p.cur.IDPlural = s
			p.last = &p.cur.IDPlural
		case kw == "msgstr":
			if !p.seenID {
				return p.errorf(lineNo, "msgstr without a msgid before it")
			}
			if p.seenStr || p.cur.IDPlural != "" {
				return p.errorf(lineNo, "msgstr: want msgstr[%d] for a message with msgid_plural", len(p.cur.Str))
			}
			p.cur.Str = append(p.cur.Str, s)
			p.seenStr = true
			p.last = &p.cur.Str[0]
		case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
			n, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1])
			if !p.seenID {
				return p.errorf(lineNo, "%s without a msgid before it", kw)
			}
			if err != nil || n != len(p.cur.Str) {
				return p.errorf(lineNo, "%s: want msgstr[%d]", kw, len(p.cur.Str))
			}
			if p.cur.IDPlural == "" {
				return p.errorf(lineNo, "%s without a msgid_plural before it", kw)
			}
			p.cur.Str = append(p.cur.Str, s)
			p.seenStr = true
			p.last = &p.cur.Str[n]
		default:
			return p.errorf(lineNo, "unknown keyword %q", kw)
		}
	}
	if p.has {
		if !p.seenStr {
			return p.errorf(lineNo, "the entry on line %d has no msgstr", p.cur.Line)
		}
		return p.flush()
	}
	return nil
}

// flush ends the current entry: the header sets the plural rule, other
// translated entries become messages.
func (p *poParser) flush() error {
	m, fuzzy := p.cur, p.fuzzy
	p.cur, p.has, p.fuzzy, p.last, p.seenID, p.seenStr = POMessage{}, false, false, nil, false, false
	if m.ID == "" && m.Context == "" {
		// The header. It counts even when marked fuzzy, as msgfmt's does:
		// new files often are.
		if p.headerSet {
			return p.errorf(m.Line, "a second header entry (msgid \"\")")
		}
		p.headerSet = true
		return p.header(m)
	}
	if fuzzy || m.Str == nil {
		return nil
	}
	for _, s := range m.Str {
		if s == "" {
			// Untranslated: the default language's text shows instead.
			return nil
		}
	}
	p.f.Messages = append(p.f.Messages, m)
	return nil
}

func (p *poParser) header(m POMessage) error {
	if len(m.Str) == 0 {
		return nil
	}
	for _, l := range strings.Split(m.Str[0], "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok {
			p.f.Header[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	pf, ok := p.f.Header["Plural-Forms"]
	if !ok {
		return nil
	}
	n, f, err := parsePluralForms(pf)
	if err != nil {
		return p.errorf(m.Line, "Plural-Forms: %v", err)
	}
	p.f.NPlurals, p.f.plural = n, f
	return nil
}

func hasFlag(flags, flag string) bool {
	for _, f := range strings.Split(flags, ",") {
		if strings.TrimSpace(f) == flag {
			return true
		}
	}
	return false
}

// unquote decodes one quoted C string, which must be all of s.
func (p *poParser) unquote(s string, line int) (string, error) {
	if len(s) < 2 || s[0] != '"' {
		return "", p.errorf(line, "want a quoted string")
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			if rest := strings.TrimSpace(s[i+1:]); rest != "" {
				return "", p.errorf(line, "text after the closing quote: %s", rest)
			}
			return b.String(), nil
		case '\\':
			i++
			if i >= len(s) {
				return "", p.errorf(line, "unterminated string")
			}
			switch e := s[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '"', '\\', '\'', '?':
				b.WriteByte(e)
			case 'a':
				b.WriteByte('\a')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'v':
				b.WriteByte('\v')
			case 'x':
				j := i + 1
				for j < len(s) && j < i+3 && isHex(s[j]) {
					j++
				}
				if j == i+1 {
					return "", p.errorf(line, `\x without hex digits`)
				}
				v, _ := strconv.ParseUint(s[i+1:j], 16, 8)
				b.WriteByte(byte(v))
				i = j - 1
			default:
				if e < '0' || e > '7' {
					return "", p.errorf(line, "unknown escape \\%c", e)
				}
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, err := strconv.ParseUint(s[i:j], 8, 8)
				if err != nil {
					return "", p.errorf(line, "octal escape \\%s out of range", s[i:j])
				}
				b.WriteByte(byte(v))
				i = j - 1
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", p.errorf(line, "unterminated string")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
