package scenario

import (
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// ClaimFrom turns a claim stored in a tally (an electoral council's
// bulletin) into the scenario's Claim.
func ClaimFrom(c sim.Claim) Claim {
	out := Claim{Label: c.Label, Reported: c.Reported}
	for _, v := range c.Votes {
		out.Votes = append(out.Votes, Vote{Candidate: v.Candidate, Votes: v.Votes})
	}
	if c.Others != sim.Unknown {
		out.Votes = append(out.Votes, Vote{Candidate: "others", Votes: c.Others})
	}
	if c.Valid != sim.Unknown && c.Valid > 0 {
		out.Valid = c.Valid
	}
	return out
}

// FindClaim returns the tally's claim whose label contains part
// (case- and accent-insensitive), or an error when none or several do.
func FindClaim(t *sim.Tally, part string) (sim.Claim, error) {
	q := sim.Fold(strings.TrimSpace(part))
	found := -1
	var labels []string
	for i, c := range t.Claims {
		labels = append(labels, c.Label)
		if q != "" && strings.Contains(sim.Fold(c.Label), q) {
			if found >= 0 {
				return sim.Claim{}, fmt.Errorf("%w: %q matches both %q and %q", ErrScenario, part, t.Claims[found].Label, c.Label)
			}
			found = i
		}
	}
	if found < 0 {
		if len(labels) == 0 {
			return sim.Claim{}, fmt.Errorf("%w: the data holds no claims", ErrScenario)
		}
		return sim.Claim{}, fmt.Errorf("%w: no claim matches %q (claims: %s)", ErrScenario, part, strings.Join(labels, "; "))
	}
	return t.Claims[found], nil
}

// ClaimTally builds a one-unit tally whose counted votes are the claim's,
// over t's candidates, so that a bulletin can itself be analysed ("with
// 80% counted, could the runner-up still win?"). Candidates the claim does
// not name share its "others" votes in proportion to their votes in t (or
// equally when t has none). Use it with Scenario.Reported set to the
// claim's fraction reported.
func ClaimTally(t *sim.Tally, c Claim) (*sim.Tally, error) {
	if len(t.Candidates) == 0 {
		return nil, fmt.Errorf("%w: no candidates", ErrTally)
	}
	nc := len(t.Candidates)
	votes := make([]int64, nc)
	named := make([]bool, nc)
	others := int64(-1)
	var sum int64
	for _, v := range c.Votes {
		if v.Votes < 0 {
			return nil, fmt.Errorf("%w: claimed votes for %s are negative", ErrScenario, v.Candidate)
		}
		sum += v.Votes
		if isOthers(v.Candidate) {
			others = v.Votes
			continue
		}
		k, err := t.Candidate(v.Candidate)
		if err != nil {
			return nil, fmt.Errorf("%w: claim: %w", ErrScenario, err)
		}
		votes[k] += v.Votes
		named[k] = true
	}
	if others < 0 && c.Valid > 0 {
		others = c.Valid - sum
	}
	var unnamed int64
	weights := make([]float64, nc)
	nat := sim.Aggregate(t).Nation
	for k := range votes {
		if !named[k] {
			unnamed++
			weights[k] = float64(nat.Votes[k])
		}
	}
	if others > 0 && unnamed == 0 {
		return nil, fmt.Errorf("%w: the claim gives votes to others but names every candidate", ErrScenario)
	}
	if others > 0 {
		var ws float64
		for k := range weights {
			ws += weights[k]
		}
		if ws == 0 {
			for k := range weights {
				if !named[k] {
					weights[k] = 1
				}
			}
		}
		out := make([]int64, nc)
		roundShares(others, weights, out)
		for k := range votes {
			votes[k] += out[k]
		}
	}
	label := c.Label
	if label == "" {
		label = "claim"
	}
	ct := &sim.Tally{
		Title:      label,
		Source:     t.Source,
		Digest:     t.Digest,
		UnitLevel:  t.UnitLevel,
		Candidates: t.Candidates,
		Units:      []sim.Unit{{ID: label, Region: -1, Registered: sim.Unknown, Votes: votes, Null: sim.Unknown, Blank: sim.Unknown}},
	}
	return ct, nil
}

// TallyFor returns the tally a scenario is about: t itself, or, when
// sc.Counted is set, the one-unit tally of that claim (ClaimTally).
func TallyFor(t *sim.Tally, sc Scenario) (*sim.Tally, error) {
	if sc.Counted == nil {
		return t, nil
	}
	return ClaimTally(t, *sc.Counted)
}

// imputeClaim sets the imputed votes to the claim minus the counted votes
// and flags what is impossible.
func (e *Engine) imputeClaim(rs *resolved, o *Outcome, countedValid int64) error {
	sc := rs.sc
	t := e.t
	o.RemainingMethod = RemainingOfficial
	o.RemainingNote = sim.NewNote("remaining.claim", e.t.UnitLevel)
	label := sim.Label(sc.Claim.Label)
	if label == "" {
		label = "the claim" // i18n words it
	}
	if r := sc.Claim.Reported; r > 0 && r < 1 {
		e.comparePartialClaim(rs, o, label)
		return nil
	}
	var unnamed, unnamedCounted int64
	for c := range o.Imputed {
		if rs.claimNamed[c] {
			o.Imputed[c] = rs.claim[c] - o.Counted[c]
		} else {
			unnamed++
			unnamedCounted += o.Counted[c]
		}
	}
	if unnamed > 0 {
		g := rs.claimOthers - unnamedCounted
		shares := o.scratchF[:e.nc]
		out := o.scratchI[:e.nc]
		for c, v := range o.Counted {
			shares[c] = 0
			if !rs.claimNamed[c] {
				if unnamedCounted > 0 {
					shares[c] = float64(v) / float64(unnamedCounted)
				} else {
					shares[c] = 1 / float64(unnamed)
				}
			}
		}
		abs := g
		if abs < 0 {
			abs = -abs
		}
		roundShares(abs, shares, out)
		for c := range o.Imputed {
			if !rs.claimNamed[c] {
				if g < 0 {
					o.Imputed[c] = -out[c]
				} else {
					o.Imputed[c] = out[c]
				}
			}
		}
		if len(sc.Claim.Votes) > 0 && unnamed > 1 {
			o.note("scenario.claim-others-grouped", label)
		}
		if g < 0 {
			o.flag(FlagNegativeVotes, -1, g, "scenario.claim-others-negative", sim.Votes(g), label, sim.Votes(rs.claimOthers), sim.Votes(unnamedCounted))
		}
	}
	rem := rs.claimV - countedValid
	for c := range o.Imputed {
		if !rs.claimNamed[c] {
			continue
		}
		v := o.Imputed[c]
		name := t.Candidates[c].Label()
		if v < 0 {
			o.flag(FlagNegativeVotes, c, v, "scenario.claim-negative", name, sim.Votes(v), label, sim.Votes(rs.claim[c]), sim.Votes(o.Counted[c]))
		} else if v > 0 && v > rem {
			if rem > 0 {
				o.flag(FlagShareAbove100, c, v-rem, "scenario.claim-share-above-100", name, sim.Votes(v), sim.Share(float64(v)/float64(rem)), sim.Votes(rem))
			} else {
				o.flag(FlagShareAbove100, c, v-rem, "scenario.claim-share-none-left", name, sim.Votes(v), sim.Votes(rem))
			}
		}
	}
	if rem < 0 {
		o.flag(FlagNegativeRemaining, -1, rem, "scenario.claim-below-counted", label, sim.Votes(rs.claimV), sim.Votes(-rem), sim.Votes(countedValid))
	}
	if capacity := o.MissingRegistered; capacity >= 0 && rem > capacity {
		o.flag(FlagTurnoutAbove100, -1, rem-capacity, "scenario.claim-turnout-above-100", sim.Votes(rem), sim.Votes(max(capacity, 0)))
	}
	o.note("scenario.claim-national", label)
	return nil
}
