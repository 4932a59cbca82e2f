package locale

import "github.com/gocycle/gocycle/units"

// Numbers and quantities are formatted by package units, from the CLDR
// data it compiles in, rather than with golang.org/x/text/number: the
// data is there already for unit patterns, and one copy of it is all a
// WebAssembly binary should carry.

// FormatNumber writes v as the locale writes numbers: its decimal and
// grouping separators and minus sign, with at most 3 fraction digits, as
// Intl.NumberFormat does by default ("1,234.5" in en, "1234,5" in es,
// "1.234,5" in de).
func (l Locale) FormatNumber(v float64) string {
	return units.FormatNumber(v, l.tag, units.DefaultMaxFractionDigits)
}

// FormatDecimal is [Locale.FormatNumber] with at most maxFractionDigits
// fraction digits, rounded half away from zero, without trailing zeros.
func (l Locale) FormatDecimal(v float64, maxFractionDigits int) string {
	return units.FormatNumber(v, l.tag, maxFractionDigits)
}

// FormatQuantity writes q in its own unit with the locale's pattern for
// the width: "175 cm", "175 Zentimeter", "1,75 m". To show q in the unit
// the user's region prefers, convert it with [Locale.Preferred] first.
func (l Locale) FormatQuantity(q units.Quantity, w units.Width) string {
	return units.Format(q, l.tag, w)
}

// FormatMixed writes the parts of m as a list: "5 ft, 9 in".
func (l Locale) FormatMixed(m units.Mixed, w units.Width) string {
	return units.FormatMixed(m, l.tag, w)
}

// Preferred returns q in the unit, or mixed units, that the locale's
// region prefers for the usage ("person-height", "road", "default"...; see
// units.Preferred): 175 cm is 5 ft 9 in for en-US, 175 cm for es. Only
// the display changes: the stored value stays in its own unit.
func (l Locale) Preferred(usage string, q units.Quantity) (units.Mixed, error) {
	return units.Preferred(l.Region().String(), usage, q)
}

// ParseQuantity reads a quantity as the locale writes it ("1,75 m" in
// es), with any unit of any width.
func (l Locale) ParseQuantity(s string) (units.Quantity, error) {
	return units.Parse(s, l.tag)
}
