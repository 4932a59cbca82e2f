package xstreamdiff

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/gocycle/gocycle/cycle/stream"
)

// goBudget bounds the work of one case, as the event budget of
// harness.js does: past it, every filter drops and every map returns 0, so
// that a runaway cycle (a bug) ends instead of hanging the test.
const goBudget = 20000

// goResult is what a case did in Go: every listener's events ("3", "E"
// for an error, "C" for completion), or what went wrong.
type goResult struct {
	Logs  [][]string
	Panic string // a panic that escaped to the schedule, with its value
	Over  bool   // the budget ran out
}

// runGo interprets c over cycle/stream.
func runGo(c *Case) (res goResult) {
	in := &interp{c: c, logs: make([][]string, c.Listeners), cancels: make([]func(), c.Listeners)}
	for i := range in.logs {
		in.logs[i] = []string{}
	}
	defer func() {
		if r := recover(); r != nil {
			res.Panic = fmt.Sprint(r)
		}
		res.Logs = in.logs
		res.Over = in.spent > goBudget
	}()
	in.build()
	for _, op := range c.Ops {
		in.run(op) // a top-level call: a transaction of its own
	}
	return
}

type interp struct {
	c       *Case
	s       []*stream.Stream[int]
	subj    map[int]*stream.Subject[int]
	logs    [][]string
	cancels []func()
	spent   int
}

func (in *interp) over() bool {
	in.spent++
	return in.spent > goBudget
}

var errE = errors.New("e")

func (in *interp) build() {
	c := in.c
	in.s = make([]*stream.Stream[int], len(c.Nodes))
	in.subj = map[int]*stream.Subject[int]{}
	for i, n := range c.Nodes {
		in.s[i] = in.node(i, n)
	}
	for i, n := range c.Nodes {
		if n.Op == OpProxy {
			if err := in.s[i].Imitate(in.s[n.Target]); err != nil {
				panic(fmt.Sprintf("n%d.Imitate(n%d): %v", i, n.Target, err))
			}
		}
	}
}

func (in *interp) node(i int, n Node) *stream.Stream[int] {
	s := func(k int) *stream.Stream[int] { return in.s[n.In[k]] }
	switch n.Op {
	case OpSrc:
		sj := stream.NewSubject[int]()
		in.subj[i] = sj
		return sj.Stream()
	case OpOf:
		return stream.Of(n.Vals...)
	case OpProxy:
		return stream.NewProxy[int]()
	case OpMap:
		return stream.Map(s(0), func(x int) int {
			if in.over() {
				return 0
			}
			return mapF(n.F, n.K, x)
		})
	case OpMapTo:
		return stream.MapTo(s(0), n.K)
	case OpFilter:
		return s(0).Filter(func(x int) bool { return !in.over() && filterF(n.F, n.K, x) })
	case OpFold:
		return stream.Fold(s(0), n.K, func(a, x int) int { return foldF(n.F, a, x) })
	case OpTake:
		return s(0).Take(n.K)
	case OpDrop:
		return s(0).Drop(n.K)
	case OpLast:
		return s(0).Last()
	case OpStartWith:
		return s(0).StartWith(n.K)
	case OpRemember:
		return s(0).Remember()
	case OpDropRepeats:
		return stream.DropRepeats(s(0))
	case OpMerge:
		return stream.Merge(in.ins(n)...)
	case OpCombine:
		if len(n.In) == 2 {
			return stream.Combine2(s(0), s(1), combine2)
		}
		return stream.Combine3(s(0), s(1), s(2), combine3)
	case OpSample:
		return stream.SampleCombine(s(0), s(1), combine2)
	case OpFlatten, OpFlattenConc, OpFlattenSeq:
		alt := make([]*stream.Stream[int], len(n.Alt))
		for k, a := range n.Alt {
			alt[k] = in.s[a]
		}
		hi := stream.Map(s(0), func(x int) *stream.Stream[int] { return alt[mod(x, len(alt))] })
		switch n.Op {
		case OpFlatten:
			return stream.Flatten(hi)
		case OpFlattenConc:
			return stream.FlattenConcurrently(hi)
		}
		return stream.FlattenSequentially(hi)
	case OpEndWhen:
		return stream.EndWhen(s(0), s(1))
	case OpReplaceError:
		r := in.s[n.Alt[0]]
		return s(0).ReplaceError(func(error) *stream.Stream[int] {
			// A replacement that errors as it starts is replaced
			// again, and again: past the budget, by a stream that
			// does not.
			if in.over() {
				return stream.Never[int]()
			}
			return r
		})
	case OpConcat:
		return stream.Concat(in.ins(n)...)
	}
	panic("unknown operator " + n.Op)
}

func (in *interp) ins(n Node) []*stream.Stream[int] {
	out := make([]*stream.Stream[int], len(n.In))
	for k, j := range n.In {
		out[k] = in.s[j]
	}
	return out
}

func (in *interp) run(op Op) {
	switch op.Kind {
	case "next":
		in.subj[op.Node].Next(op.V)
	case "error":
		in.subj[op.Node].Error(errE)
	case "complete":
		in.subj[op.Node].Complete()
	case "sub":
		id, acts, count := op.L, op.Acts, 0
		in.cancels[id] = in.s[op.Node].Subscribe(stream.Listener[int]{
			Next: func(v int) {
				in.over()
				in.logs[id] = append(in.logs[id], strconv.Itoa(v))
				count++
				for _, a := range acts {
					if a.At == count {
						in.run(a.Op)
					}
				}
			},
			Error:    func(error) { in.logs[id] = append(in.logs[id], "E") },
			Complete: func() { in.logs[id] = append(in.logs[id], "C") },
		})
	case "unsub":
		if c := in.cancels[op.L]; c != nil {
			c()
		}
	default:
		panic("unknown operation " + op.Kind)
	}
}

// The functions of the operators, as in the table of [Node].

func mapF(f, k, x int) int {
	switch f {
	case 0:
		return x + k
	case 1:
		return x * k % 1000
	}
	return x % k
}

func filterF(f, k, x int) bool {
	switch f {
	case 0:
		return x%k == 0
	case 1:
		return x < k
	case 2:
		return x%k != 0
	}
	return x >= 0 && x < k
}

func foldF(f, a, x int) int {
	if f == 0 {
		return a + x
	}
	return (a*3 + x) % 1000
}

func combine2(a, b int) int    { return (a*31 + b) % 1000 }
func combine3(a, b, c int) int { return ((a*31+b)*31 + c) % 1000 }

func mod(x, n int) int { return (x%n + n) % n }
