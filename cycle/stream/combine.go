package stream

// combinerCore is what an input slot reports to.
type combinerCore interface {
	touched(tx *txn, first bool)
	ended(tx *txn)
	failed(tx *txn, err error)
}

// attachable is an input slot of any element type.
type attachable interface {
	attach(tx *txn, to *node)
	detach(tx *txn)
}

// slot holds the latest value of one input of a combining operator.
type slot[T any] struct {
	core combinerCore
	in   *Stream[T]
	e    edge
	v    T
	has  bool
	done bool
}

func newSlot[T any](core combinerCore, in *Stream[T]) *slot[T] {
	return &slot[T]{core: core, in: in}
}

func (s *slot[T]) next(tx *txn, v T) {
	if s.done {
		return
	}
	first := !s.has
	s.v, s.has = v, true
	s.core.touched(tx, first)
}

func (s *slot[T]) fail(tx *txn, err error) {
	if !s.done {
		s.done = true
		s.core.failed(tx, err)
	}
}

func (s *slot[T]) end(tx *txn) {
	if !s.done {
		s.done = true
		s.core.ended(tx)
	}
}

func (s *slot[T]) attach(tx *txn, to *node) {
	var zero T
	s.v, s.has, s.done = zero, false, false
	s.e.to = to
	s.in.add(tx, s, &s.e)
}

func (s *slot[T]) detach(tx *txn) {
	s.done = true
	s.in.remove(tx, s)
}

// combiner emits compute() once per transaction in which any input
// changed, after every input has a value. It completes when all inputs
// have completed and errors when one errors.
type combiner[R any] struct {
	name    string
	slots   []attachable
	compute func() R
	out     *Stream[R]
	missing int
	left    int
	dirty   mark
}

func newCombiner[R any](name string, ranks ...int) (*combiner[R], *Stream[R]) {
	c := &combiner[R]{name: name}
	return c, newStream[R](name, c, rankAfter(ranks...))
}

func (c *combiner[R]) start(tx *txn, out *Stream[R]) {
	c.out = out
	c.missing, c.left = len(c.slots), len(c.slots)
	c.dirty.reset()
	if len(c.slots) == 0 {
		out.end(tx)
		return
	}
	for _, s := range c.slots {
		if !out.emitting() {
			return
		}
		s.attach(tx, &out.node)
	}
}

func (c *combiner[R]) stop(tx *txn) {
	c.dirty.reset()
	for _, s := range c.slots {
		s.detach(tx)
	}
}

func (c *combiner[R]) flushRank() int { return c.out.rank }

func (c *combiner[R]) touched(tx *txn, first bool) {
	if first {
		c.missing--
	}
	if c.missing == 0 && !c.dirty.in(tx) {
		c.dirty.set(tx)
		tx.schedule(c)
	}
}

func (c *combiner[R]) flush(tx *txn) {
	if !c.dirty.in(tx) {
		return
	}
	c.dirty.reset()
	if !c.out.emitting() {
		return
	}
	r, err := guard(c.name, c.compute)
	if err != nil {
		c.out.fail(tx, err)
		return
	}
	c.out.next(tx, r)
}

func (c *combiner[R]) ended(tx *txn) {
	c.left--
	if c.left == 0 {
		c.flush(tx)
		c.out.end(tx)
	}
}

func (c *combiner[R]) failed(tx *txn, err error) { c.out.fail(tx, err) }

// Combine2 returns a stream that emits f(a, b) with the latest values of a
// and b, once both have emitted and then whenever either emits. Within one
// transaction it emits at most once, after all its inputs have settled, so
// Combine2(a, Map(a, g), f) never sees a new a with an old g(a); only a
// value that comes round a cycle back to it makes it emit again.
func Combine2[A, B, R any](a *Stream[A], b *Stream[B], f func(A, B) R) *Stream[R] {
	c, out := newCombiner[R]("Combine2", a.rank, b.rank)
	sa, sb := newSlot(c, a), newSlot(c, b)
	c.slots = []attachable{sa, sb}
	c.compute = func() R { return f(sa.v, sb.v) }
	return out
}

// Combine3 is [Combine2] for three streams.
func Combine3[A, B, C, R any](a *Stream[A], b *Stream[B], c *Stream[C], f func(A, B, C) R) *Stream[R] {
	cb, out := newCombiner[R]("Combine3", a.rank, b.rank, c.rank)
	sa, sb, sc := newSlot(cb, a), newSlot(cb, b), newSlot(cb, c)
	cb.slots = []attachable{sa, sb, sc}
	cb.compute = func() R { return f(sa.v, sb.v, sc.v) }
	return out
}

// Combine4 is [Combine2] for four streams.
func Combine4[A, B, C, D, R any](a *Stream[A], b *Stream[B], c *Stream[C], d *Stream[D], f func(A, B, C, D) R) *Stream[R] {
	cb, out := newCombiner[R]("Combine4", a.rank, b.rank, c.rank, d.rank)
	sa, sb, sc, sd := newSlot(cb, a), newSlot(cb, b), newSlot(cb, c), newSlot(cb, d)
	cb.slots = []attachable{sa, sb, sc, sd}
	cb.compute = func() R { return f(sa.v, sb.v, sc.v, sd.v) }
	return out
}

// Combine returns a stream that emits the latest values of all inputs, in
// input order, as a new slice each time; it follows the rules of
// [Combine2]. With no inputs it completes at once.
func Combine[T any](ins ...*Stream[T]) *Stream[[]T] {
	ranks := make([]int, len(ins))
	for i, in := range ins {
		ranks[i] = in.rank
	}
	c, out := newCombiner[[]T]("Combine", ranks...)
	slots := make([]*slot[T], len(ins))
	c.slots = make([]attachable, len(ins))
	for i, in := range ins {
		slots[i] = newSlot(c, in)
		c.slots[i] = slots[i]
	}
	c.compute = func() []T {
		vs := make([]T, len(slots))
		for i, s := range slots {
			vs[i] = s.v
		}
		return vs
	}
	return out
}

// SampleCombine returns a stream that emits f(v, latest) for every value v
// of s, where latest is the latest value of other; values of s that arrive
// before other has emitted are dropped. Like the combiners, it emits at
// the end of the transaction, so latest is the value other settles on
// after everything v caused. It completes when s completes.
func SampleCombine[T, U, R any](s *Stream[T], other *Stream[U], f func(T, U) R) *Stream[R] {
	op := &sampleOp[T, U, R]{src: s, f: f}
	op.other = newSlot[U](op, other)
	return newStream[R]("SampleCombine", op, rankAfter(s.rank, other.rank))
}

type sampleOp[T, U, R any] struct {
	src   *Stream[T]
	other *slot[U]
	f     func(T, U) R
	out   *Stream[R]
	e     edge
	queue []T
	spare []T // the other buffer, so that flush can emit from one while
	// listeners of this very emission queue new values in the other
	// queued says that queue holds values of this transaction; a queue
	// from a transaction that a panic cut short is dropped, not emitted.
	queued mark
}

func (op *sampleOp[T, U, R]) start(tx *txn, out *Stream[R]) {
	op.out = out
	op.dropQueue()
	op.other.e.sampled = true
	op.other.attach(tx, &out.node)
	if out.emitting() {
		op.e.to = &out.node
		op.src.add(tx, op, &op.e)
	}
}

func (op *sampleOp[T, U, R]) stop(tx *txn) {
	op.dropQueue()
	op.other.detach(tx)
	op.src.remove(tx, op)
}

func (op *sampleOp[T, U, R]) dropQueue() {
	op.queued.reset()
	clear(op.queue)
	op.queue = op.queue[:0]
}

func (op *sampleOp[T, U, R]) flushRank() int { return op.out.rank }

// next, fail and end receive the sampled stream.
func (op *sampleOp[T, U, R]) next(tx *txn, v T) {
	if !op.out.active {
		return
	}
	if !op.queued.in(tx) {
		op.dropQueue()
		op.queued.set(tx)
		tx.schedule(op)
	}
	op.queue = append(op.queue, v)
}

func (op *sampleOp[T, U, R]) fail(tx *txn, err error) { op.out.fail(tx, err) }

func (op *sampleOp[T, U, R]) end(tx *txn) {
	op.flush(tx)
	op.out.end(tx)
}

func (op *sampleOp[T, U, R]) flush(tx *txn) {
	if !op.queued.in(tx) {
		return
	}
	op.queued.reset()
	q := op.queue
	op.queue, op.spare = op.spare[:0], nil
	defer func() {
		clear(q)
		if op.spare == nil {
			op.spare = q[:0]
		}
	}()
	for i := 0; i < len(q) && op.out.emitting(); i++ {
		if !op.other.has {
			continue
		}
		r, err := call2("SampleCombine", op.f, q[i], op.other.v)
		if err != nil {
			op.dropQueue()
			op.out.fail(tx, err)
			return
		}
		op.out.next(tx, r)
	}
}

// touched, ended and failed receive the other stream.
func (op *sampleOp[T, U, R]) touched(*txn, bool)        {}
func (op *sampleOp[T, U, R]) ended(*txn)                {}
func (op *sampleOp[T, U, R]) failed(tx *txn, err error) { op.out.fail(tx, err) }
