package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// MonteCarloData are the numbers behind the Monte Carlo chart.
type MonteCarloData struct {
	scenario.MonteCarloResult
	NameA, NameB string
	UnitLevel    string
	// Bins are the histogram's bars: margin range in points and runs.
	Bins []MonteCarloBin
	// Lo90, Hi90, Lo50, Hi50 and Median are the margin quantiles (points).
	Lo90, Lo50, Median, Hi50, Hi90 float64
	// Statement is what may be said of A's winning probability.
	Statement scenario.WinStatement
}

// MonteCarloBin is one bar of the distribution.
type MonteCarloBin struct {
	From, To float64
	Runs     int
}

// quantileAt returns the quantile of r at probability p, or NaN.
func quantileAt(r *scenario.MonteCarloResult, p float64) float64 {
	for i, q := range r.Quantiles {
		if math.Abs(q-p) < 1e-9 && i < len(r.MarginQ) {
			return r.MarginQ[i]
		}
	}
	return math.NaN()
}

// ComputeMonteCarlo returns the numbers of the Monte Carlo chart.
func ComputeMonteCarlo(t *sim.Tally, r scenario.MonteCarloResult) (*MonteCarloData, error) {
	if r.Runs <= 0 || len(r.Histogram.Counts) == 0 {
		return nil, fmt.Errorf("%w: the simulation has no runs", ErrNoData)
	}
	if r.Runs < scenario.MinRuns {
		return nil, fmt.Errorf("%w: %d runs are too few to draw the distribution (at least %d)", ErrNoData, r.Runs, scenario.MinRuns)
	}
	if r.MissingUnits == 0 {
		return nil, fmt.Errorf("%w: no missing units to simulate (the counted units are all the expected ones)", ErrNoData)
	}
	if r.A < 0 || r.B < 0 || r.A >= len(t.Candidates) || r.B >= len(t.Candidates) {
		return nil, fmt.Errorf("%w: the simulation has no winner and runner-up", ErrNoData)
	}
	d := &MonteCarloData{MonteCarloResult: r, NameA: surname(t, r.A), NameB: surname(t, r.B), UnitLevel: t.UnitLevel,
		Lo90: quantileAt(&r, 0.05), Lo50: quantileAt(&r, 0.25), Median: quantileAt(&r, 0.5), Hi50: quantileAt(&r, 0.75), Hi90: quantileAt(&r, 0.95),
		Statement: r.Statement(r.A)}
	// The bins are the simulation's own (scenario.NewHistogram), as the
	// app draws them.
	h := r.Histogram
	for i, c := range h.Counts {
		from, to := h.Bin(i)
		d.Bins = append(d.Bins, MonteCarloBin{From: from, To: to, Runs: c})
	}
	return d, nil
}

// MonteCarlo draws the distribution of the projected margin over the
// simulated runs, with the 50% and 90% intervals and the median.
func MonteCarlo(t *sim.Tally, r scenario.MonteCarloResult, opts Options) (*plot.Plot, error) {
	d, err := ComputeMonteCarlo(t, r)
	if err != nil {
		return nil, err
	}
	return monteCarloPlot(d, opts.Lang), nil
}

func monteCarloPlot(d *MonteCarloData, l i18n.Lang) *plot.Plot {
	// The headline never says 100%: every run, more than 99.9%, or a
	// percentage with its Monte Carlo error, and nothing before
	// scenario.MinRuns runs.
	st := d.Statement
	runs := l.Int(int64(d.Runs))
	var head string
	switch st.Kind {
	case scenario.WinAll:
		head = l.Tf(i18n.ChMCTitleAll, d.NameA, runs)
	case scenario.WinNone:
		head = l.Tf(i18n.ChMCTitleNone, d.NameA, runs)
	case scenario.WinAbove:
		head = l.Tf(i18n.ChMCTitleAbove, d.NameA, runs)
	case scenario.WinBelow:
		head = l.Tf(i18n.ChMCTitleBelow, d.NameA, runs)
	case scenario.WinShare:
		head = l.Tf(i18n.ChMCTitle, d.NameA, l.Percent(st.P, 1), runs, l.Float(100*st.SE, 1))
	default:
		head = l.Tf(i18n.ChMCTitleFew, runs, l.Int(int64(scenario.MinRuns)))
	}
	sub := l.Tf(i18n.ChMCSub, d.NameA, d.NameB, unitsName(l, d.UnitLevel, false), d.Seed, "90\u00a0%")
	if l == i18n.EN {
		sub = l.Tf(i18n.ChMCSub, d.NameA, d.NameB, unitsName(l, d.UnitLevel, false), d.Seed, "90%")
	}
	p := newPlot(head, sub)
	clr := palette.Candidate(d.A)
	var rs rects
	maxRuns := 0
	for _, b := range d.Bins {
		maxRuns = max(maxRuns, b.Runs)
		if b.Runs == 0 {
			continue
		}
		c := clr
		if b.To <= 0 {
			c = palette.Candidate(d.B)
		}
		rs = append(rs, rect{x0: b.From, x1: b.To, y0: 0, y1: float64(b.Runs), fill: palette.Tint(c, 0.25), line: draw.LineStyle{Color: palette.Background, Width: 0.3}})
	}
	lo, hi := d.Bins[0].From, d.Bins[len(d.Bins)-1].To
	pad := (hi - lo) * 0.05
	top := float64(maxRuns) * 1.18
	p.Add(
		band{from: d.Lo90, to: d.Hi90, fill: palette.Tint(palette.Neutral, 0.85)},
		band{from: d.Lo50, to: d.Hi50, fill: palette.Tint(palette.Neutral, 0.65)},
		gridLines{horizontal: true}, rs,
		rule{at: d.Median, vertical: true, line: draw.LineStyle{Color: palette.Highlight, Width: 1.2}},
	)
	if lo-pad <= 0 && hi+pad >= 0 {
		p.Add(rule{at: 0, vertical: true, line: draw.LineStyle{Color: palette.TextMuted, Width: 0.8, Dashes: []vg.Length{3, 2}}})
	}
	med := style(sizeNote, palette.Text, true)
	med.XAlign = draw.XLeft
	med.YAlign = draw.YTop
	ls := labels{
		{x: d.Median, y: top, dx: 3, dy: -2, text: l.Tf(i18n.ChMCMedian, l.PP(d.Median, 1)), style: med},
	}
	iv := style(sizeNote, palette.TextMuted, false)
	iv.YAlign = draw.YTop
	ivr := iv
	ivr.XAlign = draw.XRight
	ls = append(ls,
		label{x: d.Lo90, y: top, dx: -3, dy: -2, text: l.PP(d.Lo90, 1), style: ivr},
		label{x: d.Hi90, y: top, dx: 3, dy: -2 - vgLen(float64(lineHeight(iv))), text: l.PP(d.Hi90, 1), style: iv},
	)
	p.Add(ls)
	p.X.Min, p.X.Max = lo-pad, hi+pad
	p.X.Tick.Marker = ppTicks(l, niceStep(p.X.Max-p.X.Min, 6))
	p.X.Label.Text = l.T(i18n.ChMCX)
	p.Y.Min, p.Y.Max = 0, top
	p.Y.Tick.Marker = intTicks(l, niceStep(top, 4))
	p.Y.Label.Text = l.T(i18n.ChMCY)
	return p
}
