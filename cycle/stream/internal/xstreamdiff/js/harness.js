'use strict';
// The xstream side of cycle/stream's differential test
// (cycle/stream/internal/xstreamdiff). The Go test renders every generated
// case as a small JavaScript program over the runtime R below, sends a
// batch of programs as one JSON line on stdin, and reads one JSON line of
// results back: one node process runs every case of a test.
//
// Five things here are not plain xstream, and each is there on purpose:
//
//  1. Virtual timers. xstream stops a stream whose last listener left with
//     setTimeout(stop); a stop can remove the last listener of an upstream
//     stream, which schedules the next stop, and so on. R.turn ends a turn
//     by running every pending timer, the ones those timers schedule too,
//     in order: what a real event loop does when enough time passes between
//     two turns, without waiting for it. setTimeout is only used by xstream
//     for those stops (and to rethrow promise errors, which no case uses).
//
//  2. Origins. cycle/stream's combiners (Combine*, SampleCombine) emit at the
//     end of the transaction, once; xstream's at once, per input value. R
//     tags every event with its origin (the innermost combiner emission it
//     happens in, or "direct") and excludes a case when one of the rules in
//     ../rules.go applies, so that the two are only compared where they
//     must agree. The rules are described there; this file implements them.
//
//  3. Throws. xstream throws when an error reaches a stream that has no
//     listener (Stream.prototype._e). R catches it at the operation (or
//     listener action) that caused it and reports it, so the Go side can
//     tell these cases apart.
//
//  4. Deliberate differences modelled exactly (rules.go, D1 and D3):
//     Stream.prototype._n/_e/_c are xstream's, except that an inner
//     listener of flatten, flattenConcurrently, flattenSequentially or
//     concat that was removed from the stream during the emission does not
//     get the event in flight, nor does a merge that stopped during it, nor
//     any listener that got the stream's completion or error during it; a
//     harness listener hears nothing after its own error, completion or
//     removal; a restarted replaceError listens to its original input
//     again. And filter does not fuse a filter of a filter (X2), which
//     cycle/stream does not either.
//
//  5. Deliberate differences excluded (rules.go, D2, D2t, D4-D8, and the
//     stops of a listener action's own transaction, T), bugs of xstream
//     (X1, X3) and runaways (budget): the patched Stream methods report
//     when xstream's behaviour depends on them, and the case is excluded.

const timers = new Map();
let timerSeq = 0;
globalThis.setTimeout = function (f) {
  const id = ++timerSeq;
  timers.set(id, f);
  return id;
};
globalThis.clearTimeout = function (id) {
  timers.delete(id);
};
function drainTimers() {
  while (timers.size > 0) {
    const [id, f] = timers.entries().next().value;
    timers.delete(id);
    f();
  }
}

const xs = require('xstream').default;
const sampleCombine = require('xstream/extra/sampleCombine').default;
const concat = require('xstream/extra/concat').default;
const dropRepeats = require('xstream/extra/dropRepeats').default;
const flattenConcurrently = require('xstream/extra/flattenConcurrently').default;
const flattenSequentially = require('xstream/extra/flattenSequentially').default;


// The patches of points 4 and 5 above. `current` is the runtime of the case
// being run, whose exclude they call.
let current = null;
const { Stream, MemoryStream } = require('xstream');
const NO = xs.create()._err; // xstream's "none" sentinel
const innerClasses = (() => {
  const inner = xs.never();
  const probe = (f) => {
    const o = xs.create();
    const s = f(o.map(() => inner));
    s.addListener({});
    o.shamefullySendNext(0);
    return s;
  };
  const fl = probe((h) => h.flatten())._prod.il.constructor;
  const fs = probe((h) => h.compose(flattenSequentially))._prod.activeIL.constructor;
  probe((h) => h.compose(flattenConcurrently));
  const fc = inner._ils[inner._ils.length - 1].constructor;
  const cc = concat(xs.never(), xs.never())._prod.constructor;
  if (new Set([fl, fs, fc, cc]).size !== 4) throw new Error('harness: cannot find the inner listener classes of xstream');
  return [fl, fs, fc, cc];
})();
let rmSeq = 0;
const resolve = (s) => {
  while (s._target) s = s._target;
  return s;
};
// zombie: il is a listener that a stopped flattenConcurrently left on
// one of its inner streams (D6, below).
const zombie = (il) => il.__zombie === true;
let goPrunes = null; // (D7, below) whether cycle/stream prunes s's cycle
// inert: il was removed from s since the emission that started at seq began,
// and is an inner listener, which cycle/stream marks dead when it drops it;
// or il is a merge that stopped since then, whose ports cycle/stream marks
// done for good (D1): a merge that starts again makes new ones, where
// xstream's Merge, its own listener, is both in the copy of the listener
// array and in the new one.
const removed = (il, s, seq) => il.__rmFrom === s && il.__rm > seq;
const Merge = xs.merge(xs.never())._prod.constructor;
{
  const stop = Merge.prototype._stop;
  Merge.prototype._stop = function () {
    this.__stopped = ++rmSeq;
    return stop.call(this);
  };
}
const stoppedMerge = (il, seq) => il instanceof Merge && il.__stopped > seq;
const inert = (il, s, seq) => {
  const left = stoppedMerge(il, seq);
  if (!removed(il, s, seq) && !left) return false;
  // G6 (rules.go): removed in a combiner's emission, which comes after
  // this event in cycle/stream.
  if (current && il.__rmOrigin >= 0 && il.__rmOrigin !== current.origin()) {
    current.exclude(`G6: a listener removed in n${il.__rmOrigin}'s emission had an event of another origin on its way`);
  }
  return left || innerClasses.some((C) => il instanceof C);
};
const removeOrig = Stream.prototype._remove;
Stream.prototype._remove = function (il) {
  if (il) {
    il.__rm = ++rmSeq;
    il.__rmFrom = resolve(this);
    il.__rmOrigin = current ? current.origin() : -1;
    if (current && il.__rmFrom._ils.includes(il)) {
      il.__rmFrom.__lostTurn = current.turn();
      il.__rmFrom.__lostOrigin = current.origin();
    }
  }
  if (current) current.g5();
  const r = removeOrig.call(this, il);
  // D6: cycle/stream, where the zombies are gone, prunes a cycle that
  // xstream, which counts them, does not look at.
  const s = resolve(this);
  if (current && s._ils.some(zombie) && s._ils.filter((x) => !zombie(x)).length === 1 && goPrunes(s)) {
    current.exclude('D6: a stopped flattenConcurrently kept a listener that decided the pruning of a cycle');
  }
  // T: a stream left waiting for its stop (see graphOf, below).
  if (current && s._ils.length === 0 && s._stopID !== NO) current.waiting(s);
  return r;
};
// T (rules.go, "Transactions"): the graphs of cycle/stream, as far as the
// generated listener actions need them. Streams that ever listened to one
// another are one graph (a union-find on the streams, kept by _add below):
// an action of a listener is on the emitting graph when the generator
// made sure of it, and on a graph no path connects to it otherwise, whose
// streams xstream never links to it either (given X2, below: a fused
// filter would leave the filter in between out of its graph). outOf is
// the stream whose operator il is (startWith and remember add their
// stream itself), or null for a harness listener.
const outOf = (il) => {
  if (il instanceof Stream) return resolve(il);
  for (const o of [il.out, il.p && il.p.out, il.op && il.op.out]) if (o instanceof Stream) return resolve(o);
  return null;
};
const graphOf = (s) => {
  let r = resolve(s);
  while (r.__graph) r = r.__graph;
  return r;
};
const link = (a, b) => {
  const ra = graphOf(a);
  const rb = graphOf(b);
  if (ra !== rb) ra.__graph = rb;
};
// entry applies, to an event reaching stream s, the rules that depend on
// what happened to s earlier in the turn in a combiner's emission: G5 (s
// got a listener there, which in cycle/stream it gets after this event)
// and G6 (s lost a listener or was torn down there, which in cycle/stream
// happens after it).
const entry = (s) => {
  if (!current) return;
  const t = current.turn();
  const o = current.origin();
  if (s.__addTurn === t && s.__addOrigin >= 0 && s.__addOrigin !== o) {
    current.exclude(`G5: a stream got a listener in n${s.__addOrigin}'s emission, then an event of another origin`);
  }
  if (s.__lostTurn === t && s.__lostOrigin >= 0 && s.__lostOrigin !== o) {
    current.exclude(`G6: a stream lost a listener in n${s.__lostOrigin}'s emission, then got an event of another origin`);
  }
  if (s.__xTurn === t && s.__xOrigin >= 0 && s.__xOrigin !== o) {
    current.exclude(`G6: a stream torn down in n${s.__xOrigin}'s emission got an event of another origin`);
  }
  if (s.__cut === t) current.exclude('D8: a stream got an event after xstream cut its cycle, which Go cuts when the turn ends');
};
// torn reports whether s was torn down (by _x) since seq, and applies G6.
const torn = (s, seq) => {
  if (s.__xSeq > seq && current && s.__xOrigin >= 0 && s.__xOrigin !== current.origin()) {
    current.exclude(`G6: a stream torn down in n${s.__xOrigin}'s emission had an event of another origin on its way`);
  }
};
// ended: s completed or errored since seq, and il got that from it. D1:
// cycle/stream's sinks (a merge's, a combiner's input, an inner
// listener...) hear nothing after their end, even the value in flight;
// xstream's copy of the listener array delivers it.
const ended = (il, s, seq) => s.__xSeq > seq && s.__xIls.includes(il);
const xOrig = Stream.prototype._x;
Stream.prototype._x = function () {
  if (this._ils.length > 0 && current) {
    this.__xIls = this._ils.slice();
    this.__xSeq = ++rmSeq;
    this.__xTurn = current.turn();
    this.__xOrigin = current.origin();
  }
  return xOrig.call(this);
};
// (MemoryStream.prototype._x calls Stream.prototype._x: patched too.)
Stream.prototype._n = function (t) {
  entry(this);
  const a = this._ils;
  const L = a.length;
  if (this._d) this._dl._n(t);
  if (L == 1) a[0]._n(t);
  else if (L == 0) return;
  else {
    const b = a.slice();
    const seq = rmSeq;
    for (let i = 0; i < L; i++) {
      if (i > 0) torn(this, seq);
      if (ended(b[i], this, seq)) continue;
      if (!inert(b[i], this, seq)) b[i]._n(t);
    }
  }
};
const finished = (s, what) => {
  // D4: a stream waiting for its stop finishes; a listener that comes
  // back before the stop revives it finished.
  if (s._ils.length === 0 && s._stopID !== NO) s.__finIdle = what;
};
Stream.prototype._e = function (err) {
  // A stack overflow that an operator's try/catch turned into an error
  // is a runaway too (budget); where the overflow strikes depends on the
  // state of Node's JIT, so the error would differ from run to run.
  // Any RangeError: narrowed to "Maximum call stack" messages, the
  // runaway of seed 9885 was compared again, and differed.
  if (err instanceof RangeError && current) current.exclude('budget: a stack overflow that xstream caught and emitted as an error');
  entry(this);
  if (this._err !== NO) {
    if (current) current.exclude('D2: xstream ignored an error on a stream that had errored while it had no listener');
    return;
  }
  if (this._ils.length === 0 && this._prod !== NO && !this._d && current) {
    current.exclude('D2t: an error reached an operator stream with no listener: xstream throws it out of the emission');
  }
  finished(this, 'an error');
  this._err = err;
  const a = this._ils;
  const L = a.length;
  const seq = rmSeq;
  this._x();
  if (this._d) this._dl._e(err);
  if (L == 1) a[0]._e(err);
  else if (L == 0) return;
  else {
    const b = a.slice();
    for (let i = 0; i < L; i++) if (!inert(b[i], this, seq)) b[i]._e(err);
  }
  if (!this._d && L == 0) throw this._err;
};
Stream.prototype._c = function () {
  entry(this);
  finished(this, 'completion');
  const a = this._ils;
  const L = a.length;
  const seq = rmSeq;
  this._x();
  if (this._d) this._dl._c();
  if (L == 1) a[0]._c();
  else if (L == 0) return;
  else {
    const b = a.slice();
    for (let i = 0; i < L; i++) if (!inert(b[i], this, seq)) b[i]._c();
  }
};
const stopNowOrig = Stream.prototype._stopNow;
Stream.prototype._stopNow = function () {
  this.__finIdle = '';
  // X1: a MemoryStream that loses its last listener and gets one back,
  // inside the replay of its value to a new listener that came back
  // before its stop (a listener action), overwrites the id of its first
  // pending stop, which then runs: xstream stops a stream that has
  // listeners. A bug of xstream, not a difference of cycle/stream.
  if (this._ils.length > 0 && current) current.exclude('X1: xstream ran a stale stop on a stream that has listeners');
  return stopNowOrig.call(this);
};
for (const C of [Stream, MemoryStream]) {
  const add = C.prototype._add;
  C.prototype._add = function (il) {
    const s = resolve(this);
    if (current) {
      if (s._stopID !== NO && s.__finIdle && s._ils.length === 0) {
        current.exclude(`D4: a stream got ${s.__finIdle} while waiting for its stop, then a listener again`);
      }
      if (s._ils.length > 0 && s._ils.every(zombie)) {
        current.exclude('D6: a stream that only a stopped flattenConcurrently kept running got a listener again');
      }
      if (s.__cut === current.turn()) {
        current.exclude('D8: a stream got a sink after xstream cut its cycle, which Go keeps when a sink comes back before the turn ends');
      }
      if (s._stopID !== NO && s.__pruned === current.turn() && s._ils.length === 0) {
        current.exclude('D7e: xstream pruned what fed a stream waiting for its stop, which then got a listener again');
      }
      const o = outOf(il);
      if (current.goStopped(s) || (o !== null && current.goStopped(o))) {
        current.exclude("T: a stream that a listener's action on another graph left without listeners, which cycle/stream stops when that action returns, got a listener again in the same turn");
      }
      if (o !== null) link(s, o);
      current.g5();
      s.__addTurn = current.turn();
      s.__addOrigin = current.origin();
    }
    return add.call(this, il);
  };
}

// D5 (rules.go): xstream's endWhen subscribes to its input even when its
// other stream ended it as it was subscribed. Its start subscribes the
// other stream first, which may start other operators on the same input
// (a flatten of it, say): only the endWhen's own subscription counts.
{
  const EndWhen = xs.never().endWhen(xs.never())._prod.constructor;
  const start = EndWhen.prototype._start;
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  EndWhen.prototype._start = function (out) {
    const ins = this.ins;
    const own = has(ins, '_add');
    const prev = ins._add;
    const op = this;
    const patch = function (il) {
      if (il === op && op.out === NO && current) current.exclude('D5: endWhen ended as it started, and xstream subscribed to its input all the same');
      return prev.call(this, il);
    };
    ins._add = patch;
    try {
      return start.call(this, out);
    } finally {
      if (ins._add === patch) {
        if (own) ins._add = prev;
        else delete ins._add;
      }
    }
  };
}
// D7 (rules.go): cycle/stream's pruning of cycles (a stream left with one
// listener stops when all that listener feeds comes back to it) follows a
// sampleCombine's sampled input on to the sampleCombine's output, where
// xstream's _hasNoSinks counts a SampleCombineListener as a sink: a case
// where that decides is excluded. The walk below is cycle/stream's
// (graph.go, feedsOnly), which also counts a stream with no listener
// (waiting for its stop) as a sink, where xstream counts it as coming
// back and prunes what feeds it: that only matters (D7e) when the
// waiting stream gets a listener again before its stop, and xstream
// revives it cut off from its inputs; then the case is excluded.
{
  const SCL = require('xstream/extra/sampleCombine').SampleCombineListener;
  // mode 1: follow a sampled input to the sampleCombine's output; mode 2:
  // and a stream without listeners is a sink. waiting collects the
  // streams without listeners that the walk reached.
  // mode 1: follow a sampled input to the sampleCombine's output; mode 2:
  // and a stream without listeners is a sink, and a zombie of D6 is not
  // there. seen collects the streams without listeners that the walk
  // reached (waiting), and whether it passed a zombie.
  const noSinks = (self, x, trace, mode, seen) => {
    if (trace.indexOf(x) !== -1) return true;
    let out = x.out;
    if (mode >= 1 && x instanceof SCL) out = x.p.out instanceof Stream ? x.p.out : undefined;
    if (out === self) return true;
    if (out && out !== NO) return noSinks(self, out, trace.concat(x), mode, seen);
    if (x._ils) {
      let ils = x._ils;
      if (mode >= 2) {
        if (seen && ils.some(zombie)) seen.zombie = true;
        ils = ils.filter((il) => !zombie(il));
      }
      if (ils.length === 0) {
        if (seen) seen.waiting.push(x);
        return mode < 2;
      }
      for (let i = 0; i < ils.length; i++) if (!noSinks(self, ils[i], trace.concat(x), mode, seen)) return false;
      return true;
    }
    return false;
  };
  goPrunes = (s) => noSinks(s, s, [], 2);
  const prune = Stream.prototype._pruneCycles;
  Stream.prototype._pruneCycles = function () {
    if (current) {
      const x = noSinks(this, this, [], 0);
      const seen = { waiting: [], zombie: false };
      if (x !== noSinks(this, this, [], 2, seen)) {
        if (seen.zombie) {
          current.exclude('D6: a stopped flattenConcurrently kept a listener that decided the pruning of a cycle');
        } else if (x !== noSinks(this, this, [], 1)) {
          current.exclude("D7: cycle/stream prunes a cycle through a sampleCombine's sampled input, which xstream keeps running");
        } else {
          for (const w of seen.waiting) w.__pruned = current.turn();
        }
      }
    }
    const before = this._ils.length;
    const r = prune.call(this);
    // D8: xstream cut this stream's cycle now; Go waits for the end of
    // the turn.
    if (current && this._ils.length < before) this.__cut = current.turn();
    return r;
  };
}
// D6 (rules.go): xstream's flattenConcurrently does not unsubscribe from its
// inner streams when it stops. Such a listener (a zombie) makes a
// difference when it gets an event, when it keeps running a stream that
// in cycle/stream stops (the stream gets a listener again and does not
// restart), or when cycle/stream would prune the cycle of a stream that
// it keeps from being pruned (see D7); the case is then excluded.
{
  const FC = flattenConcurrently(xs.never())._prod.constructor;
  const FCIL = innerClasses[2];
  const stop = FC.prototype._stop;
  FC.prototype._stop = function () {
    this.__gen = (this.__gen | 0) + 1;
    for (const { s, il } of this.__inners || []) {
      if (s._ils.includes(il)) il.__zombie = true;
    }
    this.__inners = [];
    return stop.call(this);
  };
  FC.prototype._n = function (s) {
    const u = this.out;
    if (!u) return;
    this.active++;
    const il = new FCIL(u, this);
    il.__gen = this.__gen | 0;
    (this.__inners = this.__inners || []).push({ s: resolve(s), il });
    s._add(il);
  };
  for (const m of ['_n', '_e', '_c']) {
    const f = FCIL.prototype[m];
    FCIL.prototype[m] = function (x) {
      if (this.__gen !== (this.op.__gen | 0) && current) current.exclude('D6: an inner stream of a stopped flattenConcurrently still emitted into it');
      return f.call(this, x);
    };
  }
}

// X2 (rules.go): xstream's filter of a filter is one Filter on
// the first filter's input, with both predicates (Stream.prototype.filter
// fuses them), so the stream in between is not in the chain. cycle/stream
// has no such fusion: a listener of the second filter keeps the first one
// running, and gets what the first one gets, ends included. The harness
// builds every filter on the stream it is called on, as cycle/stream does.
{
  const Filter = xs.never().filter(() => true)._prod.constructor;
  Stream.prototype.filter = function (passes) {
    return new Stream(new Filter(passes, this));
  };
}
// X3 (rules.go): a bug of xstream. A combine that ends while it
// starts (an input errors as it is subscribed) still subscribes its other
// inputs, and its CombineListeners go into the list of listeners that its
// stop has just emptied; its next start adds to that list, so the stop
// after it removes the wrong listeners and leaves one on an input for
// good. The case is excluded when a stop leaves a listener behind.
{
  const Combine = xs.combine(xs.never())._prod.constructor;
  const stop = Combine.prototype._stop;
  Combine.prototype._stop = function () {
    const ins = this.insArr;
    const r = stop.call(this);
    // (A CombineListener's p is its combine.)
    if (current && ins.some((s) => resolve(s)._ils.some((il) => il.p === this))) {
      current.exclude('X3: xstream\'s combine, which had ended as it started, left a listener on an input when it stopped');
    }
    return r;
  };
}

class Budget extends Error {}

// runtime returns the R of one case.
function runtime() {
  let turnNo = 0;
  const stack = []; // node ids of the combiner emissions in progress
  let excluded = '';
  const throws = [];
  const logs = [];
  const subs = [];
  let budget = 20000;
  let replacing = 0; // replaceErrors in progress
  // Per turn: the combiners that emitted (id and the stack then), and the
  // listener actions that ran (with the stack then).
  let emitted = [];
  let actions = [];
  // Rule T: the graph of the turn's operation (a stream of it), the graphs
  // of the listener actions running on other graphs (each a transaction
  // of its own in cycle/stream), the streams left waiting for their stop
  // in the turn, and how deep listener actions are nested.
  let turnGraph = null;
  const otherGraphs = [];
  let waiting = [];
  let acting = 0;

  const exclude = (why) => {
    if (!excluded) excluded = why;
  };
  current = {
    exclude,
    origin: () => cur(),
    turn: () => turnNo,
    // g5 applies rule G5 to a subscription or unsubscription made by an
    // operator (flatten, concat, replaceError...), as act does to a
    // listener's.
    g5: () => {
      for (const e of emitted) {
        if (!stack.includes(e.id)) exclude(`G5: an operator (un)subscribed after n${e.id}'s emission in the same turn`);
      }
    },
    waiting: (s) => waiting.push(s),
    goStopped: (s) => stoppedInGo(s, new Set()) === 1,
  };
  // stoppedInGo tells whether cycle/stream has stopped s by now, where
  // xstream's s waits for its stop or still runs (rule T): 1 if s waits
  // for a stop that cycle/stream ran when a listener's action on another
  // graph returned, or every listener of s is an operator of a stream so
  // stopped (the stop went on upstream); 0 if not; 2 for a cycle of
  // listeners only.
  function stoppedInGo(s, seen) {
    if (seen.has(s)) return 2;
    seen.add(s);
    if (s._ils.length === 0) return s.__goStopped === turnNo && s._stopID !== NO ? 1 : 0;
    let r = 2;
    for (const il of s._ils) {
      const o = outOf(il);
      const x = o === null ? 0 : stoppedInGo(o, seen);
      if (x === 0) return 0;
      if (x === 1) r = 1;
    }
    return r;
  }
  // inGraph runs f, an operation on stream s. An operation of the turn
  // sets the turn's graph; a listener action on a graph that is not
  // running is a transaction of its own in cycle/stream, whose stops run
  // when it returns: the streams of that graph left waiting for their stop
  // by then are stopped in Go (rule T).
  function inGraph(s, f) {
    const g = graphOf(s);
    if (acting === 0) {
      turnGraph = s;
      return f();
    }
    if ((turnGraph !== null && graphOf(turnGraph) === g) || otherGraphs.some((x) => graphOf(x) === g)) return f();
    otherGraphs.push(s);
    try {
      return f();
    } finally {
      otherGraphs.pop();
      for (const w of waiting) {
        if (w._ils.length === 0 && w._stopID !== NO && graphOf(w) === graphOf(s)) w.__goStopped = turnNo;
      }
    }
  }
  const cur = () => (stack.length ? stack[stack.length - 1] : -1);
  const name = (o) => (o < 0 ? 'direct' : 'n' + o);
  const spend = () => {
    // xstream's replaceError catches what its replacement throws: the
    // budget, once spent, stays spent.
    if (--budget < 0) throw new Budget('event budget exceeded');
  };

  // watch records the events of node id's stream s for rule G2: within a
  // turn, a stream sees zero or more direct events, then events of at most
  // one combiner's emission.
  // originCheck returns the G2 check of one stream or listener (what):
  // within a turn, its events must all come from one origin, the direct
  // emission or one combiner's, with direct ones first (rules.go, G2).
  function originCheck(what) {
    const st = { turn: -1, origin: -1 };
    return () => {
      const o = cur();
      if (st.turn !== turnNo) {
        st.turn = turnNo;
        st.origin = o;
        return;
      }
      if (o === st.origin) return;
      if (o < 0) exclude(`G2: ${what} got a direct event after one from ${name(st.origin)}'s emission in the same turn`);
      else if (st.origin >= 0) exclude(`G2: ${what} got events from the emissions of ${name(st.origin)} and ${name(o)} in the same turn`);
      st.origin = o;
    };
  }

  function watch(id, s) {
    const proto = Object.getPrototypeOf(s);
    const g2 = originCheck(`n${id}`);
    const check = () => {
      spend();
      g2();
    };
    s._n = function (v) {
      check();
      return proto._n.call(this, v);
    };
    s._e = function (e) {
      check();
      return proto._e.call(this, e);
    };
    s._c = function () {
      check();
      return proto._c.call(this);
    };
    return s;
  }

  // combiner instruments the raw output stream c of combiner node id (kind
  // 'combine' or 'sampleCombine') for rules G1, G4 and G5.
  function combiner(id, kind, c) {
    const proto = Object.getPrototypeOf(c);
    const st = { turn: -1, emits: 0 };
    c._n = function (v) {
      spend();
      if (st.turn !== turnNo) {
        st.turn = turnNo;
        st.emits = 0;
      }
      st.emits++;
      if (kind === 'combine' && st.emits === 2) exclude(`G1: combine n${id} emitted twice in one turn`);
      for (const a of actions) {
        if (a.stack.length > 0 && !isPrefix(a.stack, stack)) {
          exclude(`G5: n${id} emitted after a listener action that ran in another combiner's emission`);
        }
      }
      emitted.push({ id, stack: stack.slice() });
      stack.push(id);
      try {
        return proto._n.call(this, v);
      } finally {
        stack.pop();
      }
    };
    const end = (what) => {
      if (st.turn === turnNo && st.emits > 0 && cur() !== id) {
        exclude(`G4: ${kind} n${id} emitted and then got ${what} from outside its emission in the same turn`);
      }
    };
    c._e = function (e) {
      end('an error');
      return proto._e.call(this, e);
    };
    c._c = function () {
      end('completion');
      return proto._c.call(this);
    };
    return c;
  }

  // sampled instruments sampleCombine node id (raw output stream c) for
  // rule G3.
  function sampled(id, c) {
    const op = c._prod;
    const st = { turn: -1, trig: null, pre: [] };
    const fresh = () => {
      if (st.turn !== turnNo) {
        st.turn = turnNo;
        st.trig = null;
        st.pre = [];
      }
    };
    const n = op._n;
    op._n = function (t) {
      if (this.out === c) {
        fresh();
        const o = cur();
        if (st.trig === null) {
          st.trig = o;
          for (const p of st.pre) {
            if (p !== -1 && p !== o) exclude(`G3: sampleCombine n${id}'s sampled input changed in ${name(p)}'s emission before a trigger from ${name(o)}`);
          }
        } else if (st.trig !== o) {
          exclude(`G3: sampleCombine n${id} was triggered from ${name(st.trig)} and ${name(o)} in one turn`);
        }
      }
      return n.call(this, t);
    };
    const up = op.up;
    op.up = function (t, i) {
      if (this.out === c) {
        fresh();
        const o = cur();
        if (st.trig !== null && o !== id) exclude(`G3: sampleCombine n${id}'s sampled input changed after a trigger in the same turn`);
        if (st.trig === null) st.pre.push(o);
      }
      return up.call(this, t, i);
    };
    return c;
  }

  function isPrefix(a, b) {
    if (a.length > b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  // act runs a listener action (or a subscribe/unsubscribe operation of the
  // schedule) under rule G5.
  function act(f) {
    for (const e of emitted) {
      if (!stack.includes(e.id)) {
        exclude(`G5: a listener action or (un)subscription ran after n${e.id}'s emission in the same turn`);
      }
    }
    actions.push({ stack: stack.slice() });
    guard(f);
  }

  function guard(f) {
    try {
      f();
    } catch (e) {
      if (e instanceof Budget) throw e;
      // A stack overflow is a runaway, as a spent budget.
      if (e instanceof RangeError) budget = -1;
      throws.push(String(e && e.message ? e.message : e));
    }
  }

  // listener is listener id, which runs acts; as cycle/stream's, it hears
  // nothing after its own error, completion or removal (rule D1), even
  // what xstream delivers from the copy of the listener array it made
  // before the removal.
  function listener(id, acts) {
    logs[id] = logs[id] || [];
    let n = 0;
    let dead = false;
    // G2, as for a stream (watch): a direct event after one from a
    // combiner's emission, or events of two combiners' emissions. A
    // stream's own check misses it when the combiner's emission is
    // nested in the stream's direct one (from a listener action), which
    // then goes on to this listener.
    const check = originCheck(`listener ${id}`);
    return {
      next(v) {
        if (dead) return;
        check();
        spend();
        logs[id].push(String(v));
        n++;
        for (const [at, f] of acts) {
          if (at !== n) continue;
          acting++;
          try {
            act(f);
          } finally {
            acting--;
          }
        }
      },
      error() {
        if (dead) return;
        check();
        dead = true;
        logs[id].push('E');
      },
      complete() {
        if (dead) return;
        check();
        dead = true;
        logs[id].push('C');
      },
      kill() {
        dead = true;
      },
    };
  }

  const R = {
    xs,
    sampleCombine,
    concat,
    dropRepeats,
    flattenConcurrently,
    flattenSequentially,
    watch,
    combiner,
    sampled,
    mod: (x, n) => ((x % n) + n) % n,
    err: () => new Error('e'),
    listeners(n) {
      for (let i = 0; i < n; i++) logs[i] = logs[i] || [];
    },
    turn(f) {
      turnNo++;
      emitted = [];
      actions = [];
      turnGraph = null;
      waiting = [];
      guard(f);
      emitted = [];
      drainTimers();
    },
    // op runs a subscribe or unsubscribe operation of a turn.
    op(f) {
      act(f);
    },
    // sub subscribes listener id. As in Go, where the cancel function is
    // only there once Subscribe has returned, an unsub of id that runs
    // while the subscription starts (from what its start emits) does
    // nothing.
    sub(id, s, acts) {
      const l = listener(id, acts || []);
      inGraph(s, () => s.addListener(l));
      subs[id] = { s, l };
    },
    unsub(id) {
      const x = subs[id];
      if (x) {
        x.l.kill();
        inGraph(x.s, () => x.s.removeListener(x.l));
      }
    },
    // replaceError makes the replaceError stream s restart on its
    // original input, as cycle/stream's does (rule D3).
    replaceError(s) {
      const op = s._prod;
      const ins = op.ins;
      const start = op._start;
      op._start = function (out) {
        this.ins = ins;
        return start.call(this, out);
      };
      // A replacement that errors as it starts is replaced again, and
      // again: a runaway (in cycle/stream too), which would end in a
      // stack overflow that xstream's replaceError catches.
      const e = op._e;
      op._e = function (err) {
        if (replacing > 200) {
          budget = -1;
          return;
        }
        replacing++;
        try {
          return e.call(this, err);
        } finally {
          replacing--;
        }
      };
      return s;
    },
    next(s, v) {
      inGraph(s, () => guard(() => s.shamefullySendNext(v)));
    },
    error(s) {
      inGraph(s, () => guard(() => s.shamefullySendError(new Error('e'))));
    },
    complete(s) {
      inGraph(s, () => guard(() => s.shamefullySendComplete()));
    },
    result() {
      if (budget < 0) return { logs, excluded: 'budget: more than 20000 events', throws };
      return { logs, excluded, throws };
    },
  };
  return R;
}

// runCase runs one rendered program and returns its result.
function runCase(src) {
  timers.clear();
  const R = runtime();
  try {
    new Function('R', src)(R);
  } catch (e) {
    if (e instanceof Budget) return { logs: [], excluded: 'budget: more than 20000 events', throws: [] };
    return { logs: [], excluded: '', throws: [], crash: String(e && e.stack ? e.stack : e) };
  }
  return R.result();
}

module.exports = { runtime, runCase, drainTimers };

if (require.main === module) {
  const readline = require('readline');
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const progs = JSON.parse(line);
    process.stdout.write(JSON.stringify(progs.map(runCase)) + '\n');
  });
}
