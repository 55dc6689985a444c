package geo

import (
	"cmp"
	"math"
	"slices"
)

// Tile is one area's square in a cartogram.
type Tile struct {
	// Item indexes the centroids given to Cartogram.
	Item int
	// Col and Row place the tile on the grid; Row grows upwards.
	Col, Row int
	// Side is the tile's side as a fraction of the cell: 1 for equal
	// tiles; with weights, the square root of the weight over the
	// largest, so that a tile's area is in proportion to its weight.
	Side float64
}

// Cartogram lays out one square tile per centroid on a grid of about
// 1.5 cells per tile over the centroids' bounds, each tile in the free
// cell nearest its centroid. The heaviest items choose first (weights
// nil means all equal; ties by index), so the layout is deterministic.
// Rows grow upwards, like the plane's y; columns and rows with no tile
// are then taken out, so that the tiles stay together. Sides come from the weights
// (see Tile.Side); a weight that is not positive gets the smallest side
// drawn, a tenth of the cell.
func Cartogram(centroids []Point, weights []float64) []Tile {
	n := len(centroids)
	if n == 0 {
		return nil
	}
	b := EmptyBounds()
	for _, c := range centroids {
		if finite(c) {
			b.add(c)
		}
	}
	if b.Empty() {
		b = Bounds{}
	}
	w, h := b.Max.X-b.Min.X, b.Max.Y-b.Min.Y
	cell := math.Sqrt(w * h / (1.5 * float64(n)))
	if !(cell > 0) {
		cell = math.Max(w, h) / math.Max(1, math.Sqrt(float64(n)))
	}
	if !(cell > 0) {
		cell = 1
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	weight := func(i int) float64 {
		if weights == nil {
			return 1
		}
		return weights[i]
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight(b), weight(a)) })
	maxW := 0.0
	for i := range n {
		maxW = math.Max(maxW, weight(i))
	}
	taken := map[[2]int]bool{}
	tiles := make([]Tile, n)
	for _, i := range order {
		// A centroid that is not a number (a shape with no place in
		// the projection) starts from the grid's corner.
		x, y := 0.0, 0.0
		if finite(centroids[i]) {
			x, y = (centroids[i].X-b.Min.X)/cell, (centroids[i].Y-b.Min.Y)/cell
		}
		c := nearestFree(taken, x, y)
		taken[c] = true
		side := 1.0
		if weights != nil {
			side = 0.1
			if weight(i) > 0 && maxW > 0 {
				side = math.Max(0.1, math.Sqrt(weight(i)/maxW))
			}
		}
		tiles[i] = Tile{Item: i, Col: c[0], Row: c[1], Side: side}
	}
	compact(tiles)
	return tiles
}

// compact removes the empty columns and rows between tiles, keeping
// their order, and numbers both from 0.
func compact(tiles []Tile) {
	cols, rows := map[int]int{}, map[int]int{}
	for _, t := range tiles {
		cols[t.Col], rows[t.Row] = 0, 0
	}
	dense := func(m map[int]int) {
		keys := make([]int, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			m[k] = i
		}
	}
	dense(cols)
	dense(rows)
	for i := range tiles {
		tiles[i].Col, tiles[i].Row = cols[tiles[i].Col], rows[tiles[i].Row]
	}
}

// nearestFree returns the free cell whose centre is nearest (x, y),
// searching square rings outwards; ties go to the lower row, then the
// lower column.
func nearestFree(taken map[[2]int]bool, x, y float64) [2]int {
	cx, cy := int(math.Floor(x)), int(math.Floor(y))
	best, bestD := [2]int{}, math.Inf(1)
	for r := 0; ; r++ {
		if float64(r-1) > math.Sqrt(bestD) {
			return best
		}
		for row := cy - r; row <= cy+r; row++ {
			for col := cx - r; col <= cx+r; col++ {
				if max(abs(row-cy), abs(col-cx)) != r || taken[[2]int{col, row}] {
					continue
				}
				dx, dy := float64(col)+0.5-x, float64(row)+0.5-y
				d := dx*dx + dy*dy
				if d < bestD || (d == bestD && (row < best[1] || (row == best[1] && col < best[0]))) {
					best, bestD = [2]int{col, row}, d
				}
			}
		}
	}
}

func finite(p Point) bool {
	return !math.IsNaN(p.X) && !math.IsInf(p.X, 0) && !math.IsNaN(p.Y) && !math.IsInf(p.Y, 0)
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}
