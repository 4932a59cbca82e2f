package xstreamdiff

// graphs follows, along a schedule, which nodes are surely in one graph of
// cycle/stream (rules.go, "Transactions"): a listener action joins the
// running transaction only for a stream of the emitting stream's graph,
// and is a transaction of its own for any other, so the generator (and the
// shrinker, which must not break what the generator made sure of) only
// puts in an action what the model says is in one graph for sure, or in
// another one for good.
//
// The model is conservative. Only a completed top-level Subscribe on node
// n joins graphs in it: n with the nodes its start surely subscribes (base), and
// theirs, transitively. Two nodes whose pipelines could never meet (no
// path between them through inputs, inner streams, replacements or
// proxies, in either direction) are apart for good.
type graphs struct {
	c    *Case
	up   []int  // union-find parent
	in   []bool // joined: some top-level subscription surely reached it
	comp []int  // static connected component
}

func newGraphs(c *Case) *graphs {
	g := &graphs{c: c, up: make([]int, len(c.Nodes)), in: make([]bool, len(c.Nodes)), comp: make([]int, len(c.Nodes))}
	for i := range g.up {
		g.up[i] = i
	}
	// Static components: union over every edge.
	comp := make([]int, len(c.Nodes))
	for i := range comp {
		comp[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for comp[i] != i {
			comp[i] = comp[comp[i]]
			i = comp[i]
		}
		return i
	}
	join := func(a, b int) { comp[find(a)] = find(b) }
	for i, n := range c.Nodes {
		for _, j := range n.In {
			join(i, j)
		}
		for _, j := range n.Alt {
			join(i, j)
		}
		if n.Op == OpProxy {
			join(i, n.Target)
		}
	}
	for i := range comp {
		g.comp[i] = find(i)
	}
	return g
}

func (g *graphs) find(i int) int {
	for g.up[i] != i {
		g.up[i] = g.up[g.up[i]]
		i = g.up[i]
	}
	return i
}

// base returns the inputs that node i's start surely subscribes to, in
// cycle/stream: Combine stops attaching inputs once it has ended, EndWhen
// and SampleCombine attach their second input first and may end before
// the first, Take(0) attaches none, Concat and the flattens only their
// (outer) first input.
func (g *graphs) base(i int) []int {
	n := g.c.Nodes[i]
	switch n.Op {
	case OpSrc, OpOf:
		return nil
	case OpProxy:
		return []int{n.Target}
	case OpMerge:
		return n.In
	case OpEndWhen, OpSample:
		return n.In[1:2]
	case OpTake:
		if n.K <= 0 {
			return nil
		}
	}
	return n.In[:1]
}

// subscribed records a top-level Subscribe on node n.
func (g *graphs) subscribed(n int) {
	seen := map[int]bool{}
	var walk func(i int, root bool)
	walk = func(i int, root bool) {
		if seen[i] {
			return
		}
		seen[i] = true
		// A proxy's listeners go to its target: the proxy itself joins
		// a graph only when it is subscribed to itself (its own txn is
		// the one its Subscribe and cancel use).
		if g.c.Nodes[i].Op != OpProxy || root {
			g.in[i] = true
			g.up[g.find(i)] = g.find(n)
		}
		for _, j := range g.base(i) {
			walk(j, false)
		}
	}
	walk(n, true)
}

// same reports whether nodes a and b are surely in one graph.
func (g *graphs) same(a, b int) bool {
	return g.in[a] && g.in[b] && g.find(a) == g.find(b)
}

// apart reports whether nodes a and b can never be in one graph.
func (g *graphs) apart(a, b int) bool { return g.comp[a] != g.comp[b] }

// allowed reports whether op may be a listener action of a listener on
// node n: it must run in the emission's transaction, on a stream surely in
// n's graph, or in a graph that has nothing to do with n's; and an unsub
// must be of the first kind, as an unsub in another graph stops at once in
// cycle/stream, not at the end of the turn as in xstream (which would
// differ as soon as a later action of the turn subscribes to it again).
func (g *graphs) allowed(n int, op Op, nodeOf map[int]int) bool {
	switch op.Kind {
	case "unsub":
		x, ok := nodeOf[op.L]
		return !ok || g.same(n, x)
	default: // sub, next, error, complete
		return g.same(n, op.Node) || g.apart(n, op.Node)
	}
}

// listenerNodes maps every listener of c to the node it subscribes to.
func (c *Case) listenerNodes() map[int]int {
	nodeOf := map[int]int{}
	for _, op := range c.Ops {
		if op.Kind == "sub" {
			nodeOf[op.L] = op.Node
		}
		for _, a := range op.Acts {
			if a.Op.Kind == "sub" {
				nodeOf[a.Op.L] = a.Op.Node
			}
		}
	}
	return nodeOf
}

// Valid reports whether every listener action of c is allowed by the
// graph model (see graphs).
func (c *Case) Valid() bool {
	g := newGraphs(c)
	nodeOf := c.listenerNodes()
	for _, op := range c.Ops {
		if op.Kind != "sub" {
			continue
		}
		// The actions may run during the subscription itself, before
		// its start has reached the nodes it joins.
		for _, a := range op.Acts {
			if !g.allowed(op.Node, a.Op, nodeOf) {
				return false
			}
		}
		g.subscribed(op.Node)
	}
	return true
}
