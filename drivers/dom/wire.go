package dom

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// This file is the Go side of the wire between the DOM driver and the
// browser runtime (web/gocycle.js): the frame an edit list travels in, the
// listener flags and the encoding of events. It is plain Go, built on every
// platform, so that it is tested natively; only driver_js.go uses it.

// appendFrame appends the frame of e to buf and returns it with the string
// table joined in one string. A frame is little-endian uint32 words,
//
//	nWords nStrings words[0..nWords) ends[0..nStrings)
//
// where ends[i] is the end of string i in the joined string, in UTF-16 code
// units, the unit of JavaScript's String.prototype.slice. Go builds the
// frame and the browser reads it, one copy and one call per frame.
func appendFrame(buf []byte, e *Edits) ([]byte, string) {
	start := len(buf)
	buf = slices.Grow(buf, 4*(2+len(e.Words)+len(e.Strings)))
	buf = buf[:start+4*(2+len(e.Words)+len(e.Strings))]
	b := buf[start:]
	putWord(b, uint32(len(e.Words)))
	putWord(b[4:], uint32(len(e.Strings)))
	b = b[8:]
	for i, w := range e.Words {
		putWord(b[4*i:], w)
	}
	b = b[4*len(e.Words):]
	var end uint32
	for i, s := range e.Strings {
		end += utf16Len(s)
		putWord(b[4*i:], end)
	}
	return buf, strings.Join(e.Strings, "")
}

// putWord writes w into b[:4], little-endian.
func putWord(b []byte, w uint32) {
	_ = b[3]
	b[0], b[1], b[2], b[3] = byte(w), byte(w>>8), byte(w>>16), byte(w>>24)
}

// Listener flags, read by gocycle.js's listen.
const (
	flagCapture         = 1
	flagPassive         = 2
	flagPreventDefault  = 4
	flagStopPropagation = 8
)

func listenFlags(spec listenSpec) uint32 {
	var f uint32
	if spec.Capture {
		f |= flagCapture
	}
	if spec.Passive {
		f |= flagPassive
	}
	if spec.PreventDefault {
		f |= flagPreventDefault
	}
	if spec.StopPropagation {
		f |= flagStopPropagation
	}
	return f
}

// Separators of the event encoding: fields are joined by fieldSep, and a
// fieldSep or fieldEsc inside a field is preceded by fieldEsc.
const (
	fieldSep = 0x1f
	fieldEsc = 0x1b
)

// Modifier bits of the event encoding.
const (
	modAlt = 1 << iota
	modCtrl
	modMeta
	modShift
)

// parseEvent reads an event as gocycle.js encodes it: type, value,
// number, checked, key, code, modifiers, clientX, clientY, offsetX,
// offsetY, target tag, then the matched element's dataset as name, value
// pairs. Missing or empty numbers are 0 (NaN for the number); it never
// fails, since the runtime that wrote the string is part of gocycle. It
// is written by hand, without encoding/json, to keep the wasm small.
func parseEvent(s string) Event {
	ev := Event{Number: math.NaN()}
	var name string
	field := 0
	for rest := s; ; field++ {
		var f string
		var more bool
		f, rest, more = nextField(rest)
		switch field {
		case 0:
			ev.Type = f
		case 1:
			ev.Value = f
		case 2:
			ev.Number = parseNumber(f, math.NaN())
		case 3:
			ev.Checked = f == "1"
		case 4:
			ev.Key = f
		case 5:
			ev.Code = f
		case 6:
			m, _ := strconv.Atoi(f)
			ev.Alt, ev.Ctrl, ev.Meta, ev.Shift = m&modAlt != 0, m&modCtrl != 0, m&modMeta != 0, m&modShift != 0
		case 7:
			ev.ClientX = parseNumber(f, 0)
		case 8:
			ev.ClientY = parseNumber(f, 0)
		case 9:
			ev.OffsetX = parseNumber(f, 0)
		case 10:
			ev.OffsetY = parseNumber(f, 0)
		case 11:
			ev.TargetTag = f
		default:
			if (field-12)%2 == 0 {
				name = f
			} else {
				if ev.Dataset == nil {
					ev.Dataset = map[string]string{}
				}
				ev.Dataset[name] = f
			}
		}
		if !more {
			return ev
		}
	}
}

// nextField splits the first field off s, unescaping it, and reports
// whether another field follows.
func nextField(s string) (field, rest string, more bool) {
	i := strings.IndexAny(s, "\x1b\x1f")
	if i < 0 {
		return s, "", false
	}
	if s[i] == fieldSep {
		return s[:i], s[i+1:], true
	}
	// Escaped characters: build the field byte by byte from here on.
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case fieldEsc:
			if i+1 < len(s) {
				i++
				b = append(b, s[i])
			}
		case fieldSep:
			return string(b), s[i+1:], true
		default:
			b = append(b, c)
		}
	}
	return string(b), "", false
}

// parseNumber parses a number as JavaScript's String writes it ("NaN",
// "Infinity", "1e+21"), or returns def for "" and what does not parse.
func parseNumber(s string, def float64) float64 {
	if s == "" {
		return def
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return def
	}
	return f
}
