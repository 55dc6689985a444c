package app

import (
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// Outcome is what the current scenario gives, nationally, in the shape the
// views draw.
type Outcome struct {
	// Counted holds the counted votes per candidate after any swing or
	// turnout change; Imputed the votes given to the missing units;
	// Total their sum.
	Counted, Imputed, Total []int64
	// Active is false for the baseline: the counted units as they are
	// (scenario.Scenario.IsBaseline). A swing or a turnout change alone
	// makes it true: the views then show the changed votes beside the
	// counted ones.
	Active bool
	// Remaining is the number of valid votes assumed in the missing units.
	Remaining int64
	// ExpectedUnits and MissingUnits count reporting units.
	ExpectedUnits, MissingUnits int64
	// Leader and Runner rank Total; Tie says they are equal.
	Leader, Runner int
	Tie            bool
	// Margin is Total[Leader] − Total[Runner].
	Margin int64
	// BE is package scenario's break-even for the scenario (nil when it
	// has none: nothing is known about the missing units). BreakEven is
	// its Needed: the share of the remaining votes the runner-up needs to
	// tie, the other candidates keeping their counted share. BreakEvenOK
	// says that the split slider reaches it: the runner-up it names is the
	// counted one, and the share leaves the others theirs.
	BE          *scenario.BreakEven
	BreakEven   float64
	BreakEvenOK bool
	// Impossible lists the candidates to which the scenario gives negative
	// votes in the missing units (a claim below the counted votes).
	Impossible []Shortfall
	// Excess lists the candidates to which the scenario gives more votes
	// than all the remaining votes (Votes is what they would need).
	Excess []Shortfall
	// Below is how far a claimed valid total falls below the counted
	// valid votes, or 0.
	Below int64
	// TurnoutNeeded is the turnout of the missing units' registered
	// voters that the scenario needs; above 1 it is impossible.
	TurnoutNeeded float64
	// Note is another impossibility the engine flagged, or why the
	// engine could not run (NoteErr), for the views to word with
	// i18n.Lang.Note and Error; NoteText words whichever is set.
	Note    *sim.Note
	NoteErr error

	// eo is the engine's outcome, for the per-region figures.
	eo *scenario.Outcome
}

// RegionVotes returns region r's votes under the scenario (counted after
// the changes, plus what the scenario places in the region), written into
// dst, or nil when the outcome has no per-region figures.
func (o *Outcome) RegionVotes(r int, dst []int64) []int64 {
	if o.eo == nil || r < 0 {
		return nil
	}
	return o.eo.RegionTotal(r, dst)
}

// Engine returns the engine's outcome behind o (per-region figures), or
// nil.
func (o *Outcome) Engine() *scenario.Outcome { return o.eo }

// Shortfall is a candidate that would need Votes (negative) in the
// missing units.
type Shortfall struct {
	Cand  int
	Votes int64
}

// Possible reports whether the scenario can happen.
func (o *Outcome) Possible() bool {
	return len(o.Impossible) == 0 && len(o.Excess) == 0 && o.Below == 0 && o.TurnoutNeeded <= 1+1e-12 && o.Note == nil && o.NoteErr == nil
}

// Share returns candidate c's share of the total valid votes.
func (o *Outcome) Share(c int) float64 {
	var s int64
	for _, v := range o.Total {
		s += v
	}
	if s <= 0 {
		return 0
	}
	return float64(o.Total[c]) / float64(s)
}

// rank returns the top two of v among the contestants (lumped columns
// skipped), the leader twice when there is one contestant.
func rank(v []int64, lumped []bool) (lead, run int, tie bool) {
	lead, run, tie = sim.TopTwo(v, lumped)
	if run < 0 {
		run = lead
	}
	return
}

// NoteText words the outcome's note in language l, or is "".
func (o *Outcome) NoteText(l i18n.Lang) string {
	switch {
	case o.NoteErr != nil:
		return l.Error(o.NoteErr)
	case o.Note != nil:
		return l.Note(*o.Note)
	}
	return ""
}
