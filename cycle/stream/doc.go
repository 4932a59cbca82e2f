// Package stream provides hot, synchronous, multicast streams with the
// semantics of xstream, written with Go generics.
//
// A [Stream] pushes values to its listeners. Emission is synchronous: when a
// value is emitted, every listener has received it before the emitting call
// returns. Streams are lazy and shared: the producer under a stream starts
// when the first listener subscribes and stops when the last one leaves, so
// unsubscribing everything from a pipeline stops every producer under it.
// Memory streams ([Stream.Remember], [Stream.StartWith], [Fold]) replay their
// last value to a listener that subscribes late; as in xstream, [Map],
// [MapTo], [Stream.Take], [EndWhen], [Stream.ReplaceError] and
// [Stream.Debug] of a memory stream are memory streams too, so a view and
// a change sink mapped from one state both get the current value.
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
// Every call from outside the graph (a [Subject.Next], a timer, a
// producer's emission, a Subscribe, a cancel, an Imitate) opens a
// transaction; what listeners do during it (emit, subscribe, cancel) joins
// it, as long as they touch streams of the same graph: streams that have
// listened to one another (a stream first subscribed from a listener of
// another graph joins that graph when the transaction ends). Combining
// operators ([Combine2], [Combine], [SampleCombine], [FlattenCombine], ...)
// reached during a transaction do not emit at once: they emit once, with
// the latest value of every input, after all synchronous propagation has
// settled and before the outermost call returns. Pending combiners emit in the order of their depth in the
// graph, so a combiner that feeds another emits first. The depth follows
// the graph as it changes: [Stream.Imitate] and the flattening operators
// deepen what they feed. In a cycle, the edge into the sampled side of a
// SampleCombine (the state that reducers are sampled with) is the one that
// does not count, so a view that combines an event with the state it
// changed emits once, with the new state.
//
// A stream whose last listener leaves during a transaction stops when the
// transaction ends, and only if no listener has come back by then: as in
// xstream, where the stop waits for the next tick, a [Flatten] that
// switches between two streams of one [Fold] keeps the count, and a
// shared producer is not restarted on every switch. Outside any
// transaction there is nothing to wait for: a cancel stops at once.
//
// # Differences from xstream
//
// A differential test (internal/xstreamdiff) runs random pipelines and
// schedules in xstream 11.14.0 under Node and in this package, and
// compares what every listener gets. These differences are on purpose,
// and the test knows each rule:
//
//   - Combiners are glitch-free, as above: one emission per transaction
//     with settled inputs, where xstream emits once per input value, and a
//     SampleCombine samples the value its other input settles on.
//   - A transaction ends with the outermost call, not at the next tick of
//     an event loop, which Go does not have: outside a listener, Subscribe
//     then cancel then Subscribe restarts the producer. A listener that
//     touches a graph other than the one emitting starts a transaction of
//     that graph.
//   - A listener hears nothing after it was cancelled, errored or
//     completed, even from the emission in flight, and neither does an
//     operator from an input that ended, errored or was dropped (the
//     inner stream that a [Flatten] or [FlattenMerge] left, the input a
//     [Stream.ReplaceError] replaced). xstream delivers the value in
//     flight to the copy of its listener list.
//   - A stream that errors while it has no listener can error again after
//     a listener arrives; xstream ignores every later error on it. An
//     error that reaches a stream waiting for its stop ends it quietly;
//     xstream throws it out of the emission, and the rest of that
//     emission is lost.
//   - A restarted [Stream.ReplaceError] listens to its original input
//     again; xstream restarts on the last replacement.
//   - A stream that completes or errors while it waits for its stop is
//     stopped at once, so a listener that comes later in the same
//     transaction starts it again; xstream's stays finished and gives
//     that listener nothing.
//   - An [EndWhen] ended while it starts (its other stream emitted at
//     once) does not subscribe its input; xstream's does, and keeps the
//     input running for nobody. A stopped [FlattenConcurrently] leaves
//     its inner streams; xstream's stays subscribed to them.
//   - A cycle whose only sinks lead back into itself is stopped when its
//     last outside listener leaves, as in xstream, also when it closes
//     through the sampled side of a [SampleCombine]: that is how a state
//     loop is freed with its app. xstream counts a sampleCombine as an
//     outside listener and keeps such a loop running. A stream of the
//     loop that waits for its stop counts as outside, since a listener
//     may come back to it before the transaction ends; xstream prunes
//     through it.
//   - Such a cycle is cut when the transaction ends, like a stop, and not
//     if a listener came back by then: leaving a loop and coming back in
//     one transaction keeps it. xstream cuts it at once, so a value still
//     going round it in the same emission is dropped, and a listener that
//     comes back finds it cut.
//   - A Filter of a Filter is two streams, each in its place among its
//     input's listeners; xstream fuses the two into one filter on the
//     first one's input, so the stream between them is left out (it does
//     not start, end or take its turn as its own listeners expect).
//
// # Concurrency
//
// Streams hold no locks. All emissions of one graph must happen on one
// goroutine at a time; the cycle package gives every app a loop for that.
// Time-based operators ([Stream.Debounce], [Periodic], ...) take a
// [Scheduler], whose callbacks must run on that same loop.
package stream
