package dom

import (
	"maps"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestAppendFrameLayout(t *testing.T) {
	e := &Edits{}
	e.createElement(1, "p", "")
	e.createText(2, "héllo 😀")
	e.appendChild(1, 2)
	e.setProp(1, "tabIndex", 2.5)
	buf, strs := appendFrame([]byte{0xff}, e) // appends after what is there
	if buf[0] != 0xff {
		t.Fatal("appendFrame overwrote the buffer's start")
	}
	buf = buf[1:]
	if len(buf)%4 != 0 {
		t.Fatalf("frame is %d bytes, not whole words", len(buf))
	}
	w := make([]uint32, len(buf)/4)
	for i := range w {
		w[i] = uint32(buf[4*i]) | uint32(buf[4*i+1])<<8 | uint32(buf[4*i+2])<<16 | uint32(buf[4*i+3])<<24
	}
	nWords, nStrings := int(w[0]), int(w[1])
	if nWords != len(e.Words) || nStrings != len(e.Strings) || len(w) != 2+nWords+nStrings {
		t.Fatalf("header %d %d, frame %d words; edits have %d words and %d strings", nWords, nStrings, len(w), len(e.Words), len(e.Strings))
	}
	for i, x := range e.Words {
		if w[2+i] != x {
			t.Fatalf("word %d is %d, want %d", i, w[2+i], x)
		}
	}
	// Slicing the UTF-16 form of the joined string at the ends gives back
	// every string, as String.prototype.slice does in the runtime.
	units := utf16.Encode([]rune(strs))
	start := uint32(0)
	for i, s := range e.Strings {
		end := w[2+nWords+i]
		if got := string(utf16.Decode(units[start:end])); got != s {
			t.Errorf("string %d: got %q, want %q", i, got, s)
		}
		start = end
	}
	if int(start) != len(units) {
		t.Errorf("the last end is %d, the joined string has %d units", start, len(units))
	}
}

func TestParseEvent(t *testing.T) {
	sep := "\x1f"
	enc := strings.Join([]string{"input", "4\x1b\x1f2\x1b\x1b", "NaN", "1", "Enter", "KeyA", "13", "1.5", "-2", "", "3", "input",
		"rowId", "7", "label", "a\x1b\x1fb"}, sep)
	ev := parseEvent(enc)
	want := Event{Type: "input", Value: "4\x1f2\x1b", Checked: true, Key: "Enter", Code: "KeyA",
		Alt: true, Ctrl: false, Meta: true, Shift: true, ClientX: 1.5, ClientY: -2, OffsetX: 0, OffsetY: 3, TargetTag: "input"}
	if !math.IsNaN(ev.Number) {
		t.Errorf("Number = %v, want NaN", ev.Number)
	}
	ds := ev.Dataset
	ev.Number, ev.Dataset = 0, nil
	if !reflect.DeepEqual(ev, want) {
		t.Errorf("got  %+v\nwant %+v", ev, want)
	}
	if len(ds) != 2 || ds["rowId"] != "7" || ds["label"] != "a\x1fb" {
		t.Errorf("Dataset = %q", ds)
	}
}

func TestParseEventNumbers(t *testing.T) {
	for in, want := range map[string]float64{"42": 42, "-0.5": -0.5, "Infinity": math.Inf(1), "-Infinity": math.Inf(-1), "1e+21": 1e21} {
		ev := parseEvent("input\x1f\x1f" + in)
		if ev.Number != want {
			t.Errorf("number %q: got %v, want %v", in, ev.Number, want)
		}
		if ev.Dataset != nil || ev.TargetTag != "" {
			t.Errorf("a short encoding gave %+v", ev)
		}
	}
	if ev := parseEvent(""); ev.Type != "" || !math.IsNaN(ev.Number) {
		t.Errorf("empty encoding gave %+v", ev)
	}
}

func TestListenFlags(t *testing.T) {
	spec := listenSpec{}
	for _, o := range []EventOption{Capture(), Passive(), PreventDefault(), StopPropagation()} {
		o(&spec)
	}
	if got := listenFlags(spec); got != flagCapture|flagPassive|flagPreventDefault|flagStopPropagation {
		t.Errorf("flags = %d", got)
	}
}

// TestRuntimeMatchesGo checks that web/gocycle.js reads the wire as Go
// writes it: op codes, NoString, listener flags and ScopeAttr.
func TestRuntimeMatchesGo(t *testing.T) {
	src, err := os.ReadFile("../../web/gocycle.js")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*const ([A-Z_]+) = ([^;]+);`).FindAllStringSubmatch(string(src), -1) {
		consts[m[1]] = m[2]
	}
	check := func(name string, want uint64) {
		t.Helper()
		v, ok := consts[name]
		if !ok {
			t.Errorf("gocycle.js has no const %s", name)
			return
		}
		got, err := strconv.ParseUint(strings.TrimPrefix(v, "0x"), map[bool]int{true: 16, false: 10}[strings.HasPrefix(v, "0x")], 64)
		if err != nil || got != want {
			t.Errorf("gocycle.js: %s = %s, want %d", name, v, want)
		}
	}
	for op := Op(1); op < opEnd; op++ {
		check("OP_"+snake(op.String()), uint64(op))
	}
	check("NO_STRING", NoString)
	check("F_CAPTURE", flagCapture)
	check("F_PASSIVE", flagPassive)
	check("F_PREVENT_DEFAULT", flagPreventDefault)
	check("F_STOP_PROPAGATION", flagStopPropagation)
	if consts["SCOPE_ATTR"] != strconv.Quote(ScopeAttr) {
		t.Errorf("gocycle.js: SCOPE_ATTR = %s, want %q", consts["SCOPE_ATTR"], ScopeAttr)
	}
	if !strings.Contains(string(src), `const SEP = "\u001f"`) {
		t.Errorf("gocycle.js does not separate event fields with U+001F")
	}
	// MemDOM.Dispatch knows the event types that do not bubble as the
	// runtime does.
	set := regexp.MustCompile(`(?s)const NON_BUBBLING = new Set\(\[(.*?)\]\);`).FindStringSubmatch(string(src))
	if set == nil {
		t.Fatal("gocycle.js has no NON_BUBBLING set")
	}
	js := map[string]bool{}
	for _, m := range regexp.MustCompile(`"([a-z]+)"`).FindAllStringSubmatch(set[1], -1) {
		js[m[1]] = true
	}
	if !maps.Equal(js, nonBubbling) {
		t.Errorf("gocycle.js's NON_BUBBLING is %v, MemDOM's nonBubbling %v", slices.Sorted(maps.Keys(js)), slices.Sorted(maps.Keys(nonBubbling)))
	}
}

// snake turns "SetPropString" into "SET_PROP_STRING".
func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}
