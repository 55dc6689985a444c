package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// pool is a set of missing units known only in total for one region (nr
// for the nation): expected minus counted, net of the regions inside it
// that have their own expectation.
type pool struct {
	region int
	// units and reg are the missing units and registered voters, or -1.
	units, reg float64
}

// cell is the part of a pool placed in one region.
type cell struct {
	region     int
	units, reg float64
	vol        float64
	votes      int64
}

// expectations returns the tally's expectations with the scenario's
// national overrides, region -1 turned into nr.
func (e *Engine) expectations(sc *Scenario) []sim.Expectation {
	var out []sim.Expectation
	hasNat := false
	for _, x := range e.t.Expected {
		if x.Region < 0 {
			x.Region = e.nr
			hasNat = true
			if sc.RegisteredTotal > 0 {
				x.Registered = sc.RegisteredTotal
			}
			if sc.UnitsTotal > 0 {
				x.Units = sc.UnitsTotal
			}
		}
		out = append(out, x)
	}
	if !hasNat && (sc.RegisteredTotal > 0 || sc.UnitsTotal > 0) {
		out = append(out, sim.Expectation{Region: e.nr, Registered: sc.RegisteredTotal, Units: sc.UnitsTotal})
	}
	return out
}

// level returns the depth of region r, -1 for the nation.
func (e *Engine) level(r int) int {
	if r >= e.nr || r < 0 {
		return -1
	}
	return e.depth[r]
}

// parent returns r's parent, nr for a top-level region, -1 above nation.
func (e *Engine) parent(r int) int {
	if r >= e.nr {
		return -1
	}
	if p := e.t.Regions[r].Parent; p >= 0 {
		return p
	}
	return e.nr
}

// countedRE is region r's counted registered voters, estimated where
// unknown, or -1 when no registered voters are known at all.
func (e *Engine) countedRE(r int) float64 {
	if !e.hasRE {
		return -1
	}
	return e.regWeight[r]
}

// pools turns the expectations into pools of missing units. Each
// expectation owns the missing units of its region that are not inside a
// smaller region with its own expectation. Missing registered voters known
// only in total at some level are distributed over the pools below it in
// proportion to their missing units.
func (e *Engine) pools(sc *Scenario, o *Outcome) []pool {
	exps := e.expectations(sc)
	if len(exps) == 0 {
		return nil
	}
	// Shallowest first, so that a parent's total is known before its
	// children share it; ties keep the tally's order.
	order := make([]int, len(exps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(e.level(exps[a].Region), e.level(exps[b].Region)) })
	pos := make(map[int]int, len(exps)) // region -> index in exps
	for i, x := range exps {
		pos[x.Region] = i
	}
	parentOf := make([]int, len(exps))
	kids := make([][]int, len(exps))
	for i, x := range exps {
		parentOf[i] = -1
		for a := e.parent(x.Region); a >= 0; a = e.parent(a) {
			if j, ok := pos[a]; ok {
				parentOf[i] = j
				kids[j] = append(kids[j], i)
				break
			}
		}
	}
	type node struct {
		ownUnits float64 // missing units owned by the pool, or -1
		subUnits float64 // missing units in the whole subtree, or -1
		subReg   float64 // missing registered voters in the subtree, or -1
	}
	nodes := make([]node, len(exps))
	for i, x := range exps {
		cu := float64(e.result(x.Region).Units)
		n := node{ownUnits: -1, subUnits: -1, subReg: -1}
		if x.Units > 0 {
			n.subUnits = float64(x.Units) - cu
			own := n.subUnits
			for _, k := range kids[i] {
				y := exps[k]
				if y.Units > 0 {
					own -= float64(y.Units) - float64(e.result(y.Region).Units)
				}
			}
			if n.subUnits < 0 {
				o.flag(FlagMoreThanExpected, -1, int64(-n.subUnits), "the data holds %s more %ss than the %s expected in %s", Thousands(int64(-n.subUnits)), e.unitWord(), Thousands(x.Units), e.regionName(x.Region))
				n.subUnits = 0
			}
			n.ownUnits = max(own, 0)
		}
		if x.Registered > 0 {
			cre := e.countedRE(x.Region)
			switch {
			case cre >= 0:
				n.subReg = float64(x.Registered) - cre
				if n.subReg < 0 {
					o.flag(FlagMoreThanExpected, -1, int64(-n.subReg+0.5), "the counted %ss have %s more registered voters than the %s expected in %s", e.unitWord(), Thousands(int64(-n.subReg+0.5)), Thousands(x.Registered), e.regionName(x.Region))
					n.subReg = 0
				}
			case x.Units > 0:
				n.subReg = float64(x.Registered) * n.subUnits / float64(x.Units)
				o.note("no registered voters are known per %s, so the missing %ss of %s are given %s registered voters, %s of its %s, their share of its %ss", e.unitWord(), e.unitWord(), e.regionName(x.Region), Thousands(int64(n.subReg+0.5)), pct(n.subUnits/float64(x.Units)), Thousands(x.Registered), e.unitWord())
			}
		}
		nodes[i] = n
	}
	out := make([]pool, len(exps))
	for _, i := range order {
		n := &nodes[i]
		x := exps[i]
		if n.subReg < 0 && parentOf[i] < 0 && n.subUnits >= 0 && e.hasRE {
			// No total anywhere above: the counted average per unit.
			res := e.result(x.Region)
			if res.RegisteredUnits > 0 {
				n.subReg = n.subUnits * float64(res.Registered) / float64(res.RegisteredUnits)
				o.note("the missing %ss of %s are given the counted average of registered voters per %s", e.unitWord(), e.regionName(x.Region), e.unitWord())
			}
		}
		// Share this subtree's missing registered voters: children that
		// know their own keep them; the rest is split between this pool
		// and the children that do not, by missing units.
		own := n.subReg
		if n.subReg >= 0 {
			var known float64
			var pending []int
			for _, k := range kids[i] {
				if nodes[k].subReg >= 0 {
					known += nodes[k].subReg
				} else {
					pending = append(pending, k)
				}
			}
			left := max(n.subReg-known, 0)
			w := max(n.ownUnits, 0)
			for _, k := range pending {
				w += max(nodes[k].subUnits, 0)
			}
			own = left
			if w > 0 && len(pending) > 0 {
				own = left * max(n.ownUnits, 0) / w
				for _, k := range pending {
					nodes[k].subReg = left * max(nodes[k].subUnits, 0) / w
				}
				o.note("missing registered voters known only for %s are distributed over the regions inside it in proportion to their missing %ss", e.regionName(x.Region), e.unitWord())
			}
		}
		out[i] = pool{region: x.Region, units: n.ownUnits, reg: own}
	}
	if e.unknownRE > 0 && e.hasRE {
		o.note("%d counted %s(s) have no registered voters; theirs (%s) are estimated from their votes and the turnout where registered voters are known", e.unknownRE, e.unitWord(), Thousands(int64(e.regEstRE[e.nr]+0.5)))
	}
	return out
}

func (e *Engine) regionName(r int) string {
	if r < 0 || r >= e.nr {
		if len(e.t.Levels) == 0 {
			return "the tally"
		}
		return "the nation"
	}
	reg := e.t.Regions[r]
	n := reg.Name
	if n == "" {
		n = reg.Key
	}
	return n
}

func pct(f float64) string { return fmt.Sprintf("%.2f%%", 100*f) }

// cells spreads each pool over the regions at level L (when the pool is
// above it), in proportion to their counted registered voters (or counted
// units when none are known).
func (e *Engine) cells(pools []pool, L int, o *Outcome) []cell {
	var out []cell
	spread := false
	for _, p := range pools {
		if L < 0 || e.level(p.region) >= L {
			out = append(out, cell{region: p.region, units: p.units, reg: p.reg})
			continue
		}
		var sum float64
		start := len(out)
		for _, d := range e.agg.Level(L) {
			if p.region < e.nr && !e.within(d, p.region) {
				continue
			}
			w := e.regWeight[d]
			if w <= 0 {
				continue
			}
			sum += w
			out = append(out, cell{region: d, units: w})
		}
		if sum <= 0 {
			out = append(out[:start], cell{region: p.region, units: p.units, reg: p.reg})
			continue
		}
		spread = true
		for k := start; k < len(out); k++ {
			f := out[k].units / sum
			out[k].units, out[k].reg = scaleKnown(p.units, f), scaleKnown(p.reg, f)
		}
	}
	if spread {
		basis := "counted registered voters"
		if !e.hasRE {
			basis = "counted " + e.unitWord() + "s"
		}
		o.note("missing %ss known only in total are spread over the %ss in proportion to their %s", e.unitWord(), e.t.Levels[L], basis)
	}
	return out
}

func scaleKnown(v, f float64) float64 {
	if v < 0 {
		return -1
	}
	return v * f
}

// shareRegion returns the smallest region enclosing r (r itself first)
// with at least m counted units, or nr.
func (e *Engine) shareRegion(r int, m int64) int {
	for ; r >= 0 && r < e.nr; r = e.parent(r) {
		if e.agg.Units(r) >= m {
			return r
		}
	}
	return e.nr
}

// turnoutRegion returns the smallest region enclosing r with at least m
// counted units whose registered voters are known, or nr.
func (e *Engine) turnoutRegion(r int, m int64) int {
	for ; r >= 0 && r < e.nr; r = e.parent(r) {
		if res := e.agg.Result(r); res.RegisteredUnits >= m && res.Registered > 0 {
			return r
		}
	}
	return e.nr
}

func (o *Outcome) validOf(e *Engine, r int) int64 {
	var s int64
	for _, v := range o.RegionCounted(regionOrNation(e, r)) {
		s += v
	}
	return s
}

func regionOrNation(e *Engine, r int) int {
	if r >= e.nr {
		return -1
	}
	return r
}

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
	o.CountedLeader, o.CountedRunnerUp, _ = leader(o.Counted)
	var countedValid int64
	for _, v := range o.Counted {
		countedValid += v
	}
	if sc.Missing == MissingNone {
		o.MissingUnits, o.MissingRegistered = 0, 0
		return nil
	}
	pools := e.pools(sc, o)
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
	if sc.Missing == MissingClaim {
		return e.imputeClaim(rs, o, countedValid)
	}
	method := sc.Remaining
	official := rs.officialTotal()
	if method == RemainingAuto {
		switch {
		case official > 0:
			method = RemainingOfficial
		case sc.Missing == MissingWorstCase:
			method = RemainingFull
		case sc.Reported > 0:
			method = RemainingUnits
		case o.MissingRegistered >= 0 && len(pools) > 0 && e.hasRE:
			method = RemainingTurnout
		default:
			method = RemainingUnits
		}
	}
	o.RemainingMethod, o.RemainingText = method, method.Describe()
	cs := e.cells(pools, rs.level, o)
	fixed := int64(-1)
	switch method {
	case RemainingOfficial:
		if official <= 0 {
			return fmt.Errorf("%w: the official estimate of the remaining votes needs an official valid total", ErrScenario)
		}
		fixed = official - countedValid
		if fixed < 0 {
			o.flag(FlagNegativeRemaining, -1, fixed, "the official valid total %s is %s below the %s counted valid votes", Thousands(official), Thousands(-fixed), Thousands(countedValid))
			fixed = 0
		}
	case RemainingUnits:
		if sc.Reported > 0 {
			fixed = int64(math.Round(float64(countedValid)/sc.Reported)) - countedValid
			o.RemainingText = fmt.Sprintf("the counted votes scaled to 100%% from the %s reported", pct(sc.Reported))
		}
	}
	if len(cs) == 0 {
		if fixed < 0 {
			return fmt.Errorf("%w: give the expected registered voters or units (--registered-total, --units-total), or an official total", ErrNoMissing)
		}
		cs = []cell{{region: e.nr, units: -1, reg: -1}}
	}
	m := rs.minU
	if fixed >= 0 {
		// Spread a fixed total by registered voters, else units.
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
				o.note("the %s remaining votes are spread over the regions in proportion to their missing registered voters", Thousands(fixed))
			case byUnits:
				o.note("the %s remaining votes are spread over the regions in proportion to their missing %s times the counted votes per %s there", Thousands(fixed), e.unitsWord(), e.unitWord())
			}
		}
		apportionCells(cs, fixed)
	} else {
		var sum float64
		capped := false
		for k := range cs {
			c := &cs[k]
			switch method {
			case RemainingFull:
				if c.reg < 0 {
					return fmt.Errorf("%w: 100%% turnout needs the missing units' registered voters (--registered-total)", ErrNoMissing)
				}
				c.vol = c.reg
			case RemainingTurnout:
				if c.reg < 0 {
					return fmt.Errorf("%w: the turnout estimate needs the missing units' registered voters (--registered-total)", ErrNoMissing)
				}
				tr := e.turnoutRegion(c.region, m)
				reg := e.result(tr).Registered
				if reg <= 0 || !e.hasRE {
					return fmt.Errorf("%w: the turnout estimate needs counted units with registered voters", ErrNoMissing)
				}
				c.vol = c.reg * float64(o.validRE[tr]) / float64(reg)
			case RemainingUnits:
				if c.units < 0 {
					return fmt.Errorf("%w: the per-unit estimate needs the number of missing units (--units-total)", ErrNoMissing)
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
			o.note("the remaining votes are capped at the missing %ss' registered voters where the estimate exceeded them", e.unitWord())
		}
		total := int64(math.Round(sum))
		if o.MissingRegistered >= 0 {
			total = min(total, o.MissingRegistered)
		}
		apportionCells(cs, total)
	}
	// Shares for each cell.
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
			sr := e.shareRegion(c.region, m)
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
		roundShares(c.votes, shares, out)
		e.addImputed(o, c.region, out)
	}
	o.cells = append(o.cells, cs...)
	switch sc.Missing {
	case MissingLikeRegion:
		o.note("the missing %ss vote like the smallest region around them with at least %d counted %ss", e.unitWord(), m, e.unitWord())
	case MissingWorstCase:
		o.note("every remaining vote goes to %s, the counted runner-up", e.t.Candidates[o.CountedRunnerUp].Label())
	}
	if o.MissingRegistered >= 0 {
		var rem int64
		for _, v := range o.Imputed {
			rem += v
		}
		if rem > o.MissingRegistered {
			o.flag(FlagTurnoutAbove100, -1, rem-o.MissingRegistered, "the missing %ss would need %s valid votes from %s registered voters, a turnout of %s", e.unitWord(), Thousands(rem), Thousands(o.MissingRegistered), pct(float64(rem)/float64(max(o.MissingRegistered, 1))))
		}
	}
	return nil
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

// imputeClaim sets the imputed votes to the claim minus the counted votes
// and flags what is impossible.
func (e *Engine) imputeClaim(rs *resolved, o *Outcome, countedValid int64) error {
	sc := rs.sc
	t := e.t
	o.RemainingMethod = RemainingOfficial
	o.RemainingText = "the claimed valid total minus the counted valid votes"
	label := sc.Claim.Label
	if label == "" {
		label = "the claim"
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
			o.note("%s gives the other candidates only as a group; their missing votes are split in proportion to their counted votes", label)
		}
		if g < 0 {
			o.flag(FlagNegativeVotes, -1, g, "the other candidates together would need %s votes in the missing %ss: %s says %s for them, but the counted %ss already hold %s", Thousands(g), e.unitWord(), label, Thousands(rs.claimOthers), e.unitWord(), Thousands(unnamedCounted))
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
			o.flag(FlagNegativeVotes, c, v, "%s would need %s votes in the missing %ss: %s says %s, but the counted %ss already give %s", name, Thousands(v), e.unitWord(), label, Thousands(rs.claim[c]), e.unitWord(), Thousands(o.Counted[c]))
		} else if v > 0 && v > rem {
			share := "more than all of them"
			if rem > 0 {
				share = pct(float64(v) / float64(rem))
			}
			o.flag(FlagShareAbove100, c, v-rem, "%s would need %s votes in the missing %ss, %s of the %s remaining valid votes", name, Thousands(v), e.unitWord(), share, Thousands(rem))
		}
	}
	if rem < 0 {
		o.flag(FlagNegativeRemaining, -1, rem, "%s's valid total %s is %s below the %s counted valid votes", label, Thousands(rs.claimV), Thousands(-rem), Thousands(countedValid))
	}
	capacity := o.MissingRegistered
	if sc.Claim.Reported > 0 && sc.Claim.Reported < 1 && o.MissingRegistered >= 0 && o.CountedRegistered >= 0 {
		capacity = int64(math.Round(float64(o.CountedRegistered+o.MissingRegistered)*sc.Claim.Reported)) - o.CountedRegistered
		o.note("%s covers %s of the %ss, so its missing %ss hold at most %s registered voters", label, pct(sc.Claim.Reported), e.unitWord(), e.unitWord(), Thousands(max(capacity, 0)))
	}
	if capacity >= 0 && rem > capacity {
		o.flag(FlagTurnoutAbove100, -1, rem-capacity, "the missing %ss would need %s valid votes from at most %s registered voters", e.unitWord(), Thousands(rem), Thousands(max(capacity, 0)))
	}
	o.note("%s is national, so the missing votes it implies are not placed in regions", label)
	return nil
}
