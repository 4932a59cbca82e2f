// Command demo is the app on the page that `make run` serves: a gocycle
// app, built for GOOS=js GOARCH=wasm, that writes a running clock into the
// page. It stays small on purpose until the DOM driver lands; App is pure
// and is tested natively.
package main

import (
	"fmt"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
)

// Sources are what the demo reads: the app's time.
type Sources struct {
	Time stream.Scheduler
}

// Sinks are what the demo writes: the text of the status element.
type Sinks struct {
	Text *stream.Stream[string]
}

// App shows how long the app has been running, once a second.
func App(src Sources) Sinks {
	secs := stream.Periodic(src.Time, time.Second).StartWith(-1)
	return Sinks{Text: stream.Map(secs, func(i int) string {
		return fmt.Sprintf("gocycle is running: %d s", i+1)
	})}
}
