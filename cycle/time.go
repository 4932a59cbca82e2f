package cycle

import "github.com/gocycle/gocycle/cycle/stream"

// TimeDriver is a source-only driver whose source is the app's
// stream.Scheduler: the loop itself. Give it to time-based operators:
//
//	type Sources struct{ Time stream.Scheduler }
//	// in main: clicks.Debounce(src.Time, 300*time.Millisecond)
//
// Tests replace it with streamtest's virtual scheduler.
func TimeDriver() Driver {
	return SourceDriver(func(ctx *Context) (stream.Scheduler, error) {
		return ctx.Loop, nil
	})
}
