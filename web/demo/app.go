// Command demo is the app on the page that `make run` serves: a plain
// slider, a language selector and two FullyLocalizedSliders (a person's
// height stored in centimeters, a body weight stored in kilograms) that
// share one locale, and a read-out of the stored values. Changing the
// language changes every label and unit at once, and no stored value.
//
// App is pure and tested natively (app_test.go); main_js.go gives it its
// drivers in the browser: the DOM driver on #app and the locale driver
// with the messages of messages/*.po. The language the page starts in is
// the one of ?lang= in the page's URL, else the browser's.
package main

import (
	"embed"
	"strconv"

	"github.com/gocycle/gocycle/components/langselect"
	"github.com/gocycle/gocycle/components/slider"
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/state"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/units"
)

//go:embed messages/*.po
var messageFiles embed.FS

// Messages is the locale driver's option that loads the demo's messages
// (English, the default, Spanish, German, French and Japanese).
func Messages() locale.Option { return locale.Messages(messageFiles, "messages/*.po") }

// Values are the demo's state: the values as a host stores them, each
// quantity in its canonical unit.
type Values struct {
	Volume float64
	Height units.Quantity
	Weight units.Quantity
}

// Sources are what the demo reads.
type Sources struct {
	DOM    *dom.Source
	Locale *locale.Source
	State  *state.Source[Values]
}

// Sinks are what the demo writes.
type Sinks struct {
	DOM    *stream.Stream[dom.Node]
	Locale *stream.Stream[string]
	State  *stream.Stream[state.Reducer[Values]]
}

// The host's values and bounds: what an Odoo record would give.
var (
	initial = Values{
		Volume: 40,
		Height: units.Quantity{Value: 175, Unit: units.Centimeter},
		Weight: units.Quantity{Value: 70, Unit: units.Kilogram},
	}
	heightProps = slider.LocalizedProps{
		ID: "height", Label: "Height", Usage: "person-height", Value: initial.Height,
		Min: units.Quantity{Value: 50, Unit: units.Centimeter},
		Max: units.Quantity{Value: 250, Unit: units.Centimeter},
	}
	weightProps = slider.LocalizedProps{
		ID: "weight", Label: "Weight", Usage: "person", Value: initial.Weight,
		Min: units.Quantity{Value: 2, Unit: units.Kilogram},
		Max: units.Quantity{Value: 250, Unit: units.Kilogram},
	}
)

// Main is the app as cycle.Run runs it: App with its state.
var Main = state.WithState[Values](App)

// App is the demo page. Its components are isolated: "volume" (the plain
// slider), "lang" (the language selector), "height" and "weight" (the
// localized sliders).
func App(src Sources) Sinks {
	volumeProps := stream.Map(src.Locale.Current(), func(l locale.Locale) slider.Props {
		return slider.Props{ID: "volume", Label: l.Text("Volume"), Min: 0, Max: 100, Step: 1,
			Value: initial.Volume, Format: func(v float64) string { return l.FormatNumber(v) + " %" }}
	})
	volume := cycle.Isolate(slider.Slider, "volume")(slider.Sources{DOM: src.DOM, Props: volumeProps})
	lang := cycle.Isolate(langselect.LangSelect, "lang")(langselect.Sources{DOM: src.DOM, Locale: src.Locale})
	localized := func(scope string, p slider.LocalizedProps) slider.LocalizedSinks {
		return cycle.Isolate(slider.Localized, scope)(slider.LocalizedSources{
			DOM: src.DOM, Locale: src.Locale, Props: stream.Never[slider.LocalizedProps]().StartWith(p),
		})
	}
	height := localized("height", heightProps)
	weight := localized("weight", weightProps)

	reducers := stream.Merge(
		stream.Of[state.Reducer[Values]](func(Values) Values { return initial }),
		stream.Map(volume.Value, func(v float64) state.Reducer[Values] {
			return func(s Values) Values { s.Volume = v; return s }
		}),
		stream.Map(height.Value, func(q units.Quantity) state.Reducer[Values] {
			return func(s Values) Values { s.Height = q; return s }
		}),
		stream.Map(weight.Value, func(q units.Quantity) state.Reducer[Values] {
			return func(s Values) Values { s.Weight = q; return s }
		}),
	)
	parts := stream.Combine(volume.DOM, lang.DOM, height.DOM, weight.DOM)
	view := stream.Combine3(src.State.Stream(), src.Locale.Current(), parts, page)
	return Sinks{DOM: view, Locale: lang.Language, State: reducers}
}

// page lays out the components and the stored values.
func page(v Values, l locale.Locale, parts []dom.Node) dom.Node {
	volume, lang, height, weight := parts[0], parts[1], parts[2], parts[3]
	return dom.H("main.demo", dom.Attrs{"lang": l.Language().String(), "dir": l.Direction().String()},
		dom.H("div.demo-lang", lang),
		dom.Section(dom.H2(l.Text("A plain slider")), volume),
		dom.Section(dom.H2(l.Text("Localized sliders")), height, weight),
		dom.Section(
			dom.H2(l.Text("Stored values")),
			dom.P(dom.Class{"demo-note": true}, l.Text("The stored values do not change when the language does: only what you move does.")),
			dom.Dl(
				dom.Dt(l.Text("Volume")), dom.Dd(dom.Code(dom.Attrs{"id": "stored-volume"}, strconv.FormatFloat(v.Volume, 'g', -1, 64))),
				dom.Dt(l.Text("Height")), dom.Dd(dom.Code(dom.Attrs{"id": "stored-height"}, v.Height.String())),
				dom.Dt(l.Text("Weight")), dom.Dd(dom.Code(dom.Attrs{"id": "stored-weight"}, v.Weight.String())),
			),
		),
	)
}
