package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/tallyscope/tallyscope/sim"
)

// FormatJSON names Tallyscope's JSON interchange format and its version.
const FormatJSON = "tallyscope/1"

type jsonTally struct {
	Format string `json:"format"`
	*sim.Tally
}

// WriteJSON writes t in Tallyscope's JSON interchange format.
func WriteJSON(w io.Writer, t *sim.Tally) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(jsonTally{Format: FormatJSON, Tally: t}); err != nil {
		return fmt.Errorf("load: writing JSON: %w", err)
	}
	return nil
}

// readJSON reads Tallyscope's JSON form and validates it as strictly as a
// CSV: the model's own checks, then per-unit counts.
func readJSON(b []byte, file string, rep *Report) (*sim.Tally, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	jt := jsonTally{Tally: &sim.Tally{}}
	if err := dec.Decode(&jt); err != nil {
		return nil, jsonProblem(b, file, err, ErrFormat)
	}
	if jt.Format != FormatJSON {
		return nil, &Problem{File: file, Line: 1, Msg: fmt.Sprintf("format is %q; this version reads %q", jt.Format, FormatJSON), kind: ErrFormat}
	}
	t := jt.Tally
	if err := t.Validate(); err != nil {
		p := &Problem{File: file, Msg: err.Error(), kind: ErrRow}
		var ve *sim.ValidationError
		if errors.As(err, &ve) {
			p.Msg = ve.Msg
			p.Line, p.Column = elementPosition(b, ve.Section, ve.Index)
		}
		return nil, p
	}
	at := func(section string, i int, kind error, format string, args ...any) *Problem {
		line, col := elementPosition(b, section, i)
		return &Problem{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), kind: kind}
	}
	for i := range t.Units {
		u := &t.Units[i]
		if u.Registered != sim.Unknown && u.Cast() > u.Registered {
			return nil, at("units", i, ErrRow, "unit %d (%s): %d votes cast exceed the %d registered voters", i, u.ID, u.Cast(), u.Registered)
		}
	}
	regions := make(map[regionKey]int, len(t.Regions))
	for i, r := range t.Regions {
		k := regionKey{parent: r.Parent, key: strconv.Itoa(r.Level) + "\x00" + r.Key}
		if j, dup := regions[k]; dup {
			return nil, at("regions", i, ErrRow, "duplicate region %q at level %s: region %d has the same key and parent", r.Key, t.Levels[r.Level], j)
		}
		regions[k] = i
	}
	units := make(map[regionKey]int, len(t.Units))
	for i := range t.Units {
		u := &t.Units[i]
		k := regionKey{parent: u.Region, key: u.ID}
		if j, dup := units[k]; dup {
			return nil, at("units", i, ErrRow, "duplicate unit %q: unit %d has the same id in the same region", u.ID, j)
		}
		units[k] = i
	}
	if g := repeatedVotes(t); len(g) > 0 {
		lineOf := func(i int) int { line, _ := elementPosition(b, "units", i); return line }
		return nil, at("units", g[0][0], ErrRepeated, "%s", repeatedMsg(t, g[0], lineOf, -1))
	}
	rep.Format = "Tallyscope JSON (" + FormatJSON + ")"
	rep.Rows = len(t.Units)
	rep.Loaded = len(t.Units)
	return t, nil
}

// elementPosition finds where element index of the top-level array named
// section starts in a JSON document (the array itself when index < 0), as a
// 1-based line and column, or 0, 0.
func elementPosition(b []byte, section string, index int) (line, col int) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return 0, 0
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 0, 0
		}
		if key != section {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return 0, 0
			}
			continue
		}
		off := dec.InputOffset()
		if index < 0 {
			return position(b, skipSpace(b, int(off)))
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			return 0, 0
		}
		for i := 0; dec.More(); i++ {
			off = dec.InputOffset()
			if i == index {
				return position(b, skipSpace(b, int(off)))
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return 0, 0
			}
		}
		return 0, 0
	}
	return 0, 0
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t' || b[i] == ',' || b[i] == ':') {
		i++
	}
	return i
}
