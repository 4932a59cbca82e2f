package xstreamdiff

import (
	"fmt"
	"strings"
)

// JS renders c as the body of a JavaScript function of R, the runtime of
// js/harness.js: the same pipeline built with xstream 11.14.0 and the same
// schedule, one R.turn per operation.
func (c *Case) JS() string {
	var b strings.Builder
	fmt.Fprintf(&b, "// seed %d\nconst xs = R.xs;\nR.listeners(%d);\n", c.Seed, c.Listeners)
	for i, n := range c.Nodes {
		fmt.Fprintf(&b, "const n%d = %s;\n", i, c.jsNode(i, n))
	}
	for i, n := range c.Nodes {
		if n.Op == OpProxy {
			fmt.Fprintf(&b, "n%d.imitate(n%d);\n", i, n.Target)
		}
	}
	for _, op := range c.Ops {
		fmt.Fprintf(&b, "R.turn(() => %s);\n", jsOp(op, true))
	}
	return b.String()
}

func (c *Case) jsNode(i int, n Node) string {
	in := func(k int) string { return fmt.Sprintf("n%d", n.In[k]) }
	list := func(ids []int) string {
		s := make([]string, len(ids))
		for k, j := range ids {
			s[k] = fmt.Sprintf("n%d", j)
		}
		return strings.Join(s, ", ")
	}
	w := func(e string) string { return fmt.Sprintf("R.watch(%d, %s)", i, e) }
	switch n.Op {
	case OpSrc:
		return w("xs.create()")
	case OpOf:
		return w(fmt.Sprintf("xs.of(%s)", joinInts(n.Vals)))
	case OpProxy:
		return "xs.create()"
	case OpMap:
		f := [...]string{"x + %d", "(x * %d) %% 1000", "x %% %d"}[n.F]
		return w(fmt.Sprintf("%s.map(x => "+f+")", in(0), n.K))
	case OpMapTo:
		return w(fmt.Sprintf("%s.mapTo(%d)", in(0), n.K))
	case OpFilter:
		f := [...]string{"x %% %d === 0", "x < %d", "x %% %d !== 0", "x >= 0 && x < %d"}[n.F]
		return w(fmt.Sprintf("%s.filter(x => "+f+")", in(0), n.K))
	case OpFold:
		f := [...]string{"a + x", "(a * 3 + x) % 1000"}[n.F]
		return w(fmt.Sprintf("%s.fold((a, x) => %s, %d)", in(0), f, n.K))
	case OpTake:
		return w(fmt.Sprintf("%s.take(%d)", in(0), n.K))
	case OpDrop:
		return w(fmt.Sprintf("%s.drop(%d)", in(0), n.K))
	case OpLast:
		return w(in(0) + ".last()")
	case OpStartWith:
		return w(fmt.Sprintf("%s.startWith(%d)", in(0), n.K))
	case OpRemember:
		return w(in(0) + ".remember()")
	case OpDropRepeats:
		return w(in(0) + ".compose(R.dropRepeats())")
	case OpMerge:
		return w("xs.merge(" + list(n.In) + ")")
	case OpCombine:
		raw := fmt.Sprintf("R.combiner(%d, 'combine', xs.combine(%s))", i, list(n.In))
		if len(n.In) == 2 {
			return w(raw + ".map(([a, b]) => (a * 31 + b) % 1000)")
		}
		return w(raw + ".map(([a, b, c]) => ((a * 31 + b) * 31 + c) % 1000)")
	case OpSample:
		raw := fmt.Sprintf("R.sampled(%d, R.combiner(%d, 'sampleCombine', %s.compose(R.sampleCombine(%s))))", i, i, in(0), in(1))
		return w(raw + ".map(([t, o]) => (t * 31 + o) % 1000)")
	case OpFlatten, OpFlattenConc, OpFlattenSeq:
		hi := fmt.Sprintf("%s.map(x => [%s][R.mod(x, %d)])", in(0), list(n.Alt), len(n.Alt))
		switch n.Op {
		case OpFlatten:
			return w(hi + ".flatten()")
		case OpFlattenConc:
			return w(hi + ".compose(R.flattenConcurrently)")
		}
		return w(hi + ".compose(R.flattenSequentially)")
	case OpEndWhen:
		return w(fmt.Sprintf("%s.endWhen(%s)", in(0), in(1)))
	case OpReplaceError:
		return w(fmt.Sprintf("R.replaceError(%s.replaceError(() => n%d))", in(0), n.Alt[0]))
	case OpConcat:
		return w("R.concat(" + list(n.In) + ")")
	}
	panic("unknown operator " + n.Op)
}

// jsOp renders op; top says it is an operation of a turn rather than a
// listener action (subscriptions of a turn go through R.op, for rule G5).
func jsOp(op Op, top bool) string {
	switch op.Kind {
	case "next":
		return fmt.Sprintf("R.next(n%d, %d)", op.Node, op.V)
	case "error", "complete":
		return fmt.Sprintf("R.%s(n%d)", op.Kind, op.Node)
	case "unsub":
		s := fmt.Sprintf("R.unsub(%d)", op.L)
		if top {
			s = "R.op(() => " + s + ")"
		}
		return s
	case "sub":
		acts := ""
		if len(op.Acts) > 0 {
			a := make([]string, len(op.Acts))
			for k, x := range op.Acts {
				a[k] = fmt.Sprintf("[%d, () => %s]", x.At, jsOp(x.Op, false))
			}
			acts = ", [" + strings.Join(a, ", ") + "]"
		}
		s := fmt.Sprintf("R.sub(%d, n%d%s)", op.L, op.Node, acts)
		if top {
			s = "R.op(() => " + s + ")"
		}
		return s
	}
	panic("unknown operation " + op.Kind)
}

func joinInts(vs []int) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}
