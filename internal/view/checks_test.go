package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// TestChecksAreTheCommandsNumbers opens the Checks view on the default
// data and compares what it shows with "tallyscope forensics"
// (forensics.Run with its defaults): the same digit counts and p-values
// for the counted leader and runner-up, the same fingerprint cells (in
// coarser bins), and the same round-percentage odds, printed on screen in
// both languages.
func TestChecksAreTheCommandsNumbers(t *testing.T) {
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	rep, err := forensics.Run(d.Tally, forensics.Options{SkipFit: true})
	require.NoError(t, err)
	f := newFonts(t)
	for _, lang := range i18n.Langs {
		st := app.New(d, lang, "view=forensics")
		require.Equal(t, app.ViewForensics, st.View)
		st.Update(0)
		ck := st.Checks
		require.NotNil(t, ck, "the checks run when the view is shown")
		sc := Build(st, 1280, 4000, 1, f)
		var texts []string
		for _, it := range sc.Items {
			texts = append(texts, it.Text)
		}
		// Lines that wrap on screen read as one.
		screen := strings.Join(texts, " ")
		b := &builder{st: st, l: lang, u: i18n.Tables}
		for _, c := range []int{d.Leader, d.Runner} {
			var found int
			for _, want := range rep.LastDigit {
				for _, got := range ck.Report.LastDigit {
					if want.Candidate == c && got.Candidate == c {
						found++
						assert.Equal(t, want.Observed, got.Observed)
						assert.Equal(t, want.PValue, got.PValue)
						assert.Equal(t, want.Binomial.PValue, got.Binomial.PValue)
						assert.Contains(t, screen, b.pText(want.Binomial.PValue)+", ")
					}
				}
			}
			for _, want := range rep.SecondDigit {
				for _, got := range ck.Report.SecondDigit {
					if want.Candidate == c && got.Candidate == c {
						found++
						assert.Equal(t, want.Observed, got.Observed)
						assert.Equal(t, want.PValue, got.PValue)
						assert.Equal(t, want.Binomial.PValue, got.Binomial.PValue)
					}
				}
			}
			assert.Equal(t, 2, found, "candidate %d has both digit tests", c)
		}
		// The command line's fingerprint has 1% bins, the screen's 2%:
		// the same tables, and each coarse cell sums four fine ones.
		fine := rep.Fingerprints[0]
		require.Equal(t, fine.Candidate, ck.Fingerprint.Candidate)
		assert.Equal(t, fine.Units, ck.Fingerprint.Units)
		assert.Equal(t, fine.CornerUnits, ck.Fingerprint.CornerUnits)
		for i := range app.FingerprintBins {
			for j := range app.FingerprintBins {
				sum := fine.At(2*i, 2*j) + fine.At(2*i+1, 2*j) + fine.At(2*i, 2*j+1) + fine.At(2*i+1, 2*j+1)
				require.Equal(t, sum, ck.Fingerprint.At(i, j), "cell %d,%d", i, j)
			}
		}
		require.Len(t, ck.Report.Roundness, len(rep.Roundness))
		for i, want := range rep.Roundness {
			assert.Equal(t, want.OneIn, ck.Report.Roundness[i].OneIn)
			assert.Contains(t, screen, lang.Odds(want.OneIn))
		}
		// The flags: the command line's, worded on screen. On these
		// data, Maduro's turnout-share slope and Martínez's second
		// digits.
		assert.Equal(t, rep.Flags(), ck.Flags)
		require.Len(t, ck.Flags, 2)
		assert.Contains(t, screen, b.tf(i18n.CkFlagSlope, "Nicolás Maduro Moros", lang.Float(ck.Flags[0].Value, 1), "3"))
		assert.Contains(t, screen, b.tf(i18n.CkFlagSecond, "Luis Eduardo Martínez", b.pText(ck.Flags[1].Value)))
		assert.Contains(t, screen, lang.Odds(101173422), "the 1st bulletin's 1 in 101.2 million")
		assert.Contains(t, screen, b.tf(i18n.CkRoundNoneRound, lang.ClaimLabel("CNE 2nd bulletin"), 10, lang.Int(12335884)), "the 2nd bulletin has no round count")
	}
}
