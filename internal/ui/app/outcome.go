package app

import (
	"math"

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
	// Active is false for the baseline (counted units only).
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
	// BreakEven is the share of the remaining votes the counted runner-up
	// needs under the split rule to draw level with the counted leader;
	// BreakEvenOK is false when no share in [0,1] does it.
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
	// Note describes, in English, another impossibility the engine
	// flagged, or why the engine could not run.
	Note string

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

// Shortfall is a candidate that would need Votes (negative) in the
// missing units.
type Shortfall struct {
	Cand  int
	Votes int64
}

// Possible reports whether the scenario can happen.
func (o *Outcome) Possible() bool {
	return len(o.Impossible) == 0 && len(o.Excess) == 0 && o.Below == 0 && o.TurnoutNeeded <= 1+1e-12 && o.Note == ""
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

func rank(v []int64) (lead, run int, tie bool) {
	t := sim.Totals{Votes: v}
	lead, run, tie = t.Leader()
	if run < 0 {
		run = lead
	}
	return
}

// missingRegistered estimates the registered voters of the missing units:
// the expected total minus the counted ones when every unit knows its
// registered voters, else the expected total in proportion to the missing
// units.
func (d *Dataset) missingRegistered() float64 {
	n := &d.Agg.Nation
	exp := n.Expected
	if exp.Registered <= 0 {
		return 0
	}
	if n.RegisteredUnits == n.Units && n.Registered > 0 {
		return math.Max(0, float64(exp.Registered-n.Registered))
	}
	if exp.Units <= 0 {
		return 0
	}
	miss := exp.Units - n.Units
	if miss <= 0 {
		return 0
	}
	return float64(exp.Registered) * float64(miss) / float64(exp.Units)
}
