package stream

// FlattenMerge returns a stream that emits the values of every stream in
// the latest list that s emitted. When s emits a new list, streams that
// were in the previous list keep their subscription (they are not
// restarted), new ones are subscribed and dropped ones are unsubscribed:
// it is how a collection of child components merges one sink of each
// child. It completes when s and every stream of the latest list have
// completed.
func FlattenMerge[T any](s *Stream[[]*Stream[T]]) *Stream[T] {
	op := &flattenListOp[T, T]{combine: false}
	op.pipe = pipe[[]*Stream[T], T]{in: s, self: op}
	return newStream[T]("FlattenMerge", op, s.rank+1)
}

// FlattenCombine returns a stream that emits, as a slice in list order,
// the latest value of every stream in the latest list that s emitted,
// once each of them has emitted, with the transaction rules of [Combine].
// Streams kept from one list to the next keep their subscription and
// their latest value; an empty list gives an empty slice. It completes
// when s and every stream of the latest list have completed.
func FlattenCombine[T any](s *Stream[[]*Stream[T]]) *Stream[[]T] {
	op := &flattenListOp[T, []T]{combine: true}
	op.pipe = pipe[[]*Stream[T], []T]{in: s, self: op}
	return newStream[[]T]("FlattenCombine", op, s.rank+1)
}

// listSlot is one inner stream of a flattenListOp.
type listSlot[T, R any] struct {
	op   *flattenListOp[T, R]
	in   *Stream[T]
	v    T
	has  bool
	done bool
	dead bool
	e    edge
}

func (k *listSlot[T, R]) next(tx *txn, v T) {
	if k.dead {
		return
	}
	k.v, k.has = v, true
	k.op.changed(tx, k, v)
}

func (k *listSlot[T, R]) fail(tx *txn, err error) {
	if !k.dead {
		k.op.out.fail(tx, err)
	}
}

func (k *listSlot[T, R]) end(tx *txn) {
	if k.dead || k.done {
		return
	}
	k.done = true
	k.op.checkEnd(tx)
}

type flattenListOp[T, R any] struct {
	pipe[[]*Stream[T], R]
	combine   bool
	order     []*listSlot[T, R] // the latest list, in order
	slots     map[*Stream[T]]*listSlot[T, R]
	outerDone bool
	dirty     mark
}

func (op *flattenListOp[T, R]) start(tx *txn, out *Stream[R]) {
	op.order, op.slots, op.outerDone = nil, map[*Stream[T]]*listSlot[T, R]{}, false
	op.dirty.reset()
	op.pipe.start(tx, out)
}

func (op *flattenListOp[T, R]) next(tx *txn, list []*Stream[T]) {
	old := op.slots
	op.slots = make(map[*Stream[T]]*listSlot[T, R], len(list))
	op.order = make([]*listSlot[T, R], 0, len(list))
	var added []*listSlot[T, R]
	for _, in := range list {
		if in == nil {
			continue
		}
		k, ok := op.slots[in]
		if !ok {
			if k, ok = old[in]; ok {
				delete(old, in)
			} else {
				k = &listSlot[T, R]{op: op, in: in}
				k.e.to = &op.out.node
				added = append(added, k)
			}
			op.slots[in] = k
		}
		op.order = append(op.order, k)
	}
	// Subscribe the new streams before dropping the old ones, so that an
	// upstream they share keeps running.
	for _, k := range added {
		if !op.out.emitting() {
			break
		}
		k.in.add(tx, k, &k.e)
	}
	// Even when a new stream ended the output as it was subscribed (an
	// error), which stopped the new list: the dropped streams are in no
	// list any more, and nothing else would stop them.
	for in, k := range old {
		k.dead = true
		in.remove(tx, k)
	}
	if !op.out.emitting() {
		return
	}
	if op.combine {
		op.schedule(tx)
	}
	op.checkEnd(tx)
}

func (op *flattenListOp[T, R]) changed(tx *txn, _ *listSlot[T, R], v T) {
	if op.combine {
		op.schedule(tx)
		return
	}
	// For FlattenMerge R is T.
	any(op.out).(*Stream[T]).next(tx, v)
}

func (op *flattenListOp[T, R]) schedule(tx *txn) {
	if !op.dirty.in(tx) {
		op.dirty.set(tx)
		tx.schedule(op)
	}
}

func (op *flattenListOp[T, R]) flushRank() int { return op.out.rank }

func (op *flattenListOp[T, R]) flush(tx *txn) {
	if !op.dirty.in(tx) {
		return
	}
	op.dirty.reset()
	if !op.out.emitting() {
		return
	}
	vs := make([]T, len(op.order))
	for i, k := range op.order {
		if !k.has {
			return
		}
		vs[i] = k.v
	}
	any(op.out).(*Stream[[]T]).next(tx, vs)
}

func (op *flattenListOp[T, R]) end(tx *txn) {
	op.outerDone = true
	op.checkEnd(tx)
}

func (op *flattenListOp[T, R]) checkEnd(tx *txn) {
	if !op.outerDone || !op.out.emitting() {
		return
	}
	for _, k := range op.order {
		if !k.done {
			return
		}
	}
	op.flush(tx)
	op.out.end(tx)
}

func (op *flattenListOp[T, R]) stop(tx *txn) {
	op.pipe.stop(tx)
	for in, k := range op.slots {
		k.dead = true
		in.remove(tx, k)
	}
	op.slots, op.order = nil, nil
	op.dirty.reset()
}
