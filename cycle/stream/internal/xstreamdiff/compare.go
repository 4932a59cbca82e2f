package xstreamdiff

import (
	"fmt"
	"slices"
	"strings"
)

// Verdict is the outcome of one case.
type Verdict struct {
	Case *Case
	// Excluded is the rule (rules.go) that applies to the case, or "";
	// such a case is not compared.
	Excluded string
	// Diff describes how the two sides disagree, or is "" if they agree.
	Diff string
	Go   goResult
	JS   jsResult
}

// judge compares the two results of c.
func judge(c *Case, g goResult, j jsResult) Verdict {
	v := Verdict{Case: c, Go: g, JS: j}
	switch {
	case j.Crash != "":
		v.Diff = "the JavaScript program crashed (a bug of the harness): " + j.Crash
	case j.Excluded != "":
		v.Excluded = j.Excluded
	case g.Over:
		v.Diff = "Go ran out of its budget of events (a runaway cycle?)"
	case g.Panic != "":
		v.Diff = "Go panicked: " + g.Panic
	default:
		var d []string
		for i := 0; i < c.Listeners; i++ {
			gl, jl := at(g.Logs, i), at(j.Logs, i)
			if !slices.Equal(gl, jl) {
				d = append(d, fmt.Sprintf("listener %d: go %s, xstream %s", i, show(gl), show(jl)))
			}
		}
		v.Diff = strings.Join(d, "\n")
	}
	return v
}

func at(logs [][]string, i int) []string {
	if i < len(logs) && logs[i] != nil {
		return logs[i]
	}
	return []string{}
}

func show(l []string) string { return "[" + strings.Join(l, " ") + "]" }

// Check runs cases on both sides and returns their verdicts.
func (o *Oracle) Check(cases []*Case) ([]Verdict, error) {
	js, err := o.run(cases)
	if err != nil {
		return nil, err
	}
	out := make([]Verdict, len(cases))
	for i, c := range cases {
		out[i] = judge(c, runGo(c), js[i])
	}
	return out, nil
}

// Report describes a disagreement: the seed, both logs, the case as Go and
// as JavaScript.
func (v Verdict) Report() string {
	var b strings.Builder
	c := v.Case
	fmt.Fprintf(&b, "seed %d: cycle/stream and xstream disagree\n%s\n", c.Seed, v.Diff)
	if len(v.JS.Throws) > 0 {
		fmt.Fprintf(&b, "xstream threw out of an operation: %q\n", v.JS.Throws)
	}
	fmt.Fprintf(&b, "go logs:      %s\nxstream logs: %s\n", showAll(v.Go.Logs), showAll(v.JS.Logs))
	fmt.Fprintf(&b, "--- Go\n%s", c.Go())
	fmt.Fprintf(&b, "--- JavaScript (in %s: node -e \"$(cat case.js)\")\n", Dir())
	fmt.Fprintf(&b, "const R = require('./harness.js').runtime();\n(function (R) {\n%s})(R);\nconsole.log(JSON.stringify(R.result()));\n", c.JS())
	return b.String()
}

func showAll(logs [][]string) string {
	s := make([]string, len(logs))
	for i, l := range logs {
		s[i] = fmt.Sprintf("%d:%s", i, show(l))
	}
	return strings.Join(s, " ")
}
