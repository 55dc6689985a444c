package scenario

import (
	"math"

	"github.com/tallyscope/tallyscope/sim"
)

// projUnit is a missing unit as the model sees it.
type projUnit struct {
	path       []int32 // region per level, -1 unknown
	registered float64 // or -1
	baseTwo    float64 // baseline two-party votes, or -1
	baseMargin float64
	baseValid  float64
	vol        float64 // fixed volume (cells), or -1 to predict
	region     int     // innermost known region, or nr
}

// lenMissing returns the number of baseline units that match no counted
// unit (0 without a baseline).
func lenMissing(bj *baselineJoin) int {
	if bj == nil {
		return 0
	}
	return len(bj.missing)
}

// appendPath appends the regions of innermost region r at every level.
func (e *Engine) appendPath(dst []int32, r int) []int32 {
	L := len(e.t.Levels)
	start := len(dst)
	for l := 0; l < L; l++ {
		dst = append(dst, -1)
	}
	for r >= 0 && r < e.nr {
		dst[start+e.depth[r]] = int32(r)
		r = e.t.Regions[r].Parent
	}
	return dst
}

// wholeUnits returns the whole number of missing units of each of base's
// cells (in counts[k].votes), by largest remainder so that they add up to
// the pools' total, and whether every cell's number is known.
func wholeUnits(base *Outcome) (counts []cell, known bool) {
	counts = make([]cell, len(base.cells))
	known = true
	var unitSum float64
	for k, c := range base.cells {
		counts[k].vol = c.units
		known = known && c.units >= 0
		unitSum += max(c.units, 0)
	}
	if known {
		apportionCells(counts, int64(math.Round(unitSum)))
	}
	return counts, known
}

// cellUnits turns the pools of missing units known only by number into
// units of equal volume, as the like-region rule places them.
func (e *Engine) cellUnits(base *Outcome, m *MonteCarlo) []projUnit {
	var out []projUnit
	counts, known := wholeUnits(base)
	for k, c := range base.cells {
		if c.votes <= 0 {
			continue
		}
		n := counts[k].votes
		if !known || n <= 0 {
			res := e.result(c.region)
			if res.Units > 0 && res.Valid > 0 {
				n = int64(math.Round(float64(c.votes) / (float64(res.Valid) / float64(res.Units))))
			}
			n = max(n, 1)
			m.note("mc.units-estimated")
		}
		path := e.appendPath(nil, c.region)
		reg := -1.0
		if c.reg > 0 {
			reg = c.reg / float64(n)
		}
		vol := float64(c.votes) / float64(n)
		for j := int64(0); j < n; j++ {
			out = append(out, projUnit{path: path, registered: reg, baseTwo: -1, vol: vol, region: c.region})
		}
	}
	return out
}

// identityUnits lists the missing units known one by one.
func (e *Engine) identityUnits(in Inputs, bj *baselineJoin) []projUnit {
	var out []projUnit
	add := func(u *sim.Unit, region int, bi int) {
		p := projUnit{path: e.appendPath(nil, region), registered: -1, baseTwo: -1, vol: -1, region: region}
		if region < 0 {
			p.region = e.nr
		}
		if u.Registered > 0 {
			p.registered = float64(u.Registered)
		}
		if bj != nil && bi >= 0 {
			p.baseTwo, p.baseMargin, p.baseValid = bj.two[bi], bj.margin[bi], bj.valid[bi]
		}
		out = append(out, p)
	}
	if len(in.Missing) > 0 {
		for i := range in.Missing {
			u := &in.Missing[i]
			bi := -1
			if bj != nil {
				bi = bj.missingIdx[i]
			}
			add(u, u.Region, bi)
		}
		return out
	}
	for _, bi := range bj.missing {
		u := &bj.b.Units[bi]
		add(u, bj.region[bi], bi)
	}
	return out
}

// missingBuilder turns the missing units into the simulation's units:
// each one's prediction, its shock group, the resampling pool its noise
// comes from and the others group that splits its non-leading vote.
type missingBuilder struct {
	e    *Engine
	cal  *calibrated
	fit  *countedFit
	base *Outcome
	a, b int
	minU int64
	// groupOf numbers the regions at the shock level in the order the
	// units meet them; groups lists them.
	groupOf map[int32]int32
	groups  []int32
	// pools holds each pool's span in cal.pairs and poolIdx its index in
	// cal.poolSD, by depth, size class and whether its residuals are
	// in-sample.
	pools   map[[3]int][2]int32
	poolIdx map[[3]int]int32
	// ogOf numbers the others groups by their share region.
	ogOf map[int]int32
	// volSum is the missing units' predicted volume.
	volSum float64
}

func newMissingBuilder(e *Engine, cal *calibrated, fit *countedFit, base *Outcome, a, b int, minU int64) *missingBuilder {
	return &missingBuilder{
		e: e, cal: cal, fit: fit, base: base, a: a, b: b, minU: minU,
		groupOf: map[int32]int32{},
		pools:   map[[3]int][2]int32{},
		poolIdx: map[[3]int]int32{},
		ogOf:    map[int]int32{},
	}
}

// add predicts missing unit mu and appends it to the simulation's units.
func (mb *missingBuilder) add(mu *projUnit) {
	e, f, cal, base := mb.e, mb.fit, mb.cal, mb.base
	a, b, k, nc := mb.a, mb.b, f.k, e.nc
	x, own := f.covariates(mu)
	pm, dm, vol := f.predict(mu, x[:k])
	mb.volSum += vol
	gi := mb.shockGroup(mu)
	cls := sizeClasses // every size
	if own && k > 0 {
		cls = f.classes.class(x[:k])
	}
	span, pool := mb.pool(dm, cls)
	sr := e.shareRegion(mu.region, mb.minU)
	og := mb.othersGroup(sr)
	two := cal.ogShare[int(og)*(nc+1)+nc]
	if f.useBase && mu.baseTwo <= 0 {
		// No past to start from: the region's counted margin.
		src := base.RegionCounted(regionOrNation(e, sr))
		if s := float64(src[a] + src[b]); s > 0 {
			pm = float64(src[a]-src[b]) / s
		}
	}
	u := calUnit{m: pm, v: vol, two: two, lo: span[0], n: span[1], g: gi, og: og, pool: pool}
	if k > 0 {
		u.x0 = x[0] - f.hm.xMean[0]
	}
	if k > 1 {
		u.x1 = x[1] - f.hm.xMean[1]
	}
	cal.units = append(cal.units, u)
	cal.paths = append(cal.paths, mu.path...)
}

// shockGroup returns the index of mu's region at the shock level, or -1.
func (mb *missingBuilder) shockGroup(mu *projUnit) int32 {
	sl := mb.cal.shockLevel
	g := int32(-1)
	if sl >= 0 && sl < len(mb.e.t.Levels) {
		g = mu.path[sl]
	}
	if g < 0 {
		return -1
	}
	s, ok := mb.groupOf[g]
	if !ok {
		s = int32(len(mb.groups))
		mb.groupOf[g] = s
		mb.groups = append(mb.groups, g)
	}
	return s
}

// pool returns the span in cal.pairs and the index of the resampling
// pool of a unit of size class cls whose prediction used regions down to
// level dm, making the pool on first use.
//
// The pool holds the residuals after the deepest level the unit's
// prediction used, and at least the shock level (its shock stands for
// that level's effect). A unit whose region at the shock level has
// counted units draws leave-one-out residuals (the error of predicting a
// unit from its region's others); one whose region has none draws
// in-sample deviations from the region's mean, since the shock stands for
// the mean.
func (mb *missingBuilder) pool(dm, cls int) (span [2]int32, idx int32) {
	f, cal := mb.fit, mb.cal
	shockLevel, L := cal.shockLevel, len(mb.e.t.Levels)
	depth := max(dm, shockLevel) + 1
	if depth > L {
		depth = L
	}
	rm, rv, inSample := f.hm.resid[depth], f.hv.resid[depth], 0
	if dm < shockLevel {
		rm, rv, inSample = f.hm.residIn[depth], f.hv.residIn[depth], 1
	}
	key := [3]int{depth, cls, inSample}
	if span, ok := mb.pools[key]; ok {
		return span, mb.poolIdx[key]
	}
	lo := int32(len(cal.pairs))
	cal.pairs = appendPool(cal.pairs, rm, rv, f.rootSize, f.unitClass, cls, 1)
	if int32(len(cal.pairs)) == lo {
		// No counted unit of that size: every size.
		cal.pairs = appendPool(cal.pairs, rm, rv, f.rootSize, f.unitClass, sizeClasses, 1)
	}
	if int32(len(cal.pairs)) == lo {
		// No residuals at all: no unit noise.
		cal.pairs = append(cal.pairs, resPair{m: 0, f: 1})
	}
	span = [2]int32{lo, int32(len(cal.pairs)) - lo}
	mb.pools[key] = span
	// The pool's mean is an estimate too, shared by every unit that
	// draws from it: its standard error is a shock of its own (for the
	// pools that keep their mean).
	sd := 0.0
	if cls < sizeClasses {
		var sm, s2 float64
		for _, q := range cal.pairs[lo:] {
			sm += float64(q.m)
			s2 += float64(q.m) * float64(q.m)
		}
		nn := float64(span[1])
		if nn > 1 {
			sd = math.Sqrt(max(s2/nn-(sm/nn)*(sm/nn), 0) / nn)
		}
	}
	idx = int32(len(cal.poolSD))
	mb.poolIdx[key] = idx
	cal.poolSD = append(cal.poolSD, sd)
	return span, idx
}

// othersGroup returns the others group of share region sr, making it on
// first use: each candidate's part of the region's counted vote other
// than a's and b's, then the two-party fraction.
func (mb *missingBuilder) othersGroup(sr int) int32 {
	if og, ok := mb.ogOf[sr]; ok {
		return og
	}
	e, cal, a, b := mb.e, mb.cal, mb.a, mb.b
	og := int32(len(mb.ogOf))
	mb.ogOf[sr] = og
	src := mb.base.RegionCounted(regionOrNation(e, sr))
	var valid, rest float64
	for c, v := range src {
		valid += float64(v)
		if c != a && c != b {
			rest += float64(v)
		}
	}
	for c, v := range src {
		s := 0.0
		if c != a && c != b && rest > 0 {
			s = float64(v) / rest
		}
		cal.ogShare = append(cal.ogShare, s)
	}
	cal.ogShare = append(cal.ogShare, 1-rest/max(valid, 1))
	return og
}
