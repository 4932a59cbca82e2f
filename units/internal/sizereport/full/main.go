// Command full uses all of package units (conversion, preferences, mixed
// units, formatting and parsing), for the size report.
package main

import (
	"fmt"
	"os"

	"github.com/gocycle/gocycle/units"
	"golang.org/x/text/language"
)

func main() {
	tag := language.Make(os.Getenv("LANG"))
	q, err := units.Parse("175 cm", tag)
	if err != nil {
		fmt.Println(err)
		return
	}
	in, _ := q.To(units.Inch)
	m, _ := units.PreferredFor(tag, "person-height", q)
	fmt.Println(units.Format(in, tag, units.Long), units.FormatMixed(m, tag, units.Narrow), units.FormatNumber(in.Value, tag, 2))
}
