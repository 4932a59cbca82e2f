package state

import "github.com/gocycle/gocycle/cycle/stream"

// Lens focuses on a part C of a state P: Get reads it, Set returns a new P
// with the part replaced. Set must not change p in place.
type Lens[P, C any] struct {
	Get func(p P) C
	Set func(p P, c C) P
}

// Select returns the source of the part of src that lens focuses on, for
// a child component whose state is that part.
func Select[P, C any](src *Source[P], lens Lens[P, C]) *Source[C] {
	return &Source[C]{s: stream.Map(src.Stream(), lens.Get).Remember()}
}

// Lift turns a child's reducers of its part C into reducers of the whole
// state P: each reads the part through lens.Get, reduces it and puts it
// back with lens.Set. Select and Lift with the same lens connect a child
// component to its part of the parent's state.
func Lift[P, C any](lens Lens[P, C], reducers *stream.Stream[Reducer[C]]) *stream.Stream[Reducer[P]] {
	return stream.Map(reducers, func(r Reducer[C]) Reducer[P] {
		if r == nil {
			return nil
		}
		return func(p P) P { return lens.Set(p, r(lens.Get(p))) }
	})
}
