// Command cmd writes the element helpers of package dom (elements_gen.go)
// and of package svg (svg/elements_gen.go) from the tag lists of package
// gen. go generate runs it in drivers/dom:
//
//	go generate ./drivers/dom
//
// The -dir flag names another drivers/dom directory to write into. A file
// whose content is already right is left untouched.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/gocycle/gocycle/drivers/dom/internal/gen"
)

func main() {
	dir := flag.String("dir", ".", "the drivers/dom directory to write into")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files, err := gen.Files()
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, files[p]) {
			continue
		}
		if err := os.WriteFile(name, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}
