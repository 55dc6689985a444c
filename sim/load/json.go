package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

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
		return nil, &Problem{File: file, Msg: err.Error(), kind: ErrRow}
	}
	for i := range t.Units {
		u := &t.Units[i]
		if u.Registered != sim.Unknown && u.Cast() > u.Registered {
			return nil, &Problem{File: file, Msg: fmt.Sprintf("unit %d (%s): %d votes cast exceed the %d registered voters", i, u.ID, u.Cast(), u.Registered), kind: ErrRow}
		}
	}
	rep.Format = "Tallyscope JSON (" + FormatJSON + ")"
	rep.Rows = len(t.Units)
	rep.Loaded = len(t.Units)
	return t, nil
}
