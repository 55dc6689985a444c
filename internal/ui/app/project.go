package app

import (
	"math"
)

// project computes the outcome of the current parameters with package
// scenario, or, when its engine cannot run on the data, with the simple
// national rules below (noted in the outcome).
func (s *State) project() *Outcome {
	if s.engine != nil {
		o, err := s.projectEngine()
		if err == nil {
			return o
		}
		f := s.projectSimple()
		f.Note = UserText(err.Error())
		return f
	}
	return s.projectSimple()
}

// projectSimple applies the controls to the national totals.
func (s *State) projectSimple() *Outcome {
	d := s.Data
	nat := &d.Agg.Nation
	nc := len(nat.Votes)
	o := &Outcome{
		Counted: make([]int64, nc), Imputed: make([]int64, nc), Total: make([]int64, nc),
		ExpectedUnits: nat.Expected.Units,
	}
	if o.ExpectedUnits > nat.Units {
		o.MissingUnits = o.ExpectedUnits - nat.Units
	}
	copy(o.Counted, nat.Votes)
	p := s.P
	if p.TurnoutPct != 0 {
		for c, v := range o.Counted {
			o.Counted[c] = int64(math.Round(float64(v) * (1 + p.TurnoutPct/100)))
		}
	}
	for k, pp := range p.SwingPP {
		if pp == 0 {
			continue
		}
		cand := d.Leader
		if k == 1 {
			cand = d.Runner
		}
		swingTotals(o.Counted, cand, pp)
	}
	var valid int64
	for _, v := range o.Counted {
		valid += v
	}
	missReg := d.missingRegistered()
	switch {
	case p.Mode == ModeClaim && len(d.Tally.Claims) > 0:
		o.Active = true
		s.imputeClaim(o, missReg)
	case p.Mode == ModeCounted || o.MissingUnits == 0:
	default:
		o.Active = true
		o.Remaining = s.remaining(valid, missReg, o.MissingUnits, p.FullTurnout || p.Mode == ModeWorst)
		shares := make([]float64, nc)
		switch p.Mode {
		case ModeWorst:
			shares[d.Runner] = 1
		case ModeSplit:
			var rest int64
			for c, v := range o.Counted {
				if c != d.Runner {
					rest += v
				}
			}
			shares[d.Runner] = p.Split
			for c, v := range o.Counted {
				if c != d.Runner && rest > 0 {
					shares[c] = (1 - p.Split) * float64(v) / float64(rest)
				}
			}
		default:
			for c, v := range o.Counted {
				if valid > 0 {
					shares[c] = float64(v) / float64(valid)
				}
			}
		}
		largestRemainder(o.Remaining, shares, o.Imputed)
		if missReg > 0 {
			o.TurnoutNeeded = float64(o.Remaining) / missReg
		}
	}
	for c := range o.Total {
		o.Total[c] = o.Counted[c] + o.Imputed[c]
	}
	o.Leader, o.Runner, o.Tie = rank(o.Total)
	o.Margin = o.Total[o.Leader] - o.Total[o.Runner]
	if o.MissingUnits > 0 {
		s.breakEven(o, s.remaining(valid, missReg, o.MissingUnits, p.FullTurnout))
	}
	return o
}

// remaining estimates the valid votes in the missing units: every
// registered voter (full), the counted turnout applied to the missing
// registered voters when every counted unit knows them, or else the
// counted valid votes per unit.
func (s *State) remaining(valid int64, missReg float64, missing int64, full bool) int64 {
	nat := &s.Data.Agg.Nation
	switch {
	case full && missReg > 0:
		return int64(math.Round(missReg))
	case nat.Registered > 0 && nat.RegisteredUnits == nat.Units && missReg > 0:
		t, _ := nat.Turnout()
		return int64(math.Round(t * missReg * float64(valid) / math.Max(1, float64(nat.Cast()))))
	case nat.Units > 0:
		return int64(math.Round(float64(valid) / float64(nat.Units) * float64(missing)))
	}
	return 0
}

// breakEven finds the runner-up's share of the remaining votes at which the
// split rule gives a tie: A + (1−x)·R·a = B + x·R, where a is the leader's
// share of the votes not going to the runner-up.
func (s *State) breakEven(o *Outcome, remaining int64) {
	d := s.Data
	if remaining <= 0 || d.Leader == d.Runner {
		return
	}
	A, B := float64(o.Counted[d.Leader]), float64(o.Counted[d.Runner])
	var rest float64
	for c, v := range o.Counted {
		if c != d.Runner {
			rest += float64(v)
		}
	}
	a := 0.0
	if rest > 0 {
		a = A / rest
	}
	R := float64(remaining)
	x := (A - B + R*a) / (R * (1 + a))
	o.BreakEven = x
	o.BreakEvenOK = x >= 0 && x <= 1
}

func (s *State) imputeClaim(o *Outcome, missReg float64) {
	d := s.Data
	t := d.Tally
	i := s.P.Claim
	if i < 0 || i >= len(t.Claims) {
		i = 0
	}
	cl := &t.Claims[i]
	named := make([]bool, len(o.Counted))
	for _, v := range cl.Votes {
		c, err := t.Candidate(v.Candidate)
		if err != nil {
			continue
		}
		named[c] = true
		o.Total[c] = v.Votes
		o.Imputed[c] = v.Votes - o.Counted[c]
	}
	if cl.Others != -1 {
		// Spread the claimed others over the unnamed candidates in
		// proportion to their counted votes.
		var cnt int64
		for c, v := range o.Counted {
			if !named[c] {
				cnt += v
			}
		}
		shares := make([]float64, len(o.Counted))
		for c, v := range o.Counted {
			if !named[c] && cnt > 0 {
				shares[c] = float64(v) / float64(cnt)
			}
		}
		out := make([]int64, len(o.Counted))
		largestRemainder(cl.Others, shares, out)
		for c := range out {
			if !named[c] {
				o.Total[c] = out[c]
				o.Imputed[c] = out[c] - o.Counted[c]
			}
		}
	} else {
		for c := range named {
			if !named[c] {
				o.Total[c] = o.Counted[c]
			}
		}
	}
	for c := range o.Imputed {
		o.Remaining += o.Imputed[c]
		if o.Imputed[c] < 0 {
			o.Impossible = append(o.Impossible, Shortfall{Cand: c, Votes: o.Imputed[c]})
		}
	}
	// Total was set from the claim: undo the generic sum in project.
	for c := range o.Total {
		o.Imputed[c] = o.Total[c] - o.Counted[c]
		o.Total[c] = o.Counted[c]
	}
	if missReg > 0 {
		o.TurnoutNeeded = float64(o.Remaining) / missReg
	}
}

// swingTotals moves pp points of the valid vote to candidate c, taking
// them from the others in proportion to their votes, clamped to [0,1].
func swingTotals(v []int64, c int, pp float64) {
	var valid int64
	for _, x := range v {
		valid += x
	}
	if valid <= 0 {
		return
	}
	sh := make([]float64, len(v))
	for i, x := range v {
		sh[i] = float64(x) / float64(valid)
	}
	old := sh[c]
	want := math.Min(1, math.Max(0, old+pp/100))
	others := 1 - old
	if others > 1e-12 {
		k := (1 - want) / others
		for i := range sh {
			if i != c {
				sh[i] *= k
			}
		}
	}
	sh[c] = want
	largestRemainder(valid, sh, v)
}

// largestRemainder splits total by shares with the largest-remainder
// rule, ties to the lower index; zero shares give zero.
func largestRemainder(total int64, shares []float64, out []int64) {
	var sum float64
	for _, s := range shares {
		sum += s
	}
	for i := range out {
		out[i] = 0
	}
	if sum <= 0 || total <= 0 {
		return
	}
	var given int64
	for c, s := range shares {
		out[c] = int64(math.Floor(float64(total) * s / sum))
		given += out[c]
	}
	for left := total - given; left > 0; left-- {
		best, bestR := 0, -1.0
		for c, s := range shares {
			r := float64(total)*s/sum - float64(out[c])
			if r > bestR+1e-12 {
				best, bestR = c, r
			}
		}
		out[best]++
	}
}
