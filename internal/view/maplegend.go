package view

import (
	"math"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
)

// legendRow is one scale of the legend: its title and its classes.
type legendRow struct {
	title string
	scale palette.Scale
}

// legendRows lists the scales the colouring uses: one per leader in the
// Leader mode, else the mode's one.
func (b *builder) legendRows(d *choropleth.Data) []legendRow {
	t := b.st.Data.Tally
	switch d.Mode {
	case choropleth.Leader:
		var rows []legendRow
		for _, c := range d.Leaders {
			rows = append(rows, legendRow{b.l.Tf(i18n.ChMapLeadBy, shortName(t, c)), d.Scales[c]})
		}
		return rows
	case choropleth.Margin:
		return []legendRow{{b.tf(i18n.MapMarginTitle, shortName(t, d.A), shortName(t, d.B)), d.Scale}}
	case choropleth.Shift:
		return []legendRow{{b.l.Tf(i18n.ChMapToward, shortName(t, d.A)) + " (pp)", d.Scale}}
	case choropleth.Coverage:
		return []legendRow{{b.t(i18n.MapModeCoverage), d.Scale}}
	}
	return []legendRow{{b.t(i18n.MapModeTurnout), d.Scale}}
}

// legendHeight is the height the legend takes in width w.
func (b *builder) legendHeight(w float64, d *choropleth.Data) float64 {
	m := b.m
	n := len(b.legendRows(d))
	h := float64(n) * (m.LineSmall + math.Round(12*m.Scale) + m.LineSmall + m.Gap/2)
	if d.Unknown > 0 {
		h += m.LineSmall + m.Gap/2
	}
	return h
}

// legend draws each scale as a row of swatches with the breaks between
// them, and returns the y below it.
func (b *builder) legend(r Rect, y float64, d *choropleth.Data) float64 {
	m := b.m
	sw := math.Round(12 * m.Scale)
	for _, lr := range b.legendRows(d) {
		b.text(r.X, y, lr.title, Regular, m.Small, palette.Text, r.W)
		y += m.LineSmall
		n := len(lr.scale.Colors)
		// Each swatch is wide enough for the widest break label.
		lw := 0.0
		for _, v := range lr.scale.Breaks {
			lw = math.Max(lw, b.f.Width(Regular, m.Small, breakText(b.l, d.Mode, v)))
		}
		w := math.Min(math.Max(44*m.Scale, lw+m.Gap), r.W/float64(max(n, 1)))
		for i, c := range lr.scale.Colors {
			b.fill(Rect{r.X + float64(i)*w, y, w, sw}, c)
		}
		b.stroke(Rect{r.X, y, w * float64(n), sw}, palette.Grid, m.Stroke)
		for i, v := range lr.scale.Breaks {
			s := breakText(b.l, d.Mode, v)
			tw := b.f.Width(Regular, m.Small, s)
			x := r.X + float64(i+1)*w - tw/2
			b.text(x, y+sw, s, Regular, m.Small, palette.TextMuted, 0)
		}
		y += sw + m.LineSmall + m.Gap/2
	}
	if d.Unknown > 0 {
		b.fill(Rect{r.X, y + (m.LineSmall-sw)/2, sw, sw}, palette.Panel)
		b.stroke(Rect{r.X, y + (m.LineSmall-sw)/2, sw, sw}, palette.Grid, m.Stroke)
		b.text(r.X+sw+m.Gap/2, y, b.l.T(i18n.ChMapNoData), Regular, m.Small, palette.Text, r.W-sw-m.Gap)
		y += m.LineSmall + m.Gap/2
	}
	return y
}

// breakText writes a scale's break: a percentage for shares, else
// points with their sign.
func breakText(l i18n.Lang, mode choropleth.Mode, v float64) string {
	switch mode {
	case choropleth.Coverage, choropleth.Turnout:
		return l.Percent(v, 0)
	case choropleth.Leader:
		return l.Float(v, 0)
	}
	if v > 0 {
		return "+" + l.Float(v, 0)
	}
	if v < 0 {
		return "−" + l.Float(-v, 0)
	}
	return l.Float(v, 0)
}

// mapInfo writes the numbers of the area pointed at (or tapped), or the
// hint, and returns the y below them.
func (b *builder) mapInfo(r Rect, y float64, mv *app.MapView) float64 {
	st, m := b.st, b.m
	i := st.MapHover
	if i < 0 {
		i = st.MapPinned
	}
	y += m.Gap / 2
	if i < 0 || i >= len(mv.Data.Rows) {
		hint := b.t(i18n.MapHoverHint)
		if st.Touch {
			hint = b.t(i18n.MapTapHint)
		}
		return y + b.para(r.X, y, r.W, hint, Regular, m.Body, m.LineBody, palette.TextMuted) + m.Gap
	}
	row := mv.Data.Rows[i]
	y += b.para(r.X, y, r.W, row.Name, Bold, m.Body, m.LineBody, palette.Text)
	y += b.para(r.X, y, r.W, b.areaLine(mv, row), Regular, m.Body, m.LineBody, palette.Text)
	return y + m.Gap
}

// areaLine words an area's numbers: who leads and by how much, and the
// value its colour shows.
func (b *builder) areaLine(mv *app.MapView, row choropleth.Row) string {
	l, d := b.l, mv.Data
	t := b.st.Data.Tally
	var parts []string
	if row.Leader >= 0 && (d.Mode != choropleth.Leader || row.Known) {
		_, pp := b.areaMargin(mv, row)
		parts = append(parts, b.tf(i18n.MapInfoLead, shortName(t, row.Leader), l.PP(pp, 1)))
	}
	switch {
	case !row.Known:
		parts = append(parts, b.t(i18n.MapInfoUnknown))
	case d.Mode == choropleth.Margin:
		parts = append(parts, b.tf(i18n.MapInfoMargin, shortName(t, d.A), shortName(t, d.B), l.PP(row.Value, 1)))
	case d.Mode == choropleth.Shift:
		parts = append(parts, b.tf(i18n.MapInfoShift, l.PP(row.Value, 1)))
	case d.Mode == choropleth.Coverage:
		parts = append(parts, b.tf(i18n.MapInfoCoverage, l.Percent(row.Value, 1)))
	case d.Mode == choropleth.Turnout:
		parts = append(parts, b.tf(i18n.MapInfoTurnout, l.Percent(row.Value, 1)))
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += sep
		}
		s += p
	}
	return s
}

// areaMargin returns the area's leader's margin over the runner-up in
// the colouring's votes: the Leader mode's value, or the counted one.
func (b *builder) areaMargin(mv *app.MapView, row choropleth.Row) (int64, float64) {
	if mv.Data.Mode == choropleth.Leader {
		return 0, row.MarginPP
	}
	d := b.st.Data
	ar := mv.Geometry.Areas[row.Area]
	var tot sim.Totals
	if ar.Region >= 0 {
		tot = d.Agg.Result(ar.Region).Totals
	} else {
		u := &d.Tally.Units[ar.Unit]
		tot = sim.Totals{Votes: u.Votes, Valid: u.Valid()}
	}
	if row.Run < 0 || tot.Valid <= 0 {
		return 0, 0
	}
	return tot.Margin(row.Leader, row.Run, sim.OfValid)
}
