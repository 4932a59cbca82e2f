package units_test

import (
	"fmt"

	"github.com/gocycle/gocycle/units"
	"golang.org/x/text/language"
)

func ExampleFormat() {
	q := units.Quantity{Value: 175, Unit: units.Centimeter}
	fmt.Println(units.Format(q, language.English, units.Short))
	fmt.Println(units.Format(q, language.German, units.Long))
	fmt.Println(units.Format(units.Quantity{Value: 1.75, Unit: units.Meter}, language.Spanish, units.Short))
	fmt.Printf("%q\n", units.FormatNumber(1234567.891, language.French, 2))
	// Output:
	// 175 cm
	// 175 Zentimeter
	// 1,75 m
	// "1\u202f234\u202f567,89"
}

func ExampleParse() {
	q, err := units.Parse("1,75 m", language.Spanish)
	fmt.Println(q, err)
	_, err = units.Parse("12 qq", language.Spanish)
	fmt.Println(err)
	// Output:
	// 1.75 meter <nil>
	// units: parse "12 qq" (es): unknown unit "qq"; expected a number and a unit such as "12 cm"
}

func ExampleQuantity_To() {
	cm, _ := units.Lookup("centimeter")
	in, _ := units.Quantity{Value: 175, Unit: cm}.To(units.Inch)
	back, _ := in.To(cm)
	fmt.Println(in, back)
	f, _ := units.Quantity{Value: 100, Unit: units.Celsius}.To(units.Fahrenheit)
	fmt.Println(f)
	_, err := units.Quantity{Value: 1, Unit: units.Meter}.To(units.Kilogram)
	fmt.Println(err)
	// Output:
	// 68.89763779527559 inch 175 centimeter
	// 212 fahrenheit
	// units: cannot convert meter (length) to kilogram (mass)
}

func ExamplePreferred() {
	height := units.Quantity{Value: 175, Unit: units.Centimeter}
	for _, region := range []string{"US", "ES", "DE"} {
		m, _ := units.Preferred(region, "person-height", height)
		fmt.Println(region, units.FormatMixed(m, language.English, units.Short))
	}
	m, _ := units.Preferred("GB", "person", units.Quantity{Value: 80, Unit: units.Kilogram})
	fmt.Println("GB", units.FormatMixed(m, language.English, units.Long))
	// Output:
	// US 5 ft, 9 in
	// ES 1 m, 75 cm
	// DE 175 cm
	// GB 12 stones, 8 pounds
}
