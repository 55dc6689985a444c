package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/internal/view"
)

// mesh is one row's shape as triangles for the even-odd fill, and its
// outline as stroke triangles, in the layer's pixels.
type mesh struct {
	path    vector.Path
	fillV   []ebiten.Vertex
	fillI   []uint16
	strokeV []ebiten.Vertex
	strokeI []uint16
}

// mapLayer is the Map view's filled areas drawn into an offscreen image.
// The shapes' triangles are built once per geometry, rows and placement
// (shape); a recolour (a new MapView.Serial) only refills them by colour
// class, the fill rule needing one draw call per colour.
type mapLayer struct {
	img *ebiten.Image
	// borders holds the areas' outlines, drawn once per shape and laid
	// over each refill.
	borders *ebiten.Image
	// shape says what meshes were built for; serial what the image holds.
	shape  mapShapeKey
	meshes []mesh
	serial uint64
	white  *ebiten.Image
	// batch buffers, reused between refills.
	v []ebiten.Vertex
	i []uint16
}

type mapShapeKey struct {
	geom      *choropleth.Geometry
	first     int
	rows      int
	w, h      int
	k, x0, y0 float64
	tiles     bool
}

// maxVerts is the most vertices one DrawTriangles call indexes.
const maxVerts = 65535

// image returns the layer for the scene's map, rebuilding the meshes or
// refilling the colours only when they changed.
func (l *mapLayer) image(ms *view.MapScene) *ebiten.Image {
	mv := ms.View
	if mv == nil || mv.Data == nil || len(mv.Data.Rows) == 0 {
		return nil
	}
	w, h := int(math.Ceil(ms.R.W)), int(math.Ceil(ms.R.H))
	if w <= 0 || h <= 0 {
		return nil
	}
	key := mapShapeKey{mv.Geometry, mv.Data.Rows[0].Area, len(mv.Data.Rows), w, h, ms.K, ms.X0 - ms.R.X, ms.Y0 - ms.R.Y, ms.Tiles != nil}
	if l.img == nil || l.img.Bounds().Dx() != w || l.img.Bounds().Dy() != h {
		if l.img != nil {
			l.img.Deallocate()
		}
		l.img = ebiten.NewImage(w, h)
		if l.borders != nil {
			l.borders.Deallocate()
		}
		l.borders = ebiten.NewImage(w, h)
		l.serial = 0
		l.shape = mapShapeKey{}
	}
	if key != l.shape {
		l.shape = key
		l.build(ms)
		l.serial = 0
	}
	if l.serial != mv.Serial || l.serial == 0 {
		l.fill(mv.Data)
		l.serial = mv.Serial
	}
	return l.img
}

// build makes each row's meshes from its shape (or tile).
func (l *mapLayer) build(ms *view.MapScene) {
	mv := ms.View
	g := mv.Geometry
	ox, oy := ms.R.X, ms.R.Y
	l.meshes = l.meshes[:0]
	stroke := &vector.StrokeOptions{Width: 1, LineJoin: vector.LineJoinBevel}
	for i, row := range mv.Data.Rows {
		var p vector.Path
		if ms.Tiles != nil {
			r := ms.Tiles[i]
			x, y := float32(r.X-ox), float32(r.Y-oy)
			p.MoveTo(x, y)
			p.LineTo(x+float32(r.W), y)
			p.LineTo(x+float32(r.W), y+float32(r.H))
			p.LineTo(x, y+float32(r.H))
			p.Close()
		} else {
			sh := &g.Shapes[g.Join.Feature[row.Area]]
			for _, pg := range sh.Polygons {
				for _, ring := range pg {
					for j, q := range ring {
						x, y := ms.Point(q)
						if j == 0 {
							p.MoveTo(float32(x-ox), float32(y-oy))
						} else {
							p.LineTo(float32(x-ox), float32(y-oy))
						}
					}
					p.Close()
				}
			}
		}
		m := mesh{path: p}
		m.fillV, m.fillI = p.AppendVerticesAndIndicesForFilling(nil, nil)
		m.strokeV, m.strokeI = p.AppendVerticesAndIndicesForStroke(nil, nil, stroke)
		l.meshes = append(l.meshes, m)
	}
	l.ensureWhite()
	l.borders.Clear()
	// Grey borders read on the palest class and on the areas the data
	// cannot colour.
	sop := &ebiten.DrawTrianglesOptions{}
	l.v, l.i = l.v[:0], l.i[:0]
	for i := range l.meshes {
		l.add(l.borders, l.meshes[i].strokeV, l.meshes[i].strokeI, palette.Neutral, sop)
	}
	l.flush(l.borders, sop)
}

func (l *mapLayer) ensureWhite() {
	if l.white == nil {
		l.white = ebiten.NewImage(3, 3)
		l.white.Fill(color.White)
	}
}

// fill clears the layer and fills every row in its colour, then lays
// the borders over them.
func (l *mapLayer) fill(d *choropleth.Data) {
	l.ensureWhite()
	l.img.Clear()
	// Rows of one colour fill together: the even-odd rule counts every
	// triangle of a call, so rows of different colours cannot share one.
	order := make(map[color.RGBA][]int)
	var colours []color.RGBA
	for i, r := range d.Rows {
		if _, ok := order[r.Color]; !ok {
			colours = append(colours, r.Color)
		}
		order[r.Color] = append(order[r.Color], i)
	}
	op := &ebiten.DrawTrianglesOptions{FillRule: ebiten.FillRuleEvenOdd}
	for _, c := range colours {
		l.v, l.i = l.v[:0], l.i[:0]
		for _, i := range order[c] {
			l.add(l.img, l.meshes[i].fillV, l.meshes[i].fillI, c, op)
		}
		l.flush(l.img, op)
	}
	l.img.DrawImage(l.borders, nil)
}

// add appends a mesh in colour c to the batch, drawing the batch first
// when the mesh would overflow 16-bit indices.
func (l *mapLayer) add(dst *ebiten.Image, vs []ebiten.Vertex, is []uint16, c color.RGBA, op *ebiten.DrawTrianglesOptions) {
	if len(vs) == 0 || len(vs) > maxVerts {
		return
	}
	if len(l.v)+len(vs) > maxVerts {
		l.flush(dst, op)
		l.v, l.i = l.v[:0], l.i[:0]
	}
	base := uint16(len(l.v))
	r, g, b, a := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	for _, v := range vs {
		v.SrcX, v.SrcY = 1, 1
		v.ColorR, v.ColorG, v.ColorB, v.ColorA = r, g, b, a
		l.v = append(l.v, v)
	}
	for _, i := range is {
		l.i = append(l.i, base+i)
	}
}

func (l *mapLayer) flush(dst *ebiten.Image, op *ebiten.DrawTrianglesOptions) {
	if len(l.i) == 0 {
		return
	}
	dst.DrawTriangles(l.v, l.i, l.white, op)
}

// paintMap blits the map layer and outlines the area pointed at.
func (g *Game) paintMap(dst *ebiten.Image, ms *view.MapScene) {
	if ms == nil {
		return
	}
	img := g.mapLayer.image(ms)
	if img == nil {
		return
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(math.Round(ms.R.X), math.Round(ms.R.Y))
	dst.DrawImage(img, op)
	if h := ms.Hover; h >= 0 && h < len(g.mapLayer.meshes) {
		// The area pointed at, outlined in the highlight colour.
		w := float32(math.Max(2, 2*g.scene.Scale))
		vs, is := g.mapLayer.meshes[h].path.AppendVerticesAndIndicesForStroke(nil, nil, &vector.StrokeOptions{Width: w, LineJoin: vector.LineJoinRound})
		c := palette.Highlight
		for i := range vs {
			vs[i].DstX += float32(math.Round(ms.R.X))
			vs[i].DstY += float32(math.Round(ms.R.Y))
			vs[i].SrcX, vs[i].SrcY = 1, 1
			vs[i].ColorR, vs[i].ColorG, vs[i].ColorB, vs[i].ColorA = float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, 1
		}
		dst.DrawTriangles(vs, is, g.mapLayer.white, &ebiten.DrawTrianglesOptions{AntiAlias: true})
	}
}
