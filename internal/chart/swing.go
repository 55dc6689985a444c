package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
)

// SwingData are the numbers behind the swing chart: how many units (seats)
// each of two candidates wins as a uniform swing moves points of the valid
// vote from B to A (negative: from A to B) in every unit.
//
// The swing follows package scenario's uniform rule with From set: in
// each unit A's share rises by the swing and B's falls by as much, never
// below zero; the other candidates keep their votes. Each unit is one
// seat, won by the candidate with the most votes after the swing (ties:
// the candidate listed first in the tally, as sim.Totals.Leader).
type SwingData struct {
	A, B         int
	NameA, NameB string
	UnitLevel    string
	// Seats is true when the units are constituencies (one seat each);
	// otherwise they stand in for seats and the chart says so.
	Seats bool
	// Units is the number of units with valid votes (the seats).
	Units int64
	// Swings are the swings in points; WonA, WonB and WonOther the units
	// won at each swing.
	Swings               []float64
	WonA, WonB, WonOther []int64
	// Flip is the swing, on the Swings grid nearest zero, at which the
	// candidate with more units changes; HasFlip is false when no swing
	// in [-50, +50] changes it.
	Flip    float64
	HasFlip bool
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
	d := &SwingData{A: ca, B: cb, NameA: surname(t, ca), NameB: surname(t, cb), UnitLevel: t.UnitLevel}
	for _, l := range constituencyLevels {
		if strings.EqualFold(t.UnitLevel, l) {
			d.Seats = true
		}
	}
	type unit struct {
		a, b float64
		// other is the largest share of any other candidate; otherFirst
		// reports whether that candidate is listed before A (or B) and
		// so wins a tie against it.
		other                      float64
		otherBeforeA, otherBeforeB bool
	}
	us := make([]unit, 0, len(t.Units))
	for i := range t.Units {
		u := &t.Units[i]
		v := u.Valid()
		if v <= 0 {
			continue
		}
		x := unit{a: float64(u.Votes[ca]) / float64(v), b: float64(u.Votes[cb]) / float64(v), other: -1}
		oi := -1
		for c, n := range u.Votes {
			if c == ca || c == cb {
				continue
			}
			if s := float64(n) / float64(v); s > x.other {
				x.other, oi = s, c
			}
		}
		x.otherBeforeA, x.otherBeforeB = oi >= 0 && oi < ca, oi >= 0 && oi < cb
		us = append(us, x)
	}
	if len(us) == 0 {
		return nil, fmt.Errorf("%w: no unit has valid votes", ErrNoData)
	}
	d.Units = int64(len(us))
	beats := func(x float64, xFirst bool, y float64) bool { return x > y || x == y && xFirst }
	n := int(2*swingMax/swingStep) + 1
	swing := func(k int) float64 { return -swingMax + float64(k)*swingStep }
	// winner returns who wins unit u at grid point k: 0 for A, 1 for B,
	// 2 for someone else.
	winner := func(u *unit, k int) int {
		s := swing(k)
		sa, sb := u.a, u.b
		if s >= 0 {
			x := math.Min(s/100, sb)
			sa, sb = sa+x, sb-x
		} else {
			x := math.Min(-s/100, sa)
			sa, sb = sa-x, sb+x
		}
		switch {
		case beats(sa, ca < cb, sb) && beats(sa, !u.otherBeforeA, u.other):
			return 0
		case beats(sb, cb < ca, sa) && beats(sb, !u.otherBeforeB, u.other):
			return 1
		}
		return 2
	}
	// A's share only grows and B's only shrinks as the swing grows, so
	// in each unit A wins from some grid point on and B up to some grid
	// point: two binary searches per unit, then running sums.
	startA := make([]int64, n+1)
	endB := make([]int64, n+1)
	for i := range us {
		u := &us[i]
		kA := sort.Search(n, func(k int) bool { return winner(u, k) == 0 })
		startA[kA]++
		kB := sort.Search(n, func(k int) bool { return winner(u, k) != 1 })
		endB[kB]++
	}
	var wonA, lostB int64
	for k := 0; k < n; k++ {
		wonA += startA[k]
		lostB += endB[k]
		wb := d.Units - lostB
		d.Swings = append(d.Swings, swing(k))
		d.WonA, d.WonB, d.WonOther = append(d.WonA, wonA), append(d.WonB, wb), append(d.WonOther, d.Units-wonA-wb)
	}
	// The flip: the swing nearest zero where the sign of WonA − WonB
	// differs from its sign at zero.
	zero := n / 2
	sign := func(k int) int {
		switch {
		case d.WonA[k] > d.WonB[k]:
			return 1
		case d.WonA[k] < d.WonB[k]:
			return -1
		}
		return 0
	}
	s0 := sign(zero)
	for off := 1; off <= zero && !d.HasFlip; off++ {
		for _, k := range []int{zero - off, zero + off} {
			if k >= 0 && k < n && sign(k) != s0 && sign(k) != 0 {
				d.Flip, d.HasFlip = d.Swings[k], true
				break
			}
		}
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
	units := levelName(l, d.UnitLevel, true)
	head := trf(l, keySwingTitle, d.NameA)
	yLabel := trf(l, keySwingY, tr(l, keySeats))
	note := ""
	if !d.Seats {
		wonWord := units
		if l == i18n.ES {
			wonWord = units + " " + won(units)
		} else {
			wonWord = units + " won"
		}
		head = trf(l, keySwingTitleWin, capital(wonWord), d.NameA)
		yLabel = capital(wonWord)
		note = trf(l, keySwingStandIn, levelName(l, d.UnitLevel, false))
	}
	sub := trf(l, keySwingSub, d.NameB, d.NameA, note)
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
	ls := labels{{x: 0, y: top * 1.12, dx: 3, dy: -1, text: tr(l, keySwingNow), style: tsty}}
	hs := style(sizeNote, palette.TextMuted, false)
	hs.XAlign = draw.XRight
	ls = append(ls, label{x: d.Range, y: half, dx: -2, dy: 2, text: trf(l, keySwingHalf, l.Int(d.Units)), style: hs})
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
		ls = append(ls, label{x: d.Flip, y: y, dx: 10, text: trf(l, keySwingFlip, l.PP(d.Flip, 2)), style: fs, halo: true})
	}
	p.Add(ls)
	p.X.Min, p.X.Max = -d.Range, d.Range
	p.X.Tick.Marker = ppTicks(l, niceStep(2*d.Range, 8))
	p.X.Label.Text = trf(l, keySwingX, d.NameA)
	p.Y.Min, p.Y.Max = 0, top*1.12
	p.Y.Tick.Marker = ticks{step: niceStep(top*1.12, 5), label: func(v float64) string { return l.Int(int64(math.Round(v))) }}
	p.Y.Label.Text = yLabel
	return p
}

// won returns the Spanish participle "ganado" agreeing with a plural
// level name.
func won(esName string) string {
	if feminine[esName] {
		return "ganadas"
	}
	return "ganados"
}
