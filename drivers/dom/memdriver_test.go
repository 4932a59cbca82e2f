//go:build !(js && wasm)

package dom

import (
	"testing"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

type memSources struct{ DOM *Source }
type memSinks struct{ DOM *stream.Stream[Node] }

// Disposing an app runs the Remove hooks of what it shows, as removing
// it from the view would, and empties the MemDOM.
func TestMemDriverDisposeRunsRemoveHooks(t *testing.T) {
	inserted := make(chan struct{}, 10)
	var removed []string
	hooks := func(name string) *Hooks {
		return &Hooks{
			Insert: func(Element) { inserted <- struct{}{} },
			Remove: func(e Element) { removed = append(removed, name+":"+e.TagName()) },
		}
	}
	m := NewMemDOM()
	app := func(memSources) memSinks {
		return memSinks{DOM: stream.Of(Div(hooks("outer"), P(hooks("inner"), "x"), Span("y")))}
	}
	var errs []error
	dispose, err := cycle.Run(app, cycle.Drivers{"DOM": MemDriver(m)}, cycle.WithErrors(func(err error) { errs = append(errs, err) }))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		select {
		case <-inserted:
		case <-time.After(5 * time.Second):
			t.Fatal("the view was not rendered")
		}
	}
	dispose()
	if got := m.String(); got != "" {
		t.Errorf("after dispose the MemDOM holds %s", got)
	}
	if len(removed) != 2 || removed[0] != "outer:div" || removed[1] != "inner:p" {
		t.Errorf("Remove hooks: %v, want outer:div and inner:p", removed)
	}
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
}
