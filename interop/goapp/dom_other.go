//go:build !(js && wasm)

package goapp

import (
	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// newMemDOM makes the MemDOM a widget renders into natively; tests
// replace it to look at what the app renders.
var newMemDOM = dom.NewMemDOM

// containerDriver: natively there is no element, and the app renders
// into a MemDOM, as under go-app's client tester.
func containerDriver(app.UI) cycle.Driver {
	return dom.MemDriver(newMemDOM())
}
