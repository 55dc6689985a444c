package tallybin

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// Errors returned by Decode, wrapped with what was wrong and where.
var (
	// ErrFormat means the bytes do not start as this form does.
	ErrFormat = errors.New("tallybin: not a binary tally")
	// ErrCorrupt means the bytes start as this form does but are
	// truncated, damaged or inconsistent.
	ErrCorrupt = errors.New("tallybin: corrupt binary tally")
)

// magic starts every file: four letters and the version.
const magic = "TLYB\x01"

// header holds the fields written as JSON: few, small and varied.
type header struct {
	Title      string            `json:"title,omitempty"`
	Source     string            `json:"source,omitempty"`
	Levels     []string          `json:"levels"`
	UnitLevel  string            `json:"unit_level"`
	Candidates []sim.Candidate   `json:"candidates"`
	Expected   []sim.Expectation `json:"expected,omitempty"`
	Claims     []sim.Claim       `json:"claims,omitempty"`
}

// Is reports whether b starts as a binary tally does (it may still be
// corrupt).
func Is(b []byte) bool {
	return len(b) >= len(magic)-1 && string(b[:len(magic)-1]) == magic[:len(magic)-1]
}

// Encode writes t to w in the binary form. t must pass t.Validate.
func Encode(w io.Writer, t *sim.Tally) error {
	b, err := Marshal(t)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns the binary form of t, which must pass t.Validate.
func Marshal(t *sim.Tally) ([]byte, error) {
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("tallybin: %w", err)
	}
	h, err := json.Marshal(header{
		Title: t.Title, Source: t.Source, Levels: t.Levels, UnitLevel: t.UnitLevel,
		Candidates: t.Candidates, Expected: t.Expected, Claims: t.Claims,
	})
	if err != nil {
		return nil, fmt.Errorf("tallybin: header: %w", err)
	}
	b := []byte(magic)
	b = appendColumn(b, h)
	b = appendColumn(b, binary.AppendUvarint(binary.AppendUvarint(nil, uint64(len(t.Regions))), uint64(len(t.Units))))
	b = appendRegions(b, t.Regions)
	b = appendUnits(b, t)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

func appendRegions(b []byte, rs []sim.Region) []byte {
	level := make([]int64, len(rs))
	parent := make([]int64, len(rs))
	named := make([]int64, len(rs))
	keys := make([]string, len(rs))
	var names []string
	for i, r := range rs {
		level[i] = int64(r.Level)
		if r.Parent >= 0 {
			parent[i] = int64(i - r.Parent)
		}
		keys[i] = r.Key
		if r.Name != r.Key {
			named[i] = 1
			names = append(names, r.Name)
		}
	}
	b = appendColumn(b, ints(level, nil))
	b = appendColumn(b, ints(parent, nil))
	b = appendColumn(b, ints(named, nil))
	b = appendStrings(b, keys)
	return appendStrings(b, names)
}

func appendUnits(b []byte, t *sim.Tally) []byte {
	us := t.Units
	col := func(f func(u *sim.Unit) int64) []int64 {
		v := make([]int64, len(us))
		for i := range us {
			v[i] = f(&us[i])
		}
		return v
	}
	strs := func(f func(u *sim.Unit) string) []string {
		v := make([]string, len(us))
		for i := range us {
			v[i] = f(&us[i])
		}
		return v
	}
	b = appendColumn(b, ints(col(func(u *sim.Unit) int64 { return int64(u.Region) }), nil))
	// An id that starts with its region's key ("010101001.01" in centre
	// "010101001") is stored without it.
	rel := col(func(u *sim.Unit) int64 {
		if u.Region >= 0 && strings.HasPrefix(u.ID, t.Regions[u.Region].Key) {
			return 1
		}
		return 0
	})
	b = appendColumn(b, ints(rel, nil))
	b = appendStrings(b, strs(func(u *sim.Unit) string {
		if u.Region >= 0 {
			return strings.TrimPrefix(u.ID, t.Regions[u.Region].Key)
		}
		return u.ID
	}))
	b = appendStrings(b, strs(func(u *sim.Unit) string { return u.Name }))
	for c := range t.Candidates {
		b = appendColumn(b, ints(col(func(u *sim.Unit) int64 { return u.Votes[c] }), nil))
	}
	// Unknown (-1) is stored as 0, so that every count is stored as a
	// non-negative number. Registered voters may be stored as their
	// difference from the votes cast (the voters who did not vote), read
	// back once the votes are.
	b = appendColumn(b, ints(col(func(u *sim.Unit) int64 { return u.Null + 1 }), nil))
	b = appendColumn(b, ints(col(func(u *sim.Unit) int64 { return u.Blank + 1 }), nil))
	b = appendColumn(b, ints(col(func(u *sim.Unit) int64 { return u.Count }), nil))
	b = appendColumn(b, ints(col(func(u *sim.Unit) int64 { return u.Registered + 1 }), col((*sim.Unit).Cast)))
	return appendStrings(b, strs(func(u *sim.Unit) string { return u.Source }))
}
