package units

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// Width is the length of unit names in formatted quantities, as CLDR's
// long, short and narrow unit patterns and Intl.NumberFormat's unitDisplay.
type Width uint8

const (
	// Short is "175 cm" (the default, as in Intl.NumberFormat).
	Short Width = iota
	// Long is "175 centimeters".
	Long
	// Narrow is "175cm" or "5′ 9″".
	Narrow
)

// widthIdx maps a Width to the generated tables' order: long, short, narrow.
var widthIdx = [...]uint8{Short: 1, Long: 0, Narrow: 2}

// String returns "short", "long" or "narrow", the names Intl uses.
func (w Width) String() string {
	switch w {
	case Long:
		return "long"
	case Narrow:
		return "narrow"
	}
	return "short"
}

func (w Width) idx() int {
	if int(w) < len(widthIdx) {
		return int(widthIdx[w])
	}
	return 1
}

// DefaultMaxFractionDigits is the number of fraction digits [Format] keeps,
// Intl.NumberFormat's default for units.
const DefaultMaxFractionDigits = 3

type localeRec struct {
	id, decimal, group, minus, plus, nan, infinity string
	minGroup, primary, secondary                   uint8
	cats                                           uint8 // plural categories present, bit i = pluralCats[i]
	plural                                         string
	lists                                          [3][4]uint16
	pat                                            uint32
}

func poolString(i uint16) string { return pool[poolOff[i]:poolOff[i+1]] }

// Locales returns the CLDR ids of the compiled-in locales.
func Locales() []string {
	out := make([]string, len(locales))
	for i := range locales {
		out[i] = locales[i].id
	}
	return out
}

// findLocale returns the compiled locale for tag: the tag or the tag
// with subtags dropped from the end ("es-MX" → "es", "zh-Hant-TW" →
// "zh-Hant" → "zh"), else English (or the first compiled locale). Only
// tag.String is used: language.Tag's other methods link in large tables.
func findLocale(tag language.Tag) *localeRec {
	id := tag.String()
	// drop extensions and private use: the first singleton subtag
	for i := 0; i+2 < len(id); i++ {
		if id[i] == '-' && id[i+2] == '-' {
			id = id[:i]
			break
		}
	}
	for id != "" {
		if l := localeByID(id); l != nil {
			return l
		}
		i := strings.LastIndexByte(id, '-')
		if i < 0 {
			break
		}
		id = id[:i]
	}
	if l := localeByID("en"); l != nil {
		return l
	}
	return &locales[0]
}

func localeByID(id string) *localeRec {
	for i := range locales {
		if locales[i].id == id {
			return &locales[i]
		}
	}
	return nil
}

// Format writes q in the locale of tag with the width's unit pattern:
// Format(Quantity{175, Centimeter}, language.English, Short) is "175 cm",
// in German with Long "175 Zentimeter", in Spanish 1.75 m is "1,75 m".
// The number has at most [DefaultMaxFractionDigits] fraction digits; see
// [FormatFrac] for more. The result is what Intl.NumberFormat(locale,
// {style: "unit", unit, unitDisplay}) gives for the same CLDR data.
func Format(q Quantity, tag language.Tag, w Width) string {
	return FormatFrac(q, tag, w, DefaultMaxFractionDigits)
}

// FormatFrac is [Format] with at most maxFrac fraction digits (rounded half
// away from zero).
func FormatFrac(q Quantity, tag language.Tag, w Width, maxFrac int) string {
	l := findLocale(tag)
	num, cat := l.number(q.Value, maxFrac, false)
	return l.applyUnit(q.Unit, w, num, cat)
}

// FormatMixed writes the parts of m with their unit patterns, joined with
// the locale's unit list pattern of the width (CLDR listPattern-type-unit,
// -unit-short, -unit-narrow; as ICU formats mixed units): "5 ft, 9 in" in
// English Short, "5′ 9″" Narrow, "1 m y 75 cm" in Spanish Long. A minus
// sign is written on the first part only. The last part has at most
// [DefaultMaxFractionDigits] fraction digits.
func FormatMixed(m Mixed, tag language.Tag, w Width) string {
	l := findLocale(tag)
	parts := make([]string, len(m.Parts))
	for i, p := range m.Parts {
		v := p.Value
		if i > 0 {
			v = math.Abs(v)
		}
		num, cat := l.number(v, DefaultMaxFractionDigits, false)
		parts[i] = l.applyUnit(p.Unit, w, num, cat)
	}
	lp := l.lists[w.idx()]
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return subst2(poolString(lp[0]), parts[0], parts[1])
	}
	n := len(parts)
	s := subst2(poolString(lp[3]), parts[n-2], parts[n-1])
	for i := n - 3; i >= 1; i-- {
		s = subst2(poolString(lp[2]), parts[i], s)
	}
	return subst2(poolString(lp[1]), parts[0], s)
}

func subst2(pat, a, b string) string {
	return strings.Replace(strings.Replace(pat, "{0}", a, 1), "{1}", b, 1)
}

// FormatNumber writes v with the locale's decimal separator, grouping
// separator, grouping sizes (including minimumGroupingDigits: "1234" but
// "12.345" in Spanish) and minus sign, with at most maxFrac fraction digits
// rounded half away from zero on v's shortest decimal form, and no
// trailing zeros: what Intl.NumberFormat(locale, {maximumFractionDigits})
// gives. NaN and infinities use the locale's symbols.
func FormatNumber(v float64, tag language.Tag, maxFrac int) string {
	s, _ := findLocale(tag).number(v, maxFrac, false)
	return s
}

// PluralCategory returns the CLDR plural category ("zero", "one", "two",
// "few", "many" or "other") of v formatted with at most maxFrac fraction
// digits in the locale of tag: "one" for 1 in English, "few" for 3 in
// Russian, "other" for 1.5 in English. It is the category Format uses.
func PluralCategory(v float64, tag language.Tag, maxFrac int) string {
	_, c := findLocale(tag).number(v, maxFrac, false)
	return pluralNames[c]
}

var pluralNames = [...]string{"zero", "one", "two", "few", "many", "other"}

const catOther = 5

// applyUnit puts the formatted number into the unit's pattern.
func (l *localeRec) applyUnit(u Unit, w Width, num string, cat int) string {
	p := l.pattern(u, w.idx(), cat)
	if p == "" {
		if en := localeByID("en"); en != nil && en != l {
			p = en.pattern(u, w.idx(), cat)
		}
	}
	if p == "" {
		return num + " " + u.String()
	}
	return strings.Replace(p, "{0}", num, 1)
}

// pattern returns the locale's pattern for unit, width index and plural
// category ("" if none).
func (l *localeRec) pattern(u Unit, wi, cat int) string {
	if !u.Valid() {
		return ""
	}
	n := popcount(l.cats)
	ci := popcount(l.cats & (1<<cat - 1))
	if l.cats&(1<<cat) == 0 {
		ci = popcount(l.cats & (1<<catOther - 1))
	}
	return poolString(patTab[int(l.pat)+(int(u-1)*3+wi)*n+ci])
}

func popcount(b uint8) int {
	n := 0
	for ; b != 0; b &= b - 1 {
		n++
	}
	return n
}

// number formats v and returns its plural category.
func (l *localeRec) number(v float64, maxFrac int, abs bool) (string, int) {
	neg := math.Signbit(v) && !abs
	switch {
	case math.IsNaN(v):
		return l.nan, catOther
	case math.IsInf(v, 0):
		if neg {
			return l.minus + l.infinity, catOther
		}
		return l.infinity, catOther
	}
	d := decimalOf(v)
	d.round(maxFrac)
	intPart, frac := d.parts()
	var b strings.Builder
	if neg {
		b.WriteString(l.minus)
	}
	n := len(intPart)
	if l.primary > 0 && n >= int(l.primary)+int(max(l.minGroup, 1)) {
		// first group: whatever is left of the primary and secondary groups
		sec := int(l.secondary)
		if sec == 0 {
			sec = int(l.primary)
		}
		var groups []string
		rest := intPart[:n-int(l.primary)]
		groups = append(groups, intPart[n-int(l.primary):])
		for len(rest) > sec {
			groups = append(groups, rest[len(rest)-sec:])
			rest = rest[:len(rest)-sec]
		}
		b.WriteString(rest)
		for i := len(groups) - 1; i >= 0; i-- {
			b.WriteString(l.group)
			b.WriteString(groups[i])
		}
	} else {
		b.WriteString(intPart)
	}
	if frac != "" {
		b.WriteString(l.decimal)
		b.WriteString(frac)
	}
	return b.String(), l.category(intPart, frac)
}

// decimal is a non-negative decimal number 0.digits × 10^exp, digits
// without trailing zeros (none for zero).
type decimal struct {
	digits []byte
	exp    int
}

// decimalOf returns |v|'s shortest decimal representation.
func decimalOf(v float64) decimal {
	s := strconv.FormatFloat(math.Abs(v), 'e', -1, 64) // d.ddddde±xx
	mant, e, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(e)
	var d decimal
	for i := 0; i < len(mant); i++ {
		if mant[i] != '.' {
			d.digits = append(d.digits, mant[i])
		}
	}
	d.exp = exp + 1
	d.trim()
	return d
}

func (d *decimal) trim() {
	for len(d.digits) > 0 && d.digits[len(d.digits)-1] == '0' {
		d.digits = d.digits[:len(d.digits)-1]
	}
	if len(d.digits) == 0 {
		d.exp = 0
	}
}

// round rounds half away from zero to n fraction digits.
func (d *decimal) round(n int) {
	if n < 0 {
		n = 0
	}
	keep := d.exp + n
	if keep >= len(d.digits) {
		return
	}
	if keep < 0 {
		d.digits, d.exp = d.digits[:0], 0
		return
	}
	up := d.digits[keep] >= '5'
	d.digits = d.digits[:keep]
	if up {
		i := keep - 1
		for ; i >= 0; i-- {
			if d.digits[i] < '9' {
				d.digits[i]++
				break
			}
			d.digits[i] = '0'
		}
		if i < 0 {
			d.digits = append([]byte{'1'}, d.digits...)
			d.exp++
		}
	}
	d.trim()
}

// parts returns the integer digits ("0" if none) and fraction digits.
func (d decimal) parts() (string, string) {
	if len(d.digits) == 0 {
		return "0", ""
	}
	if d.exp <= 0 {
		return "0", strings.Repeat("0", -d.exp) + string(d.digits)
	}
	if d.exp >= len(d.digits) {
		return string(d.digits) + strings.Repeat("0", d.exp-len(d.digits)), ""
	}
	return string(d.digits[:d.exp]), string(d.digits[d.exp:])
}

// String is the plain ASCII decimal, for strconv.ParseFloat.
func (d decimal) String() string {
	i, f := d.parts()
	if f == "" {
		return i
	}
	return i + "." + f
}

// category evaluates the locale's plural rules (CLDR syntax, stored as
// "cat:condition;..." without the samples) on the operands of a formatted
// number.
func (l *localeRec) category(intPart, frac string) int {
	op := operands{v: uint64(len(frac))}
	op.i, op.bigI = digitsValue(intPart)
	op.f, _ = digitsValue(frac)
	op.t, _ = digitsValue(strings.TrimRight(frac, "0"))
	op.w = uint64(len(strings.TrimRight(frac, "0")))
	rules := l.plural
	for rules != "" {
		var rule string
		rule, rules, _ = strings.Cut(rules, ";")
		c, cond, _ := strings.Cut(rule, ":")
		if op.matches(cond) {
			return int(c[0] - '0')
		}
	}
	return catOther
}

type operands struct {
	i, v, w, f, t uint64
	bigI          bool // i has more than 18 digits: i holds its last 18
}

// digitsValue returns the value of the last 18 digits, and whether there
// were more.
func digitsValue(s string) (uint64, bool) {
	big := len(s) > 18
	if big {
		s = s[len(s)-18:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v = v*10 + uint64(s[i]-'0')
	}
	return v, big
}

func (op *operands) matches(cond string) bool {
	for cond != "" {
		var and string
		and, cond, _ = strings.Cut(cond, " or ")
		ok := true
		for and != "" && ok {
			var rel string
			rel, and, _ = strings.Cut(and, " and ")
			ok = op.relation(strings.TrimSpace(rel))
		}
		if ok {
			return true
		}
	}
	return false
}

// relation evaluates "operand [% mod] (=|!=) ranges".
func (op *operands) relation(rel string) bool {
	f := strings.Fields(rel)
	if len(f) < 3 {
		return false
	}
	var val uint64
	integral := true // n is an integer (its fraction is zero)
	big := false
	switch f[0] {
	case "n":
		val, big, integral = op.i, op.bigI, op.f == 0
	case "i":
		val, big = op.i, op.bigI
	case "v":
		val = op.v
	case "w":
		val = op.w
	case "f":
		val = op.f
	case "t":
		val = op.t
	default: // e, c: compact exponent, always 0 here
	}
	rest := f[1:]
	if rest[0] == "%" && len(rest) >= 4 {
		m, _ := strconv.ParseUint(rest[1], 10, 64)
		if m != 0 {
			val %= m
			big = big && m > 1e18
		}
		rest = rest[2:]
	}
	in := integral && !big && inRanges(val, rest[1])
	if rest[0] == "!=" {
		return !in
	}
	return in
}

func inRanges(v uint64, ranges string) bool {
	for ranges != "" {
		var r string
		r, ranges, _ = strings.Cut(ranges, ",")
		lo, hi, isRange := strings.Cut(r, "..")
		a, _ := strconv.ParseUint(lo, 10, 64)
		b := a
		if isRange {
			b, _ = strconv.ParseUint(hi, 10, 64)
		}
		if v >= a && v <= b {
			return true
		}
	}
	return false
}
