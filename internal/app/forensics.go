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
	// Report is package forensics' report on the data, as "tallyscope
	// forensics" runs it (without the slow Klimek fit, which the view
	// does not show); Flags its flags. ReportErr says why it could not
	// run.
	Report    *forensics.Report
	ReportErr error
	Flags     []forensics.Flag
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
	// The p-values and flags do not depend on the digit tests' bootstrap,
	// which only draws the intervals that the command line prints and the
	// screen does not.
	c.Report, c.ReportErr = forensics.Run(t, forensics.Options{SkipFit: true, Bootstrap: -1})
	if c.Report != nil {
		c.Flags = c.Report.Flags()
	}
	return c
}
