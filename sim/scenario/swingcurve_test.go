package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// TestSwingCurve: on the hand-worked fixture (Y leads X in t3, t4, t5, X
// leads t1, Y and X tie t2), a swing from Y to X wins X the units one by
// one; the flip is where X first has more units than Y.
func TestSwingCurve(t *testing.T) {
	tl := fixture(false)
	c := scenario.NewSwingCurve(tl, 0, 1, 50, 0.25)
	assert.Equal(t, int64(5), c.Units)
	zero := len(c.Swings) / 2
	assert.Equal(t, 0.0, c.Swings[zero])
	// At no swing X wins t1 and the tie t2 (listed first), Y t3-t5.
	assert.Equal(t, []int64{2, 3, 0}, []int64{c.WonA[zero], c.WonB[zero], c.WonOther[zero]})
	for k := range c.Swings {
		assert.Equal(t, c.Units, c.WonA[k]+c.WonB[k]+c.WonOther[k], "swing %v", c.Swings[k])
		if k > 0 {
			assert.GreaterOrEqual(t, c.WonA[k], c.WonA[k-1], "A only gains as the swing grows")
		}
	}
	// t3 (60 to 80 of 160) turns at 6.25 points: X then has 3 units.
	assert.True(t, c.HasFlip)
	assert.Equal(t, 6.25, c.Flip)

	empty := scenario.NewSwingCurve(&sim.Tally{Candidates: tl.Candidates}, 0, 1, 50, 0.25)
	assert.Zero(t, empty.Units)
	assert.False(t, empty.HasFlip)
}
