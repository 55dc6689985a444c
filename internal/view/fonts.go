package view

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"github.com/tallyscope/tallyscope/assets/fonts"
)

// Style is a font style.
type Style int

// The font styles.
const (
	Regular Style = iota
	Bold
)

// Fonts measures text with the embedded Go fonts (package assets/fonts,
// which cover Spanish) and
// hands out font.Face values by style and pixel size, cached. The zero
// value is not ready; use NewFonts. A Fonts is not safe for concurrent use.
type Fonts struct {
	fonts [2]*opentype.Font
	faces map[faceKey]font.Face
}

type faceKey struct {
	style Style
	px    int
}

// NewFonts parses the embedded fonts.
func NewFonts() (*Fonts, error) {
	f := &Fonts{faces: map[faceKey]font.Face{}}
	for i, ttf := range [][]byte{fonts.Regular, fonts.Bold} {
		p, err := opentype.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("layout: parse font: %w", err)
		}
		f.fonts[i] = p
	}
	return f, nil
}

// Face returns the face of the style at size px (device pixels, rounded).
func (f *Fonts) Face(s Style, px float64) font.Face {
	k := faceKey{s, int(math.Round(px))}
	if k.px < 4 {
		k.px = 4
	}
	if fc, ok := f.faces[k]; ok {
		return fc
	}
	fc, err := opentype.NewFace(f.fonts[s], &opentype.FaceOptions{Size: float64(k.px), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		// The fonts are embedded and parsed above: NewFace fails only
		// for invalid options, which the clamp above rules out.
		panic(err)
	}
	f.faces[k] = fc
	return fc
}

// Width returns the advance width of s in device pixels.
func (f *Fonts) Width(s Style, px float64, str string) float64 {
	return float64(font.MeasureString(f.Face(s, px), str)) / 64
}

// Fit returns str, shortened with an ellipsis if needed, so that it is at
// most w pixels wide.
func (f *Fonts) Fit(s Style, px float64, str string, w float64) string {
	if f.Width(s, px, str) <= w {
		return str
	}
	r := []rune(str)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.Width(s, px, string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// Wrap breaks str into lines at most w pixels wide, at spaces; a word wider
// than w is shortened with an ellipsis.
func (f *Fonts) Wrap(s Style, px float64, str string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(str, "\n") {
		// Split at plain spaces only: a no-break space (as in
		// "67,08 %") keeps its neighbours together.
		words := strings.FieldsFunc(para, func(r rune) bool { return r == ' ' || r == '\t' })
		line := ""
		for _, piece := range f.pieces(s, px, words, w) {
			wd := piece.s
			try := wd
			if line != "" && piece.glued {
				try = line + wd
			} else if line != "" {
				try = line + " " + wd
			}
			if f.Width(s, px, try) <= w {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			line = f.Fit(s, px, wd, w)
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// piece is a word, or part of a word too wide for a line; glued pieces
// follow the previous one with no space.
type piece struct {
	s     string
	glued bool
}

// pieces splits the words wider than w after their commas, semicolons and
// slashes ("when,what,where" as a list of columns), so that a long list
// wraps instead of being cut.
func (f *Fonts) pieces(s Style, px float64, words []string, w float64) []piece {
	out := make([]piece, 0, len(words))
	for _, wd := range words {
		if f.Width(s, px, wd) <= w || !strings.ContainsAny(wd, ",;/") {
			out = append(out, piece{s: wd})
			continue
		}
		glued := false
		for wd != "" {
			i := strings.IndexAny(wd, ",;/")
			if i < 0 || i == len(wd)-1 {
				out = append(out, piece{s: wd, glued: glued})
				break
			}
			out = append(out, piece{s: wd[:i+1], glued: glued})
			wd, glued = wd[i+1:], true
		}
	}
	return out
}
