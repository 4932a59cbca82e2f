package http

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	nethttp "net/http"
	"net/url"
	"strings"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

var errDeadline = context.DeadlineExceeded

// DefaultMaxBodySize is the body size limit of a driver made without
// [MaxBodySize]: widgets load choices and records, not files.
const DefaultMaxBodySize = 10 << 20

// Option configures [Driver].
type Option func(*options)

type options struct {
	client  *nethttp.Client
	maxBody int64
	base    string
}

// WithClient makes the driver send requests with c instead of
// http.DefaultClient: for a cookie jar, a proxy, or a fake transport in
// tests. c.Timeout, if set, bounds every request as well.
func WithClient(c *nethttp.Client) Option { return func(o *options) { o.client = c } }

// MaxBodySize sets the largest response body the driver reads; a longer
// one fails its request with ErrBodyTooLarge. n <= 0 means no limit.
func MaxBodySize(n int64) Option { return func(o *options) { o.maxBody = n } }

// BaseURL resolves relative request URLs, such as Odoo's
// "/web/dataset/call_kw/...", against base. Without it they are resolved
// against the page's location under js/wasm, and fail natively.
func BaseURL(base string) Option { return func(o *options) { o.base = base } }

// Driver returns the HTTP driver: its sink takes the app's [Request]
// values, its [Source] gives their responses. One driver may serve
// several apps; each app's requests are its own.
func Driver(opts ...Option) cycle.Driver {
	o := options{client: nethttp.DefaultClient, maxBody: DefaultMaxBodySize}
	for _, opt := range opts {
		opt(&o)
	}
	return cycle.DriverFunc(func(sink *stream.Stream[Request], ctx *cycle.Context) (*Source, error) {
		base, err := baseURL(o.base)
		if err != nil {
			return nil, err
		}
		runCtx, cancelAll := context.WithCancel(context.Background())
		d := &driver{opts: o, base: base, loop: ctx.Loop, ctx: runCtx, all: stream.NewSubject[entry]()}
		// An error on the sink is reported by cycle.Run; the requests
		// already made go on.
		ctx.OnDispose(sink.Subscribe(stream.Listener[Request]{Next: d.receive}))
		ctx.OnDispose(cancelAll)
		return &Source{all: d.all.Stream()}, nil
	})
}

// baseURL parses the BaseURL option, or takes the page's location.
func baseURL(s string) (*url.URL, error) {
	if s == "" {
		s = pageURL()
		if s == "" {
			return nil, nil
		}
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("http: BaseURL %q: %v", s, err)
	}
	return u, nil
}

// driver is one app's HTTP driver. Everything but the goroutine in send
// runs on the app's loop.
type driver struct {
	opts options
	base *url.URL
	loop *cycle.Loop
	ctx  context.Context // cancelled when the app is disposed
	all  *stream.Subject[entry]
}

// entry is what the source's streams carry: a request and its response
// stream, so that Select and Filter can look at the request.
type entry struct {
	req Request
	res *stream.Stream[Response]
}

func (d *driver) receive(r Request) {
	c := &call{d: d, req: r}
	res := stream.Create(stream.NewProducer(c.start, c.stop))
	if !r.Lazy {
		c.send()
	}
	d.all.Next(entry{r, res})
}

// The states of a call.
const (
	idle      = iota // lazy and not yet listened to
	running          // sent, no answer yet
	done             // answered: res or err is the outcome
	cancelled        // its listeners left before the answer
)

// call is one request and the producer of its response stream.
type call struct {
	d      *driver
	req    Request
	state  int
	cancel context.CancelFunc
	out    stream.Listener[Response] // set while the stream has listeners
	listen bool
	gen    int // counts starts, so emit knows its listener is still the one
	res    Response
	err    error
}

// start is called when the response stream gets its first listener.
func (c *call) start(l stream.Listener[Response]) {
	c.out, c.listen = l, true
	c.gen++
	switch c.state {
	case idle:
		c.send()
	case done:
		c.emit()
	case cancelled:
		l.Error(context.Canceled)
	}
}

// stop is called when the last listener leaves, or after the stream has
// ended: a request still running is cancelled.
func (c *call) stop() {
	c.out, c.listen = stream.Listener[Response]{}, false
	if c.state == running {
		c.state = cancelled
		c.cancel()
	}
}

func (c *call) emit() {
	out, gen := c.out, c.gen
	if c.err != nil {
		out.Error(c.err)
		return
	}
	out.Next(c.res)
	// A listener of Next may have left, and another come, which was
	// given the response by its own start.
	if c.listen && c.gen == gen {
		out.Complete()
	}
}

// send starts the request on a goroutine of its own; the outcome comes
// back to the loop with Loop.Post.
func (c *call) send() {
	c.state = running
	var ctx context.Context
	var cancel context.CancelFunc
	if c.req.Timeout > 0 {
		ctx, cancel = context.WithTimeout(c.d.ctx, c.req.Timeout)
	} else {
		ctx, cancel = context.WithCancel(c.d.ctx)
	}
	c.cancel = cancel
	go func() {
		res, err := c.d.do(ctx, c.req)
		cancel()
		c.d.loop.Post(func() { c.settle(res, err) })
	}()
}

// settle records the outcome and delivers it, unless the call was
// cancelled meanwhile.
func (c *call) settle(res Response, err error) {
	if c.state != running {
		return
	}
	c.state = done
	c.res, c.err = res, err
	if c.listen {
		c.emit()
	}
}

// do makes the request and reads its answer. It runs on its own goroutine
// and touches nothing of the app.
func (d *driver) do(ctx context.Context, r Request) (Response, error) {
	hr, err := d.newRequest(ctx, r)
	if err != nil {
		return Response{}, &RequestError{Request: r, Err: err}
	}
	resp, err := d.opts.client.Do(hr)
	if err != nil {
		return Response{}, d.failure(ctx, r, err)
	}
	defer resp.Body.Close()
	body, err := readBody(resp.Body, d.opts.maxBody)
	if err != nil {
		return Response{}, d.failure(ctx, r, err)
	}
	res := Response{Request: r, Status: resp.StatusCode, Header: resp.Header, Body: body}
	if res.Status >= 400 {
		return Response{}, &StatusError{Response: res}
	}
	return res, nil
}

// failure classifies the error of a request: its context ending says
// why better than the error net/http wraps it in.
func (d *driver) failure(ctx context.Context, r Request, err error) error {
	switch ctx.Err() {
	case context.DeadlineExceeded:
		return &TimeoutError{Request: r, Timeout: r.Timeout}
	case context.Canceled:
		return context.Canceled
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the request is named by RequestError already
	}
	return &RequestError{Request: r, Err: err}
}

// readBody reads all of body, failing with ErrBodyTooLarge past max.
func readBody(body io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(body)
	}
	b, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrBodyTooLarge
	}
	return b, nil
}

// newRequest builds the net/http request for r.
func (d *driver) newRequest(ctx context.Context, r Request) (*nethttp.Request, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, err
	}
	if d.base != nil {
		u = d.base.ResolveReference(u)
	}
	if !u.IsAbs() {
		return nil, fmt.Errorf("relative URL %q and no BaseURL to resolve it against", r.URL)
	}
	if len(r.Query) > 0 {
		q := u.Query()
		for k, v := range r.Query {
			q.Add(k, v)
		}
		u.RawQuery = q.Encode()
	}
	body, ctype, err := encodeBody(r.Body)
	if err != nil {
		return nil, err
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	hr, err := nethttp.NewRequestWithContext(ctx, r.method(), u.String(), rd)
	if err != nil {
		return nil, err
	}
	for k, v := range r.Headers {
		hr.Header.Set(k, v)
	}
	if ctype != "" && hr.Header.Get("Content-Type") == "" {
		hr.Header.Set("Content-Type", ctype)
	}
	if c := strings.TrimSpace(r.Credentials); c != "" {
		setCredentials(hr, c)
	}
	return hr, nil
}

// Source is the HTTP driver's source: the response streams of the app's
// requests, each emitted when the driver receives its request. Like every
// source it is hot: a response stream emitted while nobody listens to the
// source is not kept (its request still runs, unless Lazy).
type Source struct {
	all *stream.Stream[entry]
}

// All returns a stream with one response stream per request.
func (s *Source) All() *stream.Stream[*stream.Stream[Response]] {
	return stream.Map(s.all, func(e entry) *stream.Stream[Response] { return e.res })
}

// Select returns the response streams of the requests whose Category is
// category ("" selects the requests without one). Flatten it for the
// responses to the latest request only, cancelling the others.
func (s *Source) Select(category string) *stream.Stream[*stream.Stream[Response]] {
	return s.Filter(func(r Request) bool { return r.Category == category }).All()
}

// Filter returns a Source with the requests for which keep returns true;
// isolated components use it to see their own requests only.
func (s *Source) Filter(keep func(Request) bool) *Source {
	return &Source{all: s.all.Filter(func(e entry) bool { return keep(e.req) })}
}
