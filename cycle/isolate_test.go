package cycle_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
)

// scopedSource is an Isolatable source of tagged messages: a scoped copy
// only sees messages tagged with its scope, and a scoped sink tags what
// the component emits.
type scopedSource struct {
	scope string
	all   *stream.Stream[string] // messages as "scope/text"
}

func (s *scopedSource) Messages() *stream.Stream[string] {
	prefix := s.scope + "/"
	return stream.Map(s.all.Filter(func(m string) bool { return strings.HasPrefix(m, prefix) }),
		func(m string) string { return strings.TrimPrefix(m, prefix) })
}

func (s *scopedSource) IsolateSource(scope string) any {
	return &scopedSource{scope: s.scope + scope, all: s.all}
}

func (s *scopedSource) IsolateSink(sink any, scope string) any {
	return stream.Map(sink.(*stream.Stream[string]), func(m string) string { return scope + ":" + m })
}

type childSources struct {
	Msg   *scopedSource
	Other *stream.Stream[string]
}

type childSinks struct {
	Msg   *stream.Stream[string]
	Other *stream.Stream[string]
}

func child(src childSources) childSinks {
	return childSinks{
		Msg:   stream.Map(src.Msg.Messages(), strings.ToUpper),
		Other: src.Other,
	}
}

func TestIsolateScopesSourcesAndSinks(t *testing.T) {
	all := stream.NewSubject[string]()
	root := &scopedSource{all: all.Stream()}
	other := stream.Of("untouched")
	a := cycle.Isolate(child, "a")(childSources{Msg: root, Other: other})
	b := cycle.Isolate(child, "b")(childSources{Msg: root, Other: other})
	var got []string
	for _, s := range []*stream.Stream[string]{a.Msg, b.Msg} {
		s.Subscribe(stream.Listener[string]{Next: func(v string) { got = append(got, v) }})
	}
	all.Next("a/hello")
	all.Next("b/world")
	all.Next("c/nobody")
	if want := []string{"a:HELLO", "b:WORLD"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if a.Other != other {
		t.Error("a sink without an isolatable source was changed")
	}
}

func TestIsolateGeneratesDistinctScopes(t *testing.T) {
	var scopes []string
	src := &recordingIsolatable{seen: &scopes}
	type so struct{ X *recordingIsolatable }
	type si struct{}
	f := func(so) si { return si{} }
	i1, i2 := cycle.Isolate(f, ""), cycle.Isolate(f, "")
	i1(so{X: src})
	i1(so{X: src})
	i2(so{X: src})
	if len(scopes) != 3 || scopes[0] != scopes[1] || scopes[0] == scopes[2] || scopes[0] == "" {
		t.Errorf("scopes %v: want one generated scope per Isolate call", scopes)
	}
}

type recordingIsolatable struct{ seen *[]string }

func (r *recordingIsolatable) IsolateSource(scope string) any {
	*r.seen = append(*r.seen, scope)
	return r
}
func (r *recordingIsolatable) IsolateSink(sink any, _ string) any { return sink }

func TestIsolatePanicsOnNonStructs(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "must be structs") {
			t.Errorf("recovered %v", r)
		}
	}()
	cycle.Isolate(func(int) int { return 0 }, "x")
}

type wrongIsolatable struct{}

func (wrongIsolatable) IsolateSource(string) any        { return 42 }
func (wrongIsolatable) IsolateSink(s any, _ string) any { return s }

func TestIsolateReportsWrongSourceType(t *testing.T) {
	type so struct{ X wrongIsolatable }
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "IsolateSource for field X returned int") {
			t.Errorf("recovered %v", r)
		}
	}()
	cycle.Isolate(func(so) struct{} { return struct{}{} }, "s")(so{})
}

// Isolate names fields as Run does: a `cycle:"…"` tag pairs a source and
// a sink whose Go names differ, and `cycle:"-"` leaves a field alone.
func TestIsolateNamesFieldsByTheirCycleTag(t *testing.T) {
	type sources struct {
		In  *scopedSource `cycle:"Msg"`
		Raw *scopedSource `cycle:"-"`
	}
	type sinks struct {
		Out *stream.Stream[string] `cycle:"Msg"`
		Raw *stream.Stream[string] `cycle:"-"`
	}
	all := stream.NewSubject[string]()
	root := &scopedSource{all: all.Stream()}
	var rawSource *scopedSource
	rawSink := stream.Of("raw")
	component := func(s sources) sinks {
		rawSource = s.Raw
		return sinks{Out: stream.Map(s.In.Messages(), strings.ToUpper), Raw: rawSink}
	}
	got := cycle.Isolate(component, "a")(sources{In: root, Raw: root})
	if rawSource != root {
		t.Errorf("the source tagged `cycle:\"-\"` was isolated (scope %q)", rawSource.scope)
	}
	if got.Raw != rawSink {
		t.Error("the sink tagged `cycle:\"-\"` was changed")
	}
	var out []string
	got.Out.Subscribe(stream.Listener[string]{Next: func(v string) { out = append(out, v) }})
	all.Next("a/hello")
	all.Next("hello")
	if want := []string{"a:HELLO"}; !slices.Equal(out, want) {
		t.Errorf("the sink tagged `cycle:\"Msg\"` gave %v, want %v: scoped by the source of the same tag", out, want)
	}
}

// A tag names the field instead of its Go name: a sink whose Go name is
// that of an isolated source, but whose tag names another driver, is not
// scoped by that source.
func TestIsolateDoesNotPairByGoNameAgainstTheTag(t *testing.T) {
	type sources struct {
		Msg *scopedSource `cycle:"A"`
	}
	type sinks struct {
		Msg *stream.Stream[string] `cycle:"B"`
	}
	root := &scopedSource{all: stream.Never[string]()}
	out := stream.Of("x")
	got := cycle.Isolate(func(sources) sinks { return sinks{Msg: out} }, "s")(sources{Msg: root})
	if got.Msg != out {
		t.Error("the sink named B was scoped by the source named A")
	}
}
