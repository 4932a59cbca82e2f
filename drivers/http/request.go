package http

import (
	"encoding/json"
	"errors"
	"fmt"
	nethttp "net/http"
	"time"
)

// Request describes one HTTP request. The app emits Requests on the
// driver's sink; each becomes a response stream on the [Source]. The
// driver reads a Request from the goroutine that sends it: like every
// value on a stream, it must not be changed (its maps included) once
// emitted.
type Request struct {
	// URL is absolute, or relative to [BaseURL] (in the browser, to the
	// page). Query parameters may be in the URL and in Query.
	URL string
	// Method is GET when empty, or POST when Body is set.
	Method string
	// Query holds query parameters added to those of URL; they are
	// encoded sorted by key, so equal requests make equal URLs.
	Query map[string]string
	// Headers are sent with the request. A JSON Body sets Content-Type
	// to application/json unless Headers gives one.
	Headers map[string]string
	// Body is nil, a []byte or a string sent as is, or a [BodyEncoder]
	// such as JSON(v), which sends v as JSON. Any other value fails the
	// request with a *RequestError that says so.
	Body any
	// Category is what [Source.Select] matches.
	Category string
	// Timeout, if positive, bounds the whole request, body included; when
	// it runs out the response stream fails with a *TimeoutError.
	Timeout time.Duration
	// Credentials is fetch's credentials mode under js/wasm: "omit",
	// "same-origin" (the browser's default, and what Odoo's session
	// cookie needs) or "include". Natively it is ignored.
	Credentials string
	// Lazy requests are sent only when their response stream gets its
	// first listener, instead of when the driver receives them.
	Lazy bool
}

// method returns the method the request is sent with.
func (r Request) method() string {
	switch {
	case r.Method != "":
		return r.Method
	case r.Body != nil:
		return nethttp.MethodPost
	}
	return nethttp.MethodGet
}

// String names the request in errors: method and URL.
func (r Request) String() string { return r.method() + " " + r.URL }

// BodyEncoder is a request body that encodes itself: [JSON] returns one,
// and an app may write its own (form encoding, protobuf). EncodeBody
// returns the bytes to send and their Content-Type.
type BodyEncoder interface {
	EncodeBody() (body []byte, contentType string, err error)
}

// JSON wraps v so that, as a Request.Body, it is sent as JSON. It is a
// wrapper rather than any non-byte Body because encoding/json costs about
// half a megabyte of wasm: apps that never call JSON do not link it.
func JSON(v any) BodyEncoder { return jsonBody{v} }

type jsonBody struct{ v any }

func (b jsonBody) EncodeBody() ([]byte, string, error) {
	data, err := json.Marshal(b.v)
	return data, "application/json", err
}

// encodeBody returns the bytes and default Content-Type of a Body.
func encodeBody(body any) ([]byte, string, error) {
	switch b := body.(type) {
	case nil:
		return nil, "", nil
	case []byte:
		return b, "", nil
	case string:
		return []byte(b), "", nil
	case BodyEncoder:
		return b.EncodeBody()
	}
	return nil, "", fmt.Errorf("a Body of type %T: send []byte, string, or a value wrapped with http.JSON", body)
}

// Response is the answer to a Request whose status is below 400.
type Response struct {
	// Request is the request this answers.
	Request Request
	// Status is the HTTP status code, such as 200.
	Status int
	// Header holds the response's headers.
	Header nethttp.Header
	// Body is the whole body, read before the response was delivered.
	Body []byte
}

// Text returns the body as a string.
func (r Response) Text() string { return string(r.Body) }

// JSON decodes the body, as JSON, into v. A body that is not valid JSON
// gives an error naming the request; the response stream is not affected.
func (r Response) JSON(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("http: decoding the JSON answer to %s: %w", r.Request, err)
	}
	return nil
}

// StatusError is the error of a request answered with a status of 400 or
// more. Response holds the whole answer, so that an app can show the
// server's own message.
type StatusError struct {
	Response Response
}

// Error names the request and its status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("http: %s: %d %s", e.Response.Request, e.Response.Status, nethttp.StatusText(e.Response.Status))
}

// TimeoutError is the error of a request that did not complete within its
// Request.Timeout. It matches context.DeadlineExceeded with errors.Is.
type TimeoutError struct {
	Request Request
	Timeout time.Duration
}

// Error names the request and its timeout.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("http: %s: no complete answer within %v", e.Request, e.Timeout)
}

// Is makes errors.Is(err, context.DeadlineExceeded) hold, as it does for
// timeouts elsewhere in Go.
func (e *TimeoutError) Is(target error) bool { return target == errDeadline }

// RequestError is the error of a request that could not be made or whose
// answer could not be read: a bad URL, a Body that cannot be encoded, a
// refused or broken connection, a body over the size limit.
type RequestError struct {
	Request Request
	Err     error
}

// Error names the request and the cause.
func (e *RequestError) Error() string { return fmt.Sprintf("http: %s: %v", e.Request, e.Err) }

// Unwrap returns the cause, such as io.ErrUnexpectedEOF or
// ErrBodyTooLarge.
func (e *RequestError) Unwrap() error { return e.Err }

// ErrBodyTooLarge is the cause of the *RequestError of a response whose
// body is longer than the driver's [MaxBodySize].
var ErrBodyTooLarge = errors.New("response body larger than the driver's MaxBodySize")
