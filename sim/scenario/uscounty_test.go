package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// TestUSCountySeats counts counties as seats, first past the post: the
// data's README computes 2,685 counties won by the Republican in 2024 and
// 2,595 in 2020 (GOP above Dem). In 2020 three Alaska districts report
// more "other" votes (total minus the two parties) than either party; one
// of them (District 26) has GOP above Dem, so first past the post over the
// three columns gives the Republican 2,594.
func TestUSCountySeats(t *testing.T) {
	for _, tc := range []struct {
		year      string
		rows, gop int
		marginPP  float64
	}{
		{"2024", 3160, 2685, 49.91 - 48.43},
		{"2020", 3152, 2594, 46.84 - 51.29},
	} {
		rel := "us-county/" + tc.year + "_US_County_Level_Presidential_Results.csv"
		shareddata.Path(t, rel)
		tl, _, err := load.Read(shareddata.Open(t, rel), load.Options{Name: rel})
		require.NoError(t, err)
		e := engine(t, tl)
		s, err := e.Seats(scenario.Scenario{}, false)
		require.NoError(t, err)
		assert.Equal(t, tc.rows, s.Total, tc.year)
		gop := mustCandidate(t, tl, "gop")
		var got int
		for _, c := range s.Counts {
			if len(c.Candidates) == 1 && c.Candidates[0] == gop {
				got = c.Baseline
			}
		}
		assert.Equal(t, tc.gop, got, tc.year)
		assert.Empty(t, s.Flips)
		// The smallest uniform swing that flips the national vote is half
		// the margin (the shares in the README are rounded to 0.01).
		f, err := e.SwingToFlip(scenario.Scenario{})
		require.NoError(t, err)
		half := tc.marginPP / 2
		if half < 0 {
			half = -half
		}
		assert.InDelta(t, half, f.PP, 0.01, tc.year)
		// And a swing of that size moves counties.
		s, err = e.Seats(scenario.Scenario{Swings: []scenario.Swing{{Candidate: tl.Candidates[f.To].ID, From: tl.Candidates[f.From].ID, PP: f.PP}}}, false)
		require.NoError(t, err)
		assert.NotEmpty(t, s.Flips, tc.year)
	}
}
