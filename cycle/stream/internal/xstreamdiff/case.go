package xstreamdiff

// Node is one stream of a generated pipeline. Nodes are numbered by their
// index in [Case.Nodes]; every input of a node comes before it, except the
// target of a proxy, which comes after it (that is how cycles are made).
//
// The functions an operator applies are chosen by F and parameterised by
// K; the renderers (gocode.go, jscode.go) and the interpreter (interp.go)
// implement the same table, on int values kept small by taking them
// modulo 1000 where they multiply.
type Node struct {
	Op  string `json:"op"`            // one of the Op* constants
	In  []int  `json:"in,omitempty"`  // inputs
	K   int    `json:"k,omitempty"`   // parameter: addend, factor, modulus, count, seed, value
	F   int    `json:"f,omitempty"`   // function variant (map, filter, fold)
	Alt []int  `json:"alt,omitempty"` // flatten*: the inner streams, chosen by value; replaceError: the replacement
	// Vals are the values of an of node.
	Vals []int `json:"vals,omitempty"`
	// Target is the node a proxy imitates.
	Target int `json:"target,omitempty"`
}

// The operators of a Node.
const (
	OpSrc          = "src"           // a Subject (xs.create() driven by shamefullySend*)
	OpOf           = "of"            // Of(Vals...)
	OpProxy        = "proxy"         // NewProxy + Imitate(Target) (xs.create() + imitate)
	OpMap          = "map"           // F0 x+K, F1 x*K%1000, F2 x%K
	OpMapTo        = "mapTo"         // K
	OpFilter       = "filter"        // F0 x%K==0, F1 x<K, F2 x%K!=0, F3 0<=x<K
	OpFold         = "fold"          // seed K; F0 a+x, F1 (a*3+x)%1000
	OpTake         = "take"          // K
	OpDrop         = "drop"          // K
	OpLast         = "last"          //
	OpStartWith    = "startWith"     // K
	OpRemember     = "remember"      //
	OpDropRepeats  = "dropRepeats"   //
	OpMerge        = "merge"         // 2 or 3 inputs
	OpCombine      = "combine"       // 2 or 3 inputs; (a*31+b)%1000, ((a*31+b)*31+c)%1000
	OpSample       = "sampleCombine" // In[0] samples In[1]; (t*31+o)%1000
	OpFlatten      = "flatten"       // In[0] mapped to Alt[mod(x, len(Alt))]
	OpFlattenConc  = "flattenConcurrently"
	OpFlattenSeq   = "flattenSequentially"
	OpEndWhen      = "endWhen"      // In[0] until In[1]
	OpReplaceError = "replaceError" // In[0], replaced by Alt[0]
	OpConcat       = "concat"       // 2 or 3 inputs
)

// Op is one operation of a schedule: Kind is "next", "error" or
// "complete" on the source node Node (with value V for next), "sub" (a new
// listener L on Node, with its Acts) or "unsub" (listener L).
type Op struct {
	Kind string   `json:"kind"`
	Node int      `json:"node,omitempty"`
	V    int      `json:"v,omitempty"`
	L    int      `json:"l,omitempty"`
	Acts []Action `json:"acts,omitempty"`
}

// Action is run from inside a listener's Next: when the listener receives
// its At-th value, it runs Op (which has no actions of its own).
type Action struct {
	At int `json:"at"`
	Op Op  `json:"op"`
}

// Case is one generated pipeline and its schedule. Every operation of Ops
// is a turn of its own: in Go one top-level call, hence one transaction
// (cycle/stream has no batch, as Go has no event-loop tick), and in Node
// one synchronous turn, after which pending timers (xstream's stops) run.
// Several things happen in one transaction only inside an emission, by
// the listener actions of an operation (see rules.go, "transactions").
type Case struct {
	Seed      uint64 `json:"seed"`
	Nodes     []Node `json:"nodes"`
	Ops       []Op   `json:"ops"`
	Listeners int    `json:"listeners"` // listener ids are 0..Listeners-1
}

// xsMemory reports whether node i is a MemoryStream in xstream 11.14.0:
// startWith, fold and remember make one; map, mapTo, take, endWhen and
// replaceError keep their input's kind (MemoryStream overrides them, or
// they use this.ctor()); every other operator and factory makes a Stream.
// imitate() refuses a MemoryStream.
func (c *Case) xsMemory(i int) bool {
	n := c.Nodes[i]
	switch n.Op {
	case OpStartWith, OpFold, OpRemember:
		return true
	case OpMap, OpMapTo, OpTake, OpEndWhen, OpReplaceError:
		return c.xsMemory(n.In[0])
	}
	return false
}

// sources returns the source nodes that node i depends on, through inputs,
// inner streams, replacements and proxies.
func (c *Case) sources(i int) map[int]bool {
	out := map[int]bool{}
	seen := map[int]bool{}
	var walk func(int)
	walk = func(j int) {
		if seen[j] {
			return
		}
		seen[j] = true
		n := c.Nodes[j]
		if n.Op == OpSrc {
			out[j] = true
		}
		for _, k := range n.In {
			walk(k)
		}
		for _, k := range n.Alt {
			walk(k)
		}
		if n.Op == OpProxy && n.Target > 0 {
			walk(n.Target)
		}
	}
	walk(i)
	return out
}
