package locale

import (
	"sync"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"golang.org/x/text/language"
)

// platformLanguages gives the languages of the platform's user; tests
// replace it.
var platformLanguages = browserLanguages

// maxPending bounds the errors kept for the first listener of Errors.
const maxPending = 64

// Driver returns the locale driver. Its sink is a stream of the languages
// the app asks for, as strings: BCP 47 tags or Odoo codes ("es-MX",
// "es_ES", "sr@latin"; see [ParseLanguage]). Strings, not language.Tag,
// because that is what language selectors and hosts have: an <option>'s
// value, a prop from Odoo. An empty string goes back to the language the
// app started in. A string that does not parse is reported on
// [Source.Errors] and changes nothing.
//
// The app starts in the language of [Initial] if given, else in the
// browser's navigator.languages (under js/wasm; natively there are none),
// else in the default language; each is matched to the available
// languages (see [Catalog.Match]).
//
// The message files are loaded when the first app using the driver
// starts, once for every app the driver is given to; a malformed file
// makes cycle.Run fail with an error that names the file and line.
func Driver(opts ...Option) cycle.Driver {
	var once sync.Once
	var cat *Catalog
	var err error
	return cycle.DriverFunc(func(sink *stream.Stream[string], ctx *cycle.Context) (*Source, error) {
		once.Do(func() { cat, err = Load(opts...) })
		if err != nil {
			return nil, err
		}
		s := newSource(cat, ctx)
		cancel := sink.Subscribe(stream.Listener[string]{
			Next:  s.request,
			Error: func(err error) { s.report(err) },
		})
		ctx.OnDispose(cancel)
		return s, nil
	})
}

// Source is the locale driver's source.
type Source struct {
	cat  *Catalog
	sess *session
	ctx  *cycle.Context

	start   []language.Tag // the languages the app started in
	cur     Locale
	curOut  stream.Listener[Locale] // the Current producer's, while it runs
	current *stream.Stream[Locale]

	errOut  stream.Listener[error] // the Errors producer's, while it runs
	pending []error
	errs    *stream.Stream[error]
}

func newSource(cat *Catalog, ctx *cycle.Context) *Source {
	s := &Source{cat: cat, ctx: ctx}
	s.sess = &session{cat: cat, report: s.report}
	s.current = stream.Create(stream.NewProducer(func(l stream.Listener[Locale]) {
		s.curOut = l
		l.Next(s.cur)
	}, func() { s.curOut = stream.Listener[Locale]{} })).Remember()
	s.errs = stream.Create(stream.NewProducer(func(l stream.Listener[error]) {
		s.errOut = l
		p := s.pending
		s.pending = nil
		for _, err := range p {
			l.Next(err)
		}
	}, func() { s.errOut = stream.Listener[error]{} }))
	s.start = s.auto()
	s.cur = cat.match(s.sess, s.start)
	return s
}

// auto gives the languages the app starts in.
func (s *Source) auto() []language.Tag {
	if s.cat.initial != "" {
		t, err := ParseLanguage(s.cat.initial)
		if err == nil {
			return []language.Tag{t}
		}
		s.report(err)
	}
	var tags []language.Tag
	for _, l := range platformLanguages() {
		if t, err := ParseLanguage(l); err == nil {
			tags = append(tags, t)
		}
	}
	return tags
}

// request switches to the language code asks for.
func (s *Source) request(code string) {
	var want []language.Tag
	if code == "" {
		want = s.start
	} else {
		t, err := ParseLanguage(code)
		if err != nil {
			s.report(err)
			return
		}
		want = []language.Tag{t}
	}
	l := s.cat.match(s.sess, want)
	if l == s.cur {
		return
	}
	s.cur = l
	if s.curOut.Next != nil {
		s.curOut.Next(l)
	}
}

// report hands err to Errors in a task of its own: errors are found while
// a message renders, in the middle of an emission, and a listener of
// Errors must not run inside it. Without a listener the error also goes
// to the app's error hook, so that it is seen, and waits for the first
// listener.
func (s *Source) report(err error) {
	s.ctx.Loop.Post(func() {
		if s.errOut.Next != nil {
			s.errOut.Next(err)
			return
		}
		s.ctx.ReportError(err)
		if len(s.pending) == maxPending {
			s.pending = s.pending[1:]
		}
		s.pending = append(s.pending, err)
	})
}

// Current returns a memory stream of the app's locale: the locale now,
// then every change. A request that matches the locale it already has
// (es-MX then es_MX; or ja then ko when neither is available) emits
// nothing. It never completes.
func (s *Source) Current() *stream.Stream[Locale] { return s.current }

// Text returns a memory stream of message id in the current locale, which
// emits again when a change of locale changes the text. data is as for
// [Locale.Text].
func (s *Source) Text(id string, data ...any) *stream.Stream[string] {
	return stream.DropRepeats(stream.Map(s.current, func(l Locale) string { return l.Text(id, data...) })).Remember()
}

// Available returns the languages the app has messages for, the default
// language first, for a language selector. Do not change the slice.
func (s *Source) Available() []language.Tag { return s.cat.Available() }

// Errors returns the stream of what went wrong while the app ran: a
// message missing in a language (a *MissingError, once per message and
// language), a template that failed, a requested language that does not
// parse. Errors reported before the first listener are kept for it
// (up to 64).
func (s *Source) Errors() *stream.Stream[error] { return s.errs }
