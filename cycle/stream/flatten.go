package stream

// Flatten returns a stream that emits the values of the latest stream that
// s emitted. When s emits a new inner stream, Flatten stops listening to
// the previous one (which stops at the end of the transaction if nothing
// listens to it by then, so that two inner streams of one upstream share
// it across a switch) and switches:
// the "switch to latest" that makes a search box show only the answer to
// its last query. It completes when s and the current inner stream have
// completed. A nil inner stream means "none".
func Flatten[T any](s *Stream[*Stream[T]]) *Stream[T] {
	op := &flattenOp[T]{}
	op.pipe = pipe[*Stream[T], T]{in: s, self: op}
	return newStream[T]("Flatten", op, s.rank+1)
}

type flattenOp[T any] struct {
	pipe[*Stream[T], T]
	cur       *Stream[T]
	curSink   *forward[T]
	outerDone bool
}

func (op *flattenOp[T]) start(tx *txn, out *Stream[T]) {
	op.outerDone, op.cur, op.curSink = false, nil, nil
	op.pipe.start(tx, out)
}

func (op *flattenOp[T]) dropCurrent(tx *txn) {
	if op.cur != nil {
		op.curSink.dead = true
		op.cur.remove(tx, op.curSink)
		op.cur, op.curSink = nil, nil
	}
}

func (op *flattenOp[T]) next(tx *txn, inner *Stream[T]) {
	op.dropCurrent(tx)
	if inner == nil {
		return
	}
	f := newForward(op.out)
	f.onEnd = func(tx *txn) {
		if op.curSink == f {
			op.cur, op.curSink = nil, nil
			if op.outerDone {
				op.out.end(tx)
			}
		}
	}
	op.cur, op.curSink = inner, f
	inner.add(tx, f, &f.e)
}

func (op *flattenOp[T]) end(tx *txn) {
	op.outerDone = true
	if op.cur == nil {
		op.out.end(tx)
	}
}

func (op *flattenOp[T]) stop(tx *txn) {
	op.pipe.stop(tx)
	op.dropCurrent(tx)
}

// FlattenConcurrently returns a stream that emits the values of every
// stream s emits, all listened to at once. It completes when s and every
// inner stream have completed.
func FlattenConcurrently[T any](s *Stream[*Stream[T]]) *Stream[T] {
	op := &flattenConcOp[T]{}
	op.pipe = pipe[*Stream[T], T]{in: s, self: op}
	return newStream[T]("FlattenConcurrently", op, s.rank+1)
}

type flattenConcOp[T any] struct {
	pipe[*Stream[T], T]
	inners    map[*forward[T]]*Stream[T]
	outerDone bool
}

func (op *flattenConcOp[T]) start(tx *txn, out *Stream[T]) {
	op.outerDone = false
	op.inners = map[*forward[T]]*Stream[T]{}
	op.pipe.start(tx, out)
}

func (op *flattenConcOp[T]) next(tx *txn, inner *Stream[T]) {
	if inner == nil {
		return
	}
	f := newForward(op.out)
	f.onEnd = func(tx *txn) {
		delete(op.inners, f)
		if op.outerDone && len(op.inners) == 0 {
			op.out.end(tx)
		}
	}
	op.inners[f] = inner
	inner.add(tx, f, &f.e)
}

func (op *flattenConcOp[T]) end(tx *txn) {
	op.outerDone = true
	if len(op.inners) == 0 {
		op.out.end(tx)
	}
}

func (op *flattenConcOp[T]) stop(tx *txn) {
	op.pipe.stop(tx)
	for f, in := range op.inners {
		f.dead = true
		in.remove(tx, f)
	}
	clear(op.inners)
}

// FlattenSequentially returns a stream that emits the values of the
// streams s emits, one inner stream at a time: an inner stream that
// arrives while another is running waits its turn, in order. It completes
// when s has completed and every inner stream has run to completion.
func FlattenSequentially[T any](s *Stream[*Stream[T]]) *Stream[T] {
	op := &flattenSeqOp[T]{}
	op.pipe = pipe[*Stream[T], T]{in: s, self: op}
	return newStream[T]("FlattenSequentially", op, s.rank+1)
}

type flattenSeqOp[T any] struct {
	pipe[*Stream[T], T]
	queue     []*Stream[T]
	cur       *Stream[T]
	curSink   *forward[T]
	outerDone bool
}

func (op *flattenSeqOp[T]) start(tx *txn, out *Stream[T]) {
	op.outerDone, op.queue, op.cur, op.curSink = false, nil, nil, nil
	op.pipe.start(tx, out)
}

func (op *flattenSeqOp[T]) next(tx *txn, inner *Stream[T]) {
	if inner == nil {
		return
	}
	op.queue = append(op.queue, inner)
	if op.cur == nil {
		op.advance(tx)
	}
}

// advance subscribes to the next queued stream, or completes when there is
// none and the outer stream is done.
func (op *flattenSeqOp[T]) advance(tx *txn) {
	for op.cur == nil && len(op.queue) > 0 && op.out.emitting() {
		inner := op.queue[0]
		op.queue[0] = nil
		op.queue = op.queue[1:]
		f := newForward(op.out)
		f.onEnd = func(tx *txn) {
			if op.curSink == f {
				op.cur, op.curSink = nil, nil
				op.advance(tx)
			}
		}
		op.cur, op.curSink = inner, f
		inner.add(tx, f, &f.e)
	}
	if op.cur == nil && len(op.queue) == 0 && op.outerDone && op.out.emitting() {
		op.out.end(tx)
	}
}

func (op *flattenSeqOp[T]) end(tx *txn) {
	op.outerDone = true
	op.advance(tx)
}

func (op *flattenSeqOp[T]) stop(tx *txn) {
	op.pipe.stop(tx)
	if op.cur != nil {
		op.curSink.dead = true
		op.cur.remove(tx, op.curSink)
	}
	op.cur, op.curSink, op.queue = nil, nil, nil
}
