package state

import (
	"fmt"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// Collection describes a list of child components: one instance of Item
// for each element of a list state, identified by Key, as @cycle/state's
// makeCollection does. An element whose key stays in the list keeps its
// instance, and so its own streams and their state, across changes of the
// list; a new key starts a new instance and a key that leaves the list
// stops its instance.
type Collection[T any, K comparable, So, Si any] struct {
	// Item is the child component.
	Item func(So) Si
	// Key identifies an element across changes of the list. Elements
	// with a key that already came earlier in the list are left out.
	Key func(T) K
	// Sources builds an instance's sources from its element's state
	// source and its key; the parent's other sources (DOM, ...) are
	// passed in through the closure.
	Sources func(item *Source[T], key K) So
	// Reducers picks an instance's reducer sink; nil if items have none.
	Reducers func(Si) *stream.Stream[Reducer[T]]
	// Removes picks an instance's sink on which it asks to be removed
	// from the list; nil if items cannot remove themselves.
	Removes func(Si) *stream.Stream[struct{}]
}

// Instance is one running child of a collection.
type Instance[K comparable, Si any] struct {
	Key   K
	Sinks Si
	// reducers are the instance's reducers lifted to the whole list; one
	// stream per instance, so that merging keeps its subscription.
	reducers any
}

// Instances are the running children of a collection.
type Instances[T any, K comparable, Si any] struct {
	list     *stream.Stream[[]Instance[K, Si]]
	reducers *stream.Stream[Reducer[[]T]]
}

// Stream returns the instances in list order, as a memory stream that
// emits each time the list changes.
func (in *Instances[T, K, Si]) Stream() *stream.Stream[[]Instance[K, Si]] { return in.list }

// Reducers returns the reducers of every instance, lifted to the whole
// list: merge them into the parent's reducer sink.
func (in *Instances[T, K, Si]) Reducers() *stream.Stream[Reducer[[]T]] { return in.reducers }

// MakeCollection returns the function that runs c's children over a list
// state. Each instance is isolated (cycle.Isolate) with a scope made from
// its key.
func MakeCollection[T any, K comparable, So, Si any](c Collection[T, K, So, Si]) func(list *Source[[]T]) *Instances[T, K, Si] {
	if c.Item == nil || c.Key == nil || c.Sources == nil {
		panic("state: MakeCollection: Item, Key and Sources are required")
	}
	return func(list *Source[[]T]) *Instances[T, K, Si] {
		indexed := stream.Map(list.Stream(), func(items []T) keyedList[T, K] {
			return indexList(items, c.Key)
		}).Remember()
		live := map[K]Instance[K, Si]{}
		insts := stream.Map(indexed, func(kl keyedList[T, K]) []Instance[K, Si] {
			next := make(map[K]Instance[K, Si], len(kl.keys))
			out := make([]Instance[K, Si], 0, len(kl.keys))
			for _, k := range kl.keys {
				inst, ok := live[k]
				if !ok {
					inst = newInstance(c, indexed, k)
				}
				next[k] = inst
				out = append(out, inst)
			}
			live = next
			return out
		}).Remember()
		reducers := stream.FlattenMerge(stream.Map(insts, func(is []Instance[K, Si]) []*stream.Stream[Reducer[[]T]] {
			out := make([]*stream.Stream[Reducer[[]T]], 0, len(is))
			for _, i := range is {
				if r, ok := i.reducers.(*stream.Stream[Reducer[[]T]]); ok {
					out = append(out, r)
				}
			}
			return out
		}))
		return &Instances[T, K, Si]{list: insts, reducers: reducers}
	}
}

// keyedList is a list state with its keys and where each key is.
type keyedList[T any, K comparable] struct {
	items []T
	keys  []K // unique keys in list order
	at    map[K]int
}

func indexList[T any, K comparable](items []T, key func(T) K) keyedList[T, K] {
	kl := keyedList[T, K]{items: items, keys: make([]K, 0, len(items)), at: make(map[K]int, len(items))}
	for i, it := range items {
		k := key(it)
		if _, dup := kl.at[k]; dup {
			continue
		}
		kl.at[k] = i
		kl.keys = append(kl.keys, k)
	}
	return kl
}

func newInstance[T any, K comparable, So, Si any](c Collection[T, K, So, Si], indexed *stream.Stream[keyedList[T, K]], k K) Instance[K, Si] {
	item := stream.Map(indexed.Filter(func(kl keyedList[T, K]) bool {
		_, ok := kl.at[k]
		return ok
	}), func(kl keyedList[T, K]) T { return kl.items[kl.at[k]] }).Remember()
	scope := fmt.Sprint(k)
	sinks := cycle.Isolate(c.Item, scope)(c.Sources(NewSource(item), k))
	var lifted []*stream.Stream[Reducer[[]T]]
	if c.Reducers != nil {
		if r := c.Reducers(sinks); r != nil {
			lifted = append(lifted, stream.Map(r, func(r Reducer[T]) Reducer[[]T] { return updateKey(c.Key, k, r) }))
		}
	}
	if c.Removes != nil {
		if r := c.Removes(sinks); r != nil {
			lifted = append(lifted, stream.Map(r, func(struct{}) Reducer[[]T] { return removeKey(c.Key, k) }))
		}
	}
	inst := Instance[K, Si]{Key: k, Sinks: sinks}
	if len(lifted) > 0 {
		inst.reducers = stream.Merge(lifted...)
	}
	return inst
}

// updateKey lifts an element's reducer to the list: it applies r to the
// element with key k in a copy of the list.
func updateKey[T any, K comparable](key func(T) K, k K, r Reducer[T]) Reducer[[]T] {
	if r == nil {
		return nil
	}
	return func(items []T) []T {
		for i, it := range items {
			if key(it) == k {
				out := make([]T, len(items))
				copy(out, items)
				out[i] = r(it)
				return out
			}
		}
		return items
	}
}

// removeKey is the reducer that removes the element with key k.
func removeKey[T any, K comparable](key func(T) K, k K) Reducer[[]T] {
	return func(items []T) []T {
		out := make([]T, 0, len(items))
		for _, it := range items {
			if key(it) != k {
				out = append(out, it)
			}
		}
		return out
	}
}

// PickMerge merges one sink of every instance, picked by pick, following
// the instances as the list changes: @cycle/state's pickMerge.
func PickMerge[T any, K comparable, Si, X any](in *Instances[T, K, Si], pick func(Si) *stream.Stream[X]) *stream.Stream[X] {
	return stream.FlattenMerge(picked(in, pick))
}

// PickCombine combines the latest value of one sink of every instance into
// a slice in list order, following the instances as the list changes; an
// empty list gives an empty slice: @cycle/state's pickCombine, used to
// gather the children's views.
func PickCombine[T any, K comparable, Si, X any](in *Instances[T, K, Si], pick func(Si) *stream.Stream[X]) *stream.Stream[[]X] {
	return stream.FlattenCombine(picked(in, pick))
}

func picked[T any, K comparable, Si, X any](in *Instances[T, K, Si], pick func(Si) *stream.Stream[X]) *stream.Stream[[]*stream.Stream[X]] {
	return stream.Map(in.list, func(is []Instance[K, Si]) []*stream.Stream[X] {
		out := make([]*stream.Stream[X], 0, len(is))
		for _, i := range is {
			if s := pick(i.Sinks); s != nil {
				out = append(out, s)
			}
		}
		return out
	})
}
