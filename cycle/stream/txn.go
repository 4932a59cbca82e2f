package stream

// flusher is a combining operator waiting for the end of a transaction.
type flusher interface {
	flush(tx *txn)
	// flushRank is the operator's rank now, which may have risen since
	// it was scheduled (see graph.go).
	flushRank() int
}

// stopper is a stream of any element type, which can be stopped.
type stopper interface {
	stopNow(tx *txn)
	cutLoop(tx *txn)
}

// idleStream is a stream whose last sink left during a transaction; it
// stops when the transaction ends unless a sink has come back. With
// prune, it is a stream whose sinks only fed a cycle back into it; they
// are cut if they still do.
//
// With merge, it is no stream but a graph to merge with this one once
// neither runs (see node.join).
type idleStream struct {
	n     *node
	s     stopper
	prune bool
	merge *txn
}

type pendingFlush struct {
	f    flusher
	rank int
	seq  uint64
}

// txn is the transaction of a graph of streams: it groups everything that
// happens while one outermost call (an emission from a Subject, a
// producer or a timer, a Subscribe, a cancel, an Imitate) runs, including
// the emissions, subscriptions and cancellations made from listeners
// during it. Combining operators schedule themselves on it instead of
// emitting at once, and streams left without listeners wait on it; when
// the outermost call ends, settle lets the combiners emit, shallowest
// first, then stops the streams that still have no listener.
//
// A graph is the set of streams that ever listened to one another: every
// stream points to a txn, and a stream that gets a sink during a
// transaction joins that transaction's graph (parent links, as in
// union-find). Emissions of one graph happen on one goroutine at a time
// (see the package doc), so a graph's txn needs no lock, and separate
// graphs, such as two apps on two goroutines, share nothing.
type txn struct {
	parent  *txn // set when this graph was merged into another
	busy    bool // an outermost call is running
	epoch   uint64
	seq     uint64
	pending []pendingFlush // binary min-heap on (rank, seq)
	stops   []idleStream
}

// root returns the transaction a txn has been merged into.
func (t *txn) root() *txn {
	r := t
	for r.parent != nil {
		r = r.parent
	}
	for t != r { // path compression
		next := t.parent
		t.parent = r
		t = next
	}
	return r
}

// begin starts an outermost call.
func (t *txn) begin() { t.busy = true }

// settle runs what the transaction owes before the outermost call
// returns: the pending combiners, then the stops, and again while either
// makes more. It is small enough to be inlined, so that the common case,
// nothing pending, costs no call.
func (t *txn) settle() {
	if len(t.pending) > 0 || len(t.stops) > 0 {
		t.settleSlow()
	}
}

func (t *txn) settleSlow() {
	for len(t.pending) > 0 || len(t.stops) > 0 {
		for len(t.pending) > 0 {
			t.pop().flush(t)
		}
		t.runStops()
	}
	// Only a transaction that had something pending can have set marks.
	t.epoch++
}

func (t *txn) runStops() {
	for i := 0; i < len(t.stops); i++ {
		s := t.stops[i]
		t.stops[i] = idleStream{}
		switch {
		case s.n == nil && s.merge == nil:
			// Done by a run of the list that a producer's Stop panicked
			// out of (see release).
		case s.merge != nil:
			t.mergeWith(s.merge)
		case s.prune:
			s.n.pruning = false
			if s.n.feedsOnlyItself() {
				s.s.cutLoop(t)
			}
		case s.n.idle && len(s.n.edges) == 0:
			s.s.stopNow(t)
		}
	}
	t.stops = t.stops[:0]
}

// mergeWith merges the graph of o into t's, which is ending, or has o's
// transaction do it when o ends, if o still runs.
func (t *txn) mergeWith(o *txn) {
	o = o.root()
	switch {
	case o == t:
	case o.busy:
		o.stops = append(o.stops, idleStream{merge: t})
	default:
		o.parent = t
	}
}

// finish ends the outermost call.
func (t *txn) finish() {
	t.settle()
	t.busy = false
}

// finishReleasing ends an outermost emission that deferred nothing (see
// Stream.emitRoot): the settling, which calls listeners, runs under a
// deferred release.
func (t *txn) finishReleasing() {
	if len(t.pending) > 0 || len(t.stops) > 0 {
		t.settleReleasing()
	}
	t.busy = false
}

func (t *txn) settleReleasing() {
	defer t.release()
	t.settleSlow()
	t.busy = false
}

// Where a releaser's nextReleasing is.
const (
	inUserFunc = iota
	downstream
	returned
)

// failer is a stream of any element type, which can fail.
type failer interface {
	fail(tx *txn, err error)
}

// leaveReleaser ends a releaser's nextReleasing that did not return. r
// is the panic of the releaser's own function, recovered: it fails out,
// as xstream turns an exception of map's function into an error, and the
// emission goes on. A nil r is a panic from downstream passing through
// (or runtime.Goexit), which goes on up: the transaction is released
// first, as the deferred release of an outermost call would. So is it if
// the failure panics.
func (t *txn) leaveReleaser(r any, out failer, op string) {
	if r == nil {
		t.release()
		return
	}
	failed := false
	defer func() {
		if !failed {
			t.release()
		}
	}()
	out.fail(t, recovered(op, r))
	failed = true
}

// release is deferred by every outermost call, or run for it by a
// releaser (see Stream.emitRoot). After finish it has nothing to do.
// After a panic from a listener, the pending combiners are dropped
// (their values would come from a half-run transaction), a new
// epoch invalidates the marks (see below) they had set, so that none
// stays "scheduled" for good, and the stops still run, so that a producer
// whose listeners left is not kept running by the panic.
func (t *txn) release() {
	if !t.busy {
		return
	}
	// A producer's Stop may panic in there too: the transaction ends all
	// the same, and the stops after it run at the end of the next one.
	defer func() { t.busy = false }()
	clear(t.pending)
	t.pending = t.pending[:0]
	t.epoch++
	t.runStops()
	clear(t.pending)
	t.pending = t.pending[:0]
	t.busy = false
}

// mark is an operator's "scheduled in this transaction" flag. It names
// the transaction and its epoch, so it is cleared by the next
// transaction's begin without anyone resetting it.
type mark struct {
	t *txn
	n uint64
}

func (m *mark) in(tx *txn) bool { return m.t == tx && m.n == tx.epoch }
func (m *mark) set(tx *txn)     { m.t, m.n = tx, tx.epoch }
func (m *mark) reset()          { m.t = nil }

// schedule queues f to flush at the end of the transaction.
func (t *txn) schedule(f flusher) {
	t.seq++
	t.push(pendingFlush{f, f.flushRank(), t.seq})
}

func (t *txn) push(p pendingFlush) {
	t.pending = append(t.pending, p)
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

// pop returns the pending combiner of least rank. An entry whose
// operator's rank rose while it waited goes back in at its new rank.
func (t *txn) pop() flusher {
	for {
		top := t.popEntry()
		if r := top.f.flushRank(); r > top.rank {
			top.rank = r
			t.push(top)
			continue
		}
		return top.f
	}
}

func (t *txn) popEntry() pendingFlush {
	h := t.pending
	top := h[0]
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
