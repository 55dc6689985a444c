package chart

// SetSVGEmbedFonts turns font embedding in SVG files on or off, and
// returns the previous setting, for golden files that stay small.
func SetSVGEmbedFonts(v bool) bool {
	old := svgEmbedFonts
	svgEmbedFonts = v
	return old
}
