package rxstream_test

import (
	"context"
	"fmt"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/rxstream"
	"github.com/reactivex/rxgo/v2"
)

// An rxgo pipeline feeds a gocycle stream, whose values go back to rxgo.
// The loop is the app's: inside a driver, use cycle.Context.Loop.
func Example() {
	loop := cycle.NewLoop(nil)
	defer loop.Stop()

	// rxgo → gocycle: the values arrive as tasks of the loop.
	squares := rxgo.Range(1, 4).Map(func(_ context.Context, v any) (any, error) {
		return v.(int) * v.(int), nil
	})
	labels := stream.Map(rxstream.FromObservable[int](squares, loop), func(v int) string {
		return fmt.Sprint("square ", v)
	})

	// gocycle → rxgo: each observer is a listener of the stream; the
	// stream's completion closes the observer's channel.
	for item := range rxstream.ToObservable(labels, loop).Observe() {
		fmt.Println(item.V)
	}

	// A value of the wrong type ends the stream with a *TypeError.
	done := make(chan struct{})
	loop.Post(func() {
		rxstream.FromObservable[int](rxgo.Just(1, "two")(), loop).Subscribe(stream.Listener[int]{
			Next:  func(v int) { fmt.Println("got", v) },
			Error: func(err error) { fmt.Println(err); close(done) },
		})
	})
	<-done
	// Output:
	// square 1
	// square 4
	// square 9
	// square 16
	// got 1
	// rxstream: the observable emitted "two", of type string, to a stream of int
}
