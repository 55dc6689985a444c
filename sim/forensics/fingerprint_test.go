package forensics_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// twoStates is a small tally whose turnout and shares were worked out by
// hand and checked with python3 (numpy, scipy.stats.pearsonr and
// scipy.stats.linregress); see TestTurnoutShare.
func twoStates() *sim.Tally {
	u := func(id string, region int, reg, a, b, null int64) sim.Unit {
		return sim.Unit{ID: id, Region: region, Registered: reg, Votes: []int64{a, b}, Null: null, Blank: sim.Unknown}
	}
	return &sim.Tally{
		Levels:     []string{"state"},
		UnitLevel:  "table",
		Candidates: []sim.Candidate{{ID: "A", Name: "Ana"}, {ID: "B", Name: "Bruno"}},
		Regions:    []sim.Region{{Level: 0, Key: "2", Name: "South", Parent: -1}, {Level: 0, Key: "1", Name: "North", Parent: -1}},
		Units: []sim.Unit{
			u("u1", 1, 1000, 600, 300, 0), // turnout 0.90, share of A 0.667
			u("u2", 1, 1000, 960, 0, 0),   // 0.96, 1.0: the high corner
			u("u3", 1, 800, 250, 250, 0),  // 0.625, 0.5
			u("u4", 1, 500, 150, 100, 10), // 0.52, 0.6
			u("u5", 0, 1200, 300, 420, 0), // 0.60, 0.417
			u("u6", 0, 900, 200, 340, 0),  // 0.60, 0.370
			u("u7", 0, 700, 210, 200, 5),  // 0.593, 0.512
			u("u8", 0, sim.Unknown, 50, 50, 0),
			{ID: "u9", Region: 0, Registered: 5000, Votes: []int64{1500, 1500}, Null: 0, Blank: sim.Unknown, Count: 5},
			u("u10", 1, 100, 80, 30, 0), // more votes than registered voters
			u("u11", 1, 300, 0, 0, 0),   // no valid votes
		},
	}
}

func TestFingerprint(t *testing.T) {
	tl := twoStates()
	require.NoError(t, tl.Validate())
	h, err := forensics.Fingerprint(tl, forensics.FingerprintOptions{Candidate: "A", TurnoutBins: 10, ShareBins: 10})
	require.NoError(t, err)
	assert.Equal(t, int64(7), h.Units)
	// Bins (turnout, share) by hand: u1 (9,6), u2 (9,9; share 1.0 goes in
	// the last bin), u3 (6,5), u4 (5,6), u5 (6,4), u6 (6,3), u7 (5,5).
	want := map[[2]int]int64{{9, 6}: 1, {9, 9}: 1, {6, 5}: 1, {5, 6}: 1, {6, 4}: 1, {6, 3}: 1, {5, 5}: 1}
	for i := range 10 {
		for j := range 10 {
			assert.Equal(t, want[[2]int{i, j}], h.At(i, j), "bin (%d, %d)", i, j)
		}
	}
	// Every bin holds one unit: the tie goes to the lowest turnout, then
	// the lowest share.
	assert.Equal(t, 5, h.ModeTurnout)
	assert.Equal(t, 5, h.ModeShare)
	assert.Equal(t, int64(1), h.ModeUnits)
	assert.Equal(t, int64(1), h.CornerUnits)
	assert.InDelta(t, 1.0/7, h.CornerFraction, 1e-15)
	assert.Equal(t, []forensics.Exclusion{
		{Reason: forensics.ReasonNoRegistered, Units: 1},
		{Reason: forensics.ReasonAggregated, Units: 1},
		{Reason: forensics.ReasonOverRegister, Units: 1},
		{Reason: forensics.ReasonNoValidVotes, Units: 1},
	}, h.Excluded)
	assert.Equal(t, []int64{0, 0, 0, 1, 1, 2, 2, 0, 0, 1}, h.ShareMarginal())
	assert.Equal(t, []int64{0, 0, 0, 0, 0, 2, 3, 0, 0, 2}, h.TurnoutMarginal())
	tc, sc := h.BinCentre(5, 5)
	assert.InDelta(t, 0.55, tc, 1e-15)
	assert.InDelta(t, 0.55, sc, 1e-15)

	// Keep selects one region's units (North: u1–u4, u10, u11).
	north, err := forensics.Fingerprint(tl, forensics.FingerprintOptions{Candidate: "A", TurnoutBins: 10, ShareBins: 10,
		Keep: func(i int) bool { return tl.Units[i].Region == 1 }})
	require.NoError(t, err)
	assert.Equal(t, int64(4), north.Units)
	assert.Equal(t, []forensics.Exclusion{{Reason: forensics.ReasonOverRegister, Units: 1}, {Reason: forensics.ReasonNoValidVotes, Units: 1}}, north.Excluded)

	// The default is 1% bins and the leader of the data (A).
	h, err = forensics.Fingerprint(tl, forensics.FingerprintOptions{})
	require.NoError(t, err)
	assert.Equal(t, "A", h.CandidateID)
	assert.Len(t, h.Counts, 100*100)
	assert.Equal(t, int64(1), h.At(96, 99), "u2: turnout 96%, share 100%")
}

func TestFingerprintErrors(t *testing.T) {
	noReg := twoStates()
	for i := range noReg.Units {
		noReg.Units[i].Registered = sim.Unknown
	}
	tests := []struct {
		name string
		tl   *sim.Tally
		o    forensics.FingerprintOptions
		want error
	}{
		{"no registered voters", noReg, forensics.FingerprintOptions{}, forensics.ErrNeedsTurnout},
		{"unknown candidate", twoStates(), forensics.FingerprintOptions{Candidate: "Z"}, sim.ErrCandidate},
		{"negative bins", twoStates(), forensics.FingerprintOptions{TurnoutBins: -1}, forensics.ErrInput},
		{"corner above 1", twoStates(), forensics.FingerprintOptions{Corner: 1.5}, forensics.ErrInput},
		{"no tally", nil, forensics.FingerprintOptions{}, forensics.ErrInput},
		{"no candidates", &sim.Tally{}, forensics.FingerprintOptions{}, sim.ErrNoCandidates},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := forensics.Fingerprint(tc.tl, tc.o)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

func TestTurnoutShare(t *testing.T) {
	r, err := forensics.TurnoutShare(twoStates(), forensics.TurnoutShareOptions{Candidate: "Ana"})
	require.NoError(t, err)
	assert.Equal(t, "state", r.LevelName)
	// python3: scipy.stats.pearsonr(turnout, share)[0] and
	// scipy.stats.linregress(turnout, votes_A / registered).
	tests := []struct {
		name                                       string
		row                                        forensics.TurnoutShareRow
		units                                      int
		share, corr, slope, intercept, r, slope_se float64
	}{
		{"national", r.National, 7, 0.6238317757009346, 0.8032316721893152, 1.456410779994903, -0.5775612345014951, 0.9281887366761583, 0.2611160954092828},
		// Regions come sorted by key: "1" (North) before "2" (South).
		{"North", r.Regions[0], 4, 0.7509578544061303, 0.7687161517011641, 1.3382441371016236, -0.4622309079975947, 0.9145470254324576, 0.4185148971892764},
		{"South", r.Regions[1], 3, 0.4251497005988024, -0.9473944808736781, -8.944444444444477, 5.6027777777777965, -0.9358567275868332, 3.367876570272833},
	}
	require.Len(t, r.Regions, 2)
	for _, tc := range tests {
		assert.Equal(t, tc.units, tc.row.Units, tc.name)
		assert.InDelta(t, tc.share, tc.row.Share, 1e-12, tc.name)
		assert.InDelta(t, tc.corr, tc.row.Correlation, 1e-12, tc.name)
		assert.InDelta(t, tc.slope, tc.row.Slope.Slope, 1e-9, tc.name)
		assert.InDelta(t, tc.intercept, tc.row.Slope.Intercept, 1e-9, tc.name)
		assert.InDelta(t, tc.r, tc.row.Slope.Correlation, 1e-12, tc.name)
		assert.InDelta(t, tc.slope_se, tc.row.Slope.SlopeSE, 1e-9, tc.name)
	}
	assert.Equal(t, "North", r.Regions[0].Name)
	assert.Len(t, r.Excluded, 4)

	_, err = forensics.TurnoutShare(twoStates(), forensics.TurnoutShareOptions{Level: "county"})
	assert.ErrorIs(t, err, sim.ErrUnknownLevel)
	_, err = forensics.TurnoutShare(twoStates(), forensics.TurnoutShareOptions{Level: "table"})
	assert.ErrorIs(t, err, forensics.ErrInput)
}
