// Package xstreamdiff is a differential test of cycle/stream against
// xstream 11.14.0, its oracle (see the package doc of cycle/stream).
//
// [Generate] makes, from a seed, a random pipeline over int values (the
// operators of [Node], sources that are subjects, inner streams for the
// flatten operators, cycles through proxies) and a random schedule: turns
// of operations (values, errors and completions on the sources, listeners
// subscribing and unsubscribing, leaving and coming back in the same turn,
// and actions that listeners run from inside their Next). The case is
// rendered as a JavaScript program over xstream ([Case.JS], run by
// js/harness.js in one node process for hundreds of cases) and interpreted
// over cycle/stream in Go (interp.go); every listener must receive the same
// events on both sides. A disagreement is shrunk ([Oracle.Shrink]) and
// reported with the seed, both logs, and the case as Go ([Case.Go]) and as
// JavaScript.
//
// cycle/stream differs from xstream on purpose in its glitch-free
// combiners and in the deliberate differences D1-D8; rules.go says when
// that makes the two disagree, and such cases are excluded (or, for D1 and
// D3, xstream is made to behave as cycle/stream).
//
// TestAgainstXstream runs seeds 1..400 (make test);
// GOCYCLE_XSTREAM_CASES=20000 runs more (make bench), GOCYCLE_XSTREAM_SEED
// one. It skips without node or without xstream installed in js/node_modules
// (make xstream-oracle), and fails instead when GOCYCLE_REQUIRE_NODE=1.
package xstreamdiff
