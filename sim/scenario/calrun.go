package scenario

import (
	"cmp"
	"math"
	"slices"
)

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

// run makes run i of the calibrated simulation into m's accumulators.
func (cal *calibrated) run(m *MonteCarlo, i int) {
	nc := m.nc
	if len(cal.units) == 0 {
		copy(m.tot, m.counted)
		m.record()
		return
	}
	r, dbM, dbV := cal.drawShocks(newRunRand(m.sc.MonteCarlo.Seed, uint64(i)))
	clear(cal.ogAcc)
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
	cal.addTotals(m, sumTwo, diff)
	m.record()
}

// drawShocks draws a run's shared errors: the national shock and the
// extrapolation shock, the slopes' errors (returned, for the margin and
// the volume), each shock group's shock (into shM and shV) and each
// pool mean's (into poolOff). It takes and returns the generator by
// value, so that the run's inner loop keeps its state in a register.
func (cal *calibrated) drawShocks(r runRand) (_ runRand, dbM, dbV [2]float64) {
	natM := float64(cal.natSDM*r.normal()) + float64(cal.shiftM*r.normal())
	natV := float64(cal.natSDV*r.normal()) + float64(cal.shiftV*r.normal())
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
	for p, sd := range cal.poolSD {
		cal.poolOff[p] = 0
		if sd > 0 {
			cal.poolOff[p] = float64(sd * r.normal())
		}
	}
	return r, dbM, dbV
}

// addTotals sets m.tot to the counted votes plus the run's missing
// votes: sumTwo two-party votes, of which a leads b by diff, and each
// others group's votes in ogAcc split by its shares.
func (cal *calibrated) addTotals(m *MonteCarlo, sumTwo, diff float64) {
	nc := m.nc
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
}
