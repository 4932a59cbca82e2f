package stream

import (
	"fmt"
	"runtime/debug"
)

// PanicError is the error a stream emits when a function given to one of
// its operators panics. The stream ends with it; the program goes on.
type PanicError struct {
	Op    string // the operator whose function panicked, such as "Map"
	Value any    // what the function panicked with
	Stack []byte // the goroutine's stack at the panic
}

// Error names the operator and the panic value.
func (e *PanicError) Error() string {
	return fmt.Sprintf("stream: panic in %s: %v", e.Op, e.Value)
}

// Unwrap returns the panic value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

func recovered(op string, r any) *PanicError {
	return &PanicError{Op: op, Value: r, Stack: debug.Stack()}
}

// call1 runs a user function, turning a panic into a *PanicError. The
// done flag spares the deferred function the call to recover when f
// returned normally, which is the common case.
func call1[T, U any](op string, f func(T) U, v T) (u U, err error) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				err = recovered(op, r)
			}
		}
	}()
	u = f(v)
	done = true
	return u, nil
}

// call2 is call1 for functions of two arguments.
func call2[A, B, U any](op string, f func(A, B) U, a A, b B) (u U, err error) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				err = recovered(op, r)
			}
		}
	}()
	u = f(a, b)
	done = true
	return u, nil
}

// call0 is call1 for functions that return nothing.
func call0[T any](op string, f func(T), v T) (err error) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				err = recovered(op, r)
			}
		}
	}()
	f(v)
	done = true
	return nil
}

// guard runs a function that reads its arguments from elsewhere.
func guard[R any](op string, f func() R) (r R, err error) {
	done := false
	defer func() {
		if !done {
			if r := recover(); r != nil {
				err = recovered(op, r)
			}
		}
	}()
	r = f()
	done = true
	return r, nil
}
