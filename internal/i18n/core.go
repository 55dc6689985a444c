package i18n

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// The core (sim, sim/scenario, sim/forensics) returns its notes, flags
// and errors as codes with arguments (sim.Note, sim.Error); package i18n
// words them. A code's key is "core." followed by the code, and its
// strings name the tally's units with {u} and {u1} (see Units).

// codeKey is the catalogue key of a core code.
func codeKey(code string) Key { return Key("core." + code) }

// Note words a note of the core in language l.
func (l Lang) Note(n sim.Note) string {
	k := codeKey(n.Code)
	if !Has(k) {
		return n.String()
	}
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		args[i] = l.arg(a, n.Units)
	}
	return fmt.Sprintf(l.TU(k, UnitsFor(n.Units)), args...)
}

// Notes words each of notes in language l.
func (l Lang) Notes(notes []sim.Note) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = l.Note(n)
	}
	return out
}

// Error words an error in language l: the first *sim.Error in its chain
// by its code, any other error as it is (the loaders' problems, with
// their file, line and column, are English for now).
func (l Lang) Error(err error) string {
	var e *sim.Error
	if errors.As(err, &e) && Has(codeKey(e.Code)) {
		return l.Note(e.Note)
	}
	return err.Error()
}

// Check names a check of package forensics (its Check… names) in
// language l, for subject (a candidate or a claim; "" for all).
func (l Lang) Check(check, subject string) string {
	if subject == "" {
		return l.Note(sim.Note{Code: "check." + check})
	}
	return l.Note(sim.NewNote("check."+check+".of", "", sim.Label(subject)))
}

// Remaining describes an estimate of the remaining votes by its method,
// as scenario.Remaining names it ("official", "turnout", "full", "units",
// or "" for the automatic choice).
func (l Lang) Remaining(method string) string {
	if method == "" {
		method = "auto"
	}
	return l.Note(sim.Note{Code: "remaining." + method})
}

// arg formats one argument of a note in language l.
func (l Lang) arg(a any, units string) any {
	switch v := a.(type) {
	case sim.Votes:
		return l.Int(int64(v))
	case int:
		return l.Int(int64(v))
	case int64:
		return l.Int(v)
	case sim.UnitCount:
		return l.Count(int64(v), UnitsFor(units))
	case sim.Share:
		return l.Percent(float64(v), 2)
	case sim.Points:
		return decimal{float64(v), l}
	case float64:
		return decimal{v, l}
	case sim.Level:
		return LevelFor(string(v)).One(l)
	case sim.Levels:
		return LevelFor(string(v)).Many(l)
	case sim.Place:
		if v == "" {
			return l.T(CoreNation)
		}
		return string(v)
	case sim.Label:
		return l.ClaimLabel(string(v))
	case sim.Odds:
		return l.odds(float64(v))
	}
	return a
}

// odds writes a large number for a sentence: "101.2 million", "101,2
// millones" (Spanish counts a billón as a million millions).
func (l Lang) odds(x float64) string {
	var s string
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x):
		return fmt.Sprint(x)
	case x >= 1e12:
		s = l.Tf(CoreTrillion, fmt.Sprintf("%.1f", x/1e12))
	case x >= 1e9:
		s = l.Tf(CoreBillion, fmt.Sprintf("%.1f", x/1e9))
	case x >= 1e6:
		s = l.Tf(CoreMillion, fmt.Sprintf("%.1f", x/1e6))
	case x >= 1e4:
		return fmt.Sprintf("%.0f", x)
	default:
		s = fmt.Sprintf("%.3g", x)
	}
	if l == ES {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Words for large numbers in a note.
const (
	CoreTrillion Key = "core.trillion"
	CoreBillion  Key = "core.billion"
	CoreMillion  Key = "core.million"
)

// decimal is a number that a note's string formats with a verb such as
// %.2f or %+.2f, with the language's decimal separator.
type decimal struct {
	x float64
	l Lang
}

// Format formats d as fmt would format the float, then swaps the decimal
// point for the language's separator.
func (d decimal) Format(f fmt.State, verb rune) {
	spec := "%"
	for _, c := range "+-# 0" {
		if f.Flag(int(c)) {
			spec += string(c)
		}
	}
	if w, ok := f.Width(); ok {
		spec += strconv.Itoa(w)
	}
	if p, ok := f.Precision(); ok {
		spec += "." + strconv.Itoa(p)
	}
	s := fmt.Sprintf(spec+string(verb), d.x)
	if d.l == ES {
		s = strings.Replace(s, ".", ",", 1)
	}
	fmt.Fprint(f, s)
}

// CoreNation names the whole tally in a note.
const CoreNation Key = "core.nation"
