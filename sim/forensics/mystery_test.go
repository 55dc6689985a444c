package forensics_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// TestMysteryFlags runs every check on the mystery elections of each
// preset over 20 seeds, as the classroom's forensics view does, and counts
// the elections with at least one flag. The stuffed presets must be
// flagged and the clean ones not; the rates are logged (go test -v) and
// recorded in CLASSROOM.md. Measured: clean 0, swing 0, landslide 0,
// light 20, heavy 20 of 20.
func TestMysteryFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("100 elections of 5,000 tables: skipped with -short")
	}
	const seeds = 20
	for _, preset := range synth.Presets {
		flagged := 0
		var seen []string
		for seed := uint64(1); seed <= seeds; seed++ {
			m, err := synth.NewMystery(preset, seed)
			require.NoError(t, err)
			e, err := m.Generate()
			require.NoError(t, err)
			r, err := forensics.Run(e.Tally, forensics.Options{Seed: seed, Bootstrap: 200, Replicates: 200})
			require.NoError(t, err)
			if f := r.Flags(); len(f) > 0 {
				flagged++
				seen = append(seen, fmt.Sprintf("seed %d: %s %.3g", seed, f[0].Check, f[0].Value))
			}
		}
		t.Logf("%-9s flagged in %d of %d elections %v", preset, flagged, seeds, seen)
		if m, _ := synth.NewMystery(preset, 1); m.Stuffed() {
			assert.GreaterOrEqual(t, flagged, seeds-1, "%s: a stuffed preset is flagged in at least %d of %d", preset, seeds-1, seeds)
		} else {
			assert.LessOrEqual(t, flagged, 1, "%s: a clean preset is flagged in at most 1 of %d", preset, seeds)
		}
	}
}

// TestMysteryReveal: the reveal is the generator's settings, and the
// election's title gives none of them away.
func TestMysteryReveal(t *testing.T) {
	for _, preset := range synth.Presets {
		m, err := synth.NewMystery(preset, 7)
		require.NoError(t, err)
		again, err := synth.NewMystery(preset, 7)
		require.NoError(t, err)
		assert.Equal(t, m, again, "a preset and a seed determine the settings")
		e, err := m.Generate()
		require.NoError(t, err)
		assert.Equal(t, "Mystery election 7", e.Tally.Title)
		assert.Equal(t, m.Turnout, e.Config.Turnout)
		assert.Equal(t, m.Share, e.Config.Share)
		assert.Equal(t, m.Incremental, e.Config.Incremental)
		assert.Equal(t, m.Extreme, e.Config.Extreme)
		stuffed := 0
		for _, k := range e.Kinds {
			if k != synth.Fair {
				stuffed++
			}
		}
		assert.Equal(t, m.Stuffed(), stuffed > 0, "%s: stuffed tables exist exactly when the settings say so", preset)
		if m.Stuffed() {
			// The favoured candidate is the one who gained: more votes
			// in the stuffed tables than its share of the fair ones.
			var fav, all int64
			for i, k := range e.Kinds {
				if k == synth.ExtremeFraud {
					fav += e.Tally.Units[i].Votes[m.Favoured]
					all += e.Tally.Units[i].Votes[0] + e.Tally.Units[i].Votes[1]
				}
			}
			if all > 0 {
				assert.Greater(t, float64(fav)/float64(all), 0.9, "%s: extreme stuffing goes to the favoured candidate", preset)
			}
		}
	}
	_, err := synth.NewMystery("medium", 1)
	assert.ErrorIs(t, err, synth.ErrConfig)
}
