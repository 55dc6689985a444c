package scenario

import (
	"github.com/tallyscope/tallyscope/sim"

	"math"
	"slices"
)

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
	n := fm.n()
	if n < 20 || len(units) == 0 {
		return 0, 0
	}
	g, ok := measureSizeGap(fm, fv, units)
	if !ok || math.Abs(g.d) < 0.5 {
		return 0, 0
	}
	hold := holdFurthest(fm, g.d, min(len(units), n*3/10))
	h, ok := holdOutError(fm, fv, hold)
	if !ok {
		return 0, 0
	}
	// One hold-out's error is itself noisy: only an error beyond two of
	// its standard errors counts as a sign of extrapolation. The part of
	// the mean error that the units' own noise explains (as if their
	// errors were independent) is already in the simulation; only the
	// excess is a shared extrapolation error.
	var exM, exV float64
	if h.em*h.em > 4*h.vm {
		exM = math.Sqrt(h.em*h.em - h.vm)
	}
	if h.ev*h.ev > 4*h.vv {
		exV = math.Sqrt(h.ev*h.ev - h.vv)
	}
	// How much further the real missing units lie than the held-out ones.
	ratio := 1.0
	if h.gap != 0 {
		ratio = max(math.Abs((g.missing-g.counted)/h.gap), 1)
	}
	sdM, sdV = exM*ratio, exV*ratio
	if sdM == 0 && sdV == 0 {
		return 0, 0
	}
	m.note("mc.extrapolation", sim.Points(g.d), sim.Points(100*h.em))
	return sdM, sdV
}

// sizeGap compares the missing units' size with the counted units': the
// mean log size of each, and their distance d in standard deviations of
// the counted units' log size.
type sizeGap struct {
	counted, missing, d float64
}

// measureSizeGap returns the size gap between the counted units of fm
// and fv (weighted by their volume) and the missing units (weighted by
// their predicted volume); false when either has no weight or the
// counted units all have one size.
func measureSizeGap(fm, fv *fitInput, units []calUnit) (sizeGap, bool) {
	k, n := fm.k, fm.n()
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
		return sizeGap{}, false
	}
	mMiss := sm / wm
	return sizeGap{counted: mc, missing: mMiss, d: (mMiss - mc) / sd}, true
}

// holdFurthest marks the h counted units of fm furthest in size in the
// direction of d (the largest for d > 0, the smallest for d < 0).
func holdFurthest(fm *fitInput, d float64, h int) []bool {
	k, n := fm.k, fm.n()
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
	hold := make([]bool, n)
	for _, i := range order[:h] {
		hold[i] = true
	}
	return hold
}

// holdOut is the error of predicting held-out units from the others: the
// weighted mean error of the margin (em) and of the log volume (ev), the
// variances of those means if the units' errors were independent (vm,
// vv), and how much further in size the held-out units lie than the
// rest (gap, in log size).
type holdOut struct {
	em, ev, vm, vv, gap float64
}

// holdOutError fits the model without the units marked in hold and
// measures its error on them; false when either part has no weight.
func holdOutError(fm, fv *fitInput, hold []bool) (holdOut, bool) {
	k, n := fm.k, fm.n()
	hm, hv := fitHier(keepUnits(fm, hold)), fitHier(keepUnits(fv, hold))
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
		return holdOut{}, false
	}
	return holdOut{em: em / wM, ev: ev / wV, vm: vm / (wM * wM), vv: vv / (wV * wV), gap: xh/wh - xr/wr}, true
}

// keepUnits returns the units of in not marked in hold.
func keepUnits(in *fitInput, hold []bool) *fitInput {
	k := in.k
	out := &fitInput{k: in.k, levels: in.levels, nr: in.nr, regionLevel: in.regionLevel}
	for i := 0; i < in.n(); i++ {
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
