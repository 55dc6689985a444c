package load

import (
	"fmt"
	"strconv"
	"strings"
	"unsafe"

	"github.com/tallyscope/tallyscope/sim"
)

// column indexes resolved from a mapping and a header; -1 means absent.
type columns struct {
	levels     []int
	levelNames []int
	unit       int
	name       int
	registered int
	valid      int
	null       int
	blank      int
	total      int
	source     int
	candidates []int
}

type numFormat struct {
	thousands byte // 0: detect within quoted fields
	decimal   byte
	delim     byte
}

type regionKey struct {
	parent int
	key    string
}

// builder turns CSV records into a tally.
type builder struct {
	// prevRaw holds the previous row's raw code at each level.
	prevRaw []string
	// rd is the reader, which knows the columns of the current row.
	rd *csvReader
	// latin1: the text is raw Windows-1252; kept strings need fixLatin1.
	latin1 bool
	// arena holds the bytes of strings the loader makes (padded codes,
	// qualified ids), so that they cost no allocation each.
	arena  []byte
	file   string
	m      *Mapping
	c      columns
	nf     numFormat
	hdr    []string
	t      *sim.Tally
	rep    *Report
	strict bool

	// While sorted, every region's rows are contiguous and its children
	// come in increasing key order, so a changed key is a new region and no
	// look-up is needed. The first row that breaks this builds the maps.
	sorted     bool
	regionIdx  map[regionKey]int
	levelIdx   []map[string]int
	prevKey    []string
	prevRegion []int
	votes      []int64
	lines      []int32
	dups       dupChecker
	repeats    repeatScreen

	noRegistered int
	sawThousands bool
	levelKeys    []string
	rowVotes     []int64

	// seps records, per column, what its values say about '.' (only
	// values that are not plain digits touch it).
	seps []colSeps
	// sumCast and sumRegistered add up the rows kept, to hold the whole
	// file (and so every region in it) under sim.MaxRegionVotes.
	sumCast, sumRegistered int64
	// fatal is set when a row problem must stop the load even in
	// lenient mode.
	fatal bool
}

// colSeps is what one column's values say about the '.' separator when
// the mapping declares neither "thousands" nor "decimal".
type colSeps struct {
	// ambiguous is the first value that reads either way ("2.000": 2 or
	// 2000); lines lists the first few such lines and n counts them.
	ambiguous *Problem
	whole     string
	lines     []int
	n         int
	// decimal: some value shows that '.' is a decimal point ("13045.0",
	// "1234.000", "1,234.000").
	decimal bool
}

// problem reports a row problem at a byte column (0: the whole line).
func (b *builder) problem(line, col int, msg string, args ...any) *Problem {
	return &Problem{File: b.file, Line: line, Column: col, Msg: fmt.Sprintf(msg, args...), kind: ErrRow}
}

// fieldProblem reports a problem in field f of the current row, naming
// its column from the header.
func (b *builder) fieldProblem(line, f int, msg string, args ...any) *Problem {
	p := b.problem(line, b.rd.column(f), msg, args...)
	if f < len(b.hdr) {
		p.Field = b.hdr[f]
	}
	return p
}

// loadCSV reads text (already decoded) as CSV with the mapping m.
func loadCSV(text string, latin1 bool, m *Mapping, file string, lenient bool, rep *Report) (*sim.Tally, error) {
	delim := byte(0)
	switch m.Delimiter {
	case "":
		delim = sniffDelimiter(text)
		if delim != ',' {
			rep.guess("delimiter: %q", string(delim))
		}
	case `\t`:
		delim = '\t'
	default:
		delim = m.Delimiter[0]
	}
	r := newCSVReader(text, delim)
	hdr, ok, errCol, errMsg := r.next()
	if !ok {
		return nil, &Problem{File: file, Msg: "the file is empty", kind: ErrEmpty}
	}
	if errCol > 0 {
		return nil, &Problem{File: file, Line: 1, Column: errCol, Msg: "header: " + errMsg, kind: ErrHeader}
	}
	header := make([]string, len(hdr))
	for i, h := range hdr {
		header[i] = strings.TrimSpace(h)
		if latin1 {
			header[i] = fixLatin1(header[i])
		}
	}
	if err := m.check(); err != nil {
		return nil, &Problem{File: file, Msg: err.Error(), kind: ErrMapping}
	}
	b := &builder{file: file, m: m, hdr: header, rep: rep, strict: !lenient, latin1: latin1, rd: r}
	if err := b.resolve(); err != nil {
		return nil, err
	}
	b.nf = numFormat{delim: delim}
	if m.Thousands != "" {
		b.nf.thousands = m.Thousands[0]
	}
	if m.Decimal != "" {
		b.nf.decimal = m.Decimal[0]
	}
	b.start(strings.Count(text, "\n") + 1)
	var pending []int // lines of empty records, reported only if data follows
	for {
		rec, ok, errCol, errMsg := r.next()
		if !ok {
			break
		}
		line := r.recLine
		if errCol > 0 {
			rep.Rows++
			if err := b.fail(b.problem(line, errCol, "%s", errMsg)); err != nil {
				return nil, err
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" && len(header) > 1 {
			pending = append(pending, line)
			continue
		}
		for _, l := range pending {
			rep.Warnings = append(rep.Warnings, &Problem{File: file, Line: l, Msg: "empty line skipped", kind: ErrRow})
		}
		pending = pending[:0]
		rep.Rows++
		if p := b.row(rec, r.quoted, line); p != nil {
			if b.fatal {
				return nil, p
			}
			if err := b.fail(p); err != nil {
				return nil, err
			}
		}
	}
	if rep.Rows == 0 {
		return nil, &Problem{File: file, Line: 2, Msg: "the file has a header but no data rows", kind: ErrEmpty}
	}
	return b.finish()
}

func (b *builder) fail(p *Problem) error {
	if b.strict {
		return p
	}
	b.rep.Skipped = append(b.rep.Skipped, p)
	return nil
}

func (b *builder) resolve() error {
	idx := make(map[string]int, len(b.hdr))
	for i, h := range b.hdr {
		if j, dup := idx[h]; dup {
			return &Problem{File: b.file, Line: 1, Column: i + 1, Msg: fmt.Sprintf("column %q appears twice in the header (columns %d and %d)", h, j+1, i+1), kind: ErrHeader}
		}
		idx[h] = i
	}
	used := make([]bool, len(b.hdr))
	col := func(name, role string, required bool) (int, error) {
		if name == "" {
			if required {
				return -1, &Problem{File: b.file, Line: 1, Msg: "the mapping names no column for " + role, kind: ErrHeader}
			}
			return -1, nil
		}
		i, ok := idx[name]
		if !ok {
			for h, j := range idx {
				if strings.EqualFold(h, name) {
					return -1, &Problem{File: b.file, Line: 1, Msg: fmt.Sprintf("no column %q for %s; did you mean %q (column %d)?", name, role, h, j+1), kind: ErrHeader}
				}
			}
			return -1, &Problem{File: b.file, Line: 1, Msg: fmt.Sprintf("no column %q for %s; the header has: %s", name, role, strings.Join(b.hdr, ", ")), kind: ErrHeader}
		}
		used[i] = true
		return i, nil
	}
	var err error
	m := b.m
	for _, l := range m.Levels {
		i, err := col(l.Column, "level "+l.Column, true)
		if err != nil {
			return err
		}
		n, err := col(l.Name, "the name of level "+l.Column, false)
		if err != nil {
			return err
		}
		b.c.levels = append(b.c.levels, i)
		b.c.levelNames = append(b.c.levelNames, n)
	}
	for _, p := range []struct {
		dst  *int
		name string
		role string
	}{
		{&b.c.unit, m.Unit, "the unit id"},
		{&b.c.name, m.Name, "the unit name"},
		{&b.c.registered, m.Registered, "registered voters"},
		{&b.c.valid, m.Valid, "valid votes"},
		{&b.c.null, m.Null, "null votes"},
		{&b.c.blank, m.Blank, "blank votes"},
		{&b.c.total, m.Total, "total votes"},
		{&b.c.source, m.Source, "the source link"},
	} {
		if *p.dst, err = col(p.name, p.role, false); err != nil {
			return err
		}
	}
	for _, c := range m.candidateSpecs() {
		i, err := col(c.Column, "candidate "+c.Column, true)
		if err != nil {
			return err
		}
		b.c.candidates = append(b.c.candidates, i)
	}
	var unused []string
	for i, u := range used {
		if !u {
			unused = append(unused, b.hdr[i])
		}
	}
	if len(unused) > 0 {
		b.rep.guess("columns not used: %s", strings.Join(unused, ", "))
	}
	return nil
}

func (b *builder) start(rows int) {
	m := b.m
	t := &sim.Tally{Title: m.Title, UnitLevel: m.UnitLevel}
	if t.UnitLevel == "" {
		t.UnitLevel = "unit"
	}
	for _, l := range m.Levels {
		label := l.Label
		if label == "" {
			label = strings.ToLower(l.Column)
		}
		t.Levels = append(t.Levels, label)
	}
	add := func(c CandidateSpec) {
		id := c.ID
		if id == "" {
			id = c.Column
		}
		agg, guessed := c.aggregate()
		if guessed {
			b.rep.guess("%s: taken as several candidates lumped together (a remainder that leads no region and gets no digit test); say \"aggregate\": false in the mapping to count it as one candidate", c.Column)
		}
		t.Candidates = append(t.Candidates, sim.Candidate{ID: id, Name: c.Name, Party: c.Party, Color: c.Color, Aggregate: agg})
	}
	for _, c := range m.candidateSpecs() {
		add(c)
	}
	if b.c.total >= 0 {
		lumped := true
		o := CandidateSpec{ID: "other", Name: "Other candidates", Aggregate: &lumped}
		if m.Others != nil {
			o = *m.Others
			if o.Aggregate == nil {
				o.Aggregate = &lumped
			}
		}
		if o.ID == "" {
			o.ID = "other"
		}
		add(o)
	}
	if e := m.Expected; e != nil {
		t.Expected = append(t.Expected, sim.Expectation{Region: -1, Units: e.Units, Registered: e.Registered, Votes: e.Votes, Source: e.Source})
	}
	b.t = t
	nc := len(t.Candidates)
	t.Units = make([]sim.Unit, 0, rows)
	b.votes = make([]int64, 0, rows*nc)
	b.lines = make([]int32, 0, rows)
	b.sorted = true
	t.Regions = make([]sim.Region, 0, min(rows, 1<<16))
	b.prevKey = make([]string, len(m.Levels))
	b.prevRaw = make([]string, len(m.Levels))
	b.prevRegion = make([]int, len(m.Levels))
	for i := range b.prevRegion {
		b.prevRegion[i] = -2
	}
	b.levelKeys = make([]string, len(m.Levels))
	b.rowVotes = make([]int64, nc)
	b.dups.runRegion = -2
	b.repeats.start(len(b.t.Regions))
}

// keep returns s as a string to store in the tally.
func (b *builder) keep(s string) string {
	if b.latin1 {
		return fixLatin1(s)
	}
	return s
}

// join makes a string of the parts in the arena.
func (b *builder) join(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if cap(b.arena)-len(b.arena) < n {
		b.arena = make([]byte, 0, max(64<<10, n))
	}
	start := len(b.arena)
	for _, p := range parts {
		b.arena = append(b.arena, p...)
	}
	return unsafe.String(&b.arena[start], n)
}

const zeros = "0000000000000000"

// padding returns the zeros that pad v to pad digits ("" when v is empty
// or long enough).
func padding(v string, pad int) string {
	n := pad - len(v)
	switch {
	case n <= 0 || v == "":
		return ""
	case n <= len(zeros):
		return zeros[:n]
	}
	return strings.Repeat("0", n)
}

// shape zero-pads a code to pad digits, then takes the byte range slice.
func (b *builder) shape(v string, slice []int, pad int) (string, bool) {
	v = strings.TrimSpace(v)
	if p := padding(v, pad); p != "" {
		v = b.join(p, v)
	}
	if len(slice) == 2 && v != "" {
		if len(v) < slice[1] {
			return v, false
		}
		v = v[slice[0]:slice[1]]
	}
	return b.keep(v), true
}

func (b *builder) row(rec []string, quoted []bool, line int) *Problem {
	if len(rec) != len(b.hdr) {
		return b.problem(line, 0, "the row has %d fields but the header has %d", len(rec), len(b.hdr))
	}
	// Counts first, so that a bad row leaves nothing behind.
	var valid int64
	var h uint64 // see repeatScreen
	for i, c := range b.c.candidates {
		v, ok := plainCount(rec[c])
		if !ok {
			var p *Problem
			if v, p = b.count(rec, quoted, c, line, false); p != nil {
				return p
			}
		} else if v > sim.MaxUnitVotes {
			return b.ceilingProblem(line, c, v)
		}
		b.rowVotes[i] = v
		valid += v // at most len(candidates) × sim.MaxUnitVotes
		h += uint64(v) * screenWeight(i)
	}
	registered, null, blank := sim.Unknown, sim.Unknown, sim.Unknown
	var p *Problem
	if b.c.registered >= 0 {
		if registered, p = b.count(rec, quoted, b.c.registered, line, true); p != nil {
			return p
		}
	}
	if b.c.null >= 0 {
		if null, p = b.count(rec, quoted, b.c.null, line, true); p != nil {
			return p
		}
	}
	if b.c.blank >= 0 {
		if blank, p = b.count(rec, quoted, b.c.blank, line, true); p != nil {
			return p
		}
	}
	if b.c.total >= 0 {
		total, p := b.count(rec, quoted, b.c.total, line, false)
		if p != nil {
			return p
		}
		if total < valid {
			return b.fieldProblem(line, b.c.total, "total votes %d are fewer than the candidate columns' sum %d", total, valid)
		}
		other := len(b.rowVotes) - 1
		b.rowVotes[other] = total - valid
		h += uint64(total-valid) * screenWeight(other)
		valid = total
	}
	if b.c.valid >= 0 {
		stated, ok := plainCount(rec[b.c.valid])
		if !ok || stated > sim.MaxUnitVotes {
			var p *Problem
			if stated, p = b.count(rec, quoted, b.c.valid, line, false); p != nil {
				return p
			}
		}
		if stated != valid {
			return b.fieldProblem(line, b.c.valid, "valid votes %d differ from the sum of the candidate columns %d (off by %+d)", stated, valid, valid-stated)
		}
	}
	cast := valid + max(null, 0) + max(blank, 0)
	if cast > sim.MaxUnitVotes {
		return b.problem(line, 0, "%d votes cast are above the ceiling of %d per %s", cast, sim.MaxUnitVotes, b.t.UnitLevel)
	}
	if registered != sim.Unknown {
		if cast > registered {
			return b.fieldProblem(line, b.c.registered, "%d votes cast exceed the %d registered voters", cast, registered)
		}
	} else if b.c.registered >= 0 {
		b.noRegistered++
	}
	// Hierarchy.
	for l, c := range b.c.levels {
		if rec[c] == b.prevRaw[l] && b.prevRaw[l] != "" {
			// Same code as the row before: same key, no reshaping.
			b.levelKeys[l] = b.prevKey[l]
			continue
		}
		spec := &b.m.Levels[l]
		key, ok := b.shape(rec[c], spec.Slice, spec.Pad)
		if !ok {
			return b.fieldProblem(line, c, "%q is too short to take characters %d to %d", rec[c], spec.Slice[0]+1, spec.Slice[1])
		}
		if key == "" {
			return b.fieldProblem(line, c, "the %s code is empty", b.t.Levels[l])
		}
		b.levelKeys[l] = key
	}
	region := -1
	parentNew := false
	for l, key := range b.levelKeys {
		samePar := b.prevRegion[l] != -2 && (l == 0 || region == b.t.Regions[b.prevRegion[l]].Parent)
		if samePar && key == b.prevKey[l] {
			region = b.prevRegion[l]
			parentNew = false
			continue
		}
		r, ok := -1, false
		if b.sorted && !(parentNew || b.prevRegion[l] == -2 || (samePar && keyAfter(key, b.prevKey[l]))) {
			// A region may be coming back: from now on look regions up.
			b.buildMaps()
		}
		if !b.sorted {
			// Most keys are unique within their level: look them up by the
			// key alone, and fall back to (parent, key) when a key repeats
			// under another parent (municipality 1 of every state).
			r, ok = b.levelIdx[l][key]
			if ok && b.t.Regions[r].Parent != region {
				r, ok = b.regionIdx[regionKey{parent: region, key: key}]
			}
		}
		if !ok {
			r = len(b.t.Regions)
			name := key
			if n := b.c.levelNames[l]; n >= 0 {
				if s := strings.TrimSpace(rec[n]); s != "" {
					name = b.keep(s)
				}
			}
			b.t.Regions = append(b.t.Regions, sim.Region{Level: l, Key: key, Name: name, Parent: region})
			if !b.sorted {
				b.index(r)
			}
		}
		parentNew = !ok
		b.prevKey[l] = key
		b.prevRaw[l] = rec[b.c.levels[l]]
		b.prevRegion[l] = r
		region = r
	}
	// Unit.
	var id string
	if b.c.unit >= 0 && b.m.UnitQualified && region >= 0 && len(b.m.UnitSlice) == 0 {
		// The common case of a padded unit number inside its region
		// ("010101001" "." "0" "1"), joined once.
		v := strings.TrimSpace(rec[b.c.unit])
		if v == "" {
			return b.fieldProblem(line, b.c.unit, "the unit id is empty")
		}
		id = b.join(b.t.Regions[region].Key, ".", padding(v, b.m.UnitPad), b.keep(v))
	} else if b.c.unit >= 0 {
		var ok bool
		id, ok = b.shape(rec[b.c.unit], b.m.UnitSlice, b.m.UnitPad)
		if !ok {
			return b.fieldProblem(line, b.c.unit, "%q is too short to take characters %d to %d", rec[b.c.unit], b.m.UnitSlice[0]+1, b.m.UnitSlice[1])
		}
		if id == "" {
			return b.fieldProblem(line, b.c.unit, "the unit id is empty")
		}
	} else {
		id = strconv.Itoa(line)
	}
	if b.m.UnitQualified && region >= 0 && (b.c.unit < 0 || len(b.m.UnitSlice) > 0) {
		id = b.join(b.t.Regions[region].Key, ".", id)
	}
	if prev := b.dups.check(region, id, b.t.Units, b.lines); prev >= 0 {
		where := ""
		if region >= 0 {
			where = " in " + b.t.Levels[len(b.t.Levels)-1] + " " + b.t.Regions[region].Key
		}
		if b.c.unit >= 0 {
			return b.fieldProblem(line, b.c.unit, "duplicate unit %q%s: it already appears on line %d", id, where, b.lines[prev])
		}
		return b.problem(line, 0, "duplicate unit %q%s: it already appears on line %d", id, where, b.lines[prev])
	}
	// Every row is under the per-unit ceiling, so these sums cannot
	// overflow before they cross the regional one.
	b.sumCast += cast
	b.sumRegistered += max(registered, 0)
	if b.sumCast > sim.MaxRegionVotes || b.sumRegistered > sim.MaxRegionVotes {
		b.fatal = true
		what, sum := "votes cast", b.sumCast
		if sum <= sim.MaxRegionVotes {
			what, sum = "registered voters", b.sumRegistered
		}
		return b.problem(line, 0, "this row takes the file's %s to %d, above the ceiling of %d for any region", what, sum, sim.MaxRegionVotes)
	}
	nc := len(b.rowVotes)
	off := len(b.votes)
	b.votes = append(b.votes, b.rowVotes...)
	u := sim.Unit{ID: id, Region: region, Registered: registered, Null: null, Blank: blank, Votes: b.votes[off : off+nc : off+nc]}
	if b.c.name >= 0 {
		u.Name = b.keep(strings.TrimSpace(rec[b.c.name]))
	}
	if b.c.source >= 0 {
		u.Source = b.keep(strings.TrimSpace(rec[b.c.source]))
	}
	b.t.Units = append(b.t.Units, u)
	b.lines = append(b.lines, int32(line))
	b.repeats.add(region, h)
	return nil
}

// keyAfter reports whether key sorts after prev: numerically for codes of
// digits (without parsing when they have the same length), otherwise as
// strings.
func keyAfter(key, prev string) bool {
	if len(key) == len(prev) && allDigits(key) && allDigits(prev) {
		return key > prev
	}
	return sim.CompareKeys(key, prev) > 0
}

// buildMaps indexes every region so far and leaves sorted mode.
func (b *builder) buildMaps() {
	b.sorted = false
	n := len(b.t.Regions)
	b.regionIdx = make(map[regionKey]int)
	b.levelIdx = make([]map[string]int, len(b.t.Levels))
	for l := range b.levelIdx {
		b.levelIdx[l] = make(map[string]int, n/max(1, len(b.t.Levels)))
	}
	for i := range b.t.Regions {
		b.index(i)
	}
}

func (b *builder) index(r int) {
	reg := &b.t.Regions[r]
	if _, taken := b.levelIdx[reg.Level][reg.Key]; taken {
		b.regionIdx[regionKey{parent: reg.Parent, key: reg.Key}] = r
	} else {
		b.levelIdx[reg.Level][reg.Key] = r
	}
}

// plainCount parses a count written as plain digits, the common case; it
// is small enough to be inlined into the row loop.
func plainCount(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + int64(d)
	}
	return v, true
}

// count parses a vote count. Empty optional counts are Unknown.
func (b *builder) count(rec []string, quoted []bool, c int, line int, optional bool) (int64, *Problem) {
	s := rec[c]
	v, ok := plainCount(s)
	msg := ""
	if !ok {
		v, msg = b.parseCount(s, c < len(quoted) && quoted[c], c, line)
	}
	if msg == "" {
		if v > sim.MaxUnitVotes {
			return 0, b.ceilingProblem(line, c, v)
		}
		return v, nil
	}
	if msg == "empty" {
		if optional {
			return sim.Unknown, nil
		}
		return 0, b.fieldProblem(line, c, "the count is empty")
	}
	return 0, b.fieldProblem(line, c, "%s", msg)
}

// ceilingProblem reports a count above sim.MaxUnitVotes in field c.
func (b *builder) ceilingProblem(line, c int, v int64) *Problem {
	return b.fieldProblem(line, c, "%d is above the ceiling of %d votes per %s", v, sim.MaxUnitVotes, b.t.UnitLevel)
}

// parseCount parses a count that is not plain digits, in field c.
func (b *builder) parseCount(s string, quoted bool, c, line int) (int64, string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, "empty"
	}
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg = t[0] == '-'
		t = t[1:]
	}
	th := b.nf.thousands
	dec := b.nf.decimal
	declared := th != 0 || dec != 0
	if dec == 0 {
		dec = '.'
		if th == '.' {
			dec = ','
		}
	}
	// Whole part and fraction.
	whole, frac := t, ""
	if i := strings.LastIndexByte(t, dec); i >= 0 {
		whole, frac = t[:i], t[i+1:]
		if !declared {
			b.noteDot(whole, frac, s, c, line)
		}
	}
	if th == 0 && strings.IndexByte(whole, ',') >= 0 && dec != ',' && (quoted || b.nf.delim != ',') && groupedDigits(whole, ',') {
		th = ','
		if !b.sawThousands {
			b.sawThousands = true
			b.rep.guess("thousands separator: ',' (first seen as %q on line %d)", s, line)
		}
	}
	if th != 0 {
		if strings.IndexByte(whole, th) >= 0 {
			if !groupedDigits(whole, th) {
				return 0, fmt.Sprintf("%q is not a count: its thousands separators are misplaced", s)
			}
			whole = strings.ReplaceAll(whole, string(th), "")
		}
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] != '0' {
			if dec == '.' && len(frac) == 3 && th == 0 && allDigits(frac) {
				return 0, fmt.Sprintf("%q is not a whole number (if '.' separates thousands here, set \"thousands\": \".\" in the mapping)", s)
			}
			return 0, fmt.Sprintf("%q is not a whole number of votes", s)
		}
	}
	if whole == "" || !allDigits(whole) {
		return 0, fmt.Sprintf("%q is not a number", s)
	}
	v, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Sprintf("%q is too large", s)
	}
	if neg {
		if v == 0 {
			return 0, ""
		}
		return 0, fmt.Sprintf("%q is negative; vote counts cannot be", s)
	}
	return v, ""
}

// noteDot records what a value with a '.' (read as a decimal point, since
// the mapping declares no separator) says about its column: "13045.0",
// "1234.000" and "1,234.000" show a decimal point; "2.000" reads either
// way, as 2 or as 2000. finish refuses a column with values that read
// either way and none that settles it.
func (b *builder) noteDot(whole, frac, s string, c, line int) {
	if b.seps == nil {
		b.seps = make([]colSeps, len(b.hdr))
	}
	cs := &b.seps[c]
	switch {
	case len(frac) != 3 || len(whole) > 3 || !allDigits(whole):
		cs.decimal = true
	case frac == "000" && strings.Trim(whole, "0") != "":
		if cs.ambiguous == nil {
			cs.ambiguous = b.fieldProblem(line, c, "%q", s)
			cs.whole = whole
		}
		if len(cs.lines) < 5 {
			cs.lines = append(cs.lines, line)
		}
		cs.n++
	}
}

// ambiguity returns the problem of the first column whose values read
// either way and none settles which, or nil.
func (b *builder) ambiguity() *Problem {
	for c := range b.seps {
		cs := &b.seps[c]
		if cs.ambiguous == nil || cs.decimal {
			continue
		}
		p := *cs.ambiguous
		whole := cs.whole
		lines := "line " + joinInts(cs.lines)
		if cs.n > 1 {
			lines = "lines " + joinInts(cs.lines)
		}
		if cs.n > len(cs.lines) {
			lines += fmt.Sprintf(" and %d more", cs.n-len(cs.lines))
		}
		p.Msg = fmt.Sprintf(`%s could be %s or %s000: no value in the column shows whether "." separates thousands or decimals (values that read either way on %s); set "thousands": "." in the mapping if it separates thousands, or "decimal": "." if it is a decimal point`,
			p.Msg, whole, whole, lines)
		p.kind = ErrAmbiguous
		return &p
	}
	return nil
}

func joinInts(v []int) string {
	var sb strings.Builder
	for i, n := range v {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strconv.Itoa(n))
	}
	return sb.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// groupedDigits reports whether s is digits grouped by sep in threes
// ("72,580", "1,234,567").
func groupedDigits(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}

func (b *builder) finish() (*sim.Tally, error) {
	t := b.t
	if p := b.ambiguity(); p != nil {
		return nil, p
	}
	if err := b.dropRepeated(); err != nil {
		return nil, err
	}
	b.rep.Loaded = len(t.Units)
	b.rep.lines = b.lines
	if b.noRegistered > 0 {
		b.rep.guess("registered voters: missing in %d rows (treated as unknown)", b.noRegistered)
	}
	return t, nil
}

// dupChecker finds duplicate unit keys. Files usually list a region's
// units together, so it compares within the current run of one region and
// switches to a map only when a region comes back after another one or a
// run grows long.
type dupChecker struct {
	runRegion int
	runStart  int
	closed    []bool // by region + 1
	full      map[regionKey]int
}

func (d *dupChecker) check(region int, id string, units []sim.Unit, lines []int32) int {
	if d.full != nil {
		k := regionKey{region, id}
		if prev, ok := d.full[k]; ok {
			return prev
		}
		d.full[k] = len(units)
		return -1
	}
	if region != d.runRegion {
		if d.runRegion >= -1 {
			for len(d.closed) <= d.runRegion+1 {
				d.closed = append(d.closed, false)
			}
			d.closed[d.runRegion+1] = true
		}
		if region+1 < len(d.closed) && d.closed[region+1] {
			d.switchToMap(units)
			return d.check(region, id, units, lines)
		}
		d.runRegion = region
		d.runStart = len(units)
	}
	if len(units)-d.runStart > 64 {
		d.switchToMap(units)
		return d.check(region, id, units, lines)
	}
	for i := d.runStart; i < len(units); i++ {
		if units[i].ID == id {
			return i
		}
	}
	return -1
}

func (d *dupChecker) switchToMap(units []sim.Unit) {
	d.full = make(map[regionKey]int, 2*len(units)+16)
	for i := range units {
		d.full[regionKey{units[i].Region, units[i].ID}] = i
	}
}
