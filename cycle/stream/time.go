package stream

import "time"

// Scheduler is where time-based operators get their time. A scheduler runs
// f on the loop that owns the streams, never concurrently with another
// emission: the cycle package's app loop is one, and streamtest's virtual
// scheduler is another, under which tests control time.
type Scheduler interface {
	// Now returns the scheduler's current time.
	Now() time.Time
	// AfterFunc arranges for f to run once, d from now. cancel prevents
	// that if it has not happened yet; calling it later is harmless.
	AfterFunc(d time.Duration, f func()) (cancel func())
}

// Periodic returns a stream that emits 0, 1, 2, ... every period, starting
// one period after its first listener subscribes.
func Periodic(sch Scheduler, period time.Duration) *Stream[int] {
	return newStream[int]("Periodic", &periodicProducer{sch: sch, period: period}, 0)
}

type periodicProducer struct {
	sch    Scheduler
	period time.Duration
	out    *Stream[int]
	i      int
	cancel func()
}

func (p *periodicProducer) start(_ *txn, out *Stream[int]) {
	p.out, p.i = out, 0
	p.schedule()
}

func (p *periodicProducer) schedule() {
	p.cancel = p.sch.AfterFunc(p.period, p.tick)
}

func (p *periodicProducer) tick() {
	i := p.i
	p.i++
	p.schedule()
	p.out.emitRoot(i)
}

func (p *periodicProducer) stop(*txn) {
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
}

// Debounce returns a stream that emits a value of s only once s has been
// silent for d after it. A value that is still waiting when s completes is
// emitted before completion.
func (s *Stream[T]) Debounce(sch Scheduler, d time.Duration) *Stream[T] {
	op := &debounceOp[T]{sch: sch, d: d}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T]("Debounce", op, s.rank+1)
}

type debounceOp[T any] struct {
	pipe[T, T]
	sch    Scheduler
	d      time.Duration
	cancel func()
	has    bool
	v      T
}

func (op *debounceOp[T]) clearTimer() {
	if op.cancel != nil {
		op.cancel()
		op.cancel = nil
	}
}

func (op *debounceOp[T]) next(_ *txn, v T) {
	if !op.out.active {
		return
	}
	op.clearTimer()
	op.has, op.v = true, v
	op.cancel = op.sch.AfterFunc(op.d, func() {
		op.cancel = nil
		v := op.take()
		op.out.emitRoot(v)
	})
}

func (op *debounceOp[T]) take() T {
	var zero T
	v := op.v
	op.has, op.v = false, zero
	return v
}

func (op *debounceOp[T]) end(tx *txn) {
	op.clearTimer()
	if op.has {
		op.out.next(tx, op.take())
	}
	op.out.end(tx)
}

func (op *debounceOp[T]) fail(tx *txn, err error) {
	op.clearTimer()
	op.take()
	op.out.fail(tx, err)
}

func (op *debounceOp[T]) stop(tx *txn) {
	op.clearTimer()
	op.take()
	op.pipe.stop(tx)
}

// Throttle returns a stream that emits a value of s and then ignores s for
// d: at most one value per d, the first of each burst.
func (s *Stream[T]) Throttle(sch Scheduler, d time.Duration) *Stream[T] {
	op := &throttleOp[T]{sch: sch, d: d}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T]("Throttle", op, s.rank+1)
}

type throttleOp[T any] struct {
	pipe[T, T]
	sch    Scheduler
	d      time.Duration
	cancel func()
}

func (op *throttleOp[T]) next(tx *txn, v T) {
	if op.cancel != nil || !op.out.active {
		return
	}
	op.cancel = op.sch.AfterFunc(op.d, func() { op.cancel = nil })
	op.out.next(tx, v)
}

func (op *throttleOp[T]) stop(tx *txn) {
	if op.cancel != nil {
		op.cancel()
		op.cancel = nil
	}
	op.pipe.stop(tx)
}

// Delay returns a stream that emits every value of s, and its completion
// or error, d later.
func (s *Stream[T]) Delay(sch Scheduler, d time.Duration) *Stream[T] {
	op := &delayOp[T]{sch: sch, d: d, timers: map[int]func(){}}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T]("Delay", op, s.rank+1)
}

type delayOp[T any] struct {
	pipe[T, T]
	sch    Scheduler
	d      time.Duration
	timers map[int]func()
	id     int
}

func (op *delayOp[T]) later(f func()) {
	if !op.out.active {
		return
	}
	op.id++
	id := op.id
	op.timers[id] = op.sch.AfterFunc(op.d, func() {
		delete(op.timers, id)
		f()
	})
}

func (op *delayOp[T]) next(_ *txn, v T) {
	op.later(func() { op.out.emitRoot(v) })
}

func (op *delayOp[T]) end(*txn) {
	op.later(op.out.endRoot)
}

func (op *delayOp[T]) fail(_ *txn, err error) {
	op.later(func() { op.out.failRoot(err) })
}

func (op *delayOp[T]) stop(tx *txn) {
	for id, cancel := range op.timers {
		cancel()
		delete(op.timers, id)
	}
	op.pipe.stop(tx)
}
