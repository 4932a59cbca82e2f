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

// producer feeds a stream while the stream has listeners.
type producer[T any] interface {
	start(tx *txn, out *Stream[T])
	stop()
}

// Stream is a hot, synchronous, multicast stream of values of type T.
//
// The zero Stream is not usable; streams are made by the factories in this
// package ([Of], [NewSubject], [Create], ...) and by operators.
type Stream[T any] struct {
	name   string // the operator that made the stream, for errors
	prod   producer[T]
	sinks  []sink[T]
	target *Stream[T] // set by Imitate: listeners go there
	rank   int        // depth in the graph, orders pending combiners
	active bool       // the producer has been started and not stopped
	ended  bool       // the stream errored or completed since it last started
	mem    bool       // memory stream: replays its last value
	has    bool
	last   T
	tx     *txn // reused for emissions that start at this stream
}

func newStream[T any](name string, p producer[T], rank int) *Stream[T] {
	return &Stream[T]{name: name, prod: p, rank: rank}
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

// rootTx opens a transaction for an emission that starts at s. The cached
// transaction is reused unless it is busy: s is emitting already (a
// re-entrant call), or a panic went through an emission that did not
// release it. A new transaction then takes its place in the cache, so
// that a transaction left busy by a panic costs one allocation, not one
// per emission from then on.
func (s *Stream[T]) rootTx() *txn {
	if t := s.tx; t != nil && !t.busy {
		t.busy = true
		return t
	}
	t := &txn{busy: true}
	s.tx = t
	return t
}

// Subscribe adds a listener to the stream and returns the function that
// removes it. The first listener starts the stream's producer; removing the
// last one stops it. Calling cancel more than once is harmless.
func (s *Stream[T]) Subscribe(l Listener[T]) (cancel func()) {
	ls := &listenerSink[T]{l: l}
	tx := s.rootTx()
	defer tx.release()
	s.add(tx, ls)
	tx.run()
	return func() {
		if ls.done {
			return
		}
		ls.done = true
		s.remove(ls)
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
// replays its last value to a sink that arrives while it is running.
func (s *Stream[T]) add(tx *txn, k sink[T]) {
	if s.target != nil {
		s.target.add(tx, k)
		return
	}
	s.sinks = append(s.sinks, k)
	if len(s.sinks) > 1 || s.active {
		if s.mem && s.has {
			k.next(tx, s.last)
		}
		return
	}
	if s.prod != nil {
		s.active = true
		s.ended = false
		s.prod.start(tx, s)
	}
}

// remove unregisters k; removing the last sink stops the producer. The
// slice is copied rather than edited in place, because an emission may be
// iterating over it right now.
func (s *Stream[T]) remove(k sink[T]) {
	if s.target != nil {
		s.target.remove(k)
		return
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
	if len(s.sinks) == 1 {
		s.sinks = nil
		s.stopNow()
		return
	}
	ns := make([]sink[T], 0, len(s.sinks)-1)
	ns = append(ns, s.sinks[:i]...)
	s.sinks = append(ns, s.sinks[i+1:]...)
}

func (s *Stream[T]) stopNow() {
	s.has = false
	var zero T
	s.last = zero
	if s.active {
		s.active = false
		if s.prod != nil {
			s.prod.stop()
		}
	}
}

func (s *Stream[T]) next(tx *txn, v T) {
	if s.mem {
		s.last, s.has = v, true
	}
	for _, k := range s.sinks {
		k.next(tx, v)
	}
}

// teardown forgets every sink and stops the producer, returning the sinks
// that must still be told why.
func (s *Stream[T]) teardown() []sink[T] {
	ks := s.sinks
	s.sinks = nil
	s.ended = true
	s.stopNow()
	return ks
}

func (s *Stream[T]) fail(tx *txn, err error) {
	if err == nil {
		err = errors.New("stream: nil error emitted on " + s.name)
	}
	for _, k := range s.teardown() {
		k.fail(tx, err)
	}
}

func (s *Stream[T]) end(tx *txn) {
	for _, k := range s.teardown() {
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
	s.target = target
	s.rank = target.rank
	ks := s.sinks
	s.sinks = nil
	if len(ks) > 0 {
		tx := target.rootTx()
		defer tx.release()
		for _, k := range ks {
			target.add(tx, k)
		}
		tx.run()
	}
	return nil
}

// NewProxy returns a stream with no producer of its own, to be used before
// the stream it stands for exists and then tied to it with
// [Stream.Imitate].
func NewProxy[T any]() *Stream[T] {
	return newStream[T]("proxy", nil, 0)
}

// emitRoot, failRoot and endRoot start an emission outside any other: from
// a Subject, a user producer or a timer.
//
// emitRoot, the path of every value a driver sends, releases its
// transaction without a defer, which would cost a call per value: if a
// listener panics, the transaction stays busy and the next emission from s
// replaces it (see rootTx). Its pending combiners are dropped either way.
func (s *Stream[T]) emitRoot(v T) {
	tx := s.rootTx()
	s.next(tx, v)
	tx.run()
	tx.release()
}

func (s *Stream[T]) failRoot(err error) {
	tx := s.rootTx()
	defer tx.release()
	s.fail(tx, err)
	tx.run()
}

func (s *Stream[T]) endRoot() {
	tx := s.rootTx()
	defer tx.release()
	s.end(tx)
	tx.run()
}
