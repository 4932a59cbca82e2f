package addoncheck

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// TranslateFuncs are the JavaScript functions whose string argument
// Odoo 17's export takes (the keywords of _export_translatable_resources
// in odoo/tools/translate.py, for the .js files under static/src).
var TranslateFuncs = []string{"_t", "_lt"}

// TString is a string that JavaScript marks for translation.
type TString struct {
	File string // as given to JSTranslations
	Line int
	Func string // _t or _lt
	ID   string // the msgid: the literal's value
}

// JSTranslations returns the first arguments of the _t and _lt calls of
// the JavaScript src (also as a method, env._t, as Babel's extractor finds
// them), and an error for each call whose first argument is not a string
// literal: '...', "...", a template literal without ${}, or literals
// joined with +, which Babel joins too. name is the file's name in errors.
func JSTranslations(src, name string) ([]TString, []error) {
	toks, err := jsLex(src, name)
	if err != nil {
		return nil, []error{err}
	}
	var out []TString
	var errs []error
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.kind != tokIdent || !contains(TranslateFuncs, t.text) || toks[i+1].text != "(" || toks[i+1].kind != tokPunct {
			continue
		}
		if i > 0 && toks[i-1].kind == tokIdent && toks[i-1].text == "function" {
			continue // its definition
		}
		j := i + 2
		id, ok := "", false
		for j < len(toks) && toks[j].kind == tokString {
			id += toks[j].text
			j++
			if j+1 < len(toks) && toks[j].kind == tokPunct && toks[j].text == "+" && toks[j+1].kind == tokString {
				j++
				continue
			}
			ok = j < len(toks) && toks[j].kind == tokPunct && (toks[j].text == ")" || toks[j].text == ",")
			break
		}
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: %s needs a string literal for Odoo's export", name, t.line, t.text))
			continue
		}
		out = append(out, TString{File: name, Line: t.line, Func: t.text, ID: id})
	}
	return out, errs
}

// FieldWidgets returns the names that the JavaScript src registers as
// field widgets: registry.category("fields").add("name", ...), or
// x.add("name", ...) after x = registry.category("fields").
func FieldWidgets(src, name string) ([]string, error) {
	toks, err := jsLex(src, name)
	if err != nil {
		return nil, err
	}
	is := func(i int, kind tokKind, text string) bool {
		return i >= 0 && i < len(toks) && toks[i].kind == kind && (text == "" || toks[i].text == text)
	}
	// add( "name" at i.
	added := func(i int) (string, bool) {
		if is(i, tokPunct, ".") && is(i+1, tokIdent, "add") && is(i+2, tokPunct, "(") && is(i+3, tokString, "") {
			return toks[i+3].text, true
		}
		return "", false
	}
	var names []string
	aliases := map[string]bool{}
	for i := range toks {
		if !(is(i, tokIdent, "registry") && is(i+1, tokPunct, ".") && is(i+2, tokIdent, "category") &&
			is(i+3, tokPunct, "(") && is(i+4, tokString, "fields") && is(i+5, tokPunct, ")")) {
			continue
		}
		if n, ok := added(i + 6); ok {
			names = append(names, n)
		}
		if is(i-1, tokPunct, "=") && is(i-2, tokIdent, "") {
			aliases[toks[i-2].text] = true
		}
	}
	for i := range toks {
		if toks[i].kind == tokIdent && aliases[toks[i].text] && !is(i-1, tokPunct, ".") {
			if n, ok := added(i + 1); ok {
				names = append(names, n)
			}
		}
	}
	return names, nil
}

// SourceJS returns the .js files under the addon's static/src, relative
// to the addon, sorted: those whose strings Odoo 17's export takes.
func SourceJS(a *Addon) []string {
	var out []string
	root := filepath.Join(a.Dir, "static", "src")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".js") {
			rel, _ := filepath.Rel(a.Dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// CheckJSTranslations checks that the _t and _lt calls of the .js files
// under static/src have string literals (see JSTranslations) that are
// msgids of pot, the msgids of the addon's .pot; pot is nil when there is
// none, which is an error (POTMissing) if there are strings.
func CheckJSTranslations(a *Addon, pot map[string]bool) []error {
	var errs []error
	potMissing := false
	for _, f := range SourceJS(a) {
		data, err := os.ReadFile(filepath.Join(a.Dir, filepath.FromSlash(f)))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		strs, serrs := JSTranslations(string(data), f)
		errs = append(errs, serrs...)
		for _, s := range strs {
			switch {
			case pot == nil:
				potMissing = true
			case !pot[s.ID]:
				errs = append(errs, fmt.Errorf("%s:%d: %s(%q): not a msgid of %s: export the .pot again", s.File, s.Line, s.Func, s.ID, POTPath(a)))
			}
		}
	}
	if potMissing {
		errs = append(errs, POTMissing(a))
	}
	return errs
}
