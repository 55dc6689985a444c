package forensics_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// TestKlimekFitRecoversSyntheticFraud generates elections of 20,000 units
// with package synth and checks that the fit finds what was put in, to
// within one grid step (0.05 for incremental fraud, 0.01 for extreme
// fraud). The seeds are a fixed sample; a wider scan over seeds 20–31
// gave incremental estimates 0.25–0.35 for a true 0.3, and 0–0.05 for a
// fair election.
func TestKlimekFitRecoversSyntheticFraud(t *testing.T) {
	tests := []struct {
		incr, extr float64
		seeds      []uint64
	}{
		{0, 0, []uint64{1, 7, 20}},
		{0.3, 0.05, []uint64{2, 11, 21}},
		{0, 0.1, []uint64{4}},
	}
	for _, tc := range tests {
		for _, seed := range tc.seeds {
			t.Run(fmt.Sprintf("incremental %g extreme %g seed %d", tc.incr, tc.extr, seed), func(t *testing.T) {
				e, err := synth.Generate(synth.Config{Seed: seed, Units: 20000, Incremental: tc.incr, Extreme: tc.extr})
				require.NoError(t, err)
				fit, err := forensics.KlimekFit(e.Tally, forensics.KlimekOptions{Candidate: "A"})
				require.NoError(t, err)
				t.Logf("fitted incremental %.2f extreme %.2f (fair turnout %.3f±%.3f, share %.3f±%.3f), residual %.3g, fair residual %.3g, noise %.3g",
					fit.Incremental, fit.Extreme, fit.Turnout, fit.TurnoutSD, fit.Share, fit.ShareSD, fit.Residual, fit.FairResidual, fit.NoiseResidual)
				assert.InDelta(t, tc.incr, fit.Incremental, fit.IncrementalStep+1e-9, "incremental fraction")
				assert.InDelta(t, tc.extr, fit.Extreme, fit.Step+1e-9, "extreme fraction")
				assert.LessOrEqual(t, fit.Residual, fit.FairResidual)
				assert.True(t, fit.Fits, "residual %.3g within twice the noise %.3g", fit.Residual, fit.NoiseResidual)
				assert.False(t, fit.AtEdge)
				assert.Len(t, fit.Surface, fit.IncrementalSteps*fit.ExtremeSteps)
				var sum float64
				for _, v := range fit.Fitted {
					sum += v
				}
				assert.InDelta(t, 1, sum, 1e-9, "fitted histogram sums to one")
			})
		}
	}
}

func TestKlimekFitErrors(t *testing.T) {
	e, err := synth.Generate(synth.Config{Seed: 1, Units: 200})
	require.NoError(t, err)
	noReg, err := synth.Generate(synth.Config{Seed: 1, Units: 200})
	require.NoError(t, err)
	for i := range noReg.Tally.Units {
		noReg.Tally.Units[i].Registered = -1
	}
	tests := []struct {
		name string
		opts forensics.KlimekOptions
		want error
		tall bool
	}{
		{name: "step not dividing", opts: forensics.KlimekOptions{Step: 0.02, IncrementalStep: 0.05}, want: forensics.ErrInput},
		{name: "grid too wide", opts: forensics.KlimekOptions{MaxIncremental: 0.9, MaxExtreme: 0.2}, want: forensics.ErrInput},
		{name: "no registered voters", tall: true, want: forensics.ErrNeedsTurnout},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := e.Tally
			if tc.tall {
				tl = noReg.Tally
			}
			_, err := forensics.KlimekFit(tl, tc.opts)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}
