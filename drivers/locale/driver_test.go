package locale_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/gocycle/gocycle/cycle"
	"github.com/gocycle/gocycle/cycle/stream"
	"github.com/gocycle/gocycle/drivers/locale"
	"github.com/gocycle/gocycle/drivers/locale/goi18n"
)

// requests is a source driver whose stream the test feeds, on the app's
// loop, with the languages main asks the locale driver for.
type requests struct {
	subject *stream.Subject[string]
	loop    *cycle.Loop
}

func (r *requests) send(lang string) { r.loop.Do(func() { r.subject.Next(lang) }) }

// settle waits until the tasks the app has queued (errors are delivered
// in tasks of their own) have run.
func (r *requests) settle() {
	for range 3 {
		r.loop.Do(func() {})
	}
}

func requestDriver(out **requests) cycle.Driver {
	return cycle.SourceDriver(func(ctx *cycle.Context) (*requests, error) {
		*out = &requests{subject: stream.NewSubject[string](), loop: ctx.Loop}
		return *out, nil
	})
}

// recording is a sink driver that records what reaches it.
type recording struct {
	mu  sync.Mutex
	log []string
}

func (r *recording) entries() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.log)
}

func (r *recording) driver() cycle.Driver {
	return cycle.SinkDriver(func(sink *stream.Stream[string], ctx *cycle.Context) error {
		ctx.OnDispose(sink.Subscribe(stream.Listener[string]{Next: func(s string) {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.log = append(r.log, s)
		}}))
		return nil
	})
}

type sources struct {
	Locale *locale.Source
	Lang   *requests
}

type sinks struct {
	Locale *stream.Stream[string]
	Out    *stream.Stream[string]
}

// echo shows the texts of id and the errors of the locale driver.
func echo(id string, data ...any) func(sources) sinks {
	return func(src sources) sinks {
		texts := stream.Map(src.Locale.Text(id, data...), func(s string) string { return "text:" + s })
		errs := stream.Map(src.Locale.Errors(), func(err error) string { return "error:" + err.Error() })
		return sinks{Locale: src.Lang.subject.Stream(), Out: stream.Merge(texts, errs)}
	}
}

func run(t *testing.T, main func(sources) sinks, opts ...locale.Option) (*requests, *recording) {
	t.Helper()
	var req *requests
	rec := &recording{}
	var hookErrs []error
	dispose, err := cycle.Run(main, cycle.Drivers{
		"Locale": locale.Driver(testOptions(opts...)...),
		"Lang":   requestDriver(&req),
		"Out":    rec.driver(),
	}, cycle.WithErrors(func(err error) { hookErrs = append(hookErrs, err) }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(dispose)
	return req, rec
}

func TestDriverTextFollowsTheLocale(t *testing.T) {
	req, rec := run(t, echo("apples", 2), locale.Initial("es_ES"))
	req.send("en-US")
	req.send("en") // same text: nothing new
	req.send("pt_BR")
	req.send("es-MX")
	req.send("ru") // not in ru: the default language's text, reported once
	req.send("en")
	req.send("ru")
	req.settle()
	want := []string{
		"text:2 manzanas", "text:2 apples", "text:2 maçãs", "text:2 manzanas", "text:2 apples",
		`error:locale: message "apples" is missing in ru; showing the default language's text`,
	}
	if got := rec.entries(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestDriverMissingEverywhere(t *testing.T) {
	req, rec := run(t, echo("nowhere"), locale.Initial("es"))
	req.send("en")
	req.send("es")
	req.settle()
	want := []string{
		"text:nowhere",
		`error:locale: message "nowhere" is missing in es; showing the default language's text`,
		`error:locale: message "nowhere" is missing in the default language en; showing its id`,
	}
	if got := rec.entries(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestDriverBadRequest(t *testing.T) {
	req, rec := run(t, echo("hello"), locale.Initial("ru"))
	req.send("12")
	req.send("es")
	req.settle()
	want := []string{"text:Привет", `error:locale: language "12": language: tag is not well-formed`, "text:Hola"}
	if got := rec.entries(); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// The initial language: the host's, then the browser's, then the default.
func TestDriverInitialLanguage(t *testing.T) {
	for _, tc := range []struct {
		initial string
		browser []string
		want    string
	}{
		{"sr@latin", []string{"es"}, "Zdravo"},
		{"pt_BR", nil, "Olá"},
		{"", []string{"de-DE", "es-AR", "en"}, "Hola"},
		{"", []string{"!!", "zh-TW"}, "你好"},
		{"", nil, "Hello"},
		{"@@", []string{"es"}, "Hola"}, // an unparsable host language is skipped, and reported
	} {
		restore := locale.SetPlatformLanguages(tc.browser...)
		req, rec := run(t, echo("hello"), locale.Initial(tc.initial))
		req.settle()
		restore()
		got := rec.entries()
		if len(got) == 0 || got[0] != "text:"+tc.want {
			t.Errorf("initial %q, browser %q: got %q, want %q", tc.initial, tc.browser, got, tc.want)
		}
		// An empty request goes back to the initial language.
		req.send("ar")
		req.send("")
		if got := rec.entries(); got[len(got)-1] != "text:"+tc.want {
			t.Errorf("initial %q, after \"\": got %q", tc.initial, got)
		}
	}
}

// Current is a memory stream: a late listener gets the locale now, and a
// request emits only when the matched locale changes.
func TestDriverCurrent(t *testing.T) {
	var req *requests
	p, err := cycle.Setup(func(src sources) sinks {
		return sinks{Locale: src.Lang.subject.Stream()}
	}, cycle.Drivers{
		"Locale": locale.Driver(testOptions(locale.Initial("es"))...),
		"Lang":   requestDriver(&req),
		"Out":    (&recording{}).driver(),
	})
	if err != nil {
		t.Fatal(err)
	}
	dispose := p.Run()
	defer dispose()
	var first, late []string
	p.Loop.Do(func() {
		p.Sources.Locale.Current().Subscribe(stream.Listener[locale.Locale]{Next: func(l locale.Locale) {
			first = append(first, l.String()+"/"+l.Text("hello"))
		}})
	})
	for _, lang := range []string{"es_ES", "es-ES", "en", "en", "es-ES", "fr", "en-US", "es-ES", "es-MX"} {
		req.send(lang)
	}
	p.Loop.Do(func() {
		p.Sources.Locale.Current().Subscribe(stream.Listener[locale.Locale]{Next: func(l locale.Locale) {
			late = append(late, l.String())
		}})
	})
	want := []string{"es/Hola", "es-ES/Hola", "en/Hello", "es-ES/Hola", "en/Hello", "en-US/Hello", "es-ES/Hola", "es-MX/Hola"}
	if !slices.Equal(first, want) {
		t.Errorf("Current emitted\n%q\nwant\n%q", first, want)
	}
	if !slices.Equal(late, []string{"es-MX"}) {
		t.Errorf("a late listener got %q, want the current locale only", late)
	}
	if got := p.Sources.Locale.Available(); len(got) != 8 {
		t.Errorf("Available = %v", got)
	}
}

// Errors found before anyone listens go to the app's error hook and wait
// for the first listener.
func TestDriverErrorsBeforeListening(t *testing.T) {
	var req *requests
	var hook []error
	p, err := cycle.Setup(func(src sources) sinks {
		return sinks{Locale: src.Lang.subject.Stream(), Out: src.Locale.Text("only_en")}
	}, cycle.Drivers{
		"Locale": locale.Driver(testOptions(locale.Initial("es"))...),
		"Lang":   requestDriver(&req),
		"Out":    (&recording{}).driver(),
	}, cycle.WithErrors(func(err error) { hook = append(hook, err) }))
	if err != nil {
		t.Fatal(err)
	}
	dispose := p.Run()
	defer dispose()
	req.settle()
	var got []error
	p.Loop.Do(func() {
		p.Sources.Locale.Errors().Subscribe(stream.Listener[error]{Next: func(err error) { got = append(got, err) }})
	})
	var me *locale.MissingError
	if len(got) != 1 || !errors.As(got[0], &me) || me.ID != "only_en" || me.Language.String() != "es" {
		t.Errorf("Errors gave %v", got)
	}
	p.Loop.Do(func() {})
	if len(hook) != 1 || !strings.Contains(hook[0].Error(), `driver "Locale": locale: message "only_en" is missing in es`) {
		t.Errorf("the error hook got %v", hook)
	}
}

func TestDriverStartupError(t *testing.T) {
	_, err := cycle.Run(echo("hello"), cycle.Drivers{
		"Locale": locale.Driver(locale.Messages(testBad, "es.po")),
		"Lang":   requestDriver(new(*requests)),
		"Out":    (&recording{}).driver(),
	})
	want := `cycle: Run: driver "Locale": locale: es.po:6: unterminated string`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func ExampleDriver() {
	type Sources struct{ Locale *locale.Source }
	type Sinks struct {
		Locale *stream.Stream[string]
		Out    *stream.Stream[string]
	}
	main := func(src Sources) Sinks {
		// The user picks Spanish, then Russian, as a language selector would.
		picks := stream.Of("es_MX", "ar", "ru")
		title := stream.Combine2(src.Locale.Current(), src.Locale.Text("hello"),
			func(l locale.Locale, s string) string { return fmt.Sprintf("%s (%s): %s", l, l.Direction(), s) })
		return Sinks{Locale: picks, Out: title}
	}
	done := make(chan struct{})
	out := cycle.SinkDriver(func(sink *stream.Stream[string], ctx *cycle.Context) error {
		ctx.OnDispose(sink.Subscribe(stream.Listener[string]{Next: func(s string) {
			fmt.Println(s)
			if strings.HasPrefix(s, "ru") {
				close(done)
			}
		}}))
		return nil
	})
	dispose, err := cycle.Run(main, cycle.Drivers{
		"Locale": locale.Driver(
			locale.Messages(messages),                // embedded: en.json, active.es.toml, ru.po, ...
			goi18n.Files(),                           // go-i18n's formats are opt-in; .po files need nothing more
			locale.Unmarshal("toml", toml.Unmarshal), // and so is TOML
			locale.Initial("en_US"),                  // the host's language, as Odoo gives it
		),
		"Out": out,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	<-done
	dispose()
	// Output:
	// en-US (ltr): Hello
	// es-MX (ltr): Hola
	// ar (rtl): مرحبا
	// ru (ltr): Привет
}

// Apps given the same driver share its catalog, from their own loops.
func TestDriverSharedByApps(t *testing.T) {
	d := locale.Driver(testOptions()...)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var req *requests
			rec := &recording{}
			dispose, err := cycle.Run(echo("apples", i), cycle.Drivers{"Locale": d, "Lang": requestDriver(&req), "Out": rec.driver()})
			if err != nil {
				t.Error(err)
				return
			}
			defer dispose()
			for _, l := range []string{"es", "ru", "pt_BR", "en"} {
				req.send(l)
			}
			req.settle()
			if got := rec.entries(); len(got) < 4 {
				t.Errorf("app %d: %q", i, got)
			}
		}()
	}
	wg.Wait()
}
