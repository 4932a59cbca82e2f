package stream_test

import (
	"fmt"
	"strings"

	"github.com/gocycle/gocycle/cycle/stream"
)

// rec records what a stream delivers, as a compact log such as
// "1 2 3 |" or "1 #boom", so that tests compare one string.
type rec[T any] struct {
	events []string
	cancel func()
}

func record[T any](s *stream.Stream[T]) *rec[T] {
	r := &rec[T]{}
	r.cancel = s.Subscribe(stream.Listener[T]{
		Next:     func(v T) { r.events = append(r.events, fmt.Sprint(v)) },
		Error:    func(err error) { r.events = append(r.events, "#"+err.Error()) },
		Complete: func() { r.events = append(r.events, "|") },
	})
	return r
}

func (r *rec[T]) String() string { return strings.Join(r.events, " ") }
