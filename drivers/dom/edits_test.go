package dom

import (
	"strings"
	"testing"
)

// The string table gives one index per distinct string, whether strings
// share their bytes (substrings of one literal) or not, in every frame.
func TestStringTable(t *testing.T) {
	const sel = "td.col-md-1"
	e := &Edits{}
	td, td2 := sel[:2], sel[:2]
	tdCol := sel[:4] // same bytes as td, longer
	other := strings.Clone(td)
	for frame := range 3 {
		e.Reset()
		a := e.str(td)
		if e.str(td2) != a || e.str(other) != a {
			t.Fatalf("frame %d: one string got two indexes", frame)
		}
		if b := e.str(tdCol); b == a || e.Strings[b] != "td.c" {
			t.Fatalf("frame %d: a longer string with the same start got index %d (%q)", frame, b, e.Strings[b])
		}
		if c := e.str(""); e.str("") != c || e.Strings[c] != "" {
			t.Fatalf("frame %d: the empty string", frame)
		}
		if bad := e.str("a\xffb"); e.Strings[bad] != "a\uFFFDb" || e.str("a\xffb") != bad {
			t.Fatalf("frame %d: invalid UTF-8 is %q", frame, e.Strings[bad])
		}
		if len(e.Strings) != 4 || e.Strings[a] != "td" {
			t.Fatalf("frame %d: the table is %q", frame, e.Strings)
		}
	}
	// Many distinct strings: entries of the cache are overwritten, never
	// confused.
	e.Reset()
	seen := map[string]uint32{}
	for i := range 2000 {
		s := strings.Repeat("x", i%97+1) + string(rune('a'+i%26))
		i := e.str(s)
		if j, ok := seen[s]; ok && j != i {
			t.Fatalf("%q got %d, then %d", s, j, i)
		}
		seen[s] = i
		if e.Strings[i] != s {
			t.Fatalf("%q got the index of %q", s, e.Strings[i])
		}
	}
}
