package forensics_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// The expected values below were computed independently in python3 with
// exact rational arithmetic (fractions.Fraction): for a count c of total
// T announced with D decimals and s = 10^(D+2), the shown percentage is
// P = floor((2·s·c + T) / (2T)) hundredths-of-a-point units (half up), the
// round count is floor((2·P·T + s) / (2s)), and the bin is every integer x
// with (2P−1)·T ≤ 2·s·x < (2P+1)·T.
//
// For the CNE's first bulletin (T = 10,058,774, one decimal), one step of
// 0.1 points is T/1000 = 10,058.774 votes, so each bin holds 10,058 or
// 10,059 whole numbers: 10,059 for Maduro (51.2%) and González (44.2%),
// 10,058 for the others (4.6%). The three counts add up to T, so one of
// them (González, the last of the widest bins) is fixed by the other two,
// and the chance that both free counts are exactly round is
// 1/(10,059 × 10,058) = 1 in 101,173,422: "about 1 in 101 million".
func TestRoundnessCNEFirstBulletin(t *testing.T) {
	r, err := forensics.Roundness("CNE 1st bulletin", []forensics.Count{
		{Label: "NM", Votes: 5150092}, {Label: "EG", Votes: 4445978}, {Label: "others", Votes: 462704},
	}, 0, 1)
	require.NoError(t, err)
	assert.Equal(t, int64(10058774), r.Total)
	assert.True(t, r.CountsMakeTotal)
	assert.True(t, r.AllRound)
	assert.True(t, r.Flagged)
	assert.Equal(t, 3, r.Round)
	assert.Equal(t, 2, r.FreeCounts)
	assert.Equal(t, 2, r.RoundFree)
	want := []struct {
		percent string
		bin     int64
		free    bool
	}{{"51.2", 10059, true}, {"44.2", 10059, false}, {"4.6", 10058, true}}
	for i, w := range want {
		c := r.Counts[i]
		assert.Equal(t, w.percent, c.Percent, c.Label)
		assert.Equal(t, c.Votes, c.RoundVotes, c.Label)
		assert.True(t, c.Round, c.Label)
		assert.Equal(t, w.bin, c.BinSize, c.Label)
		assert.Equal(t, w.free, c.Free, c.Label)
	}
	// Tolerance: the likelihood is a product of two reciprocals, exact to
	// floating-point rounding; 1 part in 10^12.
	assert.InDelta(t, 101173422, r.OneIn, 101173422*1e-12)
	assert.InDelta(t, 1/101173422.0, r.Likelihood, 1e-20)
	assert.Contains(t, r.Summary(), sim.NewNote("round.null", "", sim.Odds(r.OneIn)))
	// python3 (numpy): the pairs (c1, c2) in the first two bins whose
	// remainder T − c1 − c2 falls in the third bin number 75,882,581; the
	// bins start at ceil((2P−1)·T/2000) for P = 512, 442, 46.
	assert.InDelta(t, 75882581, r.JointOneIn, 0)
	assert.Equal(t, []int64{5145063, 4440949, 457675}, []int64{r.Counts[0].BinLow, r.Counts[1].BinLow, r.Counts[2].BinLow})
	assert.NotContains(t, r.Caveat+r.Null, "proof")
	assert.Equal(t, "round.flagged", r.Summary()[len(r.Summary())-1].Code)
	assert.Contains(t, r.Caveat, "not the probability of fraud")
}

func TestRoundness(t *testing.T) {
	tests := []struct {
		name       string
		counts     []int64
		total      int64
		decimals   int
		wantRound  []int64 // the round count of each
		wantBins   []int64
		wantRounds int
		likelihood float64
		flagged    bool
	}{
		{
			// CNE 2nd bulletin, Maduro and González against the stated
			// valid total: neither is round (both off by hundreds of votes).
			name: "CNE 2nd bulletin", counts: []int64{6408844, 5326104}, total: 12335884, decimals: 2,
			wantRound: []int64{6408492, 5326635}, wantBins: []int64{1234, 1234}, likelihood: 1,
		},
		{
			// One round count of two, with a stated total (both free):
			// 1 − (1 − 1/10059)(1 − 1/10059) = 0.0001988170381288512.
			name: "one round of two", counts: []int64{5150092, 4445000}, total: 10058774, decimals: 1,
			wantRound: []int64{5150092, 4445978}, wantBins: []int64{10059, 10059}, wantRounds: 1,
			likelihood: 0.0001988170381288512, flagged: true,
		},
		{
			// A single count that is the whole total is 100% by definition:
			// it is fixed by the total and nothing is left to chance. Its bin,
			// 99.95% to 100% of 500,000, clipped at the total, is 499,750–500,000.
			name: "the whole total", counts: []int64{500000}, total: 0, decimals: 1,
			wantRound: []int64{500000}, wantBins: []int64{251}, wantRounds: 1, likelihood: 1,
		},
		{
			// 50% of 1,000,000 with no decimals: the bin is [495,000, 505,000).
			name: "whole percentages", counts: []int64{500000}, total: 1000000, decimals: 0,
			wantRound: []int64{500000}, wantBins: []int64{10000}, wantRounds: 1, likelihood: 1e-4, flagged: true,
		},
		{
			// Half up: 5/1000 = 0.5% shows as 1% (round count 10, bin 5–14);
			// 15/1000 = 1.5% shows as 2% (round count 20, bin 15–24).
			name: "ties round half up", counts: []int64{5, 15, 980}, total: 0, decimals: 0,
			wantRound: []int64{10, 20, 980}, wantBins: []int64{10, 10, 10}, wantRounds: 1,
			// The counts make the total; the last widest bin (980) is fixed,
			// and neither free count is round.
			likelihood: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			counts := make([]forensics.Count, len(tc.counts))
			for i, v := range tc.counts {
				counts[i] = forensics.Count{Label: string(rune('A' + i)), Votes: v}
			}
			r, err := forensics.Roundness(tc.name, counts, tc.total, tc.decimals)
			require.NoError(t, err)
			for i, c := range r.Counts {
				assert.Equal(t, tc.wantRound[i], c.RoundVotes, "round count of %s", c.Label)
				assert.Equal(t, tc.wantBins[i], c.BinSize, "bin of %s", c.Label)
				assert.Equal(t, c.Votes-c.RoundVotes, c.OffBy)
			}
			assert.Equal(t, tc.wantRounds, r.Round)
			assert.InDelta(t, tc.likelihood, r.Likelihood, 1e-15)
			assert.Equal(t, tc.flagged, r.Flagged)
		})
	}
}

func TestRoundnessErrors(t *testing.T) {
	tests := []struct {
		name     string
		counts   []forensics.Count
		total    int64
		decimals int
	}{
		{"no counts", nil, 0, 1},
		{"negative count", []forensics.Count{{Label: "A", Votes: -1}, {Label: "B", Votes: 100000}}, 0, 1},
		{"too many decimals", []forensics.Count{{Label: "A", Votes: 5}}, 0, 7},
		{"negative decimals", []forensics.Count{{Label: "A", Votes: 5}}, 0, -1},
		{"total below sum", []forensics.Count{{Label: "A", Votes: 600000}, {Label: "B", Votes: 500000}}, 1000000, 1},
		{"total too small for the decimals", []forensics.Count{{Label: "A", Votes: 600}, {Label: "B", Votes: 300}}, 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := forensics.Roundness("", tc.counts, tc.total, tc.decimals)
			assert.ErrorIs(t, err, forensics.ErrInput)
		})
	}
}

func TestClaimRoundness(t *testing.T) {
	first := sim.Claim{Label: "CNE 1st bulletin", Votes: []sim.ClaimVote{{Candidate: "NM", Votes: 5150092}, {Candidate: "EG", Votes: 4445978}},
		Others: 462704, Valid: sim.Unknown, Null: sim.Unknown, Decimals: 1}
	second := sim.Claim{Label: "CNE 2nd bulletin", Votes: []sim.ClaimVote{
		{Candidate: "NM", Votes: 6408844}, {Candidate: "EG", Votes: 5326104}, {Candidate: "LM", Votes: 152360},
		{Candidate: "AE", Votes: 116421}, {Candidate: "BERA", Votes: 92903}, {Candidate: "JOBR", Votes: 84231},
		{Candidate: "JABE", Votes: 64452}, {Candidate: "CF", Votes: 40902}, {Candidate: "EM", Votes: 29611},
		{Candidate: "DC", Votes: 20056}}, Others: 0, Valid: 12335884, Null: 50785, Decimals: 2}
	tests := []struct {
		name     string
		claim    sim.Claim
		counts   int
		rounds   int
		flagged  bool
		oneInMin float64
	}{
		{"first bulletin", first, 3, 3, true, 1e8},
		// Python (same method as above) finds no round count among the ten;
		// others = 0 means every candidate was named, so it is not a count.
		{"second bulletin", second, 10, 0, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := forensics.ClaimRoundness(&tc.claim)
			require.NoError(t, err)
			assert.Len(t, r.Counts, tc.counts)
			assert.Equal(t, tc.rounds, r.Round)
			assert.Equal(t, tc.flagged, r.Flagged)
			assert.GreaterOrEqual(t, r.OneIn, tc.oneInMin)
		})
	}
	noDecimals := first
	noDecimals.Decimals = -1
	_, err := forensics.ClaimRoundness(&noDecimals)
	assert.ErrorIs(t, err, forensics.ErrInput)
}

func ExampleRoundness() {
	r, _ := forensics.Roundness("CNE 1st bulletin", []forensics.Count{
		{Label: "Maduro", Votes: 5150092}, {Label: "González", Votes: 4445978}, {Label: "others", Votes: 462704},
	}, 0, 1)
	for _, n := range r.Summary() {
		fmt.Println(n.Code)
	}
	fmt.Printf("1 in %.4g; jointly 1 in %.4g\n", r.OneIn, r.JointOneIn)
	// Output:
	// round.counts.one
	// round.null
	// round.joint
	// round.flagged
	// 1 in 1.012e+08; jointly 1 in 7.588e+07
}
