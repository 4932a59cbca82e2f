package widget

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// The hand-written JSON of json.go must read and write what
// encoding/json does; encoding/json, in tests only, is the oracle.

var jsonCases = []string{
	`{}`, `{"a":1}`, ` {"a" : [1, 2.5, -0, 1e3, 1E-7, "x"], "b": {"c": null}} `,
	`{"a":true,"b":false,"a":"last wins"}`, `null`, `[]`, `"str"`, `12`, `-0.0`,
	`{"s":"\"\\\/\b\f\n\r\t\u00e9\u20ac\ud83d\ude00"}`, `{"lone":"\ud83d x \ude00 \ud83dx"}`,
	`{"bad utf8":"` + "\xff\xfe" + `"}`, `{"raw":"é€😀"}`, `{"big":1e400}`, `{"tiny":1e-400}`,
	`{"n":123456789012345678901234567890}`, `{"u":"\u0000"}`,
	``, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `{'a':1}`, `{"a":01}`, `{"a":1.}`,
	`{"a":.5}`, `{"a":1e}`, `{"a":-}`, `{"a":+1}`, `{"a":tru}`, `{"a":nul}`, `{"a":"\x"}`,
	`{"a":"\u12"}`, `{"a":"` + "\n" + `"}`, `{} {}`, `{"a":1} x`, `[1 2]`, `{"a":1 "b":2}`,
	`{"a":NaN}`, `{"a":Infinity}`, "\t\r\n{}\n", strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat("[", 100) + strings.Repeat("]", 100), strings.Repeat("[", 10000) + "1" + strings.Repeat("]", 10000),
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
	strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
}

func checkParseAgrees(t *testing.T, text string) {
	t.Helper()
	got, err := parseJSON(text)
	var want any
	werr := json.Unmarshal([]byte(text), &want)
	if (err == nil) != (werr == nil) {
		t.Fatalf("parseJSON(%s): error %v, encoding/json: %v", short(text), err, werr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("parseJSON(%s) = %.200#v, encoding/json gives %.200#v", short(text), got, want)
	}
}

// short quotes text, cut to 200 bytes, for a failure message.
func short(text string) string {
	if len(text) > 200 {
		return strconv.Quote(text[:200]) + "..."
	}
	return strconv.Quote(text)
}

func TestParseJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, c := range jsonCases {
		checkParseAgrees(t, c)
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, c := range jsonCases {
		f.Add(c)
	}
	f.Fuzz(checkParseAgrees)
}

func checkAppendAgrees(t *testing.T, v any) {
	t.Helper()
	got, err := appendJSON(nil, v)
	want, werr := json.Marshal(v)
	if (err == nil) != (werr == nil) {
		t.Fatalf("appendJSON(%#v): error %v, encoding/json: %v", v, err, werr)
	}
	if err != nil {
		return
	}
	// Strings may differ in escapes (encoding/json writes < as \u003c, for
	// HTML); what they decode to may not.
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("appendJSON(%#v) = %s, which is not JSON: %v", v, got, err)
	}
	_ = json.Unmarshal(want, &w)
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("appendJSON(%#v) = %s, encoding/json writes %s", v, got, want)
	}
	if !strings.ContainsAny(string(want), `\"`) && string(got) != string(want) {
		t.Fatalf("appendJSON(%#v) = %s, encoding/json writes %s", v, got, want)
	}
}

func TestAppendJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, v := range []any{
		nil, true, false, "", "<a & b>\u2028\x01\"\\é", 0.0, math.Copysign(0, -1), 1.0, -2.5, 1e20, 1e21, 1e-6, 1e-7,
		123456789.125, 5e-324, math.MaxFloat64, float32(0.1), float32(1e21), float32(1e-7), 3, int8(-8), int64(math.MinInt64),
		uint64(math.MaxUint64), uint8(255), []any{1.0, "x", nil, []any{}}, []any(nil), []string{"a", "b"},
		map[string]any{"b": 1.0, "a": []any{true}, "": nil}, map[string]any(nil), Props{"x": 1.0},
		math.NaN(), math.Inf(1), float32(math.Inf(-1)),
	} {
		checkAppendAgrees(t, v)
	}
}

// FuzzAppendJSON writes numbers and whatever JSON the input decodes to.
func FuzzAppendJSON(f *testing.F) {
	f.Add(`{"a":[1,2.5,"<x>"]}`, 1.5)
	f.Add(`"\u2028"`, 1e-7)
	f.Fuzz(func(t *testing.T, text string, x float64) {
		checkAppendAgrees(t, x)
		checkAppendAgrees(t, float32(x))
		var v any
		if json.Unmarshal([]byte(text), &v) == nil {
			checkAppendAgrees(t, v)
		}
	})
}

// TestAppendJSONNamesAnUnsupportedType: values that are not JSON-shaped,
// which encoding/json would write by reflection, are an error that says
// what the Change sink takes.
func TestAppendJSONNamesAnUnsupportedType(t *testing.T) {
	for _, v := range []any{[]any{struct{ A int }{1}}, []int{1}, map[string]int{"a": 1}, map[string]any{"k": &struct{}{}}} {
		_, err := appendJSON(nil, v)
		if err == nil || !strings.Contains(err.Error(), "unsupported type") || !strings.Contains(err.Error(), "JSON-shaped") {
			t.Errorf("appendJSON(%#v): got %v, want an error naming the type and what was wanted", v, err)
		}
	}
}
