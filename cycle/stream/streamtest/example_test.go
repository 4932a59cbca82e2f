package streamtest_test

import (
	"fmt"
	"time"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/streamtest"
)

func ExampleScheduler() {
	sch := streamtest.NewScheduler()
	stream.Periodic(sch, time.Second).Take(3).Subscribe(stream.Listener[int]{
		Next:     func(i int) { fmt.Println(i, "at", sch.Now().Format(time.TimeOnly)) },
		Complete: func() { fmt.Println("done") },
	})
	sch.Advance(1500 * time.Millisecond)
	fmt.Println("pending:", sch.Pending())
	sch.Run()
	fmt.Println("pending:", sch.Pending())
	// Output:
	// 0 at 00:00:01
	// pending: 1
	// 1 at 00:00:02
	// 2 at 00:00:03
	// done
	// pending: 0
}

func ExampleDiagram() {
	sch := streamtest.NewScheduler()
	in, err := streamtest.Diagram[string](sch, "--a-b----c---|", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := streamtest.Record(sch, in.Debounce(sch, 2*sch.Frame))
	sch.Run()
	fmt.Println(r.Diagram(nil))
	// Output: ------b----c-|
}

func ExampleDiagram_values() {
	type move struct{ dx, dy int }
	sch := streamtest.NewScheduler()
	moves, _ := streamtest.Diagram(sch, "-r-(ud)-l|", map[rune]move{
		'r': {1, 0}, 'l': {-1, 0}, 'u': {0, -1}, 'd': {0, 1},
	})
	x := stream.Fold(moves, 0, func(x int, m move) int { return x + m.dx })
	r := streamtest.Record(sch, x)
	sch.Run()
	for _, e := range r.Events() {
		fmt.Println(e.At, e.Kind, e.Value)
	}
	// Output:
	// 0s next 0
	// 20ms next 1
	// 60ms next 1
	// 60ms next 1
	// 160ms next 0
	// 180ms complete 0
}

func ExampleDiagram_malformed() {
	_, err := streamtest.Diagram[string](streamtest.NewScheduler(), "--a-(bc-|", nil)
	fmt.Println(err)
	// Output: streamtest: diagram "--a-(bc-|", column 8: "-" inside the group opened at column 5: a group is a single frame
}
