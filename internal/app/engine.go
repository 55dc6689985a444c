package app

import (
	"math"
	"reflect"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// The app holds one scenario.Scenario (State.Scenario) and gets every
// number from package scenario: the controls edit the scenario, and Params
// only shows it. This file maps one to the other and runs the engine.

// Scenario returns the scenario on screen: the question that "tallyscope
// scenario --scenario" answers with the same figures, given the string in
// the link (see Fragment).
func (s *State) Scenario() scenario.Scenario { return s.sc }

// setScenario makes sc the scenario on screen.
func (s *State) setScenario(sc scenario.Scenario) {
	s.sc, s.scString = sc, ""
	s.P, s.extra = s.controls(sc)
	s.dirty = true
}

// candidateID returns the ID of the counted leader (which 0) or runner-up
// (which 1), the two candidates the controls act on.
func (s *State) candidateID(which int) string {
	c := s.Data.Leader
	if which == 1 {
		c = s.Data.Runner
	}
	return s.Data.Tally.Candidates[c].ID
}

// remainingFor returns the estimate of the remaining votes the "100%
// turnout" box asks for under rule m: every registered voter of the
// missing units votes, except under a claim, whose own total counts.
func (s *State) remainingFor(m scenario.Missing) scenario.Remaining {
	if s.full && m != scenario.MissingClaim {
		return scenario.RemainingFull
	}
	return scenario.RemainingAuto
}

// withMode returns the scenario with the missing units voting as mode m
// says; the swings and the turnout change stay.
func (s *State) withMode(m Mode) scenario.Scenario {
	sc := s.sc
	sc.Split, sc.Claim = nil, nil
	switch m {
	case ModeCounted:
		sc.Missing = scenario.MissingNone
	case ModeLike:
		sc.Missing = scenario.MissingLikeRegion
	case ModeSplit:
		sc.Missing = scenario.MissingSplit
		sc.Split = &scenario.Split{Candidate: s.candidateID(1), Share: s.splitMemo, From: s.candidateID(0)}
	case ModeWorst:
		sc.Missing = scenario.MissingWorstCase
	case ModeClaim:
		n := len(s.Data.Tally.Claims)
		if n == 0 {
			return s.sc
		}
		sc.Missing = scenario.MissingClaim
		sc.Claim = claimOf(s.Data.Tally.Claims[min(max(s.P.Claim, 0), n-1)])
	}
	sc.Remaining = s.remainingFor(sc.Missing)
	return sc
}

// claimOf turns a claim of the data into the scenario's claim.
func claimOf(cl sim.Claim) *scenario.Claim {
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
	return c
}

// withSwing returns the scenario with pp points swung to the counted
// leader (which 0) or runner-up (which 1) in every counted unit (0: no
// swing). The controls' swings come first, the leader's before the
// runner-up's; other swings (from a link made elsewhere) follow as they
// were.
func (s *State) withSwing(which int, pp float64) scenario.Scenario {
	sc := s.sc
	var pps [2]float64
	var others []scenario.Swing
	seen := [2]bool{}
	for _, w := range sc.Swings {
		k := s.controlSwing(w, seen)
		if k < 0 {
			others = append(others, w)
			continue
		}
		seen[k], pps[k] = true, w.PP
	}
	pps[which] = pp
	sc.Swings = nil
	for k, v := range pps {
		if v != 0 {
			sc.Swings = append(sc.Swings, scenario.Swing{Candidate: s.candidateID(k), PP: v})
		}
	}
	sc.Swings = append(sc.Swings, others...)
	return sc
}

// controlSwing returns which slider shows swing w (0 the leader's, 1 the
// runner-up's), or −1 when none does; seen marks the sliders that
// already show an earlier swing.
func (s *State) controlSwing(w scenario.Swing, seen [2]bool) int {
	for k := range 2 {
		if !seen[k] && isControlSwing(w, s.candidateID(k)) && w.PP >= -SwingMax && w.PP <= SwingMax {
			return k
		}
	}
	return -1
}

// isControlSwing reports whether w is a swing the slider of candidate id
// shows: uniform, in every unit, from everybody else.
func isControlSwing(w scenario.Swing, id string) bool {
	return w.Candidate == id && w.From == "" && w.Kind == scenario.Uniform && w.Level == "" && w.Region == ""
}

// withTurnout returns the scenario with the counted votes changed by pct
// per cent in every counted unit.
func (s *State) withTurnout(pct float64) scenario.Scenario {
	sc := s.sc
	sc.Turnout = scenario.Turnout{}
	if pct != 0 {
		sc.Turnout.Factor = 1 + pct/100
	}
	return sc
}

// controls returns the controls' view of sc, and whether sc also holds
// settings that no control shows (from a link made elsewhere, such as
// the command line's --min-units or a regional swing).
func (s *State) controls(sc scenario.Scenario) (p Params, extra bool) {
	p.FullTurnout = s.full
	p.Split = s.splitMemo
	p.Claim = s.P.Claim
	switch sc.Missing {
	case scenario.MissingLikeRegion:
		p.Mode = ModeLike
	case scenario.MissingSplit:
		p.Mode = ModeSplit
		sp := sc.Split
		p.Split = sp.Share
		extra = sp.Candidate != s.candidateID(1) || (sp.From != "" && sp.From != s.candidateID(0)) || len(sp.Rest) > 0
	case scenario.MissingWorstCase:
		p.Mode = ModeWorst
	case scenario.MissingClaim:
		p.Mode, p.Claim = ModeClaim, -1
		for i, cl := range s.Data.Tally.Claims {
			if reflect.DeepEqual(claimOf(cl), sc.Claim) {
				p.Claim = i
			}
		}
		extra = p.Claim < 0
	}
	if sc.Missing != scenario.MissingClaim {
		extra = extra || sc.Claim != nil
		if p.Claim < 0 {
			p.Claim = 0
		}
	}
	if sc.Remaining != s.remainingFor(sc.Missing) {
		extra = true
	}
	seen := [2]bool{}
	for _, w := range sc.Swings {
		k := s.controlSwing(w, seen)
		if k < 0 {
			extra = true
			continue
		}
		seen[k], p.SwingPP[k] = true, w.PP
	}
	if tu := sc.Turnout; !tu.IsZero() {
		pct := math.Round((tu.Factor-1)*100*1e6) / 1e6
		if tu.PP != 0 || tu.Region != "" || tu.Factor == 0 || !(pct >= -TurnoutMax && pct <= TurnoutMax) {
			extra = true
		} else {
			p.TurnoutPct = pct
		}
	}
	rest := sc
	rest.Engine, rest.Data, rest.Missing, rest.Remaining, rest.Split, rest.Claim, rest.Swings, rest.Turnout = "", "", "", "", nil, nil, nil, scenario.Turnout{}
	extra = extra || !reflect.DeepEqual(rest, scenario.Scenario{})
	return p, extra
}

// project computes the outcome of the scenario with package scenario.
// When the engine refuses the scenario's rule for the missing units on
// these data (nothing is known about them, say), the outcome is the
// counted units with the scenario's changes, and its note says why.
func (s *State) project() *Outcome {
	d := s.Data
	nat := &d.Agg.Nation
	o := &Outcome{ExpectedUnits: nat.Expected.Units, Active: !s.sc.IsBaseline()}
	if n := &d.Agg.Nation; n.Expected.Units > n.Units {
		o.MissingUnits = n.Expected.Units - n.Units
	}
	if s.engine == nil {
		o.Counted, o.Total, o.Imputed = nat.Votes, nat.Votes, make([]int64, len(nat.Votes))
		o.Leader, o.Runner, o.Tie = rank(o.Total, d.Tally.Lumped())
		return o
	}
	sc := s.sc
	eo, err := s.engine.Run(sc)
	if err != nil {
		sc.Missing, sc.Split, sc.Claim = scenario.MissingNone, nil, nil
		var again error
		if eo, again = s.engine.Run(sc); again != nil {
			eo, _ = s.engine.Run(scenario.Scenario{})
		}
		o.fill(eo)
		o.NoteErr = err
		return o
	}
	o.fill(eo)
	s.breakEven(o, eo)
	return o
}

// fill takes the engine's outcome: the votes, the winner, and the flags
// in the shape the views draw.
func (o *Outcome) fill(eo *scenario.Outcome) {
	o.eo = eo
	o.Counted, o.Imputed, o.Total = eo.Counted, eo.Imputed, eo.Total
	o.Remaining = eo.Remaining
	o.Leader, o.Runner, o.Tie, o.Margin = eo.Winner, eo.RunnerUp, eo.Tie, eo.Margin
	if o.Runner < 0 {
		o.Runner = o.Leader
	}
	if eo.MissingUnits > 0 {
		o.MissingUnits = eo.MissingUnits
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
			o.TurnoutNeeded = eo.MissingTurnout()
			if o.TurnoutNeeded <= 1 {
				o.Note = &f.Note
			}
		default:
			o.Note = &f.Note
		}
	}
}

// breakEven sets the outcome's break-even: package scenario's, for the
// scenario on screen, as "tallyscope breakeven --scenario" prints it and
// the saved chart draws it. Under a rule for the missing units it comes
// from the outcome just computed (what Engine.BreakEven computes, without
// running the engine twice); without one, from the engine.
func (s *State) breakEven(o *Outcome, eo *scenario.Outcome) {
	d := s.Data
	var b scenario.BreakEven
	if s.sc.Missing == scenario.MissingNone {
		var err error
		if b, err = s.engine.BreakEven(s.sc); err != nil {
			return
		}
	} else {
		b = s.engine.BreakEvenVotes(eo.Counted, eo.Remaining)
	}
	o.BE = &b
	o.BreakEven = b.Needed
	// The split slider gives the counted runner-up its share, taken from
	// the leader: its mark is where they tie.
	o.BreakEvenOK = b.Remaining > 0 && !b.Impossible && b.Leader == d.Leader && b.RunnerUp == d.Runner
}
