package stream

// flusher is a combining operator waiting for the end of a transaction.
type flusher interface {
	flush(tx *txn)
}

type pendingFlush struct {
	f    flusher
	rank int
	seq  uint64
}

// txn groups the emissions caused by one outermost emission. Combining
// operators schedule themselves on it instead of emitting at once; run
// lets them emit, shallowest first, once everything else has propagated.
type txn struct {
	busy    bool
	seq     uint64
	pending []pendingFlush // binary min-heap on (rank, seq)
}

func (t *txn) schedule(f flusher, rank int) {
	t.seq++
	t.pending = append(t.pending, pendingFlush{f, rank, t.seq})
	h := t.pending
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h[i].less(h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (a pendingFlush) less(b pendingFlush) bool {
	return a.rank < b.rank || (a.rank == b.rank && a.seq < b.seq)
}

func (t *txn) pop() flusher {
	h := t.pending
	top := h[0].f
	n := len(h) - 1
	h[0] = h[n]
	h[n] = pendingFlush{}
	h = h[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h[l].less(h[m]) {
			m = l
		}
		if r < n && h[r].less(h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	t.pending = h
	return top
}

// run flushes pending combiners until none is left; a flush may schedule
// more. It is small enough to be inlined, so that the common case, a
// transaction with nothing pending, costs no call.
func (t *txn) run() {
	if len(t.pending) > 0 {
		t.flushAll()
	}
}

func (t *txn) flushAll() {
	for len(t.pending) > 0 {
		t.pop().flush(t)
	}
}

// release ends the transaction. Subscribe, Imitate, failRoot and endRoot
// run it deferred, so that a panic from a listener leaves the transaction
// reusable instead of stuck half-way; emitRoot calls it directly and
// counts on rootTx to replace a transaction that a panic left busy.
func (t *txn) release() {
	if len(t.pending) > 0 {
		clear(t.pending)
		t.pending = t.pending[:0]
	}
	t.busy = false
}
