package scenario

import (
	"math"
	"math/rand/v2"

	"github.com/tallyscope/tallyscope/sim"
)

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
	minU := minUnits(&sc)
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
			m.note("mc.above-shock-level")
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
			m.note("mc.units-estimated")
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

// runLegacy makes run i of the legacy model into m's accumulators.
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
