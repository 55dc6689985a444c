package scenario

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// resolved holds a scenario's names turned into indexes.
type resolved struct {
	sc *Scenario
	// unitShares are the units' shares (Engine.mcTables), when swings
	// need them.
	unitShares []float64
	swings     []rswing
	turn       rturn
	level      int
	minU       int64
	split      []float64 // shares of the remaining vote under MissingSplit
	// splitCand and splitFrom index Split.Candidate and Split.From (-1:
	// none) under MissingSplit.
	splitCand, splitFrom int
	claim                []int64 // claimed votes per candidate (others spread) under MissingClaim
	claimV               int64   // claimed valid total, or 0
	// claimNamed marks the candidates the claim names; the rest form the
	// "others" group.
	claimNamed  []bool
	claimOthers int64 // claimed total of the unnamed candidates, or -1
}

type rswing struct {
	cand, from int
	pp         float64
	kind       SwingKind
	region     int // -1: everywhere
	// factor is the proportional factor for Proportional swings.
	factor float64
}

type rturn struct {
	pp, factor float64
	region     int
	active     bool
}

// resolve turns sc's names (candidates, levels, regions) into indexes.
func (e *Engine) resolve(sc *Scenario) (*resolved, error) {
	rs := &resolved{sc: sc, minU: int64(sc.MinUnits), splitCand: -1, splitFrom: -1}
	if rs.minU == 0 {
		rs.minU = DefaultMinUnits
	}
	if err := e.resolveLevel(rs); err != nil {
		return nil, err
	}
	if err := e.resolveSwings(rs); err != nil {
		return nil, err
	}
	if err := e.resolveTurnout(rs); err != nil {
		return nil, err
	}
	if sc.Missing == MissingSplit {
		if err := e.resolveSplit(rs); err != nil {
			return nil, err
		}
	}
	if sc.Claim != nil {
		if err := e.resolveClaim(rs); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

func (e *Engine) resolveLevel(rs *resolved) error {
	t := e.t
	rs.level = 0
	if name := rs.sc.Level; name != "" {
		l, err := t.LevelIndex(name)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrScenario, err)
		}
		if l >= len(t.Levels) {
			l = len(t.Levels) - 1
		}
		rs.level = l
	}
	if len(t.Levels) == 0 {
		rs.level = -1
	}
	return nil
}

func (e *Engine) resolveSwings(rs *resolved) error {
	t := e.t
	for _, s := range rs.sc.Swings {
		c, err := t.Candidate(s.Candidate)
		if err != nil {
			return fmt.Errorf("%w: swing: %w", ErrScenario, err)
		}
		w := rswing{cand: c, from: -1, pp: s.PP, kind: s.Kind, region: -1}
		if s.From != "" {
			f, err := t.Candidate(s.From)
			if err != nil {
				return fmt.Errorf("%w: swing: %w", ErrScenario, err)
			}
			if f == c {
				return fmt.Errorf("%w: a swing moves votes from %s to itself", ErrScenario, t.Candidates[c].ID)
			}
			w.from = f
		}
		if s.Region != "" {
			r, err := e.FindRegion(s.Level, s.Region)
			if err != nil {
				return err
			}
			w.region = r
		}
		if s.Kind == Proportional {
			res := e.result(w.region)
			share := res.Share(c, sim.OfValid)
			if share <= 0 {
				return fmt.Errorf("%w: a proportional swing needs %s to have votes", ErrScenario, t.Candidates[c].ID)
			}
			w.factor = max((share+s.PP/100)/share, 0)
		}
		rs.swings = append(rs.swings, w)
	}
	if len(rs.swings) > 0 {
		_, rs.unitShares = e.mcTables()
	}
	return nil
}

func (e *Engine) resolveTurnout(rs *resolved) error {
	tu := rs.sc.Turnout
	if tu.IsZero() {
		return nil
	}
	f := tu.Factor
	if f == 0 {
		f = 1
	}
	rs.turn = rturn{pp: tu.PP, factor: f, region: -1, active: true}
	if tu.Region != "" {
		r, err := e.FindRegion(tu.Level, tu.Region)
		if err != nil {
			return err
		}
		rs.turn.region = r
	}
	return nil
}

// resolveSplit fixes the split's shares when they do not depend on the
// counted votes (Split.Rest given); otherwise splitShares fills them in
// from the counted votes after the changes.
func (e *Engine) resolveSplit(rs *resolved) error {
	t, sp := e.t, rs.sc.Split
	rs.split = make([]float64, e.nc)
	c, err := t.Candidate(sp.Candidate)
	if err != nil {
		return fmt.Errorf("%w: split: %w", ErrScenario, err)
	}
	rs.splitCand = c
	rs.split[c] = sp.Share
	if sp.From != "" {
		f, err := t.Candidate(sp.From)
		if err != nil {
			return fmt.Errorf("%w: split: %w", ErrScenario, err)
		}
		if f == c {
			return fmt.Errorf("%w: split: %s takes the votes from itself", ErrScenario, t.Candidates[c].ID)
		}
		rs.splitFrom = f
		return nil
	}
	if len(sp.Rest) == 0 {
		return nil
	}
	rest := make([]float64, e.nc)
	var sum float64
	for _, r := range sp.Rest {
		k, err := t.Candidate(r.Candidate)
		if err != nil {
			return fmt.Errorf("%w: split: %w", ErrScenario, err)
		}
		if k == c {
			return fmt.Errorf("%w: split: %s is both the chosen candidate and in the rest", ErrScenario, t.Candidates[c].ID)
		}
		rest[k] += r.Share
		sum += r.Share
	}
	if sum == 0 {
		return fmt.Errorf("%w: split: the rest has no shares", ErrScenario)
	}
	for k := range rest {
		rs.split[k] += (1 - sp.Share) * rest[k] / sum
	}
	return nil
}

// splitShares writes the shares of the remaining votes under
// MissingSplit into shares: Split.Share to the chosen candidate, and the
// rest as Split.Rest says, or taken from Split.From, or split like the
// counted votes after the changes (o.Counted).
//
// With From, every other candidate keeps its share of the counted valid
// vote and From gets what is left: the rule of BreakEven, so that the
// runner-up ties at BreakEven.Needed with From the leader. When the chosen
// candidate takes more than the others leave, From gets nothing and the
// others share the rest in proportion to their counted votes (a note says
// so).
func (e *Engine) splitShares(rs *resolved, o *Outcome, shares []float64) {
	sp := rs.sc.Split
	copy(shares, rs.split)
	c, f := rs.splitCand, rs.splitFrom
	if len(sp.Rest) > 0 {
		return
	}
	var valid, rest int64
	for k, v := range o.Counted {
		valid += v
		if k != c && k != f {
			rest += v
		}
	}
	if f < 0 {
		// Everybody but the chosen candidate, like the counted votes.
		rest = valid - o.Counted[c]
		for k, v := range o.Counted {
			switch {
			case k == c:
			case rest > 0:
				shares[k] = (1 - sp.Share) * float64(v) / float64(rest)
			default:
				shares[k] = (1 - sp.Share) / float64(e.nc-1)
			}
		}
		return
	}
	left := 1 - sp.Share
	keep := 0.0
	if valid > 0 {
		keep = float64(rest) / float64(valid)
	}
	scale := 1.0
	if keep > left {
		scale = left / keep
		o.note("scenario.split-exceeds", sim.Share(sp.Share), e.t.Candidates[c].ID, sim.Share(keep), e.t.Candidates[f].ID)
	}
	for k, v := range o.Counted {
		if k != c && k != f && valid > 0 {
			shares[k] = scale * float64(v) / float64(valid)
		}
	}
	shares[f] = max(0, left-keep*scale)
}

func (e *Engine) resolveClaim(rs *resolved) error {
	t, cl := e.t, rs.sc.Claim
	rs.claimNamed = make([]bool, e.nc)
	rs.claim = make([]int64, e.nc)
	rs.claimOthers = -1
	var sum int64
	for _, v := range cl.Votes {
		if isOthers(v.Candidate) {
			if rs.claimOthers >= 0 {
				return fmt.Errorf("%w: claim names the others twice", ErrScenario)
			}
			rs.claimOthers = v.Votes
			sum += v.Votes
			continue
		}
		k, err := t.Candidate(v.Candidate)
		if err != nil {
			return fmt.Errorf("%w: claim: %w", ErrScenario, err)
		}
		if rs.claimNamed[k] {
			return fmt.Errorf("%w: claim names %s twice", ErrScenario, t.Candidates[k].ID)
		}
		rs.claimNamed[k] = true
		rs.claim[k] = v.Votes
		sum += v.Votes
	}
	all := true
	for _, n := range rs.claimNamed {
		all = all && n
	}
	switch {
	case cl.Valid > 0:
		rs.claimV = cl.Valid
		if rs.claimOthers < 0 && !all {
			rs.claimOthers = cl.Valid - sum
		}
	case rs.claimOthers >= 0 || all:
		rs.claimV = sum
	}
	if all && rs.claimOthers < 0 {
		rs.claimOthers = 0
	}
	if rs.sc.Missing == MissingClaim && rs.claimV == 0 {
		return fmt.Errorf("%w: the claim gives neither every candidate, nor the others, nor a valid total", ErrScenario)
	}
	return nil
}

func isOthers(s string) bool {
	switch sim.Fold(s) {
	case "others", "other", "otros", "rest":
		return true
	}
	return false
}
