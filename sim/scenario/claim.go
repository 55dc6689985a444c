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
