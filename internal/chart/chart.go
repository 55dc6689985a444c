package chart

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
)

// Kind names a chart.
type Kind string

// The chart kinds.
const (
	KindShares      Kind = "shares"
	KindRegions     Kind = "regions"
	KindBreakEven   Kind = "breakeven"
	KindMonteCarlo  Kind = "montecarlo"
	KindFingerprint Kind = "fingerprint"
	KindDigits      Kind = "digits"
	KindSwing       Kind = "swing"
)

// Kinds lists the chart kinds drawn from a tally alone, in the order the
// CLI shows them ("all" draws them); MapKinds need boundaries too.
var Kinds = []Kind{KindShares, KindRegions, KindBreakEven, KindMonteCarlo, KindFingerprint, KindDigits, KindSwing}

// ParseKind returns the kind named by s.
func ParseKind(s string) (Kind, error) {
	n := Kind(strings.ToLower(strings.TrimSpace(s)))
	all := append(slices.Clone(Kinds), MapKinds...)
	for _, k := range all {
		if n == k {
			return k, nil
		}
	}
	names := make([]string, len(all))
	for i, k := range all {
		names[i] = string(k)
	}
	return "", fmt.Errorf("%w: %q (kinds: %s)", ErrKind, s, strings.Join(names, ", "))
}

// Options are the choices common to every chart. The zero value draws in
// English and compares the counted leader with the runner-up.
type Options struct {
	// Lang is the language of titles, labels and number formats.
	Lang i18n.Lang
	// A and B name the two candidates a margin compares (an id or an
	// unambiguous part of a name); empty means the counted leader and
	// the runner-up.
	A, B string
	// Level names the level of the regions chart ("state"); empty means
	// the outermost level.
	Level string
	// Digit chooses the digit test of the digits chart: DigitLast (the
	// zero value) or DigitSecond.
	Digit string
	// Map is the joined boundaries a map or cartogram draws; MapMode
	// what colours them (choropleth.Leader when empty); Sized sizes a
	// cartogram's tiles by valid votes.
	Map     *choropleth.Geometry
	MapMode choropleth.Mode
	Sized   bool
	// MaxRegions caps the bars of the regions chart; 0 means 30. When a
	// level has more regions, the largest by valid votes are shown and
	// the subtitle says so.
	MaxRegions int
}

// pair resolves the two candidates a margin compares.
func (o Options) pair(t *sim.Tally, nation *sim.Totals) (a, b int, err error) {
	lead, run, _ := nation.Leader()
	a, b = lead, run
	if o.A != "" {
		if a, err = t.Candidate(o.A); err != nil {
			return 0, 0, fmt.Errorf("chart: %w", err)
		}
	}
	if o.B != "" {
		if b, err = t.Candidate(o.B); err != nil {
			return 0, 0, fmt.Errorf("chart: %w", err)
		}
	} else if o.A != "" && a == lead {
		b = run
	} else if o.A != "" {
		b = lead
	}
	if a < 0 || b < 0 || a == b {
		return 0, 0, fmt.Errorf("%w: a margin needs two different candidates", ErrNoData)
	}
	return a, b, nil
}

// shortName returns the display name of candidate c, shortened to its
// first and last words when it is long ("Edmundo González Urrutia" stays
// whole; a five-word name keeps two words).
func shortName(t *sim.Tally, c int) string {
	if c < 0 || c >= len(t.Candidates) {
		return "?"
	}
	n := t.Candidates[c].Label()
	if f := strings.Fields(n); len(f) > 3 {
		return f[0] + " " + f[len(f)-2]
	}
	return n
}

// surname returns the word a headline uses for candidate c: the second
// word of a three- or four-word Hispanic name ("González" for "Edmundo
// González Urrutia"), the last word of a two-word name, or the id.
func surname(t *sim.Tally, c int) string {
	if c < 0 || c >= len(t.Candidates) {
		return "?"
	}
	f := strings.Fields(t.Candidates[c].Name)
	switch len(f) {
	case 0:
		return t.Candidates[c].Label()
	case 1:
		return f[0]
	case 2:
		return f[1]
	default:
		return f[1]
	}
}
