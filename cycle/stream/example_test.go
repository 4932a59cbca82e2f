package stream_test

import (
	"fmt"

	"github.com/gocycle/gocycle/cycle/stream"
)

// show subscribes a listener that prints what s delivers.
func show[T any](s *stream.Stream[T]) (cancel func()) {
	return s.Subscribe(stream.Listener[T]{
		Next:     func(v T) { fmt.Println(v) },
		Error:    func(err error) { fmt.Println("error:", err) },
		Complete: func() { fmt.Println("done") },
	})
}

func ExampleOf() {
	show(stream.Of("a", "b"))
	// Output:
	// a
	// b
	// done
}

func ExampleMap() {
	show(stream.Map(stream.Of(1, 2, 3), func(v int) string { return fmt.Sprint(v, "²=", v*v) }))
	// Output:
	// 1²=1
	// 2²=4
	// 3²=9
	// done
}

// A Subject is how a driver or a test feeds a stream by hand.
func ExampleNewSubject() {
	clicks := stream.NewSubject[string]()
	show(clicks.Stream().Filter(func(button string) bool { return button == "ok" }))
	clicks.Next("cancel")
	clicks.Next("ok")
	clicks.Complete()
	// Output:
	// ok
	// done
}

// Fold counts clicks the way a Cycle.js counter does; it emits its seed
// first, so a view has something to show before the first click.
func ExampleFold() {
	clicks := stream.NewSubject[struct{}]()
	show(stream.Fold(clicks.Stream(), 0, func(n int, _ struct{}) int { return n + 1 }))
	clicks.Next(struct{}{})
	clicks.Next(struct{}{})
	// Output:
	// 0
	// 1
	// 2
}

// Combine2 emits one consistent pair per change, even when both inputs
// come from the same source.
func ExampleCombine2() {
	celsius := stream.NewSubject[float64]()
	fahrenheit := stream.Map(celsius.Stream(), func(c float64) float64 { return c*9/5 + 32 })
	show(stream.Combine2(celsius.Stream(), fahrenheit, func(c, f float64) string {
		return fmt.Sprintf("%g °C = %g °F", c, f)
	}))
	celsius.Next(0)
	celsius.Next(100)
	// Output:
	// 0 °C = 32 °F
	// 100 °C = 212 °F
}

func ExampleMerge() {
	show(stream.Merge(stream.Of("left"), stream.Of("right")))
	// Output:
	// left
	// right
	// done
}

// Flatten switches to the latest inner stream: answers to an old query are
// ignored once a new query is made.
func ExampleFlatten() {
	queries := stream.NewSubject[string]()
	answers := map[string]*stream.Subject[string]{"go": stream.NewSubject[string](), "gocycle": stream.NewSubject[string]()}
	show(stream.Flatten(stream.Map(queries.Stream(), func(q string) *stream.Stream[string] {
		return answers[q].Stream()
	})))
	queries.Next("go")
	queries.Next("gocycle")
	answers["go"].Next("results for go") // too late: nobody listens
	answers["gocycle"].Next("results for gocycle")
	// Output:
	// results for gocycle
}

// Create wraps any source of values; Stop is called when the last
// listener leaves.
func ExampleCreate() {
	s := stream.Create(stream.NewProducer(func(l stream.Listener[int]) {
		for i := 1; i <= 3; i++ {
			l.Next(i)
		}
		l.Complete()
	}, func() { fmt.Println("stopped") }))
	show(s)
	// Output:
	// 1
	// 2
	// 3
	// stopped
	// done
}

// A proxy closes a cycle: the counter feeds on its own output until the
// filter ends it.
func ExampleNewProxy() {
	proxy := stream.NewProxy[int]()
	count := stream.Map(proxy, func(v int) int { return v + 1 }).
		Filter(func(v int) bool { return v <= 3 }).
		StartWith(0)
	if err := proxy.Imitate(count); err != nil {
		fmt.Println(err)
		return
	}
	show(count)
	// Output:
	// 0
	// 1
	// 2
	// 3
}
