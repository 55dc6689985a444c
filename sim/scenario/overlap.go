package scenario

import (
	"math"
	"slices"
	"sort"

	"github.com/tallyscope/tallyscope/sim"
)

// A partial claim (Claim.Reported below 1, such as an electoral
// council's first bulletin "with 80% of the tables") is a count of an
// unknown subset of the units, not a final total: subtracting the counted
// votes from it says nothing. What arithmetic alone can say: a claim over
// B of the N units and a count of C of them share at least k = B + C − N
// units (when that is positive). Whichever k counted units those are, a
// candidate has at least the sum of their k smallest counted results in
// them, and the claim, which counts them too, cannot give the candidate
// less (nor more than the k largest plus everything the units outside
// the count could hold). Those statements need no assumption but that the
// counted sheets and the claim count the same ballots in the same units.
// Stronger statements that assume every unit of the claim is among the
// counted ones are made as notes, with their assumption stated.

// overlapSums holds, per candidate, the counted units' votes sorted from
// smallest to largest as prefix sums: sums[c][k] is the total of the k
// smallest. ok is false when a unit sums several reporting units (then
// counting units says nothing about which votes they hold).
type overlapSums struct {
	ok   bool
	sums [][]int64
}

// overlap returns the engine's sorted prefix sums, built on first use.
func (e *Engine) overlap() *overlapSums {
	e.ovOnce.Do(func() {
		ov := &overlapSums{ok: true}
		n := len(e.t.Units)
		for i := range e.t.Units {
			if e.t.Units[i].Size() != 1 {
				ov.ok = false
				e.ov = ov
				return
			}
		}
		ov.sums = make([][]int64, e.nc)
		vals := make([]int64, n)
		for c := range e.nc {
			for i := range e.t.Units {
				vals[i] = e.t.Units[i].Votes[c]
			}
			slices.Sort(vals)
			s := make([]int64, n+1)
			for i, v := range vals {
				s[i+1] = s[i] + v
			}
			ov.sums[c] = s
		}
		e.ov = ov
	})
	return e.ov
}

// smallest and largest return the total of candidate c's k smallest and
// k largest counted results.
func (ov *overlapSums) smallest(c int, k int64) int64 { return ov.sums[c][k] }
func (ov *overlapSums) largest(c int, k int64) int64 {
	s := ov.sums[c]
	n := int64(len(s) - 1)
	return s[n] - s[n-k]
}

// comparePartialClaim checks a partial claim against the counted units
// (see the comment above): it flags what arithmetic alone rules out and
// notes what follows if every unit of the claim is among the counted
// ones. It imputes nothing: a partial claim says nothing about the
// units missing from the count.
func (e *Engine) comparePartialClaim(rs *resolved, o *Outcome, label sim.Label) {
	sc := rs.sc
	r := sc.Claim.Reported
	o.RemainingMethod = RemainingOfficial
	o.RemainingNote = sim.NewNote("remaining.claim-partial", e.t.UnitLevel, label, sim.Share(r))
	if o.MissingUnits < 0 {
		o.note("scenario.claim-partial-no-expected", label, sim.Share(r))
		return
	}
	ov := e.overlap()
	if !ov.ok {
		o.note("scenario.claim-partial-aggregated", label, sim.Share(r))
		return
	}
	c := int64(len(e.t.Units))
	n := c + o.MissingUnits
	// The claim's units, rounded down: fewer units in the claim make
	// every statement below weaker, never stronger.
	b := int64(math.Floor(r*float64(n) + 1e-9))
	k := b + c - n
	if k <= 0 {
		o.note("scenario.claim-partial-no-overlap", label, sim.UnitCount(b), sim.Share(r), sim.UnitCount(c))
		return
	}
	o.note("scenario.claim-partial-overlap", label, sim.UnitCount(b), sim.Share(r), sim.UnitCount(n), sim.UnitCount(c), sim.UnitCount(k))
	shared := min(b, c)
	for cand := range e.nc {
		if !rs.claimNamed[cand] {
			continue
		}
		name := e.t.Candidates[cand].Label()
		claimed := rs.claim[cand]
		if lo := ov.smallest(cand, k); claimed < lo {
			o.flag(FlagOverlap, cand, lo-claimed, "scenario.claim-overlap-low", name, sim.Votes(lo), sim.Votes(k), label, sim.Votes(claimed))
			// The smallest share of the units the claim could cover and
			// still be ruled out.
			kMin := int64(sort.Search(int(k)+1, func(j int) bool { return ov.smallest(cand, int64(j)) > claimed }))
			o.note("scenario.claim-overlap-holds", name, label, sim.Share(float64(kMin+n-c)/float64(n)))
		}
		if o.MissingRegistered >= 0 {
			if hi := ov.largest(cand, shared) + o.MissingRegistered; claimed > hi {
				o.flag(FlagOverlap, cand, claimed-hi, "scenario.claim-overlap-high", name, sim.Votes(claimed), label, sim.Votes(hi))
			}
		}
		if b <= c {
			if lo := ov.smallest(cand, b); claimed < lo {
				o.note("scenario.claim-if-among-low", label, name, sim.Votes(lo), sim.UnitCount(b), sim.Votes(claimed))
			} else if hi := ov.largest(cand, b); claimed > hi {
				o.note("scenario.claim-if-among-high", label, name, sim.Votes(hi), sim.UnitCount(b), sim.Votes(claimed))
			}
		}
	}
}
