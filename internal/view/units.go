package view

import (
	"math"
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
)

// PlotPoint maps a dataset point to device pixels in the plot area.
func PlotPoint(plot Rect, p app.Point) (x, y float64) {
	return plot.X + float64(p.X)*plot.W, plot.Bottom() - float64(p.Y)*plot.H
}

// Nearest returns the index in pts of the point nearest to (x, y) within
// radius device pixels, or -1.
func Nearest(plot Rect, pts []app.Point, x, y, radius float64) int {
	best, bestD := -1, radius*radius
	for i, p := range pts {
		px, py := PlotPoint(plot, p)
		d := (px-x)*(px-x) + (py-y)*(py-y)
		if d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

func (b *builder) units(r Rect) float64 {
	st, m, l := b.st, b.m, b.l
	d := st.Data
	if d == nil {
		return 0
	}
	t := d.Tally
	y := b.unitsHeader(r)
	axisW := b.f.Width(Regular, m.Small, "100%") + m.Gap
	axisH := 2*m.LineSmall + m.Gap
	infoH := 3*m.LineBody + m.Row + m.Gap
	avail := b.sc.Main.Bottom() - m.Pad - y - axisH - infoH
	ph := math.Max(180*m.Scale, math.Min(avail, (r.W-axisW)*0.7))
	plot := Rect{r.X + axisW, y + m.LineSmall/2, r.W - axisW - m.Gap, ph}
	b.fill(plot, palette.Background)
	b.stroke(plot, palette.Grid, m.Stroke)
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		yy := plot.Bottom() - v*plot.H
		b.line(plot.X, yy, plot.Right(), yy, palette.Grid, m.Stroke)
		b.textRight(plot.X-m.Gap/2, yy-m.LineSmall/2, l.Percent(v, 0), Regular, m.Small, palette.TextMuted)
	}
	xmax := d.XMax()
	nt := 4.0
	if b.sc.Narrow {
		nt = 2
	}
	step := 1 / nt
	if !d.HasRegistered {
		step = NiceStep(xmax, int(nt)) / xmax
	}
	strip := d.Strip
	if strip > 0 {
		// The units whose turnout is unknown, in a strip of their own.
		sx := plot.X + strip*plot.W
		b.line(sx, plot.Y, sx, plot.Bottom(), palette.TextMuted, m.Stroke)
		lab := b.t(i18n.UnStrip)
		b.text(sx+m.Gap/2, plot.Y+m.Gap/4, lab, Regular, m.Small, palette.TextMuted, 0)
	}
	for v := 0.0; v <= 1+1e-9; v += step {
		xx := plot.X + (strip+(1-strip)*v)*plot.W
		lab := l.Percent(v, 0)
		if !d.HasRegistered {
			lab = l.Compact(int64(math.Round(v * xmax)))
		}
		tw := b.f.Width(Regular, m.Small, lab)
		tx := math.Min(math.Max(xx-tw/2, plot.X+strip*plot.W), plot.Right()-tw)
		b.text(tx, plot.Bottom()+m.Gap/2, lab, Regular, m.Small, palette.TextMuted, 0)
	}
	xl := b.t(i18n.UnXTurnout)
	if !d.HasRegistered {
		xl = b.t(i18n.UnXVotes)
	}
	yl := b.tf(i18n.UnYShare, shortName(t, d.Leader))
	b.text(plot.X, plot.Bottom()+m.Gap/2+m.LineSmall, xl+" →   ↑ "+yl, Regular, m.Small, palette.Text, plot.W)
	b.sc.Items = append(b.sc.Items, Item{Kind: Points, R: plot})
	b.sc.Plot = plot
	b.sc.PointSize = math.Max(2, math.Round(3*m.Scale))
	if !d.PerUnit {
		b.sc.PointSize = math.Round(8 * m.Scale)
	}
	b.hit(Hit{ID: "plot", R: plot})
	y = plot.Bottom() + axisH
	// Info on the unit under the pointer, or the hint.
	u := st.Hover
	if u < 0 {
		u = st.Pinned
	}
	if u < 0 || u >= len(t.Units) {
		y += b.para(r.X, y, r.W, b.t(i18n.UnHoverHint), Regular, m.Body, m.LineBody, palette.TextMuted)
		return y - r.Y
	}
	un := &t.Units[u]
	title := un.ID
	switch {
	case b.summedName(un) != "":
		// A sum of tables: its ID is an internal key, not a table's.
		title = b.summedName(un)
	case un.Name != "" && !d.PerUnit:
		title = un.Name
	case un.Name != "":
		title = un.Name + " (" + un.ID + ")"
	}
	for _, p := range t.RegionPath(un.Region) {
		// Names that already say their region ("EDO. ZULIA: 131
		// tables…") do not repeat it.
		if rn := d.RegionName(p); !strings.Contains(title, rn) {
			title += sep + rn
		}
	}
	y += b.para(r.X, y, r.W, title, Bold, m.Body, m.LineBody, palette.Text)
	tot := sim.Totals{Votes: un.Votes, Valid: un.Valid()}
	line := ""
	for i, c := range []int{d.Leader, d.Runner} {
		if i > 0 {
			line += sep
		}
		line += shortName(t, c) + " " + l.Int(un.Votes[c]) + " (" + l.Percent(tot.Share(c, sim.OfValid), 1) + ")"
	}
	if un.Registered > 0 {
		line += sep + b.tf(i18n.UnTurnoutVal, l.Percent(float64(un.Cast())/float64(un.Registered), 1))
	} else {
		line += sep + b.tf(i18n.UnVotes, l.Int(un.Cast()))
	}
	y += b.para(r.X, y, r.W, line, Regular, m.Body, m.LineBody, palette.Text)
	if un.Source != "" || st.Data.SheetsPending {
		lab := b.t(i18n.UnOpenSheet)
		bw := b.buttonWidth(lab)
		b.button("source", Rect{r.X, y + m.Gap/2, math.Min(bw, r.W), m.Row}, lab, app.OpenSource{Unit: u}, false)
		y += m.Row + m.Gap
	}
	return y - r.Y
}

// unitsHeader draws the Units view's title, its notes and the legend of
// who leads each unit, and returns the y below them.
func (b *builder) unitsHeader(r Rect) float64 {
	st, m := b.st, b.m
	d := st.Data
	t := d.Tally
	y := r.Y
	title := b.tf(i18n.UnTitle, shortName(t, d.Leader))
	if !d.HasRegistered {
		title = b.tf(i18n.UnTitleVotes, shortName(t, d.Leader))
	}
	y += b.para(r.X, y, r.W, title, Bold, m.H1, m.LineH1, palette.Text)
	if !d.HasRegistered {
		y += b.para(r.X, y, r.W, b.t(i18n.UnNoTurnout), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	if !d.PerUnit {
		y += b.para(r.X, y, r.W, b.t(i18n.UnAggregated), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	y += m.Gap
	// Legend: who leads each unit.
	x := r.X
	sw := math.Round(10 * m.Scale)
	for _, c := range []int{d.Leader, d.Runner} {
		b.fill(Rect{x, y + (m.LineSmall-sw)/2, sw, sw}, palette.Candidate(c))
		tr := b.text(x+sw+m.Gap/2, y, b.tf(i18n.UnLeads, shortName(t, c)), Regular, m.Small, palette.Text, 0)
		x = tr.Right() + m.Pad
	}
	y += m.LineSmall + m.Gap
	return y
}
