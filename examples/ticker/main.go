// Command ticker is the smallest gocycle app: main turns the time into
// text, and a console driver prints it. Run it with `go run ./examples/ticker`.
package main

import (
	"fmt"
	"log"
	"time"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

type Sources struct{ Time stream.Scheduler }
type Sinks struct{ Console *stream.Stream[string] }

// app is pure: it never prints or sleeps, it describes what to print when.
func app(src Sources) Sinks {
	ticks := stream.Periodic(src.Time, 200*time.Millisecond).Take(3)
	return Sinks{Console: stream.Map(ticks, func(i int) string { return fmt.Sprint("tick ", i) })}
}

func main() {
	done := make(chan struct{})
	console := cycle.SinkDriver(func(s *stream.Stream[string], ctx *cycle.Context) error {
		ctx.OnDispose(s.Subscribe(stream.Listener[string]{Next: func(v string) { fmt.Println(v) }, Complete: func() { close(done) }}))
		return nil
	})
	dispose, err := cycle.Run(app, cycle.Drivers{"Time": cycle.TimeDriver(), "Console": console})
	if err != nil {
		log.Fatal(err)
	}
	<-done
	dispose()
}
