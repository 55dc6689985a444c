package load

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// Errors that classify what went wrong. Every error returned by Read wraps
// one of them, and row problems are *Problem values.
var (
	// ErrEmpty means the input holds no data.
	ErrEmpty = errors.New("load: empty file")
	// ErrEncoding means the bytes are not text in the stated encoding.
	ErrEncoding = errors.New("load: wrong encoding")
	// ErrHeader means the header lacks a column, names one twice, or
	// a mapping names a column the header does not have.
	ErrHeader = errors.New("load: bad header")
	// ErrFormat means the input is not a format the loader knows.
	ErrFormat = errors.New("load: unknown format")
	// ErrRow means a row is malformed or its counts are inconsistent.
	ErrRow = errors.New("load: bad row")
	// ErrMapping means a mapping file is malformed.
	ErrMapping = errors.New("load: bad mapping")
	// ErrAmbiguous means a column's numbers read two ways ("2.000": 2 or
	// 2000) and nothing in the file settles which; the mapping must say.
	ErrAmbiguous = errors.New("load: ambiguous number format")
	// ErrRepeated means several units of one region hold identical votes,
	// more than chance explains (a region's totals copied onto each row).
	ErrRepeated = errors.New("load: repeated results")
)

// Problem is one thing wrong with the input, located by line and column
// (both 1-based; Column is 0 when the problem is the whole line).
type Problem struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column,omitempty"`
	// Field is the column's name from the header, when there is one.
	Field string `json:"field,omitempty"`
	Msg   string `json:"message"`
	kind  error
}

// Error formats the problem as file:line:column: message.
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	if p.Field != "" {
		fmt.Fprintf(&b, "column %s: ", p.Field)
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Unwrap returns the sentinel that classifies the problem.
func (p *Problem) Unwrap() error { return p.kind }

// Report says what a load did: the format it recognised, what it guessed,
// how many rows it read and kept, and every row it skipped or warned about.
type Report struct {
	File   string `json:"file"`
	Format string `json:"format"`
	// SHA256 is the sha256 of the bytes read, computed on first use.
	SHA256  *sim.Digest `json:"sha256"`
	Guesses []string    `json:"guesses,omitempty"`
	// Rows counts the data rows read (header excluded); Loaded the units
	// kept.
	Rows   int `json:"rows"`
	Loaded int `json:"loaded"`
	// Skipped lists the rows left out in lenient mode, one problem each.
	Skipped []*Problem `json:"skipped,omitempty"`
	// Warnings lists oddities that did not stop a row from loading.
	Warnings []*Problem `json:"warnings,omitempty"`
	// lines holds the line of each loaded unit, for the CSV loader.
	lines []int32
}

func (r *Report) guess(format string, args ...any) {
	r.Guesses = append(r.Guesses, fmt.Sprintf(format, args...))
}

// OK reports whether no row was skipped.
func (r *Report) OK() bool { return len(r.Skipped) == 0 }
