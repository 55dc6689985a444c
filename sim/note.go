package sim

import (
	"fmt"
	"strings"
)

// Note is a statement of the core as a code and its arguments, never a
// finished sentence: package internal/i18n words it in each language,
// and a command adds what only it knows (the flag to pass). Code names
// the statement ("scenario.clamped"); Units is the level of the tally's
// units, which the wording names ("3 tables", "3 mesas"); Args are its
// values, typed so that each language formats them its own way: Votes
// and UnitCount counts, Share fractions, Points decimals, Level and
// Levels names of levels, Region and Label names that may be translated,
// and strings for names from the data.
type Note struct {
	Code  string `json:"code"`
	Units string `json:"units,omitempty"`
	Args  []any  `json:"args,omitempty"`
}

// Votes is a count of votes, voters or units in a note's arguments.
type Votes int64

// Share is a fraction in a note's arguments, shown as a percentage.
type Share float64

// Points is a number of percentage points, or another plain decimal, in
// a note's arguments.
type Points float64

// UnitCount is a number of the tally's units, shown with their name:
// "3 tables", "1 mesa".
type UnitCount int64

// Place is a region's name in a note's arguments; "" is the whole
// tally.
type Place string

// Label is the label of a claim in a note's arguments ("CNE 1st
// bulletin"), which may have a translation.
type Label string

// Odds is the N of "1 in N" in a note's arguments, written for a
// sentence: "101.2 million".
type Odds float64

// Level is a level's name in a note's arguments, in the singular.
type Level string

// Levels is a level's name in a note's arguments, in the plural.
type Levels string

// NewNote returns the note with code, the units of level units and args.
func NewNote(code, units string, args ...any) Note {
	return Note{Code: code, Units: units, Args: args}
}

// String gives the note in a neutral form for logs and tests:
// "scenario.clamped(3)". People read it worded by package i18n.
func (n Note) String() string {
	parts := make([]string, len(n.Args))
	for i, a := range n.Args {
		parts[i] = fmt.Sprint(a)
	}
	return n.Code + "(" + strings.Join(parts, ", ") + ")"
}

// Error is an error of the core as a code and arguments, wrapping the
// package's sentinel (errors.Is finds it). Its Error string is the
// sentinel's and the note's neutral form; package internal/i18n words
// it for people, and a command may add the flag that supplies what is
// missing.
type Error struct {
	Kind error
	Note
}

// Errorf returns an *Error of kind with the note's code and args.
func Errorf(kind error, code, units string, args ...any) *Error {
	return &Error{Kind: kind, Note: NewNote(code, units, args...)}
}

func (e *Error) Error() string {
	if e.Kind == nil {
		return e.Note.String()
	}
	return e.Kind.Error() + ": " + e.Note.String()
}

// Unwrap returns the error's kind.
func (e *Error) Unwrap() error { return e.Kind }
