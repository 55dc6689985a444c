package scenario

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// BreakEven is what the runner-up needs from the remaining votes of one
// region (or the nation) to tie the leader.
//
// The rule: with a counted margin M and R remaining valid votes, and the
// other candidates keeping OthersShare (their counted share of the valid
// vote) of the remaining votes, the runner-up ties with a share
//
//	Needed = (M/R + 1 − OthersShare) / 2
//
// of the remaining votes, the leader getting the rest. It is Impossible
// when Needed exceeds 1 − OthersShare (the leader would need a negative
// share); the result is Locked when M exceeds R, so that no split of the
// remaining votes at all can change the winner. NeededAlone is the same
// share when the other candidates get nothing: (M/R + 1)/2.
type BreakEven struct {
	// Region indexes Tally.Regions, or is -1 for the nation.
	Region int    `json:"region"`
	Name   string `json:"name"`
	// Leader and RunnerUp index Tally.Candidates (counted votes, after
	// the scenario's changes); Tie reports equal counted votes.
	Leader   int  `json:"leader"`
	RunnerUp int  `json:"runner_up"`
	Tie      bool `json:"tie"`
	// Margin is the leader's counted votes minus the runner-up's.
	Margin int64 `json:"margin"`
	// Counted is the counted valid votes; Remaining the remaining valid
	// votes, estimated as RemainingMethod says.
	Counted         int64     `json:"counted"`
	Remaining       int64     `json:"remaining"`
	RemainingMethod Remaining `json:"remaining_method,omitempty"`
	RemainingNote   sim.Note  `json:"remaining_note"`
	OthersShare     float64   `json:"others_share"`
	Needed          float64   `json:"needed"`
	NeededAlone     float64   `json:"needed_alone"`
	Impossible      bool      `json:"impossible"`
	Locked          bool      `json:"locked"`
	// LeadIfAllToRunnerUp is Margin − Remaining: the leader's lead if
	// every remaining vote went to the runner-up (negative: the runner-up
	// would win).
	LeadIfAllToRunnerUp int64 `json:"lead_if_all_to_runner_up"`
	// Notes say what was estimated to find the remaining votes (set by
	// Engine.BreakEven, not per region).
	Notes []sim.Note `json:"notes,omitempty"`
}

// breakEven computes the rule for counted votes and remaining votes.
func breakEven(votes []int64, lumped []bool, remaining int64) BreakEven {
	b := BreakEven{Region: -1}
	b.Leader, b.RunnerUp, b.Tie = sim.TopTwo(votes, lumped)
	for _, v := range votes {
		b.Counted += v
	}
	b.Remaining = remaining
	if b.RunnerUp < 0 {
		b.Locked, b.Impossible = true, true
		return b
	}
	b.Margin = votes[b.Leader] - votes[b.RunnerUp]
	if b.Counted > 0 {
		b.OthersShare = 1 - float64(votes[b.Leader]+votes[b.RunnerUp])/float64(b.Counted)
	}
	b.LeadIfAllToRunnerUp = b.Margin - remaining
	if remaining <= 0 {
		b.Needed, b.NeededAlone = 0, 0
		b.Locked = b.Margin > 0
		b.Impossible = b.Locked
		return b
	}
	m := float64(b.Margin) / float64(remaining)
	b.Needed = (m + 1 - b.OthersShare) / 2
	b.NeededAlone = (m + 1) / 2
	b.Impossible = m > 1-b.OthersShare
	b.Locked = b.Margin > remaining
	return b
}

// BreakEvenVotes applies the break-even rule to counted votes per
// candidate and a number of remaining valid votes, every column a
// contestant. Engine.BreakEvenVotes skips the tally's lumped columns.
func BreakEvenVotes(votes []int64, remaining int64) BreakEven {
	return breakEven(votes, nil, remaining)
}

// BreakEvenVotes applies the break-even rule to counted votes per
// candidate of e's tally and a number of remaining valid votes; a lumped
// column ("Others") is never the leader or the runner-up.
func (e *Engine) BreakEvenVotes(votes []int64, remaining int64) BreakEven {
	return breakEven(votes, e.lumped, remaining)
}

// remainingScenario returns sc with a missing-unit rule that places the
// remaining votes (like-region when sc has none).
func remainingScenario(sc Scenario) Scenario {
	if sc.Missing == MissingNone {
		sc.Missing = MissingLikeRegion
	}
	return sc
}

// BreakEven returns the national break-even under sc: the counted votes
// after sc's changes, and the remaining votes that sc's estimate gives to
// the missing units (like-region when sc has no missing-unit rule; the
// rule does not change how many votes remain, only how they split).
func (e *Engine) BreakEven(sc Scenario) (BreakEven, error) {
	o, err := e.Run(remainingScenario(sc))
	if err != nil {
		return BreakEven{}, err
	}
	b := breakEven(o.Counted, e.lumped, o.Remaining)
	b.RemainingMethod, b.RemainingNote = o.RemainingMethod, o.RemainingNote
	for _, n := range o.Notes {
		// The split of the remaining votes does not matter here.
		if n.Code != "scenario.like-smallest-region" {
			b.Notes = append(b.Notes, n)
		}
	}
	return b, nil
}

// BreakEvens returns the break-even of every region at the named level,
// sorted by key, using the remaining votes placed in each region (see
// Outcome.RegionImputed). A region where no missing units are placed has
// no remaining votes and is locked for its leader.
func (e *Engine) BreakEvens(sc Scenario, level string) ([]BreakEven, error) {
	l, err := e.t.LevelIndex(level)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrScenario, err)
	}
	if l < 0 {
		b, err := e.BreakEven(sc)
		if err != nil {
			return nil, err
		}
		return []BreakEven{b}, nil
	}
	if l >= len(e.t.Levels) {
		return nil, fmt.Errorf("%w: break-evens are per region, not per %s", ErrScenario, e.unitWord())
	}
	sc = remainingScenario(sc)
	if sc.Level == "" || mustLevel(e, sc.Level) < l {
		sc.Level = e.t.Levels[l]
	}
	o, err := e.Run(sc)
	if err != nil {
		return nil, err
	}
	var out []BreakEven
	for _, r := range e.agg.Level(l) {
		var rem int64
		for _, v := range o.RegionImputed(r) {
			rem += v
		}
		b := breakEven(o.RegionCounted(r), e.lumped, rem)
		b.Region, b.Name = r, string(e.regionName(r))
		b.RemainingMethod, b.RemainingNote = o.RemainingMethod, o.RemainingNote
		out = append(out, b)
	}
	return out, nil
}

func mustLevel(e *Engine, name string) int {
	l, err := e.t.LevelIndex(name)
	if err != nil {
		return -1
	}
	return l
}

// SwingFlip is the smallest uniform swing from the projected winner to
// the runner-up, in every counted unit, that puts another candidate
// strictly ahead (a tie does not count as a change).
type SwingFlip struct {
	From int `json:"from"`
	To   int `json:"to"`
	// PP is the swing in points of the valid vote (found to 0.001 points
	// by bisection); Possible is false when even 100 points do not flip
	// the result.
	PP       float64 `json:"pp"`
	Possible bool    `json:"possible"`
	// Clamped counts the units clamped at that swing.
	Clamped int64 `json:"clamped"`
	// Winner is the projected winner at that swing.
	Winner int `json:"winner"`
}

// SwingToFlip finds the smallest uniform swing that changes the winner of
// sc's outcome. The swing is added after sc's own swings and moves votes
// from the winner to the runner-up only.
func (e *Engine) SwingToFlip(sc Scenario) (SwingFlip, error) {
	base, err := e.Run(sc)
	if err != nil {
		return SwingFlip{}, err
	}
	f := SwingFlip{From: base.Winner, To: base.RunnerUp, Winner: base.Winner}
	if base.RunnerUp < 0 {
		return f, nil
	}
	var o Outcome
	try := func(pp float64) (bool, error) {
		s := sc
		s.Swings = append(append([]Swing(nil), sc.Swings...), Swing{Candidate: e.t.Candidates[f.To].ID, From: e.t.Candidates[f.From].ID, PP: pp})
		if err := e.Apply(s, &o); err != nil {
			return false, err
		}
		return o.Winner != f.From && !o.Tie, nil
	}
	ok, err := try(100)
	if err != nil || !ok {
		return f, err
	}
	lo, hi := 0.0, 100.0
	for hi-lo > 1e-4 {
		mid := (lo + hi) / 2
		ok, err := try(mid)
		if err != nil {
			return f, err
		}
		if ok {
			hi = mid
		} else {
			lo = mid
		}
	}
	if _, err := try(hi); err != nil {
		return f, err
	}
	f.Possible, f.PP, f.Winner, f.Clamped = true, hi, o.Winner, o.Clamped
	return f, nil
}

// FinalMargin returns the leader's final margin in votes when the
// runner-up takes share s of the remaining votes and the other candidates
// keep their counted share (the split taken from the leader, Split.From):
// Margin + Remaining·(1 − OthersShare − 2s). It is zero at Needed.
func (b BreakEven) FinalMargin(s float64) float64 {
	return float64(b.Margin) + float64(b.Remaining)*(1-b.OthersShare-2*s)
}

// MaxShare returns the largest share of the remaining votes the runner-up
// can take while the other candidates keep theirs: 1 − OthersShare.
func (b BreakEven) MaxShare() float64 { return 1 - b.OthersShare }

// RunnerUpShare returns the runner-up's share of the counted valid votes
// (after the scenario's changes).
func (b BreakEven) RunnerUpShare() float64 {
	if b.Counted <= 0 {
		return 0
	}
	// The top two hold Counted × (1 − others) and differ by Margin.
	return ((1-b.OthersShare)*float64(b.Counted) - float64(b.Margin)) / 2 / float64(b.Counted)
}
