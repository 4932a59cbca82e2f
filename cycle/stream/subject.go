package stream

// Subject is a stream that is fed by calling its methods. Drivers use it to
// turn outside events into a stream, and tests use it to drive a pipeline
// by hand. Values sent while the stream has no listener are dropped: a
// stream is hot.
type Subject[T any] struct {
	s *Stream[T]
}

// NewSubject returns a Subject with no listener.
func NewSubject[T any]() *Subject[T] {
	return &Subject[T]{s: newStream[T]("Subject", nil, 0)}
}

// Stream returns the stream that the subject feeds.
func (s *Subject[T]) Stream() *Stream[T] { return s.s }

// Next emits v to every current listener before it returns.
func (s *Subject[T]) Next(v T) { s.s.emitRoot(v) }

// Error ends the stream with err; current listeners receive it and are
// removed.
func (s *Subject[T]) Error(err error) { s.s.failRoot(err) }

// Complete ends the stream; current listeners are told and removed.
func (s *Subject[T]) Complete() { s.s.endRoot() }

// Producer feeds a stream made by [Create]. Start is called when the
// stream gets its first listener, with a listener that emits on the
// stream; Stop is called when the stream ends, or when its last listener
// has left and the transaction in which it left ends with none back.
// A producer may be started again after it was stopped.
type Producer[T any] interface {
	Start(l Listener[T])
	Stop()
}

// NewProducer makes a Producer from two functions; stop may be nil.
func NewProducer[T any](start func(l Listener[T]), stop func()) Producer[T] {
	return funcProducer[T]{start, stop}
}

type funcProducer[T any] struct {
	startF func(Listener[T])
	stopF  func()
}

func (p funcProducer[T]) Start(l Listener[T]) { p.startF(l) }
func (p funcProducer[T]) Stop() {
	if p.stopF != nil {
		p.stopF()
	}
}

// Create returns a stream fed by p. A panic in p.Start becomes a
// *PanicError on the stream; a panic of a listener that p.Start's own
// emissions reach is that listener's, and is not turned into an error.
func Create[T any](p Producer[T]) *Stream[T] {
	return newStream[T]("Create", &userProducer[T]{p: p}, 0)
}

type userProducer[T any] struct {
	p       Producer[T]
	out     *Stream[T]
	running bool
	gen     int // start generation, so a listener from an old start is inert
}

func (u *userProducer[T]) start(_ *txn, out *Stream[T]) {
	u.out = out
	u.running = true
	u.gen++
	gen := u.gen
	live := func() bool { return u.running && u.gen == gen }
	// downstream is set while Start's own emissions run the listeners: a
	// panic from there is a listener's, and goes on to whoever emitted,
	// as from any other emission, instead of coming back to the
	// listeners as the producer's error.
	downstream := false
	l := Listener[T]{
		Next: func(v T) {
			if live() {
				downstream = true
				out.emitRoot(v)
				downstream = false
			}
		},
		Error: func(err error) {
			if live() {
				downstream = true
				out.failRoot(err)
				downstream = false
			}
		},
		Complete: func() {
			if live() {
				downstream = true
				out.endRoot()
				downstream = false
			}
		},
	}
	defer func() {
		if r := recover(); r != nil {
			if downstream {
				panic(r)
			}
			l.Error(recovered("Create", r))
		}
	}()
	u.p.Start(l)
}

func (u *userProducer[T]) stop(*txn) {
	if u.running {
		u.running = false
		u.p.Stop()
	}
}
