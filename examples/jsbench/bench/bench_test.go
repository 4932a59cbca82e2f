//go:build !js

package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestSmoke runs every operation once in both pages, in headless
// Chromium: each button and row link is clicked, the tables are checked
// and must be the same in both. It is the quick check `make test` runs;
// the benchmark itself is `make bench`. Without a browser it is skipped,
// unless GOCYCLE_REQUIRE_BROWSER=1.
func TestSmoke(t *testing.T) {
	path, err := FindBrowser()
	if err != nil {
		if os.Getenv("GOCYCLE_REQUIRE_BROWSER") == "1" {
			t.Fatal(err.Error() + " (GOCYCLE_REQUIRE_BROWSER=1 makes this a failure)")
		}
		t.Skip(err)
	}
	root, err := FindRoot()
	if err != nil {
		t.Fatal(err)
	}
	h, err := Start(Config{Root: root, Browser: path})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	rows := map[string]int{
		"create1k": 1000, "replace1k": 1000, "update10th": 1000, "select": 1000, "swap": 1000,
		"remove": 999, "create10k": 10000, "append1k": 2000, "clear1k": 0,
	}
	for _, op := range Ops {
		got := map[string]Result{}
		for _, impl := range Impls {
			r, err := h.Run(impl, op, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if r.Error != "" {
				t.Fatalf("%s: %s: %s", impl, op, r.Error)
			}
			if r.Rows != rows[op] || !(r.MS > 0) || r.Frames < 1 {
				t.Errorf("%s: %s: %d rows, %v ms, %d frames; want %d rows", impl, op, r.Rows, r.MS, r.Frames, rows[op])
			}
			got[impl] = r
		}
		if a, b := got["vanilla"].Digest, got["gocycle"].Digest; a != b {
			t.Errorf("%s: the tables differ: vanilla %s, gocycle %s", op, a, b)
		}
	}
}

func TestSplice(t *testing.T) {
	sec := StartMarker + "\nnew\n" + EndMarker + "\n"
	for _, tc := range []struct{ doc, want string }{
		{"", sec},
		{"# Benchmarks\n\ntext", "# Benchmarks\n\ntext\n\n" + sec},
		{"# B\n\n" + StartMarker + "\nold\n" + EndMarker + "\n\n## after\n", "# B\n\n" + sec + "\n## after\n"},
		{"a " + StartMarker + " old " + EndMarker + " b", "a " + sec + " b"},
	} {
		got, err := Splice(tc.doc, sec)
		if err != nil || got != tc.want {
			t.Errorf("Splice(%q):\n got %q, %v\nwant %q", tc.doc, got, err, tc.want)
		}
	}
	for _, doc := range []string{StartMarker + " x", "x " + EndMarker, EndMarker + " " + StartMarker} {
		if _, err := Splice(doc, sec); err == nil {
			t.Errorf("Splice(%q): no error", doc)
		}
	}
	// WriteSection keeps the rest of the file.
	path := t.TempDir() + "/B.md"
	os.WriteFile(path, []byte("# Benchmarks\n\nstreams\n"), 0o644)
	if err := WriteSection(path, sec); err != nil {
		t.Fatal(err)
	}
	if err := WriteSection(path, strings.Replace(sec, "new", "newer", 1)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if want := "# Benchmarks\n\nstreams\n\n" + strings.Replace(sec, "new", "newer", 1); string(b) != want {
		t.Errorf("the file is %q, want %q", b, want)
	}
}
