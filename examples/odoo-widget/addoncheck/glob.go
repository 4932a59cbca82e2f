package addoncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// tree lists the files of an addon directory, with the files that
// `make odoo-addon` writes added when they are absent, so that the
// bundles they would be in are known before the build.
type tree struct {
	dir     string          // the addon directory
	virtual map[string]bool // absent generated files, slash paths relative to dir
}

type dirEntry struct {
	name  string
	isDir bool
}

// readDir lists dir (relative to t.dir, "" for the addon itself),
// following symbolic links as Python's os.scandir().is_dir() does.
func (t *tree) readDir(dir string) []dirEntry {
	var out []dirEntry
	seen := map[string]bool{}
	ents, _ := os.ReadDir(filepath.Join(t.dir, filepath.FromSlash(dir)))
	for _, e := range ents {
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			fi, err := os.Stat(filepath.Join(t.dir, filepath.FromSlash(dir), e.Name()))
			isDir = err == nil && fi.IsDir()
		}
		out = append(out, dirEntry{e.Name(), isDir})
		seen[e.Name()] = true
	}
	prefix := dir + "/"
	if dir == "" {
		prefix = ""
	}
	for v := range t.virtual {
		if !strings.HasPrefix(v, prefix) {
			continue
		}
		name, below, isDir := strings.Cut(v[len(prefix):], "/")
		if !seen[name] {
			seen[name] = true
			out = append(out, dirEntry{name, isDir && below != ""})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// stat reports whether p exists and whether it is a directory.
func (t *tree) stat(p string) (exists, isDir bool) {
	if t.virtual[p] {
		return true, false
	}
	for v := range t.virtual {
		if strings.HasPrefix(v, p+"/") {
			return true, true // a directory of absent generated files
		}
	}
	fi, err := os.Stat(filepath.Join(t.dir, filepath.FromSlash(p)))
	if err != nil {
		return false, false
	}
	return true, fi.IsDir()
}

// hasMagic is glob.has_magic: the characters that make a path a pattern.
func hasMagic(s string) bool { return strings.ContainsAny(s, "*?[") }

// isWildcard is ir_asset.is_wildcard_glob.
func isWildcard(s string) bool { return strings.ContainsAny(s, "*?[]") }

func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// glob returns the paths that Python 3's glob.glob(pattern,
// recursive=True) returns for pattern, a slash path relative to the addon:
// "**" alone in a part matches zero or more directories, wildcards do not
// match names that start with "." (unless the pattern part does), and "*",
// "?", "[...]" and "[!...]" are fnmatch's. Directories that "**" yields
// end in "/". The result is sorted.
func (t *tree) glob(pattern string) []string {
	var out []string
	t.globIn("", strings.Split(pattern, "/"), &out)
	sort.Strings(out)
	return out
}

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func (t *tree) globIn(dir string, parts []string, out *[]string) {
	part, rest := parts[0], parts[1:]
	last := len(rest) == 0
	switch {
	case part == "**":
		if last {
			*out = append(*out, dir+"/")
			t.walk(dir, false, func(p string) { *out = append(*out, p) })
			return
		}
		t.globIn(dir, rest, out)
		t.walk(dir, true, func(p string) { t.globIn(p, rest, out) })
	case hasMagic(part):
		re := fnmatchRE(part)
		for _, e := range t.readDir(dir) {
			if hidden(e.name) && !hidden(part) || !last && !e.isDir || !re.MatchString(e.name) {
				continue
			}
			if last {
				*out = append(*out, join(dir, e.name))
			} else {
				t.globIn(join(dir, e.name), rest, out)
			}
		}
	default:
		p := join(dir, part)
		exists, isDir := t.stat(p)
		if last && exists {
			*out = append(*out, p)
		} else if !last && isDir {
			t.globIn(p, rest, out)
		}
	}
}

// walk calls f with every path under dir, depth first, skipping hidden
// names as glob's "**" does; with dirsOnly, only directories.
func (t *tree) walk(dir string, dirsOnly bool, f func(string)) {
	for _, e := range t.readDir(dir) {
		if hidden(e.name) || dirsOnly && !e.isDir {
			continue
		}
		p := join(dir, e.name)
		f(p)
		if e.isDir {
			t.walk(p, dirsOnly, f)
		}
	}
}

// fnmatchRE translates a pattern as Python's fnmatch.translate does: "*"
// is any string, "?" any character, "[seq]" and "[!seq]" a set (with
// ranges a-z; a "]" first in the set is in it), an unclosed "[" itself; a
// backslash is no escape.
func fnmatchRE(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`\A(?s:`)
	rs := []rune(pat)
	for i := 0; i < len(rs); {
		c := rs[i]
		i++
		switch c {
		case '*':
			b.WriteString(`.*`)
			for i < len(rs) && rs[i] == '*' {
				i++
			}
		case '?':
			b.WriteString(`.`)
		case '[':
			j := i
			if j < len(rs) && rs[j] == '!' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) {
				b.WriteString(`\[`)
				continue
			}
			set := rs[i:j]
			i = j + 1
			neg := len(set) > 0 && set[0] == '!'
			if neg {
				set = set[1:]
			}
			var cls strings.Builder
			for k := 0; k < len(set); k++ {
				lo, hi := set[k], set[k]
				if k+2 < len(set) && set[k+1] == '-' {
					hi = set[k+2]
					k += 2
				}
				if lo > hi {
					continue // an empty range, which Python drops
				}
				cls.WriteString(quoteRune(lo))
				if hi != lo {
					cls.WriteString("-" + quoteRune(hi))
				}
			}
			switch {
			case cls.Len() == 0 && !neg:
				b.WriteString(`[^\x00-\x{10FFFF}]`) // matches nothing
			case cls.Len() == 0:
				b.WriteString(`.`)
			case neg:
				b.WriteString(`[^` + cls.String() + `]`)
			default:
				b.WriteString(`[` + cls.String() + `]`)
			}
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`)\z`)
	return regexp.MustCompile(b.String())
}

func quoteRune(r rune) string {
	return fmt.Sprintf(`\x{%X}`, r)
}
