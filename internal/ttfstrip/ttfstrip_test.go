package ttfstrip_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/tallyscope/tallyscope/internal/ttfstrip"
)

// TestSameOutlines checks, for every glyph of both Go fonts, that the
// stripped font gives the same outline, advance and bounds at several
// sizes, the same metrics and the same character map (the Go fonts have
// no kerning tables), so that the app draws and
// measures text exactly as with the original.
func TestSameOutlines(t *testing.T) {
	for name, ttf := range map[string][]byte{"Go-Regular": goregular.TTF, "Go-Bold": gobold.TTF} {
		stripped, err := ttfstrip.Strip(ttf)
		require.NoError(t, err, name)
		assert.Less(t, len(stripped), len(ttf)*6/10, "%s: %d bytes stripped, %d before", name, len(stripped), len(ttf))
		a, err := sfnt.Parse(ttf)
		require.NoError(t, err, name)
		b, err := sfnt.Parse(stripped)
		require.NoError(t, err, name+" stripped")
		require.Equal(t, a.NumGlyphs(), b.NumGlyphs(), name)
		var ba, bb sfnt.Buffer
		for _, ppem := range []fixed.Int26_6{fixed.I(11), fixed.I(16), fixed.I(38)} {
			ma, err := a.Metrics(&ba, ppem, font.HintingFull)
			require.NoError(t, err)
			mb, err := b.Metrics(&bb, ppem, font.HintingFull)
			require.NoError(t, err)
			assert.Equal(t, ma, mb, "%s metrics at %v", name, ppem)
			for g := 0; g < a.NumGlyphs(); g++ {
				x := sfnt.GlyphIndex(g)
				sa, err := a.LoadGlyph(&ba, x, ppem, nil)
				require.NoError(t, err, "%s glyph %d", name, g)
				sa = append(sfnt.Segments(nil), sa...)
				sb, err := b.LoadGlyph(&bb, x, ppem, nil)
				require.NoError(t, err, "%s stripped glyph %d", name, g)
				require.True(t, slices.Equal(sa, sb), "%s glyph %d at %v: %v, stripped %v", name, g, ppem, sa, sb)
				aa, err := a.GlyphAdvance(&ba, x, ppem, font.HintingFull)
				require.NoError(t, err)
				ab, err := b.GlyphAdvance(&bb, x, ppem, font.HintingFull)
				require.NoError(t, err)
				require.Equal(t, aa, ab, "%s advance of glyph %d", name, g)
			}
		}
		for _, r := range "Tallyscope ñáéíóú¿¡–—…·×≥≤→€" {
			ia, err := a.GlyphIndex(&ba, r)
			require.NoError(t, err)
			ib, err := b.GlyphIndex(&bb, r)
			require.NoError(t, err)
			assert.Equal(t, ia, ib, "%s glyph of %q", name, r)
		}
	}
}

func TestBadFonts(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"otf":       append([]byte("OTTO"), make([]byte, 20)...),
		"truncated": goregular.TTF[:200],
	} {
		_, err := ttfstrip.Strip(b)
		assert.ErrorIs(t, err, ttfstrip.ErrFont, name)
	}
}
