package stream

import (
	"runtime"
	"strings"
)

// callRunning reports whether a call into the graph (an emission from
// outside, a Subscribe, a cancel, an Imitate) is on the goroutine's stack
// besides the one asking. A transaction found busy is either running
// (this is a call from one of its listeners) or was cut short by a panic
// that someone recovered; only the stack tells. Reading it costs a few
// microseconds, which only calls made from listeners pay.
func callRunning() bool {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	for n == len(pcs) { // a deep stack: read it whole
		pcs = make([]uintptr, 2*len(pcs))
		n = runtime.Callers(2, pcs)
	}
	frames := runtime.CallersFrames(pcs[:n])
	seen := 0
	for {
		f, more := frames.Next()
		if isEntryPoint(f.Function) {
			if seen++; seen == 2 {
				return true
			}
		}
		if !more {
			return false
		}
	}
}

// entryPoints are the methods of Stream that open a call on a graph
// (with node.enter or, for emitRoot, by hand).
var entryPoints = []string{").emitRoot", ").Subscribe", ").unsubscribe", ").Imitate", ").failRoot", ").endRoot"}

func isEntryPoint(fn string) bool {
	const prefix = "github.com/gocycle/gocycle/cycle/stream.(*Stream["
	if !strings.HasPrefix(fn, prefix) {
		return false
	}
	for _, e := range entryPoints {
		if strings.HasSuffix(fn, e) {
			return true
		}
	}
	return false
}

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
}

// idleStream is a stream whose last sink left during a transaction; it
// stops when the transaction ends unless a sink has come back.
type idleStream struct {
	n *node
	s stopper
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

// begin starts an outermost call. A transaction that is still busy was
// cut short by a panic (see callRunning): a new epoch invalidates the
// marks (see below) it left, so that no operator stays "scheduled" for
// good; the pending entries it left flush nothing, and its stops run when
// this one settles. A transaction that settled moved to a new epoch then.
func (t *txn) begin() {
	if t.busy {
		t.epoch++
	}
	t.busy = true
}

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
		if s.n.idle && len(s.n.edges) == 0 {
			s.s.stopNow(t)
		}
	}
	t.stops = t.stops[:0]
}

// finish ends the outermost call.
func (t *txn) finish() {
	t.settle()
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
