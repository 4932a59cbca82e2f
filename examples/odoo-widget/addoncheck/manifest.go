package addoncheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Addon is an Odoo addon directory with its manifest.
type Addon struct {
	// Dir is the addon's directory.
	Dir string
	// Name is its technical name, the base name of Dir: the first part of
	// the paths in its manifest's assets.
	Name string
	// Manifest is __manifest__.py as JSON would decode it: Python's dicts
	// are maps, its lists and tuples []any.
	Manifest map[string]any
}

// ErrNoPython is returned by LoadAddon when python3 is not on PATH.
var ErrNoPython = errors.New("python3 is not on PATH: the manifest is read with Python's ast.literal_eval, as Odoo reads it")

// manifestScript prints the manifest as JSON. Odoo 17's load_manifest
// (odoo/modules/module.py) reads it with ast.literal_eval, so this accepts
// exactly what Odoo accepts.
const manifestScript = `import ast, json, sys; print(json.dumps(ast.literal_eval(open(sys.argv[1], encoding="utf-8").read())))`

// LoadAddon reads the manifest of the addon in dir with python3. The
// error wraps ErrNoPython when python3 is missing.
func LoadAddon(dir string) (*Addon, error) {
	py, err := exec.LookPath("python3")
	if err != nil {
		return nil, ErrNoPython
	}
	file := filepath.Join(dir, "__manifest__.py")
	if _, err := os.Stat(file); err != nil {
		return nil, fmt.Errorf("__manifest__.py: %v", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(py, "-c", manifestScript, file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:] // the exception, after the traceback
		}
		return nil, fmt.Errorf("__manifest__.py is not a Python literal (ast.literal_eval): %s", msg)
	}
	var v any
	if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
		return nil, fmt.Errorf("__manifest__.py: reading python3's JSON: %v", err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("__manifest__.py: want a dict, got %s", pyType(v))
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &Addon{Dir: dir, Name: filepath.Base(abs), Manifest: m}, nil
}

// pyType names the Python type of a value decoded from JSON, for errors.
func pyType(v any) string {
	switch v.(type) {
	case nil:
		return "None"
	case bool:
		return "a bool"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "a list"
	case map[string]any:
		return "a dict"
	}
	return fmt.Sprintf("%T", v)
}

// Licenses are the values of the license field of ir.module.module in
// Odoo 17 (odoo/addons/base/models/ir_module.py, the selection of
// `license`). Updating the apps list with any other value fails.
var Licenses = []string{
	"GPL-2",
	"GPL-2 or any later version",
	"GPL-3",
	"GPL-3 or any later version",
	"AGPL-3",
	"LGPL-3",
	"Other OSI approved licence",
	"OEEL-1",
	"OPL-1",
	"Other proprietary",
}

// CheckLicense checks that the manifest has a license and that Odoo 17
// accepts it.
func CheckLicense(a *Addon) error {
	v, ok := a.Manifest["license"]
	accepted := `"` + strings.Join(Licenses, `", "`) + `"`
	if !ok || v == "" {
		return fmt.Errorf("__manifest__.py has no license: Odoo 17 logs a warning and takes LGPL-3; set one of %s", accepted)
	}
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("__manifest__.py: license: want a string, got %s", pyType(v))
	}
	for _, l := range Licenses {
		if s == l {
			return nil
		}
	}
	hint := ""
	if strings.EqualFold(s, "MIT") {
		hint = `; for MIT, Odoo's choice is "Other OSI approved licence"`
	}
	return fmt.Errorf("__manifest__.py: license %q is not one Odoo 17 accepts (%s)%s", s, accepted, hint)
}

// CheckDataFiles checks that the files of the manifest's data and demo
// lists exist in the addon.
func CheckDataFiles(a *Addon) []error {
	var errs []error
	for _, key := range []string{"data", "demo"} {
		v, ok := a.Manifest[key]
		if !ok {
			continue
		}
		list, ok := v.([]any)
		if !ok {
			errs = append(errs, fmt.Errorf("__manifest__.py: %s: want a list, got %s", key, pyType(v)))
			continue
		}
		for i, item := range list {
			p, ok := item.(string)
			if !ok {
				errs = append(errs, fmt.Errorf("__manifest__.py: %s[%d]: want a path, got %s", key, i, pyType(item)))
				continue
			}
			fi, err := os.Stat(filepath.Join(a.Dir, filepath.FromSlash(p)))
			switch {
			case err != nil:
				errs = append(errs, fmt.Errorf("__manifest__.py: %s file %q does not exist", key, p))
			case !fi.Mode().IsRegular():
				errs = append(errs, fmt.Errorf("__manifest__.py: %s file %q is not a regular file", key, p))
			}
		}
	}
	return errs
}

// dataXML returns the .xml files of the manifest's data and demo lists
// and of views/, relative to the addon, sorted.
func dataXML(a *Addon) []string {
	set := map[string]bool{}
	for _, key := range []string{"data", "demo"} {
		list, _ := a.Manifest[key].([]any)
		for _, item := range list {
			if p, ok := item.(string); ok && strings.HasSuffix(p, ".xml") {
				set[p] = true
			}
		}
	}
	views, _ := filepath.Glob(filepath.Join(a.Dir, "views", "*.xml"))
	for _, v := range views {
		set["views/"+filepath.Base(v)] = true
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
