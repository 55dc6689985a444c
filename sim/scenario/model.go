package scenario

import (
	"math"
	"slices"
)

// A hierFit is a hierarchical linear model of one quantity of a unit (its
// two-party margin, its change from a baseline, or the log of its
// volume), fitted on the counted units:
//
//	y = mu + x·beta + effect(level 0 region) + effect(level 1 region) + … + e
//
// The covariates x (the unit's size and, with a baseline, its baseline
// lean) are centred; beta is the within-region least-squares slope at the
// outermost level (the regions act as fixed effects for it). The region
// effects are then estimated level by level from the remaining residuals,
// each the region's own mean (fixed effects, not shrunk: see fitHier);
// tau² at each level, the variance of the true effects (method of
// moments), is what a region with no counted unit is uncertain by. Units
// are weighted by their votes, so that the means are the ones a total
// uses.
type hierFit struct {
	levels int
	mu     float64
	muVar  float64
	beta   []float64
	// betaChol is the lower Cholesky factor of beta's variance (cluster
	// robust over the outermost regions), row-major k×k.
	betaChol []float64
	xMean    []float64
	// effect[r] is region r's shrunk effect, post[r] its posterior
	// variance, has[r] whether the region has counted units.
	effect []float64
	post   []float64
	has    []bool
	// tau2[l] is the variance of the true effects at level l.
	tau2 []float64
	// resid[d] holds every counted unit's leave-one-out residual after the
	// effects down to level d-1 (d = 0: after mu only), levels+1 depths.
	resid [][]float64
	// residIn[d] holds the in-sample residuals after the same effects:
	// the deviations a unit shows from its regions' means, for units
	// whose region has no counted unit (its shock stands for the mean).
	residIn [][]float64
}

// fitInput is what hierFit needs of the counted units.
type fitInput struct {
	y, w []float64
	// x holds k covariates per unit, row-major (len k*n).
	x []float64
	k int
	// path holds each unit's region at every level (len levels*n), -1
	// where the unit has none.
	path   []int32
	levels int
	nr     int
	// regionLevel[r] is region r's level.
	regionLevel []int
}

func (in *fitInput) n() int { return len(in.y) }

// fitHier fits the hierarchical model on in: the slopes, the overall
// mean, then the region effects level by level, outermost first.
func fitHier(in *fitInput) *hierFit {
	n, k, L := in.n(), in.k, in.levels
	f := &hierFit{levels: L, effect: make([]float64, in.nr), post: make([]float64, in.nr), has: make([]bool, in.nr), tau2: make([]float64, L)}
	var W float64
	for _, w := range in.w {
		W += w
	}
	if n == 0 || W <= 0 {
		f.resid = make([][]float64, L+1)
		f.residIn = make([][]float64, L+1)
		f.beta = make([]float64, k)
		f.xMean = make([]float64, k)
		f.betaChol = make([]float64, k*k)
		return f
	}
	x := f.centre(in, W)
	group := func(i int) int32 {
		if L == 0 {
			return -1
		}
		return in.path[i*L]
	}
	f.fitBeta(in, x, group)
	r, neff := f.fitMean(in, x, W)
	sums := newLevelSums(in.nr)
	for l := 0; l < L; l++ {
		f.fitLevel(in, l, r, neff, sums)
	}
	return f
}

// centre sets the covariates' weighted means (W is the total weight) and
// returns the centred covariates.
func (f *hierFit) centre(in *fitInput, W float64) []float64 {
	n, k := in.n(), in.k
	f.xMean = make([]float64, k)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			f.xMean[j] += float64(in.w[i]*in.x[i*k+j]) / W
		}
	}
	x := make([]float64, n*k)
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			x[i*k+j] = in.x[i*k+j] - f.xMean[j]
		}
	}
	return x
}

// fitMean sets the overall mean mu, its variance and the residuals at
// depth 0, and returns the residuals after the slopes and mu (which the
// levels then reduce) and the effective number of units.
func (f *hierFit) fitMean(in *fitInput, x []float64, W float64) (r []float64, neff float64) {
	n, k, L := in.n(), in.k, in.levels
	r = make([]float64, n)
	for i := 0; i < n; i++ {
		v := in.y[i]
		for j := 0; j < k; j++ {
			v -= float64(x[i*k+j] * f.beta[j])
		}
		r[i] = v
	}
	var s float64
	for i := 0; i < n; i++ {
		s += float64(in.w[i] * r[i])
	}
	f.mu = s / W
	var w2 float64
	for i := 0; i < n; i++ {
		r[i] -= f.mu
		w2 += float64(in.w[i] * in.w[i])
	}
	f.resid = make([][]float64, L+1)
	f.residIn = make([][]float64, L+1)
	f.residIn[0] = slices.Clone(r)
	// Depth 0: after mu only; its leave-one-out factor is the unit's
	// weight in the overall mean.
	f.resid[0] = make([]float64, n)
	for i := 0; i < n; i++ {
		f.resid[0][i] = r[i] / max(1-in.w[i]/W, 0.1)
	}
	var ss float64
	for i := 0; i < n; i++ {
		ss += float64(in.w[i] * r[i] * r[i])
	}
	// The variance of mu: the residual variance over the effective
	// number of units, inflated for the clustering at the outermost level
	// by the design effect the level-0 variance component implies.
	neff = W * W / w2
	f.muVar = ss / W / neff
	return r, neff
}

// levelSums holds, per region of one level, the sum of the weights
// (sumW), of their squares (sumW2) and of the weighted residuals (sumR).
type levelSums struct {
	sumW, sumW2, sumR []float64
}

func newLevelSums(nr int) *levelSums {
	return &levelSums{sumW: make([]float64, nr), sumW2: make([]float64, nr), sumR: make([]float64, nr)}
}

// fitLevel estimates the effects of the regions at level l from the
// residuals r, which it then reduces by them, and sets the level's
// variance of effects and residuals.
func (f *hierFit) fitLevel(in *fitInput, l int, r []float64, neff float64, s *levelSums) {
	n, L := in.n(), in.levels
	sumW, sumW2, sumR := s.sumW, s.sumW2, s.sumR
	clear(sumW)
	clear(sumW2)
	clear(sumR)
	for i := 0; i < n; i++ {
		g := in.path[i*L+l]
		if g < 0 {
			continue
		}
		sumW[g] += in.w[i]
		sumW2[g] += float64(in.w[i] * in.w[i])
		sumR[g] += float64(in.w[i] * r[i])
	}
	within := f.levelVariance(in, l, r, neff, s)
	for g := range sumW {
		if sumW[g] <= 0 || in.levelOf(g) != l {
			continue
		}
		// No shrinkage: a region's effect is its own mean residual.
		// Shrinking towards the parent biases the regions whose
		// size goes with their lean (small rural centres, say,
		// pulled towards the big town ones), and the missing units
		// would inherit that bias. The estimate's variance is
		// sigma²/n.
		ng := sumW[g] * sumW[g] / sumW2[g]
		kk := 1.0
		f.effect[g] = sumR[g] / sumW[g]
		f.post[g] = within / ng
		f.has[g] = true
		// Keep the shrinkage for the leave-one-out factor.
		sumW2[g] = kk
	}
	for i := 0; i < n; i++ {
		g := in.path[i*L+l]
		if g >= 0 {
			r[i] -= f.effect[g]
		}
	}
	dd := make([]float64, n)
	for i := 0; i < n; i++ {
		g := in.path[i*L+l]
		lev := 0.0
		if g >= 0 && sumW[g] > 0 {
			lev = sumW2[g] * in.w[i] / sumW[g]
		}
		dd[i] = r[i] / max(1-lev, 0.1)
	}
	f.resid[l+1] = dd
	f.residIn[l+1] = slices.Clone(r)
}

// levelVariance returns the within-region variance of the residuals r at
// level l, pooled over its regions, and sets the variance of the true
// effects at that level (tau2[l], by the method of moments) and, at the
// outermost level, mu's variance under clustering.
func (f *hierFit) levelVariance(in *fitInput, l int, r []float64, neff float64, s *levelSums) (within float64) {
	n, L := in.n(), in.levels
	sumW, sumW2, sumR := s.sumW, s.sumW2, s.sumR
	// Within variance, pooled over the regions of this level.
	var wsum float64
	for i := 0; i < n; i++ {
		g := in.path[i*L+l]
		if g < 0 || sumW[g] <= 0 {
			continue
		}
		d := r[i] - sumR[g]/sumW[g]
		within += float64(in.w[i] * d * d)
		wsum += in.w[i]
	}
	var groups, between, noise float64
	for g := range sumW {
		if sumW[g] <= 0 {
			continue
		}
		groups++
	}
	if wsum > 0 && groups > 0 {
		// Degrees of freedom: units minus regions, counted
		// effectively.
		neffAll := neff
		within = within / wsum * neffAll / max(neffAll-groups, 1)
	}
	for g := range sumW {
		if sumW[g] <= 0 {
			continue
		}
		m := sumR[g] / sumW[g]
		ng := sumW[g] * sumW[g] / sumW2[g]
		between += float64(m * m)
		noise += within / ng
	}
	tau2 := 0.0
	if groups > 1 {
		tau2 = max(between/groups-noise/groups, 0)
	}
	f.tau2[l] = tau2
	if l == 0 && groups > 1 {
		// The clustering of the outermost level makes mu less certain.
		f.muVar = (between / groups) / groups
	}
	return within
}

// levelOf returns region g's level.
func (in *fitInput) levelOf(g int) int {
	if in.regionLevel == nil {
		return 0
	}
	return in.regionLevel[g]
}

// fitBeta fits the slopes within the outermost regions by weighted least
// squares, with a cluster-robust variance.
func (f *hierFit) fitBeta(in *fitInput, x []float64, group func(int) int32) {
	n, k := in.n(), in.k
	f.beta = make([]float64, k)
	f.betaChol = make([]float64, k*k)
	if k == 0 {
		return
	}
	// Group means of y and x.
	ng := in.nr + 1
	gw := make([]float64, ng)
	gy := make([]float64, ng)
	gx := make([]float64, ng*k)
	gi := func(i int) int {
		g := group(i)
		if g < 0 {
			return in.nr
		}
		return int(g)
	}
	for i := 0; i < n; i++ {
		g := gi(i)
		gw[g] += in.w[i]
		gy[g] += float64(in.w[i] * in.y[i])
		for j := 0; j < k; j++ {
			gx[g*k+j] += float64(in.w[i] * x[i*k+j])
		}
	}
	xt := make([]float64, n*k)
	yt := make([]float64, n)
	for i := 0; i < n; i++ {
		g := gi(i)
		if gw[g] <= 0 {
			continue
		}
		yt[i] = in.y[i] - gy[g]/gw[g]
		for j := 0; j < k; j++ {
			xt[i*k+j] = x[i*k+j] - gx[g*k+j]/gw[g]
		}
	}
	xtx := make([]float64, k*k)
	xty := make([]float64, k)
	for i := 0; i < n; i++ {
		for a := 0; a < k; a++ {
			xty[a] += float64(in.w[i] * xt[i*k+a] * yt[i])
			for b := 0; b < k; b++ {
				xtx[a*k+b] += float64(in.w[i] * xt[i*k+a] * xt[i*k+b])
			}
		}
	}
	inv, ok := invSmall(xtx, k)
	if !ok {
		return
	}
	for a := 0; a < k; a++ {
		for b := 0; b < k; b++ {
			f.beta[a] += float64(inv[a*k+b] * xty[b])
		}
	}
	// Cluster-robust meat: the score summed within each region.
	score := make([]float64, ng*k)
	for i := 0; i < n; i++ {
		e := yt[i]
		for j := 0; j < k; j++ {
			e -= float64(xt[i*k+j] * f.beta[j])
		}
		g := gi(i)
		for j := 0; j < k; j++ {
			score[g*k+j] += float64(in.w[i] * xt[i*k+j] * e)
		}
	}
	meat := make([]float64, k*k)
	for g := 0; g < ng; g++ {
		for a := 0; a < k; a++ {
			for b := 0; b < k; b++ {
				meat[a*k+b] += float64(score[g*k+a] * score[g*k+b])
			}
		}
	}
	v := matMul(matMul(inv, meat, k), inv, k)
	f.betaChol = cholSmall(v, k)
}

func matMul(a, b []float64, k int) []float64 {
	out := make([]float64, k*k)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			var s float64
			for t := 0; t < k; t++ {
				s += float64(a[i*k+t] * b[t*k+j])
			}
			out[i*k+j] = s
		}
	}
	return out
}

// invSmall inverts a k×k matrix (k ≤ 2 here) by Gauss–Jordan elimination.
func invSmall(m []float64, k int) ([]float64, bool) {
	a := append([]float64(nil), m...)
	inv := make([]float64, k*k)
	for i := 0; i < k; i++ {
		inv[i*k+i] = 1
	}
	for c := 0; c < k; c++ {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(a[r*k+c]) > math.Abs(a[p*k+c]) {
				p = r
			}
		}
		if math.Abs(a[p*k+c]) < 1e-12 {
			return nil, false
		}
		for j := 0; j < k; j++ {
			a[c*k+j], a[p*k+j] = a[p*k+j], a[c*k+j]
			inv[c*k+j], inv[p*k+j] = inv[p*k+j], inv[c*k+j]
		}
		d := a[c*k+c]
		for j := 0; j < k; j++ {
			a[c*k+j] /= d
			inv[c*k+j] /= d
		}
		for r := 0; r < k; r++ {
			if r == c {
				continue
			}
			fct := a[r*k+c]
			for j := 0; j < k; j++ {
				a[r*k+j] -= float64(fct * a[c*k+j])
				inv[r*k+j] -= float64(fct * inv[c*k+j])
			}
		}
	}
	return inv, true
}

// cholSmall returns the lower Cholesky factor of a symmetric positive
// semi-definite k×k matrix, zero where it is not positive.
func cholSmall(m []float64, k int) []float64 {
	l := make([]float64, k*k)
	for i := 0; i < k; i++ {
		for j := 0; j <= i; j++ {
			s := m[i*k+j]
			for t := 0; t < j; t++ {
				s -= float64(l[i*k+t] * l[j*k+t])
			}
			if i == j {
				if s > 0 {
					l[i*k+i] = math.Sqrt(s)
				}
			} else if l[j*k+j] > 0 {
				l[i*k+j] = s / l[j*k+j]
			}
		}
	}
	return l
}

// predict returns mu + x·beta + the effects of the regions on path (one
// per level, -1 where unknown) and the deepest level whose region has
// counted units (-1 for none).
func (f *hierFit) predict(x []float64, path []int32) (y float64, depth int) {
	y = f.mu
	for j := range f.beta {
		y += float64((x[j] - f.xMean[j]) * f.beta[j])
	}
	depth = -1
	for l, g := range path {
		if g < 0 || !f.has[g] {
			continue
		}
		y += f.effect[g]
		depth = l
	}
	return y, depth
}
