package geo

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrGeometry is wrapped by every error about a boundary file's content.
var ErrGeometry = errors.New("geo: bad geometry")

// Error is a problem in a boundary file. Line and Column are 1-based
// and 0 when unknown; Feature is the index of the feature at fault, or -1.
type Error struct {
	File         string
	Line, Column int
	Feature      int
	Msg          string
}

func (e *Error) Error() string {
	s := "geo: " + e.File
	if e.Line > 0 {
		s += fmt.Sprintf(":%d:%d", e.Line, e.Column)
	}
	if e.Feature >= 0 {
		s += fmt.Sprintf(": feature %d", e.Feature)
	}
	return s + ": " + e.Msg
}

// Unwrap makes errors.Is(err, ErrGeometry) true.
func (e *Error) Unwrap() error { return ErrGeometry }

// Point is a position: longitude and latitude in degrees before
// projection, plane coordinates (y up) after.
type Point struct{ X, Y float64 }

// Ring is a closed ring: its last point equals its first.
type Ring []Point

// Polygon is an outer ring followed by its holes.
type Polygon []Ring

// Feature is one region of a boundary file.
type Feature struct {
	// ID is the feature's "id" (a FIPS code in us-atlas), or "".
	ID string
	// Props holds the feature's properties with string or number
	// values, numbers written as JSON wrote them.
	Props map[string]string
	// polys lists, per polygon, per ring, the arcs of the ring: i for
	// arc i, ^i for arc i reversed.
	polys [][][]int
}

// Prop returns the feature's value for a key: "id" is the feature's id,
// anything else a property.
func (f *Feature) Prop(key string) (string, bool) {
	if key == "id" {
		return f.ID, f.ID != ""
	}
	v, ok := f.Props[key]
	return v, ok
}

// Layer is the boundaries read from one file.
type Layer struct {
	// File names the file the layer was read from, for errors.
	File string
	// Object is the TopoJSON object read, or "" for GeoJSON.
	Object   string
	Features []Feature
	// Degenerate counts the closed rings of fewer than four positions, which
	// enclose nothing and are not drawn.
	Degenerate int
	arcs       [][]Point
	// weights[i][j] is the importance of arcs[i][j] for simplification
	// (see Simplify); nil until computed.
	weights [][]float64
	// planar is set once the coordinates are plane coordinates (y up).
	planar bool
	// screen is set for a file whose coordinates are already projected
	// with y growing downwards, until Project flips them.
	screen bool
}

// Planar reports whether the layer's coordinates are plane coordinates.
func (l *Layer) Planar() bool { return l.planar }

// Points returns the number of points in the layer's arcs.
func (l *Layer) Points() int {
	n := 0
	for _, a := range l.arcs {
		n += len(a)
	}
	return n
}

func (l *Layer) errf(feature int, format string, args ...any) error {
	return &Error{File: l.File, Feature: feature, Msg: fmt.Sprintf(format, args...)}
}

// Keys returns each feature's value for key ("id" or a property name).
// It fails, naming the properties there are, when the first feature
// lacking the key is found.
func (l *Layer) Keys(key string) ([]string, error) {
	out := make([]string, len(l.Features))
	for i := range l.Features {
		v, ok := l.Features[i].Prop(key)
		if !ok || v == "" {
			return nil, l.errf(i, "has no %q (it has %s)", key, l.Features[i].describeKeys())
		}
		out[i] = v
	}
	return out, nil
}

func (f *Feature) describeKeys() string {
	var ks []string
	if f.ID != "" {
		ks = append(ks, "id")
	}
	for k := range f.Props {
		ks = append(ks, k)
	}
	if len(ks) == 0 {
		return "no id and no properties"
	}
	slices.Sort(ks)
	s := ""
	for i, k := range ks {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", k)
	}
	return s
}

// Bounds is an axis-aligned rectangle.
type Bounds struct{ Min, Max Point }

// Empty reports whether b holds no point.
func (b Bounds) Empty() bool { return b.Min.X > b.Max.X || b.Min.Y > b.Max.Y }

// EmptyBounds returns the bounds of no point, which Union grows.
func EmptyBounds() Bounds {
	inf := math.Inf(1)
	return Bounds{Min: Point{inf, inf}, Max: Point{-inf, -inf}}
}

func (b *Bounds) add(p Point) {
	b.Min.X, b.Min.Y = min(b.Min.X, p.X), min(b.Min.Y, p.Y)
	b.Max.X, b.Max.Y = max(b.Max.X, p.X), max(b.Max.Y, p.Y)
}

// Union returns the smallest rectangle holding b and c.
func (b Bounds) Union(c Bounds) Bounds {
	if c.Empty() {
		return b
	}
	b.add(c.Min)
	b.add(c.Max)
	return b
}

// Bounds returns the rectangle holding every arc of the layer.
func (l *Layer) Bounds() Bounds {
	b := EmptyBounds()
	for _, a := range l.arcs {
		for _, p := range a {
			b.add(p)
		}
	}
	return b
}

// signedArea returns the shoelace area of a closed ring: positive when
// anticlockwise with y up.
func signedArea(r Ring) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i].X*r[i+1].Y - r[i+1].X*r[i].Y
	}
	return s / 2
}

// Area returns the area of p: its outer ring less its holes.
func (p Polygon) Area() float64 {
	var a float64
	for i, r := range p {
		if i == 0 {
			a += math.Abs(signedArea(r))
		} else {
			a -= math.Abs(signedArea(r))
		}
	}
	return a
}

// Shape is a feature's polygons as plane rings, ready to fill.
type Shape struct {
	// Feature indexes Layer.Features.
	Feature  int
	Polygons []Polygon
	Bounds   Bounds
}

// Area returns the shape's area in plane units.
func (s *Shape) Area() float64 {
	var a float64
	for _, p := range s.Polygons {
		a += p.Area()
	}
	return a
}

// Centroid returns the area-weighted centroid of the shape's outer
// rings, or the centre of its bounds when it has no area.
func (s *Shape) Centroid() Point {
	var cx, cy, area float64
	for _, p := range s.Polygons {
		if len(p) == 0 {
			continue
		}
		r := p[0]
		for i := 0; i+1 < len(r); i++ {
			c := r[i].X*r[i+1].Y - r[i+1].X*r[i].Y
			cx += (r[i].X + r[i+1].X) * c
			cy += (r[i].Y + r[i+1].Y) * c
			area += c
		}
	}
	if math.Abs(area) < 1e-12 {
		return Point{(s.Bounds.Min.X + s.Bounds.Max.X) / 2, (s.Bounds.Min.Y + s.Bounds.Max.Y) / 2}
	}
	return Point{cx / (3 * area), cy / (3 * area)}
}

// Points returns the number of points in the shape's rings.
func (s *Shape) Points() int {
	n := 0
	for _, p := range s.Polygons {
		for _, r := range p {
			n += len(r)
		}
	}
	return n
}

// Credit returns the attribution the licence of l's boundaries asks for,
// as "Boundaries: SOURCE", for the sources of ../shared/geo that it
// recognises (geoBoundaries' files by their shapeID property, us-atlas's
// by their object's name), and "" for any other.
func (l *Layer) Credit() string {
	if len(l.Features) > 0 {
		if _, ok := l.Features[0].Prop("shapeID"); ok {
			return "Boundaries: geoBoundaries.org"
		}
	}
	switch l.Object {
	case "counties", "states", "nation":
		return "Boundaries: U.S. Census Bureau"
	}
	return ""
}

// DefaultKey is the join key of l when none is named: geoBoundaries'
// shapeISO where the features have it, else the features' id.
func (l *Layer) DefaultKey() string {
	if len(l.Features) > 0 {
		if _, ok := l.Features[0].Prop("shapeISO"); ok {
			return "shapeISO"
		}
	}
	return "id"
}
