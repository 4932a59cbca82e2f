//go:build js && wasm

package goapp

import (
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// containerDriver is the DOM driver on the widget's container element.
func containerDriver(w app.UI) cycle.Driver {
	return dom.DOMDriver(app.JSValue(w.JSValue()))
}
