package palette_test

import (
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/palette"
)

// deuteranopia is Machado, Oliveira and Fernandes's (2009) matrix for
// deuteranopia at severity 1.0, applied to linear RGB.
var deuteranopia = [3][3]float64{
	{0.367322, 0.860646, -0.227968},
	{0.280085, 0.672501, 0.047413},
	{-0.011820, 0.042940, 0.968881},
}

func toLinear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func simulate(c color.RGBA) [3]float64 {
	in := [3]float64{toLinear(c.R), toLinear(c.G), toLinear(c.B)}
	var out [3]float64
	for i := range out {
		for j := range in {
			out[i] += deuteranopia[i][j] * in[j]
		}
		out[i] = math.Min(1, math.Max(0, out[i]))
	}
	return out
}

// lab converts linear RGB (sRGB primaries, D65) to CIE L*a*b*.
func lab(c [3]float64) [3]float64 {
	x := 0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]
	y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	z := 0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x/0.95047), f(y), f(z/1.08883)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

func linear(c color.RGBA) [3]float64 { return [3]float64{toLinear(c.R), toLinear(c.G), toLinear(c.B)} }

// TestDivergingUnderDeuteranopia simulates deuteranopia on the maps'
// diverging margin scale (candidate 0 against candidate 1) and checks
// that its two ends stay far apart (CIE76 ΔE over 40, where about 2 is
// just noticeable) and that every class stays apart from its neighbour.
// The check can fail: a red-green scale's ends collapse under the same
// simulation, which the test asserts too.
func TestDivergingUnderDeuteranopia(t *testing.T) {
	breaks := []float64{-20, -10, -5, 0, 5, 10, 20}
	s := palette.DivergingScale(palette.Candidate(1), palette.Candidate(0), breaks)
	require.Len(t, s.Colors, len(breaks)+1)
	ends := deltaE(lab(simulate(s.Colors[0])), lab(simulate(s.Colors[len(s.Colors)-1])))
	assert.Greater(t, ends, 40.0, "ends of the diverging scale under deuteranopia")
	for i := 1; i < len(s.Colors); i++ {
		d := deltaE(lab(simulate(s.Colors[i-1])), lab(simulate(s.Colors[i])))
		assert.Greater(t, d, 3.0, "classes %d and %d under deuteranopia", i-1, i)
	}
	red := color.RGBA{R: 0xD0, G: 0x30, B: 0x30, A: 0xFF}
	green := color.RGBA{R: 0x30, G: 0x90, B: 0x30, A: 0xFF}
	seen := deltaE(lab(linear(red)), lab(linear(green)))
	blind := deltaE(lab(simulate(red)), lab(simulate(green)))
	assert.Less(t, blind, seen/3, "a red-green pair (ΔE %.0f seen normally) should nearly collapse under deuteranopia (ΔE %.0f)", seen, blind)
}

func TestScale(t *testing.T) {
	s := palette.DivergingScale(palette.Candidate(1), palette.Candidate(0), []float64{-10, 0, 10})
	require.Len(t, s.Colors, 4)
	assert.Equal(t, palette.Candidate(1), s.Color(-50), "far below: the negative colour")
	assert.Equal(t, palette.Candidate(0), s.Color(10), "at the last break: the positive colour")
	assert.NotEqual(t, s.Color(-1), s.Color(1), "the two sides of zero differ")
	q := palette.SequentialScale(palette.Candidate(2), []float64{0.5, 0.9})
	assert.Equal(t, palette.Candidate(2), q.Color(0.95))
	c, err := palette.ParseColor("#e4003b")
	require.NoError(t, err)
	assert.Equal(t, color.RGBA{0xE4, 0x00, 0x3B, 0xFF}, c)
	_, err = palette.ParseColor("red")
	assert.Error(t, err)
}
