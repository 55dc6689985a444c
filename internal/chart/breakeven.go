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

// BreakEvenPoint is one point of the break-even curve: the runner-up's
// share of the remaining votes and the leader's final margin in votes.
type BreakEvenPoint struct {
	Share  float64
	Margin float64
}

// BreakEvenData are the numbers behind the break-even chart.
type BreakEvenData struct {
	scenario.BreakEven
	LeaderName, RunnerUpName string
	// MissingUnits is the number of missing units, or -1 when unknown.
	MissingUnits int64
	UnitLevel    string
	// MaxShare is the runner-up's largest possible share of the remaining
	// votes while the others keep theirs (scenario.BreakEven.MaxShare).
	MaxShare float64
	// CountedShare is the runner-up's share of the counted valid votes.
	CountedShare float64
	// Curve samples the final margin from share 0 to the right edge.
	Curve []BreakEvenPoint
}

// ComputeBreakEven returns the numbers of the break-even chart from a
// break-even computed by package scenario.
func ComputeBreakEven(t *sim.Tally, b scenario.BreakEven, missingUnits int64) (*BreakEvenData, error) {
	if b.RunnerUp < 0 || b.Leader < 0 || b.Counted <= 0 {
		return nil, fmt.Errorf("%w: a break-even needs two candidates with counted votes", ErrNoData)
	}
	if b.Remaining <= 0 {
		return nil, fmt.Errorf("%w: no votes remain to be counted", ErrNoData)
	}
	d := &BreakEvenData{BreakEven: b, LeaderName: surname(t, b.Leader), RunnerUpName: surname(t, b.RunnerUp),
		MissingUnits: missingUnits, UnitLevel: t.UnitLevel, MaxShare: b.MaxShare(), CountedShare: b.RunnerUpShare()}
	right := d.xMax()
	const n = 100
	for i := 0; i <= n; i++ {
		s := right * float64(i) / n
		d.Curve = append(d.Curve, BreakEvenPoint{Share: s, Margin: d.FinalMargin(s)})
	}
	return d, nil
}

// xMax is the right edge of the chart, as a share: 100%, or past the
// break-even point when it lies beyond.
func (d *BreakEvenData) xMax() float64 {
	right := 1.0
	if d.Needed > 0.9 {
		right = math.Ceil((d.Needed+0.1)*10) / 10
	}
	return right
}

// BreakEven draws the leader's final margin as a function of the
// runner-up's share of the remaining votes, with the break-even point and
// the impossible zone.
func BreakEven(t *sim.Tally, b scenario.BreakEven, missingUnits int64, opts Options) (*plot.Plot, error) {
	d, err := ComputeBreakEven(t, b, missingUnits)
	if err != nil {
		return nil, err
	}
	return breakEvenPlot(d, opts.Lang), nil
}

// remainingPhrase says how the remaining votes were estimated.
func remainingPhrase(l i18n.Lang, m scenario.Remaining) string {
	return l.Remaining(string(m))
}

func breakEvenPlot(d *BreakEvenData, l i18n.Lang) *plot.Plot {
	head := l.Tf(i18n.ChBETitle, d.RunnerUpName, l.Percent(d.Needed, 1))
	if d.Impossible {
		head = l.Tf(i18n.ChBETitleLocked, d.RunnerUpName, l.Percent(d.Needed, 1))
	}
	missing := "?"
	if d.MissingUnits >= 0 {
		missing = l.Int(d.MissingUnits)
	}
	sub := l.Tf(i18n.ChBESub, d.LeaderName, d.RunnerUpName, d.RunnerUpName, l.Int(d.Remaining), missing,
		unitsName(l, d.UnitLevel, d.MissingUnits != 1), remainingPhrase(l, d.RemainingMethod))
	p := newPlot(head, sub)
	right := d.xMax()
	lo, hi := d.FinalMargin(right), d.FinalMargin(0)
	lead, run := palette.Candidate(d.Leader), palette.Candidate(d.RunnerUp)

	// The impossible zone: the runner-up cannot take more than what the
	// other candidates leave.
	imp := band{from: 100 * d.MaxShare, to: 100 * right, fill: palette.Tint(palette.Neutral, 0.75), hatch: palette.Tint(palette.Neutral, 0.35)}
	var xs, ys []float64
	for _, pt := range d.Curve {
		xs = append(xs, 100*pt.Share)
		ys = append(ys, pt.Margin)
	}
	// Two segments: above zero the leader keeps the lead.
	var ax, ay, bx, by []float64
	for i := range xs {
		if ys[i] >= 0 {
			ax, ay = append(ax, xs[i]), append(ay, ys[i])
		}
		if ys[i] <= 0 {
			bx, by = append(bx, xs[i]), append(by, ys[i])
		}
	}
	be := 100 * d.Needed
	if d.Needed >= 0 && d.Needed <= right {
		ax, ay = append(ax, be), append(ay, 0)
		bx, by = append([]float64{be}, bx...), append([]float64{0}, by...)
	}
	note := style(sizeNote, palette.TextMuted, false)
	bold := style(sizeNote, palette.Text, true)
	p.Add(imp, gridLines{vertical: true, horizontal: true},
		rule{at: 0, line: draw.LineStyle{Color: palette.TextMuted, Width: 0.8}},
		rule{at: 100 * d.CountedShare, vertical: true, line: draw.LineStyle{Color: run, Width: 0.8, Dashes: []vg.Length{3, 2}}},
		polyline{xs: ax, ys: ay, line: draw.LineStyle{Color: lead, Width: 2}},
		polyline{xs: bx, ys: by, line: draw.LineStyle{Color: run, Width: 2}},
	)
	var ls labels
	if d.Needed >= 0 && d.Needed <= right {
		p.Add(dot{x: be, y: 0, radius: 3.5, fill: palette.Highlight})
		// The curve falls from the upper left through the point: the
		// upper right is free.
		t := bold
		t.XAlign = draw.XLeft
		t.YAlign = draw.YBottom
		dx := vgLen(6)
		ls = append(ls, label{x: be, y: 0, dx: dx, dy: 3, text: l.Tf(i18n.ChBEPoint, l.Percent(d.Needed, 1)), style: t, halo: true})
	}
	{
		t := note
		t.XAlign = draw.XLeft
		t.YAlign = draw.YTop
		ls = append(ls, label{x: 100 * d.CountedShare, y: hi, dx: 3, dy: 0, text: l.Tf(i18n.ChBECounted, l.Percent(d.CountedShare, 1)), style: t})
	}
	if d.MaxShare < right {
		t := note
		t.XAlign = draw.XLeft
		t.YAlign = draw.YBottom
		for i, line := range splitLines(l.T(i18n.ChBEImpossible)) {
			ls = append(ls, label{x: 100 * d.MaxShare, y: lo, dx: 3, dy: vgLen(3 + float64(len(splitLines(l.T(i18n.ChBEImpossible)))-1-i)*float64(lineHeight(t))), text: line, style: t, halo: true})
		}
	}
	p.Add(ls)
	p.X.Min, p.X.Max = 0, 100*right
	p.X.Tick.Marker = percentTicks(l, niceStep(100*right, 6))
	p.X.Label.Text = l.Tf(i18n.ChBEX, d.RunnerUpName)
	pad := (hi - lo) * 0.04
	p.Y.Min, p.Y.Max = min(lo, 0)-pad, max(hi, 0)+pad
	p.Y.Tick.Marker = signedCountTicks(l, niceStep(p.Y.Max-p.Y.Min, 5))
	p.Y.Label.Text = l.Tf(i18n.ChBEY)
	return p
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
