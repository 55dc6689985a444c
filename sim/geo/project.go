package geo

import (
	"math"
	"slices"
)

// Projection maps a longitude and latitude in degrees to plane
// coordinates with y up.
type Projection interface {
	Project(p Point) Point
}

// conic is the Albers equal-area conic projection on a unit sphere.
type conic struct {
	lambda0, n, c, rho0 float64
	cyl                 bool // parallels symmetric about the equator: cylindrical equal-area
	cosPhi              float64
}

const rad = math.Pi / 180

// Conic returns an Albers equal-area conic projection with standard
// parallels phi1 and phi2, centred on longitude lon0 and latitude lat0
// (degrees), which maps (lon0, lat0) to the origin. When the parallels
// are symmetric about the equator it is the cylindrical equal-area
// projection with standard parallel phi1.
func Conic(phi1, phi2, lon0, lat0 float64) Projection {
	p := &conic{lambda0: lon0 * rad}
	s1, s2 := math.Sin(phi1*rad), math.Sin(phi2*rad)
	p.n = (s1 + s2) / 2
	if math.Abs(p.n) < 1e-6 {
		p.cyl, p.cosPhi = true, math.Cos(phi1*rad)
		p.rho0 = math.Sin(lat0*rad) / p.cosPhi
		return p
	}
	p.c = math.Cos(phi1*rad)*math.Cos(phi1*rad) + 2*p.n*s1
	p.rho0 = math.Sqrt(p.c-2*p.n*math.Sin(lat0*rad)) / p.n
	return p
}

func (p *conic) Project(q Point) Point {
	lambda := q.X*rad - p.lambda0
	lambda = math.Remainder(lambda, 2*math.Pi)
	if p.cyl {
		return Point{lambda * p.cosPhi, math.Sin(q.Y*rad)/p.cosPhi - p.rho0}
	}
	rho := math.Sqrt(math.Max(0, p.c-2*p.n*math.Sin(q.Y*rad))) / p.n
	theta := p.n * lambda
	return Point{rho * math.Sin(theta), p.rho0 - rho*math.Cos(theta)}
}

// inset is a conic projection scaled and moved.
type inset struct {
	proj          Projection
	scale, dx, dy float64
}

func (i inset) Project(q Point) Point {
	r := i.proj.Project(q)
	return Point{r.X*i.scale + i.dx, r.Y*i.scale + i.dy}
}

// albersUSA is the lower 48 states in an Albers projection, with Alaska
// (shrunk to 35%) and Hawaii in insets below and to the left, as maps of
// the United States usually draw them.
type albersUSA struct{ lower48, alaska, hawaii inset }

// AlbersUSA returns the composite projection of the United States used by
// newspapers and by us-atlas's pre-projected files: the lower 48 states in
// an Albers conic (standard parallels 29.5° and 45.5°, centred on 96° W,
// 38.7° N), Alaska at 35% of that scale (parallels 55° and 65°) and Hawaii
// (parallels 8° and 18°) in insets placed below the south-west. Other
// places (Puerto Rico, the territories) are left out.
func AlbersUSA() Projection {
	return albersUSA{
		lower48: inset{proj: Conic(29.5, 45.5, -96.6, 38.7), scale: 1},
		alaska:  inset{proj: Conic(55, 65, -156, 58.5), scale: 0.35, dx: -0.307, dy: -0.201},
		hawaii:  inset{proj: Conic(8, 18, -160, 19.9), scale: 1, dx: -0.205, dy: -0.212},
	}
}

// Project places q in its inset; a point in none of them (Puerto Rico,
// the Pacific territories) has no place and becomes NaN, and Shapes
// leaves its rings out.
func (a albersUSA) Project(q Point) Point {
	switch {
	case q.Y > 50 && (q.X < -129 || q.X > 170):
		return a.alaska.Project(q)
	case q.Y < 23 && q.Y > 18 && q.X < -154 && q.X > -161:
		return a.hawaii.Project(q)
	case q.Y >= 23 && q.Y <= 50 && q.X > -130 && q.X < -65:
		return a.lower48.Project(q)
	}
	return Point{math.NaN(), math.NaN()}
}

// FitConic returns an Albers conic fitted to a layer's longitudes and
// latitudes: standard parallels at one sixth and five sixths of its span
// of latitude, centred on the middle of its bounds (for Venezuela,
// parallels near 2.5° and 10.3° N, centred near 66° W).
func FitConic(b Bounds) Projection {
	span := b.Max.Y - b.Min.Y
	return Conic(b.Min.Y+span/6, b.Max.Y-span/6, (b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2)
}

// Auto chooses a projection for a layer in longitude and latitude:
// AlbersUSA when the median of its points lies in the lower 48 states,
// else FitConic.
func (l *Layer) Auto() Projection {
	var xs, ys []float64
	for _, a := range l.arcs {
		for _, p := range a {
			xs, ys = append(xs, p.X), append(ys, p.Y)
		}
	}
	slices.Sort(xs)
	slices.Sort(ys)
	mx, my := xs[len(xs)/2], ys[len(ys)/2]
	if mx > -125 && mx < -66 && my > 24 && my < 50 {
		return AlbersUSA()
	}
	return FitConic(l.Bounds())
}

// Project turns the layer's coordinates into plane coordinates with y
// up: with p (Auto when p is nil) for longitudes and latitudes; by
// flipping y for a file already projected with y down. A planar layer is
// left alone. Weights for simplification are computed anew.
func (l *Layer) Project(p Projection) {
	if l.planar {
		return
	}
	switch {
	case l.screen:
		for _, a := range l.arcs {
			for j := range a {
				a[j].Y = -a[j].Y
			}
		}
		l.screen = false
	default:
		if p == nil {
			p = l.Auto()
		}
		for _, a := range l.arcs {
			for j := range a {
				a[j] = p.Project(a[j])
			}
		}
	}
	l.planar = true
	l.weights = nil
}
