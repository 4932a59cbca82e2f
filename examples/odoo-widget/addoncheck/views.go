package addoncheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WidgetPrefix starts the names of the addon's own field widgets: a
// widget="..." with another name is taken for one of Odoo's.
const WidgetPrefix = "gocycle_"

// FieldWidget is a widget="..." attribute of a <field> of a view file.
type FieldWidget struct {
	File   string
	Line   int
	Field  string // the field's name attribute
	Widget string
}

// ParseViewXML checks that data is a well-formed XML document (one root
// element, nothing but white space, comments and processing instructions
// around it) and returns the widget attributes of its <field> elements.
// name is the file's name in errors.
func ParseViewXML(data []byte, name string) ([]FieldWidget, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []FieldWidget
	depth, roots := 0, 0
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if roots > 1 {
					return nil, fmt.Errorf("%s:%d: a second root element <%s>", name, line, t.Name.Local)
				}
			}
			depth++
			if t.Name.Local != "field" {
				continue
			}
			var f FieldWidget
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "name":
					f.Field = a.Value
				case "widget":
					f.Widget = a.Value
				}
			}
			if f.Widget != "" {
				f.File, f.Line = name, line
				out = append(out, f)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return nil, fmt.Errorf("%s:%d: text outside the root element", name, line)
			}
		}
	}
	if roots == 0 {
		return nil, fmt.Errorf("%s: no root element", name)
	}
	return out, nil
}

// CheckViews checks the view files (the .xml files of the manifest's data
// and demo, and of views/): each must be well-formed, and each widget
// whose name starts with WidgetPrefix must be registered (FieldWidgets) by
// one of the .js files of the bundles.
func CheckViews(a *Addon, assets *Assets) []error {
	var errs []error
	registered := map[string]bool{}
	for _, f := range assets.JSFiles() {
		data, err := os.ReadFile(filepath.Join(a.Dir, filepath.FromSlash(f.Path)))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names, err := FieldWidgets(string(data), f.Path)
		if err != nil {
			errs = append(errs, err)
		}
		for _, n := range names {
			registered[n] = true
		}
	}
	for _, v := range dataXML(a) {
		data, err := os.ReadFile(filepath.Join(a.Dir, filepath.FromSlash(v)))
		if err != nil {
			continue // CheckDataFiles reports it
		}
		widgets, err := ParseViewXML(data, v)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, w := range widgets {
			if strings.HasPrefix(w.Widget, WidgetPrefix) && !registered[w.Widget] {
				errs = append(errs, fmt.Errorf("%s:%d: field %q: widget %q is not registered by a .js file of the bundles (registry.category(\"fields\").add(%q, ...))", w.File, w.Line, w.Field, w.Widget, w.Widget))
			}
		}
	}
	return errs
}
