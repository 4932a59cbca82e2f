package odoo_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	cyclehttp "github.com/gocycle/gocycle/drivers/http"
	"github.com/gocycle/gocycle/drivers/http/odoo"
)

// Answers as Odoo 16 and 17 send them (odoo/http.py, JsonRPCDispatcher).
const (
	okAnswer        = `{"jsonrpc": "2.0", "id": 7, "result": [{"id": 14, "name": "Azure Interior"}, {"id": 10, "name": "Deco Addict"}]}`
	falseAnswer     = `{"jsonrpc": "2.0", "id": 8, "result": false}`
	validationError = `{"jsonrpc": "2.0", "id": 9, "error": {"code": 200, "message": "Odoo Server Error", "data": {"name": "odoo.exceptions.ValidationError", "debug": "Traceback (most recent call last):\n  File \"/odoo/odoo/http.py\", line 1765, in _serve_db\n    return service_model.retrying(self._serve_ir_http, self.env)\nodoo.exceptions.ValidationError: The weight must be positive.\n", "message": "The weight must be positive.", "arguments": ["The weight must be positive."], "context": {}}}}`
	sessionExpired  = `{"jsonrpc": "2.0", "id": null, "error": {"code": 100, "message": "Odoo Session Expired", "data": {"name": "odoo.http.SessionExpiredException", "debug": "Traceback (most recent call last):\n...\nodoo.http.SessionExpiredException: Session expired\n", "message": "Session expired", "arguments": ["Session expired"], "context": {}}}}`
	accessError     = `{"jsonrpc": "2.0", "id": 10, "error": {"code": 200, "message": "Odoo Server Error", "data": {"name": "odoo.exceptions.AccessError", "debug": "Traceback ...", "message": "You are not allowed to modify 'Contact' (res.partner) records.", "arguments": ["You are not allowed to modify 'Contact' (res.partner) records."], "context": {}}}}`
)

func TestCallKW(t *testing.T) {
	r := odoo.CallKW("res.partner", "search_read", []any{[]any{[]any{"is_company", "=", true}}}, map[string]any{"fields": []string{"name"}, "limit": 5})
	if r.URL != "/web/dataset/call_kw/res.partner/search_read" || r.Method != "POST" || r.Credentials != "same-origin" {
		t.Errorf("request %+v", r)
	}
	if r.Headers["Content-Type"] != "application/json" {
		t.Errorf("headers %v", r.Headers)
	}
	enc, ok := r.Body.(cyclehttp.BodyEncoder)
	if !ok {
		t.Fatalf("Body %T is not encoded", r.Body)
	}
	body, ctype, err := enc.EncodeBody()
	if err != nil || ctype != "application/json" {
		t.Fatal(err, ctype)
	}
	var env struct {
		JSONRPC, Method string
		ID              int
		Params          struct {
			Model, Method string
			Args          []any
			KWArgs        map[string]any
		}
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatal(err)
	}
	if env.JSONRPC != "2.0" || env.Method != "call" || env.ID <= 0 || env.Params.Model != "res.partner" || env.Params.Method != "search_read" {
		t.Errorf("envelope %s", body)
	}
	if !strings.Contains(string(body), `"args":[[["is_company","=",true]]]`) || !strings.Contains(string(body), `"kwargs":{"fields":["name"],"limit":5}`) {
		t.Errorf("envelope %s", body)
	}
	next := odoo.CallKW("res.partner", "read", nil, nil)
	body, _, _ = next.Body.(cyclehttp.BodyEncoder).EncodeBody()
	if !strings.Contains(string(body), `"args":[]`) || !strings.Contains(string(body), `"kwargs":{}`) {
		t.Errorf("nil args and kwargs: %s", body)
	}
	var env2 struct{ ID int }
	json.Unmarshal(body, &env2)
	if env2.ID <= env.ID {
		t.Errorf("ids %d then %d: each call needs its own", env.ID, env2.ID)
	}
}

func response(body string) cyclehttp.Response {
	return cyclehttp.Response{Request: odoo.CallKW("res.partner", "write", nil, nil), Status: 200, Body: []byte(body)}
}

func TestDecodeResult(t *testing.T) {
	var partners []struct {
		ID   int
		Name string
	}
	if err := odoo.Decode(response(okAnswer), &partners); err != nil || len(partners) != 2 || partners[0].Name != "Azure Interior" {
		t.Errorf("Decode: %v, %+v", err, partners)
	}
	var ok bool
	if err := odoo.Decode(response(falseAnswer), &ok); err != nil || ok {
		t.Errorf("Decode(false): %v, %v", err, ok)
	}
	if err := odoo.Decode(response(falseAnswer), nil); err != nil {
		t.Errorf("Decode into nil: %v", err)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		body, name, msg, text string
		code                  int
		expired               bool
	}{
		{validationError, odoo.ValidationError, "The weight must be positive.", "odoo: odoo.exceptions.ValidationError: The weight must be positive.", 200, false},
		{sessionExpired, odoo.SessionExpired, "Session expired", "odoo: odoo.http.SessionExpiredException: Session expired", 100, true},
		{accessError, odoo.AccessError, "You are not allowed to modify 'Contact' (res.partner) records.", "", 200, false},
	}
	for _, tt := range tests {
		err := odoo.Decode(response(tt.body), nil)
		e, ok := errors.AsType[*odoo.Error](err)
		if !ok {
			t.Errorf("Decode gave %v, want an *odoo.Error", err)
			continue
		}
		if e.Name != tt.name || e.Message != tt.msg || e.Code != tt.code || e.SessionExpired() != tt.expired || e.Debug == "" || len(e.Arguments) != 1 {
			t.Errorf("got %+v", e)
		}
		if tt.text != "" && e.Error() != tt.text {
			t.Errorf("Error() = %q, want %q", e.Error(), tt.text)
		}
	}
}

func TestDecodeMalformed(t *testing.T) {
	for _, body := range []string{`<html>Internal Server Error</html>`, `{"jsonrpc": "2.0", "id": 1}`, `{"jsonrpc": "2.0", "id": 1, "result": "text"}`} {
		var n []int
		err := odoo.Decode(response(body), &n)
		if err == nil || !strings.Contains(err.Error(), "POST /web/dataset/call_kw/res.partner/write") {
			t.Errorf("Decode(%s) = %v, want an error naming the request", body, err)
		}
		if _, ok := errors.AsType[*odoo.Error](err); ok {
			t.Errorf("Decode(%s) made an *odoo.Error of a malformed answer", body)
		}
	}
}
