package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func TestWinText(t *testing.T) {
	tests := []struct {
		st     scenario.WinStatement
		en, es string
	}{
		{scenario.WinStatement{Kind: scenario.WinTooFew, Runs: 123}, "", ""},
		{scenario.WinStatement{Kind: scenario.WinAll, Wins: 2000, Runs: 2000, P: 1},
			"EG wins in all 2,000 runs", "EG gana en todas las 2.000 simulaciones"},
		{scenario.WinStatement{Kind: scenario.WinNone, Runs: 2000},
			"EG wins in none of the 2,000 runs", "EG no gana en ninguna de las 2.000 simulaciones"},
		{scenario.WinStatement{Kind: scenario.WinAbove, Wins: 1999, Runs: 2000, P: 0.9995, SE: 0.0005},
			"EG wins in more than 99.9% of 2,000 runs", "EG gana en más del 99,9\u00a0% de 2.000 simulaciones"},
		{scenario.WinStatement{Kind: scenario.WinBelow, Wins: 1, Runs: 2000, P: 0.0005, SE: 0.0005},
			"EG wins in fewer than 0.1% of 2,000 runs", "EG gana en menos del 0,1\u00a0% de 2.000 simulaciones"},
		{scenario.WinStatement{Kind: scenario.WinShare, Wins: 1946, Runs: 2000, P: 0.973, SE: 0.00362},
			"EG wins in 97.3% ± 0.4 of 2,000 runs (± Monte Carlo error)", "EG gana en el 97,3\u00a0% ± 0,4 de 2.000 simulaciones (± error de Monte Carlo)"},
		// The largest share that is stated as a share rounds to 99.9%.
		{scenario.WinStatement{Kind: scenario.WinShare, Wins: 1998, Runs: 2000, P: 0.999, SE: 0.0007},
			"EG wins in 99.9% ± 0.1 of 2,000 runs (± Monte Carlo error)", "EG gana en el 99,9\u00a0% ± 0,1 de 2.000 simulaciones (± error de Monte Carlo)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.en, WinText(i18n.EN, "EG", tt.st), "en %+v", tt.st)
		assert.Equal(t, tt.es, WinText(i18n.ES, "EG", tt.st), "es %+v", tt.st)
	}
}

// TestMonteCarloStatedAfterMinRuns steps the default data's simulation and
// reads the test hook: nothing is stated before scenario.MinRuns runs,
// then the leader's chance with its runs, never "100.0%".
func TestMonteCarloStatedAfterMinRuns(t *testing.T) {
	d, err := Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	s := New(d, i18n.EN, "view=uncertainty")
	s.Update(0)
	require.NotNil(t, s.MC)
	require.NoError(t, s.MC.Err)
	for _, upTo := range []int{1, 50, scenario.MinRuns - 1, scenario.MinRuns, 1500, MCRuns} {
		s.MC.Step(upTo - s.MC.Completed())
		sn := s.Snapshot(true, 1).MonteCarlo
		require.NotNil(t, sn, "after %d runs", upTo)
		assert.Equal(t, upTo, sn.Done)
		assert.Equal(t, MCRuns, sn.Runs)
		assert.Equal(t, scenario.MinRuns, sn.MinRuns)
		assert.Equal(t, "EG", sn.Lead)
		assert.NotContains(t, sn.Text, "100.0", "after %d runs", upTo)
		if upTo < scenario.MinRuns {
			assert.False(t, s.MC.Stated())
			assert.Equal(t, "too_few", sn.Kind, "after %d runs", upTo)
			assert.Equal(t, "Simulating: "+i18n.EN.Int(int64(upTo))+" of 2,000 runs", sn.Text)
			_, _, ok := s.MC.Interval90()
			assert.False(t, ok, "no interval after %d runs", upTo)
			continue
		}
		assert.True(t, s.MC.Stated())
		_, _, ok := s.MC.Interval90()
		assert.True(t, ok, "an interval after %d runs", upTo)
		// The default data's leader wins every run.
		assert.Equal(t, "all", sn.Kind, "after %d runs", upTo)
		assert.Equal(t, int64(upTo), sn.Wins)
		assert.Equal(t, "EG wins in all "+i18n.EN.Int(int64(upTo))+" runs", sn.Text)
	}
}

// TestModelTextMatchesCore checks that the sentence the view shows
// describes the model the core ran: turnout when the data has registered
// voters, the number of votes otherwise. The embedded default holds every
// table, so its model is calibrated on them like the fixture's.
func TestModelTextMatchesCore(t *testing.T) {
	def, err := Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	fix, err := NewDataset(fixture(), "fixture.json")
	require.NoError(t, err)
	for _, d := range []*Dataset{def, fix} {
		s := New(d, i18n.EN, "view=uncertainty")
		s.Update(0)
		require.NotNil(t, s.MC, d.Name)
		require.NoError(t, s.MC.Err, d.Name)
		core := i18n.EN.Note(s.MC.result().Model)
		u := i18n.UnitsFor(d.Tally.UnitLevel)
		shown := s.MC.ModelText(i18n.EN, u)
		assert.Equal(t, strings.Contains(core, "turnout"), strings.Contains(shown, "turnout"), "%s: core %q, shown %q", d.Name, core, shown)
		for _, part := range []string{"known only by number in its region", "held-out residuals", "two-party margin"} {
			assert.Contains(t, core, part, d.Name)
			assert.Contains(t, shown, part, d.Name)
		}
	}
}
