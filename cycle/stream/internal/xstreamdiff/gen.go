package xstreamdiff

import "math/rand/v2"

// Generate returns the case of seed: a random pipeline over int values and
// a random schedule of operations on it. The same seed gives the same case
// (math/rand/v2's PCG with a fixed second word).
func Generate(seed uint64) *Case {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x5eed_c0de_cafe_f00d)), c: &Case{Seed: seed}}
	g.pipeline()
	g.schedule()
	return g.c
}

type gen struct {
	r *rand.Rand
	c *Case
}

func (g *gen) add(n Node) int {
	g.c.Nodes = append(g.c.Nodes, n)
	return len(g.c.Nodes) - 1
}

func (g *gen) n(k int) int { return g.r.IntN(k) }

// pick returns an existing node, most often one of the latest, so that
// pipelines grow deep as well as wide.
func (g *gen) pick() int {
	for {
		l := len(g.c.Nodes)
		i := g.n(l)
		if g.n(3) > 0 {
			i = l - 1 - g.n(min(l, 4))
		}
		// Mostly not an of, which completes at once: pipelines that end
		// early see few values.
		if g.c.Nodes[i].Op != OpOf || g.n(3) == 0 {
			return i
		}
	}
}

// pickDisjoint picks up to k nodes whose sources are pairwise disjoint,
// trying a few times, so that most combiners are not diamonds (rule G1 in
// rules.go would exclude the case); some still are, and are excluded.
func (g *gen) pickDisjoint(k int) []int {
	var best []int
	for try := 0; try < 6; try++ {
		ins := make([]int, k)
		used := map[int]bool{}
		ok := true
		for i := range ins {
			ins[i] = g.pick()
			for s := range g.c.sources(ins[i]) {
				if used[s] {
					ok = false
				}
				used[s] = true
			}
		}
		best = ins
		if ok {
			break
		}
	}
	return best
}

func (g *gen) pipeline() {
	nsrc := 1 + g.n(3)
	for range nsrc {
		g.add(Node{Op: OpSrc})
	}
	if g.n(2) == 0 {
		g.of()
	}
	want := nsrc + 3 + g.n(10)
	for len(g.c.Nodes) < want {
		if g.n(12) == 0 {
			g.cycle()
			continue
		}
		g.op()
	}
}

func (g *gen) of() int {
	vals := make([]int, g.n(3))
	for i := range vals {
		vals[i] = g.n(10)
	}
	return g.add(Node{Op: OpOf, Vals: vals})
}

// op adds one random operator.
func (g *gen) op() {
	in := g.pick()
	switch g.n(22) {
	case 0, 1:
		g.add(Node{Op: OpMap, In: []int{in}, F: g.n(3), K: 2 + g.n(3)})
	case 2:
		g.add(Node{Op: OpMapTo, In: []int{in}, K: g.n(10)})
	case 3:
		g.add(Node{Op: OpFilter, In: []int{in}, F: g.n(3), K: 2 + g.n(3)})
	case 4:
		g.add(Node{Op: OpFold, In: []int{in}, F: g.n(2), K: g.n(5)})
	case 5:
		g.add(Node{Op: OpTake, In: []int{in}, K: g.n(4)})
	case 6:
		g.add(Node{Op: OpDrop, In: []int{in}, K: g.n(3)})
	case 7:
		g.add(Node{Op: OpLast, In: []int{in}})
	case 8:
		g.add(Node{Op: OpStartWith, In: []int{in}, K: g.n(10)})
	case 9:
		g.add(Node{Op: OpRemember, In: []int{in}})
	case 10:
		g.add(Node{Op: OpDropRepeats, In: []int{in}})
	case 11:
		g.add(Node{Op: OpMerge, In: append([]int{in}, g.pickN(1+g.n(2))...)})
	case 12, 13:
		g.add(Node{Op: OpCombine, In: g.pickDisjoint(2 + g.n(2))})
	case 14, 15:
		g.add(Node{Op: OpSample, In: g.pickDisjoint(2)})
	case 16, 17:
		ops := []string{OpFlatten, OpFlattenConc, OpFlattenSeq}
		alt := make([]int, 1+g.n(3))
		for i := range alt {
			if g.n(3) == 0 {
				alt[i] = g.of()
			} else {
				alt[i] = g.pick()
			}
		}
		g.add(Node{Op: ops[g.n(3)], In: []int{in}, Alt: alt})
	case 18:
		g.add(Node{Op: OpEndWhen, In: []int{in, g.pick()}})
	case 19:
		alt := g.pick()
		if g.n(2) == 0 {
			alt = g.of()
		}
		g.add(Node{Op: OpReplaceError, In: []int{in}, Alt: []int{alt}})
	case 20:
		g.add(Node{Op: OpConcat, In: append([]int{in}, g.pickN(1+g.n(2))...)})
	case 21:
		g.of()
	}
}

func (g *gen) pickN(k int) []int {
	out := make([]int, k)
	for i := range out {
		out[i] = g.pick()
	}
	return out
}

// cycle adds a proxy and the nodes of a cycle through it, and makes the
// proxy imitate the last of them. Every cycle terminates:
//
//   - either the way back goes through a map x+K (K >= 1) and a filter
//     0 <= x < B, so that a value goes round at most B times;
//   - or the proxy only feeds the sampled input of a sampleCombine, which
//     does not emit when that input does.
//
// The proxy is used once inside the cycle, so a value does not multiply on
// its way round, and the target is a merge or a filter, dropRepeats, map
// x+K (K >= 0) or take of one: never a MemoryStream, which xstream's
// imitate refuses, and never an operator that could lower a value.
func (g *gen) cycle() {
	outside := g.pick()
	p := g.add(Node{Op: OpProxy})
	var back int
	if g.n(2) == 0 {
		m := g.add(Node{Op: OpMap, In: []int{p}, F: 0, K: 1 + g.n(3)})
		back = g.add(Node{Op: OpFilter, In: []int{m}, F: 3, K: 5 + g.n(15)})
		if g.n(3) == 0 {
			back = g.add(Node{Op: OpTake, In: []int{back}, K: 1 + g.n(4)})
		}
	} else {
		other := p
		if g.n(2) == 0 {
			other = g.add(Node{Op: OpMap, In: []int{p}, F: g.n(2), K: 1 + g.n(3)})
		}
		back = g.add(Node{Op: OpSample, In: []int{g.pick2(p), other}})
	}
	ins := []int{outside, back}
	if g.n(2) == 0 {
		ins[0], ins[1] = ins[1], ins[0]
	}
	t := g.add(Node{Op: OpMerge, In: ins})
	switch g.n(5) {
	case 0:
		t = g.add(Node{Op: OpDropRepeats, In: []int{t}})
	case 1:
		t = g.add(Node{Op: OpMap, In: []int{t}, F: 0, K: g.n(2)})
	case 2:
		t = g.add(Node{Op: OpFilter, In: []int{t}, F: 1, K: 10 + g.n(20)})
	}
	g.c.Nodes[p].Target = t
}

// pick2 picks a node made before the proxy p, as the trigger of a
// sampleCombine in a cycle: one that does not depend on p.
func (g *gen) pick2(p int) int {
	for {
		i := g.pick()
		if i < p {
			return i
		}
	}
}

// schedule adds the operations, each a turn of its own (a top-level call
// in Go). What happens in one transaction, such as leaving and coming back
// before a stop, is made inside emissions, by listener actions, on streams
// that the graph model (graphs.go) says the emission's transaction owns.
func (g *gen) schedule() {
	c := g.c
	gr := newGraphs(c)
	var live []int // listeners subscribed and not (knowingly) unsubscribed
	nodeOf := map[int]int{}
	newL := func(n int) int {
		c.Listeners++
		nodeOf[c.Listeners-1] = n
		return c.Listeners - 1
	}
	srcs := []int{}
	for i, n := range c.Nodes {
		if n.Op == OpSrc {
			srcs = append(srcs, i)
		}
	}
	// subNode favours the later nodes, where the pipelines end.
	subNode := func() int {
		l := len(c.Nodes)
		if g.n(3) > 0 {
			return l - 1 - g.n(min(l, 5))
		}
		return g.n(l)
	}
	value := func() Op {
		return Op{Kind: "next", Node: srcs[g.n(len(srcs))], V: g.n(10)}
	}
	// pickOK returns one of the candidates that f accepts, or -1.
	pickOK := func(cands []int, f func(int) bool) int {
		var ok []int
		for _, x := range cands {
			if f(x) {
				ok = append(ok, x)
			}
		}
		if len(ok) == 0 {
			return -1
		}
		return ok[g.n(len(ok))]
	}
	nodes := make([]int, len(c.Nodes))
	for i := range nodes {
		nodes[i] = i
	}
	actions := func(self, n int) []Action {
		var acts []Action
		mine := func(l int) bool { return gr.same(n, nodeOf[l]) }
		usable := func(x int) bool { return gr.same(n, x) || gr.apart(n, x) }
		for range g.n(4) {
			at := 1 + g.n(3)
			switch g.n(9) {
			case 0, 1:
				if l := pickOK(append(live, self), mine); l >= 0 {
					acts = append(acts, Action{At: at, Op: Op{Kind: "unsub", L: l}})
				}
			case 2, 3:
				x := subNode()
				if !usable(x) {
					x = pickOK(nodes, usable)
				}
				if x >= 0 {
					l := newL(x)
					live = append(live, l)
					acts = append(acts, Action{At: at, Op: Op{Kind: "sub", L: l, Node: x}})
				}
			case 4, 5:
				// Leave and come back in the same transaction.
				if old := pickOK(append(live, self), mine); old >= 0 {
					l := newL(nodeOf[old])
					live = append(live, l)
					acts = append(acts, Action{At: at, Op: Op{Kind: "unsub", L: old}},
						Action{At: at, Op: Op{Kind: "sub", L: l, Node: nodeOf[old]}})
				}
			case 6, 7:
				if s := pickOK(srcs, usable); s >= 0 {
					acts = append(acts, Action{At: at, Op: Op{Kind: "next", Node: s, V: g.n(10)}})
				}
			case 8:
				if s := pickOK(srcs, usable); s >= 0 {
					acts = append(acts, Action{At: at, Op: Op{Kind: []string{"complete", "error"}[g.n(2)], Node: s}})
				}
			}
		}
		return acts
	}
	sub := func() Op {
		n := subNode()
		l := newL(n)
		op := Op{Kind: "sub", L: l, Node: n}
		if g.n(3) == 0 {
			// Before the subscription joins graphs: its actions
			// can run during it, before its start reaches them.
			op.Acts = actions(l, n)
		}
		gr.subscribed(n)
		live = append(live, l)
		return op
	}
	for range 1 + g.n(3) {
		c.Ops = append(c.Ops, sub())
	}
	for range 8 + g.n(24) {
		switch k := g.n(40); {
		case k < 22:
			c.Ops = append(c.Ops, value())
		case k < 28:
			c.Ops = append(c.Ops, sub())
		case k < 32 && len(live) > 0:
			i := g.n(len(live))
			c.Ops = append(c.Ops, Op{Kind: "unsub", L: live[i]})
			live = append(live[:i], live[i+1:]...)
		case k < 36 && len(live) > 0:
			// Leave and come back: two turns, so the stream stops
			// in between and restarts.
			i := g.n(len(live))
			old := live[i]
			live = append(live[:i], live[i+1:]...)
			c.Ops = append(c.Ops, Op{Kind: "unsub", L: old})
			n := nodeOf[old]
			l := newL(n)
			gr.subscribed(n)
			live = append(live, l)
			c.Ops = append(c.Ops, Op{Kind: "sub", L: l, Node: n})
		case k < 38:
			c.Ops = append(c.Ops, Op{Kind: "complete", Node: srcs[g.n(len(srcs))]})
		default:
			c.Ops = append(c.Ops, Op{Kind: "error", Node: srcs[g.n(len(srcs))]})
		}
	}
}
