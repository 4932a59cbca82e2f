// Package stream provides hot, synchronous, multicast streams with the
// semantics of xstream, written with Go generics.
//
// A [Stream] pushes values to its listeners. Emission is synchronous: when a
// value is emitted, every listener has received it before the emitting call
// returns. Streams are lazy and shared: the producer under a stream starts
// when the first listener subscribes and stops when the last one leaves, so
// unsubscribing everything from a pipeline stops every producer under it.
// Memory streams ([Stream.Remember], [Stream.StartWith], [Fold]) replay their
// last value to a listener that subscribes late.
//
// Errors and completion travel downstream and end the stream they reach. A
// panic inside a function given to an operator (the f of [Map], the predicate
// of [Stream.Filter], ...) becomes a [*PanicError] on that operator's stream
// rather than a crashed program.
//
// # Transactions
//
// xstream emits inconsistent pairs in a diamond: in Combine(a, Map(a, f)) the
// combined stream sees the new a with the old f(a). This package does not.
// Every emission that starts outside any other emission (a [Subject.Next], a
// timer, a producer's start) opens a transaction. Combining operators
// ([Combine2], [Combine], [SampleCombine], ...) reached during a transaction
// do not emit at once: they emit once, with the latest value of every input,
// after all synchronous propagation has settled and before the outermost call
// returns. Pending combiners emit in the order of their depth in the graph,
// so a combiner that feeds another emits first. Emission stays synchronous
// from the caller's point of view.
//
// # Concurrency
//
// Streams hold no locks. All emissions of one graph must happen on one
// goroutine at a time; the cycle package gives every app a loop for that.
// Time-based operators ([Stream.Debounce], [Periodic], ...) take a
// [Scheduler], whose callbacks must run on that same loop.
package stream
