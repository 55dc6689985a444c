package palette_test

import (
	"image/color"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tallyscope/tallyscope/internal/palette"
)

func TestCandidate(t *testing.T) {
	tests := []struct {
		name string
		i    int
		want color.RGBA
	}{
		{"first is blue", 0, color.RGBA{0x00, 0x72, 0xB2, 0xFF}},
		{"second is vermillion", 1, color.RGBA{0xD5, 0x5E, 0x00, 0xFF}},
		{"negative is neutral", -1, palette.Neutral},
		{"beyond named cycles greys", palette.NamedCandidates, color.RGBA{0x88, 0x88, 0x88, 0xFF}},
		{"greys cycle", palette.NamedCandidates + 3, color.RGBA{0x88, 0x88, 0x88, 0xFF}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, palette.Candidate(tt.i), "Candidate(%d)", tt.i)
		})
	}
}

// TestCandidatesDistinct checks that the named candidate colours are far
// apart from each other and from the background, so that no two candidates
// can be confused and none vanishes on white.
func TestCandidatesDistinct(t *testing.T) {
	dist := func(a, b color.RGBA) float64 {
		dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
		return math.Sqrt(dr*dr + dg*dg + db*db)
	}
	for i := 0; i < palette.NamedCandidates; i++ {
		c := palette.Candidate(i)
		assert.Equal(t, uint8(0xFF), c.A, "candidate %d is opaque", i)
		assert.Greater(t, dist(c, palette.Background), 120.0, "candidate %d stands out on the background", i)
		for j := i + 1; j < palette.NamedCandidates; j++ {
			assert.Greater(t, dist(c, palette.Candidate(j)), 60.0, "candidates %d and %d differ", i, j)
		}
	}
}

func TestPremultiplied(t *testing.T) {
	for name, c := range map[string]color.RGBA{
		"Background": palette.Background, "Panel": palette.Panel, "Text": palette.Text,
		"TextMuted": palette.TextMuted, "Grid": palette.Grid, "Neutral": palette.Neutral,
		"Highlight": palette.Highlight, "Impossible": palette.Impossible, "Claimed": palette.Claimed,
	} {
		assert.True(t, c.R <= c.A && c.G <= c.A && c.B <= c.A, "%s is a valid premultiplied colour: %v", name, c)
	}
}

func TestTint(t *testing.T) {
	blue := palette.Candidate(0)
	tests := []struct {
		name string
		f    float64
		want color.RGBA
	}{
		{"zero keeps the colour", 0, blue},
		{"one is white", 1, color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}},
		{"clamped above", 2, color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}},
		{"clamped below", -1, blue},
		{"half", 0.5, color.RGBA{0x80, 0xB9, 0xD9, 0xFF}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, palette.Tint(blue, tt.f), "Tint(blue, %v)", tt.f)
		})
	}
}

func TestWithAlpha(t *testing.T) {
	c := palette.WithAlpha(palette.Candidate(1), 0x80)
	assert.Equal(t, color.RGBA{0x6A, 0x2F, 0x00, 0x80}, c)
	assert.Equal(t, palette.Candidate(1), palette.WithAlpha(palette.Candidate(1), 0xFF))
}

func TestSequential(t *testing.T) {
	assert.Equal(t, palette.Candidate(0), palette.Sequential(0, 1), "t=1 is the full colour")
	assert.Equal(t, palette.Sequential(0, 0), palette.Sequential(0, -3), "t is clamped")
	pale := palette.Sequential(0, 0)
	assert.Greater(t, int(pale.R), 230, "t=0 is pale: %v", pale)
}
