package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

// TestSplitFromTiesAtBreakEven: a split that takes the runner-up's share
// from the leader, the others keeping their counted share, ties at the
// break-even's Needed, on the hand-worked fixture and with a swing.
func TestSplitFromTiesAtBreakEven(t *testing.T) {
	e := engine(t, fixture(true))
	for _, swings := range [][]scenario.Swing{nil, {{Candidate: "X", PP: 3}}} {
		base := scenario.Scenario{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "X", From: "Y"}, Swings: swings}
		b, err := e.BreakEven(base)
		require.NoError(t, err)
		require.False(t, b.Impossible, "%+v", swings)
		x, y := indexOf(e.Tally(), "X"), indexOf(e.Tally(), "Y")
		require.Equal(t, y, b.Leader)
		require.Equal(t, x, b.RunnerUp)
		at := func(share float64) *scenario.Outcome {
			sc := base
			sp := *sc.Split
			sp.Share = share
			sc.Split = &sp
			return run(t, e, sc)
		}
		o := at(b.Needed)
		assert.InDelta(t, o.Total[y], o.Total[x], 2, "a tie at %v with swings %+v", b.Needed, swings)
		assert.Equal(t, b.Remaining, o.Remaining, "the break-even's remaining votes are the split's")
		assert.Equal(t, y, at(b.Needed-0.01).Winner, "below the break-even")
		assert.Equal(t, x, at(b.Needed+0.01).Winner, "above the break-even")
		// The other candidate keeps its counted share of the remaining
		// votes.
		z := indexOf(e.Tally(), "Z")
		assert.InDelta(t, float64(o.Counted[z])/float64(o.CountedValid)*float64(o.Remaining), float64(o.Imputed[z]), 1)
		assert.Empty(t, o.Flags)
	}
}

// TestSplitFromSqueezesTheOthers: past what the others' counted share
// leaves, the leader gets nothing and the others share the rest; at 100%
// everything goes to the chosen candidate. Nobody gets negative votes.
func TestSplitFromSqueezesTheOthers(t *testing.T) {
	e := engine(t, fixture(true))
	x, y, z := 0, 1, 2
	for _, tt := range []struct {
		share     float64
		imputed   []int64
		noteCount int
	}{
		// 280 remaining votes; Z's counted share is 40/420.
		{share: 1, imputed: []int64{280, 0, 0}, noteCount: 1},
		{share: 0.95, imputed: []int64{266, 0, 14}, noteCount: 1},
		{share: 0.5, imputed: []int64{140, 113, 27}, noteCount: 0},
	} {
		o := run(t, e, scenario.Scenario{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "X", Share: tt.share, From: "Y"}})
		require.Equal(t, int64(280), o.Remaining, "share %v", tt.share)
		assert.InDelta(t, tt.imputed[x], o.Imputed[x], 1, "share %v", tt.share)
		assert.InDelta(t, tt.imputed[y], o.Imputed[y], 1, "share %v", tt.share)
		assert.InDelta(t, tt.imputed[z], o.Imputed[z], 1, "share %v", tt.share)
		for c, v := range o.Imputed {
			assert.GreaterOrEqual(t, v, int64(0), "candidate %d at share %v", c, tt.share)
		}
		squeezed := 0
		for _, n := range o.Notes {
			if n.Code == "scenario.split-exceeds" {
				squeezed++
			}
		}
		assert.Equal(t, tt.noteCount, squeezed, "share %v: notes %q", tt.share, o.Notes)
	}
}

func TestSplitFromRefused(t *testing.T) {
	e := engine(t, fixture(true))
	for _, sp := range []scenario.Split{
		{Candidate: "X", Share: 0.5, From: "X"},
		{Candidate: "X", Share: 0.5, From: "nobody"},
		{Candidate: "X", Share: 0.5, From: "Y", Rest: []scenario.Share{{Candidate: "Z", Share: 1}}},
	} {
		_, err := e.Run(scenario.Scenario{Missing: scenario.MissingSplit, Split: &sp})
		assert.ErrorIs(t, err, scenario.ErrScenario, "%+v", sp)
	}
}

func TestIsBaseline(t *testing.T) {
	for _, tt := range []struct {
		sc   scenario.Scenario
		want bool
	}{
		{scenario.Scenario{}, true},
		{scenario.Scenario{Remaining: scenario.RemainingFull, Level: "state"}, true},
		{scenario.Scenario{Turnout: scenario.Turnout{Factor: 1}}, true},
		{scenario.Scenario{Missing: scenario.MissingLikeRegion}, false},
		{scenario.Scenario{Swings: []scenario.Swing{{Candidate: "X", PP: 1}}}, false},
		{scenario.Scenario{Turnout: scenario.Turnout{Factor: 1.1}}, false},
		{scenario.Scenario{Counted: &scenario.Claim{}}, false},
	} {
		assert.Equal(t, tt.want, tt.sc.IsBaseline(), "%+v", tt.sc)
	}
}
