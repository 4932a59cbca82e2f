package addoncheck

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

type tokKind int

const (
	tokIdent       tokKind = iota
	tokString              // '...' or "...", or a template literal without ${}
	tokTemplate            // a template literal's part that ends with ${
	tokTemplateEnd         // the last part of a template literal with ${}
	tokNumber
	tokRegexp
	tokPunct
)

// token is a JavaScript token; comments and white space are skipped.
type token struct {
	kind tokKind
	text string // the source, for a tokString its value
	line int
}

// jsLex splits JavaScript source into tokens, well enough to find calls
// and their string literal arguments: it knows comments, strings,
// template literals (and the code inside their ${}), regular expression
// literals (a "/" where an operand is expected) and identifiers.
func jsLex(src, name string) ([]token, error) {
	l := &lexer{src: src, line: 1}
	var toks []token
	var braces []bool // for each open {, whether it is a template's ${
	for {
		l.skipSpace()
		if l.err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, l.line, l.err)
		}
		if l.pos >= len(l.src) {
			break
		}
		line := l.line
		c := l.src[l.pos]
		switch {
		case c == '"' || c == '\'':
			s, err := l.quoted(c)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			toks = append(toks, token{tokString, s, line})
		case c == '`' || c == '}' && len(braces) > 0 && braces[len(braces)-1]:
			if c == '}' {
				braces = braces[:len(braces)-1]
			}
			whole := c == '`'
			s, subst, err := l.template()
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			if subst {
				braces = append(braces, true)
			}
			switch {
			case subst:
				toks = append(toks, token{tokTemplate, s, line})
			case whole:
				toks = append(toks, token{tokString, s, line})
			default:
				toks = append(toks, token{tokTemplateEnd, s, line})
			}
		case isIdentStart(c):
			start := l.pos
			for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
				l.pos++
			}
			toks = append(toks, token{tokIdent, l.src[start:l.pos], line})
		case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(l.src) && l.src[l.pos+1] >= '0' && l.src[l.pos+1] <= '9':
			start := l.pos
			for l.pos < len(l.src) && (isIdentPart(l.src[l.pos]) || l.src[l.pos] == '.' ||
				(l.src[l.pos] == '+' || l.src[l.pos] == '-') && strings.ContainsRune("eE", rune(l.src[l.pos-1])) && !strings.HasPrefix(l.src[start:], "0x")) {
				l.pos++
			}
			toks = append(toks, token{tokNumber, l.src[start:l.pos], line})
		case c == '/' && regexpAllowed(toks):
			start := l.pos
			if err := l.regexp(); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			toks = append(toks, token{tokRegexp, l.src[start:l.pos], line})
		default:
			switch c {
			case '{':
				braces = append(braces, false)
			case '}':
				if len(braces) > 0 {
					braces = braces[:len(braces)-1]
				}
			}
			l.pos++
			toks = append(toks, token{tokPunct, string(c), line})
		}
	}
	return toks, nil
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c == '\\' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// regexpAllowed reports whether a "/" after toks starts a regular
// expression: where an operand is expected, not after one.
func regexpAllowed(toks []token) bool {
	if len(toks) == 0 {
		return true
	}
	t := toks[len(toks)-1]
	switch t.kind {
	case tokNumber, tokString, tokRegexp, tokTemplateEnd:
		return false
	case tokTemplate:
		return true // an expression starts after ${
	case tokIdent:
		switch t.text {
		case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
			return true
		}
		return false
	}
	return t.text != ")" && t.text != "]" && t.text != "}"
}

type lexer struct {
	src  string
	pos  int
	line int
	err  error
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n':
			l.line++
			l.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			l.pos++
		case strings.HasPrefix(l.src[l.pos:], "//"):
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.pos++
			}
		case strings.HasPrefix(l.src[l.pos:], "/*"):
			end := strings.Index(l.src[l.pos+2:], "*/")
			if end < 0 {
				l.err = fmt.Errorf("unterminated /* comment")
				return
			}
			l.line += strings.Count(l.src[l.pos:l.pos+2+end], "\n")
			l.pos += 2 + end + 2
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(l.src[l.pos:])
			if r != '\u00a0' && r != '\ufeff' && r != '\u2028' && r != '\u2029' && !(r >= '\u2000' && r <= '\u200a') && r != '\u3000' {
				return
			}
			l.pos += n
		default:
			return
		}
	}
}

// quoted reads a '...' or "..." string and returns its value.
func (l *lexer) quoted(q byte) (string, error) {
	var b strings.Builder
	l.pos++
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == q:
			l.pos++
			return b.String(), nil
		case c == '\n':
			return "", fmt.Errorf("unterminated string")
		case c == '\\':
			if err := l.escape(&b); err != nil {
				return "", err
			}
		default:
			b.WriteByte(c)
			l.pos++
		}
	}
	return "", fmt.Errorf("unterminated string")
}

// template reads a template literal from its ` (or the } that ends one of
// its ${}) to its ` or next ${, and returns its (cooked) text and whether
// it stopped at ${.
func (l *lexer) template() (string, bool, error) {
	var b strings.Builder
	l.pos++
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '`':
			l.pos++
			return b.String(), false, nil
		case c == '$' && strings.HasPrefix(l.src[l.pos:], "${"):
			l.pos += 2
			return b.String(), true, nil
		case c == '\\':
			if err := l.escape(&b); err != nil {
				return "", false, err
			}
		case c == '\r':
			// CR LF and CR are LF in a template's value.
			b.WriteByte('\n')
			l.pos++
			if strings.HasPrefix(l.src[l.pos:], "\n") {
				l.pos++
				l.line++
			}
		default:
			if c == '\n' {
				l.line++
			}
			b.WriteByte(c)
			l.pos++
		}
	}
	return "", false, fmt.Errorf("unterminated template literal")
}

// escape decodes the escape sequence at l.pos, a backslash.
func (l *lexer) escape(b *strings.Builder) error {
	l.pos++
	if l.pos >= len(l.src) {
		return fmt.Errorf("unterminated string")
	}
	c := l.src[l.pos]
	l.pos++
	switch c {
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'r':
		b.WriteByte('\r')
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'v':
		b.WriteByte('\v')
	case '0':
		b.WriteByte(0)
	case '\r':
		if strings.HasPrefix(l.src[l.pos:], "\n") {
			l.pos++
		}
		l.line++ // a line continuation: nothing
	case '\n':
		l.line++
	case 'x':
		if l.pos+2 > len(l.src) {
			return fmt.Errorf(`bad \x escape`)
		}
		v, err := strconv.ParseUint(l.src[l.pos:l.pos+2], 16, 8)
		if err != nil {
			return fmt.Errorf(`bad \x escape`)
		}
		b.WriteRune(rune(v))
		l.pos += 2
	case 'u':
		var hex string
		if strings.HasPrefix(l.src[l.pos:], "{") {
			end := strings.IndexByte(l.src[l.pos:], '}')
			if end < 0 {
				return fmt.Errorf(`bad \u escape`)
			}
			hex, l.pos = l.src[l.pos+1:l.pos+end], l.pos+end+1
		} else {
			if l.pos+4 > len(l.src) {
				return fmt.Errorf(`bad \u escape`)
			}
			hex, l.pos = l.src[l.pos:l.pos+4], l.pos+4
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil || v > utf8.MaxRune {
			return fmt.Errorf(`bad \u escape`)
		}
		r := rune(v)
		// A surrogate pair, \uD83D\uDE00, is one character.
		if r >= 0xd800 && r < 0xdc00 && strings.HasPrefix(l.src[l.pos:], `\u`) && l.pos+6 <= len(l.src) {
			if lo, err := strconv.ParseUint(l.src[l.pos+2:l.pos+6], 16, 32); err == nil && lo >= 0xdc00 && lo < 0xe000 {
				r = 0x10000 + (r-0xd800)<<10 + rune(lo) - 0xdc00
				l.pos += 6
			}
		}
		b.WriteRune(r)
	default:
		// \' \" \\ \` \$ and any other character: itself.
		r, n := utf8.DecodeRuneInString(l.src[l.pos-1:])
		b.WriteRune(r)
		l.pos += n - 1
	}
	return nil
}

// regexp skips a regular expression literal, from its / to its flags.
func (l *lexer) regexp() error {
	l.pos++
	inClass := false
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		l.pos++
		switch {
		case c == '\\':
			l.pos++
		case c == '\n':
			return fmt.Errorf("unterminated regular expression")
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
				l.pos++
			}
			return nil
		}
	}
	return fmt.Errorf("unterminated regular expression")
}
