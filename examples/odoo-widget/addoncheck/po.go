package addoncheck

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/gocycle/gocycle/drivers/locale"
)

// POTPath is the addon's translation template, relative to the addon.
func POTPath(a *Addon) string { return "i18n/" + a.Name + ".pot" }

// ErrNoPOT is what the error of POTMissing is (errors.Is).
var ErrNoPOT = errors.New("the addon has no .pot")

type potMissing struct{ msg string }

func (e *potMissing) Error() string        { return e.msg }
func (e *potMissing) Is(target error) bool { return target == ErrNoPOT }

// POTMissing is the error for an addon without its .pot: it says how to
// export one.
func POTMissing(a *Addon) error {
	return &potMissing{fmt.Sprintf("%s does not exist: export it from an Odoo 17 database where the addon is installed, in the addon's directory: odoo-bin -d DB --i18n-export=%s --modules=%s", POTPath(a), POTPath(a), a.Name)}
}

// emptyPluralForms is the header line that Odoo's export writes in every
// .po and .pot ("Plural-Forms: \n", polib's output of an empty value).
// drivers/locale's ParsePO rejects it ("no nplurals="), where msgfmt takes
// the default rule: OdooPO blanks it.
var emptyPluralForms = regexp.MustCompile(`(?m)^"Plural-Forms:[ \t]*\\n"[ \t]*\r?$`)

// OdooPO returns data with the empty Plural-Forms header of Odoo's
// exports made an empty string, so that locale.ParsePO takes its default
// rule; the lines keep their numbers. It reports whether it changed data.
func OdooPO(data []byte) ([]byte, bool) {
	out := emptyPluralForms.ReplaceAll(data, []byte(`""`))
	return out, len(out) != len(data)
}

// POEntry is a msgid of a .po or .pot file.
type POEntry struct {
	ID   string
	Line int
}

// ParsePOFile parses a .po or .pot file with locale.ParsePO (after
// OdooPO) and returns all its msgids, the untranslated and fuzzy ones too
// (ParsePO keeps only the translated ones: a .pot has none), in file
// order, without the header's and the obsolete (#~) ones. name is the
// file's name in errors.
func ParsePOFile(data []byte, name string) ([]POEntry, error) {
	data, _ = OdooPO(data)
	if _, err := locale.ParsePO(data, name); err != nil {
		return nil, err
	}
	// The same file with every comment (flags, so fuzzy, and obsolete
	// entries) blanked and every msgstr made "x": ParsePO then returns
	// every entry, with the msgid it decodes and its line.
	lines := strings.Split(string(data), "\n")
	inStr := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "#"):
			lines[i] = ""
		case strings.HasPrefix(t, "msgstr"):
			kw, _, _ := strings.Cut(t, `"`)
			lines[i] = strings.TrimSpace(kw) + ` "x"`
			inStr = true
		case strings.HasPrefix(t, `"`):
			if inStr {
				lines[i] = ""
			}
		case t != "":
			inStr = false
		}
	}
	f, err := locale.ParsePO([]byte(strings.Join(lines, "\n")), name)
	if err != nil {
		return nil, err
	}
	out := make([]POEntry, 0, len(f.Messages))
	for _, m := range f.Messages {
		out = append(out, POEntry{ID: m.ID, Line: m.Line})
	}
	return out, nil
}

// POFiles are the .po and .pot files of the addon's i18n/, relative to
// the addon, sorted.
func POFiles(a *Addon) []string {
	var out []string
	for _, ext := range []string{"*.po", "*.pot"} {
		m, _ := filepath.Glob(filepath.Join(a.Dir, "i18n", ext))
		for _, f := range m {
			out = append(out, "i18n/"+filepath.Base(f))
		}
	}
	sort.Strings(out)
	return out
}

// LoadPOT returns the msgids of the addon's .pot, or nil and POTMissing
// if it has none.
func LoadPOT(a *Addon) (map[string]bool, error) {
	data, err := os.ReadFile(filepath.Join(a.Dir, filepath.FromSlash(POTPath(a))))
	if errors.Is(err, os.ErrNotExist) {
		return nil, POTMissing(a)
	}
	if err != nil {
		return nil, err
	}
	entries, err := ParsePOFile(data, POTPath(a))
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, e := range entries {
		ids[e.ID] = true
	}
	return ids, nil
}

// CheckPOFiles checks that every .po and .pot file of i18n/ parses and
// that every msgid of a .po is in the addon's .pot, which must exist.
func CheckPOFiles(a *Addon) []error {
	var errs []error
	parsed := map[string][]POEntry{}
	for _, name := range POFiles(a) {
		data, err := os.ReadFile(filepath.Join(a.Dir, filepath.FromSlash(name)))
		var entries []POEntry
		if err == nil {
			entries, err = ParsePOFile(data, name)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		parsed[name] = entries
	}
	potEntries, ok := parsed[POTPath(a)]
	if !ok {
		if !contains(POFiles(a), POTPath(a)) {
			errs = append(errs, POTMissing(a))
		} // else it does not parse: reported above
		return errs
	}
	pot := map[string]bool{}
	for _, e := range potEntries {
		pot[e.ID] = true
	}
	for _, name := range POFiles(a) {
		if !strings.HasSuffix(name, ".po") {
			continue
		}
		for _, e := range parsed[name] {
			if !pot[e.ID] {
				errs = append(errs, fmt.Errorf("%s:%d: msgid %q is not in %s: a stale entry, or a .pot to export again", name, e.Line, e.ID, POTPath(a)))
			}
		}
	}
	return errs
}
