package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// officialTotal returns the official valid total of the scenario, or 0.
func (rs *resolved) officialTotal() int64 {
	if rs.sc.ValidTotal > 0 {
		return rs.sc.ValidTotal
	}
	return rs.claimV
}

// imputePass fills o's imputed votes according to the missing-unit rule.
func (e *Engine) imputePass(rs *resolved, o *Outcome) error {
	sc := rs.sc
	o.CountedLeader, o.CountedRunnerUp, _ = e.leader(o.Counted)
	var countedValid int64
	for _, v := range o.Counted {
		countedValid += v
	}
	if sc.Missing == MissingNone {
		o.MissingUnits, o.MissingRegistered = 0, 0
		return nil
	}
	pools := e.pools(sc, o)
	o.countMissing(pools)
	if sc.Missing == MissingClaim {
		return e.imputeClaim(rs, o, countedValid)
	}
	method := e.remainingMethod(rs, o, len(pools) > 0)
	o.RemainingMethod, o.RemainingNote = method, sim.NewNote(method.Code(), e.t.UnitLevel)
	cs := e.cells(pools, rs.level, o)
	fixed, err := e.fixedRemaining(rs, o, method, countedValid)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		if fixed < 0 {
			return sim.Errorf(ErrNoMissing, "scenario.no-missing.expected", e.t.UnitLevel)
		}
		cs = []cell{{region: e.nr, units: -1, reg: -1}}
	}
	if fixed >= 0 {
		e.spreadFixed(cs, fixed, rs.minU, o)
	} else if err := e.estimateRemaining(cs, method, rs.minU, o); err != nil {
		return err
	}
	if err := e.fillCells(rs, o, cs); err != nil {
		return err
	}
	switch sc.Missing {
	case MissingLikeRegion:
		o.note("scenario.like-smallest-region", sim.Votes(rs.minU))
	case MissingWorstCase:
		o.note("scenario.worst-case", e.t.Candidates[o.CountedRunnerUp].Label())
	}
	if o.MissingRegistered >= 0 {
		var rem int64
		for _, v := range o.Imputed {
			rem += v
		}
		if rem > o.MissingRegistered {
			o.flag(FlagTurnoutAbove100, -1, rem-o.MissingRegistered, "scenario.turnout-above-100", sim.Votes(rem), sim.Votes(o.MissingRegistered), sim.Share(float64(rem)/float64(max(o.MissingRegistered, 1))))
		}
	}
	return nil
}

// countMissing sets o's missing units and registered voters from the
// pools (unknown when any pool's are, or when there is no pool).
func (o *Outcome) countMissing(pools []pool) {
	o.MissingUnits, o.MissingRegistered = 0, 0
	for _, p := range pools {
		if p.units < 0 {
			o.MissingUnits = sim.Unknown
		} else if o.MissingUnits >= 0 {
			o.MissingUnits += int64(math.Round(p.units))
		}
		if p.reg < 0 {
			o.MissingRegistered = sim.Unknown
		} else if o.MissingRegistered >= 0 {
			o.MissingRegistered += int64(math.Round(p.reg))
		}
	}
	if len(pools) == 0 {
		o.MissingUnits, o.MissingRegistered = sim.Unknown, sim.Unknown
	}
}

// remainingMethod returns the scenario's estimate of the remaining votes,
// choosing one when it says RemainingAuto: an official total when there
// is one, 100% turnout for the worst case, else the counted turnout when
// the missing registered voters are known (hasPools: from expectations),
// else the counted votes per unit.
func (e *Engine) remainingMethod(rs *resolved, o *Outcome, hasPools bool) Remaining {
	sc := rs.sc
	method := sc.Remaining
	if method != RemainingAuto {
		return method
	}
	switch {
	case rs.officialTotal() > 0:
		return RemainingOfficial
	case sc.Missing == MissingWorstCase:
		return RemainingFull
	case sc.Reported > 0:
		return RemainingUnits
	case o.MissingRegistered >= 0 && hasPools && e.hasRE:
		return RemainingTurnout
	}
	return RemainingUnits
}

// fixedRemaining returns the remaining valid votes when method fixes
// them in total (an official total, or the counted votes scaled up from
// the share reported), or -1 when they are estimated cell by cell.
func (e *Engine) fixedRemaining(rs *resolved, o *Outcome, method Remaining, countedValid int64) (int64, error) {
	sc := rs.sc
	switch method {
	case RemainingOfficial:
		official := rs.officialTotal()
		if official <= 0 {
			return -1, sim.Errorf(ErrScenario, "scenario.no-official-total", e.t.UnitLevel)
		}
		fixed := official - countedValid
		if fixed < 0 {
			o.flag(FlagNegativeRemaining, -1, fixed, "scenario.official-below-counted", sim.Votes(official), sim.Votes(-fixed), sim.Votes(countedValid))
			fixed = 0
		}
		return fixed, nil
	case RemainingUnits:
		if sc.Reported > 0 {
			o.RemainingNote = sim.NewNote("remaining.reported", e.t.UnitLevel, sim.Share(sc.Reported))
			return int64(math.Round(float64(countedValid)/sc.Reported)) - countedValid, nil
		}
	}
	return -1, nil
}

// spreadFixed spreads a fixed total of remaining votes over the cells by
// their expected size (m is the fewest counted units of a region whose
// votes per unit are used).
func (e *Engine) spreadFixed(cs []cell, fixed int64, m int64, o *Outcome) {
	byReg, byUnits := true, true
	for _, c := range cs {
		byReg = byReg && c.reg >= 0
		byUnits = byUnits && c.units >= 0
	}
	// Spread a fixed total by expected size: the missing registered
	// voters, else the missing units times the counted votes per
	// unit of their region (a big city's missing precincts hold
	// more votes than a village's).
	for k := range cs {
		switch {
		case byReg:
			cs[k].vol = cs[k].reg
		case byUnits:
			cs[k].vol = cs[k].units
			if res := e.result(e.shareRegion(cs[k].region, m)); res.Units > 0 && res.Valid > 0 {
				cs[k].vol = cs[k].units * float64(res.Valid) / float64(res.Units)
			}
		default:
			cs[k].vol = 1
		}
	}
	if len(cs) > 1 {
		switch {
		case byReg:
			o.note("scenario.remaining-spread.registered", sim.Votes(fixed))
		case byUnits:
			o.note("scenario.remaining-spread.units", sim.Votes(fixed))
		}
	}
	apportionCells(cs, fixed)
}

// estimateRemaining estimates each cell's remaining votes by method (m
// is the fewest counted units of a region whose turnout or votes per
// unit are used), never more than its registered voters, and
// apportions their total.
func (e *Engine) estimateRemaining(cs []cell, method Remaining, m int64, o *Outcome) error {
	var sum float64
	capped := false
	for k := range cs {
		c := &cs[k]
		switch method {
		case RemainingFull:
			if c.reg < 0 {
				return sim.Errorf(ErrNoMissing, "scenario.no-missing.full", e.t.UnitLevel)
			}
			c.vol = c.reg
		case RemainingTurnout:
			if c.reg < 0 {
				return sim.Errorf(ErrNoMissing, "scenario.no-missing.turnout", e.t.UnitLevel)
			}
			tr := e.turnoutRegion(c.region, m)
			reg := e.result(tr).Registered
			if reg <= 0 || !e.hasRE {
				return sim.Errorf(ErrNoMissing, "scenario.no-missing.counted-registered", e.t.UnitLevel)
			}
			c.vol = c.reg * float64(o.validRE[tr]) / float64(reg)
		case RemainingUnits:
			if c.units < 0 {
				return sim.Errorf(ErrNoMissing, "scenario.no-missing.units", e.t.UnitLevel)
			}
			sr := e.shareRegion(c.region, m)
			cu := e.result(sr).Units
			if cu > 0 {
				c.vol = c.units * float64(o.validOf(e, sr)) / float64(cu)
			}
		}
		if c.reg >= 0 && c.vol > c.reg {
			// Never more votes than registered voters.
			c.vol = c.reg
			capped = true
		}
		sum += c.vol
	}
	if capped {
		o.note("scenario.remaining-capped")
	}
	total := int64(math.Round(sum))
	if o.MissingRegistered >= 0 {
		total = min(total, o.MissingRegistered)
	}
	apportionCells(cs, total)
	return nil
}

// fillCells splits each cell's remaining votes between the candidates by
// the missing-unit rule and adds them to o's imputed votes.
func (e *Engine) fillCells(rs *resolved, o *Outcome, cs []cell) error {
	sc := rs.sc
	shares := o.scratchF[:e.nc]
	out := o.scratchI[:e.nc]
	switch sc.Missing {
	case MissingSplit:
		e.splitShares(rs, o, shares)
	case MissingWorstCase:
		clear(shares)
		if o.CountedRunnerUp < 0 {
			return fmt.Errorf("%w: the worst case needs two candidates", ErrScenario)
		}
		shares[o.CountedRunnerUp] = 1
	}
	for _, c := range cs {
		if sc.Missing == MissingLikeRegion {
			e.regionShares(o, e.shareRegion(c.region, rs.minU), shares)
		}
		roundShares(c.votes, shares, out)
		e.addImputed(o, c.region, out)
	}
	o.cells = append(o.cells, cs...)
	return nil
}

// regionShares sets shares to region sr's counted shares (equal shares
// when it has no votes).
func (e *Engine) regionShares(o *Outcome, sr int, shares []float64) {
	src := o.RegionCounted(regionOrNation(e, sr))
	var valid int64
	for _, v := range src {
		valid += v
	}
	for k, v := range src {
		if valid > 0 {
			shares[k] = float64(v) / float64(valid)
		} else {
			shares[k] = 1 / float64(e.nc)
		}
	}
}

// addImputed adds votes to region r, its ancestors and the nation.
func (e *Engine) addImputed(o *Outcome, r int, votes []int64) {
	nc := e.nc
	for a := r; a >= 0 && a < e.nr; a = e.parent(a) {
		for c, v := range votes {
			o.regImputed[a*nc+c] += v
		}
	}
	for c, v := range votes {
		o.Imputed[c] += v
	}
}

// apportionCells sets each cell's votes to its share of total by vol,
// largest remainder, ties to the earlier cell.
func apportionCells(cs []cell, total int64) {
	var sum float64
	for _, c := range cs {
		sum += max(c.vol, 0)
	}
	if sum <= 0 || total <= 0 {
		for k := range cs {
			cs[k].votes = 0
		}
		if total > 0 && len(cs) > 0 {
			cs[0].votes = total
		}
		return
	}
	var given int64
	type rem struct {
		k int
		r float64
	}
	rems := make([]rem, len(cs))
	for k := range cs {
		x := float64(total) * max(cs[k].vol, 0) / sum
		v := int64(math.Floor(x))
		cs[k].votes = v
		given += v
		rems[k] = rem{k, x - float64(v)}
	}
	left := total - given
	if left == 0 {
		return
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.r, a.r) })
	for i := 0; left > 0; i = (i + 1) % len(rems) {
		cs[rems[i].k].votes++
		left--
	}
	for i := len(rems) - 1; left < 0; i = (i - 1 + len(rems)) % len(rems) {
		if cs[rems[i].k].votes > 0 {
			cs[rems[i].k].votes--
			left++
		}
	}
}
