package stream

import (
	"errors"
	"fmt"
)

// pipe is the common part of an operator with one input: it subscribes
// self to in while out has listeners, and passes errors and completion on.
type pipe[T, U any] struct {
	in   *Stream[T]
	out  *Stream[U]
	self sink[T]
	e    edge
}

func (p *pipe[T, U]) start(tx *txn, out *Stream[U]) {
	p.out = out
	p.e.to = &out.node
	p.in.add(tx, p.self, &p.e)
}

func (p *pipe[T, U]) stop(tx *txn)            { p.in.remove(tx, p.self) }
func (p *pipe[T, U]) fail(tx *txn, err error) { p.out.fail(tx, err) }
func (p *pipe[T, U]) end(tx *txn)             { p.out.end(tx) }

// keepsMemory makes out a memory stream when in is one: in xstream, map,
// mapTo, take, endWhen, replaceError and debug of a MemoryStream are
// MemoryStreams, so that a late listener of a mapped state still gets the
// current value. (filter, drop, last and the rest are not.)
func keepsMemory[T, U any](in *Stream[T], out *Stream[U]) *Stream[U] {
	out.mem = in.mem
	return out
}

// Map returns a stream that emits f(v) for every v of s; of a memory
// stream, a memory stream.
func Map[T, U any](s *Stream[T], f func(T) U) *Stream[U] {
	op := &mapOp[T, U]{f: f}
	op.pipe = pipe[T, U]{in: s, self: op}
	return keepsMemory(s, newStream[U]("Map", op, s.rank+1))
}

type mapOp[T, U any] struct {
	pipe[T, U]
	f func(T) U
}

// next recovers a panic of f itself instead of going through call1, like
// the next of Filter and Fold: one call fewer per value and operator, a
// good part of an operator's cost under wasm. The deferred function covers
// the downstream emission too, so done keeps a panic raised there, after
// f returned, from being taken for f's: it goes on up, as before. The
// stream fails from within the deferred function, so a panic in an Error
// listener that nothing recovers prints f's panic too, as [recovered].
func (op *mapOp[T, U]) next(tx *txn, v T) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				op.out.fail(tx, recovered("Map", r))
			}
		}
	}()
	u := op.f(v)
	done = true
	op.out.next(tx, u)
}

// nextReleasing is next for the first frame of an outermost emission
// (see releaser).
func (op *mapOp[T, U]) nextReleasing(tx *txn, v T) {
	at := inUserFunc
	defer func() {
		if at != returned {
			var r any
			if at == inUserFunc {
				r = recover()
			}
			tx.leaveReleaser(r, op.out, "Map")
		}
	}()
	u := op.f(v)
	at = downstream
	op.out.next(tx, u)
	at = returned
}

// MapTo returns a stream that emits u every time s emits; of a memory
// stream, a memory stream.
func MapTo[T, U any](s *Stream[T], u U) *Stream[U] {
	op := &mapToOp[T, U]{u: u}
	op.pipe = pipe[T, U]{in: s, self: op}
	return keepsMemory(s, newStream[U]("MapTo", op, s.rank+1))
}

type mapToOp[T, U any] struct {
	pipe[T, U]
	u U
}

func (op *mapToOp[T, U]) next(tx *txn, _ T) { op.out.next(tx, op.u) }

// Filter returns a stream that emits the values of s for which keep
// returns true. As in xstream, it is not a memory stream even when s is
// one: add [Stream.Remember] if late listeners need the last value kept.
func (s *Stream[T]) Filter(keep func(T) bool) *Stream[T] {
	op := &filterOp[T]{f: keep}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T]("Filter", op, s.rank+1)
}

type filterOp[T any] struct {
	pipe[T, T]
	f func(T) bool
}

func (op *filterOp[T]) next(tx *txn, v T) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				op.out.fail(tx, recovered("Filter", r))
			}
		}
	}()
	ok := op.f(v)
	done = true
	if ok {
		op.out.next(tx, v)
	}
}

// nextReleasing is next for the first frame of an outermost emission
// (see releaser).
func (op *filterOp[T]) nextReleasing(tx *txn, v T) {
	at := inUserFunc
	defer func() {
		if at != returned {
			var r any
			if at == inUserFunc {
				r = recover()
			}
			tx.leaveReleaser(r, op.out, "Filter")
		}
	}()
	ok := op.f(v)
	at = downstream
	if ok {
		op.out.next(tx, v)
	}
	at = returned
}

// Take returns a stream that emits the first n values of s and completes;
// of a memory stream, a memory stream. Completing removes it from s,
// which stops s's producer if nothing else listens.
func (s *Stream[T]) Take(n int) *Stream[T] {
	op := &takeOp[T]{n: n}
	op.pipe = pipe[T, T]{in: s, self: op}
	return keepsMemory(s, newStream[T]("Take", op, s.rank+1))
}

type takeOp[T any] struct {
	pipe[T, T]
	n, left int
}

func (op *takeOp[T]) start(tx *txn, out *Stream[T]) {
	op.left = op.n
	if op.n <= 0 {
		op.out = out
		out.end(tx)
		return
	}
	op.pipe.start(tx, out)
}

func (op *takeOp[T]) next(tx *txn, v T) {
	if op.left <= 0 {
		return
	}
	op.left--
	op.out.next(tx, v)
	if op.left == 0 {
		op.out.end(tx)
	}
}

// Drop returns a stream that skips the first n values of s and emits the
// rest.
func (s *Stream[T]) Drop(n int) *Stream[T] {
	op := &dropOp[T]{n: n}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T]("Drop", op, s.rank+1)
}

type dropOp[T any] struct {
	pipe[T, T]
	n, seen int
}

func (op *dropOp[T]) start(tx *txn, out *Stream[T]) {
	op.seen = 0
	op.pipe.start(tx, out)
}

func (op *dropOp[T]) next(tx *txn, v T) {
	if op.seen < op.n {
		op.seen++
		return
	}
	op.out.next(tx, v)
}

// ErrNoLast is the error of [Stream.Last] when its input completes
// without a value.
var ErrNoLast = errors.New("stream: Last: the stream completed without a value")

// Last returns a stream that emits the last value of s when s completes,
// and then completes. If s completes without a value, Last errors with
// [ErrNoLast], as xstream's last does.
func (s *Stream[T]) Last() *Stream[T] {
	op := &lastOp[T]{}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T]("Last", op, s.rank+1)
}

type lastOp[T any] struct {
	pipe[T, T]
	has bool
	v   T
}

func (op *lastOp[T]) start(tx *txn, out *Stream[T]) {
	var zero T
	op.has, op.v = false, zero
	op.pipe.start(tx, out)
}

func (op *lastOp[T]) next(_ *txn, v T) { op.has, op.v = true, v }

func (op *lastOp[T]) end(tx *txn) {
	if !op.has {
		op.out.fail(tx, ErrNoLast)
		return
	}
	op.out.next(tx, op.v)
	op.out.end(tx)
}

// StartWith returns a memory stream that emits v first, then the values of
// s.
func (s *Stream[T]) StartWith(v T) *Stream[T] {
	op := &startWithOp[T]{v: v}
	op.pipe = pipe[T, T]{in: s, self: op}
	out := newStream[T]("StartWith", op, s.rank+1)
	out.mem = true
	return out
}

type startWithOp[T any] struct {
	pipe[T, T]
	v T
}

func (op *startWithOp[T]) start(tx *txn, out *Stream[T]) {
	op.out = out
	out.next(tx, op.v)
	if out.emitting() {
		op.pipe.start(tx, out)
	}
}

func (op *startWithOp[T]) next(tx *txn, v T) { op.out.next(tx, v) }

// Remember returns a memory stream that emits what s emits and replays the
// latest value to every listener that subscribes later. Of a memory
// stream it returns s itself, as xstream does.
func (s *Stream[T]) Remember() *Stream[T] {
	if s.mem {
		return s
	}
	op := &passOp[T]{}
	op.pipe = pipe[T, T]{in: s, self: op}
	out := newStream[T]("Remember", op, s.rank+1)
	out.mem = true
	return out
}

type passOp[T any] struct{ pipe[T, T] }

func (op *passOp[T]) next(tx *txn, v T) { op.out.next(tx, v) }

// Fold returns a memory stream that emits seed, then acc = f(acc, v) for
// every v of s: a running reduction, as Cycle.js counts clicks.
func Fold[T, A any](s *Stream[T], seed A, f func(A, T) A) *Stream[A] {
	op := &foldOp[T, A]{seed: seed, f: f}
	op.pipe = pipe[T, A]{in: s, self: op}
	out := newStream[A]("Fold", op, s.rank+1)
	out.mem = true
	return out
}

type foldOp[T, A any] struct {
	pipe[T, A]
	seed, acc A
	f         func(A, T) A
}

func (op *foldOp[T, A]) start(tx *txn, out *Stream[A]) {
	op.out = out
	op.acc = op.seed
	out.next(tx, op.acc)
	if out.emitting() {
		op.pipe.start(tx, out)
	}
}

func (op *foldOp[T, A]) next(tx *txn, v T) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				op.out.fail(tx, recovered("Fold", r))
			}
		}
	}()
	acc := op.f(op.acc, v)
	done = true
	op.acc = acc
	op.out.next(tx, acc)
}

// nextReleasing is next for the first frame of an outermost emission
// (see releaser).
func (op *foldOp[T, A]) nextReleasing(tx *txn, v T) {
	at := inUserFunc
	defer func() {
		if at != returned {
			var r any
			if at == inUserFunc {
				r = recover()
			}
			tx.leaveReleaser(r, op.out, "Fold")
		}
	}()
	acc := op.f(op.acc, v)
	at = downstream
	op.acc = acc
	op.out.next(tx, acc)
	at = returned
}

// EndWhen returns a stream that emits what s emits until other emits or
// completes, and then completes; of a memory stream, a memory stream.
func EndWhen[T, U any](s *Stream[T], other *Stream[U]) *Stream[T] {
	op := &endWhenOp[T, U]{other: other}
	op.pipe = pipe[T, T]{in: s, self: op}
	op.sig = &signal[U]{on: func(tx *txn) { op.out.end(tx) }, onErr: func(tx *txn, err error) { op.out.fail(tx, err) }}
	return keepsMemory(s, newStream[T]("EndWhen", op, rankAfter(s.rank, other.rank)))
}

type endWhenOp[T, U any] struct {
	pipe[T, T]
	other *Stream[U]
	sig   *signal[U]
}

// signal calls on for the first value or completion of a stream it
// listens to, whatever the type of that stream.
type signal[U any] struct {
	on    func(tx *txn)
	onErr func(tx *txn, err error)
	e     edge
}

func (g *signal[U]) next(tx *txn, _ U)        { g.on(tx) }
func (g *signal[U]) end(tx *txn)              { g.on(tx) }
func (g *signal[U]) fail(tx *txn, err error)  { g.onErr(tx, err) }
func (op *endWhenOp[T, U]) next(tx *txn, v T) { op.out.next(tx, v) }

func (op *endWhenOp[T, U]) start(tx *txn, out *Stream[T]) {
	op.out = out
	op.sig.e.to = &out.node
	op.other.add(tx, op.sig, &op.sig.e)
	if out.emitting() {
		op.pipe.start(tx, out)
	}
}

func (op *endWhenOp[T, U]) stop(tx *txn) {
	op.other.remove(tx, op.sig)
	op.pipe.stop(tx)
}

// ReplaceError returns a stream that emits what s emits; when s errors, it
// continues with the stream that replace returns for that error. The
// replacement may itself error, and is replaced in turn. Of a memory
// stream it gives a memory stream.
func (s *Stream[T]) ReplaceError(replace func(error) *Stream[T]) *Stream[T] {
	op := &replaceErrorOp[T]{orig: s, f: replace}
	return keepsMemory(s, newStream[T]("ReplaceError", op, s.rank+1))
}

// maxReplacements bounds the replacements made within one error: a
// replacement that errors as soon as it is subscribed is replaced at once,
// inside the same call, and without a bound that would recurse until the
// goroutine's stack overflows, which no recover can catch.
const maxReplacements = 1000

type replaceErrorOp[T any] struct {
	orig  *Stream[T]
	f     func(error) *Stream[T]
	out   *Stream[T]
	in    *Stream[T]
	cur   *forward[T] // each input gets its own: see subscribe
	depth int         // replacements in progress, one inside the other
}

func (op *replaceErrorOp[T]) start(tx *txn, out *Stream[T]) {
	op.out, op.depth = out, 0
	op.subscribe(tx, op.orig)
}

// subscribe listens to in with a new sink, so that a replacement that is
// the stream that just errored (subscribed again during its own
// emission) does not receive the value in flight of the old one.
func (op *replaceErrorOp[T]) subscribe(tx *txn, in *Stream[T]) {
	op.in = in
	op.cur = newForward(op.out)
	op.cur.onEnd = op.out.end
	op.cur.onFail = op.replace
	in.add(tx, op.cur, &op.cur.e)
}

func (op *replaceErrorOp[T]) stop(tx *txn) {
	if op.cur != nil {
		op.cur.dead = true
		op.in.remove(tx, op.cur)
		op.cur = nil
	}
}

func (op *replaceErrorOp[T]) replace(tx *txn, err error) {
	if !op.out.active {
		return
	}
	op.in.remove(tx, op.cur)
	op.cur = nil
	next, perr := call1("ReplaceError", op.f, err)
	if perr == nil {
		perr = replacementError(next == nil, op.depth, err)
	}
	if perr != nil {
		op.out.fail(tx, perr)
		return
	}
	if !op.out.active { // f ended the stream itself
		return
	}
	op.depth++
	op.subscribe(tx, next)
	op.depth--
}

// replacementError is the error of a replacement that cannot go on: f
// gave no stream, or too many replacements errored in a row.
func replacementError(noStream bool, depth int, err error) error {
	switch {
	case noStream:
		return &PanicError{Op: "ReplaceError", Value: "the replace function returned a nil stream"}
	case depth >= maxReplacements:
		return fmt.Errorf("stream: ReplaceError: %d replacements in a row errored as they were subscribed; the last error: %w", maxReplacements, err)
	}
	return nil
}

// Debug returns a stream that emits what s emits after passing each value
// to spy, for logging; a panic in spy becomes an error on the stream. Of
// a memory stream it gives a memory stream.
func (s *Stream[T]) Debug(spy func(T)) *Stream[T] {
	op := &debugOp[T]{spy: spy}
	op.pipe = pipe[T, T]{in: s, self: op}
	return keepsMemory(s, newStream[T]("Debug", op, s.rank+1))
}

type debugOp[T any] struct {
	pipe[T, T]
	spy func(T)
}

func (op *debugOp[T]) next(tx *txn, v T) {
	if !op.out.active {
		return
	}
	if err := call0("Debug", op.spy, v); err != nil {
		op.out.fail(tx, err)
		return
	}
	op.out.next(tx, v)
}

// DropRepeats returns a stream that skips a value equal to the one emitted
// just before it.
func DropRepeats[T comparable](s *Stream[T]) *Stream[T] {
	return s.dropRepeats("DropRepeats", func(a, b T) bool { return a == b })
}

// DropRepeatsFunc is [DropRepeats] with equal deciding what is a repeat.
func (s *Stream[T]) DropRepeatsFunc(equal func(a, b T) bool) *Stream[T] {
	return s.dropRepeats("DropRepeatsFunc", equal)
}

func (s *Stream[T]) dropRepeats(name string, equal func(a, b T) bool) *Stream[T] {
	op := &dropRepeatsOp[T]{name: name, eq: equal}
	op.pipe = pipe[T, T]{in: s, self: op}
	return newStream[T](name, op, s.rank+1)
}

type dropRepeatsOp[T any] struct {
	pipe[T, T]
	name string
	eq   func(a, b T) bool
	has  bool
	prev T
}

func (op *dropRepeatsOp[T]) start(tx *txn, out *Stream[T]) {
	var zero T
	op.has, op.prev = false, zero
	op.pipe.start(tx, out)
}

func (op *dropRepeatsOp[T]) next(tx *txn, v T) {
	if !op.out.active {
		return
	}
	if op.has {
		same, err := call2(op.name, op.eq, op.prev, v)
		if err != nil {
			op.out.fail(tx, err)
			return
		}
		if same {
			return
		}
	}
	op.has, op.prev = true, v
	op.out.next(tx, v)
}

// Pairwise returns a stream that emits each value of s with the one before
// it, as [previous, current], from the second value on.
func Pairwise[T any](s *Stream[T]) *Stream[[2]T] {
	op := &pairwiseOp[T]{}
	op.pipe = pipe[T, [2]T]{in: s, self: op}
	return newStream[[2]T]("Pairwise", op, s.rank+1)
}

type pairwiseOp[T any] struct {
	pipe[T, [2]T]
	has  bool
	prev T
}

func (op *pairwiseOp[T]) start(tx *txn, out *Stream[[2]T]) {
	var zero T
	op.has, op.prev = false, zero
	op.pipe.start(tx, out)
}

func (op *pairwiseOp[T]) next(tx *txn, v T) {
	prev, had := op.prev, op.has
	op.has, op.prev = true, v
	if had {
		op.out.next(tx, [2]T{prev, v})
	}
}

// Buffer returns a stream that collects the values of s and emits them as
// one slice each time separator emits. When s completes, what was
// collected is emitted before completion.
func Buffer[T, U any](s *Stream[T], separator *Stream[U]) *Stream[[]T] {
	op := &bufferOp[T, U]{sep: separator}
	op.pipe = pipe[T, []T]{in: s, self: op}
	op.sig = &signal[U]{on: op.flushBuf, onErr: func(tx *txn, err error) { op.out.fail(tx, err) }}
	return newStream[[]T]("Buffer", op, rankAfter(s.rank, separator.rank))
}

type bufferOp[T, U any] struct {
	pipe[T, []T]
	sep *Stream[U]
	sig *signal[U]
	buf []T
}

func (op *bufferOp[T, U]) start(tx *txn, out *Stream[[]T]) {
	op.out = out
	op.buf = nil
	op.sig.e.to = &out.node
	op.sep.add(tx, op.sig, &op.sig.e)
	if out.emitting() {
		op.pipe.start(tx, out)
	}
}

func (op *bufferOp[T, U]) stop(tx *txn) {
	op.sep.remove(tx, op.sig)
	op.pipe.stop(tx)
}

func (op *bufferOp[T, U]) next(_ *txn, v T) {
	if op.out.active {
		op.buf = append(op.buf, v)
	}
}

func (op *bufferOp[T, U]) flushBuf(tx *txn) {
	if len(op.buf) == 0 {
		return
	}
	b := op.buf
	op.buf = nil
	op.out.next(tx, b)
}

func (op *bufferOp[T, U]) end(tx *txn) {
	op.flushBuf(tx)
	op.out.end(tx)
}
