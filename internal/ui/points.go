package ui

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/internal/view"
)

// maxQuads is the most quads one DrawTriangles call can take with 16-bit
// indices (4 vertices each: 65,536 / 4).
const maxQuads = 1 << 14

// pointsLayer caches the scatter of units in an offscreen image. It is
// redrawn only when the data, the plot's size or the point size change,
// never on hover or on a scenario change.
type pointsLayer struct {
	img   *ebiten.Image
	white *ebiten.Image
	data  *app.Dataset
	w, h  int
	size  float64
	verts []ebiten.Vertex
	idx   []uint16
	// Draws counts the DrawTriangles calls of the last rebuild, for tests.
	Draws   int
	Rebuilt int
}

func (l *pointsLayer) image(d *app.Dataset, plot view.Rect, size float64) *ebiten.Image {
	w, h := int(math.Round(plot.W)), int(math.Round(plot.H))
	if w <= 0 || h <= 0 {
		return nil
	}
	if l.img != nil && l.data == d && l.w == w && l.h == h && l.size == size {
		return l.img
	}
	if l.img == nil || l.w != w || l.h != h {
		if l.img != nil {
			l.img.Deallocate()
		}
		l.img = ebiten.NewImage(w, h)
	} else {
		l.img.Clear()
	}
	if l.white == nil {
		l.white = ebiten.NewImage(3, 3)
		l.white.Fill(palette.Background)
	}
	l.data, l.w, l.h, l.size = d, w, h, size
	l.draw(d, view.Rect{W: float64(w), H: float64(h)}, size)
	l.Rebuilt++
	return l.img
}

// draw paints the points in batches of at most maxQuads quads. Points are
// drawn leader's colour first and the others after, so that the smaller
// groups stay visible on top.
func (l *pointsLayer) draw(d *app.Dataset, plot view.Rect, size float64) {
	src := l.white.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	op := &ebiten.DrawTrianglesOptions{}
	l.Draws = 0
	half := float32(size / 2)
	alpha := float32(0.55)
	if !d.PerUnit {
		alpha = 0.9
	}
	flush := func() {
		if len(l.idx) == 0 {
			return
		}
		l.img.DrawTriangles(l.verts, l.idx, src, op)
		l.Draws++
		l.verts, l.idx = l.verts[:0], l.idx[:0]
	}
	for pass := 0; pass < 2; pass++ {
		for _, p := range d.Points {
			if (p.Winner == d.Leader) != (pass == 0) {
				continue
			}
			x, y := view.PlotPoint(plot, p)
			c := palette.Candidate(p.Winner)
			r, g, b := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255
			base := uint16(len(l.verts))
			fx, fy := float32(x), float32(y)
			for _, v := range [4][2]float32{{-half, -half}, {half, -half}, {-half, half}, {half, half}} {
				l.verts = append(l.verts, ebiten.Vertex{DstX: fx + v[0], DstY: fy + v[1], SrcX: 1, SrcY: 1, ColorR: r, ColorG: g, ColorB: b, ColorA: alpha})
			}
			l.idx = append(l.idx, base, base+1, base+2, base+1, base+3, base+2)
			if len(l.verts)/4 >= maxQuads {
				flush()
			}
		}
	}
	flush()
}
