package forensics_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tallyscope/tallyscope/sim/forensics"
)

// The expected values in this file were computed independently with
// python3 and SciPy 1.10 (scipy.stats.chi2.sf, scipy.stats.norm.sf,
// scipy.stats.linregress); the script is quoted in each test.

func TestChiSquareSF(t *testing.T) {
	// python3 -c "from scipy import stats; print(repr(stats.chi2.sf(x, df)))"
	tests := []struct {
		x    float64
		df   int
		want float64
	}{
		{0.5, 1, 0.47950012218695337},
		{3.84, 1, 0.05004352124870519},
		{16.92, 9, 0.04998360638750561},
		{116.1, 9, 8.382713021979868e-21},
		{8.1, 9, 0.5241009367303544},
		{40.3, 9, 6.704080099247554e-06},
		{2.0, 2, 0.36787944117144245},
		{100.0, 9, 1.5735176303753876e-17},
		{0.001, 9, 1.0},
		{30.0, 4, 4.894437128029217e-06},
		{7.0, 10, 0.7254449533096043},
		{0, 9, 1},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("x=%g df=%d", tc.x, tc.df), func(t *testing.T) {
			got := forensics.ChiSquareSF(tc.x, tc.df)
			assert.InDelta(t, tc.want, got, 1e-12*max(tc.want, 1e-300)+1e-15, "relative error %g", math.Abs(got-tc.want)/tc.want)
		})
	}
	assert.True(t, math.IsNaN(forensics.ChiSquareSF(1, 0)), "no degrees of freedom")
}

func TestNormalTwoSided(t *testing.T) {
	// python3 -c "from scipy import stats; print(repr(2*stats.norm.sf(abs(z))))"
	tests := []struct{ z, want float64 }{
		{0, 1},
		{1.96, 0.04999579029644087},
		{-3, 0.0026997960632601866},
		{5, 5.733031437583866e-07},
	}
	for _, tc := range tests {
		assert.InDelta(t, tc.want, forensics.NormalTwoSided(tc.z), 1e-14, "z=%g", tc.z)
	}
}

func TestLinearFit(t *testing.T) {
	// python3: r = scipy.stats.linregress(x, y); r.slope, r.intercept, r.rvalue, r.stderr
	x := []float64{0.50, 0.55, 0.60, 0.62, 0.70, 0.81}
	y := []float64{0.20, 0.26, 0.27, 0.33, 0.36, 0.47}
	f := forensics.LinearFit(x, y)
	assert.Equal(t, 6, f.N)
	assert.InDelta(t, 0.8376623376623374, f.Slope, 1e-12)
	assert.InDelta(t, -0.2127272727272726, f.Intercept, 1e-12)
	assert.InDelta(t, 0.9849983235998042, f.Correlation, 1e-12)
	assert.InDelta(t, 0.07337590506486714, f.SlopeSE, 1e-12)

	tests := []struct {
		name string
		x, y []float64
	}{
		{"one point", []float64{0.5}, []float64{0.2}},
		{"no spread in x", []float64{0.5, 0.5, 0.5}, []float64{0.1, 0.2, 0.3}},
	}
	for _, tc := range tests {
		f := forensics.LinearFit(tc.x, tc.y)
		assert.True(t, math.IsNaN(f.Slope), tc.name)
		assert.True(t, math.IsNaN(f.Correlation), tc.name)
	}
}

func TestBernoulliSumMatchesExactMoments(t *testing.T) {
	// The sum of independent Bernoulli(p) draws has mean Σp and variance
	// Σp(1−p); with 20,000 draws the sample mean is within 4 standard
	// errors of the exact mean.
	ps := []float64{1e-4, 0.003, 0.01, 0.0125, 0.25, 0.5, 0.5, 0.75, 0.999, 0.0625, 0.3}
	for i := range 200 {
		ps = append(ps, float64(i%17+1)/400)
	}
	var mean, variance float64
	for _, p := range ps {
		mean += p
		variance += p * (1 - p)
	}
	r := forensics.NewRand(3, 0)
	const draws = 20000
	var s, s2 float64
	for range draws {
		x := float64(forensics.BernoulliSum(ps, r))
		s += x
		s2 += x * x
	}
	m := s / draws
	v := s2/draws - m*m
	assert.InDelta(t, mean, m, 4*math.Sqrt(variance/draws), "mean")
	assert.InDelta(t, variance, v, 0.05*variance, "variance")
}

func TestQuantileMatchesNumpy(t *testing.T) {
	// python3: numpy.quantile(x, q) (numpy's default linear rule).
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	iv := forensics.Percentile(append([]float64(nil), x...), 0.95)
	assert.InDelta(t, 1.0, iv.Lo, 1e-12, "q = 0.025")
	assert.InDelta(t, 8.25, iv.Hi, 1e-12, "q = 0.975")
	sorted := []float64{1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 9}
	tests := []struct{ q, want float64 }{{0.15, 1.5}, {0.95, 7.5}, {0.5, 4}, {0, 1}, {1, 9}}
	for _, tc := range tests {
		assert.InDelta(t, tc.want, forensics.Quantile(sorted, tc.q), 1e-12, "q = %g", tc.q)
	}
}
