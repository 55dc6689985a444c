package ui

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/internal/view"
)

func (g *Game) face(st view.Style, px float64) *text.GoXFace {
	f := g.fonts.Face(st, px)
	xf, ok := g.faces[f]
	if !ok {
		xf = text.NewGoXFace(f)
		g.faces[f] = xf
	}
	return xf
}

func clipTo(screen *ebiten.Image, r view.Rect) *ebiten.Image {
	if r.Empty() {
		return screen
	}
	rect := image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
	return screen.SubImage(rect).(*ebiten.Image)
}

// paint draws every item of the scene. It holds no logic: positions,
// colours and strings all come from the layout.
func (g *Game) paint(screen *ebiten.Image) {
	sc := g.scene
	screen.Fill(palette.Background)
	for i := range sc.Items {
		it := &sc.Items[i]
		dst := clipTo(screen, it.Clip)
		r := it.R
		switch it.Kind {
		case view.Fill:
			vector.DrawFilledRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), it.Color, false)
		case view.Stroke:
			w := float32(it.Width)
			vector.StrokeRect(dst, float32(r.X)+w/2, float32(r.Y)+w/2, float32(r.W)-w, float32(r.H)-w, w, it.Color, false)
		case view.Line:
			vector.StrokeLine(dst, float32(r.X), float32(r.Y), float32(r.Right()), float32(r.Bottom()), float32(it.Width), it.Color, false)
		case view.Text:
			op := &text.DrawOptions{}
			op.GeoM.Translate(math.Round(r.X), math.Round(r.Y+(r.H-it.Size*1.2)/2))
			op.ColorScale.ScaleWithColor(it.Color)
			text.Draw(dst, it.Text, g.face(it.Style, it.Size), op)
		case view.Points:
			g.paintPoints(dst, r)
		case view.MapLayer:
			g.paintMap(dst, sc.Map)
		}
	}
}

// paintPoints blits the cached scatter layer and marks the unit under the
// pointer.
func (g *Game) paintPoints(dst *ebiten.Image, plot view.Rect) {
	sc, st := g.scene, g.st
	if st.Data == nil {
		return
	}
	img := g.points.image(st.Data, plot, sc.PointSize)
	if img == nil {
		return
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(math.Round(plot.X), math.Round(plot.Y))
	dst.DrawImage(img, op)
	u := st.Hover
	if u < 0 {
		u = st.Pinned
	}
	if u < 0 {
		return
	}
	for _, p := range st.Data.Points {
		if p.Unit == u {
			x, y := view.PlotPoint(plot, p)
			s := float32(sc.PointSize*2 + 4*sc.Scale)
			vector.StrokeRect(dst, float32(x)-s/2, float32(y)-s/2, s, s, float32(2*sc.Scale), palette.Highlight, false)
			break
		}
	}
}
