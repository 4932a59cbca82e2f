package state_test

import (
	"fmt"

	"github.com/gocycle/gocycle/cycle/state"
	"github.com/gocycle/gocycle/cycle/stream"
)

// A counter whose state lives in the state source: main emits reducers
// and renders from the state.
func ExampleWithState() {
	type Sources struct {
		State *state.Source[int]
		Incs  *stream.Stream[int]
	}
	type Sinks struct {
		State *stream.Stream[state.Reducer[int]]
		Text  *stream.Stream[string]
	}
	main := func(src Sources) Sinks {
		initial := stream.Of[state.Reducer[int]](func(int) int { return 1 })
		double := stream.MapTo(src.Incs, state.Reducer[int](func(n int) int { return n * 2 }))
		text := stream.Map(src.State.Stream(), func(n int) string { return fmt.Sprint("n = ", n) })
		return Sinks{State: stream.Merge(initial, double), Text: text}
	}
	incs := stream.NewSubject[int]()
	sinks := state.WithState[int](main)(Sources{Incs: incs.Stream()})
	sinks.Text.Subscribe(stream.Listener[string]{Next: func(s string) { fmt.Println(s) }})
	incs.Next(0)
	incs.Next(0)
	// Output:
	// n = 1
	// n = 2
	// n = 4
}
