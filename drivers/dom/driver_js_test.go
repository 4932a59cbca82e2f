//go:build js && wasm

package dom_test

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
)

// These run under Node (go_js_wasm_exec), which has no document: they
// check DOMDriver's start-up errors. The driver itself is tested in a
// browser, by package internal/browsertest.

type viewSources struct{ DOM *dom.Source }
type viewSinks struct{ DOM *stream.Stream[dom.Node] }

func emptyView(viewSources) viewSinks { return viewSinks{DOM: stream.Of(dom.Div())} }

func TestDOMDriverNeedsADocument(t *testing.T) {
	if js.Global().Get("document").Truthy() {
		t.Skip("this test is for a JavaScript runtime without a document")
	}
	_, err := cycle.Run(emptyView, cycle.Drivers{"DOM": dom.DOMDriver("#app")}, cycle.WithErrors(func(error) {}))
	if err == nil || !strings.Contains(err.Error(), "there is no document") {
		t.Errorf("err = %v", err)
	}
}

func TestDOMDriverRejectsWhatIsNotAnElement(t *testing.T) {
	for _, c := range []any{js.Null(), js.ValueOf(3), (*dom.JSElement)(nil), 42} {
		_, err := cycle.Run(emptyView, cycle.Drivers{"DOM": dom.DOMDriver(c)}, cycle.WithErrors(func(error) {}))
		if err == nil || !strings.Contains(err.Error(), "dom: DOMDriver: ") {
			t.Errorf("container %v: err = %v", c, err)
		}
	}
}
