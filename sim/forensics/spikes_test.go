package forensics_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/synth"
)

func TestIntegerChance(t *testing.T) {
	// python3 with SciPy: q = k/n; sum(scipy.stats.binom.pmf(j, n, q)
	//   for j in range(n+1) if (100*j) % n == 0)
	tests := []struct {
		n, k int64
		want float64
	}{
		{400, 240, 0.25},
		{793, 486, 2.3928968728350417e-169},
		{100, 30, 1},
		{250, 125, 0.2},
		{37, 7, 0.0004266017514484879},
		{1000, 1, 0.36769552259934724},
		{1451, 1000, 2.6338106706806153e-235},
		{2, 1, 1},
		{300, 0, 1},
		{300, 300, 1},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("n=%d k=%d", tc.n, tc.k), func(t *testing.T) {
			got, by := forensics.IntegerChance(tc.n, float64(tc.k)/float64(tc.n))
			// integerChance leaves out mass beyond 8 standard deviations
			// (documented as below 1e-7), so tiny chances may read as 0.
			assert.InDelta(t, tc.want, got, max(1e-12*tc.want, 1e-7))
			var sum float64
			for _, p := range by {
				sum += p
			}
			assert.InDelta(t, got, sum, 1e-12, "the chances by percentage add up")
		})
	}
}

// spikeTally builds units of 200 registered voters whose turnout and
// share are set exactly: turnout k/200 and share s/votes.
func spikeTally(rows [][3]int64) *sim.Tally {
	tl := &sim.Tally{Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}}}
	for i, r := range rows {
		tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprint(i), Region: -1, Registered: r[0],
			Votes: []int64{r[1], r[2]}, Null: 0, Blank: sim.Unknown})
	}
	return tl
}

func TestSpikes(t *testing.T) {
	tl := spikeTally([][3]int64{
		{200, 60, 40},  // turnout 50% (integer), share 60% (integer)
		{200, 61, 40},  // turnout 50.5%, share 60.396…%
		{400, 120, 80}, // turnout 50%, share 60%
		{400, 121, 80}, // turnout 50.25%, share 60.199…%
		{333, 100, 100},
		{0, 0, 0}, // zero registered: left out of turnout; no valid votes: left out of share
	})
	tl.Units = append(tl.Units, sim.Unit{ID: "agg", Region: -1, Registered: 1000, Votes: []int64{300, 200}, Null: 0, Blank: sim.Unknown, Count: 3})
	tl.Units = append(tl.Units, sim.Unit{ID: "unk", Region: -1, Registered: sim.Unknown, Votes: []int64{50, 50}, Null: 0, Blank: sim.Unknown})

	turnout, err := forensics.TurnoutSpikes(tl, forensics.SpikeOptions{Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(5), turnout.Units)
	assert.Equal(t, int64(2), turnout.Integer)
	assert.Equal(t, int64(2), turnout.ByPercent[50])
	assert.ElementsMatch(t, []forensics.Exclusion{
		{Reason: forensics.ReasonZeroRegister, Units: 1},
		{Reason: forensics.ReasonAggregated, Units: 1},
		{Reason: forensics.ReasonNoRegistered, Units: 1},
	}, turnout.Excluded)
	// The exact null mean is the sum of the units' chances, each checked
	// against SciPy in TestIntegerChance.
	var mean float64
	for _, r := range [][2]int64{{200, 100}, {200, 101}, {400, 200}, {400, 201}, {333, 200}} {
		p, _ := forensics.IntegerChance(r[0], float64(r[1])/float64(r[0]))
		mean += p
	}
	assert.InDelta(t, mean, turnout.NullMean, 1e-12)
	assert.Equal(t, 1000, turnout.Replicates)
	assert.GreaterOrEqual(t, turnout.PValue, 1/1001.0)
	assert.LessOrEqual(t, turnout.PValue, 1.0)

	share, err := forensics.ShareSpikes(tl, forensics.SpikeOptions{Seed: 1, Candidate: "A"})
	require.NoError(t, err)
	assert.Equal(t, int64(6), share.Units, "five units plus the one with unknown registered voters")
	assert.Equal(t, int64(4), share.Integer, "60%, 60%, 50% and 50%")
	assert.Equal(t, int64(2), share.ByPercent[60])
	assert.Equal(t, int64(2), share.ByPercent[50])

	again, err := forensics.ShareSpikes(tl, forensics.SpikeOptions{Seed: 1, Candidate: "A"})
	require.NoError(t, err)
	assert.Equal(t, share, again, "same seed, same result")

	_, err = forensics.TurnoutSpikes(spikeTally(nil), forensics.SpikeOptions{})
	assert.ErrorIs(t, err, forensics.ErrNeedsTurnout)
	_, err = forensics.ShareSpikes(tl, forensics.SpikeOptions{Replicates: -1})
	assert.ErrorIs(t, err, forensics.ErrInput)
	_, err = forensics.ShareSpikes(tl, forensics.SpikeOptions{Candidate: "Nobody"})
	assert.ErrorIs(t, err, sim.ErrCandidate)
}

// TestSpikesMonteCarloMatchesExactNull checks the Monte Carlo null
// against its exact mean on many units: the replicates' mean lies within
// 4 standard errors.
func TestSpikesMonteCarloMatchesExactNull(t *testing.T) {
	var rows [][3]int64
	for i := range int64(3000) {
		n := 150 + (i*37)%700
		a := n * (40 + i%25) / 100
		rows = append(rows, [3]int64{n + 50, a, n - a})
	}
	tl := spikeTally(rows)
	s, err := forensics.ShareSpikes(tl, forensics.SpikeOptions{Seed: 9, Replicates: 4000, Candidate: "A"})
	require.NoError(t, err)
	lo, hi := s.NullInterval.Lo, s.NullInterval.Hi
	mid := (lo + hi) / 2
	assert.InDelta(t, s.NullMean, mid, 4*s.NullSD/8, "interval centred on the exact mean (±half a standard deviation)")
	assert.Greater(t, s.NullSD, 0.0)
}

// TestSpikesCalibration runs the share and turnout spike tests on
// synthetic elections, where no percentage was written in: over 8 seeds
// the observed counts' mean distance from the null mean, in null standard
// deviations, stays within ±1.2 (3.4 standard errors of a mean of 8), with
// and without ballot stuffing. Then it writes in a share of exactly 60%
// for candidate A in 5% of the tables, as an official inventing figures
// would, and checks that the test sees it.
func TestSpikesCalibration(t *testing.T) {
	for _, fraud := range []struct{ incr, extr float64 }{{0, 0}, {0.2, 0.05}} {
		var zt, zs float64
		const seeds = 8
		for seed := uint64(1); seed <= seeds; seed++ {
			e, err := synth.Generate(synth.Config{Seed: seed, Units: 20000, Incremental: fraud.incr, Extreme: fraud.extr})
			require.NoError(t, err)
			ts, err := forensics.TurnoutSpikes(e.Tally, forensics.SpikeOptions{Seed: seed, Replicates: 200})
			require.NoError(t, err)
			ss, err := forensics.ShareSpikes(e.Tally, forensics.SpikeOptions{Seed: seed, Replicates: 200, Candidate: "A"})
			require.NoError(t, err)
			zt += (float64(ts.Integer) - ts.NullMean) / ts.NullSD
			zs += (float64(ss.Integer) - ss.NullMean) / ss.NullSD
		}
		assert.InDelta(t, 0, zt/seeds, 1.2, "turnout, fraud %+v", fraud)
		assert.InDelta(t, 0, zs/seeds, 1.2, "share, fraud %+v", fraud)
	}

	e, err := synth.Generate(synth.Config{Seed: 1, Units: 20000})
	require.NoError(t, err)
	for i := 0; i < len(e.Tally.Units); i += 20 {
		u := &e.Tally.Units[i]
		m := (u.Valid() + 2) / 5
		u.Votes[0], u.Votes[1] = 3*m, 2*m
		u.Registered = max(u.Registered, u.Cast())
	}
	ss, err := forensics.ShareSpikes(e.Tally, forensics.SpikeOptions{Seed: 1, Candidate: "A"})
	require.NoError(t, err)
	z := (float64(ss.Integer) - ss.NullMean) / ss.NullSD
	assert.Greater(t, z, 10.0, "1,000 written-in shares of 60%%: %d at integers against %.1f expected", ss.Integer, ss.NullMean)
	assert.False(t, ss.Inside())
	assert.Less(t, ss.PValue, 0.01)
}

// TestSpikesExtendNearTheThreshold: a spike test whose first 1,000 draws
// put its p-value near FlagP goes on to ExtendedReplicates draws, so that
// a flag is not the floor 1/1,001 of a short Monte Carlo run; one far
// from the threshold keeps its 1,000. On the landslide mystery election
// of seed 1, the turnout spikes (67 tables against 45.8 expected) keep a
// p-value of 14/20,001 and stay flagged; the share spikes do not extend.
func TestSpikesExtendNearTheThreshold(t *testing.T) {
	m, err := synth.NewMystery(synth.PresetLandslide, 1)
	require.NoError(t, err)
	e, err := m.Generate()
	require.NoError(t, err)
	turn, err := forensics.TurnoutSpikes(e.Tally, forensics.SpikeOptions{})
	require.NoError(t, err)
	assert.Equal(t, forensics.ExtendedReplicates, turn.Replicates)
	assert.Equal(t, int64(67), turn.Integer)
	assert.InDelta(t, 14.0/20001, turn.PValue, 1e-12)
	share, err := forensics.ShareSpikes(e.Tally, forensics.SpikeOptions{})
	require.NoError(t, err)
	assert.Equal(t, 1000, share.Replicates)
	assert.Greater(t, share.PValue, 3*forensics.FlagP)
}
