package palette

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
)

// Scale colours values by class: Colors[i] for values below Breaks[i]
// (and at or above Breaks[i-1]), the last colour at or above the last
// break. len(Colors) is len(Breaks)+1. A map's legend shows the breaks.
type Scale struct {
	Breaks []float64
	Colors []color.RGBA
}

// Color returns the colour of v's class.
func (s Scale) Color(v float64) color.RGBA {
	for i, b := range s.Breaks {
		if v < b {
			return s.Colors[i]
		}
	}
	return s.Colors[len(s.Colors)-1]
}

// Sequential steps, palest first: the fraction of white mixed into the
// colour for each class of a sequential scale with n classes.
func steps(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 0.85 * (1 - float64(i)/float64(max(1, n-1)))
	}
	return out
}

// SequentialScale returns a scale from a pale tint of c (below the first
// break) to c itself (at or above the last).
func SequentialScale(c color.RGBA, breaks []float64) Scale {
	s := Scale{Breaks: breaks}
	for _, f := range steps(len(breaks) + 1) {
		s.Colors = append(s.Colors, Tint(c, f))
	}
	return s
}

// DivergingScale returns a scale over breaks sorted ascending with 0
// among them (…, -b, 0, b, …): below zero from neg's full
// colour to a pale tint, above zero from a pale tint of pos to its full
// colour. A and B of a margin are blue and vermillion by default, two
// colours that stay apart for the common colour-vision deficiencies.
func DivergingScale(neg, pos color.RGBA, breaks []float64) Scale {
	s := Scale{Breaks: breaks}
	var below, above int
	for _, b := range breaks {
		if b < 0 {
			below++
		} else if b > 0 {
			above++
		}
	}
	// The classes below zero, darkest first, then those above, palest
	// first; the breaks must hold zero.
	for _, f := range steps(below + 1) {
		s.Colors = append([]color.RGBA{Tint(neg, f)}, s.Colors...)
	}
	for _, f := range steps(above + 1) {
		s.Colors = append(s.Colors, Tint(pos, f))
	}
	return s
}

// ParseColor reads a colour written as "#rrggbb" or "#rgb" (the "color"
// of a candidate in a mapping file).
func ParseColor(s string) (color.RGBA, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return color.RGBA{}, fmt.Errorf("palette: colour %q is not #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.RGBA{}, fmt.Errorf("palette: colour %q is not #rrggbb", s)
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}, nil
}
