package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// Inputs is what a projection may know beyond the counted units.
type Inputs struct {
	// Baseline is a previous election (or an earlier release of the same
	// count) whose units join the counted ones by key (see BaselineKey).
	// With a baseline, each missing unit is predicted from its own past:
	// the change in its two-party margin and its turnout factor (this
	// election's votes over the baseline's). Baseline units that match no
	// counted unit are the missing units, unless Missing is given.
	Baseline *sim.Tally
	// Missing lists units known to exist but not counted (a registry of
	// all tables, or the units a backtest hides). Only their ID, region
	// and registered voters are read; their votes are ignored.
	Missing []sim.Unit
}

// Model names of MonteCarloParams.Model.
const (
	// ModelCalibrated is the hierarchical model with errors estimated
	// from the counted units (see MonteCarlo). It is the zero value.
	ModelCalibrated = ""
	// ModelLegacy is the engine before calibration (scenario/1): each
	// missing unit takes its region's shares, with a fixed regional
	// shock of RegionSigma and unit noise resampled from the region, and
	// a volume fixed by the remaining-votes estimate. It is kept for
	// comparison (tallyscope backtest --model legacy).
	ModelLegacy = "legacy"
)

// calibrated is the simulation of the missing units under the
// calibrated model. Everything that does not depend on the run is
// computed once; a run costs one random draw per missing unit.
type calibrated struct {
	units []calUnit
	// pairs holds the resampling pools: margin residual and volume
	// factor of counted units, pool after pool.
	pairs []resPair
	// shock groups: the regions at the shock level that hold missing
	// units, and their shocks' standard deviations.
	sdM, sdV []float64
	natSDM   float64
	natSDV   float64
	// shiftM and shiftV are the sds of a shock shared by every missing
	// unit, for the extrapolation error when they differ in size from
	// the counted ones (see extrapolationShift).
	shiftM, shiftV float64
	cholM, cholV   []float64
	k              int
	// others groups: each missing unit's non-leading vote is split like
	// its region's counted vote; share[g*nc+c] is candidate c's part.
	ogShare []float64
	ng      int
	// center is the central projection's votes per candidate; scale
	// multiplies every run's distance from it (see selfCalibrate).
	center []float64
	scale  float64
	join   *baselineJoin
	// wholeGroups counts the shock-level regions with no counted unit
	// that hold missing units; scattered the missing units elsewhere.
	wholeGroups, scattered int
	shockLevel             int
	// spans group the units (sorted) by shock, pool and others group;
	// um, uv, ux0 and ux1 are the units' margin, volume and covariates in
	// that order.
	spans    []calSpan
	um, uv   []float64
	ux0, ux1 []float64
	hasCov   bool
	// poolSD is the standard error of each pool's mean.
	poolSD []float64
	// scratch per run
	shM, shV, ogAcc, poolOff []float64
	// description of the model, one sentence.
	model string
	// path0 holds each missing unit's region path (levels per unit).
	paths  []int32
	levels int
}

// addPoint adds the missing units' central projection (no noise) to the
// regions at level l in out.
func (cal *calibrated) addPoint(out map[int][]int64, l, nc, a, b int) {
	acc := map[int][]float64{}
	for j := range cal.units {
		u := &cal.units[j]
		r := int(cal.paths[j*cal.levels+l])
		if r < 0 {
			continue
		}
		v := acc[r]
		if v == nil {
			v = make([]float64, nc)
			acc[r] = v
		}
		two := u.v * u.two
		v[a] += two * (1 + u.m) / 2
		v[b] += two * (1 - u.m) / 2
		sh := cal.ogShare[int(u.og)*(nc+1) : int(u.og)*(nc+1)+nc]
		for c := 0; c < nc; c++ {
			v[c] += (u.v - two) * sh[c]
		}
	}
	for r, v := range acc {
		if out[r] == nil {
			out[r] = make([]int64, nc)
		}
		for c := range v {
			out[r][c] += int64(math.Round(v[c]))
		}
	}
}

type calUnit struct {
	m, v, two float64 // predicted margin, volume, two-party fraction
	x0, x1    float64 // centred covariates, for the slopes' uncertainty
	lo, n     int32   // pool span in pairs
	g         int32   // shock group, or ng for none
	og        int32   // others group
	pool      int32   // resampling pool, for its mean's shock
}

// resPair is stored in 32 bits a number: noise needs no more, and the
// pools then fit in the processor's cache.
type resPair struct{ m, f float32 }

type calSpan struct {
	from, to int
	lo, n    int32
	g, og    int32
	pool     int32
}

// buildSpans sorts the units by shock group, pool and others group, and
// lays out the arrays the simulation reads.
func (cal *calibrated) buildSpans() {
	n := len(cal.units)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(i, j int) int {
		a, b := &cal.units[i], &cal.units[j]
		if c := cmp.Compare(a.g, b.g); c != 0 {
			return c
		}
		if c := cmp.Compare(a.pool, b.pool); c != 0 {
			return c
		}
		return cmp.Compare(a.og, b.og)
	})
	units := make([]calUnit, n)
	paths := make([]int32, 0, len(cal.paths))
	for k, i := range perm {
		units[k] = cal.units[i]
		paths = append(paths, cal.paths[i*cal.levels:(i+1)*cal.levels]...)
	}
	cal.units, cal.paths = units, paths
	cal.um, cal.uv = make([]float64, n), make([]float64, n)
	cal.ux0, cal.ux1 = make([]float64, n), make([]float64, n)
	cal.spans = cal.spans[:0]
	for j, u := range cal.units {
		cal.um[j], cal.uv[j], cal.ux0[j], cal.ux1[j] = u.m, u.v, u.x0, u.x1
		if u.x0 != 0 || u.x1 != 0 {
			cal.hasCov = true
		}
		if k := len(cal.spans); k > 0 {
			s := &cal.spans[k-1]
			if s.g == u.g && s.pool == u.pool && s.og == u.og {
				s.to = j + 1
				continue
			}
		}
		cal.spans = append(cal.spans, calSpan{from: j, to: j + 1, lo: u.lo, n: u.n, g: u.g, og: u.og, pool: u.pool})
	}
}

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

// newCalibrated builds the simulation for the engine's counted units and
// the missing units of in (or of base's cells when in names none).
func (e *Engine) newCalibrated(sc *Scenario, base *Outcome, in Inputs, a, b int, shockLevel int, m *MonteCarlo) (*calibrated, error) {
	t := e.t
	L := len(t.Levels)
	nc := e.nc
	cal := &calibrated{scale: 1}
	// The baseline join.
	var bj *baselineJoin
	if in.Baseline != nil {
		var err error
		bj, err = joinBaseline(e, in.Baseline, a, b, in.Missing)
		if err != nil {
			return nil, err
		}
		m.note(bj.report())
	}
	useBase := bj != nil
	cal.join = bj
	cal.shockLevel = shockLevel
	useRE := !useBase && e.hasRE
	// Covariates: the size (log of the baseline's valid votes, or of the
	// registered voters) and, with a baseline, its lean.
	k := 0
	if useBase {
		k = 2
	} else if useRE {
		k = 2
	}
	// The second covariate without a baseline: the log of the number of
	// units in the unit's innermost region (counted and known missing),
	// since small centres or precincts lean differently from big ones.
	regionUnits := make([]float64, e.nr+1)
	for i := range t.Units {
		regionUnits[e.unitRegion[i]] += float64(t.Units[i].Size())
	}
	for i := range in.Missing {
		if r := in.Missing[i].Region; r >= 0 && r < e.nr {
			regionUnits[r]++
		}
	}
	cal.k = k
	n := len(t.Units)
	fm := &fitInput{k: k, levels: L, nr: e.nr, regionLevel: e.depth}
	fv := &fitInput{k: k, levels: L, nr: e.nr, regionLevel: e.depth}
	idx := make([]int32, 0, n)
	size := make([]float64, 0, n)
	var rootSize []float64
	for i := 0; i < n; i++ {
		u := &t.Units[i]
		va, vb := float64(u.Votes[a]), float64(u.Votes[b])
		two := va + vb
		valid := float64(e.unitValid[i])
		if two <= 0 || valid <= 0 {
			continue
		}
		var x [2]float64
		ym := (va - vb) / two
		var yv float64
		// A unit that sums Count reporting units (a state's counted
		// tables) is modelled per reporting unit: its size and volume
		// are divided by the count, and its residuals, the mean of that
		// many units' errors, are scaled back up by √count.
		sz := float64(u.Size())
		switch {
		case useBase:
			j := bj.counted[i]
			if j < 0 || bj.two[j] <= 0 || bj.valid[j] <= 0 {
				continue
			}
			x[0], x[1] = math.Log(bj.valid[j]), bj.margin[j]
			ym -= bj.margin[j]
			yv = math.Log(valid / bj.valid[j])
		case useRE:
			if u.Registered <= 0 {
				continue
			}
			x[0] = math.Log(float64(u.Registered) / sz)
			x[1] = math.Log(regionUnits[e.unitRegion[i]])
			yv = math.Log(valid / float64(u.Registered))
		default:
			yv = math.Log(valid / sz)
		}
		idx = append(idx, int32(i))
		rootSize = append(rootSize, math.Sqrt(sz))
		size = append(size, x[0])
		fm.y = append(fm.y, ym)
		fm.w = append(fm.w, two)
		fv.y = append(fv.y, yv)
		fv.w = append(fv.w, valid)
		fm.x = append(fm.x, x[:k]...)
		fv.x = append(fv.x, x[:k]...)
		fm.path = e.appendPath(fm.path, e.unitRegion[i])
	}
	fv.path = fm.path
	if len(idx) < 2 {
		return nil, fmt.Errorf("%w: the calibrated model needs at least two counted units with votes for both leading candidates", ErrScenario)
	}
	hm, hv := fitHier(fm), fitHier(fv)
	cal.cholM, cal.cholV = hm.betaChol, hv.betaChol
	// Size classes: quintiles of the size among the counted units.
	// With a second covariate, terciles of it split each class in three.
	// The cuts are quantiles of the votes, not of the units, so that
	// each class holds as many votes: the few biggest units (the cities,
	// which may swing their own way) get a class of their own.
	quantiles := func(v []float64, n int) []float64 {
		order := make([]int, len(v))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(v[a], v[b]) })
		var tot float64
		for _, w := range fm.w {
			tot += w
		}
		var c []float64
		var acc float64
		q := 1
		for _, i := range order {
			acc += fm.w[i]
			for q < n && acc >= tot*float64(q)/float64(n) {
				c = append(c, v[i])
				q++
			}
		}
		for len(c) < n-1 {
			c = append(c, math.Inf(1))
		}
		return c
	}
	var cuts, cuts1 []float64
	if k > 0 {
		cuts = quantiles(size, sizeBins)
	}
	if k > 1 {
		x1 := make([]float64, len(idx))
		for p := range idx {
			x1[p] = fm.x[p*k+1]
		}
		cuts1 = quantiles(x1, secondBins)
	}
	classOf := func(x []float64) int {
		if cuts == nil {
			return 0
		}
		c, _ := slices.BinarySearch(cuts, x[0])
		if cuts1 != nil {
			c1, _ := slices.BinarySearch(cuts1, x[1])
			c = c*secondBins + c1
		}
		return c
	}
	unitClass := make([]int, len(idx))
	for p := range idx {
		unitClass[p] = classOf(fm.x[p*k : (p+1)*k])
	}
	// The missing units.
	var miss []projUnit
	switch {
	case len(in.Missing) > 0 || (useBase && len(bj.missing) > 0):
		miss = e.identityUnits(in, bj)
	default:
		miss = e.cellUnits(base, m)
	}
	if len(miss) == 0 {
		return cal, nil
	}
	// Shock groups at the shock level.
	groupOf := map[int32]int32{}
	var groups []int32
	minU := int64(sc.MinUnits)
	if minU == 0 {
		minU = DefaultMinUnits
	}
	ogOf := map[int]int32{}
	pools := map[[3]int][2]int32{}
	poolIdx := map[[3]int]int32{}
	// With the missing units known one by one, measure on the counted
	// units how well the unit-level noise describes real errors.
	noiseScale := 1.0
	officialSpread := false
	var volSum float64
	for _, mu := range miss {
		var x [2]float64
		hasX := false
		switch {
		case useBase && mu.baseTwo > 0 && mu.baseValid > 0:
			x[0], x[1] = math.Log(mu.baseValid), mu.baseMargin
			hasX = true
		case useRE && mu.registered > 0 && mu.vol < 0:
			// Known one by one (not an average unit of a pool).
			x[0] = math.Log(mu.registered)
			x[1] = math.Log(max(regionUnits[mu.region], 1))
			hasX = true
		}
		if !hasX {
			copy(x[:k], hm.xMean)
		}
		pm, dm := hm.predict(x[:k], mu.path)
		pv, _ := hv.predict(x[:k], mu.path)
		if useBase && mu.baseTwo > 0 {
			pm += mu.baseMargin
		}
		pm = min(max(pm, -1), 1)
		vol := mu.vol
		if vol < 0 {
			pv = min(max(pv, -30), 30)
			switch {
			case useBase && mu.baseValid > 0:
				vol = mu.baseValid * detExp(pv)
			case useRE && mu.registered > 0 && mu.vol < 0:
				// Known one by one (not an average unit of a pool).
				vol = mu.registered * detExp(pv)
			default:
				vol = detExp(pv)
			}
			if mu.registered > 0 {
				vol = min(vol, mu.registered)
			}
		}
		volSum += vol
		g := int32(-1)
		if shockLevel >= 0 && shockLevel < L {
			g = mu.path[shockLevel]
		}
		gi := int32(-1)
		if g >= 0 {
			s, ok := groupOf[g]
			if !ok {
				s = int32(len(groups))
				groupOf[g] = s
				groups = append(groups, g)
			}
			gi = s
		}
		// The pool: residuals after the deepest level the unit's
		// prediction used, and at least the shock level (its shock
		// stands for that level's effect).
		// A unit whose region at the shock level has counted units
		// draws leave-one-out residuals (the error of predicting a unit
		// from its region's others); one whose region has none draws
		// in-sample deviations from the region's mean, since the shock
		// stands for the mean.
		depth := max(dm, shockLevel) + 1
		if depth > L {
			depth = L
		}
		rm, rv, inSample := hm.resid[depth], hv.resid[depth], 0
		if dm < shockLevel {
			rm, rv, inSample = hm.residIn[depth], hv.residIn[depth], 1
		}
		cls := sizeClasses // every size
		if hasX && k > 0 {
			cls = classOf(x[:k])
		}
		key := [3]int{depth, cls, inSample}
		span, ok := pools[key]
		if !ok {
			lo := int32(len(cal.pairs))
			cal.pairs = appendPool(cal.pairs, rm, rv, rootSize, unitClass, cls, noiseScale)
			if int32(len(cal.pairs)) == lo {
				// No counted unit of that size: every size.
				cal.pairs = appendPool(cal.pairs, rm, rv, rootSize, unitClass, sizeClasses, noiseScale)
			}
			if int32(len(cal.pairs)) == lo {
				// No residuals at all: no unit noise.
				cal.pairs = append(cal.pairs, resPair{m: 0, f: 1})
			}
			span = [2]int32{lo, int32(len(cal.pairs)) - lo}
			pools[key] = span
			// The pool's mean is an estimate too, shared by every unit
			// that draws from it: its standard error is a shock of its
			// own (for the pools that keep their mean).
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
			poolIdx[key] = int32(len(cal.poolSD))
			cal.poolSD = append(cal.poolSD, sd)
		}
		sr := e.shareRegion(mu.region, minU)
		og, ok := ogOf[sr]
		if !ok {
			og = int32(len(ogOf))
			ogOf[sr] = og
			src := base.RegionCounted(regionOrNation(e, sr))
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
		}
		two := cal.ogShare[int(og)*(nc+1)+nc]
		if useBase && mu.baseTwo <= 0 {
			// No past to start from: the region's counted margin.
			src := base.RegionCounted(regionOrNation(e, sr))
			if s := float64(src[a] + src[b]); s > 0 {
				pm = float64(src[a]-src[b]) / s
			}
		}
		u := calUnit{m: pm, v: vol, two: two, lo: span[0], n: span[1], g: gi, og: og, pool: poolIdx[key]}
		if k > 0 {
			u.x0 = x[0] - hm.xMean[0]
		}
		if k > 1 {
			u.x1 = x[1] - hm.xMean[1]
		}
		cal.units = append(cal.units, u)
		cal.paths = append(cal.paths, mu.path...)
	}
	cal.levels = L
	// Missingness that is not random: when the missing units differ in
	// size from the counted ones, the model extrapolates. Measure how
	// wrong it is when it extrapolates as far inside the counted units.
	if k > 0 {
		cal.shiftM, cal.shiftV = extrapolationShift(fm, fv, cal.units, m)
	}
	// An official remaining total is spread over the missing units in
	// proportion to their predicted volume.
	if base.RemainingMethod == RemainingOfficial && len(in.Missing)+lenMissing(bj) > 0 && volSum > 0 {
		f := float64(base.Remaining) / volSum
		for j := range cal.units {
			cal.units[j].v *= f
		}
		officialSpread = true
	}
	ng := len(groups)
	cal.ng = ng
	for _, g := range groups {
		if !hm.has[g] {
			cal.wholeGroups++
		}
	}
	for j := range cal.units {
		if g := cal.units[j].g; g < 0 || hm.has[groups[g]] {
			cal.scattered++
		}
	}
	for j := range cal.units {
		if cal.units[j].g < 0 {
			cal.units[j].g = int32(ng)
		}
	}
	cal.sdM = make([]float64, ng+1)
	cal.sdV = make([]float64, ng+1)
	extra := max(sc.MonteCarlo.RegionSigma, 0)
	// Units that each sum many reporting units (a state's counted
	// tables) hide the errors of one unit: they cannot be measured, so
	// a fixed, uncalibrated shock stands for them, and the model says so.
	var summed, reporting int64
	for i := range t.Units {
		reporting += t.Units[i].Size()
		if t.Units[i].Count > 1 {
			summed++
		}
	}
	uncalibrated := summed > 0 && len(in.Missing) == 0 && !useBase
	if uncalibrated {
		extra = max(extra, AggregateShock)
		m.note(fmt.Sprintf("the counted data are totals (%s rows for %s %s), so the errors of one %s cannot be measured: the simulation adds a fixed, uncalibrated shock of sd %.2f on the two-party margin per %s; load the data with one row per %s for the calibrated model", Thousands(int64(len(t.Units))), Thousands(reporting), e.unitsWord(), e.unitWord(), AggregateShock, levelName(e, shockLevel), e.unitWord()))
	}
	// A region with counted units knows its own level, so only its
	// effect's posterior variance remains; a region without any takes
	// the variance of the effects and of the overall mean.
	for s, g := range groups {
		vm, vv := hm.tau2[shockLevel]+hm.muVar, hv.tau2[shockLevel]+hv.muVar
		if hm.has[g] {
			vm = hm.post[g]
		}
		if hv.has[g] {
			vv = hv.post[g]
		}
		cal.sdM[s] = math.Sqrt(vm + extra*extra)
		cal.sdV[s] = math.Sqrt(vv)
	}
	if ng == 0 || shockLevel < 0 {
		cal.sdM[ng] = math.Sqrt(hm.muVar)
		cal.sdV[ng] = math.Sqrt(hv.muVar)
	}
	cal.natSDM = sc.MonteCarlo.NationalSigma
	cal.shM = make([]float64, ng+1)
	cal.shV = make([]float64, ng+1)
	cal.ogAcc = make([]float64, len(ogOf))
	cal.poolOff = make([]float64, len(cal.poolSD))
	cal.buildSpans()
	// The central projection: the counted votes plus every missing
	// unit's prediction without noise.
	cal.center = slices.Clone(m.counted)
	for j := range cal.units {
		u := &cal.units[j]
		two := u.v * u.two
		cal.center[a] += two * (1 + u.m) / 2
		cal.center[b] += two * (1 - u.m) / 2
		sh := cal.ogShare[int(u.og)*(nc+1) : int(u.og)*(nc+1)+nc]
		for c := 0; c < nc; c++ {
			cal.center[c] += (u.v - two) * sh[c]
		}
	}
	// The sentence.
	unit, units := e.unitWord(), e.unitsWord()
	level := "region"
	if shockLevel >= 0 && shockLevel < L {
		level = t.Levels[shockLevel]
	}
	var from string
	switch {
	case useBase:
		from = "from its own result in the baseline: the change in its two-party margin and its turnout factor, by region (every level), size and baseline lean"
	case useRE:
		from = "from the counted " + units + ": its two-party margin and turnout, by region (every level) and size"
	default:
		from = "from the counted " + units + ": its two-party margin and volume, by region (every level)"
	}
	known := ""
	if len(in.Missing) == 0 && !(useBase && len(bj.missing) > 0) {
		known = " (known only by number in its region)"
	}
	cal.model = fmt.Sprintf("each missing %s%s is predicted %s; errors are resampled from the counted %s' held-out residuals, with a shock shared by each %s", unit, known, from, units, level)
	if uncalibrated {
		cal.model = fmt.Sprintf("uncalibrated: the counted data are totals, so each missing %s is predicted from its region's counted totals, with a fixed shock of sd %.2f on the two-party margin shared by each %s", unit, AggregateShock, level)
	}
	if officialSpread {
		m.note("the official remaining total is spread over the missing " + units + " in proportion to their predicted volume")
	}
	if sc.MonteCarlo.RegionSigma > 0 || sc.MonteCarlo.NationalSigma > 0 {
		m.note(fmt.Sprintf("sensitivity setting: an extra shock of sd %.3g per %s and %.3g nationally on the two-party margin", extra, level, sc.MonteCarlo.NationalSigma))
	}
	if len(sc.Swings) > 0 || !sc.Turnout.IsZero() {
		m.note("the model of the missing " + units + " is fitted on the counted " + units + " before the swing or turnout change, which applies to the counted ones only")
	}
	return cal, nil
}

// AggregateShock is the fixed regional shock, on the two-party margin,
// that stands for the errors no one can measure when the counted data are
// totals of many units: five points, about what the legacy model's shock
// of 0.10 on each log share gives a two-way race near 50%.
const AggregateShock = 0.05

// levelName names level l of e's tally, or "region".
func levelName(e *Engine, l int) string {
	if l >= 0 && l < len(e.t.Levels) {
		return e.t.Levels[l]
	}
	return "region"
}

// maxPool bounds the residuals a resampling pool keeps.
const maxPool = 1 << 14

// The resampling pools are split by quintile of size and, with a second
// covariate, by its tercile: sizeClasses in all, plus one for every size.
const (
	sizeBins    = 5
	secondBins  = 3
	sizeClasses = sizeBins * secondBins
)

func lenMissing(bj *baselineJoin) int {
	if bj == nil {
		return 0
	}
	return len(bj.missing)
}

func appendPool(dst []resPair, rm, rv, root []float64, class []int, cls int, scale float64) []resPair {
	start := len(dst)
	// A pool keeps at most maxPool residuals, every k-th of its units in
	// their order: enough to resample noise, and small enough to stay in
	// the processor's cache (a pool of a million residuals made each
	// draw a memory access ten times as slow).
	var members int
	for p := range rm {
		if cls >= sizeClasses || class[p] == cls {
			members++
		}
	}
	step := max(1, (members+maxPool-1)/maxPool)
	var seen int
	for p := range rm {
		if cls < sizeClasses && class[p] != cls {
			continue
		}
		seen++
		if (seen-1)%step != 0 {
			continue
		}
		f := detExp(min(max(float64(rv[p]*root[p]), -3), 3))
		dst = append(dst, resPair{m: float32(rm[p] * root[p]), f: float32(f)})
	}
	// Normalise the volume factors to a mean of 1, so that the noise
	// leaves the expected volume unchanged. The margin residuals keep
	// their mean: a class of units that the model mispredicts on average
	// (small centres, big cities) passes that error on to its missing
	// units.
	// A unit of unknown size (cls == sizeClasses) is predicted by its
	// region's vote-weighted mean, so its noise is centred instead.
	var s, sm float64
	for _, q := range dst[start:] {
		s += float64(q.f)
		sm += float64(q.m)
	}
	if n := len(dst) - start; n > 0 && s > 0 {
		mean, meanM := s/float64(n), sm/float64(n)
		keep := 0.0
		if cls < sizeClasses {
			keep = meanM
		}
		for i := start; i < len(dst); i++ {
			dst[i].f = float32(float64(dst[i].f) / mean)
			dst[i].m = float32(keep + float64(scale*(float64(dst[i].m)-meanM)))
		}
	}
	return dst
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
			m.note("the number of missing units is estimated from the remaining votes and the counted votes per unit")
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

// run makes run i of the calibrated simulation into m's accumulators.
func (cal *calibrated) run(m *MonteCarlo, i int) {
	nc := m.nc
	if len(cal.units) == 0 {
		copy(m.tot, m.counted)
		m.record()
		return
	}
	r := newRunRand(m.sc.MonteCarlo.Seed, uint64(i))
	natM := float64(cal.natSDM*r.normal()) + float64(cal.shiftM*r.normal())
	natV := float64(cal.natSDV*r.normal()) + float64(cal.shiftV*r.normal())
	var dbM, dbV [2]float64
	z0, z1 := r.normal(), r.normal()
	if cal.k >= 1 {
		dbM[0] = cal.cholM[0] * z0
		dbV[0] = cal.cholV[0] * z0
	}
	if cal.k >= 2 {
		dbM[1] = float64(cal.cholM[2]*z0) + float64(cal.cholM[3]*z1)
		dbV[1] = float64(cal.cholV[2]*z0) + float64(cal.cholV[3]*z1)
	}
	for g := 0; g < cal.ng; g++ {
		cal.shM[g] = natM + float64(cal.sdM[g]*r.normal())
		cal.shV[g] = detExp(natV + float64(cal.sdV[g]*r.normal()))
	}
	cal.shM[cal.ng] = natM + float64(cal.sdM[cal.ng]*r.normal())
	cal.shV[cal.ng] = detExp(natV + float64(cal.sdV[cal.ng]*r.normal()))
	clear(cal.ogAcc)
	for p, sd := range cal.poolSD {
		cal.poolOff[p] = 0
		if sd > 0 {
			cal.poolOff[p] = float64(sd * r.normal())
		}
	}
	// The units come in spans that share their shock, pool and others
	// group (see buildSpans), so the inner loop keeps its sums in
	// registers. One draw of 64 bits serves two units.
	var sumTwo, diff float64
	pairs := cal.pairs
	ms, vs := cal.um, cal.uv
	var z uint64
	half := false
	for _, sp := range cal.spans {
		off := cal.shM[sp.g] + cal.poolOff[sp.pool]
		lo, n := sp.lo, uint64(sp.n)
		var sv, sd float64
		if !cal.hasCov {
			for j := sp.from; j < sp.to; j++ {
				var h uint64
				if half {
					h = z >> 32
				} else {
					z = r.next()
					h = z & 0xffffffff
				}
				half = !half
				p := pairs[lo+int32((h*n)>>32)]
				mm := ms[j] + off + float64(p.m)
				if mm > 1 {
					mm = 1
				} else if mm < -1 {
					mm = -1
				}
				v := float64(vs[j] * float64(p.f))
				sv += v
				sd += float64(v * mm)
			}
		} else {
			for j := sp.from; j < sp.to; j++ {
				var h uint64
				if half {
					h = z >> 32
				} else {
					z = r.next()
					h = z & 0xffffffff
				}
				half = !half
				p := pairs[lo+int32((h*n)>>32)]
				x0, x1 := cal.ux0[j], cal.ux1[j]
				mm := ms[j] + off + float64(p.m) + float64(dbM[0]*x0) + float64(dbM[1]*x1)
				if mm > 1 {
					mm = 1
				} else if mm < -1 {
					mm = -1
				}
				adj := 1 + float64(dbV[0]*x0) + float64(dbV[1]*x1)
				if adj < 0 {
					adj = 0
				}
				v := float64(float64(vs[j]*float64(p.f)) * adj)
				sv += v
				sd += float64(v * mm)
			}
		}
		sv = float64(sv * cal.shV[sp.g])
		sd = float64(sd * cal.shV[sp.g])
		two := cal.ogShare[int(sp.og)*(nc+1)+nc]
		sumTwo += float64(sv * two)
		diff += float64(sd * two)
		cal.ogAcc[sp.og] += sv - float64(sv*two)
	}
	tot := m.tot
	copy(tot, m.counted)
	tot[m.a] += float64(sumTwo+diff) / 2
	if m.b >= 0 {
		tot[m.b] += float64(sumTwo-diff) / 2
	}
	for og, acc := range cal.ogAcc {
		if acc == 0 {
			continue
		}
		sh := cal.ogShare[og*(nc+1) : og*(nc+1)+nc]
		for c := 0; c < nc; c++ {
			if sh[c] != 0 {
				tot[c] += float64(acc * sh[c])
			}
		}
	}
	m.record()
}

// runRand is a SplitMix64 generator: one addition and three
// multiply-xorshift steps a draw, the same on every platform. Run i of
// seed s starts from a state mixed from both, so a run's draws depend only
// on the seed and its index.
type runRand struct{ s uint64 }

func newRunRand(seed, i uint64) runRand {
	r := runRand{s: seed ^ 0x6a09e667f3bcc909}
	r.s = r.next() ^ (i * 0x9e3779b97f4a7c15)
	r.next()
	return r
}

func (r *runRand) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a uniform draw in [0,1).
func (r *runRand) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// normal returns an approximately standard normal draw: the sum of twelve
// uniforms minus six (additions only, so the same on every platform).
func (r *runRand) normal() float64 {
	var s float64
	for i := 0; i < 12; i++ {
		s += r.float()
	}
	return s - 6
}

// extrapolationShift measures the error of extrapolating in size. When
// the missing units' mean size (log of their size measure, weighted by
// their predicted volume) lies more than half a standard deviation from
// the counted units', it hides the counted units furthest in the same
// direction (as many as are missing, at most 30% of the counted), fits
// the model on the rest, and measures the vote-weighted mean error of
// the held-out units' margin and log volume. That error, scaled by how
// much further the real missing units lie, is the standard deviation of
// a shock shared by all missing units. It returns zeros when the missing
// units look like the counted ones in size.
func extrapolationShift(fm, fv *fitInput, units []calUnit, m *MonteCarlo) (sdM, sdV float64) {
	k := fm.k
	n := fm.n()
	if n < 20 || len(units) == 0 {
		return 0, 0
	}
	var wc, sc, sc2 float64
	for i := 0; i < n; i++ {
		x := fm.x[i*k]
		wc += fv.w[i]
		sc += float64(fv.w[i] * x)
		sc2 += float64(fv.w[i] * x * x)
	}
	mc := sc / wc
	sd := math.Sqrt(max(sc2/wc-mc*mc, 0))
	// The units' centred covariate is relative to the margin fit's
	// weighted mean; put it back on the same scale.
	var xm0 float64
	{
		var s, w float64
		for i := 0; i < n; i++ {
			s += float64(fm.w[i] * fm.x[i*k])
			w += fm.w[i]
		}
		xm0 = s / w
	}
	var wm, sm float64
	for j := range units {
		wm += units[j].v
		sm += float64(units[j].v * (units[j].x0 + xm0))
	}
	if sd <= 0 || wm <= 0 {
		return 0, 0
	}
	mMiss := sm / wm
	d := (mMiss - mc) / sd
	if math.Abs(d) < 0.5 {
		return 0, 0
	}
	// The counted units furthest in the same direction.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		xa, xb := fm.x[a*k], fm.x[b*k]
		if d < 0 {
			xa, xb = -xa, -xb
		}
		switch {
		case xa > xb:
			return -1
		case xa < xb:
			return 1
		}
		return 0
	})
	h := min(len(units), n*3/10)
	hold := make([]bool, n)
	for _, i := range order[:h] {
		hold[i] = true
	}
	sub := func(in *fitInput) *fitInput {
		out := &fitInput{k: in.k, levels: in.levels, nr: in.nr, regionLevel: in.regionLevel}
		for i := 0; i < n; i++ {
			if hold[i] {
				continue
			}
			out.y = append(out.y, in.y[i])
			out.w = append(out.w, in.w[i])
			out.x = append(out.x, in.x[i*k:(i+1)*k]...)
			out.path = append(out.path, in.path[i*in.levels:(i+1)*in.levels]...)
		}
		return out
	}
	hm, hv := fitHier(sub(fm)), fitHier(sub(fv))
	var em, ev, wM, wV, xh, xr, wh, wr, vm, vv float64
	for i := 0; i < n; i++ {
		x := fm.x[i*k : (i+1)*k]
		if !hold[i] {
			xr += float64(fv.w[i] * x[0])
			wr += fv.w[i]
			continue
		}
		path := fm.path[i*fm.levels : (i+1)*fm.levels]
		pm, _ := hm.predict(x, path)
		pv, _ := hv.predict(x, path)
		dm, dv := fm.y[i]-pm, fv.y[i]-pv
		em += float64(fm.w[i] * dm)
		wM += fm.w[i]
		ev += float64(fv.w[i] * dv)
		wV += fv.w[i]
		vm += float64(fm.w[i]*fm.w[i]) * float64(dm*dm)
		vv += float64(fv.w[i]*fv.w[i]) * float64(dv*dv)
		xh += float64(fv.w[i] * x[0])
		wh += fv.w[i]
	}
	if wM <= 0 || wV <= 0 || wr <= 0 {
		return 0, 0
	}
	em /= wM
	ev /= wV
	// The part of the mean error that the units' own noise explains (as
	// if their errors were independent) is already in the simulation;
	// only the excess is a shared extrapolation error.
	vm /= wM * wM
	vv /= wV * wV
	// One hold-out's error is itself noisy: only an error beyond two of
	// its standard errors counts as a sign of extrapolation.
	var exM, exV float64
	if em*em > 4*vm {
		exM = math.Sqrt(em*em - vm)
	}
	if ev*ev > 4*vv {
		exV = math.Sqrt(ev*ev - vv)
	}
	// How much further the real missing units lie than the held-out ones.
	ratio := 1.0
	if gap := xh/wh - xr/wr; gap != 0 {
		ratio = max(math.Abs((mMiss-mc)/gap), 1)
	}
	sdM, sdV = exM*ratio, exV*ratio
	if sdM == 0 && sdV == 0 {
		return 0, 0
	}
	m.note(fmt.Sprintf("the missing %s differ in size from the counted ones (%.1f standard deviations of log size apart); held out the same way, the counted ones were mispredicted by %+.2f points of two-party margin on average; a shared shock of that size, scaled by the distance, widens the intervals (the sign of such an error does not carry over, so the centre is not moved)", m.e.unitsWord(), d, 100*em))
	return sdM, sdV
}

// selfCalibrateReps is the number of hold-outs selfCalibrate makes, and
// selfCalibratePrior the weight, in hold-outs, of the model's own spread.
const (
	selfCalibrateReps  = 12
	selfCalibratePrior = 12
)

// selfCalibrate measures, on the counted units, how well the
// simulation's spread describes its real errors, and returns the factor
// that makes them agree. Several times it hides counted units the way the
// real ones are missing (as many whole regions at the shock level as are
// missing entirely, and a random share of the rest, at most 30%), projects
// them with the same model (200 runs), and takes the error of the
// projection's median against the hidden truth in units of the runs'
// standard deviation. The factor is the root-mean-square of those
// standardised errors (shrunk towards 1), kept between 0.5 and 3. It corrects what the model
// leaves out and the data shows: errors correlated across regions (one
// kind of unit moving together nationwide), heavier tails, a volume error
// that goes with the margin.
func (e *Engine) selfCalibrate(sc Scenario, in Inputs, scattered, wholeRegions, level int) (float64, error) {
	n := len(e.t.Units)
	if n < 100 {
		return 1, nil
	}
	frac := min(float64(scattered)/float64(n+scattered), 0.3)
	var regions []int
	if level >= 0 && level < len(e.t.Levels) {
		for _, g := range e.agg.Level(level) {
			if e.agg.Units(g) > 0 {
				regions = append(regions, g)
			}
		}
	}
	wholeRegions = min(wholeRegions, len(regions)/3)
	truth := e.agg.Nation
	var sumZ2 float64
	var used int
	for rep := 0; rep < selfCalibrateReps; rep++ {
		r := newRunRand(sc.MonteCarlo.Seed, 1<<42+uint64(rep))
		hide := make([]bool, n)
		for i := range hide {
			hide[i] = r.float() < frac
		}
		// As many whole regions as are missing entirely.
		for i := 0; i < wholeRegions; i++ {
			j := i + int(r.next()%uint64(len(regions)-i))
			regions[i], regions[j] = regions[j], regions[i]
			sp := e.span[regions[i]]
			for _, u := range e.byRegion[sp[0]:sp[1]] {
				hide[u] = true
			}
		}
		sub, hidden := e.split(hide, false)
		if len(hidden) == 0 {
			continue
		}
		se, err := New(sub)
		if err != nil {
			return 1, err
		}
		psc := sc
		psc.MonteCarlo.Runs = 200
		psc.MonteCarlo.Seed = sc.MonteCarlo.Seed + 1<<43 + uint64(rep)
		m, err := se.newProjection(psc, Inputs{Baseline: in.Baseline, Missing: hidden}, false)
		if err != nil {
			return 1, err
		}
		m.Step(psc.MonteCarlo.Runs)
		res := m.Result()
		if res.B < 0 || truth.Valid <= 0 {
			continue
		}
		tm := 100 * float64(truth.Votes[res.A]-truth.Votes[res.B]) / float64(truth.Valid)
		var mean, ss float64
		for _, v := range res.Margins {
			mean += v
		}
		mean /= float64(len(res.Margins))
		for _, v := range res.Margins {
			ss += (v - mean) * (v - mean)
		}
		sd := math.Sqrt(ss / float64(len(res.Margins)-1))
		if sd <= 0 {
			continue
		}
		z := (tm - res.MarginQ[2]) / sd
		sumZ2 += z * z
		used++
	}
	if used == 0 {
		return 1, nil
	}
	// A dozen hold-outs measure the ratio only roughly: it is shrunk
	// towards 1 as if selfCalibratePrior more hold-outs had matched the
	// model exactly (a noisy factor costs coverage).
	z2 := (sumZ2 + selfCalibratePrior) / (float64(used) + selfCalibratePrior)
	return min(max(math.Sqrt(z2), 0.5), 3), nil
}
