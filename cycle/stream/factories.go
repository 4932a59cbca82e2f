package stream

// Of returns a stream that emits vs, in order, to its first listener and
// completes. Each time it is started again it emits them again.
func Of[T any](vs ...T) *Stream[T] {
	return newStream[T]("Of", &sliceProducer[T]{vs: vs}, 0)
}

// FromSlice is [Of] for a slice that already exists. The slice is read
// when the stream starts, not copied.
func FromSlice[T any](vs []T) *Stream[T] {
	return newStream[T]("FromSlice", &sliceProducer[T]{vs: vs}, 0)
}

type sliceProducer[T any] struct{ vs []T }

func (p *sliceProducer[T]) start(tx *txn, out *Stream[T]) {
	for _, v := range p.vs {
		if !out.emitting() {
			return
		}
		out.next(tx, v)
	}
	if out.emitting() {
		out.end(tx)
	}
}

func (p *sliceProducer[T]) stop(*txn) {}

// Never returns a stream that never emits, errors or completes.
func Never[T any]() *Stream[T] {
	return newStream[T]("Never", nopProducer[T]{}, 0)
}

type nopProducer[T any] struct{}

func (nopProducer[T]) start(*txn, *Stream[T]) {}
func (nopProducer[T]) stop(*txn)              {}

// Empty returns a stream that completes as soon as it is started.
func Empty[T any]() *Stream[T] {
	return newStream[T]("Empty", emptyProducer[T]{}, 0)
}

type emptyProducer[T any] struct{}

func (emptyProducer[T]) start(tx *txn, out *Stream[T]) { out.end(tx) }
func (emptyProducer[T]) stop(*txn)                     {}

// Throw returns a stream that errors with err as soon as it is started.
func Throw[T any](err error) *Stream[T] {
	return newStream[T]("Throw", throwProducer[T]{err}, 0)
}

type throwProducer[T any] struct{ err error }

func (p throwProducer[T]) start(tx *txn, out *Stream[T]) { out.fail(tx, p.err) }
func (throwProducer[T]) stop(*txn)                       {}

// Merge returns a stream that emits every value of every input as it
// arrives. It completes when all inputs have completed and errors as soon
// as one input errors.
func Merge[T any](ins ...*Stream[T]) *Stream[T] {
	ranks := make([]int, len(ins))
	for i, in := range ins {
		ranks[i] = in.rank
	}
	m := &mergeOp[T]{ins: ins}
	return newStream[T]("Merge", m, rankAfter(ranks...))
}

type mergeOp[T any] struct {
	ins   []*Stream[T]
	out   *Stream[T]
	ports []*mergePort[T]
	left  int
}

type mergePort[T any] struct {
	m    *mergeOp[T]
	e    edge
	done bool
}

func (p *mergePort[T]) next(tx *txn, v T) {
	if !p.done {
		p.m.out.next(tx, v)
	}
}

func (p *mergePort[T]) fail(tx *txn, err error) {
	if !p.done {
		p.done = true
		p.m.out.fail(tx, err)
	}
}

func (p *mergePort[T]) end(tx *txn) {
	if p.done {
		return
	}
	p.done = true
	p.m.left--
	if p.m.left == 0 {
		p.m.out.end(tx)
	}
}

func (m *mergeOp[T]) start(tx *txn, out *Stream[T]) {
	m.out = out
	m.left = len(m.ins)
	m.ports = make([]*mergePort[T], len(m.ins))
	for i := range m.ins {
		m.ports[i] = &mergePort[T]{m: m, e: edge{to: &out.node}}
	}
	if len(m.ins) == 0 {
		out.end(tx)
		return
	}
	for i, in := range m.ins {
		if !out.emitting() {
			return
		}
		in.add(tx, m.ports[i], &m.ports[i].e)
	}
}

func (m *mergeOp[T]) stop(tx *txn) {
	for i, in := range m.ins {
		m.ports[i].done = true
		in.remove(tx, m.ports[i])
	}
}

// Concat returns a stream that emits all of the first input, then, once it
// has completed, all of the second, and so on. Each input is started only
// when its turn comes.
func Concat[T any](ins ...*Stream[T]) *Stream[T] {
	ranks := make([]int, len(ins))
	for i, in := range ins {
		ranks[i] = in.rank
	}
	return newStream[T]("Concat", &concatOp[T]{ins: ins}, rankAfter(ranks...))
}

type concatOp[T any] struct {
	ins []*Stream[T]
	out *Stream[T]
	i   int
	cur *forward[T]
}

// forward passes values to out and reports the end of its input to onEnd;
// dead forwards from an earlier input are inert.
type forward[T any] struct {
	out    *Stream[T]
	onEnd  func(tx *txn)
	onFail func(tx *txn, err error) // nil: out fails
	e      edge
	dead   bool
}

func newForward[T any](out *Stream[T]) *forward[T] {
	return &forward[T]{out: out, e: edge{to: &out.node}}
}

func (f *forward[T]) next(tx *txn, v T) {
	if !f.dead {
		f.out.next(tx, v)
	}
}

func (f *forward[T]) fail(tx *txn, err error) {
	if f.dead {
		return
	}
	f.dead = true
	if f.onFail != nil {
		f.onFail(tx, err)
		return
	}
	f.out.fail(tx, err)
}

func (f *forward[T]) end(tx *txn) {
	if !f.dead {
		f.dead = true
		f.onEnd(tx)
	}
}

func (c *concatOp[T]) start(tx *txn, out *Stream[T]) {
	c.out = out
	c.i = 0
	c.subscribeCurrent(tx)
}

func (c *concatOp[T]) subscribeCurrent(tx *txn) {
	if c.i >= len(c.ins) {
		c.cur = nil
		c.out.end(tx)
		return
	}
	f := newForward(c.out)
	f.onEnd = func(tx *txn) {
		c.ins[c.i].remove(tx, f)
		c.i++
		c.subscribeCurrent(tx)
	}
	c.cur = f
	c.ins[c.i].add(tx, f, &f.e)
}

func (c *concatOp[T]) stop(tx *txn) {
	if c.cur != nil && c.i < len(c.ins) {
		c.cur.dead = true
		c.ins[c.i].remove(tx, c.cur)
	}
	c.cur = nil
}
