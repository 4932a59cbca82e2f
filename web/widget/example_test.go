package widget_test

import (
	"fmt"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/web/widget"
)

// A counter widget shows its props' start value and sends start+1 to the
// host as its change. Its view and its change are both maps of the props,
// a memory stream, so both get the value whichever the drivers subscribe
// first. Natively, Mount runs it with the DOM driver the test gives (here
// dom.HTMLDriver, which hands over each view as HTML); in a browser,
// GoCycle.mount(element, "counter", {start: 41}, onChange) does.
func ExampleRegister() {
	type Sources struct {
		DOM   *dom.Source
		Props *stream.Stream[widget.Props]
	}
	type Sinks struct {
		DOM    *stream.Stream[dom.Node]
		Change *stream.Stream[any]
	}
	counter := func(src Sources) Sinks {
		starts := stream.Map(src.Props, func(p widget.Props) float64 {
			v, _, _ := p.Number("start")
			return v
		})
		view := stream.Map(starts, func(v float64) dom.Node { return dom.Button(fmt.Sprint(v)) })
		return Sinks{DOM: view, Change: stream.Map(starts, func(v float64) any { return v + 1 })}
	}
	widget.Register("counter", func(h *widget.Host) (func(), error) {
		return widget.Run(h, counter, nil)
	})

	views := make(chan string, 1)
	changes := make(chan any, 1)
	w, err := widget.Mount("counter", widget.Config{
		DOM: dom.HTMLDriver(func(html string) {
			select {
			case views <- html:
			default: // the example prints the first view only
			}
		}),
		Props:    widget.Props{"start": 41.0},
		OnChange: func(v any) { changes <- v },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer w.Destroy()
	select {
	case html := <-views:
		fmt.Println("view:", html)
	case <-time.After(5 * time.Second):
		fmt.Println("no view")
	}
	select {
	case v := <-changes:
		fmt.Println("onChange:", v)
	case <-time.After(5 * time.Second):
		fmt.Println("no change")
	}
	fmt.Println(w.Name())
	// Output:
	// view: <button>41</button>
	// onChange: 42
	// counter
}
