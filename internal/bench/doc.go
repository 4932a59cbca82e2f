// Package bench measures cycle/stream against github.com/reactivex/rxgo/v2,
// natively and compiled to WebAssembly. It holds no library code: the
// benchmarks, and the test that checks both implementations compute the
// same results, live in its _test.go files, the only place rxgo is
// imported. `make bench` runs them with run.sh and writes BENCHMARKS.md.
//
// Every benchmark pushes one value through its pipeline per b.N iteration,
// so ns/op and allocs/op (with -benchmem) are per value; run.sh sets
// -benchtime=1000000x, so one run is 1,000,000 values.
package bench
