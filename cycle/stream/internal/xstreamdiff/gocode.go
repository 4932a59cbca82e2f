package xstreamdiff

import (
	"fmt"
	"strings"
)

// Go renders c as a Go test function over cycle/stream's API that does what
// the interpreter (interp.go) does, for pasting into a test of the stream
// package (package stream_test; it needs errors, strconv, testing and
// cycle/stream). Every operation is a top-level call, a transaction of its
// own. logs[i] is what listener i received.
func (c *Case) Go() string {
	var b strings.Builder
	fmt.Fprintf(&b, "func TestXstreamSeed%d(t *testing.T) {\n", c.Seed)
	fmt.Fprintf(&b, "\tlogs := make([][]string, %d)\n\tcancels := make([]func(), %d)\n", c.Listeners, c.Listeners)
	b.WriteString(`	sub := func(id int, s *stream.Stream[int], act func(n int)) {
		n := 0
		cancels[id] = s.Subscribe(stream.Listener[int]{
			Next: func(v int) {
				logs[id] = append(logs[id], strconv.Itoa(v))
				n++
				if act != nil {
					act(n)
				}
			},
			Error:    func(error) { logs[id] = append(logs[id], "E") },
			Complete: func() { logs[id] = append(logs[id], "C") },
		})
	}
	unsub := func(id int) {
		if cancels[id] != nil {
			cancels[id]()
		}
	}
	mod := func(x, n int) int { return (x%n + n) % n }
	e := errors.New("e")
	_, _, _ = unsub, mod, e
`)
	for i, n := range c.Nodes {
		fmt.Fprintf(&b, "\tn%d := %s\n", i, c.goNode(n))
	}
	for i, n := range c.Nodes {
		if n.Op == OpProxy {
			fmt.Fprintf(&b, "\tif err := n%d.Imitate(n%d); err != nil {\n\t\tt.Fatal(err)\n\t}\n", i, n.Target)
		}
	}
	names := make([]string, len(c.Nodes))
	for i := range names {
		names[i] = fmt.Sprintf("n%d", i)
	}
	fmt.Fprintf(&b, "\t_ = []any{%s}\n", strings.Join(names, ", "))
	for _, op := range c.Ops {
		fmt.Fprintf(&b, "\t%s\n", c.goOp(op, "\t"))
	}
	b.WriteString("\tt.Logf(\"%q\", logs)\n}\n")
	return b.String()
}

// goStream is the expression for node i as a *stream.Stream[int].
func (c *Case) goStream(i int) string {
	if c.Nodes[i].Op == OpSrc {
		return fmt.Sprintf("n%d.Stream()", i)
	}
	return fmt.Sprintf("n%d", i)
}

func (c *Case) goNode(n Node) string {
	in := func(k int) string { return c.goStream(n.In[k]) }
	list := func(ids []int) string {
		s := make([]string, len(ids))
		for k, j := range ids {
			s[k] = c.goStream(j)
		}
		return strings.Join(s, ", ")
	}
	switch n.Op {
	case OpSrc:
		return "stream.NewSubject[int]()"
	case OpOf:
		return fmt.Sprintf("stream.Of[int](%s)", joinInts(n.Vals))
	case OpProxy:
		return "stream.NewProxy[int]()"
	case OpMap:
		f := [...]string{"x + %d", "x * %d %% 1000", "x %% %d"}[n.F]
		return fmt.Sprintf("stream.Map(%s, func(x int) int { return "+f+" })", in(0), n.K)
	case OpMapTo:
		return fmt.Sprintf("stream.MapTo(%s, %d)", in(0), n.K)
	case OpFilter:
		f := [...]string{"x%%%d == 0", "x < %d", "x%%%d != 0", "x >= 0 && x < %d"}[n.F]
		return fmt.Sprintf("%s.Filter(func(x int) bool { return "+f+" })", in(0), n.K)
	case OpFold:
		f := [...]string{"a + x", "(a*3 + x) % 1000"}[n.F]
		return fmt.Sprintf("stream.Fold(%s, %d, func(a, x int) int { return %s })", in(0), n.K, f)
	case OpTake:
		return fmt.Sprintf("%s.Take(%d)", in(0), n.K)
	case OpDrop:
		return fmt.Sprintf("%s.Drop(%d)", in(0), n.K)
	case OpLast:
		return in(0) + ".Last()"
	case OpStartWith:
		return fmt.Sprintf("%s.StartWith(%d)", in(0), n.K)
	case OpRemember:
		return in(0) + ".Remember()"
	case OpDropRepeats:
		return "stream.DropRepeats(" + in(0) + ")"
	case OpMerge:
		return "stream.Merge(" + list(n.In) + ")"
	case OpCombine:
		if len(n.In) == 2 {
			return fmt.Sprintf("stream.Combine2(%s, func(a, b int) int { return (a*31 + b) %% 1000 })", list(n.In))
		}
		return fmt.Sprintf("stream.Combine3(%s, func(a, b, c int) int { return ((a*31+b)*31 + c) %% 1000 })", list(n.In))
	case OpSample:
		return fmt.Sprintf("stream.SampleCombine(%s, func(t, o int) int { return (t*31 + o) %% 1000 })", list(n.In))
	case OpFlatten, OpFlattenConc, OpFlattenSeq:
		name := map[string]string{OpFlatten: "Flatten", OpFlattenConc: "FlattenConcurrently", OpFlattenSeq: "FlattenSequentially"}[n.Op]
		return fmt.Sprintf("stream.%s(stream.Map(%s, func(x int) *stream.Stream[int] { return []*stream.Stream[int]{%s}[mod(x, %d)] }))",
			name, in(0), list(n.Alt), len(n.Alt))
	case OpEndWhen:
		return fmt.Sprintf("stream.EndWhen(%s, %s)", in(0), in(1))
	case OpReplaceError:
		return fmt.Sprintf("%s.ReplaceError(func(error) *stream.Stream[int] { return %s })", in(0), c.goStream(n.Alt[0]))
	case OpConcat:
		return "stream.Concat(" + list(n.In) + ")"
	}
	panic("unknown operator " + n.Op)
}

func (c *Case) goOp(op Op, indent string) string {
	switch op.Kind {
	case "next":
		return fmt.Sprintf("n%d.Next(%d)", op.Node, op.V)
	case "error":
		return fmt.Sprintf("n%d.Error(e)", op.Node)
	case "complete":
		return fmt.Sprintf("n%d.Complete()", op.Node)
	case "unsub":
		return fmt.Sprintf("unsub(%d)", op.L)
	case "sub":
		if len(op.Acts) == 0 {
			return fmt.Sprintf("sub(%d, %s, nil)", op.L, c.goStream(op.Node))
		}
		var b strings.Builder
		fmt.Fprintf(&b, "sub(%d, %s, func(n int) {\n", op.L, c.goStream(op.Node))
		for _, a := range op.Acts {
			fmt.Fprintf(&b, "%s\tif n == %d {\n%s\t\t%s\n%s\t}\n", indent, a.At, indent, c.goOp(a.Op, indent+"\t\t"), indent)
		}
		fmt.Fprintf(&b, "%s})", indent)
		return b.String()
	}
	panic("unknown operation " + op.Kind)
}
