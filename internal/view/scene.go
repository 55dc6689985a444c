package view

import (
	"fmt"
	"image/color"
	"math"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
)

// Breakpoint is the width, in dp, below which the layout is narrow.
const Breakpoint = 720

// Kind is what an Item paints.
type Kind int

// The item kinds.
const (
	// Fill paints R with Color.
	Fill Kind = iota
	// Stroke outlines R with a line of width Width.
	Stroke
	// Text paints Text in R (R is the measured box: top-left origin).
	Text
	// Line paints a line from (R.X, R.Y) to (R.Right(), R.Bottom()).
	Line
	// Points paints the dataset's scatter layer into R.
	Points
	// MapLayer paints the Map view's filled areas into R (Scene.Map).
	MapLayer
)

// Item is one thing to paint. Items are painted in order, each clipped to
// Clip when it is not empty.
type Item struct {
	Kind  Kind
	R     Rect
	Clip  Rect
	Color color.RGBA
	Text  string
	Style Style
	Size  float64
	Width float64
}

// Hit is a control: a place that reacts to a click, a tap or the keyboard.
type Hit struct {
	// ID names the control, stable across layouts, for keyboard focus.
	ID string
	R  Rect
	// Act is what activating the control does (nil for a pure slider).
	Act app.Action
	// Slider, when set, makes the control adjustable by dragging and by
	// the arrow keys.
	Slider *SliderHit
	// Scroll marks an area that scrolls by dragging or with the wheel.
	Scroll bool
	// Hidden marks a control scrolled out of view: it takes keyboard
	// focus (which scrolls it into view) but no clicks.
	Hidden bool
	// Full is the control's whole rectangle when scrolling cuts it (R is
	// then the visible part, or all of it when Hidden).
	Full Rect
	// Label is what the control says, for a screen reader: a button's
	// text, a slider's label with its value, a row's name.
	Label string
}

// SliderHit describes an adjustable control.
type SliderHit struct {
	Slider
	Cur, Step float64
	Set       func(v float64) app.Action
}

// Scene is the laid-out screen: what to paint and where the controls are.
type Scene struct {
	W, H float64
	// Scale is device pixels per layout point: the device's scale, times
	// ProjectorZoom in projector mode. DeviceScale is the device's alone
	// (device pixels per CSS pixel).
	Scale       float64
	DeviceScale float64
	Narrow      bool
	// Projector says the scene is laid out for a projector: large type,
	// high contrast, the scenario controls on their own tab.
	Projector bool
	Items     []Item
	Hits      []Hit
	// Main is the scrolling content area; MainHeight the height of its
	// content, for clamping the scroll.
	Main       Rect
	MainHeight float64
	// Plot is the scatter's plotting area, empty when not shown.
	Plot Rect
	// PointSize is the side of a scatter point in device pixels.
	PointSize float64
	// Map is the Map view's drawing area, nil when not shown.
	Map *MapScene
}

// Metrics are the design sizes in device pixels.
type Metrics struct {
	Scale                          float64
	Pad, Gap, Row                  float64
	Body, Small, H1, Headline      float64
	LineBody, LineSmall, LineH1    float64
	LineHeadline, Stroke, FocusPad float64
}

// NewMetrics returns the metrics for a screen w device pixels wide.
func NewMetrics(scale float64, narrow bool) Metrics {
	if scale <= 0 {
		scale = 1
	}
	m := Metrics{Scale: scale}
	dp := func(v float64) float64 { return math.Round(v * scale) }
	m.Pad, m.Gap, m.Row = dp(16), dp(8), dp(36)
	m.Body, m.Small, m.H1, m.Headline = dp(14), dp(12), dp(17), dp(22)
	if narrow {
		m.Pad, m.Row = dp(12), dp(40)
		m.Headline = dp(19)
	}
	m.LineBody, m.LineSmall = math.Round(m.Body*1.35), math.Round(m.Small*1.35)
	m.LineH1, m.LineHeadline = math.Round(m.H1*1.3), math.Round(m.Headline*1.25)
	m.Stroke = math.Max(1, dp(1))
	m.FocusPad = dp(2)
	return m
}

// builder accumulates a scene.
type builder struct {
	sc *Scene
	st *app.State
	f  *Fonts
	m  Metrics
	l  i18n.Lang
	// u names the data's units (tables, counties) in the strings.
	u i18n.Units
}

func (b *builder) t(k i18n.Key) string { return b.l.TU(k, b.u) }

func (b *builder) tf(k i18n.Key, args ...any) string { return b.l.TUf(k, b.u, args...) }

func (b *builder) fill(r Rect, c color.RGBA) {
	b.sc.Items = append(b.sc.Items, Item{Kind: Fill, R: r, Color: c})
}

func (b *builder) stroke(r Rect, c color.RGBA, w float64) {
	b.sc.Items = append(b.sc.Items, Item{Kind: Stroke, R: r, Color: c, Width: w})
}

func (b *builder) line(x0, y0, x1, y1 float64, c color.RGBA, w float64) {
	b.sc.Items = append(b.sc.Items, Item{Kind: Line, R: Rect{x0, y0, x1 - x0, y1 - y0}, Color: c, Width: w})
}

// text places s with its top-left at (x, y), shortened to fit width maxW,
// and returns its box.
func (b *builder) text(x, y float64, s string, st Style, size float64, c color.RGBA, maxW float64) Rect {
	if maxW > 0 {
		s = b.f.Fit(st, size, s, maxW)
	}
	if s == "" {
		return Rect{x, y, 0, 0}
	}
	w := b.f.Width(st, size, s)
	r := Rect{x, y, w, math.Round(size * 1.3)}
	b.sc.Items = append(b.sc.Items, Item{Kind: Text, R: r, Color: c, Text: s, Style: st, Size: size})
	return r
}

// textRight places s so that it ends at x.
func (b *builder) textRight(x, y float64, s string, st Style, size float64, c color.RGBA) Rect {
	w := b.f.Width(st, size, s)
	return b.text(x-w, y, s, st, size, c, 0)
}

// textCenter centres s in r vertically and horizontally.
func (b *builder) textCenter(r Rect, s string, st Style, size float64, c color.RGBA) Rect {
	s = b.f.Fit(st, size, s, r.W-2*b.m.Gap/2)
	w := b.f.Width(st, size, s)
	h := math.Round(size * 1.3)
	return b.text(r.X+(r.W-w)/2, r.Y+(r.H-h)/2, s, st, size, c, 0)
}

// para wraps s into width w from (x, y) and returns the height used.
func (b *builder) para(x, y, w float64, s string, st Style, size, lineH float64, c color.RGBA) float64 {
	lines := b.f.Wrap(st, size, s, w)
	for i, ln := range lines {
		b.text(x, y+float64(i)*lineH, ln, st, size, c, w)
	}
	return float64(len(lines)) * lineH
}

func (b *builder) hit(h Hit) { b.sc.Hits = append(b.sc.Hits, h) }

// button paints a button and registers it.
func (b *builder) button(id string, r Rect, label string, act app.Action, selected bool) {
	bg, fg := palette.Background, palette.Text
	if selected {
		bg, fg = palette.Text, palette.Background
	}
	b.fill(r, bg)
	b.stroke(r, palette.TextMuted, b.m.Stroke)
	b.textCenter(r, label, Regular, b.m.Body, fg)
	b.hit(Hit{ID: id, R: r, Act: act, Label: label})
}

// buttonWidth returns the width a button needs for label.
func (b *builder) buttonWidth(label string) float64 {
	pad := b.m.Pad * 0.75
	if b.sc.Narrow {
		pad = math.Round(8 * b.m.Scale)
	}
	return math.Ceil(b.f.Width(Regular, b.m.Body, label) + 2*pad)
}

// Build lays out the whole screen for a w×h device-pixel window at the
// given device scale factor.
func Build(st *app.State, w, h, scale float64, f *Fonts) *Scene {
	device := scale
	if st.Projector {
		scale *= ProjectorZoom
	}
	narrow := w/scale < Breakpoint
	b := &builder{sc: &Scene{W: w, H: h, Scale: scale, DeviceScale: device, Narrow: narrow, Projector: st.Projector}, st: st, f: f, m: NewMetrics(scale, narrow), l: st.Lang, u: i18n.Tables}
	if st.Data != nil {
		b.u = i18n.UnitsFor(st.Data.Tally.UnitLevel)
	}
	sc := b.finish(Rect{0, 0, w, h})
	if st.Projector {
		// High contrast: no grey text, and darker rules.
		for i := range sc.Items {
			switch sc.Items[i].Color {
			case palette.TextMuted:
				sc.Items[i].Color = palette.Text
			case palette.Grid:
				sc.Items[i].Color = palette.Neutral
			}
		}
	}
	return sc
}

// ProjectorZoom is how much larger projector mode draws everything: body
// text of 14 points becomes 22 device pixels per CSS pixel, about 1.2% of
// a 1080-pixel-high picture, which the 10-metre back row of a classroom
// with a 3-metre-wide screen reads (a letter 20 mm high at 10 m subtends
// about 7 arc minutes, above the 5 of normal acuity).
const ProjectorZoom = 1.6

// fresh returns a builder for an empty scene of the same size and mode,
// narrow or not: to measure what a part would take, or to lay the screen
// out again.
func (b *builder) fresh(narrow bool) *builder {
	sc := &Scene{W: b.sc.W, H: b.sc.H, Scale: b.sc.Scale, DeviceScale: b.sc.DeviceScale, Narrow: narrow, Projector: b.sc.Projector}
	return &builder{sc: sc, st: b.st, f: b.f, m: b.m, l: b.l, u: b.u}
}

// finish lays out the screen; sc.Narrow decides whether the scenario
// controls are a tab of their own.
func (b *builder) finish(full Rect) *Scene {
	st, m := b.st, b.m
	scale := b.sc.Scale
	narrow := b.sc.Narrow
	b.fill(full, palette.Background)
	rest := b.header(full)
	rest = b.tabs(rest)
	status, rest := rest.CutBottom(b.statusHeight(rest.W))
	b.status(status)
	if st.LessonOpen() || st.Mystery != nil {
		var panel Rect
		start := len(b.sc.Items)
		draw := (*builder).mysteryPanel
		if st.LessonOpen() {
			draw = (*builder).lessonPanel
		}
		panel, rest = rest.CutBottom(b.panelHeight(draw, rest.W, rest.H))
		draw(b, panel)
		for i := start; i < len(b.sc.Items); i++ {
			b.sc.Items[i].Clip = panel
		}
	}
	main := rest
	if !narrow && !st.Projector && st.View != app.ViewScenario {
		var side Rect
		side, main = rest.CutLeft(math.Min(math.Round(360*scale), rest.W*0.4))
		// A window too short for the controls shows them as a tab,
		// as on a phone.
		if b.fresh(false).scenario(side.Inset(m.Pad), true) > side.H-2*m.Pad {
			return b.fresh(true).finish(full)
		}
		b.fill(side, palette.Panel)
		start := len(b.sc.Items)
		b.scenario(side.Inset(m.Pad), true)
		for i := start; i < len(b.sc.Items); i++ {
			b.sc.Items[i].Clip = side
		}
	}
	b.sc.Main = main
	b.main(main)
	b.lessonRing()
	if st.Help {
		b.help(full)
	} else if st.Embed {
		b.embed(full)
	}
	b.focusRing()
	return b.sc
}

func (b *builder) statusText() (string, color.RGBA) {
	st := b.st
	if st.Msg.Text != "" {
		c := palette.Text
		if st.Msg.Err {
			c = palette.Candidate(1)
		}
		return st.Msg.Text, c
	}
	name := ""
	if st.Data != nil {
		name = b.tf(i18n.DataLabel, b.l.Data(st.Data.Name)) + sep
	}
	if st.Touch {
		return name + b.t(i18n.MsgTouchHint), palette.TextMuted
	}
	return name + b.t(i18n.MsgKeysHint), palette.TextMuted
}

// statusLines is the most lines the status line wraps to: an error
// (which says what to do) gets more room.
func (b *builder) statusLines() int {
	if b.st.Msg.Err {
		return 6
	}
	return 3
}

func (b *builder) statusHeight(w float64) float64 {
	s, _ := b.statusText()
	n := len(b.f.Wrap(Regular, b.m.Small, s, w-2*b.m.Pad))
	n = min(max(n, 1), b.statusLines())
	return float64(n)*b.m.LineSmall + b.m.Gap*1.5
}

func (b *builder) status(r Rect) {
	s, c := b.statusText()
	b.fill(r, palette.Panel)
	b.line(r.X, r.Y, r.Right(), r.Y, palette.Grid, b.m.Stroke)
	lines := b.f.Wrap(Regular, b.m.Small, s, r.W-2*b.m.Pad)
	if n := b.statusLines(); len(lines) > n {
		lines = lines[:n]
		lines[n-1] = b.f.Fit(Regular, b.m.Small, lines[n-1]+" …", r.W-2*b.m.Pad)
	}
	for i, ln := range lines {
		b.text(r.X+b.m.Pad, r.Y+b.m.Gap*0.75+float64(i)*b.m.LineSmall, ln, Regular, b.m.Small, c, r.W-2*b.m.Pad)
	}
}

// main lays out the current view in r, scrolled by the state's Scroll.
func (b *builder) main(r Rect) {
	m := b.m
	start := len(b.sc.Items)
	startHits := len(b.sc.Hits)
	scroll := float64(b.st.Scroll) * m.Scale
	inner := Rect{r.X + m.Pad, r.Y + m.Pad - scroll, r.W - 2*m.Pad, math.Max(0, r.H-2*m.Pad)}
	var h float64
	switch b.st.View {
	case app.ViewScenario:
		h = b.scenario(inner, false)
	case app.ViewRegions:
		h = b.regions(inner)
	case app.ViewUnits:
		h = b.units(inner)
	case app.ViewUncertainty:
		h = b.uncertainty(inner)
	case app.ViewForensics:
		h = b.checks(inner)
	case app.ViewMap:
		h = b.mapView(inner)
	default:
		h = b.overview(inner)
	}
	b.sc.MainHeight = h + 2*m.Pad
	for i := start; i < len(b.sc.Items); i++ {
		b.sc.Items[i].Clip = r
	}
	// Controls scrolled out of view cannot be hit; partly visible ones
	// are cut to the visible part.
	for i := startHits; i < len(b.sc.Hits); i++ {
		hh := &b.sc.Hits[i]
		hh.Full = hh.R
		if hh.R.Overlaps(r) {
			hh.R = intersect(hh.R, r)
		} else {
			hh.Hidden = true
		}
	}
	b.hit(Hit{ID: "", R: r, Scroll: true})
	// A thin scroll bar says that there is more below or above.
	if extra := b.sc.MainHeight - r.H; extra > 1 {
		track := Rect{r.Right() - 4*m.Scale, r.Y + m.Gap/2, 3 * m.Scale, r.H - m.Gap}
		thumbH := math.Max(24*m.Scale, track.H*r.H/b.sc.MainHeight)
		frac := math.Min(1, scroll/extra)
		b.fill(Rect{track.X, track.Y + frac*(track.H-thumbH), track.W, thumbH}, palette.Neutral)
	}
}

func intersect(a, o Rect) Rect {
	x0, y0 := math.Max(a.X, o.X), math.Max(a.Y, o.Y)
	x1, y1 := math.Min(a.Right(), o.Right()), math.Min(a.Bottom(), o.Bottom())
	return Rect{x0, y0, math.Max(0, x1-x0), math.Max(0, y1-y0)}
}

// focusRing outlines the focused control.
func (b *builder) focusRing() {
	id := b.st.Focus
	if id == "" {
		return
	}
	for _, h := range b.sc.Hits {
		if h.ID == id && !h.Hidden {
			p := b.m.FocusPad
			r := h.R
			if kh := math.Round(22 * b.m.Scale); h.Slider != nil && r.H > kh && (h.Full.Empty() || h.Full == r) {
				// A slider's ring hugs its knob, clear of the label
				// right above it.
				r.Y, r.H = r.Y+math.Round((r.H-kh)/2), kh
			}
			b.stroke(Rect{r.X - p, r.Y - p, r.W + 2*p, r.H + 2*p}, palette.Highlight, 2*b.m.Stroke)
			return
		}
	}
}

func (b *builder) overlay(full Rect, wantW, wantH float64) Rect {
	m := b.m
	b.fill(full, color.RGBA{0, 0, 0, 0x80})
	w := math.Min(wantW*m.Scale, full.W-2*m.Pad)
	h := math.Min(wantH, full.H-2*m.Pad)
	r := Rect{math.Round((full.W - w) / 2), math.Round((full.H - h) / 2), w, h}
	b.fill(r, palette.Background)
	b.stroke(r, palette.Text, m.Stroke)
	// Everything below the overlay stops reacting.
	b.sc.Hits = b.sc.Hits[:0]
	b.hit(Hit{ID: "", R: full, Act: app.CloseOverlays{}})
	return r
}

func (b *builder) help(full Rect) {
	m := b.m
	lines := []string{b.t(i18n.HelpTab), b.t(i18n.HelpArrows), b.t(i18n.HelpEnter), b.tf(i18n.HelpDigits, fmt.Sprint(len(digitViews(b.sc.Narrow || b.sc.Projector)))), b.t(i18n.HelpEsc), b.t(i18n.HelpHelp), b.t(i18n.HelpProjector), b.t(i18n.HelpDrop)}
	if b.st.CanSave {
		lines = append(lines, b.t(i18n.HelpSave))
	}
	w := math.Min(460*m.Scale, full.W-2*m.Pad) - 2*m.Pad
	h := m.LineH1 + m.Gap
	for _, s := range lines {
		h += float64(len(b.f.Wrap(Regular, m.Body, s, w))) * m.LineBody
	}
	h += m.Gap + m.Row + 2*m.Pad
	r := b.overlay(full, 460, h)
	y := r.Y + m.Pad
	b.text(r.X+m.Pad, y, b.t(i18n.HelpTitle), Bold, m.H1, palette.Text, w)
	y += m.LineH1 + m.Gap
	for _, s := range lines {
		y += b.para(r.X+m.Pad, y, w, s, Regular, m.Body, m.LineBody, palette.Text)
	}
	cw := b.buttonWidth(b.t(i18n.Close))
	b.button("close", Rect{r.Right() - m.Pad - cw, r.Bottom() - m.Pad - m.Row, cw, m.Row}, b.t(i18n.Close), app.CloseOverlays{}, false)
}

func (b *builder) embed(full Rect) {
	m := b.m
	code := b.st.EmbedCode()
	w := math.Min(560*m.Scale, full.W-2*m.Pad) - 2*m.Pad
	// Break the code anywhere: it has long unbroken runs.
	var lines []string
	for _, word := range b.f.Wrap(Regular, m.Small, code, w) {
		for b.f.Width(Regular, m.Small, word) > w {
			r := []rune(word)
			n := len(r)
			for n > 1 && b.f.Width(Regular, m.Small, string(r[:n])) > w {
				n--
			}
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
		}
		lines = append(lines, word)
	}
	h := m.LineH1 + m.Gap + float64(len(lines))*m.LineSmall + m.Gap + m.Row + 2*m.Pad
	r := b.overlay(full, 560, h)
	y := r.Y + m.Pad
	b.text(r.X+m.Pad, y, b.t(i18n.EmbedTitle), Bold, m.H1, palette.Text, w)
	y += m.LineH1 + m.Gap
	for _, s := range lines {
		b.text(r.X+m.Pad, y, s, Regular, m.Small, palette.Text, w)
		y += m.LineSmall
	}
	cw := b.buttonWidth(b.t(i18n.Close))
	b.button("close", Rect{r.Right() - m.Pad - cw, r.Bottom() - m.Pad - m.Row, cw, m.Row}, b.t(i18n.Close), app.CloseOverlays{}, false)
}
