package app

import (
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// Checks holds the forensic checks of the Checks view, computed by
// package forensics with the options "tallyscope forensics" uses, so
// that the screen and the command line give the same numbers: the
// fingerprint of the counted leader (turnout × share, in FingerprintBins
// bins a side), the last-digit and second-digit tests of every candidate
// (with their binomial nulls), and the round-percentage test of each
// claim. Each error says why its check could not run.
type Checks struct {
	Data        *Dataset
	Fingerprint *forensics.Histogram
	FPErr       error
	Last        []forensics.LastDigitTest
	LastErr     error
	Second      []forensics.SecondDigitTest
	SecondErr   error
	Round       []*forensics.RoundReport
	RoundErr    []error
}

// FingerprintBins is the number of turnout and share bins of the
// Checks view's fingerprint: 2% bins, coarser than the command line's
// 1% so that each cell stays visible on a screen.
const FingerprintBins = 50

// newChecks runs the checks on d.
func newChecks(d *Dataset) *Checks {
	t := d.Tally
	c := &Checks{Data: d}
	c.Fingerprint, c.FPErr = forensics.Fingerprint(t, forensics.FingerprintOptions{Candidate: t.Candidates[d.Leader].ID, TurnoutBins: FingerprintBins, ShareBins: FingerprintBins})
	// The p-values do not depend on the bootstrap, which only draws the
	// intervals that the command line prints and the screen does not.
	c.Last, c.LastErr = forensics.LastDigit(t, forensics.DigitOptions{Bootstrap: -1})
	c.Second, c.SecondErr = forensics.SecondDigit(t, forensics.DigitOptions{Bootstrap: -1})
	for i := range t.Claims {
		r, err := forensics.ClaimRoundness(&t.Claims[i])
		c.Round = append(c.Round, r)
		c.RoundErr = append(c.RoundErr, err)
	}
	return c
}
