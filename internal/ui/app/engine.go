package app

import (
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// Scenario returns the controls as a scenario for package scenario: the
// same question the command line answers with "tallyscope scenario".
func (s *State) Scenario() scenario.Scenario {
	d, p := s.Data, s.P
	t := d.Tally
	var sc scenario.Scenario
	runner := t.Candidates[d.Runner].ID
	switch p.Mode {
	case ModeLike:
		sc.Missing = scenario.MissingLikeRegion
	case ModeSplit:
		sc.Missing = scenario.MissingSplit
		sc.Split = &scenario.Split{Candidate: runner, Share: p.Split}
	case ModeWorst:
		sc.Missing = scenario.MissingWorstCase
	case ModeClaim:
		if n := len(t.Claims); n > 0 {
			cl := t.Claims[min(max(p.Claim, 0), n-1)]
			c := &scenario.Claim{Label: cl.Label, Reported: cl.Reported}
			for _, v := range cl.Votes {
				c.Votes = append(c.Votes, scenario.Vote{Candidate: v.Candidate, Votes: v.Votes})
			}
			if cl.Others > 0 {
				c.Votes = append(c.Votes, scenario.Vote{Candidate: "others", Votes: cl.Others})
			}
			if cl.Valid > 0 {
				c.Valid = cl.Valid
			}
			sc.Missing = scenario.MissingClaim
			sc.Claim = c
		}
	}
	if p.FullTurnout && (p.Mode == ModeLike || p.Mode == ModeSplit) {
		sc.Remaining = scenario.RemainingFull
	}
	for k, pp := range p.SwingPP {
		if pp != 0 {
			c := d.Leader
			if k == 1 {
				c = d.Runner
			}
			sc.Swings = append(sc.Swings, scenario.Swing{Candidate: t.Candidates[c].ID, PP: pp})
		}
	}
	if p.TurnoutPct != 0 {
		sc.Turnout = scenario.Turnout{Factor: 1 + p.TurnoutPct/100}
	}
	return sc
}

// projectEngine computes the outcome with package scenario. The split
// slider's break-even is computed for the split rule as the slider applies
// it (the runner-up gets the share, everybody else splits the rest as
// counted), on the engine's estimate of the remaining votes.
func (s *State) projectEngine() (*Outcome, error) {
	sc := s.Scenario()
	eo, err := s.engine.Run(sc)
	if err != nil {
		return nil, err
	}
	d := s.Data
	o := &Outcome{
		Counted: eo.Counted, Imputed: eo.Imputed, Total: eo.Total,
		Active: sc.Missing != scenario.MissingNone, Remaining: eo.Remaining,
		Leader: eo.Winner, Runner: eo.RunnerUp, Tie: eo.Tie, Margin: eo.Margin,
		ExpectedUnits: d.Agg.Nation.Expected.Units, eo: eo,
	}
	if eo.MissingUnits > 0 {
		o.MissingUnits = eo.MissingUnits
	} else if n := &d.Agg.Nation; n.Expected.Units > n.Units {
		// The baseline leaves the missing units out; they still exist.
		o.MissingUnits = n.Expected.Units - n.Units
	}
	for _, f := range eo.Flags {
		switch f.Kind {
		case scenario.FlagNegativeVotes:
			o.Impossible = append(o.Impossible, Shortfall{Cand: f.Candidate, Votes: f.Votes})
		case scenario.FlagShareAbove100:
			o.Excess = append(o.Excess, Shortfall{Cand: f.Candidate, Votes: f.Votes + eo.Remaining})
		case scenario.FlagNegativeRemaining:
			o.Below = -f.Votes
		case scenario.FlagTurnoutAbove100:
			if eo.MissingRegistered > 0 {
				o.TurnoutNeeded = float64(eo.Remaining) / float64(eo.MissingRegistered)
			}
			if o.TurnoutNeeded <= 1 {
				o.Note = f.Text
			}
		default:
			o.Note = f.Text
		}
	}
	if o.MissingUnits > 0 {
		split := sc
		split.Missing, split.Split, split.Claim = scenario.MissingSplit, &scenario.Split{Candidate: d.Tally.Candidates[d.Runner].ID}, nil
		if s.P.FullTurnout {
			split.Remaining = scenario.RemainingFull
		} else {
			split.Remaining = scenario.RemainingAuto
		}
		if be, err := s.engine.BreakEven(split); err == nil {
			s.breakEven(o, be.Remaining)
		}
	}
	return o, nil
}
