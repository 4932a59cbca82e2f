package widgets_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocycle/gocycle/drivers/dom"
	"github.com/gocycle/gocycle/examples/odoo-widget/widgets"
	"github.com/gocycle/gocycle/web/widget"
)

var once sync.Once

// mountQuantity mounts a quantity slider natively (the HTML driver) and
// returns the HTML of its first view with a read-out.
func mountQuantity(t *testing.T, p widget.Props) string {
	t.Helper()
	once.Do(widgets.RegisterAll)
	var mu sync.Mutex
	html := ""
	w, err := widget.Mount(widgets.QuantitySliderName, widget.Config{
		DOM:   dom.HTMLDriver(func(h string) { mu.Lock(); html = h; mu.Unlock() }),
		Props: p,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Destroy()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		s := html
		mu.Unlock()
		if strings.Contains(s, "output") {
			return s
		}
	}
	t.Fatalf("%v: nothing rendered in 10s", p)
	return ""
}

func TestQuantitySliderLanguages(t *testing.T) {
	for _, c := range []struct {
		lang, want string
	}{
		{"en_US", "6 ft, 6.74 in"}, // 200 cm exactly, though the thumb is at 78.5 in
		{"es_ES", "Altura"},
	} {
		got := mountQuantity(t, widget.Props{"value": 200.0, "unit": "centimeter", "usage": "person-height", "min": 50.0, "max": 250.0, "step": 1.0, "lang": c.lang})
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: %s; want %q in it", c.lang, got, c.want)
		}
	}
}

func TestParseQuantityProps(t *testing.T) {
	c := widgets.ParseQuantityProps(widget.Props{"value": false, "unit": "kilogram", "min": 2.0, "max": 250.0})
	if !c.Empty || len(c.Errors) != 0 {
		t.Errorf("false: empty %v, errors %v", c.Empty, c.Errors)
	}
	c = widgets.ParseQuantityProps(widget.Props{"value": 300.0, "unit": "kilogram", "max": 250.0, "bogus": 1.0})
	if c.Empty || len(c.Errors) != 2 {
		t.Errorf("300 of 250 and an unknown prop: empty %v, errors %v", c.Empty, c.Errors)
	}
}
