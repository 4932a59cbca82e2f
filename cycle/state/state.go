// Package state gives gocycle apps reducer-driven state, as @cycle/state
// does for Cycle.js: main emits reducers (functions from the old state to
// the new) on a sink, and reads the state, a memory stream, from a source.
// The state has one owner, the fold over the reducers; components see
// parts of it through lenses and change it only by emitting reducers.
//
// Wrap main with [WithState]. Its Sources struct gets a field of type
// *Source[S] and its Sinks struct a field of the same name of type
// *stream.Stream[Reducer[S]]; cycle.Run leaves both to the wrapper.
package state

import (
	"fmt"
	"reflect"

	"github.com/gocycle/gocycle/cycle/stream"
)

// Reducer turns the previous state into the next one. The first reducer
// an app emits usually ignores its argument and returns the initial
// state. Reducers must not change the state they are given in place:
// return a new value (copy slices and maps you change).
type Reducer[S any] func(S) S

// Source is the state source: the current state and every change.
type Source[S any] struct {
	s *stream.Stream[S]
}

// NewSource makes a Source over a stream of states; the stream should be
// a memory stream. It is for tests and for components built by hand.
func NewSource[S any](states *stream.Stream[S]) *Source[S] {
	return &Source[S]{s: states}
}

// Stream returns the state as a memory stream: a new listener gets the
// current state at once, then every new state.
func (s *Source[S]) Stream() *stream.Stream[S] {
	if s == nil {
		panic("state: Source is nil: wrap main with state.WithState, which provides it")
	}
	return s.s
}

// ProvidedByWrapper tells cycle.Run that WithState, not a driver, provides
// this source and consumes the sink of the same name.
func (*Source[S]) ProvidedByWrapper() {}

// WithState wraps main so that it gets a state source and its reducer sink
// drives the state. So must have exactly one field of type *Source[S] and
// Si a field of the same name of type *stream.Stream[Reducer[S]]; the
// usual name is State. WithState panics if they are missing, because that
// is a mistake in the program.
//
// The state starts as the zero S and changes with every reducer; it is
// shared by every listener, so components that read it at different times
// still see one state.
func WithState[S, So, Si any](main func(So) Si) func(So) Si {
	srcField, sinkField := stateFields[S, So, Si]()
	return func(sources So) Si {
		reducers := stream.NewProxy[Reducer[S]]()
		var zero S
		states := stream.Fold(reducers, zero, func(s S, r Reducer[S]) S {
			if r == nil {
				return s
			}
			return r(s)
		}).Drop(1).Remember()
		src := &Source[S]{s: states}
		reflect.ValueOf(&sources).Elem().Field(srcField).Set(reflect.ValueOf(src))
		sinks := main(sources)
		r, _ := reflect.ValueOf(&sinks).Elem().Field(sinkField).Interface().(*stream.Stream[Reducer[S]])
		if r != nil {
			if err := reducers.Imitate(r); err != nil {
				panic("state: " + err.Error())
			}
		}
		return sinks
	}
}

func stateFields[S, So, Si any]() (src, sink int) {
	st, kt := reflect.TypeFor[So](), reflect.TypeFor[Si]()
	srcType, sinkType := reflect.TypeFor[*Source[S]](), reflect.TypeFor[*stream.Stream[Reducer[S]]]()
	if st.Kind() != reflect.Struct || kt.Kind() != reflect.Struct {
		panic(fmt.Sprintf("state: WithState: main's sources and sinks must be structs, not %s and %s", st, kt))
	}
	src = -1
	for i := 0; i < st.NumField(); i++ {
		if st.Field(i).Type == srcType {
			if src >= 0 {
				panic(fmt.Sprintf("state: WithState: %s has two fields of type %s", st, srcType))
			}
			src = i
		}
	}
	if src < 0 {
		panic(fmt.Sprintf("state: WithState: %s has no field of type %s; add one, such as State %s", st, srcType, srcType))
	}
	name := st.Field(src).Name
	f, ok := kt.FieldByName(name)
	if !ok || f.Type != sinkType {
		panic(fmt.Sprintf("state: WithState: %s needs a field %s of type %s for the reducers", kt, name, sinkType))
	}
	return src, f.Index[0]
}
