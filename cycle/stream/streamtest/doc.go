// Package streamtest tests streams in virtual time, with marble diagrams:
// it is to [stream] what @cycle/time's testing helpers are to xstream.
//
// # Virtual time
//
// A [Scheduler] is a [stream.Scheduler] whose clock moves only when the
// test calls [Scheduler.Advance] or [Scheduler.Run]. Given to Debounce,
// Throttle, Delay or Periodic in place of an app's loop, it makes a test
// of seconds of timing run in microseconds, on one goroutine, the same
// way every time, natively and under js/wasm. [Scheduler.Pending] counts
// the timers still set, which shows whether disposing of a stream really
// let go of its timers.
//
// # Marble diagrams
//
// A marble diagram draws a stream along a time line, one character per
// frame of [Scheduler.Frame] (20ms, as in @cycle/time, unless set):
//
//	a      a value: the character's entry in the values map
//	-      a frame in which nothing happens
//	|      the stream completes
//	#      the stream fails with ErrDiagram
//	(ab)   a and b in the same frame, the frame of "("
//	space  ignored, to line diagrams up
//
// Every other character takes one frame, the parentheses of a group
// included, so that "-(ab)-c" emits a and b at frame 1 and c at frame 6:
// this is how RxJS and @cycle/time count, and it keeps a column of a
// diagram at the same time as the same column of the diagram above it.
// Nothing may follow "|" or "#" except the ")" closing their group.
//
// Frames count from the scheduler's start, as in @cycle/time: in "--a",
// a happens 40ms after the Scheduler was made, whenever the stream was
// subscribed to. Diagrams drawn one above another thus describe the same
// moments, which is what makes them readable. And what a diagram draws
// for a moment happens before the timers due at that moment, because
// timers react to input: a value that arrives exactly when a debounce
// would have fired still restarts the debounce.
//
//	in   := "--a-b----c---|"
//	want := "------b----c-|" // in.Debounce(sch, 2*sch.Frame)
//
// [Diagram] makes a stream from a diagram, [Record] records what a stream
// does and draws it back with [Recording.Diagram], and [AssertDiagram]
// does both and compares them in one call.
package streamtest
