package locale

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// pluralFunc maps a count to the index of a plural form.
type pluralFunc func(n int64) int

// parsePluralForms parses a Plural-Forms header such as
// "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
// into the number of forms and the function that picks one. The
// expression is C, as gettext evaluates it: integers, n, the arithmetic,
// comparison and logical operators, ! and ?:.
func parsePluralForms(h string) (int, pluralFunc, error) {
	var nplurals = -1
	var expr string
	for _, part := range strings.Split(h, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "nplurals":
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 1 {
				return 0, nil, fmt.Errorf("nplurals=%s: want a positive number", strings.TrimSpace(v))
			}
			nplurals = n
		case "plural":
			expr = v
		}
	}
	if nplurals < 0 {
		return 0, nil, errors.New("no nplurals=")
	}
	if strings.TrimSpace(expr) == "" {
		return 0, nil, errors.New("no plural=")
	}
	ex := &exprParser{src: expr}
	e, err := ex.parse()
	if err != nil {
		return 0, nil, fmt.Errorf("plural=%s: %v", strings.TrimSpace(expr), err)
	}
	return nplurals, func(n int64) int { return int(e(n)) }, nil
}

// expr is a compiled plural expression.
type expr func(n int64) int64

// exprParser is a recursive-descent parser for C expressions over n, with
// C's precedence: ?: below ||, &&, ==/!=, relational, +/-, * / %, unary !.
type exprParser struct {
	src string
	pos int
}

func (p *exprParser) parse() (expr, error) {
	e, err := p.ternary()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.src) {
		return nil, fmt.Errorf("unexpected %q", p.src[p.pos:])
	}
	return e, nil
}

func (p *exprParser) space() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n') {
		p.pos++
	}
}

// eat consumes op if it comes next.
func (p *exprParser) eat(op string) bool {
	p.space()
	if strings.HasPrefix(p.src[p.pos:], op) {
		// "<" must not eat the first half of "<=", nor "!" of "!=".
		if len(op) == 1 && p.pos+1 < len(p.src) && p.src[p.pos+1] == '=' && strings.ContainsRune("<>!=", rune(op[0])) {
			return false
		}
		if (op == "|" || op == "&") && p.pos+1 < len(p.src) && p.src[p.pos+1] == op[0] {
			return false
		}
		p.pos += len(op)
		return true
	}
	return false
}

func (p *exprParser) ternary() (expr, error) {
	c, err := p.binary(0)
	if err != nil {
		return nil, err
	}
	if !p.eat("?") {
		return c, nil
	}
	a, err := p.ternary()
	if err != nil {
		return nil, err
	}
	if !p.eat(":") {
		return nil, errors.New("? without :")
	}
	b, err := p.ternary()
	if err != nil {
		return nil, err
	}
	return func(n int64) int64 {
		if c(n) != 0 {
			return a(n)
		}
		return b(n)
	}, nil
}

// levels lists the binary operators from the loosest to the tightest.
var levels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}}

func (p *exprParser) binary(level int) (expr, error) {
	if level == len(levels) {
		return p.unary()
	}
	l, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range levels[level] {
			if p.eat(o) {
				op = o
				break
			}
		}
		if op == "" {
			return l, nil
		}
		r, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		l = binop(op, l, r)
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func binop(op string, l, r expr) expr {
	switch op {
	case "||":
		return func(n int64) int64 { return b2i(l(n) != 0 || r(n) != 0) }
	case "&&":
		return func(n int64) int64 { return b2i(l(n) != 0 && r(n) != 0) }
	case "==":
		return func(n int64) int64 { return b2i(l(n) == r(n)) }
	case "!=":
		return func(n int64) int64 { return b2i(l(n) != r(n)) }
	case "<=":
		return func(n int64) int64 { return b2i(l(n) <= r(n)) }
	case ">=":
		return func(n int64) int64 { return b2i(l(n) >= r(n)) }
	case "<":
		return func(n int64) int64 { return b2i(l(n) < r(n)) }
	case ">":
		return func(n int64) int64 { return b2i(l(n) > r(n)) }
	case "+":
		return func(n int64) int64 { return l(n) + r(n) }
	case "-":
		return func(n int64) int64 { return l(n) - r(n) }
	case "*":
		return func(n int64) int64 { return l(n) * r(n) }
	case "/":
		return func(n int64) int64 {
			if d := r(n); d != 0 {
				return l(n) / d
			}
			return 0 // a broken formula picks a form; it must not crash the app
		}
	default: // "%"
		return func(n int64) int64 {
			if d := r(n); d != 0 {
				return l(n) % d
			}
			return 0
		}
	}
}

func (p *exprParser) unary() (expr, error) {
	if p.eat("!") {
		e, err := p.unary()
		if err != nil {
			return nil, err
		}
		return func(n int64) int64 { return b2i(e(n) == 0) }, nil
	}
	if p.eat("(") {
		e, err := p.ternary()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, errors.New("missing )")
		}
		return e, nil
	}
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == 'n' {
		p.pos++
		return func(n int64) int64 { return n }, nil
	}
	start := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	if start == p.pos {
		if p.pos >= len(p.src) {
			return nil, errors.New("unexpected end")
		}
		return nil, fmt.Errorf("unexpected %q", p.src[p.pos:])
	}
	v, err := strconv.ParseInt(p.src[start:p.pos], 10, 64)
	if err != nil {
		return nil, err
	}
	return func(int64) int64 { return v }, nil
}
