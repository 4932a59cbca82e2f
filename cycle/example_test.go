package cycle_test

import (
	"fmt"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// A console driver prints what main sends it; main itself only describes
// the values.
func ExampleRun() {
	type Sources struct{}
	type Sinks struct {
		Console *stream.Stream[string]
	}
	main := func(Sources) Sinks {
		n := stream.Of(1, 2, 3)
		return Sinks{Console: stream.Map(n, func(i int) string { return fmt.Sprint("tick ", i) })}
	}
	done := make(chan struct{})
	console := cycle.SinkDriver(func(sink *stream.Stream[string], ctx *cycle.Context) error {
		cancel := sink.Subscribe(stream.Listener[string]{
			Next:     func(s string) { fmt.Println(s) },
			Complete: func() { close(done) },
		})
		ctx.OnDispose(cancel)
		return nil
	})
	dispose, err := cycle.Run(main, cycle.Drivers{"Console": console})
	if err != nil {
		fmt.Println(err)
		return
	}
	<-done
	dispose()
	// Output:
	// tick 1
	// tick 2
	// tick 3
}

// Run refuses a program whose sinks have no driver, and says what to do.
func ExampleRun_missingDriver() {
	type Sinks struct {
		HTTP *stream.Stream[string]
	}
	_, err := cycle.Run(func(struct{}) Sinks { return Sinks{} }, cycle.Drivers{})
	fmt.Println(err)
	// Output:
	// cycle: Run: field Sinks.HTTP has no driver; add a driver named "HTTP" to Drivers or remove the field (Drivers is empty)
}
