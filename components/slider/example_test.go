package slider_test

import (
	"fmt"
	"testing/fstest"

	"github.com/gocycle/gocycle/components/slider"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/units"
	"golang.org/x/text/language"
)

// A plain slider, rendered as HTML, and the value it emits when the user
// drags it to 7.3.
func ExampleSlider() {
	drags := stream.NewSubject[dom.Event]()
	sinks := slider.Slider(slider.Sources{
		DOM:   dom.MockSource(dom.MockConfig{"input": {Events: map[string]*stream.Stream[dom.Event]{"input": drags.Stream()}}}),
		Props: stream.Of(slider.Props{ID: "volume", Label: "Volume", Min: 0, Max: 10, Step: 0.5, Value: 4}),
	})
	sinks.DOM.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { fmt.Println(dom.ToHTML(n)) }})
	sinks.Value.Subscribe(stream.Listener[float64]{Next: func(v float64) { fmt.Println("value:", v) }})
	drags.Next(dom.Event{Type: "input", Number: 7.3})
	// Output:
	// <div class="gc-slider"><label for="volume">Volume</label><div class="gc-slider-row"><input aria-valuemax="10" aria-valuemin="0" aria-valuenow="4" aria-valuetext="4" id="volume" max="10" min="0" step="0.5" type="range" value="4"><output aria-live="off" for="volume">4</output></div></div>
	// <div class="gc-slider"><label for="volume">Volume</label><div class="gc-slider-row"><input aria-valuemax="10" aria-valuemin="0" aria-valuenow="7.5" aria-valuetext="7.5" id="volume" max="10" min="0" step="0.5" type="range" value="7.5"><output aria-live="off" for="volume">7.5</output></div></div>
	// value: 7.5
}

// A height stored in centimeters, shown in the US and then in Spain: the
// label, the unit and the read-out follow the locale, the stored value
// does not move.
func ExampleLocalized() {
	cat, err := locale.Load(locale.Messages(fstest.MapFS{"es.po": {Data: []byte("msgid \"Height\"\nmsgstr \"Altura\"\n")}}))
	if err != nil {
		fmt.Println(err)
		return
	}
	locales := stream.NewSubject[locale.Locale]()
	sinks := slider.Localized(slider.LocalizedSources{
		DOM:    dom.MockSource(nil),
		Locale: locale.MockSource(cat, locales.Stream().StartWith(cat.Match(language.AmericanEnglish))),
		Props: stream.Of(slider.LocalizedProps{
			ID: "height", Label: "Height", Usage: "person-height",
			Value: units.Quantity{Value: 175, Unit: units.Centimeter},
			Min:   units.Quantity{Value: 50, Unit: units.Centimeter},
			Max:   units.Quantity{Value: 250, Unit: units.Centimeter},
		}),
	})
	sinks.DOM.Subscribe(stream.Listener[dom.Node]{Next: func(n dom.Node) { fmt.Println(dom.ToHTML(n)) }})
	sinks.Value.Subscribe(stream.Listener[units.Quantity]{Next: func(q units.Quantity) { fmt.Println("value:", q) }})
	locales.Next(cat.Match(language.Spanish))
	// Output:
	// <div class="gc-quantity-slider"><div class="gc-slider" data-cycle-scope="slider"><label for="height">Height</label><div class="gc-slider-row"><input aria-valuemax="98" aria-valuemin="20" aria-valuenow="69" aria-valuetext="5 ft, 9 in" id="height" max="98" min="20" step="1" type="range" value="69"><output aria-live="off" for="height">5 ft, 9 in</output></div></div></div>
	// <div class="gc-quantity-slider"><div class="gc-slider" data-cycle-scope="slider"><label for="height">Altura</label><div class="gc-slider-row"><input aria-valuemax="250" aria-valuemin="50" aria-valuenow="175" aria-valuetext="1 m y 75 cm" id="height" max="250" min="50" step="1" type="range" value="175"><output aria-live="off" for="height">1 m y 75 cm</output></div></div></div>
}
