package forensics

import (
	"fmt"
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// KlimekOptions configures KlimekFit. The zero value fits on 1% share
// bins, on a grid of step 0.05 for incremental fraud (up to 0.6) and 0.01
// for extreme fraud (up to 0.2), with the spreads of package synth, two
// model units per observed unit and seed 0.
type KlimekOptions struct {
	Seed uint64
	// Candidate names the candidate who would gain (ID or name); empty
	// means the leader of the data.
	Candidate string
	// Bins is the number of share bins (100).
	Bins int
	// Step is the grid step of the extreme fraction (0.01) and
	// IncrementalStep that of the incremental fraction (0.05, a multiple
	// of Step): on synthetic elections of 20,000 units the incremental
	// fraction's estimate scatters by about ±0.05 from seed to seed, so a
	// finer grid would only suggest a precision the fit does not have.
	// MaxIncremental and MaxExtreme bound the grid (0.6 and 0.2).
	Step            float64
	IncrementalStep float64
	MaxIncremental  float64
	MaxExtreme      float64
	// IncrementalSD and ExtremeSD are the spreads of the stolen fraction
	// (synth.DefaultIncrementalSD and synth.DefaultExtremeSD).
	IncrementalSD, ExtremeSD float64
	// Replicas is the number of model units per observed unit (2).
	Replicas int
}

// KlimekModel describes the model fitted by KlimekFit.
const KlimekModel = "Model (after Klimek, Yegorov, Hanel and Thurner, PNAS 2012): in a fair unit, turnout and the " +
	"candidate's share are normal draws. Their centres and spreads are estimated so that stuffing does not leak " +
	"into them (turnout's from the peak and lower half of its distribution, the share's from the units in the " +
	"lowest quarter of turnout), then corrected by simulating the fitted model until the fractions settle. In a " +
	"fraction of units (incremental fraud) a fraction x = |N(0, sd)| of " +
	"the non-voters is added to the candidate and the same fraction of the other candidates' votes is moved to " +
	"the candidate; in another fraction (extreme fraud) x = 1 − |N(0, sd)|. The two fractions are chosen on a " +
	"grid to minimise the squared difference between the model's and the observed share histograms; each model " +
	"unit has the registered voters of an observed unit."

// KlimekCaveat is printed next to every fit.
const KlimekCaveat = "The fitted fractions are parameters of a simple model, not counts of manipulated units. " +
	"Real differences between places (strongholds, small communities, regional swings) also skew the share " +
	"histogram to the right and can produce fractions above zero in a clean election; fractions near zero mean " +
	"only that the model needs no stuffing to reproduce the histogram, not that none happened. The fit cannot " +
	"tell who altered figures, or whether anyone did."

// KlimekResult is the fit of the fraud model to one candidate's shares.
type KlimekResult struct {
	Candidate   int         `json:"candidate"`
	CandidateID string      `json:"candidate_id"`
	Units       int         `json:"units"`
	Excluded    []Exclusion `json:"excluded,omitempty"`
	// Turnout, TurnoutSD, Share and ShareSD are the fair model's
	// parameters estimated from the data.
	Turnout   float64 `json:"turnout"`
	TurnoutSD float64 `json:"turnout_sd"`
	Share     float64 `json:"share"`
	ShareSD   float64 `json:"share_sd"`
	// Incremental and Extreme are the fitted fractions of units, on grids
	// of step IncrementalStep and Step.
	Incremental     float64 `json:"incremental"`
	Extreme         float64 `json:"extreme"`
	IncrementalStep float64 `json:"incremental_step"`
	Step            float64 `json:"step"`
	// Residual is the sum of squared differences between the fitted and
	// observed histograms (as fractions of units); FairResidual the same for
	// the fair model (both fractions zero).
	Residual     float64 `json:"residual"`
	FairResidual float64 `json:"fair_residual"`
	// NoiseResidual is the residual expected from sampling noise alone
	// if the model were exactly right: Σ p(1−p)·(1/units + 1/model units)
	// over the observed bin fractions p. Fits reports Residual ≤
	// 2·NoiseResidual; when it is false the model does not describe the
	// data and its fractions must not be read as amounts of fraud.
	// AtEdge reports a fitted fraction on the grid's upper bound.
	NoiseResidual float64 `json:"noise_residual"`
	Fits          bool    `json:"fits"`
	AtEdge        bool    `json:"at_edge"`
	// Observed, Fair and Fitted are the share histograms, as fractions of
	// units, over Bins equal bins of [0,1].
	Bins     int       `json:"bins"`
	Observed []float64 `json:"observed"`
	Fair     []float64 `json:"fair"`
	Fitted   []float64 `json:"fitted"`
	// Surface holds the residual at every grid point, row-major by
	// incremental fraction: Surface[a*ExtremeSteps+b] is incremental
	// a·IncrementalStep, extreme b·Step.
	IncrementalSteps int       `json:"incremental_steps"`
	ExtremeSteps     int       `json:"extreme_steps"`
	Surface          []float64 `json:"surface"`
	Model            string    `json:"model"`
	Caveat           string    `json:"caveat"`
}

func (o KlimekOptions) withDefaults() (KlimekOptions, error) {
	if o.Bins == 0 {
		o.Bins = 100
	}
	if o.Step == 0 {
		o.Step = 0.01
	}
	if o.IncrementalStep == 0 {
		o.IncrementalStep = 0.05
	}
	if o.MaxIncremental == 0 {
		o.MaxIncremental = 0.6
	}
	if o.MaxExtreme == 0 {
		o.MaxExtreme = 0.2
	}
	if o.IncrementalSD == 0 {
		o.IncrementalSD = synth.DefaultIncrementalSD
	}
	if o.ExtremeSD == 0 {
		o.ExtremeSD = synth.DefaultExtremeSD
	}
	if o.Replicas == 0 {
		o.Replicas = 2
	}
	switch {
	case o.Bins < 2 || o.Bins > maxBins:
		return o, fmt.Errorf("%w: bins must be between 2 and %d, got %d", ErrInput, maxBins, o.Bins)
	case !(o.Step >= 0.001 && o.Step <= 0.5):
		return o, fmt.Errorf("%w: grid step must be between 0.001 and 0.5, got %g", ErrInput, o.Step)
	case !(o.IncrementalStep >= o.Step) || math.Abs(o.IncrementalStep/o.Step-math.Round(o.IncrementalStep/o.Step)) > 1e-6:
		return o, fmt.Errorf("%w: the incremental grid step must be a multiple of the step %g, got %g", ErrInput, o.Step, o.IncrementalStep)
	case !(o.MaxIncremental >= 0 && o.MaxExtreme >= 0 && o.MaxIncremental+o.MaxExtreme <= 1):
		return o, fmt.Errorf("%w: the grid's maxima must be non-negative and sum to at most 1", ErrInput)
	case !(o.IncrementalSD > 0 && o.ExtremeSD > 0):
		return o, fmt.Errorf("%w: spreads must be positive", ErrInput)
	case o.Replicas < 1 || o.Replicas > 100:
		return o, fmt.Errorf("%w: replicas must be between 1 and 100, got %d", ErrInput, o.Replicas)
	}
	return o, nil
}

// KlimekFit fits the fraud model of Klimek et al. to the share histogram
// of a candidate over the tally's single units with known registered
// voters.
//
// The fair model's parameters are estimated so that ballot stuffing does
// not leak into them: turnout's centre and spread from the peak and the
// lower half of the turnout distribution, the share's from the units in
// the lowest quarter of turnout. Because stuffed units can still fall in
// that quarter, the fit alternates: fit the fractions, simulate the fitted
// model, correct the fair parameters by the difference between the
// model's and the data's estimates, and fit again, until the fractions stop
// changing (at most 12 rounds).
func KlimekFit(t *sim.Tally, o KlimekOptions) (*KlimekResult, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	c, err := resolveCandidate(t, o.Candidate)
	if err != nil {
		return nil, err
	}
	if !t.HasRegistered() {
		return nil, sim.Errorf(ErrNeedsTurnout, "forensics.klimek.no-registered", t.UnitLevel)
	}
	var ex exclusions
	var regs, turnouts, shares []float64
	for i := range t.Units {
		u := &t.Units[i]
		if ok, why := turnoutUnit(u); !ok {
			ex.add(why)
			continue
		}
		valid := u.Valid()
		if valid == 0 {
			ex.add(ReasonNoValidVotes)
			continue
		}
		regs = append(regs, float64(u.Registered))
		turnouts = append(turnouts, float64(u.Cast())/float64(u.Registered))
		shares = append(shares, float64(u.Votes[c])/float64(valid))
	}
	if len(regs) < 10 {
		return nil, sim.Errorf(ErrNoUnits, "forensics.klimek.too-few", t.UnitLevel, sim.Votes(len(regs)))
	}
	res := &KlimekResult{Candidate: c, CandidateID: t.Candidates[c].ID, Units: len(regs), Excluded: ex.result(),
		IncrementalStep: o.IncrementalStep, Step: o.Step, Bins: o.Bins, Model: KlimekModel, Caveat: KlimekCaveat}
	res.Observed = make([]float64, o.Bins)
	for _, s := range shares {
		res.Observed[bin(s, o.Bins)]++
	}
	for b := range res.Observed {
		res.Observed[b] /= float64(len(shares))
	}

	sorted := slices.Sorted(slices.Values(turnouts))
	cutoff := quantileSorted(sorted, 0.25)
	data := fairEstimates(turnouts, shares, cutoff, o.Bins)
	p := data
	f := newKlimekFitter(regs, res.Observed, o)
	a, b := -1, -1
	for range 12 {
		f.build(p)
		a2, b2 := f.best()
		if a2 == a && b2 == b {
			break
		}
		a, b = a2, b2
		// Correct the fair parameters so that the model, with these
		// fractions, gives the same estimates as the data.
		m := f.estimates(a, b, cutoff)
		p = klimekParams{
			turnout:   clip01(p.turnout + data.turnout - m.turnout),
			turnoutSD: max(p.turnoutSD*data.turnoutSD/m.turnoutSD, 1e-3),
			share:     clip01(p.share + data.share - m.share),
			shareSD:   max(p.shareSD*data.shareSD/m.shareSD, 1e-3),
		}
	}
	f.build(p)
	res.Turnout, res.TurnoutSD, res.Share, res.ShareSD = p.turnout, p.turnoutSD, p.share, p.shareSD
	rows := (f.na-1)/f.stride + 1
	res.IncrementalSteps, res.ExtremeSteps = rows, f.nb
	res.Surface = make([]float64, rows*f.nb)
	bestA, bestB := 0, 0
	for a := range rows {
		for b := range f.nb {
			s := f.residual(a*f.stride, b)
			res.Surface[a*f.nb+b] = s
			if s < res.Surface[bestA*f.nb+bestB] {
				bestA, bestB = a, b
			}
		}
	}
	res.Incremental, res.Extreme = float64(bestA)*o.IncrementalStep, float64(bestB)*o.Step
	res.Residual, res.FairResidual = res.Surface[bestA*f.nb+bestB], res.Surface[0]
	bestA *= f.stride
	res.AtEdge = bestA == (rows-1)*f.stride || bestB == f.nb-1
	m := float64(len(f.zt))
	for _, p := range res.Observed {
		res.NoiseResidual += p * (1 - p) * (1/float64(res.Units) + 1/m)
	}
	res.Fits = res.Residual <= 2*res.NoiseResidual
	res.Fair = make([]float64, o.Bins)
	f.model(0, 0, res.Fair)
	res.Fitted = make([]float64, o.Bins)
	f.model(bestA, bestB, res.Fitted)
	return res, nil
}

// klimekParams are the fair model's parameters.
type klimekParams struct {
	turnout, turnoutSD, share, shareSD float64
}

// fairEstimates computes the estimates that are matched between data and
// model: turnout's peak and lower spread, and the median and scaled median
// absolute deviation of the share among units with turnout below cutoff.
func fairEstimates(turnouts, shares []float64, cutoff float64, bins int) klimekParams {
	var p klimekParams
	p.turnout, p.turnoutSD = peakAndLowerSpread(turnouts, bins)
	var sub []float64
	for i, t := range turnouts {
		if t < cutoff {
			sub = append(sub, shares[i])
		}
	}
	if len(sub) < 10 {
		sub = slices.Clone(shares)
	}
	p.share, p.shareSD = medianMAD(sub)
	return p
}

// medianMAD returns the median of xs and 1.4826 times the median absolute
// deviation (the standard deviation for a normal distribution). It sorts xs.
func medianMAD(xs []float64) (median, spread float64) {
	slices.Sort(xs)
	median = quantileSorted(xs, 0.5)
	dev := make([]float64, len(xs))
	for i, x := range xs {
		dev[i] = math.Abs(x - median)
	}
	slices.Sort(dev)
	return median, max(1.4826*quantileSorted(dev, 0.5), 1e-3)
}

// klimekFitter simulates every model unit three ways (fair, incremental,
// extreme) with common random numbers, in a random order; a grid point's
// histogram is then the first units extreme, the next incremental and the
// rest fair, read from prefix histograms at the grid's cuts.
type klimekFitter struct {
	o              KlimekOptions
	regs, observed []float64
	zt, zn, xi, xe []float64
	perm, rank     []int
	na, nb, ncut   int
	stride         int
	cuts           []int
	pf, pi, pe     [][]float64
	totalFair, h   []float64
	share, turnout [3][]float64
	bins           [3][]int32
}

func newKlimekFitter(regs, observed []float64, o KlimekOptions) *klimekFitter {
	m := len(regs) * o.Replicas
	r := newRand(o.Seed, streamKlimek)
	f := &klimekFitter{o: o, regs: regs, observed: observed,
		zt: make([]float64, m), zn: make([]float64, m), xi: make([]float64, m), xe: make([]float64, m),
		h: make([]float64, o.Bins), totalFair: make([]float64, o.Bins)}
	for j := range m {
		f.zt[j], f.zn[j] = r.NormFloat64(), r.NormFloat64()
		f.xi[j], f.xe[j] = synth.IncrementalX(r, o.IncrementalSD), synth.ExtremeX(r, o.ExtremeSD)
	}
	f.perm = r.Perm(m)
	f.rank = make([]int, m)
	for pos, j := range f.perm {
		f.rank[j] = pos
	}
	for v := range 3 {
		f.share[v], f.turnout[v], f.bins[v] = make([]float64, m), make([]float64, m), make([]int32, m)
	}
	f.stride = int(math.Round(o.IncrementalStep / o.Step))
	f.na = int(math.Round(o.MaxIncremental/o.Step)) + 1
	f.nb = int(math.Round(o.MaxExtreme/o.Step)) + 1
	f.ncut = f.na + f.nb - 1
	f.cuts = make([]int, f.ncut)
	for j := range f.cuts {
		f.cuts[j] = min(int(math.Round(float64(j)*o.Step*float64(m))), m)
	}
	alloc := func() [][]float64 {
		out := make([][]float64, f.ncut)
		for j := range out {
			out[j] = make([]float64, o.Bins)
		}
		return out
	}
	f.pf, f.pi, f.pe = alloc(), alloc(), alloc()
	return f
}

// The three ways a model unit is simulated.
const (
	variantFair = iota
	variantIncremental
	variantExtreme
)

// build simulates the model units for fair parameters p and fills the
// prefix histograms.
func (f *klimekFitter) build(p klimekParams) {
	nb := f.o.Bins
	for j := range f.zt {
		n := f.regs[j%len(f.regs)]
		tau := clip01(p.turnout + p.turnoutSD*f.zt[j])
		nu := clip01(p.share + p.shareSD*f.zn[j])
		voters, winner := n*tau, n*tau*nu
		f.share[variantFair][j], f.turnout[variantFair][j] = nu, tau
		for v, x := range [3]float64{variantIncremental: f.xi[j], variantExtreme: f.xe[j]} {
			if v == variantFair {
				continue
			}
			vv, w := synth.Steal(n, voters, winner, x)
			f.share[v][j], f.turnout[v][j] = ratio(w, vv, nu), ratio(vv, n, tau)
		}
		for v := range 3 {
			f.bins[v][j] = int32(bin(f.share[v][j], nb))
		}
	}
	f.prefix(f.bins[variantFair], f.pf)
	f.prefix(f.bins[variantIncremental], f.pi)
	f.prefix(f.bins[variantExtreme], f.pe)
	clear(f.totalFair)
	for _, b := range f.bins[variantFair] {
		f.totalFair[b]++
	}
}

func (f *klimekFitter) prefix(b []int32, out [][]float64) {
	clear(f.h)
	pos := 0
	for j := range f.ncut {
		for ; pos < f.cuts[j]; pos++ {
			f.h[b[f.perm[pos]]]++
		}
		copy(out[j], f.h)
	}
}

// variant returns how model unit j is simulated at grid point (a, b).
func (f *klimekFitter) variant(j, a, b int) int {
	switch r := f.rank[j]; {
	case r < f.cuts[b]:
		return variantExtreme
	case r < f.cuts[a+b]:
		return variantIncremental
	}
	return variantFair
}

// estimates computes fairEstimates on the model at grid point (a, b).
func (f *klimekFitter) estimates(a, b int, cutoff float64) klimekParams {
	m := len(f.zt)
	ts, ss := make([]float64, m), make([]float64, m)
	for j := range m {
		v := f.variant(j, a, b)
		ts[j], ss[j] = f.turnout[v][j], f.share[v][j]
	}
	return fairEstimates(ts, ss, cutoff, f.o.Bins)
}

// model writes the histogram (fractions of units) for incremental a·Step
// and extreme b·Step.
func (f *klimekFitter) model(a, b int, dst []float64) {
	e, ie := b, a+b
	m := float64(len(f.zt))
	for k := range dst {
		dst[k] = (f.pe[e][k] + f.pi[ie][k] - f.pi[e][k] + f.totalFair[k] - f.pf[ie][k]) / m
	}
}

func (f *klimekFitter) residual(a, b int) float64 {
	f.model(a, b, f.h)
	var s float64
	for k, v := range f.h {
		d := v - f.observed[k]
		s += d * d
	}
	return s
}

// best returns the grid point with the smallest residual (ties: the
// smallest fractions).
func (f *klimekFitter) best() (bestA, bestB int) {
	best := math.Inf(1)
	for a := 0; a < f.na; a += f.stride {
		for b := range f.nb {
			if s := f.residual(a, b); s < best {
				best, bestA, bestB = s, a, b
			}
		}
	}
	return bestA, bestB
}

func ratio(a, b, fallback float64) float64 {
	if b <= 0 {
		return fallback
	}
	return a / b
}

func clip01(x float64) float64 { return min(max(x, 0), 1) }

// peakAndLowerSpread estimates the centre and spread of the fair part of a
// distribution that fraud can only push upward: the centre is the peak of
// the histogram smoothed with a triangular five-bin kernel, refined to the
// mean of the values within one bin of it, and the spread is the distance
// from the centre down to the 31.73% quantile of the values below it (for
// a normal distribution, the lower half's 31.73% quantile lies one
// standard deviation below the mean).
func peakAndLowerSpread(xs []float64, bins int) (centre, spread float64) {
	h := make([]float64, bins)
	for _, x := range xs {
		h[bin(x, bins)]++
	}
	bestK, bestV := 0, -1.0
	for k := range h {
		var s float64
		for d := -2; d <= 2; d++ {
			if j := k + d; j >= 0 && j < bins {
				s += h[j] * float64(3-abs(d))
			}
		}
		if s > bestV {
			bestK, bestV = k, s
		}
	}
	lo, hi := float64(bestK-1)/float64(bins), float64(bestK+2)/float64(bins)
	var sum float64
	var n int
	for _, x := range xs {
		if x >= lo && x < hi {
			sum += x
			n++
		}
	}
	centre = (float64(bestK) + 0.5) / float64(bins)
	if n > 0 {
		centre = sum / float64(n)
	}
	var below []float64
	for _, x := range xs {
		if x < centre {
			below = append(below, x)
		}
	}
	spread = 1 / float64(bins)
	if len(below) >= 2 {
		slices.Sort(below)
		spread = max(centre-quantileSorted(below, 0.3173), spread/2)
	}
	return centre, spread
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
