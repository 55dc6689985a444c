package chart

import (
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
)

// Fonts: the Go fonts (Go Regular and Go Bold), the ones the interactive
// app draws with, so that a chart and the app look alike. They cover
// Latin-1 and more (accents, ñ, ², ×, –, ·). An SVG embeds them (see
// Write), so that it looks the same where they are not installed.
var (
	fontRegular = font.Font{Typeface: "Go"}
	fontBold    = font.Font{Typeface: "Go", Weight: xfont.WeightBold}
	handler     = text.Plain{Fonts: goFonts()}
)

func goFonts() *font.Cache {
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic("chart: the embedded Go Regular font does not parse: " + err.Error())
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic("chart: the embedded Go Bold font does not parse: " + err.Error())
	}
	return font.NewCache(font.Collection{{Font: fontRegular, Face: reg}, {Font: fontBold, Face: bold}})
}

// Type sizes in points. A page is about 600 points wide (see Size), so a
// social card at 1,200 pixels draws body text 20 pixels high.
const (
	sizeTitle    = 15
	sizeSubtitle = 9.5
	sizeLabel    = 9
	sizeTick     = 8.5
	sizeNote     = 8
	sizeFooter   = 6.5
)

func style(size vg.Length, c color.Color, bold bool) text.Style {
	f := fontRegular
	if bold {
		f = fontBold
	}
	return text.Style{
		Color:   c,
		Font:    font.From(f, size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: handler,
	}
}

// newPlot returns a plot in the house style: Liberation Sans, palette
// colours, light axes, the title (headline and subtitle lines) set.
func newPlot(lines ...string) *plot.Plot {
	p := plot.New()
	p.TextHandler = handler
	p.BackgroundColor = palette.Background
	p.Title.Text = joinLines(lines)
	p.Title.TextStyle = style(sizeTitle, palette.Text, true)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = style(sizeLabel, palette.Text, false)
		a.Label.TextStyle.XAlign = draw.XCenter
		a.Tick.Label = style(sizeTick, palette.TextMuted, false)
		a.Tick.Length = 3
		a.Tick.LineStyle = draw.LineStyle{Color: palette.Grid, Width: 0.5}
		a.LineStyle = draw.LineStyle{Color: palette.TextMuted, Width: 0.5}
		a.Padding = 2
		a.Label.Padding = 3
	}
	p.X.Label.TextStyle.YAlign = draw.YBottom
	p.X.Tick.Label.XAlign = draw.XCenter
	p.X.Tick.Label.YAlign = draw.YTop
	p.Y.Label.TextStyle.YAlign = draw.YBottom
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter
	p.Legend.TextStyle = style(sizeNote, palette.Text, false)
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.ThumbnailWidth = 10
	p.Legend.Padding = 2
	return p
}

func joinLines(lines []string) string {
	s := ""
	for i, l := range lines {
		if l == "" {
			continue
		}
		if i > 0 && s != "" {
			s += "\n"
		}
		s += l
	}
	return s
}

// ticks is a plot.Ticker that places DefaultTicks and labels them with a
// language's number format.
type ticks struct {
	label func(float64) string
	// step, when positive, places ticks at multiples of step instead.
	step float64
}

func (t ticks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	if t.step > 0 {
		start := math.Ceil(min/t.step-1e-9) * t.step
		for v := start; v <= max+t.step*1e-9; v += t.step {
			if math.Abs(v) < t.step*1e-9 {
				v = 0
			}
			ts = append(ts, plot.Tick{Value: v, Label: t.label(v)})
		}
		return ts
	}
	for _, tk := range (plot.DefaultTicks{}).Ticks(min, max) {
		if tk.Label != "" {
			tk.Label = t.label(tk.Value)
		}
		ts = append(ts, tk)
	}
	return ts
}

// noTicks hides an axis's ticks (a categorical axis draws its own labels).
type noTicks struct{}

func (noTicks) Ticks(float64, float64) []plot.Tick { return nil }

// percentTicks labels values given in per cent (0..100).
func percentTicks(l i18n.Lang, step float64) ticks {
	return ticks{step: step, label: func(v float64) string { return l.Percent(v/100, decimalsFor(step)) }}
}

// ppTicks labels margins in percentage points.
func ppTicks(l i18n.Lang, step float64) ticks {
	return ticks{step: step, label: func(v float64) string { return l.PP(v, decimalsFor(step)) }}
}

// signedCountTicks labels signed vote counts compactly with a plus sign.
func signedCountTicks(l i18n.Lang, step float64) ticks {
	return ticks{step: step, label: func(v float64) string {
		s := l.Compact(int64(math.Round(v)))
		if v > 0 {
			s = "+" + s
		}
		return s
	}}
}

func intTicks(l i18n.Lang, step float64) ticks {
	return ticks{step: step, label: func(v float64) string { return l.Int(int64(math.Round(v))) }}
}

// decimalsFor returns how many decimals tick labels at multiples of step
// need: 0 for 5, 1 for 0.5 or 2.5, 2 for 0.25.
func decimalsFor(step float64) int {
	if !(step > 0) {
		return 0
	}
	for d := 0; d < 4; d++ {
		v := step * math.Pow(10, float64(d))
		if math.Abs(v-math.Round(v)) < 1e-6*v {
			return d
		}
	}
	return 4
}

// niceStep returns a round step (1, 2, 2.5 or 5 times a power of ten) that
// cuts span into about n intervals.
func niceStep(span float64, n int) float64 {
	if !(span > 0) || n < 1 {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// gridLines is a plot.Plotter drawing light grid lines at the major ticks
// of the X or Y axis.
type gridLines struct{ vertical, horizontal bool }

func (g gridLines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := draw.LineStyle{Color: palette.Grid, Width: 0.5}
	if g.vertical {
		for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
			if tk.IsMinor() || tk.Value < p.X.Min || tk.Value > p.X.Max {
				continue
			}
			x := trX(tk.Value)
			c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
		}
	}
	if g.horizontal {
		for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			if tk.IsMinor() || tk.Value < p.Y.Min || tk.Value > p.Y.Max {
				continue
			}
			y := trY(tk.Value)
			c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
		}
	}
}

func vgLen(v float64) vg.Length { return vg.Length(v) }
