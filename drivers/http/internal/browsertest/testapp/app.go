// Command testapp is the app the browser test of package browsertest
// runs: it asks the page's server for a greeting (a relative GET) and for
// partners (an Odoo JSON-RPC call that needs the session cookie), and
// renders both answers, or their errors. The app is plain Go and builds
// natively; main_js.go runs it.
package main

import (
	"fmt"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	cyclehttp "github.com/gocycle/gocycle/drivers/http"
	"github.com/gocycle/gocycle/drivers/http/odoo"
)

// Sources are the app's sources.
type Sources struct {
	DOM  *dom.Source
	HTTP *cyclehttp.Source
}

// Sinks are the app's sinks.
type Sinks struct {
	DOM  *stream.Stream[dom.Node]
	HTTP *stream.Stream[cyclehttp.Request]
}

// answers turns the response streams of a category into the texts to
// show: decode's result, or the error.
func answers(src *cyclehttp.Source, category string, decode func(cyclehttp.Response) string) *stream.Stream[string] {
	return stream.Flatten(stream.Map(src.Select(category), func(rs *stream.Stream[cyclehttp.Response]) *stream.Stream[string] {
		return stream.Map(rs, decode).ReplaceError(func(err error) *stream.Stream[string] {
			return stream.Of("error: " + err.Error())
		})
	})).StartWith("waiting")
}

func app(src Sources) Sinks {
	greeting := answers(src.HTTP, "greeting", func(r cyclehttp.Response) string {
		var v struct{ Greeting string }
		if err := r.JSON(&v); err != nil {
			return "error: " + err.Error()
		}
		return v.Greeting
	})
	partners := answers(src.HTTP, "partners", func(r cyclehttp.Response) string {
		var ps []struct{ Name string }
		if err := odoo.Decode(r, &ps); err != nil {
			return "error: " + err.Error()
		}
		return fmt.Sprint(len(ps), " partners: ", ps)
	})
	hello := cyclehttp.Request{URL: "/api/greeting", Query: map[string]string{"name": "wasm"}, Category: "greeting"}
	search := odoo.CallKW("res.partner", "search_read", []any{[]any{}}, map[string]any{"fields": []string{"name"}})
	search.Category = "partners"
	view := stream.Combine2(greeting, partners, func(g, p string) dom.Node {
		return dom.Div(
			dom.H("p#greeting", g),
			dom.H("p#partners", p),
		)
	})
	return Sinks{DOM: view, HTTP: stream.Of(hello, search)}
}
