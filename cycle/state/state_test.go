package state_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/state"
	"github.com/gocycle/gocycle/cycle/stream"
)

type counterSources struct {
	State  *state.Source[int]
	Clicks *stream.Stream[int]
}

type counterSinks struct {
	State *stream.Stream[state.Reducer[int]]
	View  *stream.Stream[string]
}

func counter(src counterSources) counterSinks {
	init := stream.Of[state.Reducer[int]](func(int) int { return 10 })
	add := stream.Map(src.Clicks, func(d int) state.Reducer[int] {
		return func(n int) int { return n + d }
	})
	view := stream.Map(src.State.Stream(), func(n int) string { return fmt.Sprint("count ", n) })
	return counterSinks{State: stream.Merge(init, add), View: view}
}

func TestWithStateFoldsReducers(t *testing.T) {
	clicks := stream.NewSubject[int]()
	sinks := state.WithState[int](counter)(counterSources{Clicks: clicks.Stream()})
	var got []string
	sinks.View.Subscribe(stream.Listener[string]{Next: func(s string) { got = append(got, s) }})
	clicks.Next(1)
	clicks.Next(5)
	if want := []string{"count 10", "count 11", "count 16"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// With cycle.Run: the State fields need no driver.
func TestWithStateUnderRun(t *testing.T) {
	var got []string
	done := make(chan struct{})
	var clicks *stream.Subject[int]
	var loop *cycle.Loop
	dispose, err := cycle.Run(state.WithState[int](counter), cycle.Drivers{
		"Clicks": cycle.SourceDriver(func(ctx *cycle.Context) (*stream.Stream[int], error) {
			clicks, loop = stream.NewSubject[int](), ctx.Loop
			return clicks.Stream(), nil
		}),
		"View": cycle.SinkDriver(func(s *stream.Stream[string], ctx *cycle.Context) error {
			s.Subscribe(stream.Listener[string]{Next: func(v string) { got = append(got, v) }, Complete: func() { close(done) }})
			return nil
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	loop.Do(func() { clicks.Next(2) })
	dispose()
	<-done
	if want := []string{"count 10", "count 12"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestWithStatePanicsOnMissingFields(t *testing.T) {
	type noState struct{ Clicks *stream.Stream[int] }
	type noSink struct{ View *stream.Stream[string] }
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"no source", func() { state.WithState[int](func(noState) counterSinks { return counterSinks{} }) }, "has no field of type *state.Source[int]"},
		{"no sink", func() { state.WithState[int](func(counterSources) noSink { return noSink{} }) }, "needs a field State of type *stream.Stream["},
		{"wrong state type", func() { state.WithState[string](counter) }, "has no field of type *state.Source[string]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, c.want) {
					t.Errorf("recovered %v, want a message containing %q", r, c.want)
				}
			}()
			c.f()
		})
	}
}

func TestNilSourceSaysWhatToDo(t *testing.T) {
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, "wrap main with state.WithState") {
			t.Errorf("recovered %q", r)
		}
	}()
	var s *state.Source[int]
	s.Stream()
}

type form struct {
	Name string
	Age  int
}

var ageLens = state.Lens[form, int]{
	Get: func(f form) int { return f.Age },
	Set: func(f form, a int) form { f.Age = a; return f },
}

func TestSelectAndLift(t *testing.T) {
	reducers := stream.NewSubject[state.Reducer[form]]()
	states := stream.Fold(reducers.Stream(), form{Name: "Ana", Age: 30}, func(f form, r state.Reducer[form]) form { return r(f) })
	parent := state.NewSource(states)
	age := state.Select(parent, ageLens)
	var ages []int
	age.Stream().Subscribe(stream.Listener[int]{Next: func(a int) { ages = append(ages, a) }})
	var forms []form
	states.Subscribe(stream.Listener[form]{Next: func(f form) { forms = append(forms, f) }})
	child := stream.NewSubject[state.Reducer[int]]()
	lifted := state.Lift(ageLens, child.Stream())
	lifted.Subscribe(stream.Listener[state.Reducer[form]]{Next: reducers.Next})
	child.Next(func(a int) int { return a + 1 })
	if !slices.Equal(ages, []int{30, 31}) {
		t.Errorf("ages %v", ages)
	}
	if last := forms[len(forms)-1]; last != (form{Name: "Ana", Age: 31}) {
		t.Errorf("parent state %+v: the lens must change only Age", last)
	}
}

// sampledCounter is the usual shape of a state loop: reducers come from
// the clicks sampled with the state, and the view combines the clicks
// with the state. One click must give one view, with the new count.
func sampledCounter(src counterSources) counterSinks {
	states := src.State.Stream()
	init := stream.Of[state.Reducer[int]](func(int) int { return 0 })
	add := stream.SampleCombine(src.Clicks, states, func(d, n int) state.Reducer[int] {
		return func(s int) int { return s + d }
	})
	view := stream.Combine2(stream.Map(src.Clicks, func(d int) int { return d }), states,
		func(d, n int) string { return fmt.Sprintf("+%d=%d", d, n) })
	return counterSinks{State: stream.Merge(init, add), View: view}
}

func TestWithStateViewHasNoGlitch(t *testing.T) {
	for _, order := range []string{"view first", "a state listener first"} {
		t.Run(order, func(t *testing.T) {
			clicks := stream.NewSubject[int]()
			sinks := state.WithState[int](sampledCounter)(counterSources{Clicks: clicks.Stream()})
			var got []string
			if order == "a state listener first" {
				src := counterSources{Clicks: clicks.Stream()}
				var states *stream.Stream[int]
				sinks = state.WithState[int](func(s counterSources) counterSinks {
					states = s.State.Stream()
					return sampledCounter(s)
				})(src)
				stream.Map(states, func(n int) int { return n }).Subscribe(stream.Listener[int]{})
			}
			sinks.View.Subscribe(stream.Listener[string]{Next: func(s string) { got = append(got, s) }})
			clicks.Next(1)
			clicks.Next(2)
			if want := []string{"+1=1", "+2=3"}; !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}
