package synth_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/synth"
)

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	c := synth.Config{Seed: 42, Units: 3000, Regions: 7, Incremental: 0.2, Extreme: 0.03, NullRate: 0.01,
		RegionShareSD: 0.03, RegionTurnoutSD: 0.02,
		Candidates: []sim.Candidate{{ID: "W"}, {ID: "X"}, {ID: "Y"}}}
	a, err := synth.Generate(c)
	require.NoError(t, err)
	b, err := synth.Generate(c)
	require.NoError(t, err)
	assert.Equal(t, a.Tally, b.Tally, "same seed, same tally")
	assert.Equal(t, a.Kinds, b.Kinds)
	require.NoError(t, a.Tally.Validate())
	assert.Len(t, a.Tally.Units, 3000)
	assert.Len(t, a.Tally.Regions, 7)

	c.Seed = 43
	other, err := synth.Generate(c)
	require.NoError(t, err)
	assert.NotEqual(t, a.Tally.Units, other.Tally.Units, "another seed, another tally")

	var kinds [3]int
	for i, u := range a.Tally.Units {
		kinds[a.Kinds[i]]++
		assert.LessOrEqual(t, u.Cast(), u.Registered, "unit %s", u.ID)
		assert.GreaterOrEqual(t, u.Registered, int64(synth.DefaultMinRegistered))
		assert.LessOrEqual(t, u.Registered, int64(synth.DefaultMaxRegistered))
		if a.Kinds[i] == synth.ExtremeFraud {
			// Extreme fraud: x ≥ 1 − 4·0.05 for all but a 6e-5 tail.
			assert.Greater(t, float64(u.Votes[0])/float64(u.Valid()), 0.7, "unit %s", u.ID)
		}
	}
	// The fractions of units of each kind are binomial: within 4 standard
	// deviations of the configured fractions.
	n := float64(len(a.Tally.Units))
	assert.InDelta(t, 0.2, float64(kinds[synth.IncrementalFraud])/n, 4*math.Sqrt(0.2*0.8/n))
	assert.InDelta(t, 0.03, float64(kinds[synth.ExtremeFraud])/n, 4*math.Sqrt(0.03*0.97/n))
}

func TestGenerateFairMoments(t *testing.T) {
	e, err := synth.Generate(synth.Config{Seed: 5, Units: 20000})
	require.NoError(t, err)
	var turnout, share float64
	for _, u := range e.Tally.Units {
		turnout += float64(u.Cast()) / float64(u.Registered)
		share += float64(u.Votes[0]) / float64(u.Valid())
	}
	n := float64(len(e.Tally.Units))
	// Means of the unit turnouts and shares: the defaults 0.6 and 0.55
	// (clipping at 0 and 1 is 7 standard deviations away), within 4
	// standard errors of the per-unit spread (≤ 0.1).
	assert.InDelta(t, synth.DefaultTurnout, turnout/n, 4*0.1/math.Sqrt(n))
	assert.InDelta(t, synth.DefaultShare, share/n, 4*0.1/math.Sqrt(n))
}

func TestGenerateErrors(t *testing.T) {
	tests := []synth.Config{
		{Units: 0},
		{Units: 10, Regions: 11},
		{Units: 10, MinRegistered: 100, MaxRegistered: 50},
		{Units: 10, Turnout: 1.5},
		{Units: 10, ShareSD: -0.1},
		{Units: 10, Incremental: 0.8, Extreme: 0.3},
		{Units: 10, NullRate: 2},
		{Units: 10, Candidates: []sim.Candidate{{ID: "solo"}}},
	}
	for i, c := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			_, err := synth.Generate(c)
			assert.ErrorIs(t, err, synth.ErrConfig)
		})
	}
}

// TestBinomial compares the sampler's histogram with the exact binomial
// probabilities (computed here with math.Lgamma) by a chi-square test
// over the bins with expected count ≥ 5; with 200,000 draws and a fixed
// seed the statistic must stay below the 0.999 quantile of its
// distribution (for 40 degrees of freedom that is 73.4, from
// scipy.stats.chi2.ppf(0.999, 40)). It covers both the inversion branch
// (n·p < 10) and the BTRS branch, and p above one half.
func TestBinomial(t *testing.T) {
	tests := []struct {
		n int64
		p float64
	}{{20, 0.3}, {1000, 0.004}, {400, 0.6}, {5000, 0.1}, {793, 0.5}, {60, 0.97}}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("n=%d p=%g", tc.n, tc.p), func(t *testing.T) {
			r := synth.NewRand(11)
			const draws = 200000
			counts := make([]float64, tc.n+1)
			var sum float64
			for range draws {
				k := synth.Binomial(r, tc.n, tc.p)
				require.True(t, k >= 0 && k <= tc.n)
				counts[k]++
				sum += float64(k)
			}
			mean := float64(tc.n) * tc.p
			sd := math.Sqrt(mean * (1 - tc.p))
			assert.InDelta(t, mean, sum/draws, 4*sd/math.Sqrt(draws), "mean")
			var chi, df float64
			var restObs, restExp float64
			for k := int64(0); k <= tc.n; k++ {
				lg1, _ := math.Lgamma(float64(tc.n) + 1)
				lg2, _ := math.Lgamma(float64(k) + 1)
				lg3, _ := math.Lgamma(float64(tc.n-k) + 1)
				pk := math.Exp(lg1 - lg2 - lg3 + float64(k)*math.Log(tc.p) + float64(tc.n-k)*math.Log1p(-tc.p))
				e := pk * draws
				if e < 5 {
					restObs += counts[k]
					restExp += e
					continue
				}
				chi += (counts[k] - e) * (counts[k] - e) / e
				df++
			}
			if restExp >= 5 {
				chi += (restObs - restExp) * (restObs - restExp) / restExp
				df++
			}
			df--
			require.LessOrEqual(t, df, 400.0)
			// Wilson–Hilferty approximation of the 0.999 quantile.
			z := 3.090232
			q := df * math.Pow(1-2/(9*df)+z*math.Sqrt(2/(9*df)), 3)
			assert.Less(t, chi, q, "chi-square %.1f with %.0f degrees of freedom", chi, df)
		})
	}
	r := synth.NewRand(1)
	assert.Equal(t, int64(0), synth.Binomial(r, 0, 0.5))
	assert.Equal(t, int64(0), synth.Binomial(r, 10, 0))
	assert.Equal(t, int64(10), synth.Binomial(r, 10, 1))
	assert.Equal(t, int64(0), synth.Binomial(r, 10, math.NaN()))
}

func TestSteal(t *testing.T) {
	tests := []struct {
		name                 string
		reg, voters, winner  float64
		x                    float64
		wantVoters, wantWins float64
	}{
		{"no fraud", 1000, 600, 300, 0, 600, 300},
		// 10% of 400 non-voters (40) and 10% of 300 opposition votes (30).
		{"incremental", 1000, 600, 300, 0.1, 640, 370},
		{"everything", 1000, 600, 300, 1, 1000, 1000},
		{"x clipped", 1000, 600, 300, 2, 1000, 1000},
	}
	for _, tc := range tests {
		v, w := synth.Steal(tc.reg, tc.voters, tc.winner, tc.x)
		assert.InDelta(t, tc.wantVoters, v, 1e-9, tc.name)
		assert.InDelta(t, tc.wantWins, w, 1e-9, tc.name)
	}
}

func ExampleGenerate() {
	e, _ := synth.Generate(synth.Config{Seed: 1, Units: 1000, Incremental: 0.3, Extreme: 0.05})
	var stuffed int
	for _, k := range e.Kinds {
		if k != synth.Fair {
			stuffed++
		}
	}
	fmt.Println(len(e.Tally.Units), "units,", stuffed, "with fraud")
	// Output:
	// 1000 units, 346 with fraud
}
