// Package gen turns CLDR's JSON data (the npm packages cldr-core,
// cldr-units-full, cldr-numbers-full and cldr-misc-full, installed in
// node_modules beside this file) into the Go tables of package units
// (units/tables_gen.go). It is run by `go generate ./units` through
// ./cmd/unitsgen, and by the units tests, which regenerate the tables in
// memory and compare them with the committed file.
//
// The output is deterministic: everything is sorted, factors are computed
// exactly with math/big.Rat, and the source is formatted with go/format.
package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// DefaultLocales are the locales compiled in when no -locales flag is given.
var DefaultLocales = []string{"en", "es", "fr", "de", "it", "pt", "nl", "ru", "zh", "ja", "ar"}

// Config says where the CLDR packages are and which locales to compile in.
type Config struct {
	NodeModules string   // directory holding cldr-core, cldr-units-full, ...
	Locales     []string // CLDR locale ids, e.g. "en", "pt-PT"
}

// Dimensions, in the order of the units package's Dimension constants
// (index+1 is the constant's value). base is the exponent vector over the
// CLDR base units; category is the unitPreferenceData category.
var dims = []struct {
	name, category string
	base           map[string]int
}{
	{"Length", "length", map[string]int{"meter": 1}},
	{"Mass", "mass", map[string]int{"kilogram": 1}},
	{"Temperature", "temperature", map[string]int{"kelvin": 1}},
	{"Duration", "duration", map[string]int{"second": 1}},
	{"Area", "area", map[string]int{"meter": 2}},
	{"Volume", "volume", map[string]int{"meter": 3}},
	{"Speed", "speed", map[string]int{"meter": 1, "second": -1}},
	{"Pressure", "pressure", map[string]int{"kilogram": 1, "meter": -1, "second": -2}},
	{"Energy", "energy", map[string]int{"kilogram": 1, "meter": 2, "second": -2}},
	{"Power", "power", map[string]int{"kilogram": 1, "meter": 2, "second": -3}},
	{"Dimensionless", "", map[string]int{"part": 1}},
	{"CalendarDuration", "year-duration", map[string]int{"year": 1}},
}

type cldrData struct {
	prefixes  map[string]*big.Rat // "kilo" → 1000
	constants map[string]string
	convert   map[string]convertUnit
	constVal  map[string]*big.Rat
}

type convertUnit struct {
	BaseUnit string `json:"_baseUnit"`
	Factor   string `json:"_factor"`
	Offset   string `json:"_offset"`
	Special  string `json:"_special"`
}

// unit is one resolved unit.
type unit struct {
	id     string
	dim    int // index into dims
	factor *big.Rat
	offset *big.Rat
	key    string // "length-centimeter": its key in the locale data, "" if none
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// Version returns the CLDR package version, after checking that all four
// packages carry the same one.
func Version(nodeModules string) (string, error) {
	v := ""
	for _, p := range []string{"cldr-core", "cldr-units-full", "cldr-numbers-full", "cldr-misc-full"} {
		var pj struct{ Version string }
		if err := readJSON(filepath.Join(nodeModules, p, "package.json"), &pj); err != nil {
			return "", err
		}
		if v != "" && pj.Version != v {
			return "", fmt.Errorf("%s is version %s, the others %s: pin one CLDR version for all", p, pj.Version, v)
		}
		v = pj.Version
	}
	return v, nil
}

func loadCore(nm string) (*cldrData, error) {
	var f struct {
		Supplemental struct {
			UnitPrefixes map[string]struct {
				Power10 string `json:"_power10"`
				Power2  string `json:"_power2"`
			} `json:"unitPrefixes"`
			UnitConstants map[string]struct {
				Value string `json:"_value"`
			} `json:"unitConstants"`
			ConvertUnits map[string]convertUnit `json:"convertUnits"`
		} `json:"supplemental"`
	}
	if err := readJSON(filepath.Join(nm, "cldr-core/supplemental/units.json"), &f); err != nil {
		return nil, err
	}
	d := &cldrData{prefixes: map[string]*big.Rat{}, constants: map[string]string{}, convert: f.Supplemental.ConvertUnits, constVal: map[string]*big.Rat{}}
	for name, p := range f.Supplemental.UnitPrefixes {
		if p.Power10 != "" {
			e, _ := strconv.Atoi(p.Power10)
			d.prefixes[name] = pow(big.NewRat(10, 1), e)
		} else {
			e, _ := strconv.Atoi(p.Power2)
			d.prefixes[name] = pow(big.NewRat(2, 1), e)
		}
	}
	for name, c := range f.Supplemental.UnitConstants {
		d.constants[name] = c.Value
	}
	return d, nil
}

func pow(r *big.Rat, e int) *big.Rat {
	out := big.NewRat(1, 1)
	b := new(big.Rat).Set(r)
	if e < 0 {
		b.Inv(b)
		e = -e
	}
	for ; e > 0; e-- {
		out.Mul(out, b)
	}
	return out
}

// eval evaluates a CLDR factor expression: products of terms, with one
// optional "/" after which every term is in the denominator
// ("ft3_to_m3/12*12*12" is ft3_to_m3/1728).
func (d *cldrData) eval(expr string) (*big.Rat, error) {
	if expr == "" {
		return big.NewRat(1, 1), nil
	}
	parts := strings.Split(expr, "/")
	if len(parts) > 2 {
		return nil, fmt.Errorf("expression %q has more than one /", expr)
	}
	out := big.NewRat(1, 1)
	for i, p := range parts {
		for _, t := range strings.Split(p, "*") {
			t = strings.TrimSpace(t)
			v, err := d.term(t)
			if err != nil {
				return nil, fmt.Errorf("expression %q: %v", expr, err)
			}
			if i == 0 {
				out.Mul(out, v)
			} else {
				out.Quo(out, v)
			}
		}
	}
	return out, nil
}

func (d *cldrData) term(t string) (*big.Rat, error) {
	if r, ok := new(big.Rat).SetString(t); ok {
		return r, nil
	}
	if v, ok := d.constVal[t]; ok {
		return v, nil
	}
	s, ok := d.constants[t]
	if !ok {
		return nil, fmt.Errorf("unknown constant %q", t)
	}
	v, err := d.eval(s)
	if err != nil {
		return nil, err
	}
	d.constVal[t] = v
	return v, nil
}

// resolved is a unit id resolved to a factor to its base and a dimension
// vector over the CLDR base units.
type resolved struct {
	factor *big.Rat
	offset *big.Rat // only for a single simple unit
	dim    map[string]int
}

var numberToken = regexp.MustCompile(`^[0-9]+(e[0-9]+)?$`)

// simple resolves a simple unit, possibly with an SI or binary prefix.
func (d *cldrData) simple(id string) (*big.Rat, *big.Rat, map[string]int, bool) {
	if numberToken.MatchString(id) {
		r, _ := new(big.Rat).SetString(id)
		return r, nil, map[string]int{}, true
	}
	if c, ok := d.convert[id]; ok {
		if c.Special != "" {
			return nil, nil, nil, false
		}
		f, err := d.eval(c.Factor)
		if err != nil {
			panic(err)
		}
		var off *big.Rat
		if c.Offset != "" {
			off, err = d.eval(c.Offset)
			if err != nil {
				panic(err)
			}
		}
		if c.BaseUnit == id {
			return f, off, map[string]int{id: 1}, true
		}
		r, ok := d.resolve(c.BaseUnit)
		if !ok {
			return nil, nil, nil, false
		}
		return f, off, r.dim, true
	}
	for p, pf := range d.prefixes {
		if rest, ok := strings.CutPrefix(id, p); ok && rest != "" {
			if c, ok := d.convert[rest]; ok && c.Offset == "" && c.Special == "" {
				f, _, dim, ok := d.simple(rest)
				if ok {
					return new(big.Rat).Mul(pf, f), nil, dim, true
				}
			}
		}
	}
	return nil, nil, nil, false
}

// resolve parses a CLDR unit identifier ("kilometer-per-hour",
// "square-meter", "inch-ofhg", "part-per-1e6") into its factor to the
// base units and its dimension vector.
func (d *cldrData) resolve(id string) (resolved, bool) {
	toks := strings.Split(id, "-")
	out := resolved{factor: big.NewRat(1, 1), dim: map[string]int{}}
	sign := 1
	n := 0 // simple units seen
	for i := 0; i < len(toks); {
		if toks[i] == "per" {
			if sign < 0 {
				return resolved{}, false
			}
			sign = -1
			i++
			continue
		}
		power := 1
		switch {
		case toks[i] == "square":
			power, i = 2, i+1
		case toks[i] == "cubic":
			power, i = 3, i+1
		case strings.HasPrefix(toks[i], "pow") && len(toks[i]) > 3:
			p, err := strconv.Atoi(toks[i][3:])
			if err != nil {
				return resolved{}, false
			}
			power, i = p, i+1
		}
		// longest run of tokens that is a simple unit
		found := false
		for j := len(toks); j > i; j-- {
			f, off, dim, ok := d.simple(strings.Join(toks[i:j], "-"))
			if !ok {
				continue
			}
			found = true
			i = j
			n++
			e := power * sign
			out.factor.Mul(out.factor, pow(f, e))
			for k, v := range dim {
				out.dim[k] += v * e
				if out.dim[k] == 0 {
					delete(out.dim, k)
				}
			}
			if off != nil && off.Sign() != 0 {
				if e != 1 || len(toks) != j {
					return resolved{}, false
				}
				out.offset = off
			}
			break
		}
		if !found {
			return resolved{}, false
		}
	}
	if out.offset != nil && n != 1 {
		return resolved{}, false
	}
	return out, true
}

func sameDim(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func (d *cldrData) unitFor(id string) (*unit, bool) {
	r, ok := d.resolve(id)
	if !ok {
		return nil, false
	}
	for i, dm := range dims {
		if sameDim(r.dim, dm.base) {
			return &unit{id: id, dim: i, factor: r.factor, offset: r.offset}, true
		}
	}
	return nil, false
}

// keyCategories are the categories of the locale data whose units are
// taken: consumption (volume per length, an area) and torque (an energy)
// are left out on purpose.
var keyCategories = map[string]bool{"length": true, "mass": true, "temperature": true, "duration": true,
	"area": true, "volume": true, "speed": true, "pressure": true, "energy": true, "power": true, "concentr": true}

var widths = []string{"long", "short", "narrow"}

// Plural categories in the order of the units package.
var pluralCats = []string{"zero", "one", "two", "few", "many", "other"}

type prefItem struct {
	units []string
	geq   string
}

// Generate returns the formatted source of tables_gen.go.
func Generate(cfg Config) ([]byte, error) {
	nm := cfg.NodeModules
	version, err := Version(nm)
	if err != nil {
		return nil, err
	}
	d, err := loadCore(nm)
	if err != nil {
		return nil, err
	}
	units := map[string]*unit{}
	add := func(id, key string) bool {
		if u, ok := units[id]; ok {
			if u.key == "" {
				u.key = key
			}
			return true
		}
		u, ok := d.unitFor(id)
		if !ok {
			return false
		}
		u.key = key
		units[id] = u
		return true
	}
	// (a) every unit of convertUnits in one of our dimensions
	for _, id := range sortedKeys(d.convert) {
		add(id, "")
	}
	// (b) every unit with English display data in one of our dimensions
	var enUnits struct {
		Main map[string]struct {
			Units map[string]json.RawMessage
		}
	}
	if err := readJSON(filepath.Join(nm, "cldr-units-full/main/en/units.json"), &enUnits); err != nil {
		return nil, err
	}
	var enLong map[string]json.RawMessage
	if err := json.Unmarshal(enUnits.Main["en"].Units["long"], &enLong); err != nil {
		return nil, err
	}
	for _, key := range sortedKeys(enLong) {
		cat, id, ok := strings.Cut(key, "-")
		if !ok || !keyCategories[cat] {
			continue
		}
		add(id, key)
	}
	// (c) every unit named by a preference
	var prefFile struct {
		Supplemental struct {
			UnitPreferenceData map[string]map[string]map[string][]struct {
				Unit string  `json:"unit"`
				Geq  float64 `json:"geq"`
			} `json:"unitPreferenceData"`
		} `json:"supplemental"`
	}
	if err := readJSON(filepath.Join(nm, "cldr-core/supplemental/unitPreferenceData.json"), &prefFile); err != nil {
		return nil, err
	}
	catDim := map[string]int{}
	for i, dm := range dims {
		if dm.category != "" {
			catDim[dm.category] = i
		}
	}
	prefs := map[string][]prefItem{}
	for cat, usages := range prefFile.Supplemental.UnitPreferenceData {
		di, ok := catDim[cat]
		if !ok {
			continue
		}
		for usage, regions := range usages {
			for region, items := range regions {
				var list []prefItem
				for _, it := range items {
					parts := strings.Split(it.Unit, "-and-")
					for _, p := range parts {
						if !add(p, "") {
							return nil, fmt.Errorf("preference %s/%s/%s: unknown unit %q", cat, usage, region, p)
						}
						if units[p].dim != di {
							return nil, fmt.Errorf("preference %s/%s/%s: unit %q is not %s", cat, usage, region, p, cat)
						}
					}
					geq := it.Geq
					if geq == 0 {
						geq = 1 // UTS #35: geq defaults to 1.0
					}
					list = append(list, prefItem{units: parts, geq: strconv.FormatFloat(geq, 'g', -1, 64)})
				}
				prefs[cat+"/"+usage+"/"+region] = list
			}
		}
	}
	// The keys of the locale data for units of (a) and (c)
	for key := range enLong {
		if cat, id, ok := strings.Cut(key, "-"); ok && keyCategories[cat] {
			if u, ok := units[id]; ok && u.key == "" {
				u.key = key
			}
		}
	}
	ids := sortedKeys(units)
	index := map[string]int{}
	for i, id := range ids {
		index[id] = i + 1
	}
	if len(ids) > 65000 {
		return nil, fmt.Errorf("too many units")
	}

	var b bytes.Buffer
	pool := newPool()
	fmt.Fprintf(&b, "// Code generated by units/internal/gen from CLDR %s (npm cldr-core, cldr-units-full, cldr-numbers-full, cldr-misc-full). DO NOT EDIT.\n\n", version)
	fmt.Fprintf(&b, "package units\n\n")
	fmt.Fprintf(&b, "// CLDRVersion is the version of the CLDR data compiled into this package.\nconst CLDRVersion = %q\n\n", version)
	fmt.Fprintf(&b, "// generatedLocales are the locales compiled in (the generator's -locales flag).\nconst generatedLocales = %q\n\n", strings.Join(cfg.Locales, ","))

	// Unit constants.
	b.WriteString("// The units, by their CLDR identifier.\nconst (\n")
	for i, id := range ids {
		u := units[id]
		fmt.Fprintf(&b, "\t// %s is the CLDR unit %q (%s).\n", goName(id), id, strings.ToLower(dims[u.dim].name))
		if i == 0 {
			fmt.Fprintf(&b, "\t%s Unit = iota + 1\n", goName(id))
		} else {
			fmt.Fprintf(&b, "\t%s\n", goName(id))
		}
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "const numUnits = %d\n\n", len(ids))

	// Unit ids: one string and offsets.
	var all strings.Builder
	offs := []int{0}
	for _, id := range ids {
		all.WriteString(id)
		offs = append(offs, all.Len())
	}
	fmt.Fprintf(&b, "const unitIDs = %q\n\n", all.String())
	fmt.Fprintf(&b, "var unitIDOff = [numUnits + 1]uint16{")
	for i, o := range offs {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", o)
	}
	b.WriteString("\n}\n\n")

	// Conversion table.
	b.WriteString("// unitTab: dimension, exact factor to the dimension's base unit (num/den, 0/0 if it does\n// not fit in 64 bits), the factor as a float64, and the offset (offNum/offDen) added after the factor.\nvar unitTab = [numUnits]unitRec{\n")
	for _, id := range ids {
		u := units[id]
		num, den := uint64(0), uint64(0)
		if u.factor.Num().IsUint64() && u.factor.Denom().IsUint64() {
			num, den = u.factor.Num().Uint64(), u.factor.Denom().Uint64()
		}
		f, _ := u.factor.Float64()
		on, od := int64(0), uint64(1)
		if u.offset != nil {
			if !u.offset.Num().IsInt64() || !u.offset.Denom().IsUint64() {
				return nil, fmt.Errorf("offset of %s too large", id)
			}
			on, od = u.offset.Num().Int64(), u.offset.Denom().Uint64()
		}
		fmt.Fprintf(&b, "\t{%d, %d, %d, %s, %d, %d}, // %s = %s\n", u.dim+1, num, den, floatLit(f), on, od, id, u.factor.RatString())
	}
	b.WriteString("}\n\n")

	// Preferences: sorted keys "category/usage/region" → items.
	b.WriteString("// prefKeys are \"category/usage/region\", sorted; prefIdx[i]:prefIdx[i+1] are their items.\n")
	pkeys := sortedKeys(prefs)
	b.WriteString("var prefKeys = [...]string{\n")
	for _, k := range pkeys {
		fmt.Fprintf(&b, "\t%q,\n", k)
	}
	b.WriteString("}\n\n")
	b.WriteString("var prefIdx = [...]uint16{")
	n := 0
	for i, k := range pkeys {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", n)
		n += len(prefs[k])
	}
	fmt.Fprintf(&b, "%d,\n}\n\n", n)
	b.WriteString("var prefItems = [...]prefItem{\n")
	for _, k := range pkeys {
		for _, it := range prefs[k] {
			var us [3]string
			if len(it.units) > 3 {
				return nil, fmt.Errorf("%s: more than 3 mixed units", k)
			}
			for i := range us {
				us[i] = "0"
				if i < len(it.units) {
					us[i] = goName(it.units[i])
				}
			}
			fmt.Fprintf(&b, "\t{[3]Unit{%s}, %s},\n", strings.Join(us[:], ", "), it.geq)
		}
	}
	b.WriteString("}\n\n")

	// Locales.
	type locOut struct {
		rec  string
		pats []int
	}
	var locs []locOut
	patTotal := 0
	for _, loc := range cfg.Locales {
		lr, err := genLocale(nm, loc, ids, units, pool)
		if err != nil {
			return nil, err
		}
		lr.rec = strings.Replace(lr.rec, "PATOFF", strconv.Itoa(patTotal), 1)
		patTotal += len(lr.pats)
		locs = append(locs, locOut{lr.rec, lr.pats})
	}
	b.WriteString("// locales are the compiled-in locales, in the order of the generator's -locales flag.\nvar locales = [...]localeRec{\n")
	for _, l := range locs {
		b.WriteString(l.rec)
	}
	b.WriteString("}\n\n")
	b.WriteString("// patTab holds, per locale, pool indexes of the unit patterns: [unit][width][plural category of the locale].\nvar patTab = [...]uint16{")
	i := 0
	for _, l := range locs {
		for _, p := range l.pats {
			if i%24 == 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%d, ", p)
			i++
		}
	}
	b.WriteString("\n}\n\n")
	if pool.b.Len() > math.MaxUint32 || len(pool.offs) > 65535 {
		return nil, fmt.Errorf("string pool too large")
	}
	fmt.Fprintf(&b, "// pool holds every locale string; string i is pool[poolOff[i]:poolOff[i+1]].\nconst pool = %q\n\n", pool.b.String())
	b.WriteString("var poolOff = [...]uint32{")
	for i, o := range append(pool.offs, pool.b.Len()) {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", o)
	}
	b.WriteString("\n}\n")

	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated source: %v\n%s", err, b.String())
	}
	return src, nil
}

type locRec struct {
	rec  string
	pats []int
}

type stringPool struct {
	b    strings.Builder
	offs []int
	idx  map[string]int
}

func newPool() *stringPool {
	p := &stringPool{idx: map[string]int{}}
	p.add("") // index 0 is the empty string: "no pattern"
	return p
}

func (p *stringPool) add(s string) int {
	if i, ok := p.idx[s]; ok {
		return i
	}
	i := len(p.offs)
	p.offs = append(p.offs, p.b.Len())
	p.b.WriteString(s)
	p.idx[s] = i
	return i
}

func genLocale(nm, loc string, ids []string, units map[string]*unit, pool *stringPool) (locRec, error) {
	// Units
	var uf struct {
		Main map[string]struct {
			Units map[string]json.RawMessage
		}
	}
	if err := readJSON(filepath.Join(nm, "cldr-units-full/main", loc, "units.json"), &uf); err != nil {
		return locRec{}, err
	}
	m, ok := uf.Main[loc]
	if !ok {
		return locRec{}, fmt.Errorf("locale %s: no units data", loc)
	}
	var byWidth [3]map[string]map[string]string
	for w, name := range widths {
		var mm map[string]json.RawMessage
		if err := json.Unmarshal(m.Units[name], &mm); err != nil {
			return locRec{}, fmt.Errorf("locale %s: %v", loc, err)
		}
		byWidth[w] = map[string]map[string]string{}
		for k, raw := range mm {
			var e map[string]string
			if json.Unmarshal(raw, &e) == nil {
				byWidth[w][k] = e
			}
		}
	}
	// Plural rules
	var pf struct {
		Supplemental struct {
			Plurals map[string]map[string]string `json:"plurals-type-cardinal"`
		} `json:"supplemental"`
	}
	if err := readJSON(filepath.Join(nm, "cldr-core/supplemental/plurals.json"), &pf); err != nil {
		return locRec{}, err
	}
	rules, ok := pf.Supplemental.Plurals[loc]
	if !ok {
		base, _, _ := strings.Cut(loc, "-")
		if rules, ok = pf.Supplemental.Plurals[base]; !ok {
			return locRec{}, fmt.Errorf("locale %s: no plural rules", loc)
		}
	}
	cats := 0
	var ruleParts []string
	for c, name := range pluralCats {
		r, ok := rules["pluralRule-count-"+name]
		if !ok {
			continue
		}
		cats |= 1 << c
		if name == "other" {
			continue
		}
		cond, _, _ := strings.Cut(r, "@")
		ruleParts = append(ruleParts, fmt.Sprintf("%d:%s", c, strings.TrimSpace(cond)))
	}
	if cats&(1<<5) == 0 {
		return locRec{}, fmt.Errorf("locale %s: no plural category other", loc)
	}
	// Numbers
	var nf struct {
		Main map[string]struct {
			Numbers map[string]json.RawMessage
		}
	}
	if err := readJSON(filepath.Join(nm, "cldr-numbers-full/main", loc, "numbers.json"), &nf); err != nil {
		return locRec{}, err
	}
	nums := nf.Main[loc].Numbers
	var ns string
	if err := json.Unmarshal(nums["defaultNumberingSystem"], &ns); err != nil {
		return locRec{}, fmt.Errorf("locale %s: defaultNumberingSystem: %v", loc, err)
	}
	if ns != "latn" {
		return locRec{}, fmt.Errorf("locale %s: default numbering system %q: only latn is supported", loc, ns)
	}
	var minGroupStr string
	var minGroup int
	if err := json.Unmarshal(nums["minimumGroupingDigits"], &minGroupStr); err == nil {
		minGroup, _ = strconv.Atoi(minGroupStr)
	} else if err := json.Unmarshal(nums["minimumGroupingDigits"], &minGroup); err != nil {
		return locRec{}, fmt.Errorf("locale %s: minimumGroupingDigits: %v", loc, err)
	}
	var sym map[string]string
	if err := json.Unmarshal(nums["symbols-numberSystem-latn"], &sym); err != nil {
		return locRec{}, fmt.Errorf("locale %s: symbols: %v", loc, err)
	}
	var dfmt struct {
		Standard string `json:"standard"`
	}
	if err := json.Unmarshal(nums["decimalFormats-numberSystem-latn"], &dfmt); err != nil {
		return locRec{}, fmt.Errorf("locale %s: decimalFormats: %v", loc, err)
	}
	primary, secondary, err := grouping(dfmt.Standard)
	if err != nil {
		return locRec{}, fmt.Errorf("locale %s: %v", loc, err)
	}
	// ICU (and so Intl) writes percent and permille in the short and narrow
	// widths with the locale's percent format and symbols, not the unit
	// patterns.
	var pctFmt struct {
		Standard string `json:"standard"`
	}
	if err := json.Unmarshal(nums["percentFormats-numberSystem-latn"], &pctFmt); err != nil {
		return locRec{}, fmt.Errorf("locale %s: percentFormats: %v", loc, err)
	}
	pctPat, _, _ := strings.Cut(pctFmt.Standard, ";")
	if i, j := strings.IndexAny(pctPat, "#0"), strings.LastIndexAny(pctPat, "#0"); i >= 0 {
		pctPat = pctPat[:i] + "{0}" + pctPat[j+1:]
	}
	symbolPattern := map[string]string{
		"percent":  strings.Replace(pctPat, "%", sym["percentSign"], 1),
		"permille": strings.Replace(pctPat, "%", sym["perMille"], 1),
	}
	var pats []int
	for _, id := range ids {
		u := units[id]
		for w := range widths {
			var e map[string]string
			if u.key != "" {
				e = byWidth[w][u.key]
			}
			for c, name := range pluralCats {
				if cats&(1<<c) == 0 {
					continue
				}
				p := e["unitPattern-count-"+name]
				if p == "" {
					p = e["unitPattern-count-other"]
				}
				if sp, ok := symbolPattern[id]; ok && w > 0 {
					p = sp
				}
				pats = append(pats, pool.add(p))
			}
		}
	}
	// List patterns
	var lf struct {
		Main map[string]struct {
			ListPatterns map[string]map[string]string `json:"listPatterns"`
		}
	}
	if err := readJSON(filepath.Join(nm, "cldr-misc-full/main", loc, "listPatterns.json"), &lf); err != nil {
		return locRec{}, err
	}
	var lists [3][4]int
	for w, name := range []string{"listPattern-type-unit", "listPattern-type-unit-short", "listPattern-type-unit-narrow"} {
		lp := lf.Main[loc].ListPatterns[name]
		for i, k := range []string{"2", "start", "middle", "end"} {
			if lp[k] == "" {
				return locRec{}, fmt.Errorf("locale %s: %s has no %s", loc, name, k)
			}
			lists[w][i] = pool.add(lp[k])
		}
	}
	var rec strings.Builder
	fmt.Fprintf(&rec, "\t{id: %q, decimal: %q, group: %q, minus: %q, plus: %q, nan: %q, infinity: %q,\n", loc, sym["decimal"], sym["group"], sym["minusSign"], sym["plusSign"], sym["nan"], sym["infinity"])
	fmt.Fprintf(&rec, "\t\tminGroup: %d, primary: %d, secondary: %d, cats: %#x, plural: %q,\n", minGroup, primary, secondary, cats, strings.Join(ruleParts, ";"))
	fmt.Fprintf(&rec, "\t\tlists: [3][4]uint16{{%d, %d, %d, %d}, {%d, %d, %d, %d}, {%d, %d, %d, %d}}, pat: PATOFF},\n",
		lists[0][0], lists[0][1], lists[0][2], lists[0][3], lists[1][0], lists[1][1], lists[1][2], lists[1][3], lists[2][0], lists[2][1], lists[2][2], lists[2][3])
	return locRec{rec: rec.String(), pats: pats}, nil
}

// grouping reads the primary and secondary grouping sizes of a decimal
// pattern: "#,##0.###" is 3, 3; "#,##,##0.###" is 3, 2.
func grouping(pat string) (int, int, error) {
	pat, _, _ = strings.Cut(pat, ";")
	intPart, _, _ := strings.Cut(pat, ".")
	g := strings.Split(intPart, ",")
	switch len(g) {
	case 1:
		return 0, 0, nil
	case 2:
		return len(g[1]), len(g[1]), nil
	default:
		return len(g[len(g)-1]), len(g[len(g)-2]), nil
	}
}

func floatLit(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// goName turns a CLDR unit id into an exported Go name:
// "square-meter" → SquareMeter, "part-per-1e6" → PartPer1e6.
func goName(id string) string {
	var b strings.Builder
	for _, p := range strings.Split(id, "-") {
		if p == "" {
			continue
		}
		b.WriteString(strings.ToUpper(p[:1]) + p[1:])
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
