package scenario

import (
	"cmp"
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
	order, parentOf, kids := e.expectationTree(exps)
	nodes := make([]poolNode, len(exps))
	for i, x := range exps {
		nodes[i] = e.poolNode(x, exps, kids[i], o)
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
				o.note("scenario.average-registered", e.regionName(x.Region))
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
				o.note("scenario.registered-spread", e.regionName(x.Region))
			}
		}
		out[i] = pool{region: x.Region, units: n.ownUnits, reg: own}
	}
	if e.unknownRE > 0 && e.hasRE {
		o.note("scenario.registered-estimated", sim.UnitCount(e.unknownRE), sim.Votes(int64(e.regEstRE[e.nr]+0.5)))
	}
	return out
}

func (e *Engine) regionName(r int) sim.Place {
	if r < 0 || r >= e.nr {
		return ""
	}
	reg := e.t.Regions[r]
	n := reg.Name
	if n == "" {
		n = reg.Key
	}
	return sim.Place(n)
}

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
		code := "scenario.units-spread.registered"
		if !e.hasRE {
			code = "scenario.units-spread.units"
		}
		o.note(code, sim.Levels(e.t.Levels[L]))
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

// expectationTree returns the order in which the expectations exps are
// shared out (shallowest first, so that a parent's total is known before
// its children share it; ties keep the tally's order), each one's parent
// (the nearest enclosing region with an expectation, or -1) and its
// children.
func (e *Engine) expectationTree(exps []sim.Expectation) (order, parentOf []int, kids [][]int) {
	order = make([]int, len(exps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(e.level(exps[a].Region), e.level(exps[b].Region)) })
	pos := make(map[int]int, len(exps)) // region -> index in exps
	for i, x := range exps {
		pos[x.Region] = i
	}
	parentOf = make([]int, len(exps))
	kids = make([][]int, len(exps))
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
	return order, parentOf, kids
}

// poolNode is what an expectation says of the missing units in its
// region.
type poolNode struct {
	ownUnits float64 // missing units owned by the pool, or -1
	subUnits float64 // missing units in the whole subtree, or -1
	subReg   float64 // missing registered voters in the subtree, or -1
}

// poolNode returns the missing units and registered voters that
// expectation x implies, kids being its children in exps, and flags an
// expectation below what was counted.
func (e *Engine) poolNode(x sim.Expectation, exps []sim.Expectation, kids []int, o *Outcome) poolNode {
	cu := float64(e.result(x.Region).Units)
	n := poolNode{ownUnits: -1, subUnits: -1, subReg: -1}
	if x.Units > 0 {
		n.subUnits = float64(x.Units) - cu
		own := n.subUnits
		for _, k := range kids {
			y := exps[k]
			if y.Units > 0 {
				own -= float64(y.Units) - float64(e.result(y.Region).Units)
			}
		}
		if n.subUnits < 0 {
			o.flag(FlagMoreThanExpected, -1, int64(-n.subUnits), "scenario.more-units-than-expected", sim.Votes(int64(-n.subUnits)), sim.Votes(x.Units), e.regionName(x.Region))
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
				o.flag(FlagMoreThanExpected, -1, int64(-n.subReg+0.5), "scenario.more-registered-than-expected", sim.Votes(int64(-n.subReg+0.5)), sim.Votes(x.Registered), e.regionName(x.Region))
				n.subReg = 0
			}
		case x.Units > 0:
			n.subReg = float64(x.Registered) * n.subUnits / float64(x.Units)
			o.note("scenario.registered-by-share", e.regionName(x.Region), sim.Votes(int64(n.subReg+0.5)), sim.Share(n.subUnits/float64(x.Units)), sim.Votes(x.Registered))
		}
	}
	return n
}
