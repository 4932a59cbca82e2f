package widget

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The detail of a prop error reaches gocycle.js as JSON that
// JSON.parse reads, whatever the strings hold.
func TestPropPayload(t *testing.T) {
	for _, e := range []*PropError{
		{Name: "unit", Value: "centimetre", Want: "a CLDR unit id such as centimeter", Used: "no slider"},
		{Name: "unit", Want: "a CLDR unit id"},
		{Name: "min", Value: []any{1.0, "a"}, Want: "a number"},
		{Name: "odd \"name\"\n", Value: "<b>\u2028\u0001\\</b>", Want: "ünïcode ✓", Used: "\t"},
	} {
		msg := fmt.Errorf("wrapped: %w", e).Error()
		got := propPayload(e, msg)
		var d map[string]any
		if err := json.Unmarshal([]byte(got), &d); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		want := map[string]any{"prop": e.Name, "want": e.Want, "used": e.Used, "message": msg, "value": nil}
		if e.Value != nil {
			want["value"] = Describe(e.Value)
		}
		if len(d) != len(want) {
			t.Errorf("%s: fields %v, want %v", got, d, want)
		}
		for k, v := range want {
			if d[k] != v {
				t.Errorf("%s: %s = %#v, want %#v", got, k, d[k], v)
			}
		}
		if strings.Contains(got, "\u2028") {
			t.Errorf("%s: U+2028 not escaped", got)
		}
	}
}
