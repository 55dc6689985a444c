package scenario

import (
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
	A          int      `json:"a"`
	B          int      `json:"b"`
	MarginPP   float64  `json:"margin_pp"`
	MarginSEPP float64  `json:"margin_se_pp"`
	Notes      []string `json:"notes,omitempty"`
}

// QuickCount estimates the sampling error of the counted units as a quick
// count. level names the strata ("state"); empty means no strata. The
// population of each stratum is its expected units when the tally has an
// expectation for it, else its share of the national expected units in
// proportion to its sampled units.
func (e *Engine) QuickCount(level string, unitsTotal int64) (*QuickCount, error) {
	t := e.t
	nc := e.nc
	l := -1
	if level != "" {
		var err error
		l, err = t.LevelIndex(level)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrScenario, err)
		}
		if l >= len(t.Levels) {
			return nil, fmt.Errorf("%w: strata must be regions, not %ss", ErrScenario, e.unitWord())
		}
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
	n := nat.Units
	q.Sampled = n
	aggregated := false
	for i := range t.Units {
		if t.Units[i].Size() > 1 {
			aggregated = true
			break
		}
	}
	if aggregated {
		q.Notes = append(q.Notes, "some units sum several reporting units; each is treated as one sampled cluster")
	}
	// Strata: regions at level l (or the nation).
	strata := []int{e.nr}
	if l >= 0 {
		strata = e.agg.Level(l)
	}
	q.Strata = len(strata)
	type stratum struct {
		n, N   float64
		lo, hi int32
		xSum   float64
		ySum   []float64
	}
	st := make([]stratum, len(strata))
	var Nsum float64
	for k, r := range strata {
		res := e.result(r)
		s := stratum{n: float64(len(t.Units))}
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
		s.ySum = make([]float64, nc)
		st[k] = s
		Nsum += s.N
	}
	if N <= 0 {
		q.Notes = append(q.Notes, "the expected number of units is unknown, so there is no finite-population correction")
	}
	q.Population = int64(math.Round(Nsum))
	// Estimated totals.
	X := 0.0
	Y := make([]float64, nc)
	for k := range st {
		s := &st[k]
		for _, i := range e.byRegion[s.lo:s.hi] {
			u := &t.Units[i]
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
	ratio := make([]float64, nc)
	for c := range ratio {
		ratio[c] = Y[c] / X
	}
	votes := make([]int64, nc)
	for c := range votes {
		votes[c] = nat.Votes[c]
	}
	q.A, q.B, _ = leader(votes)
	variance := func(y func(u int) float64, r float64) float64 {
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
	for c := 0; c < nc; c++ {
		se := math.Sqrt(variance(func(i int) float64 { return float64(t.Units[i].Votes[c]) }, ratio[c]))
		q.Shares = append(q.Shares, QuickCountShare{Candidate: c, Share: ratio[c], SE: se, Low: ratio[c] - 1.96*se, High: ratio[c] + 1.96*se})
	}
	if q.B >= 0 {
		a, b := q.A, q.B
		q.MarginPP = 100 * (ratio[a] - ratio[b])
		q.MarginSEPP = 100 * math.Sqrt(variance(func(i int) float64 {
			return float64(t.Units[i].Votes[a] - t.Units[i].Votes[b])
		}, ratio[a]-ratio[b]))
	}
	return q, nil
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
