package cycle

import (
	"fmt"
	"reflect"
	"strconv"
	"sync/atomic"
)

// Isolatable is implemented by sources that can be scoped to one instance
// of a component, as the DOM source is scoped to its component's subtree.
type Isolatable interface {
	// IsolateSource returns a source of the same type, scoped to scope.
	IsolateSource(scope string) any
	// IsolateSink returns the component's sink for this source, of the
	// same type as sink, marked as coming from scope.
	IsolateSink(sink any, scope string) any
}

var isolateCount atomic.Uint64

// Isolate returns component wrapped so that every source that implements
// [Isolatable] is scoped to scope, and every sink of the same driver name
// is scoped back. Fields are named as [Run] names them: by their
// `cycle:"name"` tag, or else by their Go name, so that a source field
// Dom *dom.Source `cycle:"DOM"` pairs with a sink field
// View *stream.Stream[dom.Node] `cycle:"DOM"`; fields tagged `cycle:"-"`
// and unexported fields are left alone. Other sources and sinks pass
// through. Two instances of a component isolated with different scopes
// cannot see each other's events or state.
//
// Isolation nests: a component isolated inside an isolated component is
// scoped within its parent's scope, and a source's IsolateSource and
// IsolateSink define what that means for its driver. For the DOM, nesting
// is Cycle.js's total isolation even when the parent's view is its
// child's view (the same root element): the child's elements, that root
// included, belong to the child, whose listeners alone see their events,
// while the parent's selectors match only its own elements (see
// dom.Source.IsolateSink).
//
// An empty scope gets a unique one, made once per call of Isolate.
// Isolate panics if So or Si is not a struct type, since that is a mistake
// in the program, not in its input.
func Isolate[So, Si any](component func(So) Si, scope string) func(So) Si {
	st, kt := reflect.TypeFor[So](), reflect.TypeFor[Si]()
	if st.Kind() != reflect.Struct || kt.Kind() != reflect.Struct {
		panic(fmt.Sprintf("cycle: Isolate: the component's sources and sinks must be structs, not %s and %s", st, kt))
	}
	if component == nil {
		panic("cycle: Isolate: component is nil")
	}
	if scope == "" {
		scope = "cycle" + strconv.FormatUint(isolateCount.Add(1), 10)
	}
	return func(sources So) Si {
		sv := reflect.ValueOf(&sources).Elem()
		scoped := map[string]Isolatable{}
		for i := 0; i < sv.NumField(); i++ {
			f := st.Field(i)
			name, ok := fieldName(f)
			if !ok || !f.IsExported() {
				continue
			}
			src, ok := sv.Field(i).Interface().(Isolatable)
			if !ok || isNil(sv.Field(i)) {
				continue
			}
			scoped[name] = src
			sv.Field(i).Set(checked(src.IsolateSource(scope), f.Type, "IsolateSource", f.Name))
		}
		sinks := component(sources)
		kv := reflect.ValueOf(&sinks).Elem()
		for i := 0; i < kv.NumField(); i++ {
			f := kt.Field(i)
			name, ok := fieldName(f)
			if !ok || !f.IsExported() {
				continue
			}
			src, ok := scoped[name]
			if !ok || isNil(kv.Field(i)) {
				continue
			}
			kv.Field(i).Set(checked(src.IsolateSink(kv.Field(i).Interface(), scope), f.Type, "IsolateSink", f.Name))
		}
		return sinks
	}
}

func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return v.IsNil()
	}
	return false
}

func checked(v any, want reflect.Type, method, field string) reflect.Value {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || !rv.Type().AssignableTo(want) {
		panic(fmt.Sprintf("cycle: Isolate: %s for field %s returned %T, want %s", method, field, v, want))
	}
	return rv
}
