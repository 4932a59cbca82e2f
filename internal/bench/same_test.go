package bench

import (
	"fmt"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/reactivex/rxgo/v2"
)

// TestSameResults checks that the gocycle and rxgo pipelines the
// benchmarks time compute the same thing, from both sources, and that it
// is what the plain loop computes.
func TestSameResults(t *testing.T) {
	for _, p := range pipelines {
		for _, n := range []int{0, 1, 2, 10, 1000, 20000} {
			t.Run(fmt.Sprintf("%s/n=%d", p.name, n), func(t *testing.T) {
				want := p.want(n)
				runs := map[string]func() (int, error){
					"gocycle push": func() (int, error) {
						in := stream.NewSubject[int]()
						r := p.subscribe(p.cycle(in.Stream()))
						for i := range n {
							in.Next(i)
						}
						in.Complete()
						return r.result()
					},
					"gocycle seq": func() (int, error) {
						return p.subscribe(p.cycle(stream.FromSlice(seq(n)))).result()
					},
				}
				for _, v := range rxVariants {
					runs[v.name+" push"] = func() (int, error) {
						in, result := p.rxPush(v)
						for i := range n {
							in <- rxgo.Of(i)
						}
						close(in)
						return result()
					}
					runs[v.name+" seq"] = func() (int, error) { return p.rxSeq(v, n)() }
				}
				for name, run := range runs {
					if got, err := run(); err != nil || got != want {
						t.Errorf("%s: got %d, %v; want %d", name, got, err, want)
					}
				}
			})
		}
	}
}

// TestExpected pins the plain-loop results on small inputs worked out by
// hand, so that a change breaking the pipelines and the expectations alike
// does not go unnoticed.
func TestExpected(t *testing.T) {
	for _, c := range []struct {
		p    pipeline
		n    int
		want int
	}{
		{mapFilterFold, 5, 0 + 6 + 12},
		{mapOnly, 4, 1 + 2 + 3 + 4},
		{filterOnly, 6, 1 + 3 + 5},
		// 0, 1, 2 + 15: no intermediate value is a multiple of 97, 89, 83, 79 or 73.
		{chain10, 3, 15 + 16 + 17},
		// 58 reaches 58+15 = 73 and the last filter drops it: the sum of
		// i+15 for i < 58, that is 57*58/2 + 58*15.
		{chain10, 59, 57*58/2 + 58*15},
	} {
		if got := c.p.want(c.n); got != c.want {
			t.Errorf("%s(%d) = %d, want %d", c.p.name, c.n, got, c.want)
		}
	}
}
