package xstreamdiff

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// defaultCases is the number of seeds `make test` runs; `make bench` runs
// GOCYCLE_XSTREAM_CASES=20000.
const defaultCases = 400

// TestAgainstXstream runs generated pipelines and schedules with
// cycle/stream and with xstream 11.14.0 in Node, and fails on every case
// where a listener's events differ, except where a rule of rules.go says
// they differ on purpose.
//
//	GOCYCLE_XSTREAM_CASES=20000  run seeds 1..20000 instead of 1..400
//	GOCYCLE_XSTREAM_SEED=123     run only seed 123 (and print it)
//	GOCYCLE_XSTREAM_SHOW=10      print up to 10 shrunk disagreements (default 3)
//	GOCYCLE_REQUIRE_NODE=1       fail instead of skipping without node or xstream
func TestAgainstXstream(t *testing.T) {
	o, err := StartOracle()
	if err != nil {
		if errors.Is(err, ErrNoOracle) && os.Getenv("GOCYCLE_REQUIRE_NODE") != "1" {
			t.Skipf("skipping the differential test against xstream: %v (set GOCYCLE_REQUIRE_NODE=1 to make this a failure)", err)
		}
		t.Fatal(err)
	}
	defer o.Close()

	var seeds []uint64
	if s := os.Getenv("GOCYCLE_XSTREAM_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("GOCYCLE_XSTREAM_SEED=%q: %v", s, err)
		}
		seeds = []uint64{n}
	} else {
		n := envInt(t, "GOCYCLE_XSTREAM_CASES", defaultCases)
		for i := 1; i <= n; i++ {
			seeds = append(seeds, uint64(i))
		}
	}
	show := envInt(t, "GOCYCLE_XSTREAM_SHOW", 3)

	excluded := map[string]int{}
	var bad []Verdict
	compared := 0
	for len(seeds) > 0 {
		k := min(len(seeds), 250)
		cases := make([]*Case, k)
		for i, s := range seeds[:k] {
			cases[i] = Generate(s)
		}
		seeds = seeds[k:]
		vs, err := o.Check(cases)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			switch {
			case v.Excluded != "":
				excluded[rule(v.Excluded)]++
			case v.Diff != "":
				bad = append(bad, v)
			default:
				compared++
			}
			if len(cases) == 1 {
				t.Logf("seed %d:\n%s\n%s", v.Case.Seed, v.Case.Go(), v.Case.JS())
				t.Logf("excluded: %q; go %s; xstream %s", v.Excluded, showAll(v.Go.Logs), showAll(v.JS.Logs))
			}
		}
	}
	t.Logf("%d cases agree, %d disagree, excluded by rule: %v", compared, len(bad), excluded)
	for i, v := range bad {
		if i >= show {
			break
		}
		s, err := o.Shrink(v)
		if err != nil {
			t.Fatal(err)
		}
		if os.Getenv("GOCYCLE_XSTREAM_BRIEF") == "1" {
			t.Errorf("seed %d: %s\n  %s", s.Case.Seed, strings.ReplaceAll(s.Diff, "\n", "; "), s.Case.Summary())
			continue
		}
		t.Errorf("%s", s.Report())
	}
	if len(bad) > show {
		seeds := make([]string, len(bad))
		for i, v := range bad {
			seeds[i] = strconv.FormatUint(v.Case.Seed, 10)
		}
		t.Errorf("%d disagreements in all, seeds %s", len(bad), strings.Join(seeds, " "))
	}
}

func rule(why string) string {
	r, _, _ := strings.Cut(why, ":")
	return r
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, s, err)
	}
	return n
}
