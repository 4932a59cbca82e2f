package bench

import (
	"runtime"
	"testing"

	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/reactivex/rxgo/v2"
)

// Every benchmark sends b.N values, 0 to b.N-1, through its pipeline, so
// ns/op and allocs/op are per value; run.sh sets -benchtime=1000000x.
// Building the pipeline and its input is not timed, except where building
// starts the run (the seq sources below: gocycle's Subscribe, rxgo's
// goroutines); running it to the end is. The result is checked after
// every run, so a benchmark that computes the wrong thing fails.
//
// Three implementations: impl=gocycle; impl=rxgo, rxgo as its README
// writes pipelines, with default options (a goroutine and an unbuffered
// channel per operator); impl=rxgo-buffered, the same with every channel
// buffered: WithBufferedChannel(1024) on every operator and on Range, and
// a 1024-item channel feeding FromChannel.
//
// Two sources:
//
//	src=push   the benchmark loop pushes each value in, as a driver does:
//	           gocycle Subject.Next (one transaction per value), rxgo
//	           a channel given to rxgo.FromChannel.
//	src=seq    a source that emits 0, ..., b.N-1 by itself once the
//	           pipeline is subscribed: gocycle FromSlice (the slice is
//	           made before the timer starts), rxgo Range, its idiomatic
//	           sequence of ints (Just(slice) reflects on every item and is
//	           5-15% slower).

func BenchmarkMapFilterFold(b *testing.B) { benchPipeline(b, mapFilterFold, true) }
func BenchmarkChain10(b *testing.B)       { benchPipeline(b, chain10, true) }

// BenchmarkMap and BenchmarkFilter time one operator on ints, which must
// not allocate per value in gocycle.
func BenchmarkMap(b *testing.B)    { benchPipeline(b, mapOnly, false) }
func BenchmarkFilter(b *testing.B) { benchPipeline(b, filterOnly, false) }

func benchPipeline(b *testing.B, p pipeline, withSeq bool) {
	b.Run("src=push/impl=gocycle", func(b *testing.B) { benchCyclePush(b, p) })
	for _, v := range rxVariants {
		b.Run("src=push/impl="+v.name, func(b *testing.B) { benchRxPush(b, p, v) })
	}
	if withSeq {
		b.Run("src=seq/impl=gocycle", func(b *testing.B) { benchCycleSeq(b, p) })
		for _, v := range rxVariants {
			b.Run("src=seq/impl="+v.name, func(b *testing.B) { benchRxSeq(b, p, v) })
		}
	}
}

func benchCyclePush(b *testing.B, p pipeline) {
	in := stream.NewSubject[int]()
	r := p.subscribe(p.cycle(in.Stream()))
	m := startMeter(b)
	for i := range b.N {
		in.Next(i)
	}
	in.Complete()
	m.stop()
	check(b, p, r.result)
}

func benchRxPush(b *testing.B, p pipeline, v rxVariant) {
	in, result := p.rxPush(v)
	m := startMeter(b)
	for i := range b.N {
		in <- rxgo.Of(i)
	}
	close(in)
	got, err := result()
	m.stop()
	check(b, p, func() (int, error) { return got, err })
}

func benchCycleSeq(b *testing.B, p pipeline) {
	out := p.cycle(stream.FromSlice(seq(b.N)))
	m := startMeter(b)
	r := p.subscribe(out) // FromSlice emits everything and completes here
	m.stop()
	check(b, p, r.result)
}

func benchRxSeq(b *testing.B, p pipeline, v rxVariant) {
	m := startMeter(b)
	got, err := p.rxSeq(v, b.N)()
	m.stop()
	check(b, p, func() (int, error) { return got, err })
}

// meter times the part of a benchmark between startMeter and stop and
// reports it per value: ns/value, and allocs/value and B/value as
// fractions, where -benchmem's allocs/op rounds down to an integer.
type meter struct {
	b  *testing.B
	m0 runtime.MemStats
}

func startMeter(b *testing.B) *meter {
	b.ReportAllocs()
	m := &meter{b: b}
	b.ResetTimer()
	runtime.ReadMemStats(&m.m0) // after ResetTimer, which allocates
	return m
}

func (m *meter) stop() {
	m.b.StopTimer()
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	n := float64(m.b.N)
	m.b.ReportMetric(float64(m.b.Elapsed().Nanoseconds())/n, "ns/value")
	m.b.ReportMetric(float64(m1.Mallocs-m.m0.Mallocs)/n, "allocs/value")
	m.b.ReportMetric(float64(m1.TotalAlloc-m.m0.TotalAlloc)/n, "B/value")
}

func check(b *testing.B, p pipeline, result func() (int, error)) {
	b.Helper()
	got, err := result()
	if err != nil {
		b.Fatal(err)
	}
	if want := p.want(b.N); got != want {
		b.Fatalf("%s over %d values: got %d, want %d", p.name, b.N, got, want)
	}
}
