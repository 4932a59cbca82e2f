package odoo_test

import (
	"errors"
	"fmt"

	cyclehttp "github.com/gocycle/gocycle/drivers/http"
	"github.com/gocycle/gocycle/drivers/http/odoo"
)

// Decode turns Odoo's error envelope, which comes with status 200, into
// an *odoo.Error whose Message is meant for the user.
func ExampleDecode() {
	req := odoo.CallKW("product.product", "write", []any{[]int{7}, map[string]any{"weight": -1}}, nil)
	resp := cyclehttp.Response{Request: req, Status: 200, Body: []byte(`{"jsonrpc": "2.0", "id": 3, "error": {
		"code": 200, "message": "Odoo Server Error",
		"data": {"name": "odoo.exceptions.ValidationError", "debug": "Traceback ...",
		         "message": "The weight must be positive.", "arguments": ["The weight must be positive."], "context": {}}}}`)}

	err := odoo.Decode(resp, nil)
	if e, ok := errors.AsType[*odoo.Error](err); ok && e.Name == odoo.ValidationError {
		fmt.Println(req.URL)
		fmt.Println(e.Message)
	}
	// Output:
	// /web/dataset/call_kw/product.product/write
	// The weight must be positive.
}
