package main

import (
	"errors"
	"fmt"
)

// module is what wasmsize reads of a WebAssembly binary.
type module struct {
	sections []section
	imported int            // imported functions, which come first in the function index space
	bodies   []int          // the size of each function body, in index order after the imports
	names    map[int]string // function names from the name section
	segments []segment      // the data section's active segments
	mem      []byte         // memory as the segments leave it (see memory)
}

// segment is data the module copies to memory at addr when it starts.
type segment struct {
	addr int
	b    []byte
}

type section struct {
	name string
	size int
}

var sectionNames = [...]string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"}

// parse reads the sections of a WebAssembly binary (the core
// specification's binary format, version 1).
func parse(b []byte) (*module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" || b[4] != 1 || b[5]|b[6]|b[7] != 0 {
		return nil, errors.New("not a WebAssembly module (version 1)")
	}
	m := &module{names: map[int]string{}}
	r := reader{b: b, at: 8}
	for !r.done() {
		id := r.byte()
		size := r.u32()
		if r.err != nil {
			return nil, r.err
		}
		if size > len(b)-r.at {
			return nil, fmt.Errorf("section %d at byte %d is %d bytes long, past the end", id, r.at, size)
		}
		body := reader{b: b[r.at : r.at+size]}
		r.at += size
		name := fmt.Sprintf("id %d", id)
		if int(id) < len(sectionNames) {
			name = sectionNames[id]
		}
		var err error
		switch id {
		case 0:
			custom := body.name()
			name = "custom " + custom
			if custom == "name" {
				err = m.readNames(&body)
			}
		case 2:
			err = m.readImports(&body)
		case 10:
			err = m.readCode(&body)
		case 11:
			err = m.readData(&body)
		}
		if err == nil {
			err = body.err
		}
		if err != nil {
			return nil, fmt.Errorf("%s section: %w", name, err)
		}
		m.sections = append(m.sections, section{name, size})
	}
	return m, nil
}

func (m *module) readImports(r *reader) error {
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		r.name() // module
		r.name() // field
		switch kind := r.byte(); kind {
		case 0: // function: type index
			r.u32()
			m.imported++
		case 1: // table: reference type, limits
			r.byte()
			r.limits()
		case 2: // memory: limits
			r.limits()
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		default:
			return fmt.Errorf("import of unknown kind %d", kind)
		}
	}
	return nil
}

func (m *module) readCode(r *reader) error {
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		size := r.u32()
		m.bodies = append(m.bodies, size)
		r.skip(size)
	}
	return nil
}

func (m *module) readData(r *reader) error {
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		if flags := r.u32(); flags != 0 {
			return fmt.Errorf("data segment with flags %d: only active segments of memory 0 are read", flags)
		}
		if op := r.byte(); op != 0x41 { // i32.const
			return fmt.Errorf("data segment offset is not an i32.const (opcode %#x)", op)
		}
		addr := r.s32()
		if end := r.byte(); end != 0x0b {
			return fmt.Errorf("data segment offset expression does not end after i32.const")
		}
		size := r.u32()
		start := r.at
		r.skip(size)
		if r.err == nil {
			m.segments = append(m.segments, segment{addr, r.b[start : start+size]})
		}
	}
	return nil
}

// readNames reads the function names subsection (id 1) of the name
// section and skips the others.
func (m *module) readNames(r *reader) error {
	for !r.done() && r.err == nil {
		id := r.byte()
		size := r.u32()
		if id != 1 {
			r.skip(size)
			continue
		}
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			idx := r.u32()
			m.names[idx] = r.name()
		}
	}
	return nil
}

// reader decodes the binary format; the first error sticks.
type reader struct {
	b   []byte
	at  int
	err error
}

func (r *reader) done() bool { return r.err != nil || r.at >= len(r.b) }

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s at byte %d", what, r.at)
	}
}

func (r *reader) byte() byte {
	if r.at >= len(r.b) {
		r.fail("unexpected end")
		return 0
	}
	r.at++
	return r.b[r.at-1]
}

// u32 reads an unsigned LEB128 number of at most 32 bits.
func (r *reader) u32() int {
	v, shift := 0, 0
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
		if shift += 7; shift > 28 {
			r.fail("LEB128 number longer than 32 bits")
			return 0
		}
	}
}

// s32 reads a signed LEB128 number of at most 32 bits.
func (r *reader) s32() int {
	v, shift := 0, 0
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return int(int32(v))
		}
		if shift > 28 {
			r.fail("LEB128 number longer than 32 bits")
			return 0
		}
	}
}

func (r *reader) skip(n int) {
	if n > len(r.b)-r.at {
		r.fail("unexpected end")
		return
	}
	r.at += n
}

func (r *reader) name() string {
	n := r.u32()
	start := r.at
	r.skip(n)
	if r.err != nil {
		return ""
	}
	return string(r.b[start : start+n])
}

func (r *reader) limits() {
	if r.byte() == 1 {
		r.u32()
	}
	r.u32()
}
