package bench

import (
	"context"
	"testing"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/cycle/stream/rxstream"
	"github.com/reactivex/rxgo/v2"
)

// The cost of crossing between rxgo and gocycle with cycle/stream/rxstream,
// per value, each beside the same values without the crossing:
//
//	RxstreamFrom (rxgo → gocycle): a channel read by rxgo.FromChannel,
//	  observed directly (impl=rxgo), or through FromObservable by a
//	  listener on a cycle.Loop (impl=rxstream): each value is also posted
//	  to the loop as a task.
//	RxstreamTo (gocycle → rxgo): values pushed into a Subject in one task
//	  of a cycle.Loop, to a listener (impl=gocycle), or to an rxgo
//	  observer of ToObservable that reads them from its channel
//	  (impl=rxstream): each value is also queued for and sent on rxgo's
//	  channel.
//
// internal/bench/rxstream.sh writes them to the rxstream section of
// BENCHMARKS.md.

func BenchmarkRxstreamFrom(b *testing.B) {
	b.Run("src=push/impl=rxgo", func(b *testing.B) {
		ch := make(chan rxgo.Item)
		obs := rxgo.FromChannel(ch)
		go feed(ch, b.N)
		m := startMeter(b)
		sum := 0
		for it := range obs.Observe() {
			sum += it.V.(int)
		}
		m.stop()
		checkSum(b, sum)
	})
	b.Run("src=push/impl=rxstream", func(b *testing.B) {
		loop := cycle.NewLoop(nil)
		defer loop.Stop()
		ch := make(chan rxgo.Item)
		s := rxstream.FromObservable[int](rxgo.FromChannel(ch), loop)
		done := make(chan struct{})
		sum := 0
		loop.Post(func() {
			s.Subscribe(stream.Listener[int]{Next: func(v int) { sum += v }, Complete: func() { close(done) }})
		})
		go feed(ch, b.N)
		m := startMeter(b)
		<-done
		m.stop()
		checkSum(b, sum)
	})
}

func BenchmarkRxstreamTo(b *testing.B) {
	b.Run("src=push/impl=gocycle", func(b *testing.B) {
		loop := cycle.NewLoop(nil)
		defer loop.Stop()
		in := stream.NewSubject[int]()
		sum := 0
		loop.Do(func() { in.Stream().Subscribe(stream.Listener[int]{Next: func(v int) { sum += v }}) })
		m := startMeter(b)
		loop.Do(func() {
			for i := range b.N {
				in.Next(i)
			}
		})
		m.stop()
		checkSum(b, sum)
	})
	b.Run("src=push/impl=rxstream", func(b *testing.B) {
		loop := cycle.NewLoop(nil)
		defer loop.Stop()
		in := stream.NewSubject[int]()
		started := make(chan struct{})
		s := stream.Create(stream.NewProducer(func(l stream.Listener[int]) {
			close(started)
			in.Stream().Subscribe(l)
		}, nil))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		items := rxstream.ToObservable(s, loop).Observe(rxgo.WithContext(ctx))
		<-started
		m := startMeter(b)
		loop.Post(func() {
			for i := range b.N {
				in.Next(i)
			}
			in.Complete()
		})
		sum := 0
		for it := range items {
			sum += it.V.(int)
		}
		m.stop()
		checkSum(b, sum)
	})
}

func feed(ch chan<- rxgo.Item, n int) {
	for i := range n {
		ch <- rxgo.Of(i)
	}
	close(ch)
}

func checkSum(b *testing.B, sum int) {
	b.Helper()
	if want := b.N * (b.N - 1) / 2; sum != want {
		b.Fatalf("sum %d, want %d: values were lost or repeated", sum, want)
	}
}
