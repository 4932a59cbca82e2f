package xstreamdiff

import (
	"fmt"
	"strings"
)

// Summary is c on one line: its nodes, then its operations (each a turn) separated by " ; ".
func (c *Case) Summary() string {
	var b strings.Builder
	for i, n := range c.Nodes {
		fmt.Fprintf(&b, "n%d=%s", i, n.Op)
		var args []string
		for _, j := range n.In {
			args = append(args, fmt.Sprintf("n%d", j))
		}
		switch n.Op {
		case OpMap, OpFilter, OpFold:
			args = append(args, fmt.Sprintf("f%d", n.F))
			fallthrough
		case OpMapTo, OpTake, OpDrop, OpStartWith:
			args = append(args, fmt.Sprint(n.K))
		case OpOf:
			args = append(args, joinInts(n.Vals))
		case OpProxy:
			args = append(args, fmt.Sprintf("->n%d", n.Target))
		}
		for _, j := range n.Alt {
			args = append(args, fmt.Sprintf("alt n%d", j))
		}
		fmt.Fprintf(&b, "(%s) ", strings.Join(args, ","))
	}
	b.WriteString("|")
	for i, op := range c.Ops {
		if i > 0 {
			b.WriteString(" ;")
		}
		b.WriteString(" " + op.short())
	}
	return b.String()
}

func (op Op) short() string {
	switch op.Kind {
	case "next":
		return fmt.Sprintf("n%d<-%d", op.Node, op.V)
	case "error", "complete":
		return fmt.Sprintf("n%d.%s", op.Node, op.Kind)
	case "unsub":
		return fmt.Sprintf("unsub%d", op.L)
	}
	s := fmt.Sprintf("sub%d(n%d)", op.L, op.Node)
	if len(op.Acts) > 0 {
		a := make([]string, len(op.Acts))
		for i, x := range op.Acts {
			a[i] = fmt.Sprintf("@%d:%s", x.At, x.Op.short())
		}
		s += "{" + strings.Join(a, " ") + "}"
	}
	return s
}
