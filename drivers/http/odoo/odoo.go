// Package odoo builds HTTP driver requests for Odoo's JSON-RPC and reads
// its answers: [CallKW] makes the Request that calls a model's method the
// way Odoo's own web client does, and [Decode] reads the result, or Odoo's
// error envelope as an [*Error].
//
//	req := odoo.CallKW("res.partner", "search_read",
//		[]any{[]any{[]any{"is_company", "=", true}}},
//		map[string]any{"fields": []string{"name"}, "limit": 5})
//	req.Category = "partners"
//	...
//	var partners []struct{ ID int; Name string }
//	err := odoo.Decode(resp, &partners) // *odoo.Error for Odoo's errors
//
// Odoo answers a failed call with HTTP status 200 and an error envelope,
// so the driver delivers it as a Response; Decode turns it into an error.
// A widget inside Odoo's web client calls its own origin, whose session
// cookie authenticates the call: the request's URL is relative and its
// credentials are "same-origin".
package odoo

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sync/atomic"

	cyclehttp "github.com/gocycle/gocycle/drivers/http"
)

// lastID numbers JSON-RPC calls, as Odoo's web client does; Odoo echoes
// the id, which helps when reading its logs.
var lastID atomic.Int64

// envelope is a JSON-RPC 2.0 call with Odoo's params for call_kw.
type envelope struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  params `json:"params"`
	ID      int64  `json:"id"`
}

type params struct {
	Model  string         `json:"model"`
	Method string         `json:"method"`
	Args   []any          `json:"args"`
	KWArgs map[string]any `json:"kwargs"`
}

// CallKW returns the Request that calls method of model with positional
// args and keyword kwargs through /web/dataset/call_kw/<model>/<method>,
// in Odoo's JSON-RPC 2.0 envelope. Nil args and kwargs are sent as [] and
// {}, which Odoo requires. Set the request's Category (and Timeout) before
// sending it.
func CallKW(model, method string, args []any, kwargs map[string]any) cyclehttp.Request {
	if args == nil {
		args = []any{}
	}
	if kwargs == nil {
		kwargs = map[string]any{}
	}
	return cyclehttp.Request{
		URL:    "/web/dataset/call_kw/" + url.PathEscape(model) + "/" + url.PathEscape(method),
		Method: "POST",
		Headers: map[string]string{
			"Content-Type": "application/json",
			"Accept":       "application/json",
		},
		Body: cyclehttp.JSON(envelope{
			JSONRPC: "2.0",
			Method:  "call",
			Params:  params{Model: model, Method: method, Args: args, KWArgs: kwargs},
			ID:      lastID.Add(1),
		}),
		Credentials: "same-origin",
	}
}

// answer is Odoo's JSON-RPC answer: a result or an error.
type answer struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      any             `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   *rpcError       `json:"error"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    struct {
		Name      string         `json:"name"`
		Message   string         `json:"message"`
		Debug     string         `json:"debug"`
		Arguments []any          `json:"arguments"`
		Context   map[string]any `json:"context"`
	} `json:"data"`
}

// Decode reads Odoo's JSON-RPC answer in r: its result into v (v may be
// nil to ignore it), or its error envelope as an *Error. An answer that
// is not a JSON-RPC envelope gives an error naming the request.
func Decode(r cyclehttp.Response, v any) error {
	var a answer
	if err := json.Unmarshal(r.Body, &a); err != nil {
		return fmt.Errorf("odoo: the answer to %s is not JSON-RPC: %w", r.Request, err)
	}
	if a.Error != nil {
		e := a.Error
		return &Error{
			Code: e.Code, RPCMessage: e.Message,
			Name: e.Data.Name, Message: e.Data.Message, Debug: e.Data.Debug,
			Arguments: e.Data.Arguments, Context: e.Data.Context,
		}
	}
	if a.Result == nil {
		return fmt.Errorf("odoo: the answer to %s has neither result nor error", r.Request)
	}
	if v == nil {
		return nil
	}
	if err := json.Unmarshal(a.Result, v); err != nil {
		return fmt.Errorf("odoo: decoding the result of %s: %w", r.Request, err)
	}
	return nil
}

// Error is an error Odoo reported in its JSON-RPC error envelope:
//
//	{"jsonrpc": "2.0", "id": 7, "error": {"code": 200, "message": "Odoo Server Error",
//	  "data": {"name": "odoo.exceptions.ValidationError", "message": "...",
//	           "debug": "Traceback ...", "arguments": [...], "context": {}}}}
type Error struct {
	// Code is the JSON-RPC error code: 200 for errors raised by the
	// call, 100 for an expired session, 404 for an unknown route.
	Code int
	// RPCMessage is the envelope's generic message, such as
	// "Odoo Server Error" or "Odoo Session Expired".
	RPCMessage string
	// Name is the Python exception's qualified name, such as
	// "odoo.exceptions.ValidationError"; compare it with the constants.
	Name string
	// Message is the exception's message, written for the user.
	Message string
	// Debug is the server's traceback, for logs, not for users.
	Debug string
	// Arguments are the exception's arguments.
	Arguments []any
	// Context is the context Odoo attached to the error.
	Context map[string]any
}

// The names of the exceptions a widget most often has to tell apart.
const (
	ValidationError = "odoo.exceptions.ValidationError"
	UserError       = "odoo.exceptions.UserError"
	AccessError     = "odoo.exceptions.AccessError"
	MissingError    = "odoo.exceptions.MissingError"
	SessionExpired  = "odoo.http.SessionExpiredException"
	AccessDenied    = "odoo.exceptions.AccessDenied"
	RedirectWarning = "odoo.exceptions.RedirectWarning"
)

// Error gives the exception's name and its message for the user.
func (e *Error) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.RPCMessage
	}
	if e.Name == "" {
		return fmt.Sprintf("odoo: %s (code %d)", msg, e.Code)
	}
	return fmt.Sprintf("odoo: %s: %s", e.Name, msg)
}

// SessionExpired reports whether the user's session ended: the widget
// should ask Odoo's web client to log in again rather than show the error.
func (e *Error) SessionExpired() bool { return e.Code == 100 || e.Name == SessionExpired }
