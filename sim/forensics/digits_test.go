package forensics_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// digitCounts is a fixed list; the expected values were computed
// independently in python3 (numpy.bincount on str(c)[1] and c % 10,
// scipy.stats.chi2.sf, scipy.stats.norm.sf): see TestSecondDigitCounts and
// TestLastDigitCounts.
var digitCounts = []int64{5, 12, 19, 23, 37, 40, 45, 58, 61, 77, 88, 99, 100, 101, 111, 123, 145, 150, 155, 167, 189,
	200, 210, 222, 234, 256, 278, 290, 301, 315, 333, 348, 359, 365, 377, 390, 405, 421, 432, 454, 467, 489, 500, 512,
	543, 565, 578, 590, 1000, 1234, 9876}

func TestBenfordSecond(t *testing.T) {
	// python3: [sum(math.log10(1 + 1/(10*k + d)) for k in range(1, 10)) for d in range(10)]
	want := [10]float64{0.11967926859688073, 0.1138901034075564, 0.10882149900550823, 0.10432956023095939,
		0.10030820226757937, 0.09667723580232243, 0.09337473578303615, 0.09035198926960332,
		0.08757005357886138, 0.08499735205769224}
	var sum float64
	for d := range want {
		assert.InDelta(t, want[d], forensics.BenfordSecond[d], 1e-15, "digit %d", d)
		sum += forensics.BenfordSecond[d]
	}
	assert.InDelta(t, 1, sum, 1e-14)
	assert.InDelta(t, 4.1873897069289425, forensics.BenfordSecondMean, 1e-14)
}

func TestSecondDigitCounts(t *testing.T) {
	res, err := forensics.SecondDigitCounts(digitCounts, forensics.DigitOptions{Seed: 1}, 0)
	require.NoError(t, err)
	// python3: 50 counts ≥ 10, second digits [8,5,5,4,3,6,4,5,5,5], mean 4.26,
	// chi² 2.542478807305249, p 0.9797191777691928.
	assert.Equal(t, int64(50), res.N)
	assert.Equal(t, [10]int64{8, 5, 5, 4, 3, 6, 4, 5, 5, 5}, res.Observed)
	assert.InDelta(t, 4.26, res.Mean, 1e-12)
	assert.InDelta(t, 2.542478807305249, res.ChiSquare, 1e-10)
	assert.InDelta(t, 0.9797191777691928, res.PValue, 1e-10)
	assert.Equal(t, 9, res.DF)
	assert.Equal(t, []forensics.Exclusion{{Reason: forensics.ReasonSmallCount, Units: 1}}, res.Excluded)
	assert.NotEmpty(t, res.Note, "fewer than 100 counts")
	// The bootstrap interval holds the observed mean and is reproducible.
	assert.Less(t, res.MeanInterval.Lo, res.Mean)
	assert.Greater(t, res.MeanInterval.Hi, res.Mean)
	again, err := forensics.SecondDigitCounts(digitCounts, forensics.DigitOptions{Seed: 1}, 0)
	require.NoError(t, err)
	assert.Equal(t, res.MeanInterval, again.MeanInterval)
	// The percentile bootstrap of a mean of 50 digits with standard
	// deviation 3.0516 (numpy.std) has a 95% width near
	// 2·1.96·3.0516/√50 = 1.69 (normal approximation).
	assert.InDelta(t, 1.69, res.MeanInterval.Hi-res.MeanInterval.Lo, 0.25)
}

func TestLastDigitCounts(t *testing.T) {
	res, err := forensics.LastDigitCounts(digitCounts, forensics.DigitOptions{Seed: 1}, 0)
	require.NoError(t, err)
	// python3: 39 counts ≥ 100, last digits [9,4,3,3,3,6,2,3,3,3],
	// chi² 9.974358974358973, p 0.35256499295887206; 15 end in 0 or 5
	// (z 2.8823067684915684, p 0.003947751856903457), 9 repeated pairs
	// (z 2.7221786146864813, p 0.006485307970671367), 22 adjacent pairs
	// (z 6.2436181022831025, p 4.2756319426222643e-10).
	assert.Equal(t, int64(39), res.N)
	assert.Equal(t, [10]int64{9, 4, 3, 3, 3, 6, 2, 3, 3, 3}, res.Observed)
	assert.InDelta(t, 9.974358974358973, res.ChiSquare, 1e-10)
	assert.InDelta(t, 0.35256499295887206, res.PValue, 1e-10)
	tests := []struct {
		name           string
		got            forensics.Proportion
		count          int64
		expected, z, p float64
	}{
		{"ends in 0 or 5", res.ZeroFive, 15, 0.2, 2.8823067684915684, 0.003947751856903457},
		{"repeated pair", res.Repeated, 9, 0.1, 2.7221786146864813, 0.006485307970671367},
		{"adjacent pair", res.Adjacent, 22, 0.18, 6.2436181022831025, 4.2756319426222643e-10},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.count, tc.got.Count, tc.name)
		assert.InDelta(t, float64(tc.count)/39, tc.got.Share, 1e-15, tc.name)
		assert.InDelta(t, tc.expected, tc.got.Expected, 0, tc.name)
		assert.InDelta(t, tc.z, tc.got.Z, 1e-10, tc.name)
		assert.InDelta(t, tc.p, tc.got.PValue, 1e-12, tc.name)
		assert.LessOrEqual(t, tc.got.Interval.Lo, tc.got.Share, tc.name)
		assert.GreaterOrEqual(t, tc.got.Interval.Hi, tc.got.Share, tc.name)
		// The bootstrap interval's width is near the normal approximation
		// 2·1.96·√(p(1−p)/39): 0.305, 0.265 and 0.311 (computed by hand).
		p := tc.got.Share
		assert.InDelta(t, 2*1.96*math.Sqrt(p*(1-p)/39), tc.got.Interval.Hi-tc.got.Interval.Lo, 0.06, tc.name)
	}
}

func TestDigitTestsOnTally(t *testing.T) {
	tl := &sim.Tally{
		Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}},
		Units: []sim.Unit{
			{ID: "1", Region: -1, Registered: 500, Votes: []int64{123, 45}, Null: 0, Blank: sim.Unknown},
			{ID: "2", Region: -1, Registered: 500, Votes: []int64{234, 5}, Null: 0, Blank: sim.Unknown},
			// An aggregated unit is never mixed with single units.
			{ID: "3", Region: -1, Registered: 5000, Votes: []int64{2345, 1234}, Null: 0, Blank: sim.Unknown, Count: 10},
		},
	}
	second, err := forensics.SecondDigit(tl, forensics.DigitOptions{})
	require.NoError(t, err)
	require.Len(t, second, 2)
	assert.Equal(t, "A", second[0].CandidateID)
	assert.Equal(t, int64(2), second[0].N)
	assert.Equal(t, 2.5, second[0].Mean, "second digits 2 and 3")
	assert.Equal(t, []forensics.Exclusion{{Reason: forensics.ReasonAggregated, Units: 1}}, second[0].Excluded)
	assert.Equal(t, int64(1), second[1].N, "B: 45 only; 5 has no second digit")

	last, err := forensics.LastDigit(tl, forensics.DigitOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(2), last[0].N)
	assert.Equal(t, int64(0), last[1].N, "B has no count of at least 100")
	assert.NotEmpty(t, last[1].Note)

	assert.NotNil(t, second[0].Binomial)
	plain, err := forensics.SecondDigit(tl, forensics.DigitOptions{NoBinomial: true})
	require.NoError(t, err)
	assert.Nil(t, plain[0].Binomial)
	assert.Equal(t, second[0].Observed, plain[0].Observed)

	_, err = forensics.SecondDigit(tl, forensics.DigitOptions{MinSecond: 5})
	assert.ErrorIs(t, err, forensics.ErrInput)
	_, err = forensics.LastDigit(tl, forensics.DigitOptions{Level: 1.5})
	assert.ErrorIs(t, err, forensics.ErrInput)
}

// binomialTol is the tolerance on the binomial nulls: their walk stops at
// 6 standard deviations of each unit's mean, documented as leaving out
// less than 1e-5 of the mass.
const binomialTol = 1e-6

func TestLastDigitBinomialNull(t *testing.T) {
	// python3 with SciPy: for each unit (k, n), q = k/n, sum
	// scipy.stats.binom.pmf(j, n, q) over j ≥ 100 into the last digit of j
	// (and into 0-or-5, repeated and adjacent final pairs), then divide by
	// the total mass.
	ks := []int64{120, 95, 210, 150, 0, 400}
	ns := []int64{300, 250, 400, 160, 50, 400}
	dig, zf, rep, adj, mass := forensics.BinomialLastDigits(ks, ns, 100)
	want := [10]float64{0.32323189135483615, 0.0879036768594517, 0.08395715323498357, 0.0782099262641287,
		0.07242931940630211, 0.06844720981573933, 0.06737836314262004, 0.0691862314774899,
		0.07277728924887536, 0.07647893919557325}
	assert.InDelta(t, 4.270349162822805, mass, binomialTol)
	for d := range want {
		assert.InDelta(t, want[d], dig[d]/mass, binomialTol, "digit %d", d)
	}
	assert.InDelta(t, 0.3916791011705755, zf/mass, binomialTol)
	assert.InDelta(t, 0.3058434073914228, rep/mass, binomialTol)
	assert.InDelta(t, 0.12426699858992966, adj/mass, binomialTol)
}

func TestSecondDigitBinomialNull(t *testing.T) {
	// python3 with SciPy: for each unit (k votes of n valid), q = k/n; sum
	// scipy.stats.binom.pmf(j, n, q) over j ≥ 10 into the second digit of j
	// (int(str(j)[1])), then divide by the total mass (5.408894860268419).
	units := [][2]int64{{120, 300}, {95, 250}, {21, 400}, {15, 16}, {0, 50}, {40, 40}, {9, 30}}
	tl := &sim.Tally{Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}}}
	for i, u := range units {
		tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprint(i), Region: -1, Registered: sim.Unknown,
			Votes: []int64{u[0], u[1] - u[0]}, Null: 0, Blank: sim.Unknown})
	}
	b := forensics.BinomialSecondDigits(tl, 0)
	require.NotNil(t, b)
	want := [10]float64{0.30397308225652153, 0.1241488678908105, 0.11854194383569022, 0.07193368795983565,
		0.0724917567701685, 0.10408659079413934, 0.09947099664198925, 0.03426492409471896,
		0.03516348715200401, 0.03592466260412238}
	for d := range want {
		assert.InDelta(t, want[d], b.Expected[d], binomialTol, "digit %d", d)
	}
	assert.InDelta(t, 2.8287441096611703, b.ExpectedMean, binomialTol)
}

// TestDigitNullsOnHonestCounts runs the digit tests on synthetic
// elections whose counts are honest binomial draws. Benford's law and
// uniform last digits are rejected anyway (the counts' range and shape,
// not invention, make them depart: the point of the caveats), while the
// binomial nulls reject no more often than chance: at most 2 of 12
// p-values below 0.01 for each test.
func TestDigitNullsOnHonestCounts(t *testing.T) {
	var benfordRejects, secondLow, lastLow int
	for seed := uint64(1); seed <= 6; seed++ {
		e, err := synth.Generate(synth.Config{Seed: seed, Units: 20000, MinRegistered: 100, MaxRegistered: 600})
		require.NoError(t, err)
		sd, err := forensics.SecondDigit(e.Tally, forensics.DigitOptions{Bootstrap: -1})
		require.NoError(t, err)
		ld, err := forensics.LastDigit(e.Tally, forensics.DigitOptions{Bootstrap: -1})
		require.NoError(t, err)
		for c := range 2 {
			require.NotNil(t, sd[c].Binomial)
			require.NotNil(t, ld[c].Binomial)
			if sd[c].PValue < 1e-4 {
				benfordRejects++
			}
			if sd[c].Binomial.PValue < 0.01 {
				secondLow++
			}
			if ld[c].Binomial.PValue < 0.01 {
				lastLow++
			}
		}
	}
	assert.Equal(t, 12, benfordRejects, "Benford's law rejects honest table-level counts")
	assert.LessOrEqual(t, secondLow, 2, "second digits against the binomial null")
	assert.LessOrEqual(t, lastLow, 2, "last digits against the binomial null")
}
