package chart

import (
	"errors"
	"fmt"
	"io"

	"gonum.org/v1/plot"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// DefaultRuns is the number of Monte Carlo runs when the scenario gives
// none.
const DefaultRuns = 500

// Render computes any kind of chart from a tally and a scenario and
// returns the plot and the numbers behind it.
//
// The scenario drives the break-even (the remaining votes and their
// estimate, any swing or turnout change) and the Monte Carlo chart (its
// runs, seed and shocks; DefaultRuns when it gives none). When it changes
// the result (HasChanges), the shares chart adds the projection beside the
// count and the regions chart shows projected margins. The swing,
// fingerprint and digits charts show the counted data.
// The fingerprint needs registered voters: join them first
// (load.JoinRegistered) when the file has none.
func Render(kind Kind, t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	if t == nil || len(t.Units) == 0 {
		return nil, nil, fmt.Errorf("%w: the tally has no units", ErrNoData)
	}
	switch kind {
	case KindShares:
		return renderShares(t, sc, opts)
	case KindRegions:
		return renderRegions(t, sc, opts)
	case KindBreakEven:
		return renderBreakEven(t, sc, opts)
	case KindMonteCarlo:
		return renderMonteCarlo(t, sc, opts)
	case KindFingerprint:
		return renderFingerprint(t, sc, opts)
	case KindDigits:
		return renderDigits(t, sc, opts)
	case KindSwing:
		return renderSwing(t, sc, opts)
	case KindMap, KindCartogram:
		return renderMap(kind, t, sc, opts)
	}
	return nil, nil, fmt.Errorf("%w: %q", ErrKind, kind)
}

// renderShares draws the counted shares, with the projection beside
// them when the scenario changes the result.
func renderShares(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	a := sim.Aggregate(t)
	d, err := ComputeShares(a)
	if err != nil {
		return nil, nil, err
	}
	if HasChanges(sc) {
		o, err := scenario.Run(t, sc)
		if err != nil {
			return nil, nil, wrapNoData(err)
		}
		if err := ProjectShares(d, o); err != nil {
			return nil, nil, err
		}
	}
	return sharesPlot(d, l), sharesTable(a, d), nil
}

// renderRegions draws the margin per region, projected when the
// scenario changes the result; its table holds every region, the plot
// the largest.
func renderRegions(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	a := sim.Aggregate(t)
	all := Options{Lang: l, A: opts.A, B: opts.B, Level: opts.Level, MaxRegions: 1 << 30}
	votes := func(r int) []int64 { return a.Result(r).Votes }
	var o *scenario.Outcome
	if HasChanges(sc) {
		ps := sc
		ps.Level = opts.Level
		if ps.Level == "" && len(t.Levels) > 0 {
			ps.Level = t.Levels[0]
		}
		var err error
		if o, err = scenario.Run(t, ps); err != nil {
			return nil, nil, wrapNoData(err)
		}
		votes = func(r int) []int64 { return o.RegionTotal(r, nil) }
	}
	compute := func(opts Options) (*RegionsData, error) {
		if o != nil {
			return ProjectRegions(a, o, opts)
		}
		return ComputeRegions(a, opts)
	}
	d, err := compute(all)
	if err != nil {
		return nil, nil, err
	}
	tab := regionsTable(t, d, votes)
	if d, err = compute(opts); err != nil {
		return nil, nil, err
	}
	return regionsPlot(d, l), tab, nil
}

// renderBreakEven draws the share of the remaining votes the runner-up
// needs.
func renderBreakEven(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	e, err := scenario.New(t)
	if err != nil {
		return nil, nil, err
	}
	b, err := e.BreakEven(sc)
	if err != nil {
		return nil, nil, wrapNoData(err)
	}
	missing := int64(-1)
	rs := sc
	if rs.Missing == scenario.MissingNone {
		rs.Missing = scenario.MissingLikeRegion
	}
	if o, err := e.Run(rs); err == nil {
		missing = o.MissingUnits
	}
	d, err := ComputeBreakEven(t, b, missing)
	if err != nil {
		return nil, nil, err
	}
	return breakEvenPlot(d, l), breakEvenTable(t, d), nil
}

// renderMonteCarlo draws the Monte Carlo distribution of the margin
// (DefaultRuns when the scenario gives no runs).
func renderMonteCarlo(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	e, err := scenario.New(t)
	if err != nil {
		return nil, nil, err
	}
	ms := sc
	if ms.MonteCarlo.Runs == 0 {
		ms.MonteCarlo.Runs = DefaultRuns
	}
	if ms.Missing == scenario.MissingNone {
		ms.Missing = scenario.MissingLikeRegion
	}
	r, err := e.RunMonteCarlo(ms)
	if err != nil {
		return nil, nil, wrapNoData(err)
	}
	d, err := ComputeMonteCarlo(t, r)
	if err != nil {
		return nil, nil, err
	}
	return monteCarloPlot(d, l), monteCarloTable(t, d), nil
}

// renderFingerprint draws the turnout × share fingerprint of the counted data.
func renderFingerprint(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	h, err := forensics.Fingerprint(t, forensics.FingerprintOptions{Candidate: opts.A})
	if err != nil {
		return nil, nil, wrapNoData(err)
	}
	d, err := ComputeFingerprint(t, h)
	if err != nil {
		return nil, nil, err
	}
	return fingerprintPlot(d, l), fingerprintTable(t, d), nil
}

// renderDigits draws the last-digit or second-digit test of the counted data.
func renderDigits(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	var d *DigitsData
	switch opts.Digit {
	case "", DigitLast:
		tests, err := forensics.LastDigit(t, forensics.DigitOptions{Bootstrap: -1})
		if err != nil {
			return nil, nil, wrapNoData(err)
		}
		if d, err = ComputeLastDigits(t, tests, opts); err != nil {
			return nil, nil, err
		}
	case DigitSecond:
		tests, err := forensics.SecondDigit(t, forensics.DigitOptions{Bootstrap: -1})
		if err != nil {
			return nil, nil, wrapNoData(err)
		}
		if d, err = ComputeSecondDigits(t, tests, opts); err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, fmt.Errorf("%w: digit test %q (use last or second)", ErrKind, opts.Digit)
	}
	return digitsPlot(d, l), digitsTable(t, d), nil
}

// renderSwing draws the units won as a uniform swing moves votes.
func renderSwing(t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	l := opts.Lang
	d, err := ComputeSwing(sim.Aggregate(t), opts)
	if err != nil {
		return nil, nil, err
	}
	return swingPlot(d, l), swingTable(t, d), nil
}

// wrapNoData marks the errors of sim's packages that mean "nothing to
// draw" with ErrNoData too, keeping the original for errors.Is.
func wrapNoData(err error) error {
	if errors.Is(err, forensics.ErrNeedsTurnout) || errors.Is(err, forensics.ErrNoUnits) || errors.Is(err, scenario.ErrNoMissing) {
		return fmt.Errorf("%w: %w", ErrNoData, err)
	}
	return err
}

// View is what the desktop app saves: a chart kind drawn from its current
// tally and scenario.
type View struct {
	Kind     Kind
	Tally    *sim.Tally
	Scenario scenario.Scenario
	Options  Options
	// Format is the chart's format; empty means PNG.
	Format Format
	// Size is the page; the zero Size means Column.
	Size Size
	// Version is Tallyscope's version, for the footer.
	Version string
}

// RenderView draws v to chart and, when numbers is not nil, writes the
// numbers behind it to numbers as CSV. The footer names the tally's
// source and digest, the scenario (stamped with the digest) and the
// version. It touches no file: the caller opens them.
func RenderView(chart, numbers io.Writer, v View) error {
	if v.Kind == KindMonteCarlo && v.Scenario.MonteCarlo.Runs == 0 {
		v.Scenario.MonteCarlo.Runs = DefaultRuns // named in the footer
	}
	p, tab, err := Render(v.Kind, v.Tally, v.Scenario, v.Options)
	if err != nil {
		return err
	}
	f := v.Format
	if f == "" {
		f = PNG
	}
	size := v.Size
	if size.Width == 0 {
		size = Column
	}
	if err := Write(chart, p, f, size, FooterFor(v.Tally, v.Scenario, v.Options.Lang, v.Version)); err != nil {
		return err
	}
	if numbers != nil {
		return tab.WriteCSV(numbers)
	}
	return nil
}

// FooterFor returns the footer of a chart drawn from t under sc: the
// tally's source and digest, the scenario stamped with the digest, and
// the version.
func FooterFor(t *sim.Tally, sc scenario.Scenario, l i18n.Lang, version string) Footer {
	return Footer{Lang: l, Source: t.Source, Digest: t.Digest.String(), Scenario: sc.Stamp(t.Digest.String()).String(), Version: version}
}
