package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// Mapping tells the generic CSV loader which columns hold what. It is
// usually read from a JSON file with ReadMapping. Only Candidates is
// required; everything else is optional.
//
//	{
//	  "levels": ["region", {"column": "district_code", "name": "district", "label": "district"}],
//	  "unit": "polling_station",
//	  "registered": "electors",
//	  "valid": "valid_votes",
//	  "null": "invalid_votes",
//	  "candidates": ["party_a", {"column": "party_b", "name": "Party B"}]
//	}
type Mapping struct {
	// Signature lists header columns that, all present, recognise the
	// layout. The built-in mappings (see Builtins) have one; Read tries
	// them on a file given without a mapping. A user's mapping needs none.
	Signature []string `json:"signature,omitempty"`
	// Description names the layout in the load report ("US presidential
	// results by county").
	Description string `json:"description,omitempty"`
	// Title describes the election.
	Title string `json:"title,omitempty"`
	// Provenance says where the data comes from (sim.Tally.Source).
	Provenance string `json:"provenance,omitempty"`
	// Levels names the hierarchy's columns, outermost first.
	Levels []LevelSpec `json:"levels,omitempty"`
	// UnitLevel names what a unit is ("table", "precinct"); default "unit".
	UnitLevel string `json:"unit_level,omitempty"`
	// Unit is the column identifying a unit within its innermost region.
	// Without it, units are numbered by their line in the file.
	Unit string `json:"unit,omitempty"`
	// UnitPad, UnitSlice and UnitQualified shape the unit id: zero-padding
	// to a width, then a byte range of the value, then a prefix of the
	// innermost region's key ("010101001" + "." + "01").
	UnitSlice     []int `json:"unit_slice,omitempty"`
	UnitPad       int   `json:"unit_pad,omitempty"`
	UnitQualified bool  `json:"unit_qualified,omitempty"`
	// Name is an optional display-name column for units.
	Name string `json:"name,omitempty"`
	// Registered, Valid, Null and Blank are optional count columns. Valid
	// is checked against the sum of the candidate columns.
	Registered string `json:"registered,omitempty"`
	Valid      string `json:"valid,omitempty"`
	Null       string `json:"null,omitempty"`
	Blank      string `json:"blank,omitempty"`
	// Total is an optional column of all votes for all candidates. When
	// given, the votes of candidates without a column (total minus the
	// candidate columns) become one more candidate, named by Others.
	Total string `json:"total,omitempty"`
	// Others describes the candidates that have no column of their own,
	// lumped together: with Total, it names the remainder; without it,
	// Others.Column is the file's column that already adds them up ("All
	// other candidates"). In JSON a plain string names that column. It is
	// an aggregate (see CandidateSpec.Aggregate) unless it says
	// "aggregate": false.
	Others *CandidateSpec `json:"others,omitempty"`
	// Candidates lists the columns that hold votes, in display order.
	Candidates []CandidateSpec `json:"candidates"`
	// Source is an optional column with a link to the scanned tally sheet.
	Source string `json:"source,omitempty"`
	// Delimiter, Encoding, Thousands and Decimal describe the file's
	// format; empty means detect.
	Delimiter string `json:"delimiter,omitempty"`
	Encoding  string `json:"encoding,omitempty"`
	Thousands string `json:"thousands,omitempty"`
	Decimal   string `json:"decimal,omitempty"`
	// Expected gives what is known about the whole election, including
	// units not in the file.
	Expected *ExpectedSpec `json:"expected,omitempty"`
	// Claims are announced totals to compare with the data (a council's
	// bulletins), in the form of Tallyscope JSON: a field that was not
	// announced is -1 (sim.Unknown).
	Claims []sim.Claim `json:"claims,omitempty"`
	// Geometry names the boundaries a map of the data draws, and how
	// they join the data (see GeometrySpec); loading the data does not
	// read them.
	Geometry *GeometrySpec `json:"geometry,omitempty"`
}

// GeometrySpec names a boundaries file (GeoJSON or TopoJSON, read with
// package sim/geo) for the data's map, and the join between its features
// and the data's areas. Empty fields are found from the file: the only
// object, the key "shapeISO" when present else "id", the level whose
// areas match the most features.
type GeometrySpec struct {
	// File is the boundaries file, relative to the mapping file.
	File string `json:"file"`
	// Object is the TopoJSON object to draw ("counties").
	Object string `json:"object,omitempty"`
	// Key is the features' side of the join: "id" or a property.
	Key string `json:"key,omitempty"`
	// Join says what of the area meets Key: "key" (its code, the
	// default), "name" (its display name) or "venezuela" (the acta state
	// codes through geo.VenezuelaISO).
	Join string `json:"join,omitempty"`
	// Level is the level the features are ("state", or the unit level
	// "county").
	Level string `json:"level,omitempty"`
	// Attribution is the credit the boundaries' licence asks for.
	Attribution string `json:"attribution,omitempty"`
}

// LevelSpec is one level of the hierarchy. In JSON it is either a column
// name or an object.
type LevelSpec struct {
	// Column holds the region's code (or name, when there is no code).
	Column string `json:"column"`
	// Name is an optional column with the region's display name.
	Name string `json:"name,omitempty"`
	// Label names the level ("state"); default: the column in lower case.
	Label string `json:"label,omitempty"`
	// Pad zero-pads codes to this width ("10101001" → "010101001").
	Pad int `json:"pad,omitempty"`
	// Slice then takes a byte range [start, end) of the code, for codes
	// that pack several levels ("010101001" → state "01").
	Slice []int `json:"slice,omitempty"`
	// Names gives display names by code, the region's key after Pad and
	// Slice ("15": "Nueva Esparta"). A name found here is used instead of
	// the Name column's.
	Names map[string]string `json:"names,omitempty"`
}

// UnmarshalJSON accepts a plain column name or an object.
func (l *LevelSpec) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = LevelSpec{Column: s}
		return nil
	}
	type plain LevelSpec
	return json.Unmarshal(b, (*plain)(l))
}

// CandidateSpec is one candidate column. In JSON it is either a column name
// or an object.
type CandidateSpec struct {
	Column string `json:"column"`
	// ID defaults to the column name, Name to the ID.
	ID    string `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	Party string `json:"party,omitempty"`
	// Color is the candidate's colour, "#rrggbb" (sim.Candidate.Color).
	Color string `json:"color,omitempty"`
	// Aggregate says the column adds up several candidates ("Others"):
	// it is then a remainder, never a contestant (sim.Candidate.Aggregate).
	// When absent, a column whose name reads like "Others", "All other
	// candidates" or "Otros" is taken as one, and the load report says so.
	Aggregate *bool `json:"aggregate,omitempty"`
}

// lumpedNames are the normalised names (lower case, letters only) that
// mark a column as lumping several candidates when the mapping does not
// say.
var lumpedNames = map[string]bool{
	"other": true, "others": true, "othercandidates": true, "otherparties": true,
	"allother": true, "allothers": true, "allothercandidates": true, "allotherparties": true,
	"othersallcandidates": true, "minorcandidates": true, "minorparties": true,
	"otro": true, "otros": true, "otroscandidatos": true, "otrospartidos": true,
	"demascandidatos": true, "restodecandidatos": true,
}

// looksLumped reports whether a column or candidate name reads like a
// lump of several candidates.
func looksLumped(name string) bool {
	letters := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r
		case r == 'á':
			return 'a'
		case r == 'é':
			return 'e'
		}
		return -1
	}, strings.ToLower(name))
	return lumpedNames[letters]
}

// aggregate resolves whether c is an aggregate: what the mapping says, or
// else whether its column or name reads like one (guessed).
func (c CandidateSpec) aggregate() (agg, guessed bool) {
	if c.Aggregate != nil {
		return *c.Aggregate, false
	}
	if looksLumped(c.Column) || looksLumped(c.ID) || looksLumped(c.Name) {
		return true, true
	}
	return false, false
}

// candidateSpecs returns the columns that hold votes, in order: the
// candidates, then the Others column when the file has one. An Others
// column is an aggregate unless the mapping says otherwise.
func (m *Mapping) candidateSpecs() []CandidateSpec {
	if m.Others == nil || m.Others.Column == "" {
		return m.Candidates
	}
	o := *m.Others
	if o.Aggregate == nil {
		t := true
		o.Aggregate = &t
	}
	return append(m.Candidates[:len(m.Candidates):len(m.Candidates)], o)
}

// UnmarshalJSON accepts a plain column name or an object.
func (c *CandidateSpec) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*c = CandidateSpec{Column: s}
		return nil
	}
	type plain CandidateSpec
	return json.Unmarshal(b, (*plain)(c))
}

// ExpectedSpec is what is known about the whole election.
type ExpectedSpec struct {
	Units      int64  `json:"units,omitempty"`
	Registered int64  `json:"registered,omitempty"`
	Votes      int64  `json:"votes,omitempty"`
	Source     string `json:"source,omitempty"`
}

// maxMappingBytes bounds a mapping file (1 MiB; real ones are a few
// hundred bytes).
const maxMappingBytes = 1 << 20

// ReadMapping reads a mapping from JSON, rejecting unknown keys so that a
// typo does not pass silently. name is used in error messages.
func ReadMapping(r io.Reader, name string) (*Mapping, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxMappingBytes+1))
	if err != nil {
		return nil, fmt.Errorf("load: reading mapping %s: %w", name, err)
	}
	if len(b) > maxMappingBytes {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes, the most a mapping may be", ErrMapping, name, maxMappingBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Mapping
	if err := dec.Decode(&m); err != nil {
		return nil, jsonProblem(b, name, err, ErrMapping)
	}
	if err := m.check(); err != nil {
		return nil, &Problem{File: name, Msg: err.Error(), kind: ErrMapping}
	}
	return &m, nil
}

// MaxCodeWidth bounds a mapping's pad and slice widths: codes are short
// (the CNE's centre codes have 9 digits), and a width of billions would
// only allocate.
const MaxCodeWidth = 64

func (m *Mapping) check() error {
	if len(m.Candidates) == 0 {
		return errors.New(`the mapping lists no "candidates" columns`)
	}
	seen := map[string]bool{}
	// counted maps each column that holds votes to what it counts, so
	// that no column is counted twice.
	counted := map[string]string{}
	for _, r := range []struct{ col, role string }{
		{m.Valid, "valid votes"}, {m.Null, "null votes"}, {m.Blank, "blank votes"}, {m.Total, "total votes"},
	} {
		if r.col != "" {
			// Valid and total may share a column: both are all the
			// votes, and neither is added to the other.
			if prev, dup := counted[r.col]; dup && !(prev == "valid votes" && r.role == "total votes") {
				return fmt.Errorf("column %q is mapped to both %s and %s; each column counts once", r.col, prev, r.role)
			}
			counted[r.col] = r.role
		}
	}
	if o := m.Others; o != nil {
		switch {
		case o.Column == "" && m.Total == "":
			return errors.New(`"others" names no column, and there is no "total" column to take them from: give the column that adds up the other candidates ("others": "All other candidates"), or a "total" column`)
		case o.Column != "" && m.Total != "":
			return fmt.Errorf(`"others" names the column %q and "total" is given too, so the other candidates would be counted twice; map the total as "valid" to check the sum instead`, o.Column)
		}
	}
	for _, c := range m.candidateSpecs() {
		if c.Column == "" {
			return errors.New("a candidate has no column")
		}
		id := c.ID
		if id == "" {
			id = c.Column
		}
		if seen[id] {
			return fmt.Errorf("candidate %q is listed twice", id)
		}
		seen[id] = true
		role := fmt.Sprintf("candidate %q", id)
		if prev, dup := counted[c.Column]; dup {
			return fmt.Errorf("column %q is mapped to both %s and %s, so its votes would count twice; each column counts once", c.Column, prev, role)
		}
		counted[c.Column] = role
	}
	for _, l := range m.Levels {
		if l.Column == "" {
			return errors.New("a level has no column")
		}
		if len(l.Slice) != 0 && (len(l.Slice) != 2 || l.Slice[0] < 0 || l.Slice[1] <= l.Slice[0] || l.Slice[1] > MaxCodeWidth) {
			return fmt.Errorf("level %s: slice must be [start, end) with 0 ≤ start < end ≤ %d", l.Column, MaxCodeWidth)
		}
		if l.Pad < 0 || l.Pad > MaxCodeWidth {
			return fmt.Errorf("level %s: pad %d is outside 0 to %d", l.Column, l.Pad, MaxCodeWidth)
		}
	}
	if len(m.UnitSlice) != 0 && (len(m.UnitSlice) != 2 || m.UnitSlice[0] < 0 || m.UnitSlice[1] <= m.UnitSlice[0] || m.UnitSlice[1] > MaxCodeWidth) {
		return fmt.Errorf("unit_slice must be [start, end) with 0 ≤ start < end ≤ %d", MaxCodeWidth)
	}
	if m.UnitPad < 0 || m.UnitPad > MaxCodeWidth {
		return fmt.Errorf("unit_pad %d is outside 0 to %d", m.UnitPad, MaxCodeWidth)
	}
	if len(m.Delimiter) > 1 && m.Delimiter != `\t` {
		return fmt.Errorf("delimiter %q must be one character", m.Delimiter)
	}
	if len(m.Thousands) > 1 || len(m.Decimal) > 1 {
		return errors.New("thousands and decimal separators must be one character")
	}
	if m.Thousands != "" && m.Thousands == m.Decimal {
		return errors.New("thousands and decimal separators must differ")
	}
	return m.checkClaims(seen)
}

// checkClaims checks that every claimed vote names one of the mapping's
// candidate ids (ids), or "other" when a total column makes the others
// a candidate.
func (m *Mapping) checkClaims(ids map[string]bool) error {
	for i, c := range m.Claims {
		if c.Label == "" {
			return fmt.Errorf("claim %d has no label", i+1)
		}
		for _, v := range c.Votes {
			if !ids[v.Candidate] && !(m.Total != "" && v.Candidate == m.othersID()) {
				return fmt.Errorf("claim %q names candidate %q, which the mapping does not list", c.Label, v.Candidate)
			}
		}
	}
	return nil
}

// othersID is the id of the candidate made of the votes that the
// candidate columns leave out of the total.
func (m *Mapping) othersID() string {
	if m.Others != nil && m.Others.ID != "" {
		return m.Others.ID
	}
	return "other"
}

// jsonProblem turns a JSON decoding error into a Problem with a line and
// column.
func jsonProblem(b []byte, name string, err error, kind error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		off = se.Offset
		msg = "invalid JSON: " + se.Error()
	case errors.As(err, &te):
		off = te.Offset
		msg = fmt.Sprintf("%s should be %s, not a JSON %s", te.Field, te.Type, te.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		msg = "the JSON ends too early"
		off = int64(len(b))
	case strings.HasPrefix(msg, "json: unknown field "):
		field := strings.TrimPrefix(msg, "json: unknown field ")
		msg = "unknown key " + field
		if kind == ErrMapping {
			msg += " (the keys are: signature, description, title, provenance, levels, unit_level, unit, unit_slice, unit_pad, unit_qualified, name, registered, valid, null, blank, total, others, candidates, source, delimiter, encoding, thousands, decimal, expected, claims)"
		}
		if i := bytes.Index(b, []byte(field)); i >= 0 {
			off = int64(i)
		}
	default:
		msg = strings.TrimPrefix(msg, "json: ")
	}
	p := &Problem{File: name, Msg: msg, kind: kind}
	if off >= 0 {
		if off > int64(len(b)) {
			off = int64(len(b))
		}
		p.Line, p.Column = position(b, int(off))
	}
	return p
}
