// Package goi18n lets the locale driver read go-i18n v2 message files:
// JSON, and TOML or YAML with a decoder given by locale.Unmarshal.
//
//	locale.Driver(
//		locale.Messages(files),                   // en.json, active.es.toml, fr.po...
//		goi18n.Files(),                           // go-i18n's formats
//		locale.Unmarshal("toml", toml.Unmarshal), // only if there are TOML files
//	)
//
// It is a package of its own because go-i18n renders its templates with
// text/template, which costs a WebAssembly binary 2.4 MB (400 KB with
// brotli): an app whose messages are all gettext .po files, as Odoo's
// are, does without it.
package goi18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"

	"github.com/gocycle/gocycle/drivers/locale"
)

// Files returns the option that makes locale.Messages read every file that
// is not a .po file as a go-i18n message file: plural forms (zero, one,
// two, few, many, other by CLDR's rules) and text/template templates.
// ".json" files are decoded with encoding/json; other extensions need a
// locale.Unmarshal option.
//
// Templates see the data given to Text; given only a count, they see it
// as {{.Count}} and {{.PluralCount}}.
func Files() locale.Option {
	return locale.WithDecoder(func() locale.Decoder {
		return &decoder{bundle: i18n.NewBundle(language.Und), localizers: map[language.Tag]*i18n.Localizer{}}
	})
}

type decoder struct {
	bundle     *i18n.Bundle
	localizers map[language.Tag]*i18n.Localizer
}

// Load parses a message file and checks its templates.
func (d *decoder) Load(lang language.Tag, name string, data []byte, unmarshal locale.UnmarshalFunc) error {
	ext := name[strings.LastIndexByte(name, '.')+1:]
	if unmarshal == nil {
		if ext != "json" {
			return fmt.Errorf("locale: %s: no decoder for .%s files; add the option locale.Unmarshal(%q, decode)", name, ext, ext)
		}
		unmarshal = json.Unmarshal
	}
	msgs, err := i18n.ParseMessageBytes(data, i18n.UnmarshalFunc(unmarshal))
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("locale: %s:%d: %v", name, lineAt(data, se.Offset), err)
		}
		return fmt.Errorf("locale: %s: %v", name, err)
	}
	// go-i18n parses a template when its message is first shown; parse
	// them now, so that a broken template is a start-up error, not a
	// message that fails in front of a user.
	var parser template.TextParser
	for _, m := range msgs {
		for _, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
			if _, err := parser.Parse(s, m.LeftDelim, m.RightDelim); err != nil {
				return fmt.Errorf("locale: %s: message %q: %v", name, m.ID, err)
			}
		}
	}
	if err := d.bundle.AddMessages(lang, msgs...); err != nil {
		return fmt.Errorf("locale: %s: %v", name, err)
	}
	if d.localizers[lang] == nil {
		d.localizers[lang] = i18n.NewLocalizer(d.bundle, lang.String())
	}
	return nil
}

// Text renders a message of lang only: the locale package falls back to
// the default language itself, so that it can report what is missing.
func (d *decoder) Text(lang language.Tag, id string, count, data any) (string, bool, error) {
	loc := d.localizers[lang]
	if loc == nil {
		return "", false, nil
	}
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count}
	if count != nil && data == nil {
		cfg.TemplateData = map[string]any{"Count": count, "PluralCount": count}
	}
	msg, err := loc.Localize(cfg)
	if err != nil {
		var nf *i18n.MessageNotFoundErr
		if errors.As(err, &nf) {
			return "", false, nil
		}
		return msg, msg != "", err
	}
	return msg, true, nil
}

// lineAt gives the line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = min(off, int64(len(data)))
	return 1 + strings.Count(string(data[:off]), "\n")
}
