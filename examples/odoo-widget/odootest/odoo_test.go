//go:build !js

package odootest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const addon = "gocycle_widgets"

// odoo is the Odoo installation the tests run against.
type odoo struct {
	bin, python string
	addonsPath  []string // Odoo's own
	args        []string
	ours        string // the directory that holds the addon
}

func setup(t *testing.T) *odoo {
	t.Helper()
	bin := os.Getenv("ODOO_BIN")
	if bin == "" {
		t.Skip("ODOO_BIN is not set: these tests need a real Odoo 17; set ODOO_BIN to its odoo-bin (and ODOO_PYTHON, ODOO_ARGS for the database; see examples/odoo-widget/gocycle_widgets/README.md) and run make odoo-test")
	}
	o := &odoo{bin: bin, python: os.Getenv("ODOO_PYTHON"), args: strings.Fields(os.Getenv("ODOO_ARGS"))}
	if o.python == "" {
		o.python = "python3"
	}
	if p := os.Getenv("ODOO_ADDONS_PATH"); p != "" {
		o.addonsPath = strings.Split(p, ",")
	} else {
		root := filepath.Dir(bin)
		for _, d := range []string{filepath.Join(root, "odoo", "addons"), filepath.Join(root, "addons")} {
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				o.addonsPath = append(o.addonsPath, d)
			}
		}
	}
	ours, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	o.ours = ours
	if _, err := os.Stat(filepath.Join(ours, addon, "static", "wasm", "widgets.wasm")); err != nil {
		t.Fatalf("the addon is not built (%v): run make odoo-addon (make odoo-test does)", err)
	}
	out, err := exec.Command(o.python, bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s --version: %v\n%s", o.python, bin, err, out)
	}
	if !strings.Contains(string(out), "Odoo Server 17.") {
		t.Fatalf("ODOO_BIN is not Odoo 17: %s", bytes.TrimSpace(out))
	}
	return o
}

// run runs odoo-bin with args (a subcommand first, if any), with the
// addons path with or without this addon, and returns its output.
func (o *odoo) run(t *testing.T, withAddon bool, stdin string, args ...string) (string, error) {
	t.Helper()
	path := append([]string{}, o.addonsPath...)
	if withAddon {
		path = append(path, o.ours)
	}
	var cmdArgs []string
	cmdArgs = append(cmdArgs, o.bin)
	shown := strings.Join(args, " ")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmdArgs = append(cmdArgs, args[0])
		args = args[1:]
	}
	cmdArgs = append(cmdArgs, "--addons-path="+strings.Join(path, ","))
	cmdArgs = append(cmdArgs, o.args...)
	cmdArgs = append(cmdArgs, args...)
	cmd := exec.Command(o.python, cmdArgs...)
	cmd.Stdin = strings.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("odoo-bin %s: %v (%s)", shown, err, time.Since(start).Round(time.Second))
	return out.String(), err
}

// database returns a new database name and drops it when the test ends.
func (o *odoo) database(t *testing.T, what string) string {
	db := fmt.Sprintf("gocycle_test_%s_%d", what, time.Now().UnixNano()%1e9)
	t.Cleanup(func() {
		if os.Getenv("GOCYCLE_ODOO_KEEP_DB") != "" {
			t.Logf("kept database %s (GOCYCLE_ODOO_KEEP_DB)", db)
			return
		}
		var dbArgs []string
		for _, a := range o.args {
			if strings.HasPrefix(a, "--db_") || strings.HasPrefix(a, "--pg_path") || strings.HasPrefix(a, "-c") || strings.HasPrefix(a, "--config") {
				dbArgs = append(dbArgs, a)
			}
		}
		cmd := exec.Command(o.python, append(append([]string{o.bin, "db"}, dbArgs...), "drop", db)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Logf("dropping %s: %v\n%s", db, err, out)
		}
	})
	return db
}

// freePort returns a port on 127.0.0.1 that nothing listens on now.
func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// problems returns the lines of an Odoo log at level ERROR or CRITICAL,
// and the tracebacks.
func problems(log string) []string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, " ERROR ") || strings.Contains(line, " CRITICAL ") || strings.HasPrefix(line, "Traceback") {
			out = append(out, line)
		}
	}
	return out
}

func failOn(t *testing.T, what, log string, err error) {
	t.Helper()
	if p := problems(log); err != nil || len(p) > 0 {
		t.Fatalf("%s: %v\n%s\n--- the whole log:\n%s", what, err, strings.Join(p, "\n"), tail(log, 200))
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// TestInstallOnExistingDatabase does what an integrator does: a database
// made before the addon was on the addons path, then Apps → Update Apps
// List, install, and upgrade.
func TestInstallOnExistingDatabase(t *testing.T) {
	o := setup(t)
	db := o.database(t, "existing")
	log, err := o.run(t, false, "", "-d", db, "-i", "base", "--without-demo=all", "--stop-after-init", "--no-http")
	failOn(t, "making a database without the addon", log, err)

	const script = `
Module = env["ir.module.module"]
Module.update_list()
m = Module.search([("name", "=", "gocycle_widgets")])
assert m, "Update Apps List did not find gocycle_widgets"
assert m.state == "uninstalled", m.state
m.button_immediate_install()
env.cr.commit()
m = env["ir.module.module"].search([("name", "=", "gocycle_widgets")])
print("gocycle-test: state", m.state, "license", m.license)
`
	log, err = o.run(t, true, script, "shell", "-d", db, "--no-http")
	failOn(t, "Update Apps List and install on the existing database", log, err)
	if !strings.Contains(log, "gocycle-test: state installed license Other OSI approved licence") {
		t.Fatalf("after Update Apps List and install, the module is not installed:\n%s", tail(log, 80))
	}

	log, err = o.run(t, true, "", "-d", db, "-u", addon, "--stop-after-init", "--no-http")
	failOn(t, "upgrading the addon", log, err)

	log, err = o.run(t, true, "", "-d", db, "-i", addon, "--stop-after-init", "--no-http")
	failOn(t, "installing the addon again with -i", log, err)
}

var resultLine = regexp.MustCompile(`(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database`)

// TestAddonTests installs the addon on a new database with its tests
// enabled: tests/test_ui.py's tours in Odoo's test browser, and
// tests/test_module.py.
func TestAddonTests(t *testing.T) {
	o := setup(t)
	db := o.database(t, "tests")
	log, err := o.run(t, true, "", "-d", db, "-i", addon, "--without-demo=all", "--test-enable", "--test-tags=/"+addon,
		"--stop-after-init", "--http-interface=127.0.0.1", "--http-port="+freePort(t), "--log-level=test")
	m := resultLine.FindStringSubmatch(log)
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "odoo.addons."+addon+".tests") && (strings.Contains(line, "Starting") || strings.Contains(line, " ok")) || strings.Contains(line, "tests when loading database") {
			t.Log(strings.TrimSpace(line))
		}
	}
	failOn(t, "the addon's tests", log, err)
	if m == nil {
		t.Fatalf("no test result line in Odoo's log:\n%s", tail(log, 200))
	}
	if m[1] != "0" || m[2] != "0" {
		t.Fatalf("%s failed, %s error(s) of %s tests:\n%s", m[1], m[2], m[3], tail(log, 200))
	}
	if n, _ := strconv.Atoi(m[3]); n < 10 {
		t.Fatalf("only %d tests ran (want the 10 of gocycle_widgets/tests at least):\n%s", n, tail(log, 200))
	}
	// Odoo counts a skipped test as passed: its tours skip without
	// Chrome or Python's websocket-client, and then prove nothing.
	if skipped := skippedLine.FindAllString(log, -1); len(skipped) > 0 {
		t.Fatalf("Odoo skipped %d of the addon's tests, which therefore tested nothing; install what they need (a tour needs Chromium and python3-websocket):\n%s", len(skipped), strings.Join(skipped, "\n"))
	}
}

var skippedLine = regexp.MustCompile(`odoo\.addons\.` + addon + `\.tests\.\w+: skipped .*`)
