package widget

import (
	"errors"
	"math"
	"reflect"
	"sort"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The props come as JSON text and the values of the Change sink go out as
// JSON text. Both are JSON-shaped values (nil, bool, float64, string,
// []any, map[string]any), which this file reads and writes as
// encoding/json does for an any, without its reflection: encoding/json
// and the reflect code it pulls in would be a tenth of widgets.wasm.

// parseJSON decodes text as encoding/json's Unmarshal does into an any:
// objects become map[string]any (the last of duplicate keys wins),
// numbers float64, and invalid UTF-8 or lone surrogates in strings
// U+FFFD.
func parseJSON(text string) (any, error) {
	d := jsonDecoder{s: text}
	d.space()
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.i < len(d.s) {
		return nil, d.errorf("after the top-level value")
	}
	return v, nil
}

// maxJSONDepth bounds nesting as encoding/json does (10000), so that
// deep input is an error instead of a stack overflow.
const maxJSONDepth = 10000

type jsonDecoder struct {
	s string
	i int
}

func (d *jsonDecoder) errorf(where string) error {
	if d.i >= len(d.s) {
		return errors.New("unexpected end of JSON input")
	}
	return errors.New("invalid character " + strconv.QuoteRune(rune(d.s[d.i])) + " " + where + " (at byte " + strconv.Itoa(d.i) + ")")
}

func (d *jsonDecoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDecoder) value(depth int) (any, error) {
	if d.i >= len(d.s) {
		return nil, d.errorf("")
	}
	switch c := d.s[d.i]; {
	case (c == '{' || c == '[') && depth >= maxJSONDepth:
		return nil, errors.New("exceeded max depth")
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '"':
		return d.str()
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	case d.literal("true"):
		return true, nil
	case d.literal("false"):
		return false, nil
	case d.literal("null"):
		return nil, nil
	}
	return nil, d.errorf("looking for beginning of value")
}

func (d *jsonDecoder) literal(word string) bool {
	if len(d.s)-d.i >= len(word) && d.s[d.i:d.i+len(word)] == word {
		d.i += len(word)
		return true
	}
	return false
}

func (d *jsonDecoder) object(depth int) (any, error) {
	m := map[string]any{}
	err := d.elements('}', "after object key:value pair", func() error {
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return d.errorf("looking for beginning of object key string")
		}
		k, err := d.str()
		if err != nil {
			return err
		}
		d.space()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return d.errorf("after object key")
		}
		d.i++
		d.space()
		v, err := d.value(depth + 1)
		m[k] = v
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func (d *jsonDecoder) array(depth int) (any, error) {
	a := []any{}
	err := d.elements(']', "after array element", func() error {
		v, err := d.value(depth + 1)
		a = append(a, v)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// elements reads the elements of an object or an array, from its opening
// character at d.i to end: none, or element (read by one) after element,
// with commas between; after names the place in errors, as
// encoding/json does.
func (d *jsonDecoder) elements(end byte, after string, one func() error) error {
	d.i++ // { or [
	d.space()
	if d.i < len(d.s) && d.s[d.i] == end {
		d.i++
		return nil
	}
	for {
		d.space()
		if err := one(); err != nil {
			return err
		}
		d.space()
		if d.i >= len(d.s) {
			return d.errorf("")
		}
		switch d.s[d.i] {
		case ',':
			d.i++
		case end:
			d.i++
			return nil
		default:
			return d.errorf(after)
		}
	}
}

// number reads JSON's number grammar exactly, then converts it.
func (d *jsonDecoder) number() (any, error) {
	start := d.i
	digits := func() int {
		n := 0
		for d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.s[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.s) && d.s[d.i] == '0':
		d.i++
	case digits() == 0:
		return nil, d.errorf("in numeric literal")
	}
	if d.i < len(d.s) && d.s[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return nil, d.errorf("after decimal point in numeric literal")
		}
	}
	if d.i < len(d.s) && (d.s[d.i] == 'e' || d.s[d.i] == 'E') {
		d.i++
		if d.i < len(d.s) && (d.s[d.i] == '+' || d.s[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return nil, d.errorf("in exponent of numeric literal")
		}
	}
	text := d.s[start:d.i]
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return nil, errors.New("cannot unmarshal number " + text + " into Go value of type float64")
	}
	return f, nil
}

func (d *jsonDecoder) str() (string, error) {
	d.i++ // "
	var b []byte
	start := d.i
	for {
		if d.i >= len(d.s) {
			return "", d.errorf("")
		}
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			if b == nil {
				return d.s[start : d.i-1], nil
			}
			return string(b), nil
		case c < 0x20:
			return "", d.errorf("in string literal")
		case c == '\\':
			if b == nil {
				b = []byte(d.s[start:d.i])
			}
			var err error
			if b, err = d.escape(b); err != nil {
				return "", err
			}
		case c < utf8.RuneSelf:
			if b != nil {
				b = append(b, c)
			}
			d.i++
		default:
			r, size := utf8.DecodeRuneInString(d.s[d.i:])
			if r == utf8.RuneError && size == 1 && b == nil {
				b = []byte(d.s[start:d.i])
			}
			if b != nil {
				b = utf8.AppendRune(b, r)
			}
			d.i += size
		}
	}
}

// escape appends the character of the escape at d.i to b.
func (d *jsonDecoder) escape(b []byte) ([]byte, error) {
	d.i++ // \
	if d.i >= len(d.s) {
		return nil, d.errorf("")
	}
	c := d.s[d.i]
	d.i++
	switch c {
	case '"', '\\', '/':
		return append(b, c), nil
	case 'b':
		return append(b, '\b'), nil
	case 'f':
		return append(b, '\f'), nil
	case 'n':
		return append(b, '\n'), nil
	case 'r':
		return append(b, '\r'), nil
	case 't':
		return append(b, '\t'), nil
	case 'u':
		r, ok := d.hex4()
		if !ok {
			return nil, d.errorf("in \\u hexadecimal character escape")
		}
		if utf16.IsSurrogate(r) {
			// A high surrogate followed by an escaped low one is one
			// character; anything else is U+FFFD, as encoding/json has it.
			save := d.i
			if d.literal(`\u`) {
				if r2, ok := d.hex4(); ok {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						return utf8.AppendRune(b, dec), nil
					}
				}
			}
			d.i = save
			r = utf8.RuneError
		}
		return utf8.AppendRune(b, r), nil
	}
	d.i--
	return nil, d.errorf("in string escape code")
}

func (d *jsonDecoder) hex4() (rune, bool) {
	if len(d.s)-d.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[d.i : d.i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	d.i += 4
	return r, true
}

// appendJSON writes v as encoding/json's Marshal does, for JSON-shaped
// values and Go's integer and float types; any other type is an error
// that names it, and so are NaN and the infinities.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, x), nil
	case string:
		return appendJSONString(b, x), nil
	case float64:
		return appendJSONFloat(b, x, 64)
	case float32:
		return appendJSONFloat(b, float64(x), 32)
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int8:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int16:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int32:
		return strconv.AppendInt(b, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(b, x, 10), nil
	case uint:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint8:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint16:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint32:
		return strconv.AppendUint(b, uint64(x), 10), nil
	case uint64:
		return strconv.AppendUint(b, x, 10), nil
	case []any:
		if x == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSON(b, e); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case []string:
		if x == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, e)
		}
		return append(b, ']'), nil
	case map[string]any:
		if x == nil {
			return append(b, "null"...), nil
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k)
			b = append(b, ':')
			var err error
			if b, err = appendJSON(b, x[k]); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case Props:
		return appendJSON(b, map[string]any(x))
	}
	return nil, errors.New("json: unsupported type " + reflect.TypeOf(v).String() + ": a JSON-shaped value (nil, bool, number, string, []any, map[string]any) was wanted")
}

// appendJSONFloat writes f as encoding/json does: the shortest decimal
// that reads back as f, in exponent form only for very small or large
// magnitudes, with a one-digit negative exponent ("1e-7", not "1e-07").
func appendJSONFloat(b []byte, f float64, bits int) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, errors.New("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, bits))
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}
