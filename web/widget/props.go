package widget

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Props are a widget's props as the host sends them: JSON-shaped, decoded
// as encoding/json decodes into an any (numbers are float64, objects are
// map[string]any). Hosts send what they have, and an Odoo record has
// false for an empty field: the accessors below take what makes sense and
// describe the rest as a *PropError, for the widget's Errors sink.
type Props map[string]any

// ParseProps decodes JSON text into Props, as encoding/json would. Text
// that is not a JSON object is an error; null is no props.
func ParseProps(text string) (Props, error) {
	v, err := parseJSON(text)
	if err != nil {
		return nil, fmt.Errorf("widget: the props are not a JSON object: %w", err)
	}
	switch m := v.(type) {
	case nil:
		return Props{}, nil
	case map[string]any:
		return Props(m), nil
	}
	return nil, fmt.Errorf("widget: the props are not a JSON object: they are %s", Describe(v))
}

// PropError is a prop the widget cannot use as given. Its words are the
// host's, not Go's: a prop is named as the host spells it, a value is
// written as JSON writes it, and Want and Used are plain words, since the
// error reaches whoever wrote the host page (gocycle.js's onError, which
// gets Name, Value, Want and Used as its detail) or, through the host, an
// integrator who knows the prop as an option of a view (Odoo's).
type PropError struct {
	Name  string // the prop's name
	Value any    // what the host sent; nil when it sent nothing (or null)
	Want  string // what the widget wanted ("a number", "one of: a, b")
	Used  string // what the widget does instead ("shown as empty")

	unknown bool // the widget has no prop of that name
}

// Error names the prop, what came and what was wanted, and what the
// widget does instead: `"unit" is "centimetre": want a CLDR unit id such
// as centimeter, meter; no slider is shown`. It does not say "prop" or
// "option": hosts call them one or the other, and the name in quotes is
// clear either way.
func (e *PropError) Error() string {
	var s string
	switch {
	case e.unknown:
		s = strconv.Quote(e.Name) + " is not a known name: want " + e.Want
	case e.Value == nil:
		s = strconv.Quote(e.Name) + " is missing: want " + e.Want
	default:
		s = strconv.Quote(e.Name) + " is " + Describe(e.Value) + ": want " + e.Want
	}
	if e.Used != "" {
		s += "; " + e.Used
	}
	return s
}

// Describe writes a prop's value as errors quote it: a string quoted
// ("centimetre" in quotes), a number, a boolean, null or an array as JSON
// writes them.
func Describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return string(appendJSONString(nil, x))
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, err := appendJSON(nil, v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	return string(b)
}

// propPayload is the detail of a prop error as gocycle.js's
// _widgetEvent(id, "prop", payload) receives it, a JSON object with the
// fields prop (e.Name), value ([Describe] of e.Value, or null when the
// host sent none), want, used, and message: the whole error, which may
// say more than e alone (an error that wraps it). It is written by hand,
// without encoding/json's reflection: five strings.
func propPayload(e *PropError, message string) string {
	b := []byte(`{"prop":`)
	b = appendJSONString(b, e.Name)
	b = append(b, `,"value":`...)
	if e.Value == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, Describe(e.Value))
	}
	b = append(b, `,"want":`...)
	b = appendJSONString(b, e.Want)
	b = append(b, `,"used":`...)
	b = appendJSONString(b, e.Used)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, message)
	return string(append(b, '}'))
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, and U+2028 and U+2029, which older
// JavaScript does not allow in string literals; everything else, < and >
// included, as it is (json.Marshal writes those as \u003c, for HTML).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// Empty reports whether prop name is missing or empty: absent, null,
// false (Odoo's empty field) or "".
func (p Props) Empty(name string) bool {
	v, ok := p[name]
	if !ok {
		return true
	}
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case string:
		return strings.TrimSpace(x) == ""
	}
	return false
}

// Number returns prop name as a finite number. ok is false when the prop
// is [Props.Empty] or unusable; err says why it is unusable: NaN or an
// infinity (which gocycle.js sends as the strings "NaN", "Infinity"), a
// string that is not a number, or another type. A string that is a number
// ("12.5") is used, and reported too, since the host sent the wrong type.
func (p Props) Number(name string) (v float64, ok bool, err error) {
	if p.Empty(name) {
		return 0, false, nil
	}
	switch x := p[name].(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false, &PropError{Name: name, Value: x, Want: "a finite number", Used: "ignored"}
		}
		return x, true, nil
	case string:
		f, perr := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if perr != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false, &PropError{Name: name, Value: x, Want: "a finite number", Used: "ignored"}
		}
		return f, true, &PropError{Name: name, Value: x, Want: "a number, not a string", Used: "read as " + strconv.FormatFloat(f, 'g', -1, 64)}
	}
	return 0, false, &PropError{Name: name, Value: p[name], Want: "a number", Used: "ignored"}
}

// String returns prop name as a string; "" when it is empty. A number or
// a boolean true is an error and "".
func (p Props) String(name string) (string, error) {
	if p.Empty(name) {
		return "", nil
	}
	if s, ok := p[name].(string); ok {
		return s, nil
	}
	return "", &PropError{Name: name, Value: p[name], Want: "a string", Used: "ignored"}
}

// Bool returns prop name as a boolean: absent, null and false are false.
// Anything but a boolean is an error and false.
func (p Props) Bool(name string) (bool, error) {
	switch x := p[name].(type) {
	case nil:
		return false, nil
	case bool:
		return x, nil
	}
	return false, &PropError{Name: name, Value: p[name], Want: "true or false", Used: "taken as false"}
}

// Unknown returns an error for every prop whose name is not in known,
// sorted by name: `"colour" is not a known name: want one of value, min;
// ignored`.
func (p Props) Unknown(known ...string) []error {
	var names []string
	for k := range p {
		found := false
		for _, n := range known {
			if n == k {
				found = true
				break
			}
		}
		if !found {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		errs = append(errs, &PropError{Name: n, Value: p[n], Want: "one of " + strings.Join(known, ", "), Used: "ignored", unknown: true})
	}
	return errs
}
