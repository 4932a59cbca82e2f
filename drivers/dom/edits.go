package dom

import (
	"math"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Op is an operation of an edit list. An edit list is a sequence of
// uint32 words: an Op, then its operands. Node operands are node ids; the
// id 0 is the element the app is mounted in, and every other id is given
// by the diff when it creates a node. String operands are indexes into the
// edit list's string table. The same encoding is read by the browser
// runtime (web/gocycle.js), the in-memory DOM and the HTML backend.
type Op uint32

// The operations, with their operands. A node id is created by
// OpCreateElement, OpCreateText or OpCreateRaw before it is used, and
// freed by OpRemove or OpClear; a freed id may be given again in a later
// edit list, never in the same one.
const (
	_ Op = iota
	// OpCreateElement id tag ns: a detached element; ns is NoString for
	// HTML.
	OpCreateElement
	// OpCreateText id text: a detached text node.
	OpCreateText
	// OpCreateRaw id tag html: a detached element whose content is html,
	// parsed as HTML (see Raw).
	OpCreateRaw
	// OpSetText id text: the data of a text node.
	OpSetText
	// OpSetRaw id html: the content of a raw element.
	OpSetRaw
	// OpSetAttr id name value.
	OpSetAttr
	// OpRemoveAttr id name.
	OpRemoveAttr
	// OpSetPropString id name value.
	OpSetPropString
	// OpSetPropNumber id name lo hi: the float64 whose IEEE 754 bits are
	// hi<<32 | lo.
	OpSetPropNumber
	// OpSetPropBool id name b: b is 0 or 1.
	OpSetPropBool
	// OpRemoveProp id name: the property goes back to its default, as
	// on an element that never had it set. An expando (a property that
	// is not the element's own) is deleted; a built-in property, which
	// delete cannot remove, gets the value it has on a new element of
	// the same tag and namespace (disabled and checked false, title "",
	// a div's tabIndex -1), but for value, which becomes "". The
	// browser runtime does this; MemDOM drops the property from the
	// ones it lists, which are the properties set, and ToHTML writes no
	// attribute for it.
	OpRemoveProp
	// OpSetClass id name on: classList.toggle(name, on); on is 0 or 1.
	OpSetClass
	// OpSetStyle id name value: style.setProperty(name, value).
	OpSetStyle
	// OpRemoveStyle id name: style.removeProperty(name).
	OpRemoveStyle
	// OpAppend parent child: child becomes the last child of parent,
	// moving it if it is elsewhere.
	OpAppend
	// OpInsertBefore parent child ref: child goes before ref, a child of
	// parent, moving it if it is elsewhere.
	OpInsertBefore
	// OpRemove id n id1 ... idn: the node id leaves its parent; the n ids
	// (id itself and all its descendants) are freed.
	OpRemove
	// OpClear parent n id1 ... idn: every child of parent is removed at
	// once; the n ids (those children and their descendants) are freed.
	OpClear

	opEnd // one past the last Op
)

// NoString is the string operand that stands for no string (the ns of an
// HTML element).
const NoString = math.MaxUint32

var opNames = [...]string{
	OpCreateElement: "CreateElement", OpCreateText: "CreateText", OpCreateRaw: "CreateRaw",
	OpSetText: "SetText", OpSetRaw: "SetRaw", OpSetAttr: "SetAttr", OpRemoveAttr: "RemoveAttr",
	OpSetPropString: "SetPropString", OpSetPropNumber: "SetPropNumber", OpSetPropBool: "SetPropBool",
	OpRemoveProp: "RemoveProp", OpSetClass: "SetClass", OpSetStyle: "SetStyle", OpRemoveStyle: "RemoveStyle",
	OpAppend: "Append", OpInsertBefore: "InsertBefore", OpRemove: "Remove", OpClear: "Clear",
}

// String returns the Op's name without its prefix, such as "Append".
func (o Op) String() string {
	if o == 0 || o >= opEnd {
		return "Op(" + itoa(uint32(o)) + ")"
	}
	return opNames[o]
}

// operands gives the number of fixed operands of each Op; OpRemove and
// OpClear are followed by n more.
var operands = [...]int{
	OpCreateElement: 3, OpCreateText: 2, OpCreateRaw: 3, OpSetText: 2, OpSetRaw: 2,
	OpSetAttr: 3, OpRemoveAttr: 2, OpSetPropString: 3, OpSetPropNumber: 4, OpSetPropBool: 3,
	OpRemoveProp: 2, OpSetClass: 3, OpSetStyle: 3, OpRemoveStyle: 2, OpAppend: 2,
	OpInsertBefore: 3, OpRemove: 2, OpClear: 2,
}

// Edits is an edit list: what turns the real DOM of one tree into the
// real DOM of the next.
type Edits struct {
	// Words are the operations and their operands.
	Words []uint32
	// Strings is the string table.
	Strings []string

	// Before are the hooks to call before the edits are applied: the
	// Remove hooks of the elements about to leave the document.
	Before []HookCall
	// After are the hooks to call once the edits are applied: the Insert
	// hooks of the elements created and the Update hooks of the elements
	// patched, in document order.
	After []HookCall

	index map[string]uint32 // string → its index, so repeated names cost one entry

	// recent caches str by where a string's bytes are: the names of a
	// view (tags, classes, attribute names) are substrings of the same
	// literals in every element, and a pointer compare costs much less
	// than hashing them into index.
	recent [recentSize]recentStr
}

// recentSize is the number of entries of Edits.recent, a power of 2.
const recentSize = 256

type recentStr struct {
	p *byte // unsafe.StringData of the string, nil for an empty entry
	n int   // its length
	i uint32
}

// HookCall is a hook to call with the element of the node ID, which the
// driver looks up in its backend: the diff only knows ids.
type HookCall struct {
	Fn func(Element)
	ID uint32
}

// Len returns the number of operations, or -1 if the words are not a
// well-formed edit list.
func (e *Edits) Len() int {
	n := 0
	for i := 0; i < len(e.Words); {
		op := Op(e.Words[i])
		if op == 0 || op >= opEnd {
			return -1
		}
		i += 1 + operands[op]
		if i > len(e.Words) {
			return -1
		}
		if op == OpRemove || op == OpClear {
			i += int(e.Words[i-1])
			if i > len(e.Words) {
				return -1
			}
		}
		n++
	}
	return n
}

// Reset empties e for reuse, keeping its memory.
func (e *Edits) Reset() {
	e.Words = e.Words[:0]
	clear(e.Strings)
	e.Strings = e.Strings[:0]
	clear(e.index)
	clear(e.recent[:])
	clear(e.Before) // the hooks are closures: let them go
	e.Before = e.Before[:0]
	clear(e.After)
	e.After = e.After[:0]
}

// str adds s to the string table, once, and returns its index. Invalid
// UTF-8 is replaced by U+FFFD here, so that every backend reads the same
// text and the browser's decoder cannot disagree with Go on lengths.
func (e *Edits) str(s string) uint32 {
	if len(s) == 0 {
		return e.indexStr(s)
	}
	p := unsafe.StringData(s)
	h := uintptr(unsafe.Pointer(p)) + uintptr(len(s))
	r := &e.recent[(h^h>>8)&(recentSize-1)]
	if r.p == p && r.n == len(s) {
		return r.i
	}
	i := e.indexStr(s)
	*r = recentStr{p: p, n: len(s), i: i}
	return i
}

// indexStr is str without the cache of recent strings.
func (e *Edits) indexStr(s string) uint32 {
	if i, ok := e.index[s]; ok {
		return i
	}
	if e.index == nil {
		e.index = map[string]uint32{}
	}
	i := uint32(len(e.Strings))
	e.index[s] = i // under the string as given, so that the next lookup finds it
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	e.Strings = append(e.Strings, s)
	return i
}

// op2, op3 and op4 append an Op with its 2, 3 or 4 operands, in one
// append each: this is the inner loop of the diff.
func (e *Edits) op2(o Op, a, b uint32) { e.Words = append(e.Words, uint32(o), a, b) }

func (e *Edits) op3(o Op, a, b, c uint32) { e.Words = append(e.Words, uint32(o), a, b, c) }

func (e *Edits) op4(o Op, a, b, c, d uint32) { e.Words = append(e.Words, uint32(o), a, b, c, d) }

func (e *Edits) createElement(id uint32, tag, ns string) {
	n := uint32(NoString)
	if ns != "" {
		n = e.str(ns)
	}
	e.op3(OpCreateElement, id, e.str(tag), n)
}

func (e *Edits) createText(id uint32, text string) { e.op2(OpCreateText, id, e.str(text)) }
func (e *Edits) createRaw(id uint32, tag, html string) {
	e.op3(OpCreateRaw, id, e.str(tag), e.str(html))
}
func (e *Edits) setText(id uint32, text string) { e.op2(OpSetText, id, e.str(text)) }
func (e *Edits) setRaw(id uint32, html string)  { e.op2(OpSetRaw, id, e.str(html)) }
func (e *Edits) setAttr(id uint32, name, value string) {
	e.op3(OpSetAttr, id, e.str(name), e.str(value))
}
func (e *Edits) removeAttr(id uint32, name string) { e.op2(OpRemoveAttr, id, e.str(name)) }

func (e *Edits) setProp(id uint32, name string, value any) {
	switch v := value.(type) {
	case string:
		e.op3(OpSetPropString, id, e.str(name), e.str(v))
	case float64:
		bits := math.Float64bits(v)
		e.op4(OpSetPropNumber, id, e.str(name), uint32(bits), uint32(bits>>32))
	case bool:
		e.op3(OpSetPropBool, id, e.str(name), b2u(v))
	}
}

func (e *Edits) removeProp(id uint32, name string) { e.op2(OpRemoveProp, id, e.str(name)) }
func (e *Edits) setClass(id uint32, name string, on bool) {
	e.op3(OpSetClass, id, e.str(name), b2u(on))
}
func (e *Edits) setStyle(id uint32, name, value string) {
	e.op3(OpSetStyle, id, e.str(name), e.str(value))
}
func (e *Edits) removeStyle(id uint32, name string) { e.op2(OpRemoveStyle, id, e.str(name)) }
func (e *Edits) appendChild(parent, child uint32)   { e.op2(OpAppend, parent, child) }
func (e *Edits) insertBefore(parent, child, ref uint32) {
	e.op3(OpInsertBefore, parent, child, ref)
}

// remove and clear take the freed ids; they are written after n.
func (e *Edits) remove(id uint32, freed []uint32) {
	e.op2(OpRemove, id, uint32(len(freed)))
	e.Words = append(e.Words, freed...)
}

func (e *Edits) clearChildren(parent uint32, freed []uint32) {
	e.op2(OpClear, parent, uint32(len(freed)))
	e.Words = append(e.Words, freed...)
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// utf16Len is the length of s, valid UTF-8, in UTF-16 code units: the
// unit of the string ends of a frame (see appendFrame in wire.go).
func utf16Len(s string) uint32 {
	var n uint32
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func itoa(u uint32) string {
	if u == 0 {
		return "0"
	}
	var b [10]byte
	i := len(b)
	for u > 0 {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
	}
	return string(b[i:])
}
