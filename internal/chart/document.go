package chart

import (
	"fmt"
	"io"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"

	"github.com/tallyscope/tallyscope/internal/palette"
)

// Paper sizes for documents of several pages (WriteDocument), in points.
var (
	A4     = Size{Name: "a4", Width: 595.28, Height: 841.89, DPI: 72}
	Letter = Size{Name: "letter", Width: 612, Height: 792, DPI: 72}
)

// ParsePaper returns the paper named s ("a4", "letter").
func ParsePaper(s string) (Size, error) {
	switch s {
	case "a4", "A4":
		return A4, nil
	case "letter", "Letter":
		return Letter, nil
	}
	return Size{}, fmt.Errorf("%w: paper %q (a4 or letter)", ErrSize, s)
}

// Page is one page of a printed document: a small line above a title,
// paragraphs, ruled lines to write on, and a chart with its headline and
// footer below them.
type Page struct {
	// Kicker is a small line above the title ("Reading a disputed count ·
	// step 2 of 5").
	Kicker string
	Title  string
	// Paragraphs are drawn in order; a Label is set in bold before its
	// text ("Question:").
	Paragraphs []Paragraph
	// AnswerLines is the number of ruled lines left for writing.
	AnswerLines int
	// Plot is the chart, drawn as Write draws it with Footer; nil for a
	// page of text.
	Plot   *plot.Plot
	Footer Footer
}

// Paragraph is a block of text, with an optional bold label.
type Paragraph struct {
	Label, Text string
}

// WriteDocument writes pages as one PDF on paper of the given size.
func WriteDocument(w io.Writer, pages []Page, paper Size) error {
	if len(pages) == 0 {
		return ErrNoData
	}
	if !(paper.Width > 0 && paper.Height > 0) {
		return fmt.Errorf("%w: %v × %v points", ErrSize, paper.Width, paper.Height)
	}
	c := vgpdf.New(paper.Width, paper.Height)
	for i, p := range pages {
		if i > 0 {
			c.NextPage()
		}
		drawDocPage(draw.New(pdfCanvas{c}), p)
	}
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: writing pdf: %w", err)
	}
	return nil
}

// Sizes of a document's text, in points.
const (
	docMargin = 48
	docKicker = 9
	docTitle  = 18
	docBody   = 11
	docRule   = 22 // the height of a ruled answer line
)

// drawDocPage lays out one page: text from the top, the chart in what is
// left below it.
func drawDocPage(c draw.Canvas, p Page) {
	c.SetColor(palette.Background)
	c.Fill(c.Rectangle.Path())
	inner := draw.Crop(c, docMargin, -docMargin, docMargin, -docMargin)
	width := inner.Max.X - inner.Min.X
	y := inner.Max.Y
	line := func(sty text.Style, s string) {
		for _, wl := range wrap(sty, s, width) {
			y -= lineHeight(sty) * 1.15
			inner.FillText(sty, vg.Point{X: inner.Min.X, Y: y}, wl)
		}
	}
	if p.Kicker != "" {
		line(style(docKicker, palette.TextMuted, false), p.Kicker)
		y -= 4
	}
	line(style(docTitle, palette.Text, true), p.Title)
	y -= 8
	body, bold := style(docBody, palette.Text, false), style(docBody, palette.Text, true)
	for _, par := range p.Paragraphs {
		if par.Label != "" {
			line(bold, par.Label)
		}
		line(body, par.Text)
		y -= 8
	}
	for range p.AnswerLines {
		y -= docRule
		inner.StrokeLine2(draw.LineStyle{Color: palette.Grid, Width: 0.6}, inner.Min.X, y, inner.Max.X, y)
	}
	if p.Plot == nil {
		return
	}
	y -= 16
	area := inner
	area.Max.Y = y
	if h := area.Max.Y - area.Min.Y; h < 120 {
		return // no room left for a chart; the text stays whole
	} else if h > width*0.8 {
		// Keep the chart's shape close to the screen's.
		area.Min.Y = area.Max.Y - width*0.8
	}
	drawPage(area, p.Plot, p.Footer)
}
