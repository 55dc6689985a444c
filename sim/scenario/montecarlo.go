package scenario

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// Quantiles are the probabilities at which MonteCarloResult reports
// quantiles: the 90% and 50% intervals and the median.
var Quantiles = []float64{0.05, 0.25, 0.5, 0.75, 0.95}

// MonteCarlo simulates the missing units many times. Each run draws:
//
//   - a shock shared by every region (NationalSigma) and one shared by all
//     missing units of a region at the shock level (RegionSigma), each a
//     normal draw per candidate multiplying the candidate's share by
//     exp(shock), so that errors are correlated within a region as in the
//     newsroom live models;
//   - for every missing unit, one counted unit of the same region (the
//     region the unit takes its shares from), drawn in proportion to its
//     valid votes: the missing unit's share of each candidate is the
//     region's share times the drawn unit's share over the region's. Drawn
//     this way the noise has mean zero and never makes a share negative:
//     unit-level noise resampled from the data.
//
// The remaining votes of each missing unit are fixed by the scenario's
// estimate; the shares vary. Counted units do not vary. Run i draws from
// a PCG generator seeded with (Seed, i), so results depend only on the
// seed and the number of runs, never on how the runs were split into steps,
// and are the same on every platform.
type MonteCarlo struct {
	e      *Engine
	sc     Scenario
	base   *Outcome
	runs   int
	sigma  float64
	nsigma float64
	bins   int
	a, b   int
	nc     int

	counted []float64
	units   []mcUnit
	// cellShares holds each cell's shares (nc per cell); cellRatio each
	// share over the same candidate's baseline share in the cell's noise
	// region (0 where that is 0).
	cellShares []float64
	cellRatio  []float64
	// cum holds the cumulative valid votes of the units in
	// Engine.byRegion order, for drawing a unit in proportion to its
	// votes.
	cum []int64
	// unitShares holds each counted unit's baseline shares (nc per unit).
	unitShares []float64
	nshock     int

	// cal is the calibrated model; nil for ModelLegacy.
	cal *calibrated

	done    int
	upsets  int
	wins    []int64
	margins []float64
	shares  []float64
	notes   []string

	// scratch
	shock, expShock, tmp, tot []float64
}

type mcUnit struct {
	cell   int32
	lo, hi int32 // span into Engine.byRegion
	shock  int32 // shock region index, -1 none
	vol    float64
}

// NewMonteCarlo prepares a simulation of sc (whose missing-unit rule must
// be like-region or none, which means like-region) with sc.MonteCarlo's
// parameters and nothing known beyond the counted units and the tally's
// expectations. Call Step until Done, then Result.
func (e *Engine) NewMonteCarlo(sc Scenario) (*MonteCarlo, error) {
	return e.NewProjection(sc, Inputs{})
}

// NewProjection prepares a simulation of sc that also uses what in knows:
// a baseline election and the missing units one by one.
func (e *Engine) NewProjection(sc Scenario, in Inputs) (*MonteCarlo, error) {
	return e.newProjection(sc, in, true)
}

func (e *Engine) newProjection(sc Scenario, in Inputs, calibrate bool) (*MonteCarlo, error) {
	if sc.Missing == MissingNone {
		sc.Missing = MissingLikeRegion
	}
	if sc.Missing != MissingLikeRegion {
		return nil, fmt.Errorf("%w: Monte Carlo simulates like-region missing units, not %q", ErrScenario, sc.Missing)
	}
	if err := sc.check(); err != nil {
		return nil, err
	}
	p := sc.MonteCarlo
	if p.Runs <= 0 {
		return nil, fmt.Errorf("%w: Monte Carlo needs a positive number of runs", ErrScenario)
	}
	base, err := e.Run(sc)
	if err != nil {
		return nil, err
	}
	nc := e.nc
	m := &MonteCarlo{e: e, sc: sc, base: base, runs: p.Runs, nc: nc, a: base.Winner, b: base.RunnerUp}
	m.bins = p.Bins
	if m.bins == 0 {
		m.bins = 60
	}
	shockLevel := 0
	if p.Level != "" {
		l, err := e.t.LevelIndex(p.Level)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrScenario, err)
		}
		shockLevel = min(l, len(e.t.Levels)-1)
	}
	if len(e.t.Levels) == 0 {
		shockLevel = -1
	}
	m.counted = make([]float64, nc)
	for c, v := range base.Counted {
		m.counted[c] = float64(v)
	}
	m.wins = make([]int64, nc)
	prealloc := m.runs // at most MaxRuns
	m.margins = make([]float64, 0, prealloc)
	m.shares = make([]float64, 0, prealloc*nc)
	m.tmp = make([]float64, nc)
	m.tot = make([]float64, nc)
	if p.Model == ModelLegacy {
		if in.Baseline != nil || len(in.Missing) > 0 {
			return nil, fmt.Errorf("%w: the legacy model uses no baseline and no list of missing units", ErrScenario)
		}
		if err := m.initLegacy(shockLevel); err != nil {
			return nil, err
		}
		return m, nil
	}
	if m.b < 0 {
		return nil, fmt.Errorf("%w: the projection needs two candidates", ErrScenario)
	}
	cal, err := e.newCalibrated(&sc, base, in, m.a, m.b, shockLevel, m)
	if err != nil {
		return nil, err
	}
	m.cal = cal
	// Missing units known one by one: measure the spread on the counted
	// units and correct it.
	// Not when they differ in size from the counted ones: random
	// hold-outs do not look like them, and the extrapolation shock
	// stands for that error instead.
	if nm := len(cal.units); calibrate && nm > 0 && cal.shiftM == 0 && (len(in.Missing) > 0 || (in.Baseline != nil && lenMissing(cal.join) > 0)) {
		s, err := e.selfCalibrate(sc, in, cal.scattered, cal.wholeGroups, cal.shockLevel)
		if err != nil {
			return nil, err
		}
		cal.scale = s
		m.note(fmt.Sprintf("the spread is scaled by %.2f: in %d hold-outs of counted %s, the projection's errors were that many times its own standard deviation (root mean square)", s, selfCalibrateReps, e.unitsWord()))
	}
	return m, nil
}

// initLegacy prepares the engine before calibration (ModelLegacy).
func (m *MonteCarlo) initLegacy(shockLevel int) error {
	e, sc, base, nc := m.e, m.sc, m.base, m.nc
	p := sc.MonteCarlo
	m.sigma = p.RegionSigma
	if m.sigma == 0 {
		m.sigma = DefaultRegionSigma
	}
	if m.sigma < 0 {
		m.sigma = 0
	}
	m.nsigma = p.NationalSigma
	shockLevel = max(shockLevel, 0)
	minU := int64(sc.MinUnits)
	if minU == 0 {
		minU = DefaultMinUnits
	}
	m.cum, m.unitShares = e.mcTables()
	shockIdx := map[int]int32{}
	counts, known := wholeUnits(base)
	for k, c := range base.cells {
		sr := e.shareRegion(c.region, minU)
		src := base.RegionCounted(regionOrNation(e, sr))
		var valid int64
		for _, v := range src {
			valid += v
		}
		for _, v := range src {
			if valid > 0 {
				m.cellShares = append(m.cellShares, float64(v)/float64(valid))
			} else {
				m.cellShares = append(m.cellShares, 1/float64(nc))
			}
		}
		res := e.result(sr)
		for c := 0; c < nc; c++ {
			ratio := 0.0
			if mean := res.Share(c, sim.OfValid); mean > 0 {
				ratio = m.cellShares[k*nc+c] / mean
			}
			m.cellRatio = append(m.cellRatio, ratio)
		}
		si := int32(-1)
		g := e.ancestorAt(c.region, shockLevel)
		if g >= 0 {
			s, ok := shockIdx[g]
			if !ok {
				s = int32(len(shockIdx))
				shockIdx[g] = s
			}
			si = s
		} else if len(e.t.Levels) > 0 {
			m.note("some missing units are only known above the shock level, so they get no regional shock")
		}
		if c.votes <= 0 {
			continue
		}
		n := counts[k].votes
		if !known || n <= 0 {
			res := e.result(sr)
			if res.Units > 0 && res.Valid > 0 {
				n = int64(math.Round(float64(c.votes) / (float64(res.Valid) / float64(res.Units))))
			}
			if n <= 0 {
				n = 1
			}
			m.note("the number of missing units is estimated from the remaining votes and the counted votes per unit")
		}
		sp := e.span[sr]
		if sr >= e.nr {
			sp = e.span[e.nr]
		}
		vol := float64(c.votes) / float64(n)
		for j := int64(0); j < n; j++ {
			m.units = append(m.units, mcUnit{cell: int32(k), lo: sp[0], hi: sp[1], shock: si, vol: vol})
		}
	}
	m.nshock = len(shockIdx)
	m.shock = make([]float64, (m.nshock+1)*nc)
	m.expShock = make([]float64, (m.nshock+1)*nc)
	return nil
}

func (m *MonteCarlo) note(s string) {
	if !slices.Contains(m.notes, s) {
		m.notes = append(m.notes, s)
	}
}

// mcTables returns tables that do not depend on the scenario, computed
// once: the cumulative valid votes in Engine.byRegion order (for Monte
// Carlo) and each unit's shares (for Monte Carlo and swings).
func (e *Engine) mcTables() (cum []int64, shares []float64) {
	e.mcOnce.Do(func() {
		nc := e.nc
		e.mcCum = make([]int64, len(e.byRegion)+1)
		for k, i := range e.byRegion {
			e.mcCum[k+1] = e.mcCum[k] + e.unitValid[i]
		}
		e.mcShares = make([]float64, len(e.t.Units)*nc)
		for i := range e.t.Units {
			u := &e.t.Units[i]
			if v := e.unitValid[i]; v > 0 {
				for c, x := range u.Votes {
					e.mcShares[i*nc+c] = float64(x) / float64(v)
				}
			}
		}
	})
	return e.mcCum, e.mcShares
}

// ancestorAt returns the region at level l containing region r (r itself
// if it is at level l), or -1 when r is above l or the nation.
func (e *Engine) ancestorAt(r, l int) int {
	if r < 0 || r >= e.nr || l < 0 {
		return -1
	}
	return e.t.Ancestor(r, l)
}

// Runs returns the number of runs the simulation will make in all.
func (m *MonteCarlo) Runs() int { return m.runs }

// Completed returns the number of runs made so far.
func (m *MonteCarlo) Completed() int { return m.done }

// Done reports whether every run has been made.
func (m *MonteCarlo) Done() bool { return m.done >= m.runs }

// Step makes up to n more runs and returns the number made so far.
func (m *MonteCarlo) Step(n int) int {
	for ; n > 0 && m.done < m.runs; n-- {
		m.run(m.done)
		m.done++
	}
	return m.done
}

// normal returns an approximately standard normal draw: the sum of twelve
// uniforms minus six (mean 0, variance 1, tails cut at ±6). It uses only
// additions, so it is the same on every platform.
func normal(r *rand.Rand) float64 {
	var s float64
	for i := 0; i < 12; i++ {
		s += r.Float64()
	}
	return s - 6
}

// detExp is exp(x) computed with additions, multiplications and Ldexp
// only, so that it rounds the same on every platform (math.Exp has
// assembly versions on some).
func detExp(x float64) float64 {
	if x > 700 {
		return math.Inf(1)
	}
	if x < -700 {
		return 0
	}
	const ln2 = 0.6931471805599453
	k := math.Floor(x/ln2 + 0.5)
	r := x - float64(k*ln2) // the conversion forbids a fused multiply-add
	// Taylor series of exp(r), |r| ≤ 0.35, to 16 terms, or fewer once a
	// term no longer changes the sum (the same test on every platform).
	term, sum := 1.0, 1.0
	for i := 1; i <= 16; i++ {
		term = float64(term*r) / float64(i)
		next := sum + term
		if next == sum {
			break
		}
		sum = next
	}
	return math.Ldexp(sum, int(k))
}

func (m *MonteCarlo) run(i int) {
	if m.cal != nil {
		m.cal.run(m, i)
		return
	}
	m.runLegacy(i)
}

func (m *MonteCarlo) runLegacy(i int) {
	nc := m.nc
	r := rand.New(rand.NewPCG(m.sc.MonteCarlo.Seed, uint64(i)))
	nat := m.shock[m.nshock*nc:]
	for c := 0; c < nc; c++ {
		nat[c] = 0
		if m.nsigma > 0 {
			nat[c] = float64(m.nsigma * normal(r))
		}
	}
	for g := 0; g < m.nshock; g++ {
		for c := 0; c < nc; c++ {
			z := 0.0
			if m.sigma > 0 {
				z = float64(m.sigma * normal(r))
			}
			m.expShock[g*nc+c] = detExp(z + nat[c])
		}
	}
	for c := 0; c < nc; c++ {
		m.expShock[m.nshock*nc+c] = detExp(nat[c])
	}
	copy(m.tot, m.counted)
	byRegion := m.e.byRegion
	for k := range m.units {
		u := &m.units[k]
		cs := m.cellShares[int(u.cell)*nc : int(u.cell+1)*nc]
		ratio := m.cellRatio[int(u.cell)*nc : int(u.cell+1)*nc]
		g := int(u.shock)
		if g < 0 {
			g = m.nshock
		}
		ex := m.expShock[g*nc : (g+1)*nc]
		var us []float64
		if lo, hi := m.cum[u.lo], m.cum[u.hi]; hi > lo {
			target := lo + r.Int64N(hi-lo)
			// The unit k with cum[k] <= target < cum[k+1].
			a, b := int(u.lo), int(u.hi)
			for b-a > 1 {
				mid := int(uint(a+b) >> 1)
				if m.cum[mid] <= target {
					a = mid
				} else {
					b = mid
				}
			}
			j := int(byRegion[a])
			us = m.unitShares[j*nc : (j+1)*nc]
		}
		var sum float64
		for c := 0; c < nc; c++ {
			x := cs[c]
			if us != nil && ratio[c] > 0 {
				x = float64(ratio[c] * us[c])
			}
			x = float64(x * ex[c])
			m.tmp[c] = x
			sum += x
		}
		if sum <= 0 {
			copy(m.tmp, cs)
			sum = 1
		}
		for c := 0; c < nc; c++ {
			m.tot[c] += float64(u.vol*m.tmp[c]) / sum
		}
	}
	m.record()
}

// record adds the run whose totals are in m.tot to the results.
func (m *MonteCarlo) record() {
	nc := m.nc
	if c := m.cal; c != nil && c.scale != 1 {
		for i := range m.tot {
			m.tot[i] = c.center[i] + float64(c.scale*(m.tot[i]-c.center[i]))
		}
	}
	var all float64
	for _, v := range m.tot {
		all += v
	}
	best := 0
	for c := 1; c < nc; c++ {
		if m.tot[c] > m.tot[best] {
			best = c
		}
	}
	m.wins[best]++
	if best != m.a {
		m.upsets++
	}
	for c := 0; c < nc; c++ {
		s := 0.0
		if all > 0 {
			s = m.tot[c] / all
		}
		m.shares = append(m.shares, s)
	}
	margin := 0.0
	if all > 0 && m.b >= 0 {
		margin = 100 * (m.tot[m.a] - m.tot[m.b]) / all
	}
	m.margins = append(m.margins, margin)
}

// Histogram counts values in equal bins from Lo to Hi.
type Histogram struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Counts []int   `json:"counts"`
}

// MonteCarloResult summarises the runs made so far.
type MonteCarloResult struct {
	Runs int    `json:"runs"`
	Seed uint64 `json:"seed"`
	// A and B are the projected winner and runner-up of the scenario's
	// central outcome; margins are A's share minus B's, in points.
	A int `json:"a"`
	B int `json:"b"`
	// Wins is each candidate's number of runs won, and WinProb the
	// fraction; WinSE is the Monte Carlo standard error of WinProb
	// (sqrt(p(1−p)/runs)), the part of its uncertainty that more runs
	// would remove.
	Wins    []int64   `json:"wins"`
	WinProb []float64 `json:"win_prob"`
	WinSE   []float64 `json:"win_se"`
	// Quantiles are the probabilities of ShareQ's and MarginQ's columns.
	Quantiles []float64 `json:"quantiles"`
	// ShareQ[c] holds candidate c's share of the valid vote at Quantiles.
	ShareQ [][]float64 `json:"share_q"`
	// MarginQ holds the margin in points at Quantiles; MarginMean its mean.
	MarginQ    []float64 `json:"margin_q"`
	MarginMean float64   `json:"margin_mean"`
	// Margins holds every run's margin, sorted, for plotting; Histogram
	// bins them.
	Margins   []float64 `json:"margins"`
	Histogram Histogram `json:"histogram"`
	// MissingUnits is the number of simulated missing units.
	MissingUnits int `json:"missing_units"`
	// SpreadScale is the factor the calibration on counted units put on
	// the spread (1 when none was measured).
	SpreadScale float64 `json:"spread_scale"`
	// Model says in one sentence how the missing units are simulated.
	Model string   `json:"model"`
	Notes []string `json:"notes,omitempty"`
}

// Interval returns the central interval of the margin holding the given
// fraction of the runs (0.9: from the 5% to the 95% quantile).
func (r *MonteCarloResult) Interval(level float64) (lo, hi float64) {
	a := (1 - level) / 2
	return quantile(r.Margins, a), quantile(r.Margins, 1-a)
}

// quantile returns the p-quantile of sorted values (linear between order
// statistics, the "type 7" rule).
func quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + float64((h-float64(lo))*(sorted[lo+1]-sorted[lo]))
}

// Result summarises the runs made so far.
func (m *MonteCarlo) Result() MonteCarloResult {
	nc := m.nc
	res := MonteCarloResult{Runs: m.done, Seed: m.sc.MonteCarlo.Seed, A: m.a, B: m.b, Quantiles: Quantiles, MissingUnits: len(m.units)}
	res.Notes = append(res.Notes, m.notes...)
	res.WinProb = make([]float64, nc)
	res.WinSE = make([]float64, nc)
	res.Wins = slices.Clone(m.wins)
	res.ShareQ = make([][]float64, nc)
	res.Model = m.ModelText()
	res.SpreadScale = 1
	if m.cal != nil {
		res.SpreadScale = m.cal.scale
	}
	if m.cal != nil {
		res.MissingUnits = len(m.cal.units)
	}
	if m.done == 0 {
		return res
	}
	for c := range res.WinProb {
		p := float64(m.wins[c]) / float64(m.done)
		res.WinProb[c] = p
		res.WinSE[c] = math.Sqrt(p * (1 - p) / float64(m.done))
	}
	col := make([]float64, m.done)
	for c := 0; c < nc; c++ {
		for i := 0; i < m.done; i++ {
			col[i] = m.shares[i*nc+c]
		}
		slices.Sort(col)
		q := make([]float64, len(Quantiles))
		for k, p := range Quantiles {
			q[k] = quantile(col, p)
		}
		res.ShareQ[c] = q
	}
	res.Margins = slices.Clone(m.margins)
	slices.Sort(res.Margins)
	var sum float64
	for _, v := range m.margins {
		sum += v
	}
	res.MarginMean = sum / float64(m.done)
	res.MarginQ = make([]float64, len(Quantiles))
	for k, p := range Quantiles {
		res.MarginQ[k] = quantile(res.Margins, p)
	}
	lo, hi := res.Margins[0], res.Margins[len(res.Margins)-1]
	if hi <= lo {
		lo, hi = lo-0.5, hi+0.5
	}
	res.Histogram = Histogram{Lo: lo, Hi: hi, Counts: make([]int, m.bins)}
	for _, v := range res.Margins {
		b := int(float64(m.bins) * (v - lo) / (hi - lo))
		b = min(max(b, 0), m.bins-1)
		res.Histogram.Counts[b]++
	}
	return res
}

// ModelText says in one sentence how the simulation models the missing
// units.
func (m *MonteCarlo) ModelText() string {
	if m.cal != nil {
		return m.cal.model
	}
	return fmt.Sprintf("legacy model: each missing %s takes its region's shares with a fixed regional shock (sd %.2g on the log share) and noise resampled from the region's counted %s; its volume is fixed", m.e.unitWord(), m.sigma, m.e.unitsWord())
}

// PointByRegion returns the central projection's votes per candidate for
// every region at level l (indexed by region), counted plus missing.
func (m *MonteCarlo) PointByRegion(l int) map[int][]int64 {
	e := m.e
	out := map[int][]int64{}
	if l < 0 || l >= len(e.t.Levels) {
		return out
	}
	for _, r := range e.agg.Level(l) {
		out[r] = slices.Clone(m.base.RegionCounted(r))
	}
	if m.cal == nil {
		for _, r := range e.agg.Level(l) {
			out[r] = m.base.RegionTotal(r, nil)
		}
		return out
	}
	m.cal.addPoint(out, l, m.nc, m.a, m.b)
	return out
}

// RunMonteCarlo makes every run of sc's simulation at once.
func (e *Engine) RunMonteCarlo(sc Scenario) (MonteCarloResult, error) {
	m, err := e.NewMonteCarlo(sc)
	if err != nil {
		return MonteCarloResult{}, err
	}
	m.Step(m.runs)
	return m.Result(), nil
}

// MinRuns is the number of finished runs below which no probability and
// no interval should be shown. With 400 runs the Monte Carlo standard
// error of a probability is at most 2.5 points (at 50%), and each 5% tail
// of the 90% interval rests on 20 runs; with fewer, the figures move
// visibly from one run to the next.
const MinRuns = 400

// WinKind says how a winning probability must be stated.
type WinKind int

// The kinds of WinStatement.
const (
	// WinTooFew: fewer than MinRuns runs; state nothing yet.
	WinTooFew WinKind = iota
	// WinAll: the candidate won every run ("in all 2,000 runs"), never
	// "100%".
	WinAll
	// WinNone: the candidate won no run.
	WinNone
	// WinAbove: more than 99.9% but not every run.
	WinAbove
	// WinBelow: fewer than 0.1% but some run.
	WinBelow
	// WinShare: a percentage, with its Monte Carlo error.
	WinShare
)

// WinStatement is what can honestly be said of a candidate's winning
// probability after the runs made so far.
type WinStatement struct {
	Kind WinKind `json:"kind"`
	Wins int64   `json:"wins"`
	Runs int     `json:"runs"`
	// P is the fraction of runs won and SE its Monte Carlo standard
	// error.
	P  float64 `json:"p"`
	SE float64 `json:"se"`
}

// Statement returns what can be said of candidate c's winning
// probability.
func (r *MonteCarloResult) Statement(c int) WinStatement {
	s := WinStatement{Runs: r.Runs}
	if c < 0 || c >= len(r.Wins) || r.Runs < MinRuns {
		return s
	}
	s.Wins, s.P, s.SE = r.Wins[c], r.WinProb[c], r.WinSE[c]
	switch {
	case s.Wins == int64(r.Runs):
		s.Kind = WinAll
	case s.Wins == 0:
		s.Kind = WinNone
	case s.P > 0.999:
		s.Kind = WinAbove
	case s.P < 0.001:
		s.Kind = WinBelow
	default:
		s.Kind = WinShare
	}
	return s
}

// String states s in English ("in all 2,000 runs", "in 97.3% of 2,000
// runs (Monte Carlo error ±0.4 points)").
func (s WinStatement) String() string {
	n := Thousands(int64(s.Runs))
	switch s.Kind {
	case WinAll:
		return "in all " + n + " runs"
	case WinNone:
		return "in none of the " + n + " runs"
	case WinAbove:
		return "in more than 99.9% of " + n + " runs"
	case WinBelow:
		return "in fewer than 0.1% of " + n + " runs"
	case WinShare:
		return fmt.Sprintf("in %.1f%% of %s runs (Monte Carlo error ±%.1f points)", 100*s.P, n, 100*s.SE)
	}
	return fmt.Sprintf("(not stated before %d runs; %s made)", MinRuns, n)
}
