// Package http is gocycle's HTTP driver, the Go counterpart of @cycle/http:
// the app's sink is a stream of [Request] values, and its [Source] gives,
// for every request, a stream of its [Response].
//
// The package is named http because that is what Cycle.js users look for;
// import it under another name so that it does not hide net/http:
//
//	import cyclehttp "github.com/gocycle/gocycle/drivers/http"
//
//	type Sources struct{ HTTP *cyclehttp.Source }
//	type Sinks struct{ HTTP *stream.Stream[cyclehttp.Request] }
//
//	cycle.Run(main, cycle.Drivers{"HTTP": cyclehttp.Driver()})
//
// # Requests and responses
//
// Every Request the sink emits becomes one response stream, emitted on
// [Source.All] and on [Source.Select] of its Category: a stream of
// streams, as in Cycle.js, so that each request's outcome stays apart
// from the others'. A response stream emits one Response and completes,
// or fails with a typed error: [*StatusError] for a status of 400 or
// more, [*TimeoutError] when Request.Timeout ran out, [*RequestError] when
// the request could not be sent or its body read (a refused connection,
// a connection closed mid-body, a body over the size limit), and
// context.Canceled for a request that was cancelled. A failed request is
// a value like any other: the driver and later requests go on.
//
// Because a failed response stream ends with an error, and an error ends
// every stream downstream of it, flatten response streams after turning
// their errors into values (with Stream.ReplaceError or a Map to a result
// type), as the package Example shows.
//
// Responses are delivered on the app's loop, in the order they complete,
// with their body read in full (up to [MaxBodySize]).
//
// # Cancellation
//
// A response stream that loses its last listener cancels its request: its
// context is cancelled, so that natively net/http abandons it (the server
// sees its request's context end) and under js/wasm the fetch is aborted. So Flatten over Select gives
// "switch to latest": a search box that fires five requests shows the
// answer to the last one only, and the four others are cancelled on the
// wire, not merely ignored. Cycle.js aborts only lazy requests; here every
// request is cancelled once nobody listens any more.
//
// A request is sent when the driver receives it, whether or not anybody
// listens to its response stream (as in Cycle.js: a save must happen even
// if the app does not look at its answer). It runs until it completes,
// until its response stream had a listener and lost it, or until the app
// is disposed. A [Request] with Lazy set is sent only when its response
// stream gets its first listener.
//
// A response stream remembers its outcome: a listener that arrives after
// the response (a Flatten that switches to it late) still receives it. A
// listener that arrives after the request was cancelled receives
// context.Canceled; the request is not sent again.
//
// Disposing the app cancels every request still in flight; the goroutines
// doing them end as soon as net/http returns.
//
// # Bodies and JSON
//
// Request.Body is sent as is when it is a []byte or a string; a value
// wrapped with [JSON] is sent as JSON. Response.JSON decodes a JSON body.
// JSON goes through encoding/json, which adds about half a megabyte to a
// wasm binary; the wrapper and the method keep it out of apps that never
// use them (the linker drops both).
//
// # Browser and native
//
// The driver uses net/http: natively its Transport, under GOOS=js the
// browser's fetch. Request.Credentials ("omit", "same-origin", "include")
// sets fetch's credentials mode under js/wasm and is ignored natively,
// where there are no cookies unless the Client given to [WithClient] has a
// Jar. Relative URLs are resolved against [BaseURL] if given, else, in the
// browser, against the page's location.
//
// Package drivers/http/odoo builds requests for Odoo's JSON-RPC and
// decodes its answers and errors.
package http
