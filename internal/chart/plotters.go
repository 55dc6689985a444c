package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/palette"
)

// The plotters below are small plot.Plotter values that draw in data
// coordinates. They exist so that every bar, band and label of a chart is
// drawn exactly where its number says, with the house colours.

// rect is a filled rectangle in data coordinates, optionally outlined.
type rect struct {
	x0, x1, y0, y1 float64
	fill           color.Color
	line           draw.LineStyle
	// hatch, when non-nil, draws diagonal lines over the fill.
	hatch color.Color
}

// rects draws a set of rectangles; it extends the plot's data range to
// hold them.
type rects []rect

func (rs rects) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range rs {
		x0, x1 := trX(r.x0), trX(r.x1)
		y0, y1 := trY(r.y0), trY(r.y1)
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		if y1 < y0 {
			y0, y1 = y1, y0
		}
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		if r.fill != nil {
			c.FillPolygon(r.fill, c.ClipPolygonXY(pts))
		}
		if r.hatch != nil {
			hatch(c, r.hatch, x0, x1, y0, y1)
		}
		if r.line.Color != nil && r.line.Width > 0 {
			c.StrokeLines(r.line, c.ClipLinesXY(append(pts, pts[0]))...)
		}
	}
}

// hatch draws 45° lines 3 points apart inside a rectangle.
func hatch(c draw.Canvas, clr color.Color, x0, x1, y0, y1 vg.Length) {
	sty := draw.LineStyle{Color: clr, Width: 0.6}
	const gap = 3
	h := y1 - y0
	for s := x0 - h; s < x1; s += gap {
		// The line from (s, y0) to (s+h, y1), clipped to [x0, x1].
		ax, ay, bx, by := s, y0, s+h, y1
		if ax < x0 {
			ay += x0 - ax
			ax = x0
		}
		if bx > x1 {
			by -= bx - x1
			bx = x1
		}
		if bx <= ax {
			continue
		}
		c.StrokeLine2(sty, ax, ay, bx, by)
	}
}

func (rs rects) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, r := range rs {
		xmin = math.Min(xmin, math.Min(r.x0, r.x1))
		xmax = math.Max(xmax, math.Max(r.x0, r.x1))
		ymin = math.Min(ymin, math.Min(r.y0, r.y1))
		ymax = math.Max(ymax, math.Max(r.y0, r.y1))
	}
	return
}

// label is a text drawn at a data point, offset by dx, dy points.
type label struct {
	x, y   float64
	dx, dy vg.Length
	text   string
	style  text.Style
	// halo, when set, fills the text's box with the background first,
	// so that the text stays legible over lines and hatching.
	halo bool
}

// labels draws texts at data points. They take part in the plot's
// padding (GlyphBoxes), so that a label near an edge is not clipped.
type labels []label

func (ls labels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, l := range ls {
		if l.text == "" {
			continue
		}
		pt := vg.Point{X: trX(l.x) + l.dx, Y: trY(l.y) + l.dy}
		if l.halo {
			r := l.style.Rectangle(l.text)
			const m = 1.5
			c.FillPolygon(palette.Background, []vg.Point{
				{X: pt.X + r.Min.X - m, Y: pt.Y + r.Min.Y - m}, {X: pt.X + r.Max.X + m, Y: pt.Y + r.Min.Y - m},
				{X: pt.X + r.Max.X + m, Y: pt.Y + r.Max.Y + m}, {X: pt.X + r.Min.X - m, Y: pt.Y + r.Max.Y + m}})
		}
		c.FillText(l.style, pt, l.text)
	}
}

func (ls labels) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	var bs []plot.GlyphBox
	for _, l := range ls {
		if l.text == "" {
			continue
		}
		r := l.style.Rectangle(l.text)
		r.Min.X += l.dx
		r.Max.X += l.dx
		r.Min.Y += l.dy
		r.Max.Y += l.dy
		bs = append(bs, plot.GlyphBox{X: p.X.Norm(l.x), Y: p.Y.Norm(l.y), Rectangle: r})
	}
	return bs
}

// polyline is a line through data points.
type polyline struct {
	xs, ys []float64
	line   draw.LineStyle
}

func (pl polyline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pts := make([]vg.Point, 0, len(pl.xs))
	for i := range pl.xs {
		if math.IsNaN(pl.ys[i]) {
			if len(pts) > 1 {
				c.StrokeLines(pl.line, c.ClipLinesXY(pts)...)
			}
			pts = pts[:0]
			continue
		}
		pts = append(pts, vg.Point{X: trX(pl.xs[i]), Y: trY(pl.ys[i])})
	}
	if len(pts) > 1 {
		c.StrokeLines(pl.line, c.ClipLinesXY(pts)...)
	}
}

func (pl polyline) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for i := range pl.xs {
		if math.IsNaN(pl.ys[i]) {
			continue
		}
		xmin, xmax = math.Min(xmin, pl.xs[i]), math.Max(xmax, pl.xs[i])
		ymin, ymax = math.Min(ymin, pl.ys[i]), math.Max(ymax, pl.ys[i])
	}
	return
}

// rule is a full-height vertical line (vertical true) at x, or a
// full-width horizontal line at y, across the data area.
type rule struct {
	at       float64
	vertical bool
	line     draw.LineStyle
}

func (r rule) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if r.vertical {
		x := trX(r.at)
		if x >= c.Min.X-0.01 && x <= c.Max.X+0.01 {
			c.StrokeLine2(r.line, x, c.Min.Y, x, c.Max.Y)
		}
		return
	}
	y := trY(r.at)
	if y >= c.Min.Y-0.01 && y <= c.Max.Y+0.01 {
		c.StrokeLine2(r.line, c.Min.X, y, c.Max.X, y)
	}
}

// band shades the full height of the data area between x0 and x1 (or the
// full width between y0 and y1 when horizontal).
type band struct {
	from, to   float64
	horizontal bool
	fill       color.Color
	hatch      color.Color
}

func (b band) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	x0, x1, y0, y1 := c.Min.X, c.Max.X, c.Min.Y, c.Max.Y
	if b.horizontal {
		y0, y1 = clampLen(trY(b.from), c.Min.Y, c.Max.Y), clampLen(trY(b.to), c.Min.Y, c.Max.Y)
	} else {
		x0, x1 = clampLen(trX(b.from), c.Min.X, c.Max.X), clampLen(trX(b.to), c.Min.X, c.Max.X)
	}
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	if x1-x0 <= 0 || y1-y0 <= 0 {
		return
	}
	if b.fill != nil {
		c.FillPolygon(b.fill, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
	}
	if b.hatch != nil {
		hatch(c, b.hatch, x0, x1, y0, y1)
	}
}

func clampLen(v, lo, hi vg.Length) vg.Length {
	return vg.Length(math.Max(float64(lo), math.Min(float64(hi), float64(v))))
}

// dot is a filled circle at a data point.
type dot struct {
	x, y   float64
	radius vg.Length
	fill   color.Color
	ring   color.Color
}

func (d dot) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pt := vg.Point{X: trX(d.x), Y: trY(d.y)}
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: d.fill, Radius: d.radius, Shape: draw.CircleGlyph{}}, pt)
	if d.ring != nil {
		c.DrawGlyphNoClip(draw.GlyphStyle{Color: d.ring, Radius: d.radius, Shape: draw.RingGlyph{}}, pt)
	}
}

func (d dot) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := d.radius
	return []plot.GlyphBox{{X: p.X.Norm(d.x), Y: p.Y.Norm(d.y), Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}}}
}

// swatch is a legend thumbnail: a filled square, optionally hatched.
type swatch struct {
	fill, hatch color.Color
	line        draw.LineStyle
}

func (s swatch) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	if s.fill != nil {
		c.FillPolygon(s.fill, pts)
	}
	if s.hatch != nil {
		hatch(*c, s.hatch, c.Min.X, c.Max.X, c.Min.Y, c.Max.Y)
	}
	if s.line.Color != nil {
		c.StrokeLines(s.line, append(pts, pts[0]))
	}
}

// lineSwatch is a legend thumbnail: a horizontal line.
type lineSwatch struct{ line draw.LineStyle }

func (s lineSwatch) Thumbnail(c *draw.Canvas) {
	y := (c.Min.Y + c.Max.Y) / 2
	c.StrokeLine2(s.line, c.Min.X, y, c.Max.X, y)
}
