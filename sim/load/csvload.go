package load

import (
	"fmt"
	"slices"
	"strings"

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

func (b *builder) start(rows int) {
	m := b.m
	t := &sim.Tally{Title: m.Title, Source: m.Provenance, UnitLevel: m.UnitLevel}
	if t.UnitLevel == "" {
		t.UnitLevel = "unit"
	}
	for _, l := range m.Levels {
		label := l.Label
		if label == "" {
			label = levelLabel(l)
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
	for _, c := range m.Claims {
		c.Votes = slices.Clone(c.Votes)
		t.Claims = append(t.Claims, c)
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
