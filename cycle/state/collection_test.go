package state_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle/state"
	"github.com/gocycle/gocycle/cycle/stream"
)

type task struct {
	ID   int
	Text string
	Done bool
}

type itemSources struct {
	State  *state.Source[task]
	Toggle *stream.Stream[int] // ids toggled by the user
	Delete *stream.Stream[int]
}

type itemSinks struct {
	View   *stream.Stream[string]
	State  *stream.Stream[state.Reducer[task]]
	Remove *stream.Stream[struct{}]
}

// item is a child component; starts counts how many instances were made.
func item(starts *int) func(itemSources) itemSinks {
	return func(src itemSources) itemSinks {
		*starts++
		view := stream.Map(src.State.Stream(), func(t task) string {
			mark := " "
			if t.Done {
				mark = "x"
			}
			return fmt.Sprintf("[%s] %s", mark, t.Text)
		})
		toggle := stream.Map(src.Toggle, func(int) state.Reducer[task] {
			return func(t task) task { t.Done = !t.Done; return t }
		})
		return itemSinks{View: view, State: toggle, Remove: stream.MapTo(src.Delete, struct{}{})}
	}
}

func TestCollection(t *testing.T) {
	starts := 0
	toggles, deletes := stream.NewSubject[int](), stream.NewSubject[int]()
	parentReducers := stream.NewProxy[state.Reducer[[]task]]()
	list := stream.Fold(parentReducers, []task{{1, "milk", false}, {2, "eggs", false}},
		func(ts []task, r state.Reducer[[]task]) []task { return r(ts) })
	collection := state.MakeCollection(state.Collection[task, int, itemSources, itemSinks]{
		Item: item(&starts),
		Key:  func(t task) int { return t.ID },
		Sources: func(s *state.Source[task], id int) itemSources {
			mine := func(x int) bool { return x == id }
			return itemSources{State: s, Toggle: toggles.Stream().Filter(mine), Delete: deletes.Stream().Filter(mine)}
		},
		Reducers: func(s itemSinks) *stream.Stream[state.Reducer[task]] { return s.State },
		Removes:  func(s itemSinks) *stream.Stream[struct{}] { return s.Remove },
	})
	instances := collection(state.NewSource(list))
	add := stream.NewSubject[task]()
	addReducers := stream.Map(add.Stream(), func(t task) state.Reducer[[]task] {
		return func(ts []task) []task { return append(slices.Clone(ts), t) }
	})
	if err := parentReducers.Imitate(stream.Merge(addReducers, instances.Reducers())); err != nil {
		t.Fatal(err)
	}
	views := state.PickCombine(instances, func(s itemSinks) *stream.Stream[string] { return s.View })
	var got []string
	views.Subscribe(stream.Listener[[]string]{Next: func(vs []string) { got = append(got, strings.Join(vs, ", ")) }})

	toggles.Next(2)
	add.Next(task{3, "tea", false})
	toggles.Next(3)
	deletes.Next(1)
	toggles.Next(1) // removed: nothing happens
	want := []string{
		"[ ] milk, [ ] eggs",
		"[ ] milk, [x] eggs",
		"[ ] milk, [x] eggs, [ ] tea",
		"[ ] milk, [x] eggs, [x] tea",
		"[x] eggs, [x] tea",
	}
	if !slices.Equal(got, want) {
		t.Errorf("views:\n got %q\nwant %q", got, want)
	}
	if starts != 3 {
		t.Errorf("%d item instances were started, want 3: a kept key must keep its instance", starts)
	}
}

func TestCollectionIgnoresDuplicateKeysAndEmptyList(t *testing.T) {
	lists := stream.NewSubject[[]task]()
	starts := 0
	collection := state.MakeCollection(state.Collection[task, int, itemSources, itemSinks]{
		Item: item(&starts),
		Key:  func(t task) int { return t.ID },
		Sources: func(s *state.Source[task], _ int) itemSources {
			return itemSources{State: s, Toggle: stream.Never[int](), Delete: stream.Never[int]()}
		},
	})
	instances := collection(state.NewSource(lists.Stream().Remember()))
	var got []string
	state.PickCombine(instances, func(s itemSinks) *stream.Stream[string] { return s.View }).
		Subscribe(stream.Listener[[]string]{Next: func(vs []string) { got = append(got, strings.Join(vs, "|")) }})
	var keys []int
	instances.Stream().Subscribe(stream.Listener[[]state.Instance[int, itemSinks]]{Next: func(is []state.Instance[int, itemSinks]) {
		keys = keys[:0]
		for _, i := range is {
			keys = append(keys, i.Key)
		}
	}})
	lists.Next([]task{{1, "a", false}, {1, "dup", false}, {2, "b", true}})
	if !slices.Equal(keys, []int{1, 2}) {
		t.Errorf("keys %v", keys)
	}
	lists.Next(nil)
	if want := []string{"[ ] a|[x] b", ""}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
