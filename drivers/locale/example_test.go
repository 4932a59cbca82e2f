package locale_test

import (
	"embed"
	"fmt"
	"io/fs"

	"github.com/gocycle/gocycle/drivers/locale"
)

//go:embed testdata/ok/*.po testdata/ok/*.json testdata/ok/*.toml
var embedded embed.FS

// messages is testdata/ok as a program embeds it.
var messages, _ = fs.Sub(embedded, "testdata/ok")

//go:embed testdata/bad
var embeddedBad embed.FS

var testBad, _ = fs.Sub(embeddedBad, "testdata/bad")

func ExampleParsePO() {
	po := `# Odoo exports .po files like this one.
msgid ""
msgstr ""
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgctxt "button"
msgid "Save"
msgstr "Enregistrer"

msgid "%d record"
msgid_plural "%d records"
msgstr[0] "%d enregistrement"
msgstr[1] "%d enregistrements"

#, fuzzy
msgid "Discard"
msgstr "Jeter"
`
	f, err := locale.ParsePO([]byte(po), "fr.po")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range f.Messages {
		fmt.Printf("line %d: %q %q -> %q\n", m.Line, m.Context, m.ID, m.Str)
	}
	fmt.Println("0 and 1 take form", f.PluralIndex(0), f.PluralIndex(1), "- 2 takes form", f.PluralIndex(2))

	_, err = locale.ParsePO([]byte("msgid \"Save\nmsgstr \"\"\n"), "de.po")
	fmt.Println(err)
	// Output:
	// line 7: "button" "Save" -> ["Enregistrer"]
	// line 11: "" "%d record" -> ["%d enregistrement" "%d enregistrements"]
	// 0 and 1 take form 0 0 - 2 takes form 1
	// locale: de.po:1: unterminated string
}
