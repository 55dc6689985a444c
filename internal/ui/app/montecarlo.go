package app

import (
	"math"
	"math/rand/v2"
	"sort"
)

// MCRuns is the number of Monte Carlo runs, and MCSeed their seed.
const (
	MCRuns      = 2000
	MCSeed      = 20240728
	MCShiftSD   = 0.05
	MCHistBins  = 48
	mcUnitsHint = 1
)

// MonteCarlo estimates how far the final margin between the counted leader
// and runner-up can move: each run draws, for every missing unit, a counted
// unit (in proportion to the reporting units it stands for) and adds a
// national shift of the leader's share (normal, MCShiftSD), centred on the
// current scenario. It runs in steps so that the interface never freezes;
// the margins depend only on the seed, not on the step sizes.
type MonteCarlo struct {
	Runs    int
	Margins []int64
	// Lead and Run are the candidates compared (the counted leader and
	// runner-up); Wins counts the runs in which Lead finishes ahead.
	Lead, Run int
	Wins      int

	rng       *rand.Rand
	base      float64 // counted margin
	remaining float64
	centre    float64 // the scenario's margin share in the missing units
	missing   int
	cum       []float64 // cumulative weights of the units
	diff      []float64 // each unit's (lead − run)/valid
	valid     []float64 // each unit's valid votes per reporting unit
	bootMean  float64
}

func (s *State) newMonteCarlo() *MonteCarlo {
	d, o := s.Data, s.Out
	if d == nil || o == nil || o.MissingUnits == 0 {
		return nil
	}
	m := &MonteCarlo{Runs: MCRuns, Lead: d.Leader, Run: d.Runner, rng: rand.New(rand.NewPCG(MCSeed, uint64(o.MissingUnits)))}
	m.base = float64(o.Counted[m.Lead] - o.Counted[m.Run])
	m.missing = int(o.MissingUnits)
	var valid int64
	for _, v := range o.Counted {
		valid += v
	}
	if o.Active && o.Remaining > 0 {
		m.remaining = float64(o.Remaining)
		m.centre = float64(o.Imputed[m.Lead]-o.Imputed[m.Run]) / m.remaining
	} else {
		units := d.Agg.Nation.Units
		if units == 0 || valid == 0 {
			return nil
		}
		m.remaining = float64(valid) / float64(units) * float64(o.MissingUnits)
		m.centre = m.base / float64(valid)
	}
	t := d.Tally
	var acc, wsum float64
	for i := range t.Units {
		u := &t.Units[i]
		v := u.Valid()
		if v == 0 {
			continue
		}
		w := float64(u.Size())
		acc += w
		m.cum = append(m.cum, acc)
		df := float64(u.Votes[m.Lead]-u.Votes[m.Run]) / float64(v)
		m.diff = append(m.diff, df)
		m.valid = append(m.valid, float64(v)/w)
		m.bootMean += w * float64(v) / w * df
		wsum += float64(v)
	}
	if len(m.cum) == 0 || wsum == 0 {
		return nil
	}
	m.bootMean /= wsum
	return m
}

// Done reports whether every run is finished.
func (m *MonteCarlo) Done() bool { return len(m.Margins) >= m.Runs }

// Step performs up to n more runs.
func (m *MonteCarlo) Step(n int) {
	total := m.cum[len(m.cum)-1]
	for ; n > 0 && !m.Done(); n-- {
		var num, den float64
		for k := 0; k < m.missing; k++ {
			x := m.rng.Float64() * total
			i := sort.SearchFloat64s(m.cum, x)
			if i >= len(m.cum) {
				i = len(m.cum) - 1
			}
			num += m.valid[i] * m.diff[i]
			den += m.valid[i]
		}
		boot := 0.0
		if den > 0 {
			boot = num/den - m.bootMean
		}
		shift := m.rng.NormFloat64() * MCShiftSD
		share := math.Max(-1, math.Min(1, m.centre+boot-2*shift))
		margin := int64(math.Round(m.base + m.remaining*share))
		m.Margins = append(m.Margins, margin)
		if margin > 0 {
			m.Wins++
		}
	}
}

// WinProb returns the fraction of the finished runs that Lead wins.
func (m *MonteCarlo) WinProb() float64 {
	if len(m.Margins) == 0 {
		return 0
	}
	return float64(m.Wins) / float64(len(m.Margins))
}

// Histogram counts the finished runs in bins between lo and hi (the
// extremes over all finished runs, widened to include zero).
func (m *MonteCarlo) Histogram(bins int) (counts []int, lo, hi float64) {
	counts = make([]int, bins)
	if len(m.Margins) == 0 || bins <= 0 {
		return counts, 0, 1
	}
	lo, hi = float64(m.Margins[0]), float64(m.Margins[0])
	for _, v := range m.Margins {
		lo = math.Min(lo, float64(v))
		hi = math.Max(hi, float64(v))
	}
	lo = math.Min(lo, 0)
	hi = math.Max(hi, 0)
	if hi-lo < 1 {
		hi = lo + 1
	}
	pad := (hi - lo) * 0.02
	lo, hi = lo-pad, hi+pad
	for _, v := range m.Margins {
		b := int((float64(v) - lo) / (hi - lo) * float64(bins))
		counts[min(max(b, 0), bins-1)]++
	}
	return counts, lo, hi
}
