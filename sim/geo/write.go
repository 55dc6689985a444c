package geo

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
)

// WriteScreen writes shapes as a GeoJSON FeatureCollection in screen
// coordinates: the shapes' bounds scaled to width units across, y
// growing downwards, rounded to whole units, the way us-atlas's
// pre-projected files are (Read takes such a file as already projected).
// ids[i] becomes the id of shapes[i], names[i] its "name". It is how a
// simplified copy of a layer is made small enough to embed.
func WriteScreen(w io.Writer, shapes []Shape, ids, names []string, width float64) error {
	b := EmptyBounds()
	for i := range shapes {
		b = b.Union(shapes[i].Bounds)
	}
	if b.Empty() {
		return fmt.Errorf("geo: no shape to write")
	}
	scale := width / (b.Max.X - b.Min.X)
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, s := range shapes {
		if i > 0 {
			bw.WriteByte(',')
		}
		fmt.Fprintf(bw, "\n{\"type\":\"Feature\",\"id\":%s,\"properties\":{\"name\":%s},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[",
			strconv.Quote(ids[i]), strconv.Quote(names[i]))
		for pi, p := range s.Polygons {
			if pi > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('[')
			for ri, r := range p {
				if ri > 0 {
					bw.WriteByte(',')
				}
				bw.WriteByte('[')
				last := [2]int{math.MinInt, math.MinInt}
				n := 0
				for j, q := range r {
					x := int(math.Round((q.X - b.Min.X) * scale))
					y := int(math.Round((b.Max.Y - q.Y) * scale))
					if [2]int{x, y} == last && j != len(r)-1 {
						continue // rounding made two points one
					}
					if n > 0 {
						bw.WriteByte(',')
					}
					fmt.Fprintf(bw, "[%d,%d]", x, y)
					last = [2]int{x, y}
					n++
				}
				bw.WriteByte(']')
			}
			bw.WriteByte(']')
		}
		bw.WriteString("]}}")
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}
