//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// textDriver writes every string of its sink into the element with the
// given id, as text (never parsed as HTML).
func textDriver(id string) cycle.Driver {
	return cycle.SinkDriver(func(sink *stream.Stream[string], ctx *cycle.Context) error {
		el := js.Global().Get("document").Call("getElementById", id)
		if el.IsNull() {
			return &missingElementError{id}
		}
		cancel := sink.Subscribe(stream.Listener[string]{
			Next: func(s string) { el.Set("textContent", s) },
		})
		ctx.OnDispose(cancel)
		return nil
	})
}

type missingElementError struct{ id string }

func (e *missingElementError) Error() string {
	return "no element with id " + e.id + " in the page"
}

func main() {
	_, err := cycle.Run(App, cycle.Drivers{"Time": cycle.TimeDriver(), "Text": textDriver("status")})
	if err != nil {
		js.Global().Get("console").Call("error", err.Error())
		return
	}
	select {} // the app lives on JavaScript's event loop
}
