package xstreamdiff

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// jsResult is what a case did in xstream (see runCase in js/harness.js).
type jsResult struct {
	Logs [][]string `json:"logs"`
	// Excluded names the rule of rules.go that applies to the case, if one
	// does: the two packages may then disagree on purpose.
	Excluded string `json:"excluded"`
	// Throws are the exceptions xstream threw out of an operation.
	Throws []string `json:"throws"`
	// Crash is an exception that escaped the program: a bug of the harness.
	Crash string `json:"crash"`
}

// Oracle is a node process running js/harness.js, which runs batches of
// cases with xstream.
type Oracle struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// Dir is the directory of harness.js and of the node_modules that `make
// xstream-oracle` installs xstream into.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "js")
}

// ErrNoOracle says that node or the xstream install is missing.
var ErrNoOracle = errors.New("xstreamdiff: node or xstream is missing")

// StartOracle starts node on harness.js. It returns an error wrapping
// ErrNoOracle when node is not on the PATH or xstream is not installed
// in Dir()/node_modules (run `make xstream-oracle`).
func StartOracle() (*Oracle, error) {
	node, err := exec.LookPath("node")
	if err != nil || runtime.GOOS == "js" {
		return nil, fmt.Errorf("%w: node not found on the PATH (or running under js/wasm)", ErrNoOracle)
	}
	dir := Dir()
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "xstream", "package.json")); err != nil {
		return nil, fmt.Errorf("%w: %s/node_modules/xstream is not installed: run make xstream-oracle", ErrNoOracle, dir)
	}
	cmd := exec.Command(node, "harness.js")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &Oracle{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20)}, nil
}

// run runs the cases in xstream, in one round trip.
func (o *Oracle) run(cases []*Case) ([]jsResult, error) {
	progs := make([]string, len(cases))
	for i, c := range cases {
		progs[i] = c.JS()
	}
	line, err := json.Marshal(progs)
	if err != nil {
		return nil, err
	}
	if _, err := o.in.Write(append(line, '\n')); err != nil {
		return nil, err
	}
	resp, err := o.out.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("reading from node: %w", err)
	}
	var res []jsResult
	if err := json.Unmarshal(resp, &res); err != nil {
		return nil, err
	}
	if len(res) != len(cases) {
		return nil, fmt.Errorf("node answered %d results for %d cases", len(res), len(cases))
	}
	return res, nil
}

// Close stops the node process.
func (o *Oracle) Close() error {
	o.in.Close()
	return o.cmd.Wait()
}
