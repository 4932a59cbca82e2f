package xstreamdiff

import "slices"

// Shrink makes the disagreeing case of v smaller while it still disagrees
// in the same way (same listeners disagreeing, xstream throwing or not):
// it tries removing an operation, a listener action or an unused
// node, keeps the first smaller case that still disagrees, and starts
// again until nothing can be removed. Each round is one trip to node.
func (o *Oracle) Shrink(v Verdict) (Verdict, error) {
	for {
		cands := candidates(v.Case)
		if len(cands) == 0 {
			return v, nil
		}
		vs, err := o.Check(cands)
		if err != nil {
			return v, err
		}
		found := false
		for _, w := range vs {
			if w.Diff != "" && w.Excluded == "" && (len(w.JS.Throws) > 0) == (len(v.JS.Throws) > 0) {
				v, found = w, true
				break
			}
		}
		if !found {
			return v, nil
		}
	}
}

func clone(c *Case) *Case {
	d := *c
	d.Nodes = make([]Node, len(c.Nodes))
	for i, n := range c.Nodes {
		n.In = slices.Clone(n.In)
		n.Alt = slices.Clone(n.Alt)
		n.Vals = slices.Clone(n.Vals)
		d.Nodes[i] = n
	}
	d.Ops = make([]Op, len(c.Ops))
	for i, op := range c.Ops {
		op.Acts = slices.Clone(op.Acts)
		d.Ops[i] = op
	}
	return &d
}

// candidates returns c with one thing less, each way there is that keeps
// the case valid (graphs.go: removing a subscription can leave a listener
// action on a stream of another graph than it assumed).
func candidates(c *Case) []*Case {
	var out []*Case
	for i, op := range c.Ops {
		d := clone(c)
		d.Ops = slices.Delete(d.Ops, i, i+1)
		out = append(out, d)
		for a := range op.Acts {
			d := clone(c)
			d.Ops[i].Acts = slices.Delete(d.Ops[i].Acts, a, a+1)
			out = append(out, d)
		}
	}
	for i := range c.Nodes {
		if d := removeNode(c, i); d != nil {
			out = append(out, d)
		}
	}
	// Fewer values in an of.
	for i, n := range c.Nodes {
		for k := range n.Vals {
			d := clone(c)
			d.Nodes[i].Vals = slices.Delete(d.Nodes[i].Vals, k, k+1)
			out = append(out, d)
		}
	}
	return slices.DeleteFunc(out, func(d *Case) bool { return !d.Valid() })
}

// removeNode returns c without node i, or nil if something uses node i.
func removeNode(c *Case, i int) *Case {
	for _, n := range c.Nodes {
		if slices.Contains(n.In, i) || slices.Contains(n.Alt, i) || (n.Op == OpProxy && n.Target == i) {
			return nil
		}
	}
	uses := func(op Op) bool { return (op.Kind != "unsub") && op.Node == i }
	for _, op := range c.Ops {
		if uses(op) {
			return nil
		}
		for _, a := range op.Acts {
			if uses(a.Op) {
				return nil
			}
		}
	}
	d := clone(c)
	d.Nodes = slices.Delete(d.Nodes, i, i+1)
	re := func(j int) int {
		if j > i {
			return j - 1
		}
		return j
	}
	for k := range d.Nodes {
		n := &d.Nodes[k]
		for x := range n.In {
			n.In[x] = re(n.In[x])
		}
		for x := range n.Alt {
			n.Alt[x] = re(n.Alt[x])
		}
		if n.Op == OpProxy {
			n.Target = re(n.Target)
		}
	}
	for k := range d.Ops {
		d.Ops[k].Node = re(d.Ops[k].Node)
		for a := range d.Ops[k].Acts {
			d.Ops[k].Acts[a].Op.Node = re(d.Ops[k].Acts[a].Op.Node)
		}
	}
	return d
}
