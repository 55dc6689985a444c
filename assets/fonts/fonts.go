// Package fonts holds the fonts the app draws and measures text with: the
// Go fonts (golang.org/x/image/font/gofont, by Bigelow & Holmes, under the
// licence in LICENSE) without their TrueType hinting programs, which the
// pure-Go rasterizer never runs. Stripping them halves the fonts' share
// of the browser's download and changes no pixel (internal/ttfstrip's
// tests compare every glyph's outline).
package fonts

import _ "embed"

//go:generate go run ../../internal/genfont

// Regular is Go Regular.
//
//go:embed Go-Regular.ttf
var Regular []byte

// Bold is Go Bold.
//
//go:embed Go-Bold.ttf
var Bold []byte
