//go:build js && wasm && gocycle_testwidgets

package main

import (
	"errors"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/web/widget"
)

// crashSources and crashSinks are the test widget "test-crash": a button
// that panics when clicked, or at once when its props have panic: true.
type crashSources struct {
	DOM   *dom.Source
	Props *stream.Stream[widget.Props]
}

type crashSinks struct {
	DOM *stream.Stream[dom.Node]
}

func init() {
	widget.Register("test-crash", func(h *widget.Host) (func(), error) {
		return widget.Run(h, func(src crashSources) crashSinks {
			clicks := src.DOM.Select("button").Events("click")
			boom := stream.Merge(
				stream.MapTo(clicks, true),
				stream.Map(src.Props, func(p widget.Props) bool { b, _ := p.Bool("panic"); return b }),
			)
			view := stream.Map(boom, func(b bool) dom.Node {
				if b {
					panic("test-crash: boom")
				}
				return dom.Button("crash")
			})
			return crashSinks{DOM: view}
		}, nil)
	})
	widget.Register("test-fail", func(h *widget.Host) (func(), error) {
		return nil, errors.New("test-fail: this widget never starts")
	})
}
