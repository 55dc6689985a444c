package scenario_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

func TestNewHistogram(t *testing.T) {
	for _, tt := range []struct {
		name   string
		values []float64
		bins   int
		lo, hi float64
		counts []int
	}{
		{"one value: one point wide", []float64{36}, 2, 35.5, 36.5, []int{0, 1}},
		{"near zero: stretched to zero", []float64{2, 3, 5}, 4, 0, 5, []int{0, 1, 1, 1}},
		{"far from zero: not stretched", []float64{30, 31, 40}, 2, 30, 40, []int{2, 1}},
		{"below zero: stretched to zero", []float64{-5, -3, -2}, 5, -5, 0, []int{1, 0, 1, 1, 0}},
		// Three bins of 2 points cover −3…1; aligned on zero: −4…2.
		{"across zero: zero is an edge", []float64{-3, -0.5, 0, 1}, 3, -4, 2, []int{1, 1, 2}},
		{"no values", nil, 3, 0, 1, []int{0, 0, 0}},
	} {
		h := scenario.NewHistogram(tt.values, tt.bins)
		assert.InDelta(t, tt.lo, h.Lo, 1e-12, tt.name)
		assert.InDelta(t, tt.hi, h.Hi, 1e-12, tt.name)
		assert.Equal(t, tt.counts, h.Counts, tt.name)
	}
}

// TestHistogramProperties: every value is counted once, in the bin whose
// edges hold it; the bins are at least a point wide together; when they
// cross zero, a bin ends at exactly zero and no bin holds both signs.
func TestHistogramProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		n := 1 + r.IntN(300)
		centre, spread := r.NormFloat64()*20, r.ExpFloat64()*5
		v := make([]float64, n)
		for k := range v {
			v[k] = centre + spread*r.NormFloat64()
		}
		slices.Sort(v)
		bins := 1 + r.IntN(80)
		h := scenario.NewHistogram(v, bins)
		require.Len(t, h.Counts, bins)
		total := 0
		for _, c := range h.Counts {
			total += c
		}
		require.Equal(t, n, total, "case %d", i)
		assert.GreaterOrEqual(t, h.Hi-h.Lo, 1.0-1e-9, "case %d", i)
		assert.LessOrEqual(t, h.Lo, v[0], "case %d", i)
		assert.GreaterOrEqual(t, h.Hi, v[n-1], "case %d", i)
		// Recount with the edges Bin reports.
		got := make([]int, bins)
		for _, x := range v {
			for b := range bins {
				from, to := h.Bin(b)
				if (x >= from && x < to) || (b == bins-1 && x == to) {
					got[b]++
					break
				}
			}
		}
		require.Equal(t, h.Counts, got, "case %d: values %v…", i, v[:min(n, 5)])
		if bins > 1 && h.Lo < 0 && h.Hi > 0 {
			zero := false
			for b := range bins {
				_, to := h.Bin(b)
				zero = zero || to == 0
			}
			assert.True(t, zero, "case %d: a bin ends at zero (%v…%v)", i, h.Lo, h.Hi)
		}
	}
}
