package palette

import "image/color"

// candidates lists the colour of each candidate by its index in
// sim.Tally.Candidates.
var candidates = [...]color.RGBA{
	{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
	{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}, // vermillion
	{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
	{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}, // orange
	{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
	{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}, // sky blue
	{R: 0x6E, G: 0x4B, B: 0x2A, A: 0xFF}, // brown
}

// greys are used, in turn, for candidates beyond the named colours.
var greys = [...]color.RGBA{
	{R: 0x88, G: 0x88, B: 0x88, A: 0xFF},
	{R: 0xA8, G: 0xA8, B: 0xA8, A: 0xFF},
	{R: 0x70, G: 0x70, B: 0x70, A: 0xFF},
}

// Named colours for everything that is not a candidate.
var (
	// Background is the page or card background.
	Background = color.RGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}
	// Panel is a slightly darker background for panels and bands.
	Panel = color.RGBA{R: 0xF3, G: 0xF3, B: 0xF1, A: 0xFF}
	// Text is the colour of titles, labels and numbers.
	Text = color.RGBA{R: 0x1A, G: 0x1A, B: 0x1A, A: 0xFF}
	// TextMuted is the colour of footers, notes and axis ticks.
	TextMuted = color.RGBA{R: 0x5C, G: 0x5C, B: 0x5C, A: 0xFF}
	// Grid is the colour of grid lines and axes.
	Grid = color.RGBA{R: 0xD9, G: 0xD9, B: 0xD9, A: 0xFF}
	// Neutral is the colour of things that belong to no candidate:
	// "others", missing units, a zero line.
	Neutral = color.RGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xFF}
	// Highlight marks a point of interest, such as a break-even point.
	// It is black, the Okabe–Ito colour not used by any candidate.
	Highlight = color.RGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xFF}
	// Impossible shades a zone that no real count can reach (a split
	// that needs negative votes). It is a translucent grey (#404040 at
	// 25% opacity), premultiplied as color.RGBA requires.
	Impossible = color.RGBA{R: 0x10, G: 0x10, B: 0x10, A: 0x40}
	// Claimed marks announced figures (a council's bulletin) when drawn
	// beside counted ones; charts draw claims hatched or outlined in the
	// candidate's colour, and use Claimed for their legend swatch.
	Claimed = color.RGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xFF}
)

// NamedCandidates is the number of candidates with a colour of their own;
// candidates beyond it get greys.
const NamedCandidates = len(candidates)

// Candidate returns the colour of the candidate at index i of
// sim.Tally.Candidates. Indexes beyond the named colours cycle through
// greys; a negative index gets Neutral.
func Candidate(i int) color.RGBA {
	switch {
	case i < 0:
		return Neutral
	case i < len(candidates):
		return candidates[i]
	default:
		return greys[(i-len(candidates))%len(greys)]
	}
}

// Of returns the colour of candidate i as Candidate does, but Neutral for
// a candidate that lumped marks (sim.Tally.Lumped: a column adding up
// several candidates is a remainder, never drawn as a contestant).
func Of(i int, lumped []bool) color.RGBA {
	if i >= 0 && i < len(lumped) && lumped[i] {
		return Neutral
	}
	return Candidate(i)
}

// Tint returns c mixed with white: f = 0 gives c, f = 1 gives white. Use
// it for fills behind text, such as a candidate's band in a table. f is
// clamped to [0,1].
func Tint(c color.RGBA, f float64) color.RGBA {
	if f < 0 {
		f = 0
	}
	if f > 1 {
		f = 1
	}
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*f + 0.5) }
	return color.RGBA{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: c.A}
}

// WithAlpha returns c with alpha a, premultiplied as color.RGBA requires.
func WithAlpha(c color.RGBA, a uint8) color.RGBA {
	scale := func(v uint8) uint8 { return uint8(uint32(v) * uint32(a) / 255) }
	return color.RGBA{R: scale(c.R), G: scale(c.G), B: scale(c.B), A: a}
}

// Sequential returns a colour on a light-to-dark ramp of the candidate's
// colour for t in [0,1] (0 palest, 1 the full colour), for heatmaps such
// as the turnout × share fingerprint. t is clamped to [0,1].
func Sequential(i int, t float64) color.RGBA {
	return Tint(Candidate(i), 0.92*(1-clamp01(t)))
}

func clamp01(t float64) float64 {
	if t < 0 {
		return 0
	}
	if t > 1 {
		return 1
	}
	return t
}
