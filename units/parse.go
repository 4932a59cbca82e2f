package units

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// ParseError is the error of [Parse]: it quotes the input, names the
// locale, says what was wrong and what was expected.
type ParseError struct {
	Input  string // the text given to Parse
	Locale string // the compiled locale used, e.g. "es"
	Msg    string // what was wrong, e.g. `unknown unit "qq"`
	Expect string // an example of what Parse reads, e.g. "12 cm"
}

// Error reads like
// `units: parse "12 qq" (es): unknown unit "qq"; expected a number and a unit such as "12 cm"`.
func (e *ParseError) Error() string {
	return fmt.Sprintf("units: parse %q (%s): %s; expected a number and a unit such as %q", e.Input, e.Locale, e.Msg, e.Expect)
}

// Parse reads a quantity written as [Format] writes it in the locale of
// tag, in any width: "175 cm", "175 centimeters", "1,75 m" (es),
// "1.234,5 km" (de). It accepts the locale's decimal and grouping
// separators (a space where the locale groups with a no-break space),
// "-" and "−" for minus, any kind of space between number and unit,
// and letter case differences in unit names. A text that the locale does
// not know is tried with the English patterns and with CLDR unit
// identifiers ("12 centimeter"). When two units share a pattern (English
// narrow "5m" is a meter or a minute), units of the dimension listed first
// in [Dimension] win, then the shorter identifier.
func Parse(s string, tag language.Tag) (Quantity, error) {
	l := findLocale(tag)
	fail := func(msg string) (Quantity, error) {
		ex, _ := l.number(12, 0, false)
		return Quantity{}, &ParseError{Input: s, Locale: l.id, Msg: msg, Expect: l.applyUnit(Centimeter, Short, ex, catOther)}
	}
	in := normSpace(s)
	if in == "" {
		return fail("empty text")
	}
	start, end, num, ok := l.findNumber(in)
	if !ok {
		// patterns without a number: Arabic "قدم" is one foot
		if u, v, ok := l.matchWhole(in); ok {
			return Quantity{Value: v, Unit: u}, nil
		}
		return fail("no number")
	}
	before, after := in[:start], in[end:]
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return fail(fmt.Sprintf("bad number %q", in[start:end]))
	}
	if strings.TrimSpace(before) == "" && strings.TrimSpace(after) == "" {
		return fail("no unit")
	}
	// the locale's patterns, then English ones (units without data in the
	// locale are formatted with English patterns); a better match wins
	u, score := l.matchAffixes(s, before, after)
	if en := localeByID("en"); en != nil && en != l {
		if u2, score2 := en.matchAffixes(s, before, after); score2 > score {
			u, score = u2, score2
		}
	}
	if score >= 0 {
		return Quantity{Value: v, Unit: u}, nil
	}
	if strings.TrimSpace(before) == "" {
		if u, ok := Lookup(strings.ToLower(strings.TrimSpace(after))); ok {
			return Quantity{Value: v, Unit: u}, nil
		}
	}
	unit := strings.TrimSpace(strings.TrimSpace(before) + " " + strings.TrimSpace(after))
	return fail(fmt.Sprintf("unknown unit %q", unit))
}

// normSpace trims s, turns every kind of space into ' ' and drops bidi
// marks.
func normSpace(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\u00a0', '\u202f', '\u2009', '\u2007', '\u200a', '\t', '\n', '\r':
			b.WriteByte(' ')
		case '\u200e', '\u200f', '\u061c':
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// findNumber finds the first number in s (normalized with normSpace) and
// returns its byte span and its ASCII form for strconv.ParseFloat.
func (l *localeRec) findNumber(s string) (start, end int, num string, ok bool) {
	dec := normSpace(l.decimal)
	grp := normSpace(l.group)
	if grp == "" && l.group != "" {
		grp = " "
	}
	minus := normSpace(l.minus)
	for i := 0; i < len(s); {
		neg := false
		j := i
		switch {
		case strings.HasPrefix(s[j:], "-"):
			neg, j = true, j+1
		case strings.HasPrefix(s[j:], "−"):
			neg, j = true, j+len("−")
		case minus != "" && strings.HasPrefix(s[j:], minus):
			neg, j = true, j+len(minus)
		case strings.HasPrefix(s[j:], "+"):
			j++
		}
		var b strings.Builder
		if neg {
			b.WriteByte('-')
		}
		k := j
		digits := 0
		for k < len(s) {
			switch {
			case isDigit(s[k]):
				b.WriteByte(s[k])
				k++
				digits++
				continue
			case digits > 0 && grp != "" && strings.HasPrefix(s[k:], grp) && k+len(grp) < len(s) && isDigit(s[k+len(grp)]) && l.groupFollows(s[k+len(grp):], grp):
				k += len(grp)
				continue
			}
			break
		}
		if k < len(s) && strings.HasPrefix(s[k:], dec) && k+len(dec) < len(s) && isDigit(s[k+len(dec)]) {
			b.WriteByte('.')
			k += len(dec)
			for k < len(s) && isDigit(s[k]) {
				b.WriteByte(s[k])
				k++
				digits++
			}
		}
		if digits > 0 {
			return i, k, b.String(), true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return 0, 0, "", false
}

// groupFollows reports whether s, the text after a grouping separator,
// starts with a group: the primary grouping size of digits at the end of
// the number, the secondary size before another separator.
func (l *localeRec) groupFollows(s, grp string) bool {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	if strings.HasPrefix(s[n:], grp) && n+len(grp) < len(s) && isDigit(s[n+len(grp)]) {
		return n == int(l.secondary)
	}
	return n == int(l.primary)
}

type affixCand struct {
	u               Unit
	pre, post       string // normalized with normSpace, not trimmed
	rawPre, rawPost string // as in the pattern
}

var (
	affixMu     sync.Mutex
	affixTables = map[*localeRec]map[string][]affixCand{}
)

func affixKey(pre, post string) string {
	return strings.ToLower(strings.TrimSpace(pre)) + "\x00" + strings.ToLower(strings.TrimSpace(post))
}

// affixes returns the locale's unit patterns indexed by their text before
// and after the number (trimmed, lower case); built on first use.
func (l *localeRec) affixes() map[string][]affixCand {
	affixMu.Lock()
	defer affixMu.Unlock()
	if m, ok := affixTables[l]; ok {
		return m
	}
	m := map[string][]affixCand{}
	n := popcount(l.cats)
	for u := Unit(1); u <= numUnits; u++ {
		for i := 0; i < 3*n; i++ {
			p := poolString(patTab[int(l.pat)+int(u-1)*3*n+i])
			pre, post, ok := strings.Cut(normSpace(p), "{0}")
			if !ok {
				continue
			}
			rawPre, rawPost, _ := strings.Cut(p, "{0}")
			k := affixKey(pre, post)
			dup := false
			for _, c := range m[k] {
				dup = dup || (c.u == u && c.rawPre == rawPre && c.rawPost == rawPost)
			}
			if !dup {
				m[k] = append(m[k], affixCand{u, pre, post, rawPre, rawPost})
			}
		}
	}
	affixTables[l] = m
	return m
}

// matchAffixes finds the unit whose pattern has the given text before and
// after the number: the same characters win over other kinds of space,
// which win over other spacing, which wins over other letter case.
func (l *localeRec) matchAffixes(raw, before, after string) (Unit, int) {
	var best Unit
	bestScore := -1
	raw = strings.Trim(raw, " ")
	for _, c := range l.affixes()[affixKey(before, after)] {
		score := 0
		switch {
		case strings.HasPrefix(raw, c.rawPre) && strings.HasSuffix(raw, c.rawPost) && c.pre == before && c.post == after:
			score = 3
		case c.pre == before && c.post == after:
			score = 2
		case strings.TrimSpace(c.pre) == strings.TrimSpace(before) && strings.TrimSpace(c.post) == strings.TrimSpace(after):
			score = 1
		}
		if score > bestScore || (score == bestScore && better(c.u, best)) {
			best, bestScore = c.u, score
		}
	}
	return best, bestScore
}

// better orders units that share a pattern: by dimension, then the
// shorter identifier.
func better(a, b Unit) bool {
	if da, db := a.Dimension(), b.Dimension(); da != db {
		return da < db
	}
	return len(a.ID()) < len(b.ID())
}

// matchWhole matches a pattern without a number ("قدم"): its value is that
// of its plural category (zero 0, one 1, two 2).
func (l *localeRec) matchWhole(s string) (Unit, float64, bool) {
	n := popcount(l.cats)
	for u := Unit(1); u <= numUnits; u++ {
		for wi := 0; wi < 3; wi++ {
			ci := 0
			for c := 0; c < catOther; c++ {
				if l.cats&(1<<c) == 0 {
					continue
				}
				p := poolString(patTab[int(l.pat)+(int(u-1)*3+wi)*n+ci])
				ci++
				if c <= 2 && p != "" && !strings.Contains(p, "{0}") && strings.EqualFold(normSpace(p), s) {
					return u, float64(c), true
				}
			}
		}
	}
	return 0, 0, false
}
