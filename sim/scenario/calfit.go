package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// countedFit is the calibrated model fitted on the counted units: the
// hierarchical fits of the two-party margin (hm) and of the log volume
// (hv), their inputs, and what the missing units need to be predicted
// and to draw their noise.
type countedFit struct {
	// useBase: each unit is predicted from its baseline (the fits are of
	// the change); useRE: from its registered voters. Without either,
	// the fits have no covariate.
	useBase, useRE bool
	// k is the number of covariates: the size (log of the baseline's
	// valid votes, or of the registered voters) and, with a baseline, its
	// lean, else the log of the number of units in the unit's region.
	k      int
	fm, fv *fitInput
	hm, hv *hierFit
	// regionUnits[r] counts the units (counted and known missing) of
	// innermost region r.
	regionUnits []float64
	// rootSize is the square root of each fitted unit's number of
	// reporting units, which scales its residuals back to one unit's.
	rootSize []float64
	// classes puts a unit in its size class; unitClass is each fitted
	// unit's.
	classes   sizeClasser
	unitClass []int
}

// fitCounted fits the calibrated model on e's counted units, predicting
// candidate a's two-party margin over b, from the baseline bj when there
// is one. missing are the units known to be missing (they count towards
// their regions' number of units).
func (e *Engine) fitCounted(bj *baselineJoin, missing []sim.Unit, a, b int) (*countedFit, error) {
	f := &countedFit{useBase: bj != nil}
	f.useRE = !f.useBase && e.hasRE
	if f.useBase || f.useRE {
		f.k = 2
	}
	f.regionUnits = e.regionUnitCounts(missing)
	f.collect(e, bj, a, b)
	if f.fm.n() < 2 {
		return nil, fmt.Errorf("%w: the calibrated model needs at least two counted units with votes for both leading candidates", ErrScenario)
	}
	f.hm, f.hv = fitHier(f.fm), fitHier(f.fv)
	f.classes = newSizeClasser(f.fm)
	f.unitClass = make([]int, f.fm.n())
	for p := range f.unitClass {
		f.unitClass[p] = f.classes.class(f.fm.x[p*f.k : (p+1)*f.k])
	}
	return f, nil
}

// regionUnitCounts returns the number of units in each innermost region
// (nr for none): the counted ones, by their reporting units, and the
// known missing ones. Its log is the second covariate without a
// baseline, since small centres or precincts lean differently from big
// ones.
func (e *Engine) regionUnitCounts(missing []sim.Unit) []float64 {
	regionUnits := make([]float64, e.nr+1)
	for i := range e.t.Units {
		regionUnits[e.unitRegion[i]] += float64(e.t.Units[i].Size())
	}
	for i := range missing {
		if r := missing[i].Region; r >= 0 && r < e.nr {
			regionUnits[r]++
		}
	}
	return regionUnits
}

// collect builds the fits' inputs from the counted units with votes for
// both a and b (and, with a baseline, a usable baseline unit).
func (f *countedFit) collect(e *Engine, bj *baselineJoin, a, b int) {
	t, k, L := e.t, f.k, len(e.t.Levels)
	n := len(t.Units)
	fm := &fitInput{k: k, levels: L, nr: e.nr, regionLevel: e.depth}
	fv := &fitInput{k: k, levels: L, nr: e.nr, regionLevel: e.depth}
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
		case f.useBase:
			j := bj.counted[i]
			if j < 0 || bj.two[j] <= 0 || bj.valid[j] <= 0 {
				continue
			}
			x[0], x[1] = math.Log(bj.valid[j]), bj.margin[j]
			ym -= bj.margin[j]
			yv = math.Log(valid / bj.valid[j])
		case f.useRE:
			if u.Registered <= 0 {
				continue
			}
			x[0] = math.Log(float64(u.Registered) / sz)
			x[1] = math.Log(f.regionUnits[e.unitRegion[i]])
			yv = math.Log(valid / float64(u.Registered))
		default:
			yv = math.Log(valid / sz)
		}
		f.rootSize = append(f.rootSize, math.Sqrt(sz))
		fm.y = append(fm.y, ym)
		fm.w = append(fm.w, two)
		fv.y = append(fv.y, yv)
		fv.w = append(fv.w, valid)
		fm.x = append(fm.x, x[:k]...)
		fv.x = append(fv.x, x[:k]...)
		fm.path = e.appendPath(fm.path, e.unitRegion[i])
	}
	fv.path = fm.path
	f.fm, f.fv = fm, fv
}

// covariates returns missing unit mu's covariates and whether it has its
// own (else they are the counted units' means).
func (f *countedFit) covariates(mu *projUnit) (x [2]float64, own bool) {
	switch {
	case f.useBase && mu.baseTwo > 0 && mu.baseValid > 0:
		x[0], x[1] = math.Log(mu.baseValid), mu.baseMargin
		own = true
	case f.useRE && mu.registered > 0 && mu.vol < 0:
		// Known one by one (not an average unit of a pool).
		x[0] = math.Log(mu.registered)
		x[1] = math.Log(max(f.regionUnits[mu.region], 1))
		own = true
	}
	if !own {
		copy(x[:f.k], f.hm.xMean)
	}
	return x, own
}

// predict returns missing unit mu's predicted two-party margin (within
// [-1,1]), the deepest level whose region the margin's prediction used
// (-1 for none), and its volume.
func (f *countedFit) predict(mu *projUnit, x []float64) (margin float64, depth int, vol float64) {
	pm, dm := f.hm.predict(x, mu.path)
	pv, _ := f.hv.predict(x, mu.path)
	if f.useBase && mu.baseTwo > 0 {
		pm += mu.baseMargin
	}
	pm = min(max(pm, -1), 1)
	vol = mu.vol
	if vol < 0 {
		pv = min(max(pv, -30), 30)
		switch {
		case f.useBase && mu.baseValid > 0:
			vol = mu.baseValid * detExp(pv)
		case f.useRE && mu.registered > 0 && mu.vol < 0:
			// Known one by one (not an average unit of a pool).
			vol = mu.registered * detExp(pv)
		default:
			vol = detExp(pv)
		}
		if mu.registered > 0 {
			vol = min(vol, mu.registered)
		}
	}
	return pm, dm, vol
}

// The resampling pools are split by quintile of size and, with a second
// covariate, by its tercile: sizeClasses in all, plus one for every size.
const (
	sizeBins    = 5
	secondBins  = 3
	sizeClasses = sizeBins * secondBins
)

// sizeClasser puts a unit in a size class by its covariates: the
// quintiles of the size among the counted units and, with a second
// covariate, its terciles within each. The cuts are quantiles of the
// votes, not of the units, so that each class holds as many votes: the
// few biggest units (the cities, which may swing their own way) get a
// class of their own.
type sizeClasser struct {
	cuts, cuts1 []float64
}

// newSizeClasser cuts the covariates of fm's units by their weights.
func newSizeClasser(fm *fitInput) sizeClasser {
	var s sizeClasser
	k := fm.k
	if k > 0 {
		size := make([]float64, fm.n())
		for p := range size {
			size[p] = fm.x[p*k]
		}
		s.cuts = weightedCuts(size, fm.w, sizeBins)
	}
	if k > 1 {
		x1 := make([]float64, fm.n())
		for p := range x1 {
			x1[p] = fm.x[p*k+1]
		}
		s.cuts1 = weightedCuts(x1, fm.w, secondBins)
	}
	return s
}

// class returns the size class of covariates x (0 without covariates).
func (s sizeClasser) class(x []float64) int {
	if s.cuts == nil {
		return 0
	}
	c, _ := slices.BinarySearch(s.cuts, x[0])
	if s.cuts1 != nil {
		c1, _ := slices.BinarySearch(s.cuts1, x[1])
		c = c*secondBins + c1
	}
	return c
}

// weightedCuts returns the n-1 values of v that cut its weight w into n
// equal parts (+Inf for the cuts that no value reaches).
func weightedCuts(v, w []float64, n int) []float64 {
	order := make([]int, len(v))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(v[a], v[b]) })
	var tot float64
	for _, x := range w {
		tot += x
	}
	var c []float64
	var acc float64
	q := 1
	for _, i := range order {
		acc += w[i]
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

// maxPool bounds the residuals a resampling pool keeps.
const maxPool = 1 << 14

// appendPool appends to dst the resampling pool of the counted units of
// size class cls (every size for sizeClasses): their margin residuals rm
// and log volume residuals rv, scaled to one reporting unit by root, the
// margin's spread multiplied by scale.
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
