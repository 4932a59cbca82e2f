package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"regexp"
)

// The wasm linker writes function names into the name section with every
// character but letters, digits, _ and . replaced by _ (cmd/link's
// nameRegexp), which loses the slashes of import paths and the brackets
// of type arguments. The runtime's own table of function names
// (pclntab, in the data section, for stack traces) has them whole.
var linkerMangling = regexp.MustCompile(`[^\w.]`)

// goFuncNames reads the names of Go's function table from the module's
// data: they come first in a table whose header begins with the magic
// of Go 1.20 and later (runtime.pcHeader).
func (m *module) goFuncNames() ([]string, error) {
	magic := []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8} // magic, pad, pad, minLC 1, ptrSize 8
	mem := m.memory()
	for from := 0; ; {
		i := bytes.Index(mem[from:], magic)
		if i < 0 {
			break
		}
		h := from + i
		from = h + 1
		nfunc, ok1 := m.word(h + 8)
		funcnames, ok2 := m.word(h + 32)
		pcln, ok3 := m.word(h + 64)
		if !ok1 || !ok2 || !ok3 || nfunc <= 0 || nfunc > 1<<22 {
			continue // the same bytes by chance
		}
		names := make([]string, 0, nfunc)
		for f := 0; f < nfunc; f++ {
			funcoff, ok := m.u32(h + pcln + 8*f + 4)
			if !ok {
				return nil, errors.New("the Go function table ends early")
			}
			nameOff, ok := m.u32(h + pcln + funcoff + 4)
			if !ok {
				return nil, errors.New("a Go function record lies outside the data")
			}
			names = append(names, m.cstring(h+funcnames+nameOff))
		}
		return names, nil
	}
	return nil, errors.New("no Go function table in the data section")
}

// memory is the module's memory as its data segments leave it, before
// the program runs: the linker leaves runs of zeros out of the segments.
func (m *module) memory() []byte {
	if m.mem == nil {
		end := 0
		for _, s := range m.segments {
			end = max(end, s.addr+len(s.b))
		}
		m.mem = make([]byte, end)
		for _, s := range m.segments {
			copy(m.mem[s.addr:], s.b)
		}
	}
	return m.mem
}

func (m *module) at(addr, n int) ([]byte, bool) {
	mem := m.memory()
	if addr < 0 || n < 0 || addr+n > len(mem) {
		return nil, false
	}
	return mem[addr : addr+n], true
}

func (m *module) word(addr int) (int, bool) {
	b, ok := m.at(addr, 8)
	if !ok {
		return 0, false
	}
	return int(binary.LittleEndian.Uint64(b)), true
}

func (m *module) u32(addr int) (int, bool) {
	b, ok := m.at(addr, 4)
	if !ok {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(b)), true
}

func (m *module) cstring(addr int) string {
	b, ok := m.at(addr, 0)
	if !ok {
		return ""
	}
	b = m.memory()[addr:]
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// unmangle gives the names of the name section back their slashes and
// brackets, from Go's function table; a name with no counterpart there
// (the linker's own functions) stays as it is.
func (m *module) unmangle() error {
	real, err := m.goFuncNames()
	if err != nil {
		return err
	}
	byMangled := make(map[string]string, len(real))
	for _, r := range real {
		byMangled[linkerMangling.ReplaceAllString(r, "_")] = r
	}
	for i, n := range m.names {
		if r, ok := byMangled[n]; ok {
			m.names[i] = r
		}
	}
	return nil
}
