package geo

import (
	"container/heap"
	"math"
	"slices"
)

// computeWeights gives every point of every arc its Visvalingam–Whyatt
// weight: the area of the triangle it forms with its neighbours when it
// is removed, never less than the weight of a point removed before it.
// An arc's ends weigh +Inf: they are kept, so shared borders stay shared.
func (l *Layer) computeWeights() {
	l.weights = make([][]float64, len(l.arcs))
	var h vwHeap
	for i, a := range l.arcs {
		l.weights[i] = visvalingam(a, &h)
	}
}

type vwItem struct {
	j, prev, next int
	area          float64
	index         int
}

type vwHeap []*vwItem

func (h vwHeap) Len() int { return len(h) }
func (h vwHeap) Less(a, b int) bool {
	if h[a].area != h[b].area {
		return h[a].area < h[b].area
	}
	return h[a].j < h[b].j
}
func (h vwHeap) Swap(a, b int) {
	h[a], h[b] = h[b], h[a]
	h[a].index, h[b].index = a, b
}
func (h *vwHeap) Push(x any) {
	it := x.(*vwItem)
	it.index = len(*h)
	*h = append(*h, it)
}
func (h *vwHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

func triArea(a, b, c Point) float64 {
	return math.Abs((b.X-a.X)*(c.Y-a.Y)-(c.X-a.X)*(b.Y-a.Y)) / 2
}

// visvalingam returns the weights of an arc's points.
func visvalingam(a []Point, h *vwHeap) []float64 {
	n := len(a)
	w := make([]float64, n)
	w[0], w[n-1] = math.Inf(1), math.Inf(1)
	if n < 3 {
		return w
	}
	items := make([]*vwItem, n)
	*h = (*h)[:0]
	for j := 1; j < n-1; j++ {
		items[j] = &vwItem{j: j, prev: j - 1, next: j + 1, area: triArea(a[j-1], a[j], a[j+1])}
		heap.Push(h, items[j])
	}
	floor := 0.0
	for h.Len() > 0 {
		it := heap.Pop(h).(*vwItem)
		floor = math.Max(floor, it.area)
		w[it.j] = floor
		if p := items[it.prev]; p != nil {
			p.next = it.next
			p.area = triArea(a[p.prev], a[p.j], a[p.next])
			heap.Fix(h, p.index)
		}
		if q := items[it.next]; q != nil {
			q.prev = it.prev
			q.area = triArea(a[q.prev], a[q.j], a[q.next])
			heap.Fix(h, q.index)
		}
		items[it.j] = nil
	}
	return w
}

// Threshold returns the weight that keeps about budget points of the
// layer's arcs (0 keeps every point). It projects the layer first when
// it is not planar.
func (l *Layer) Threshold(budget int) float64 {
	l.Project(nil)
	if l.weights == nil {
		l.computeWeights()
	}
	if budget <= 0 || budget >= l.Points() {
		return 0
	}
	all := make([]float64, 0, l.Points())
	for _, w := range l.weights {
		all = append(all, w...)
	}
	slices.Sort(all)
	return all[len(all)-budget]
}

// Shapes returns every feature's polygons as plane rings, simplified so
// that the layer's arcs keep about budget points (0 keeps every point;
// rings drawn by two features count twice in the shapes, once in the
// budget). Rings that simplification would close to a sliver are dropped,
// except a feature's largest, which keeps every point, so that no
// feature disappears. Outer rings turn anticlockwise, holes clockwise.
// The layer is projected first (Auto) when it is not planar.
func (l *Layer) Shapes(budget int) []Shape {
	cut := l.Threshold(budget)
	keep := func(arc, j int) bool { return l.weights[arc][j] >= cut }
	out := make([]Shape, len(l.Features))
	for i := range l.Features {
		out[i] = l.shape(i, keep)
	}
	return out
}

func (l *Layer) shape(i int, keep func(arc, j int) bool) Shape {
	s := Shape{Feature: i, Bounds: EmptyBounds()}
	f := &l.Features[i]
	bestArea, bestPoly := -1.0, -1
	for pi, p := range f.polys {
		var poly Polygon
		for ri, refs := range p {
			r := l.stitch(refs, nil, keep)
			if len(r) < 4 || !(math.Abs(signedArea(r)) > 0) {
				if ri == 0 {
					break // the outer ring is gone: so is the polygon
				}
				continue
			}
			orient(r, ri == 0)
			poly = append(poly, r)
		}
		if a := math.Abs(signedArea(l.stitch(p[0], nil, nil))); a > bestArea && !math.IsNaN(a) {
			bestArea, bestPoly = a, pi
		}
		if len(poly) > 0 {
			s.Polygons = append(s.Polygons, poly)
		}
	}
	if len(s.Polygons) == 0 && bestPoly >= 0 {
		r := l.stitch(f.polys[bestPoly][0], nil, nil)
		orient(r, true)
		s.Polygons = []Polygon{{r}}
	}
	for _, p := range s.Polygons {
		for _, q := range p[0] {
			s.Bounds.add(q)
		}
	}
	return s
}

// orient turns r anticlockwise when outer, clockwise otherwise.
func orient(r Ring, outer bool) {
	if (signedArea(r) > 0) != outer {
		slices.Reverse(r)
	}
}
