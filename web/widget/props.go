package widget

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Props are a widget's props as the host sends them: JSON-shaped, decoded
// as encoding/json decodes into an any (numbers are float64, objects are
// map[string]any). Hosts send what they have, and an Odoo record has
// false for an empty field: the accessors below take what makes sense and
// describe the rest as a *PropError, for the widget's Errors sink.
type Props map[string]any

// ParseProps decodes JSON text into Props. Text that is not a JSON object
// is an error.
func ParseProps(text string) (Props, error) {
	var p Props
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		return nil, fmt.Errorf("widget: the props are not a JSON object: %w", err)
	}
	if p == nil {
		p = Props{}
	}
	return p, nil
}

// PropError is a prop the widget cannot use as given.
type PropError struct {
	Name  string // the prop's name
	Value any    // what the host sent
	Want  string // what the widget wanted ("a number", "one of: a, b")
	Used  string // what the widget does instead ("shown as empty")
}

// Error names the prop, what came and what was wanted, and what the
// widget does instead.
func (e *PropError) Error() string {
	s := fmt.Sprintf("widget: prop %q is %s, want %s", e.Name, describe(e.Value), e.Want)
	if e.Used != "" {
		s += "; " + e.Used
	}
	return s
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	return string(b)
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
// sorted by name.
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
		errs = append(errs, &PropError{Name: n, Value: p[n], Want: "no such prop (known: " + strings.Join(known, ", ") + ")", Used: "ignored"})
	}
	return errs
}
