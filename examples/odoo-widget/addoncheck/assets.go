package addoncheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Generated are the files of the addon that `make odoo-addon` writes
// (slash paths relative to the addon). They may be absent when the tests
// run before the build.
var Generated = []string{
	"static/src/wasm_version.js",
	"static/lib/wasm_exec.js",
	"static/lib/gocycle.js",
	"static/wasm/widgets.wasm",
	"static/wasm/widgets.wasm.gz",
}

// AssetExtensions are the extensions of the files that Odoo 17 puts in a
// bundle (ASSET_EXTENSIONS in odoo/tools/constants.py): a glob's other
// matches are dropped.
var AssetExtensions = []string{"js", "css", "scss", "sass", "less", "xml"}

// AssetFile is a file of the addon that one of its bundles holds.
type AssetFile struct {
	// Bundle is the bundle, a key of the manifest's assets such as
	// "web.assets_backend".
	Bundle string
	// Path is the file, a slash path relative to the addon.
	Path string
	// Absent is set for a generated file (see Generated) that is not
	// there: it would be in the bundle once built.
	Absent bool
}

// Assets is what the manifest's assets put in the bundles.
type Assets struct {
	// Files are the addon's own files, by bundle name, then in the order
	// Odoo 17 would load them.
	Files []AssetFile
	// Notes say what could not be checked without the other addons: their
	// files and bundles, and URLs.
	Notes []string
}

// ResolveAssets resolves the manifest's assets as Odoo 17's ir.asset does
// (odoo/addons/base/models/ir_asset.py, _fill_asset_paths and _get_paths):
// a command is a path or glob (appended), or a list or tuple (directive,
// path) for append, prepend, remove and include, or (directive, target,
// path) for after, before and replace. A path's first part is an addon; a
// glob is Python's glob with recursive "**", restricted to the addon's
// static/ and to AssetExtensions. include of a bundle that the manifest
// defines too is followed.
//
// Unlike Odoo, which only logs a warning, a path or glob of the addon that
// resolves to no file is an error, unless it is a file of generated, which
// is then reported Absent.
func ResolveAssets(a *Addon, generated []string) (*Assets, []error) {
	r := &resolver{a: a, t: &tree{dir: a.Dir, virtual: map[string]bool{}}, seenErr: map[string]bool{}}
	for _, g := range generated {
		if exists, _ := r.t.stat(g); !exists {
			r.t.virtual[g] = true
		}
	}
	out := &Assets{}
	v, ok := a.Manifest["assets"]
	if !ok {
		return out, nil
	}
	bundles, ok := v.(map[string]any)
	if !ok {
		return out, []error{fmt.Errorf("__manifest__.py: assets: want a dict of bundle names to lists, got %s", pyType(v))}
	}
	r.bundles = bundles
	var names []string
	for name := range bundles {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		l := &bundleList{memo: map[string]bool{}}
		r.fill(name, l, nil)
		for _, f := range l.files {
			out.Files = append(out.Files, AssetFile{Bundle: name, Path: f.path, Absent: f.absent})
		}
	}
	out.Notes = r.notes
	return out, r.errs
}

type resolver struct {
	a       *Addon
	t       *tree
	bundles map[string]any
	notes   []string
	errs    []error
	seenErr map[string]bool
}

func (r *resolver) errorf(bundle string, i int, format string, args ...any) {
	err := fmt.Errorf("__manifest__.py: assets[%q][%d]: %s", bundle, i, fmt.Sprintf(format, args...))
	if !r.seenErr[err.Error()] { // an included bundle is resolved again
		r.seenErr[err.Error()] = true
		r.errs = append(r.errs, err)
	}
}

func (r *resolver) note(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	for _, n := range r.notes {
		if n == s {
			return
		}
	}
	r.notes = append(r.notes, s)
}

type listed struct {
	path   string
	absent bool
}

// bundleList is ir_asset.AssetPaths: the files of a bundle, each once.
type bundleList struct {
	files []listed
	memo  map[string]bool
}

func (l *bundleList) insert(fs []listed, at int) {
	var add []listed
	for _, f := range fs {
		if !l.memo[f.path] {
			l.memo[f.path] = true
			add = append(add, f)
		}
	}
	l.files = append(l.files[:at], append(add, l.files[at:]...)...)
}

func (l *bundleList) index(p string) int {
	for i, f := range l.files {
		if f.path == p {
			return i
		}
	}
	return -1
}

// remove removes fs and reports whether any was in the list.
func (l *bundleList) remove(fs []listed) bool {
	gone := map[string]bool{}
	for _, f := range fs {
		if l.memo[f.path] {
			gone[f.path] = true
			delete(l.memo, f.path)
		}
	}
	kept := l.files[:0]
	for _, f := range l.files {
		if !gone[f.path] {
			kept = append(kept, f)
		}
	}
	l.files = kept
	return len(gone) > 0
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func (r *resolver) fill(bundle string, l *bundleList, seen []string) {
	start := len(l.files)
	cmds, ok := r.bundles[bundle].([]any)
	if !ok {
		r.errs = append(r.errs, fmt.Errorf("__manifest__.py: assets[%q]: want a list, got %s", bundle, pyType(r.bundles[bundle])))
		return
	}
	for i, c := range cmds {
		directive, target, pathDef := "append", "", ""
		switch c := c.(type) {
		case string:
			pathDef = c
		case []any:
			var strs []string
			for _, x := range c {
				if s, ok := x.(string); ok {
					strs = append(strs, s)
				}
			}
			withTarget := len(strs) > 0 && (strs[0] == "after" || strs[0] == "before" || strs[0] == "replace")
			switch {
			case len(strs) != len(c):
				r.errorf(bundle, i, "want strings, got %s", jsonString(c))
				continue
			case withTarget && len(strs) == 3:
				directive, target, pathDef = strs[0], strs[1], strs[2]
			case !withTarget && len(strs) == 2:
				directive, pathDef = strs[0], strs[1]
			case withTarget:
				r.errorf(bundle, i, "%s wants (%q, target, path), got %s", strs[0], strs[0], jsonString(c))
				continue
			default:
				r.errorf(bundle, i, "want (directive, path), got %s", jsonString(c))
				continue
			}
		default:
			r.errorf(bundle, i, "want a path or a list or tuple (directive, path), got %s", pyType(c))
			continue
		}
		switch directive {
		case "include":
			if _, ok := r.bundles[pathDef]; !ok {
				r.note("%s includes %s, a bundle of another addon: not checked", bundle, pathDef)
				continue
			}
			chain := append(append([]string{}, seen...), bundle)
			if contains(chain, pathDef) {
				r.errorf(bundle, i, "circular include: %s", strings.Join(append(chain, pathDef), " > "))
				continue
			}
			r.fill(pathDef, l, chain)
			continue
		case "append", "prepend", "after", "before", "remove", "replace":
		default:
			r.errorf(bundle, i, "unknown directive %q (Odoo 17 knows append, prepend, after, before, remove, replace, include)", directive)
			continue
		}
		files, own, ok := r.paths(bundle, i, pathDef, "")
		if !ok || !own {
			continue
		}
		at := len(l.files)
		var targets []listed
		if target != "" {
			tfiles, towned, ok := r.paths(bundle, i, target, directive+" target ")
			if !ok {
				continue
			}
			if towned {
				at = l.index(tfiles[0].path)
				if at < 0 {
					r.errorf(bundle, i, "%s target %q is not in the bundle", directive, target)
					continue
				}
				targets = tfiles[:1]
			}
			// Another addon's target: its place is unknown, the files are
			// appended here.
		}
		switch directive {
		case "append":
			l.insert(files, len(l.files))
		case "prepend":
			l.insert(files, start)
		case "before":
			l.insert(files, at)
		case "after":
			if targets != nil {
				at++
			}
			l.insert(files, at)
		case "replace":
			l.insert(files, at)
			l.remove(targets)
		case "remove":
			if !l.remove(files) {
				r.errorf(bundle, i, "remove %q: none of its files is in the bundle", pathDef)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func hasAssetExtension(p string) bool {
	base := path.Base(p)
	i := strings.LastIndexByte(base, '.')
	return i >= 0 && contains(AssetExtensions, base[i+1:])
}

// paths resolves a path or glob of a command: own is false for another
// addon's file or a URL (noted, not checked), ok false after an error.
func (r *resolver) paths(bundle string, i int, pathDef, what string) (files []listed, own, ok bool) {
	if strings.Contains(pathDef, "://") || strings.HasPrefix(pathDef, "//") || strings.HasPrefix(pathDef, "/web/content") {
		r.note("%s: %s is a URL: not checked", bundle, pathDef)
		return nil, false, true
	}
	var parts []string
	for _, p := range strings.Split(pathDef, "/") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		r.errorf(bundle, i, "%s%q: want addon/static/...", what, pathDef)
		return nil, false, false
	}
	if parts[0] != r.a.Name {
		r.note("%s: %s is a file of addon %s: not checked", bundle, pathDef, parts[0])
		return nil, false, true
	}
	full := path.Clean(strings.Join(parts, "/"))
	static := r.a.Name + "/static/"
	if !strings.HasPrefix(full, static) {
		r.errorf(bundle, i, "%s%q is not under %s: Odoo 17 serves nothing for it", what, pathDef, static)
		return nil, true, false
	}
	rel := strings.TrimPrefix(full, r.a.Name+"/")
	for _, m := range r.t.glob(rel) {
		if _, isDir := r.t.stat(m); isDir || !hasAssetExtension(m) {
			continue
		}
		files = append(files, listed{m, r.t.virtual[m]})
	}
	if len(files) == 0 {
		exists, _ := r.t.stat(rel)
		switch {
		case isWildcard(pathDef):
			r.errorf(bundle, i, "%s%q matches no file with an asset extension (%s)", what, pathDef, strings.Join(AssetExtensions, ", "))
		case exists:
			r.errorf(bundle, i, "%s%q is not an asset: its extension is not one of %s", what, pathDef, strings.Join(AssetExtensions, ", "))
		default:
			r.errorf(bundle, i, "%s%q does not exist", what, pathDef)
		}
		return nil, true, false
	}
	return files, true, true
}

// JSFiles returns the .js files of the bundles that are there, each once
// (a file can be in several bundles: the first is kept).
func (assets *Assets) JSFiles() []AssetFile {
	var out []AssetFile
	seen := map[string]bool{}
	for _, f := range assets.Files {
		if f.Absent || !strings.HasSuffix(f.Path, ".js") || seen[f.Path] {
			continue
		}
		seen[f.Path] = true
		out = append(out, f)
	}
	return out
}

// CheckJSModules checks that every .js file of the bundles that is there
// begins with the @odoo-module comment (see IsOdooModule). Without it Odoo
// 17 does not transpile the file, and an ES module's import and export
// are a syntax error in the bundle.
func CheckJSModules(a *Addon, assets *Assets) []error {
	var errs []error
	for _, f := range assets.JSFiles() {
		data, err := os.ReadFile(filepath.Join(a.Dir, filepath.FromSlash(f.Path)))
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s (%s): %v", f.Path, f.Bundle, err))
		case !utf8.Valid(data):
			errs = append(errs, fmt.Errorf("%s (%s): not UTF-8: Odoo 17 puts a console.error in the bundle instead", f.Path, f.Bundle))
		case !IsOdooModule(string(data)):
			errs = append(errs, fmt.Errorf("%s (%s): does not begin with the /** @odoo-module **/ comment, so Odoo 17 does not transpile it as a module", f.Path, f.Bundle))
		}
	}
	return errs
}

// AbsentGenerated returns the errors for the generated files of the
// bundles that are absent, for when the build must have run.
func AbsentGenerated(assets *Assets) []error {
	var errs []error
	for _, f := range assets.Files {
		if f.Absent {
			errs = append(errs, fmt.Errorf("%s (%s) is absent: `make odoo-addon` writes it", f.Path, f.Bundle))
		}
	}
	return errs
}
