package forensics_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// TestRunOnAggregatedUnits runs every check on a tally whose units each
// stand for several tables (as when results are summed per state): no
// unit-level check may mix them in, and each says why it did not run.
func TestRunOnAggregatedUnits(t *testing.T) {
	tl := twoStates()
	for i := range tl.Units {
		tl.Units[i].Count = 3
	}
	r, err := forensics.Run(tl, forensics.Options{Seed: 1, Bootstrap: 20, Replicates: 20})
	require.NoError(t, err)
	assert.Zero(t, r.SingleUnits)
	assert.Empty(t, r.Fingerprints)
	assert.Empty(t, r.Klimek)
	assert.Empty(t, r.Spikes)
	assert.Empty(t, r.TurnoutShare)
	var checks []string
	for _, s := range r.Skipped {
		checks = append(checks, s.Check+":"+s.Subject)
		assert.Contains(t, []string{"forensics.spikes.no-units", "forensics.no-single-units", "forensics.klimek.too-few"}, s.Reason.Code, s.Check)
	}
	assert.Equal(t, []string{"spikes.turnout:", "spikes.share:A", "fingerprint:A", "klimek:A", "turnout-share:A"}, checks)
	for _, d := range r.SecondDigit {
		assert.Zero(t, d.N)
		assert.Equal(t, []forensics.Exclusion{{Reason: forensics.ReasonAggregated, Units: len(tl.Units)}}, d.Excluded)
	}
}

func TestRunErrors(t *testing.T) {
	_, err := forensics.Run(nil, forensics.Options{})
	assert.ErrorIs(t, err, forensics.ErrInput)
	_, err = forensics.Run(&sim.Tally{}, forensics.Options{})
	assert.ErrorIs(t, err, sim.ErrNoCandidates)
	_, err = forensics.Run(twoStates(), forensics.Options{Candidates: []string{"Nobody"}})
	assert.ErrorIs(t, err, sim.ErrCandidate)
	_, err = forensics.Run(twoStates(), forensics.Options{Level: "galaxy"})
	assert.ErrorIs(t, err, sim.ErrUnknownLevel)
	bad := twoStates()
	bad.Units[0].Votes = []int64{1}
	_, err = forensics.Run(bad, forensics.Options{})
	assert.ErrorIs(t, err, forensics.ErrInput)
}
