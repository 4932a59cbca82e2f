// Command format formats one quantity with package units: the size report
// compares its wasm with hello's.
package main

import (
	"fmt"

	"github.com/gocycle/gocycle/units"
	"golang.org/x/text/language"
)

func main() {
	fmt.Println(units.Format(units.Quantity{Value: 175, Unit: units.Centimeter}, language.English, units.Short))
}
