package chart

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	xfont "golang.org/x/image/font"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
)

// Errors returned by the package.
var (
	// ErrNoData means there is nothing to draw: no units, no regions, no
	// registered voters for a turnout chart, no runs for a distribution.
	ErrNoData = errors.New("chart: no data to draw")
	// ErrKind means the chart kind is unknown.
	ErrKind = errors.New("chart: unknown chart kind")
	// ErrFormat means the output format is unknown.
	ErrFormat = errors.New("chart: unknown output format")
	// ErrSize means a page size is invalid.
	ErrSize = errors.New("chart: invalid size")
)

// Format is an output file format.
type Format string

// The output formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
	PDF Format = "pdf"
)

// Formats lists the output formats.
var Formats = []Format{PNG, SVG, PDF}

// ParseFormat returns the format named by s ("png", "SVG") or by a file
// name's extension ("chart.pdf").
func ParseFormat(s string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		n = n[i+1:]
	}
	for _, f := range Formats {
		if n == string(f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w: %q (use png, svg or pdf)", ErrFormat, s)
}

// Size is a page size: width and height in points (1/72 inch) and the
// resolution a PNG is drawn at. The layout, and so the look of a chart,
// depends on the size in points; DPI only sets how many pixels a PNG has.
type Size struct {
	Name          string
	Width, Height vg.Length
	DPI           int
}

// Pixels returns the size of a PNG drawn at s.
func (s Size) Pixels() (w, h int) {
	return int(math.Round(s.Width.Points() * float64(s.DPI) / 72)), int(math.Round(s.Height.Points() * float64(s.DPI) / 72))
}

// The size presets.
var (
	// Column fits an article column: 540 × 360 points, a 1,440 × 960 PNG
	// (720 × 480 CSS pixels on a high-density screen).
	Column = Size{Name: "column", Width: 540, Height: 360, DPI: 192}
	// Social is a social-media card: a 1,200 × 675 PNG.
	Social = Size{Name: "social", Width: 600, Height: 337.5, DPI: 144}
	// Print is a 7 × 4.5 inch figure at 300 dpi (2,100 × 1,350 pixels).
	Print = Size{Name: "print", Width: 504, Height: 324, DPI: 300}
)

// Sizes lists the presets.
var Sizes = []Size{Column, Social, Print}

// pageWidth is the width in points a custom pixel size is laid out at, so
// that text keeps the same proportion of the page at any resolution.
const pageWidth = 600

// ParseSize returns a preset by name ("social") or a custom size in
// pixels ("1200x675"). A custom size is laid out 600 points wide (or at
// 72 dpi when it is narrower than 600 pixels), so its text is as large,
// relative to the image, as on the social card.
func ParseSize(s string) (Size, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	for _, p := range Sizes {
		if n == p.Name {
			return p, nil
		}
	}
	ws, hs, ok := strings.Cut(n, "x")
	w, errW := strconv.Atoi(strings.TrimSpace(ws))
	h, errH := strconv.Atoi(strings.TrimSpace(hs))
	if !ok || errW != nil || errH != nil {
		return Size{}, fmt.Errorf("%w: %q (use column, social, print or WIDTHxHEIGHT in pixels)", ErrSize, s)
	}
	if w < 200 || h < 150 || w > 20000 || h > 20000 {
		return Size{}, fmt.Errorf("%w: %dx%d pixels (each side must be 200-20000 pixels wide, 150-20000 high)", ErrSize, w, h)
	}
	dpi := 72.0
	if w > pageWidth {
		dpi = 72 * float64(w) / pageWidth
	}
	d := int(math.Round(dpi))
	return Size{Name: fmt.Sprintf("%dx%d", w, h), Width: vg.Length(float64(w) * 72 / float64(d)), Height: vg.Length(float64(h) * 72 / float64(d)), DPI: d}, nil
}

// Footer names what a chart was made from, so that it can be cited and
// reproduced. Empty fields are left out.
type Footer struct {
	Lang i18n.Lang
	// Source describes the data ("resultadosconvzla.com, file V2").
	Source string
	// Digest is the hex sha256 of the data set; the footer shows its
	// first 12 digits.
	Digest string
	// Scenario is the scenario's compact string (scenario.Scenario.String).
	Scenario string
	// Version is Tallyscope's version.
	Version string
}

// DigestPrefix is how many hex digits of the data set's sha256 a footer
// shows.
const DigestPrefix = 12

func (f Footer) lines() []string {
	var first []string
	if f.Source != "" {
		first = append(first, f.Lang.T(i18n.ChSource)+": "+f.Lang.Data(f.Source))
	}
	if f.Digest != "" {
		d := f.Digest
		if len(d) > DigestPrefix {
			d = d[:DigestPrefix]
		}
		first = append(first, "sha256 "+d)
	}
	if f.Version != "" {
		first = append(first, "Tallyscope "+f.Version)
	}
	var out []string
	if len(first) > 0 {
		out = append(out, strings.Join(first, " · "))
	}
	if f.Scenario != "" {
		out = append(out, f.Lang.T(i18n.ChScenario)+" "+f.Scenario)
	}
	return out
}

// Write draws p on a page of the given size, with its title lines as a
// headline and subtitle and the footer at the bottom, and writes the page
// to w in the given format. It touches no file.
func Write(w io.Writer, p *plot.Plot, format Format, size Size, foot Footer) error {
	if p == nil {
		return ErrNoData
	}
	if !(size.Width > 0 && size.Height > 0) || size.DPI <= 0 {
		return fmt.Errorf("%w: %v × %v points at %d dpi", ErrSize, size.Width, size.Height, size.DPI)
	}
	var cw vg.CanvasWriterTo
	switch format {
	case PNG:
		cw = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(size.Width, size.Height), vgimg.UseDPI(size.DPI), vgimg.UseBackgroundColor(palette.Background))}
	case SVG:
		cw = vgsvg.NewWith(vgsvg.UseWH(size.Width, size.Height), vgsvg.EmbedFonts(svgEmbedFonts))
	case PDF:
		cw = pdfCanvas{vgpdf.New(size.Width, size.Height)}
	default:
		return fmt.Errorf("%w: %q", ErrFormat, format)
	}
	drawPage(draw.New(cw), p, foot)
	if _, err := cw.WriteTo(w); err != nil {
		return fmt.Errorf("chart: writing %s: %w", format, err)
	}
	return nil
}

// svgEmbedFonts makes SVG files carry their fonts, so that they look the
// same everywhere; the golden tests turn it off to keep their files small.
var svgEmbedFonts = true

// margin is the white space around a page, in points.
const margin = 12

// drawPage lays out the headline, the plot and the footer.
func drawPage(c draw.Canvas, p *plot.Plot, foot Footer) {
	c.SetColor(palette.Background)
	c.Fill(c.Rectangle.Path())
	inner := draw.Crop(c, margin, -margin, margin*0.75, -margin)
	width := inner.Max.X - inner.Min.X

	// Headline: the title's first line, bold; then the subtitle lines.
	y := inner.Max.Y
	lines := strings.Split(p.Title.Text, "\n")
	title := style(sizeTitle, palette.Text, true)
	sub := style(sizeSubtitle, palette.TextMuted, false)
	for i, l := range lines {
		if l == "" {
			continue
		}
		sty := sub
		if i == 0 {
			sty = title
		}
		for _, wl := range wrap(sty, l, width) {
			y -= lineHeight(sty)
			inner.FillText(sty, vg.Point{X: inner.Min.X, Y: y}, wl)
		}
		if i == 0 {
			y -= 2
		}
	}
	y -= 6

	// Footer: a thin rule and small muted lines, from the bottom up.
	fs := style(sizeFooter, palette.TextMuted, false)
	var flines []string
	for _, l := range foot.lines() {
		flines = append(flines, wrap(fs, l, width)...)
	}
	bottom := inner.Min.Y
	for i := len(flines) - 1; i >= 0; i-- {
		inner.FillText(fs, vg.Point{X: inner.Min.X, Y: bottom + fs.FontExtents().Descent}, flines[i])
		bottom += lineHeight(fs)
	}
	if len(flines) > 0 {
		bottom += 3
		inner.StrokeLine2(draw.LineStyle{Color: palette.Grid, Width: 0.5}, inner.Min.X, bottom, inner.Max.X, bottom)
		bottom += 4
	}

	area := inner
	area.Min.Y = bottom
	area.Max.Y = y
	if area.Max.Y-area.Min.Y < 20 {
		return // the page is too small for the plot; keep the text
	}
	q := *p
	q.Title.Text = ""
	q.Draw(area)
}

func lineHeight(s text.Style) vg.Length {
	e := s.FontExtents()
	return e.Height
}

// wrap breaks s into lines no wider than width, at spaces, or anywhere in
// a word longer than a line (such as a scenario string).
func wrap(sty text.Style, s string, width vg.Length) []string {
	if sty.Width(s) <= width {
		return []string{s}
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if sty.Width(try) <= width {
			line = try
			continue
		}
		if sty.Width(word) > width/2 && line != "" {
			// A very long word (a scenario string) starts on the current
			// line and continues on the next ones.
			word = line + " " + word
			line = ""
		}
		if line != "" {
			out = append(out, line)
			line = ""
		}
		for sty.Width(word) > width && len(word) > 1 {
			// Cut the longest prefix that fits, at a rune boundary.
			n := len(word)
			for n > 1 && (sty.Width(word[:n]) > width || !utf8.RuneStart(word[n%len(word)])) {
				n--
			}
			out = append(out, word[:n])
			word = word[n:]
		}
		line = word
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// pdfCanvas works around two limits of vgpdf (gonum/plot v0.17): it
// passes text to fpdf as UTF-8 while the fonts it embeds are encoded as
// Windows-1252, and every font of a document shares the first embedded font
// file (all are written as "font.z"). So text is converted to Windows-1252
// (characters outside it become "?"), and PDF pages draw every text in Go
// Regular, bold text twice, a hair apart, which reads as bold.
type pdfCanvas struct{ *vgpdf.Canvas }

var cp1252 = charmap.Windows1252.NewEncoder()

func (c pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	bold := f.Font.Weight == xfont.WeightBold
	if bold || f.Font.Typeface != fontRegular.Typeface {
		f = handler.Fonts.Lookup(fontRegular, f.Font.Size)
	}
	if enc, err := encoding.ReplaceUnsupported(cp1252).String(s); err == nil {
		s = enc
	}
	c.Canvas.FillString(f, pt, s)
	if bold {
		c.Canvas.FillString(f, vg.Point{X: pt.X + f.Font.Size/40, Y: pt.Y}, s)
	}
}
