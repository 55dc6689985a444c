package forensics_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// lumpedTally is twoStates with a third column that lumps several
// candidates, larger than either named candidate everywhere.
func lumpedTally() *sim.Tally {
	tl := twoStates()
	tl.Candidates = append(tl.Candidates, sim.Candidate{ID: "O", Name: "All others", Aggregate: true})
	for i := range tl.Units {
		u := &tl.Units[i]
		u.Votes = append(u.Votes, 3*(u.Votes[0]+u.Votes[1])+7)
		if u.Registered != sim.Unknown {
			u.Registered += u.Votes[2]
		}
	}
	return tl
}

// TestLumpedNotExamined checks that a lump of several candidates gets no
// digit test, is never the focus of a check, and that the report says
// why.
func TestLumpedNotExamined(t *testing.T) {
	tl := lumpedTally()
	require.NoError(t, tl.Validate())
	r, err := forensics.Run(tl, forensics.Options{Seed: 1, Bootstrap: 50, Replicates: 50, SkipFit: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"A"}, r.Candidates, "the lump has the most votes but is not the leader")
	for _, d := range r.SecondDigit {
		assert.NotEqual(t, "O", d.CandidateID)
	}
	for _, d := range r.LastDigit {
		assert.NotEqual(t, "O", d.CandidateID)
	}
	assert.Len(t, r.LastDigit, 2)
	var skipped bool
	for _, s := range r.Skipped {
		if s.Check == forensics.CheckDigits && s.Subject == "All others" {
			skipped = true
			assert.Equal(t, "forensics.lumped", s.Reason.Code)
		}
	}
	assert.True(t, skipped, "the report says the lump was left out: %+v", r.Skipped)

	_, err = forensics.Run(tl, forensics.Options{Candidates: []string{"O"}, SkipFit: true})
	require.ErrorIs(t, err, forensics.ErrInput)
	assert.Contains(t, err.Error(), "All others adds up several candidates")
	_, err = forensics.Fingerprint(tl, forensics.FingerprintOptions{Candidate: "O"})
	require.ErrorIs(t, err, forensics.ErrInput)
	h, err := forensics.Fingerprint(tl, forensics.FingerprintOptions{})
	require.NoError(t, err)
	assert.Equal(t, "A", h.CandidateID, "by default the leader among single candidates")
}
