package slider

import (
	"strings"
	"testing"

	"github.com/gocycle/gocycle/drivers/dom"
)

// TestSliderReadOnlyNamesTheReadOut: a disabled slider's id (which the
// host's label names) and accessible name are on its read-out, which a
// host may show alone; an enabled one's on the input.
func TestSliderReadOnlyNamesTheReadOut(t *testing.T) {
	for _, disabled := range []bool{false, true} {
		html := dom.ToHTML(view(model{ready: true, value: 5, props: normalize(Props{ID: "h", NoLabel: true, AriaLabel: "Height", Max: 10, Disabled: disabled}, "x")}))
		input, output := `<input aria-label="Height"`, `<output aria-label="Height"`
		if disabled {
			input, output = output, input
			if !strings.Contains(html, `<output aria-label="Height" aria-live="off" id="h">`) {
				t.Errorf("disabled: the read-out does not have the id and the name:\n%s", html)
			}
		} else if !strings.Contains(html, ` id="h"`) || !strings.Contains(html, `<output aria-live="off" for="h">`) {
			t.Errorf("enabled: the input has not the id, or the read-out not its for:\n%s", html)
		}
		if !strings.Contains(html, input) || strings.Contains(html, output) {
			t.Errorf("disabled=%v: the accessible name is not where it belongs:\n%s", disabled, html)
		}
	}
}
