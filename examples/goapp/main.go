// Command goapp is a go-app (github.com/maxence-charriere/go-app/v9) page
// with gocycle's FullyLocalizedSlider inside its layout, hosted by
// interop/goapp's Widget: go-app renders the page, a counter and the value
// the slider emits; the gocycle app renders the slider into the widget's
// container.
//
// One main is built twice, as go-app expects. Compiled with GOOS=js
// GOARCH=wasm it is the page's code (app.RunWhenOnBrowser). Natively it
// is the server: go-app's app.Handler on 127.0.0.1, serving the wasm from
// <dir>/web/app.wasm.
//
//	make run-goapp   # builds both and serves http://127.0.0.1:8080/
package main

import (
	"embed"
	"fmt"

	"github.com/gocycle/gocycle/components/slider"
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/interop/goapp"
	"github.com/gocycle/gocycle/units"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Sources are what the hosted app reads: Props come from the go-app parent.
type Sources struct {
	DOM    *dom.Source
	Locale *locale.Source
	Props  *stream.Stream[slider.LocalizedProps]
}

// Sinks are what the hosted app writes: Output goes to the go-app parent.
type Sinks struct {
	DOM    *stream.Stream[dom.Node]
	Output *stream.Stream[units.Quantity]
}

// Height is the hosted gocycle app: one FullyLocalizedSlider.
func Height(src Sources) Sinks {
	s := slider.Localized(slider.LocalizedSources{DOM: src.DOM, Locale: src.Locale, Props: src.Props})
	return Sinks{DOM: s.DOM, Output: s.Value}
}

//go:embed messages/*.po
var messages embed.FS

// heightMain starts Height in a widget, with an en-US locale.
var heightMain = goapp.App[Sources, Sinks, slider.LocalizedProps, units.Quantity](Height,
	cycle.Drivers{"Locale": locale.Driver(locale.Initial("en-US"), locale.Messages(messages, "messages/*.po"))},
	cycle.WithName("height"))

// heightProps are the slider's props; limited lowers Max, to show that
// props the go-app parent changes reach the gocycle app.
func heightProps(limited bool) slider.LocalizedProps {
	max := 250.0
	if limited {
		max = 200
	}
	return slider.LocalizedProps{
		ID: "height", Label: "Height", Unit: units.Centimeter,
		Value: units.Quantity{Value: 175, Unit: units.Centimeter},
		Min:   units.Quantity{Value: 50, Unit: units.Centimeter},
		Max:   units.Quantity{Value: max, Unit: units.Centimeter},
	}
}

// page is the go-app page: a counter that makes go-app render again, a
// button that changes the widget's props, the widget and what the parent
// received from it.
type page struct {
	app.Compo
	clicks   int
	limited  bool
	height   units.Quantity
	received int
	errors   []string
}

func (p *page) Render() app.UI {
	got := "nothing yet"
	if p.received > 0 {
		got = p.height.String()
	}
	return app.Main().Class("goapp-demo").Body(
		app.H1().Text("gocycle inside go-app"),
		app.P().Text("go-app renders this page; the slider is a gocycle app in a goapp.Widget."),
		app.Div().Class("goapp-controls").Body(
			app.Button().ID("count").Text(fmt.Sprintf("go-app counter: %d", p.clicks)).
				OnClick(func(ctx app.Context, e app.Event) { p.clicks++ }),
			app.Button().ID("limit").Text(fmt.Sprintf("limit to 200 cm: %v", p.limited)).
				OnClick(func(ctx app.Context, e app.Event) { p.limited = !p.limited }),
		),
		app.Section().Class("goapp-widget").Body(
			&goapp.Widget[slider.LocalizedProps, units.Quantity]{
				ID:    "height-widget",
				Main:  heightMain,
				Props: heightProps(p.limited),
				OnOutput: func(ctx app.Context, q units.Quantity) {
					p.height = q
					p.received++
					p.Update()
				},
				OnError: func(ctx app.Context, err error) {
					p.errors = append(p.errors, err.Error())
					app.Log(err)
					p.Update()
				},
			},
		),
		app.P().Body(
			app.Text("The go-app parent received: "),
			app.Code().ID("received").Text(got),
			app.Text(" ("),
			app.Span().ID("received-count").Text(fmt.Sprint(p.received)),
			app.Text(" values)"),
		),
		app.Range(p.errors).Slice(func(i int) app.UI {
			return app.P().Class("goapp-error").Text(p.errors[i])
		}),
	)
}

// The page's route, in the wasm and in the server (which pre-renders it).
func init() { app.Route("/", &page{}) }

func main() {
	app.RunWhenOnBrowser() // under GOOS=js: runs the page, never returns
	serve()
}
