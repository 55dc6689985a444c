package forensics

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// Exclusion counts the units a check left out for one reason.
type Exclusion struct {
	Reason string `json:"reason"`
	Units  int    `json:"units"`
}

// Reasons for leaving a unit out of a check.
const (
	ReasonAggregated   = "aggregated unit (stands for several reporting units)"
	ReasonNoRegistered = "registered voters unknown"
	ReasonZeroRegister = "zero registered voters"
	ReasonOverRegister = "more votes cast than registered voters"
	ReasonNoValidVotes = "no valid votes"
	ReasonSmallCount   = "count below the test's minimum"
	ReasonSmallUnit    = "denominator below the test's minimum"
	ReasonNearEdge     = "percentage within 4 binomial standard deviations of 0% or 100%, where the binomial null is biased"
)

// exclusions accumulates excluded units by reason, in first-seen order.
type exclusions struct {
	list []Exclusion
}

func (e *exclusions) add(reason string) {
	for i := range e.list {
		if e.list[i].Reason == reason {
			e.list[i].Units++
			return
		}
	}
	e.list = append(e.list, Exclusion{Reason: reason, Units: 1})
}

func (e *exclusions) result() []Exclusion { return e.list }

// resolveCandidate returns the index of the named candidate, or of the
// leader of the tally's single units when name is empty.
func resolveCandidate(t *sim.Tally, name string) (int, error) {
	if len(t.Candidates) == 0 {
		return -1, sim.ErrNoCandidates
	}
	if t.Contestants() == 0 {
		return -1, fmt.Errorf("%w: every candidate column %s", ErrInput, lumpedReason)
	}
	if name == "" {
		return leader(t), nil
	}
	c, err := t.Candidate(name)
	if err != nil {
		return -1, err
	}
	if t.Candidates[c].Aggregate {
		return -1, fmt.Errorf("%w: %s %s", ErrInput, t.Candidates[c].Label(), lumpedReason)
	}
	return c, nil
}

// leader returns the candidate with the most votes over all units, the
// first listed on ties, leaving out aggregates.
func leader(t *sim.Tally) int {
	sum := make([]int64, len(t.Candidates))
	for i := range t.Units {
		for j, v := range t.Units[i].Votes {
			if j < len(sum) {
				sum[j] += v
			}
		}
	}
	best, _, _ := sim.TopTwo(sum, t.Lumped())
	return max(best, 0)
}

// turnoutUnit reports whether unit u can enter a turnout check, and the
// reason when it cannot.
func turnoutUnit(u *sim.Unit) (ok bool, reason string) {
	switch {
	case u.Size() > 1:
		return false, ReasonAggregated
	case u.Registered == sim.Unknown:
		return false, ReasonNoRegistered
	case u.Registered == 0:
		return false, ReasonZeroRegister
	case u.Cast() > u.Registered:
		return false, ReasonOverRegister
	}
	return true, ""
}

// shareOf returns candidate c's votes over the denominator d in unit u,
// and the denominator.
func shareOf(u *sim.Unit, c int, d sim.Denominator) (share float64, den int64) {
	den = u.Valid()
	if d == sim.OfCast {
		den = u.Cast()
	}
	if den == 0 {
		return 0, 0
	}
	return float64(u.Votes[c]) / float64(den), den
}

func checkTally(t *sim.Tally) error {
	if t == nil {
		return fmt.Errorf("%w: no tally", ErrInput)
	}
	if len(t.Candidates) == 0 {
		return sim.ErrNoCandidates
	}
	for i := range t.Units {
		if len(t.Units[i].Votes) != len(t.Candidates) {
			return fmt.Errorf("%w: unit %d (%s) has %d vote counts for %d candidates", ErrInput, i, t.Units[i].ID, len(t.Units[i].Votes), len(t.Candidates))
		}
	}
	return nil
}
