package stream

// Ranks order the combiners that a transaction flushes: a combiner flushes
// after every combiner that can reach it, so it sees their settled values
// and emits once. A stream's rank must exceed the rank of every stream it
// listens to. Operators get a rank when they are built, from their
// inputs; but Imitate and the flattening operators connect streams later,
// so the rank is kept up to date when an edge is made: a sink added to a
// stream whose rank is not below the sink's stream lifts that stream, and
// everything downstream of it.
//
// Cycles (a proxy that imitates a stream built on the proxy) cannot be
// ranked. When a new edge closes a cycle, one edge of the cycle becomes a
// back edge, which orders nothing: preferably the edge into the sampled
// side of a SampleCombine, which is how apps break their loops (the state
// that reducers are sampled with), else an edge through a proxy, else the
// new edge. Values still travel along back edges; a combiner they reach
// is flushed again, later in the same transaction.

// edge is the link from a stream to one of its sinks. Sinks that are
// operators own one, naming the stream they feed; listeners have none.
type edge struct {
	to      *node // the stream this sink emits on
	sampled bool  // the sampled side of a SampleCombine
	proxy   bool  // added through a proxy
	back    bool  // closes a cycle: orders nothing
}

// weight says how good a back edge e makes.
func (e *edge) weight() int {
	switch {
	case e.sampled:
		return 2
	case e.proxy:
		return 1
	}
	return 0
}

// node is the part of a stream that does not depend on its element type:
// its place in the graph, its transaction and its state. Keeping it apart
// compiles the code below once, not once per element type; the methods
// that generic code calls are kept from being inlined there for the same
// reason (every inlined copy is one more per element type in the wasm).
type node struct {
	keep      bool    // a memory stream that is active: next stores values
	active    bool    // started (has had a sink) and not stopped since
	idle      bool    // active, lost its last sink, waits in tx.stops
	pruning   bool    // waits in tx.stops for its cycle to be cut
	rank      int     // orders pending combiners
	tx        *txn    // the graph's transaction; see txn
	imitates  *node   // set by Imitate: listeners go to that stream
	edges     []*edge // edges[i] is the edge of sinks[i], nil for a listener
	listeners int     // the sinks that are listeners
}

// addEdge records a new sink of n, whose edge is e (nil for a listener),
// added in transaction tx: n joins tx's graph, and e is ranked.
//
//go:noinline
func (n *node) addEdge(tx *txn, e *edge, viaProxy bool) {
	n.join(tx)
	if e == nil {
		n.listeners++
	} else {
		e.proxy = viaProxy
		connect(n, e)
	}
	n.edges = append(n.edges, e)
}

// removeEdge records that n's i-th sink left, and reports whether it was
// the last one. A stream that loses its last sink waits in tx.stops; self
// is n's stream.
//
//go:noinline
func (n *node) removeEdge(tx *txn, i int, self stopper) (last bool) {
	if e := n.edges[i]; e == nil {
		n.listeners--
	} else {
		e.back = false
	}
	if len(n.edges) == 1 {
		n.edges = nil
		if n.active && !n.idle {
			n.idle = true
			tx.stops = append(tx.stops, idleStream{n: n, s: self})
		}
		return true
	}
	// A new slice, as for the sinks: a walk may be going over this one.
	n.edges = append(n.edges[:i:i], n.edges[i+1:]...)
	return false
}

// forgetEdges drops every sink's edge, as the stream ends.
//
//go:noinline
func (n *node) forgetEdges() {
	n.edges, n.listeners = nil, 0
}

// feedsOnlyItself reports whether n has sinks and all of them feed a
// cycle back into n, with no listener anywhere on the way.
//
//go:noinline
func (n *node) feedsOnlyItself() bool {
	if n.listeners > 0 || len(n.edges) == 0 {
		return false
	}
	// Most removals leave a sink that feeds a listener at once: tell
	// those without building the walk's map, since a Flatten may switch
	// on every event.
	for _, e := range n.edges {
		if x := e.to; x != n && (x.listeners > 0 || len(x.edges) == 0) {
			return false
		}
	}
	seen := map[*node]bool{}
	for _, e := range n.edges {
		if !feedsOnly(n, e, seen) {
			return false
		}
	}
	return true
}

// queuePrune has the transaction cut n's sinks when it ends if they still
// feed only a cycle back into n by then: a listener may come back during
// the transaction, as it may to a stream waiting for its stop.
//
//go:noinline
func (n *node) queuePrune(tx *txn, self stopper) {
	if !n.pruning {
		n.pruning = true
		tx.stops = append(tx.stops, idleStream{n: n, s: self, prune: true})
	}
}

// connect ranks a new edge e from u.
func connect(u *node, e *edge) {
	e.back = false
	v := e.to
	if v == nil || v.rank > u.rank {
		return
	}
	for {
		path, cyclic := pathBetween(v, u)
		if !cyclic {
			break
		}
		best := e
		for _, p := range path {
			if p.weight() > best.weight() {
				best = p
			}
		}
		best.back = true
		if best == e {
			return
		}
	}
	lift(v, u.rank+1)
}

// lift raises v's rank to at least r, and its sinks' after it. Forward
// edges have no cycle, so it ends.
func lift(v *node, r int) {
	if v.rank >= r {
		return
	}
	v.rank = r
	for _, e := range v.edges {
		if e != nil && !e.back && e.to != nil {
			lift(e.to, r+1)
		}
	}
}

// pathBetween finds a path of forward edges from v to u, and reports
// whether there is one.
func pathBetween(v, u *node) ([]*edge, bool) {
	if v == u {
		return nil, true
	}
	seen := map[*node]bool{v: true}
	var path []*edge
	var walk func(n *node) bool
	walk = func(n *node) bool {
		for _, e := range n.edges {
			if e == nil || e.back || e.to == nil || seen[e.to] {
				continue
			}
			seen[e.to] = true
			path = append(path, e)
			if e.to == u || walk(e.to) {
				return true
			}
			path = path[:len(path)-1]
		}
		return false
	}
	if walk(v) {
		return path, true
	}
	return nil, false
}

// feedsOnly reports whether everything that e's sink feeds comes back to
// s and reaches no listener: a cycle that only listens to itself, which
// xstream's _pruneCycles stops when its last outside listener leaves.
func feedsOnly(s *node, e *edge, seen map[*node]bool) bool {
	if e.to == s || seen[e.to] {
		return true
	}
	seen[e.to] = true
	x := e.to
	// A stream with no sink is not part of a cycle but one that waits for
	// its stop, and may get a listener back before the transaction ends:
	// cutting what feeds it would leave it running on nothing. (xstream
	// counts it as coming back, and has that hazard.)
	if x.listeners > 0 || len(x.edges) == 0 {
		return false
	}
	for _, k := range x.edges { // no nil: no listener
		if !feedsOnly(s, k, seen) {
			return false
		}
	}
	return true
}

// txn returns the transaction of the node's graph.
func (n *node) txn() *txn {
	if t := n.tx; t != nil && t.parent == nil {
		return t
	}
	return n.txnSlow()
}

//go:noinline
func (n *node) txnSlow() *txn {
	if n.tx == nil {
		n.tx = &txn{}
	}
	n.tx = n.tx.root()
	return n.tx
}

// join puts n into the graph of tx, which is running: n just got a sink
// in it. A graph whose own call is running too (a stream first subscribed
// from a listener of another graph) cannot be merged while both run: the
// two merge when the transaction ends, so that from then on they are
// one.
func (n *node) join(tx *txn) {
	if n.tx == tx {
		return
	}
	if n.tx == nil {
		n.tx = tx
		return
	}
	old := n.txn()
	switch {
	case old == tx:
	case !old.busy:
		old.parent = tx
		n.tx = tx
	default:
		tx.stops = append(tx.stops, idleStream{merge: old})
	}
}

// enter opens a call on the graph of n: it returns the transaction, and
// whether this call began it, and so must defer its release and finish
// it. A call made while the transaction runs (from a listener, a
// producer, an operator) joins it. Since every outermost call releases
// its transaction even when a listener panics, a busy transaction is a
// running one.
//
//go:noinline
func (n *node) enter() (tx *txn, outermost bool) {
	g := n
	for g.imitates != nil { // a proxy's listeners live in its target's graph
		g = g.imitates
	}
	tx = g.txn()
	if tx.busy {
		return tx, false
	}
	tx.begin()
	return tx, true
}
