package stream

import "errors"

// Listener receives what a stream emits. Any of its functions may be nil,
// in which case that kind of notification is ignored.
type Listener[T any] struct {
	Next     func(T)
	Error    func(error)
	Complete func()
}

// sink is the internal listener that operators implement. Every call
// carries the transaction it belongs to.
type sink[T any] interface {
	next(tx *txn, v T)
	fail(tx *txn, err error)
	end(tx *txn)
}

// releaser is a sink whose next defers a function on every value anyway
// (Map, Filter and Fold, for their user function's panic), and which can
// stand in for an outermost emission's deferred release: its
// nextReleasing is next, and also releases the transaction when a panic
// from downstream passes through it (see Stream.emitRoot).
type releaser[T any] interface {
	sink[T]
	nextReleasing(tx *txn, v T)
}

// producer feeds a stream while the stream has listeners.
type producer[T any] interface {
	start(tx *txn, out *Stream[T])
	stop(tx *txn)
}

// Stream is a hot, synchronous, multicast stream of values of type T.
//
// The zero Stream is not usable; streams are made by the factories in this
// package ([Of], [NewSubject], [Create], ...) and by operators.
type Stream[T any] struct {
	// What an emission reads comes first, on the first cache line.
	sinks []sink[T]   // in step with node.edges
	rel   releaser[T] // sinks[0] when it is the only sink and a releaser
	node
	has    bool
	mem    bool // memory stream: replays its last value
	last   T
	name   string // the operator that made the stream, for errors
	prod   producer[T]
	target *Stream[T] // set by Imitate: listeners go there
}

func newStream[T any](name string, p producer[T], rank int) *Stream[T] {
	s := &Stream[T]{name: name, prod: p}
	s.rank = rank
	return s
}

// rankAfter gives the rank of a stream computed from the given inputs.
func rankAfter(ranks ...int) int {
	r := 0
	for _, x := range ranks {
		if x > r {
			r = x
		}
	}
	return r + 1
}

// Subscribe adds a listener to the stream and returns the function that
// removes it. The first listener starts the stream's producer. When the
// last one leaves, the producer stops at the end of the transaction,
// unless a listener has come back by then: leaving and joining again
// while a value is being emitted keeps a stream running and keeps its
// state. Calling cancel more than once is harmless.
func (s *Stream[T]) Subscribe(l Listener[T]) (cancel func()) {
	ls := &listenerSink[T]{l: l}
	tx, outermost := s.enter()
	if outermost {
		defer tx.release()
	}
	s.add(tx, ls, nil)
	if outermost {
		tx.finish()
	}
	return func() { s.unsubscribe(ls) }
}

func (s *Stream[T]) unsubscribe(ls *listenerSink[T]) {
	if ls.done {
		return
	}
	ls.done = true
	tx, outermost := s.enter()
	if outermost {
		defer tx.release()
	}
	s.remove(tx, ls)
	if outermost {
		tx.finish()
	}
}

type listenerSink[T any] struct {
	l    Listener[T]
	done bool
}

func (ls *listenerSink[T]) next(_ *txn, v T) {
	if !ls.done && ls.l.Next != nil {
		ls.l.Next(v)
	}
}

func (ls *listenerSink[T]) fail(_ *txn, err error) {
	if ls.done {
		return
	}
	ls.done = true
	if ls.l.Error != nil {
		ls.l.Error(err)
	}
}

func (ls *listenerSink[T]) end(*txn) {
	if ls.done {
		return
	}
	ls.done = true
	if ls.l.Complete != nil {
		ls.l.Complete()
	}
}

// add registers k. The first sink starts the producer; a memory stream
// replays its last value to a sink that arrives while it is running,
// including one that comes back before a pending stop.
//
// e is k's edge in the graph, nil for a listener.
func (s *Stream[T]) add(tx *txn, k sink[T], e *edge) {
	viaProxy := false
	for s.target != nil {
		s, viaProxy = s.target, true
	}
	s.addEdge(tx, e, viaProxy)
	s.sinks = append(s.sinks, k)
	s.sinksChanged()
	if len(s.sinks) > 1 || s.active {
		s.idle = false
		if s.mem && s.has {
			k.next(tx, s.last)
		}
		return
	}
	s.active, s.keep = true, s.mem
	if s.prod != nil {
		s.prod.start(tx, s)
	}
}

// remove unregisters k. A stream that loses its last sink waits for the
// end of the transaction to stop (see txn.runStops); so does one whose
// sinks left all feed a cycle back into itself, as in xstream, or a loop
// through a proxy would run for good once its listeners are gone. The
// slice is copied rather than edited in place, because an emission may
// be iterating over it right now.
func (s *Stream[T]) remove(tx *txn, k sink[T]) {
	for s.target != nil {
		s = s.target
	}
	i := -1
	for j, x := range s.sinks {
		if x == k {
			i = j
			break
		}
	}
	if i < 0 {
		return
	}
	if s.removeEdge(tx, i, s) {
		s.sinks = nil
		s.rel = nil
		return
	}
	ns := make([]sink[T], 0, len(s.sinks)-1)
	ns = append(ns, s.sinks[:i]...)
	s.sinks = append(ns, s.sinks[i+1:]...)
	s.sinksChanged()
	if s.feedsOnlyItself() {
		s.queuePrune(tx, s)
	}
}

// sinksChanged notes whether the only sink of s is a releaser.
func (s *Stream[T]) sinksChanged() {
	s.rel = nil
	if len(s.sinks) == 1 {
		s.rel, _ = s.sinks[0].(releaser[T])
	}
}

// cutLoop removes the sinks of a stream that only feeds a cycle back into
// itself (see queuePrune).
func (s *Stream[T]) cutLoop(tx *txn) {
	for len(s.sinks) > 0 {
		s.remove(tx, s.sinks[len(s.sinks)-1])
	}
}

func (s *Stream[T]) stopNow(tx *txn) {
	s.idle = false
	s.has = false
	var zero T
	s.last = zero
	if s.active {
		s.active, s.keep = false, false
		if s.prod != nil {
			s.prod.stop(tx)
		}
	}
}

// next emits v. A stream that was stopped while the emission was on its
// way (its sink list was copied before) has no sinks left; a memory
// stream must not keep the value either, or it would replay it after a
// restart: keep is mem while the stream runs. next must stay small
// enough to be inlined: it runs once per value and operator.
func (s *Stream[T]) next(tx *txn, v T) {
	if s.keep {
		s.last, s.has = v, true
	}
	for _, k := range s.sinks {
		k.next(tx, v)
	}
}

// teardown forgets every sink and stops the producer, returning the sinks
// that must still be told why. As in xstream, an error or a completion
// stops the stream at once.
func (s *Stream[T]) teardown(tx *txn) []sink[T] {
	ks := s.sinks
	s.sinks, s.rel = nil, nil
	if len(ks) > 0 {
		// An emission in flight goes on over this list (see next), for a
		// run that has ended: each sink in it is told so, and must hear
		// nothing more, not even an operator that a restart takes back,
		// the same sink again. The list it goes on over is emptied.
		live := append([]sink[T](nil), ks...)
		ended := &listenerSink[T]{done: true}
		for i := range ks {
			ks[i] = ended
		}
		ks = live
	}
	s.forgetEdges()
	s.stopNow(tx)
	return ks
}

func (s *Stream[T]) fail(tx *txn, err error) {
	if !s.active {
		return
	}
	if err == nil {
		err = errors.New("stream: nil error emitted on " + s.name)
	}
	for _, k := range s.teardown(tx) {
		k.fail(tx, err)
	}
}

func (s *Stream[T]) end(tx *txn) {
	if !s.active {
		return
	}
	for _, k := range s.teardown(tx) {
		k.end(tx)
	}
}

// emitting reports whether out still has a running producer; producers use
// it to stop a loop once a listener such as Take has torn the stream down.
func (s *Stream[T]) emitting() bool { return s.active }

// Imitate makes s, a stream made by [NewProxy], mirror target: every
// listener of s, now and later, listens to target instead. It is how cyclic
// dependencies are written: make a proxy, use it, and imitate the stream
// that depends on it.
//
// Imitate returns an error if s is not a proxy, already imitates a stream,
// or if target is s itself.
func (s *Stream[T]) Imitate(target *Stream[T]) error {
	switch {
	case target == nil:
		return errors.New("stream: Imitate(nil): give the stream the proxy should mirror")
	case s.name != "proxy":
		return errors.New("stream: Imitate on a " + s.name + " stream: only a stream made by NewProxy can imitate another")
	case s.target != nil:
		return errors.New("stream: Imitate called twice on the same proxy")
	}
	for t := target; t != nil; t = t.target {
		if t == s {
			return errors.New("stream: Imitate would make the proxy mirror itself")
		}
	}
	ks, es := s.sinks, s.edges
	s.sinks, s.rel, s.edges, s.listeners, s.active, s.idle = nil, nil, nil, 0, false, false
	s.target, s.imitates = target, &target.node
	if len(ks) == 0 {
		return nil
	}
	tx, outermost := s.enter()
	if outermost {
		defer tx.release()
	}
	for i, k := range ks {
		s.add(tx, k, es[i]) // to target, through the proxy
	}
	if outermost {
		tx.finish()
	}
	return nil
}

// NewProxy returns a stream with no producer of its own, to be used before
// the stream it stands for exists and then tied to it with
// [Stream.Imitate].
func NewProxy[T any]() *Stream[T] {
	return newStream[T]("proxy", nil, 0)
}

// emitRoot, failRoot and endRoot emit from outside the graph: from a
// Subject, a user producer or a timer. Called from a listener of the same
// graph, they join the running transaction.
//
// An outermost call defers the release of its transaction, so that a
// panic from a listener does not leave it busy for good. When the only
// sink of s is a releaser, that sink releases the transaction instead,
// if a panic from downstream passes through it: no frame that could
// recover a panic lies between the two, and a second defer per value
// would cost more than the rest of the emission.
func (s *Stream[T]) emitRoot(v T) {
	tx := s.txn()
	if tx.busy {
		s.next(tx, v)
		return
	}
	tx.begin()
	if r := s.rel; r != nil {
		if s.keep {
			s.last, s.has = v, true
		}
		r.nextReleasing(tx, v)
		tx.finishReleasing()
		return
	}
	defer tx.release()
	s.next(tx, v)
	tx.finish()
}

func (s *Stream[T]) failRoot(err error) {
	tx, outermost := s.enter()
	if outermost {
		defer tx.release()
	}
	s.fail(tx, err)
	if outermost {
		tx.finish()
	}
}

func (s *Stream[T]) endRoot() {
	tx, outermost := s.enter()
	if outermost {
		defer tx.release()
	}
	s.end(tx)
	if outermost {
		tx.finish()
	}
}
