package scenario

import (
	"github.com/tallyscope/tallyscope/sim"

	"fmt"
	"math"
)

// QuickCountShare is one candidate's estimated share with its sampling
// error.
type QuickCountShare struct {
	Candidate int     `json:"candidate"`
	Share     float64 `json:"share"`
	// SE is the standard error of Share; Low and High the 95% interval
	// (Share ± 1.96 SE).
	SE   float64 `json:"se"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// QuickCount is the sampling error of a quick count: the counted units
// taken as a simple random sample of the expected units (stratified by
// region when a level is given), shares estimated with the ratio
// estimator Σy/Σx (y a candidate's votes, x the valid votes), whose
// variance is
//
//	V = Σ_h N_h² (1 − n_h/N_h) s²_h / n_h / X²,  s²_h = Σ_i (y_i − r x_i)² / (n_h − 1)
//
// with X the estimated total valid vote (the combined ratio estimator).
type QuickCount struct {
	// Sampled counts the sampled units; Population the expected units
	// (equal to Sampled, no finite-population correction, when unknown).
	Sampled    int64 `json:"sampled"`
	Population int64 `json:"population"`
	// Strata is the number of strata (1 when not stratified).
	Strata int               `json:"strata"`
	Shares []QuickCountShare `json:"shares"`
	// A and B are the leader and runner-up; MarginPP is A's share minus
	// B's in points, with its standard error.
	A          int        `json:"a"`
	B          int        `json:"b"`
	MarginPP   float64    `json:"margin_pp"`
	MarginSEPP float64    `json:"margin_se_pp"`
	Notes      []sim.Note `json:"notes,omitempty"`
}

// QuickCount estimates the sampling error of the counted units as a quick
// count. level names the strata ("state"); empty means no strata. The
// population of each stratum is its expected units when the tally has an
// expectation for it, else its share of the national expected units in
// proportion to its sampled units.
func (e *Engine) QuickCount(level string, unitsTotal int64) (*QuickCount, error) {
	t := e.t
	nc := e.nc
	l, err := e.strataLevel(level)
	if err != nil {
		return nil, err
	}
	q := &QuickCount{A: -1, B: -1}
	nat := &e.agg.Nation
	if nat.Valid <= 0 || len(t.Units) < 2 {
		return nil, fmt.Errorf("%w: a quick count needs at least two units with votes", ErrScenario)
	}
	N := t.NationalExpectation().Units
	if unitsTotal > 0 {
		N = unitsTotal
	}
	q.Sampled = nat.Units
	for i := range t.Units {
		if t.Units[i].Size() > 1 {
			q.Notes = append(q.Notes, sim.NewNote("quickcount.clusters", e.t.UnitLevel))
			break
		}
	}
	// Strata: regions at level l (or the nation).
	strata := []int{e.nr}
	if l >= 0 {
		strata = e.agg.Level(l)
	}
	q.Strata = len(strata)
	st, Nsum := e.quickStrata(strata, N)
	if N <= 0 {
		q.Notes = append(q.Notes, sim.NewNote("quickcount.no-fpc", e.t.UnitLevel))
	}
	q.Population = int64(math.Round(Nsum))
	X, ratio := e.ratioEstimates(st)
	votes := make([]int64, nc)
	for c := range votes {
		votes[c] = nat.Votes[c]
	}
	q.A, q.B, _ = e.leader(votes)
	for c := 0; c < nc; c++ {
		se := math.Sqrt(e.ratioVariance(st, X, func(i int) float64 { return float64(t.Units[i].Votes[c]) }, ratio[c]))
		q.Shares = append(q.Shares, QuickCountShare{Candidate: c, Share: ratio[c], SE: se, Low: ratio[c] - 1.96*se, High: ratio[c] + 1.96*se})
	}
	if q.B >= 0 {
		a, b := q.A, q.B
		q.MarginPP = 100 * (ratio[a] - ratio[b])
		q.MarginSEPP = 100 * math.Sqrt(e.ratioVariance(st, X, func(i int) float64 {
			return float64(t.Units[i].Votes[a] - t.Units[i].Votes[b])
		}, ratio[a]-ratio[b]))
	}
	return q, nil
}

// strataLevel returns the level of the strata named level, or -1 for
// none.
func (e *Engine) strataLevel(level string) (int, error) {
	if level == "" {
		return -1, nil
	}
	l, err := e.t.LevelIndex(level)
	if err != nil {
		return -1, fmt.Errorf("%w: %w", ErrScenario, err)
	}
	if l >= len(e.t.Levels) {
		return -1, fmt.Errorf("%w: strata must be regions, not %ss", ErrScenario, e.unitWord())
	}
	return l, nil
}

// stratum is one stratum of a quick count: n sampled units of N, the
// units lo to hi in Engine.byRegion order, and their sums of valid votes
// and of each candidate's.
type stratum struct {
	n, N   float64
	lo, hi int32
	xSum   float64
	ySum   []float64
}

// quickStrata returns the strata of the given regions (nr for the
// nation) and their population in all. The population of each is its
// expected units when the tally has an expectation for it, else its
// share of the N expected units in proportion to its sampled units.
func (e *Engine) quickStrata(regions []int, N int64) ([]stratum, float64) {
	n := e.agg.Nation.Units
	st := make([]stratum, len(regions))
	var Nsum float64
	for k, r := range regions {
		res := e.result(r)
		s := stratum{n: float64(len(e.t.Units))}
		if r < e.nr {
			sp := e.span[r]
			s.lo, s.hi = sp[0], sp[1]
		} else {
			s.lo, s.hi = 0, int32(len(e.byRegion))
		}
		s.n = float64(s.hi - s.lo)
		s.N = s.n
		if r < e.nr {
			if x := e.expectationOf(r); x > 0 {
				s.N = float64(x)
			} else if N > 0 && n > 0 {
				s.N = float64(N) * float64(res.Units) / float64(n)
			}
		} else if N > 0 {
			s.N = float64(N)
		}
		s.N = math.Max(s.N, s.n)
		s.ySum = make([]float64, e.nc)
		st[k] = s
		Nsum += s.N
	}
	return st, Nsum
}

// ratioEstimates sums the strata's votes and returns the estimated total
// valid vote X and each candidate's estimated share of it.
func (e *Engine) ratioEstimates(st []stratum) (X float64, ratio []float64) {
	Y := make([]float64, e.nc)
	for k := range st {
		s := &st[k]
		for _, i := range e.byRegion[s.lo:s.hi] {
			u := &e.t.Units[i]
			s.xSum += float64(u.Valid())
			for c, v := range u.Votes {
				s.ySum[c] += float64(v)
			}
		}
		if s.n > 0 {
			w := s.N / s.n
			X += w * s.xSum
			for c := range Y {
				Y[c] += w * s.ySum[c]
			}
		}
	}
	ratio = make([]float64, e.nc)
	for c := range ratio {
		ratio[c] = Y[c] / X
	}
	return X, ratio
}

// ratioVariance returns the variance of the ratio estimate r of the
// quantity y (of a unit) over the valid votes, whose estimated total is
// X.
func (e *Engine) ratioVariance(st []stratum, X float64, y func(u int) float64, r float64) float64 {
	t := e.t
	var v float64
	for k := range st {
		s := &st[k]
		if s.n < 2 {
			continue
		}
		var mean, ss float64
		for _, i := range e.byRegion[s.lo:s.hi] {
			mean += y(int(i)) - r*float64(t.Units[i].Valid())
		}
		mean /= s.n
		for _, i := range e.byRegion[s.lo:s.hi] {
			d := y(int(i)) - r*float64(t.Units[i].Valid()) - mean
			ss += d * d
		}
		s2 := ss / (s.n - 1)
		v += s.N * s.N * (1 - s.n/s.N) * s2 / s.n
	}
	return v / (X * X)
}

// expectationOf returns the expected units of region r, or 0.
func (e *Engine) expectationOf(r int) int64 {
	for _, x := range e.t.Expected {
		if x.Region == r {
			return x.Units
		}
	}
	return 0
}
