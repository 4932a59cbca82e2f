// Command unitsgen writes units/tables_gen.go from the CLDR npm packages
// installed in units/internal/gen/node_modules (`npm ci --prefix
// units/internal/gen`, or `make units-data`). `go generate ./units` runs it.
//
//	go run ./internal/gen/cmd/unitsgen [-locales en,es,...] [-cldr DIR] [-o FILE]
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/gocycle/gocycle/units/internal/gen"
)

func main() {
	locales := flag.String("locales", strings.Join(gen.DefaultLocales, ","), "comma-separated CLDR locales to compile in")
	cldr := flag.String("cldr", "internal/gen/node_modules", "directory with the cldr-* npm packages")
	out := flag.String("o", "tables_gen.go", "output file")
	flag.Parse()
	src, err := gen.Generate(gen.Config{NodeModules: *cldr, Locales: strings.Split(*locales, ",")})
	if err != nil {
		fmt.Fprintln(os.Stderr, "unitsgen:", err)
		if os.IsNotExist(err) || strings.Contains(err.Error(), "no such file") {
			fmt.Fprintln(os.Stderr, "unitsgen: install the CLDR data first: make units-data (npm ci --prefix units/internal/gen)")
		}
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "unitsgen:", err)
		os.Exit(1)
	}
}
