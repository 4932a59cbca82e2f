// Package cycle runs gocycle apps: it connects a pure main function to the
// drivers that perform its effects, as Cycle.js's run does.
//
// A main function takes a struct of sources and returns a struct of sinks:
//
//	type Sources struct{ DOM *dom.Source; Time stream.Scheduler }
//	type Sinks struct{ DOM *stream.Stream[dom.Node] }
//
// [Run] matches fields to [Drivers] by name. For every driver that takes a
// sink it makes a proxy stream; it starts each driver with its proxy to get
// the driver's source, calls main with the sources, and then makes every
// proxy imitate the sink that main returned. Values that sinks emit before
// every driver is connected are buffered and delivered in order.
//
// Every emission of an app happens on the app's [Loop], one task at a
// time. A panic on the loop stops that app only: its sinks complete, its
// drivers are disposed and the error goes to the app's error hook, while
// the other apps in the process go on.
package cycle
