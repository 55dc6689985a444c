package chart

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim/geo"
)

// legendItem is one swatch of a map's legend, or a heading when clr is nil.
type legendItem struct {
	clr  color.Color
	text string
}

// mapPlot draws shapes (or tiles) filled by area, with a legend on the
// right and the boundaries' credit under the map. It keeps the plane's
// aspect ratio whatever the page.
type mapPlot struct {
	shapes  []geo.Shape
	fills   []color.Color // per shape; nil: no data
	tiles   []tileBox
	bounds  geo.Bounds
	legend  []legendItem
	credit  string
	stroke  vg.Length
	tileTxt text.Style
}

// tileBox is a cartogram tile in plane units, with its short label.
type tileBox struct {
	x0, y0, x1, y1 float64
	fill           color.Color
	label          string
}

func (m *mapPlot) Plot(c draw.Canvas, _ *plot.Plot) {
	r := c.Rectangle
	legendW := vg.Length(0)
	for _, it := range m.legend {
		legendW = max(legendW, legendStyle().Width(it.text)+18)
	}
	credit := style(sizeFooter, palette.TextMuted, false)
	area := vg.Rectangle{Min: vg.Point{X: r.Min.X, Y: r.Min.Y + credit.Height(m.credit) + 4}, Max: vg.Point{X: r.Max.X - legendW - 10, Y: r.Max.Y}}
	bw, bh := m.bounds.Max.X-m.bounds.Min.X, m.bounds.Max.Y-m.bounds.Min.Y
	if bw <= 0 || bh <= 0 {
		return
	}
	scale := math.Min(float64(area.Size().X)/bw, float64(area.Size().Y)/bh)
	ox := float64(area.Min.X) + (float64(area.Size().X)-bw*scale)/2
	oy := float64(area.Min.Y) + (float64(area.Size().Y)-bh*scale)/2
	at := func(p geo.Point) vg.Point {
		return vg.Point{X: vg.Length(ox + (p.X-m.bounds.Min.X)*scale), Y: vg.Length(oy + (p.Y-m.bounds.Min.Y)*scale)}
	}
	border := draw.LineStyle{Color: palette.Background, Width: m.stroke}
	for i, s := range m.shapes {
		var path vg.Path
		for _, poly := range s.Polygons {
			for _, ring := range poly {
				for j, q := range ring {
					if j == 0 {
						path.Move(at(q))
					} else {
						path.Line(at(q))
					}
				}
				path.Close()
			}
		}
		fill := m.fills[i]
		if fill == nil {
			fill = palette.Panel
		}
		c.SetColor(fill)
		c.Fill(path)
		if m.stroke > 0 {
			c.SetLineStyle(border)
			c.Stroke(path)
		}
		if m.fills[i] == nil {
			c.SetLineStyle(draw.LineStyle{Color: palette.Grid, Width: 0.3})
			c.Stroke(path)
		}
	}
	for _, t := range m.tiles {
		a, b := at(geo.Point{X: t.x0, Y: t.y0}), at(geo.Point{X: t.x1, Y: t.y1})
		c.FillPolygon(t.fill, []vg.Point{a, {X: b.X, Y: a.Y}, b, {X: a.X, Y: b.Y}})
		st := m.tileTxt
		if t.label != "" && st.Width(t.label)+4 < b.X-a.X {
			st.Color = textOn(t.fill)
			c.FillText(st, vg.Point{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2}, t.label)
		}
	}
	c.FillText(credit, vg.Point{X: r.Min.X, Y: r.Min.Y}, m.credit)
	m.drawLegend(c, vg.Point{X: r.Max.X - legendW, Y: r.Max.Y})
}

func legendStyle() text.Style { return style(sizeNote, palette.Text, false) }

// drawLegend draws the swatches downwards from the top-left corner at.
func (m *mapPlot) drawLegend(c draw.Canvas, at vg.Point) {
	st := legendStyle()
	st.YAlign = draw.YCenter
	head := style(sizeNote, palette.Text, true)
	head.YAlign = draw.YCenter
	y := at.Y - 6
	for _, it := range m.legend {
		if it.clr == nil {
			y -= 4
			c.FillText(head, vg.Point{X: at.X, Y: y}, it.text)
			y -= 13
			continue
		}
		c.FillPolygon(it.clr, []vg.Point{{X: at.X, Y: y - 5}, {X: at.X + 12, Y: y - 5}, {X: at.X + 12, Y: y + 5}, {X: at.X, Y: y + 5}})
		c.StrokeLines(draw.LineStyle{Color: palette.Grid, Width: 0.4}, []vg.Point{{X: at.X, Y: y - 5}, {X: at.X + 12, Y: y - 5}, {X: at.X + 12, Y: y + 5}, {X: at.X, Y: y + 5}, {X: at.X, Y: y - 5}})
		c.FillText(st, vg.Point{X: at.X + 16, Y: y}, it.text)
		y -= 12
	}
}

// textOn returns black or white, whichever reads better on fill.
func textOn(fill color.Color) color.Color {
	r, g, b, _ := fill.RGBA()
	if 0.299*float64(r>>8)+0.587*float64(g>>8)+0.114*float64(b>>8) > 140 {
		return palette.Text
	}
	return palette.Background
}

// classLabels returns the legend's text for each class of a scale.
func classLabels(l i18n.Lang, mode choropleth.Mode, breaks []float64) []string {
	out := make([]string, len(breaks)+1)
	for i := range out {
		switch {
		case i == 0:
			out[i] = "< " + breakLabel(l, mode, breaks[0])
		case i == len(breaks):
			out[i] = "≥ " + breakLabel(l, mode, breaks[i-1])
		default:
			out[i] = breakLabel(l, mode, breaks[i-1]) + " – " + breakLabel(l, mode, breaks[i])
		}
	}
	return out
}

// mapLegend lists the scale's classes, highest first, and "no data".
func mapLegend(l i18n.Lang, d *choropleth.Data, names func(int) string, noData bool) []legendItem {
	var out []legendItem
	add := func(s palette.Scale) {
		ls := classLabels(l, d.Mode, s.Breaks)
		for i := len(s.Colors) - 1; i >= 0; i-- {
			out = append(out, legendItem{clr: s.Colors[i], text: ls[i]})
		}
	}
	switch d.Mode {
	case choropleth.Leader:
		for _, c := range d.Leaders {
			out = append(out, legendItem{text: l.Tf(i18n.ChMapLeadBy, names(c))})
			add(d.Scales[c])
		}
	case choropleth.Margin, choropleth.Shift:
		// A's classes (at or above zero) under A's heading, then B's.
		ls := classLabels(l, d.Mode, d.Scale.Breaks)
		side := i18n.ChMapAhead
		if d.Mode == choropleth.Shift {
			side = i18n.ChMapToward
		}
		out = append(out, legendItem{text: l.Tf(side, names(d.A))})
		for i := len(d.Scale.Colors) - 1; i >= 0; i-- {
			if i < len(d.Scale.Breaks) && d.Scale.Breaks[i] <= 0 && (i == len(d.Scale.Breaks)-1 || d.Scale.Breaks[i+1] > 0) {
				out = append(out, legendItem{text: l.Tf(side, names(d.B))})
			}
			out = append(out, legendItem{clr: d.Scale.Colors[i], text: ls[i]})
		}
	default:
		add(d.Scale)
	}
	if noData || d.Unknown > 0 {
		out = append(out, legendItem{clr: palette.Panel, text: l.T(i18n.ChMapNoData)})
	}
	return out
}

// shortLabel is a tile's label: the name without "EDO." or "County",
// cut to four letters.
func shortLabel(name string) string {
	w := nameWordsForLabel(name)
	if len(w) == 0 {
		return ""
	}
	s := []rune(strings.ToUpper(w[0]))
	if len(w) > 1 && len(s) <= 3 {
		s = append(s, []rune(strings.ToUpper(w[1]))...)
	}
	if len(s) > 4 {
		s = s[:4]
	}
	return string(s)
}

func nameWordsForLabel(name string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '.' || r == ',' }) {
		switch strings.ToUpper(f) {
		case "EDO", "DTTO", "ESTADO", "COUNTY", "PARISH", "BOROUGH", "DE", "DEL", "LA", "EL":
			continue
		}
		out = append(out, f)
	}
	return out
}
