package chart

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// SwingData are the numbers behind the swing chart: package scenario's
// SwingCurve (how many units each of two candidates wins as a uniform
// swing moves points from B to A in every unit), with the names and the
// drawn range.
type SwingData struct {
	scenario.SwingCurve
	NameA, NameB string
	UnitLevel    string
	// Seats is true when the units are constituencies (one seat each);
	// otherwise they stand in for seats and the chart says so.
	Seats bool
	// Range is the half-width of the drawn swing axis, in points.
	Range float64
}

// swingStep and swingMax fix the grid of swings computed.
const (
	swingStep = 0.25
	swingMax  = 50
)

// constituencyLevels are unit level names that are seats of their own.
var constituencyLevels = []string{"constituency", "district", "seat", "riding", "circunscripción", "distrito"}

// ComputeSwing returns the numbers of the swing chart.
func ComputeSwing(a *sim.Aggregation, opts Options) (*SwingData, error) {
	t := a.Tally
	ca, cb, err := opts.pair(t, &a.Nation.Totals)
	if err != nil {
		return nil, err
	}
	d := &SwingData{NameA: surname(t, ca), NameB: surname(t, cb), UnitLevel: t.UnitLevel}
	for _, l := range constituencyLevels {
		if strings.EqualFold(t.UnitLevel, l) {
			d.Seats = true
		}
	}
	d.SwingCurve = *scenario.NewSwingCurve(t, ca, cb, swingMax, swingStep)
	if d.Units == 0 {
		return nil, fmt.Errorf("%w: no unit has valid votes", ErrNoData)
	}
	d.Range = 10
	if d.HasFlip {
		d.Range = math.Min(swingMax, math.Max(10, math.Ceil(math.Abs(d.Flip)*1.4/5)*5))
	}
	return d, nil
}

// Swing draws the units (seats) won by two candidates as a function of a
// uniform swing between them.
func Swing(a *sim.Aggregation, opts Options) (*plot.Plot, error) {
	d, err := ComputeSwing(a, opts)
	if err != nil {
		return nil, err
	}
	return swingPlot(d, opts.Lang), nil
}

func swingPlot(d *SwingData, l i18n.Lang) *plot.Plot {
	head := l.Tf(i18n.ChSwingTitle, d.NameA)
	yLabel := l.Tf(i18n.ChSwingY, l.T(i18n.ChSeats))
	note := ""
	if !d.Seats {
		wonWord := l.TU(i18n.ChUnitsWon, i18n.UnitsFor(d.UnitLevel))
		head = l.Tf(i18n.ChSwingTitleWin, capital(wonWord), d.NameA)
		yLabel = capital(wonWord)
		note = l.Tf(i18n.ChSwingStandIn, unitsName(l, d.UnitLevel, false))
	}
	sub := l.Tf(i18n.ChSwingSub, d.NameB, d.NameA, note)
	p := newPlot(head, sub)
	var xs []float64
	var ya, yb []float64
	top := 0.0
	for k, s := range d.Swings {
		if s < -d.Range-1e-9 || s > d.Range+1e-9 {
			continue
		}
		xs = append(xs, s)
		ya, yb = append(ya, float64(d.WonA[k])), append(yb, float64(d.WonB[k]))
		top = max(top, float64(d.WonA[k]), float64(d.WonB[k]))
	}
	half := float64(d.Units) / 2
	p.Add(gridLines{vertical: true, horizontal: true},
		rule{at: 0, vertical: true, line: draw.LineStyle{Color: palette.TextMuted, Width: 0.8, Dashes: []vg.Length{3, 2}}},
		rule{at: half, line: draw.LineStyle{Color: palette.TextMuted, Width: 0.8, Dashes: []vg.Length{1, 2}}},
		polyline{xs: xs, ys: yb, line: draw.LineStyle{Color: palette.Candidate(d.B), Width: 2}},
		polyline{xs: xs, ys: ya, line: draw.LineStyle{Color: palette.Candidate(d.A), Width: 2}},
	)
	tsty := style(sizeNote, palette.TextMuted, false)
	tsty.YAlign = draw.YTop
	ls := labels{{x: 0, y: top * 1.12, dx: 3, dy: -1, text: l.T(i18n.ChSwingNow), style: tsty}}
	hs := style(sizeNote, palette.TextMuted, false)
	hs.XAlign = draw.XRight
	ls = append(ls, label{x: d.Range, y: half, dx: -2, dy: 2, text: l.Tf(i18n.ChSwingHalf, l.Int(d.Units)), style: hs})
	// Name each line at its right end.
	last := len(xs) - 1
	for _, e := range []struct {
		c int
		n string
		y float64
	}{{d.A, d.NameA, ya[last]}, {d.B, d.NameB, yb[last]}} {
		s := style(sizeLabel, palette.Candidate(e.c), true)
		s.YAlign = draw.YCenter
		ls = append(ls, label{x: xs[last], y: e.y, dx: 4, text: e.n, style: s})
	}
	if d.HasFlip && math.Abs(d.Flip) <= d.Range {
		k := int(math.Round((d.Flip + swingMax) / swingStep))
		y := float64(d.WonA[k]+d.WonB[k]) / 2
		p.Add(dot{x: d.Flip, y: y, radius: 3.5, fill: palette.Highlight})
		fs := style(sizeNote, palette.Text, true)
		fs.YAlign = draw.YCenter
		fs.XAlign = draw.XLeft
		ls = append(ls, label{x: d.Flip, y: y, dx: 10, text: l.Tf(i18n.ChSwingFlip, l.PP(d.Flip, 2)), style: fs, halo: true})
	}
	p.Add(ls)
	p.X.Min, p.X.Max = -d.Range, d.Range
	p.X.Tick.Marker = ppTicks(l, niceStep(2*d.Range, 8))
	p.X.Label.Text = l.Tf(i18n.ChSwingX, d.NameA)
	p.Y.Min, p.Y.Max = 0, top*1.12
	p.Y.Tick.Marker = ticks{step: niceStep(top*1.12, 5), label: func(v float64) string { return l.Int(int64(math.Round(v))) }}
	p.Y.Label.Text = yLabel
	return p
}
