package view

import (
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
)

// The header (the title and the buttons) and the tabs of the views.

func (b *builder) header(r Rect) Rect {
	m, st := b.m, b.st
	title := b.t(i18n.AppName)
	if st.Data != nil && st.Data.Tally.Title != "" {
		title += sep + b.l.Data(st.Data.Tally.Title)
	}
	labels := []string{b.t(i18n.BtnOpen), b.t(i18n.BtnCopyLink), b.t(i18n.BtnEmbed), b.t(i18n.BtnProjector), b.t(i18n.BtnLang), "?"}
	ids := []string{"open", "link", "embed", "projector", "lang", "help"}
	acts := []app.Action{app.PickFile{}, app.CopyLink{}, app.ShowEmbed{On: true}, app.ToggleProjector{}, app.ToggleLang{}, app.ToggleHelp{}}
	widths := make([]float64, len(labels))
	total := 0.0
	measure := func() {
		total = 0
		for i, s := range labels {
			widths[i] = b.buttonWidth(s)
			total += widths[i] + m.Gap
		}
	}
	short := []string{b.t(i18n.BtnOpenShort), b.t(i18n.BtnLinkShort), b.t(i18n.BtnEmbed), b.t(i18n.BtnProjector), b.t(i18n.BtnLangShort), "?"}
	drop := func(id string) {
		i := slices.Index(ids, id)
		labels, short, ids, acts = slices.Delete(labels, i, i+1), slices.Delete(short, i, i+1), slices.Delete(ids, i, i+1), slices.Delete(acts, i, i+1)
		widths = widths[:len(labels)]
	}
	if st.Origin == "" {
		// No page to embed (the desktop): no embed code.
		drop("embed")
	}
	if b.sc.W/b.sc.Scale < Breakpoint && !st.Projector {
		// A phone is not a classroom's screen (a short window laid
		// out as narrow still offers it).
		drop("projector")
	}
	if st.CanSave {
		// The desktop saves the current view's chart and numbers.
		labels = append(labels[:1], append([]string{b.t(i18n.BtnSave)}, labels[1:]...)...)
		short = append(short[:1], append([]string{b.t(i18n.BtnSaveShort)}, short[1:]...)...)
		ids = append(ids[:1], append([]string{"save"}, ids[1:]...)...)
		acts = append(acts[:1], append([]app.Action{app.SaveView{}}, acts[1:]...)...)
		widths = make([]float64, len(labels))
	}
	measure()
	if b.sc.Narrow && total-m.Gap+float64(len(labels)-1)*(m.Gap/2-m.Gap) > r.W-2*m.Pad {
		// Short labels keep the buttons on one line on a phone.
		labels = short
		measure()
	}
	btnH := math.Round(m.Row * 0.85)
	var rects []Rect
	var used float64
	if b.sc.Narrow {
		// The title wraps (up to three lines) rather than being cut.
		lines := b.f.Wrap(Bold, m.H1, title, r.W-2*m.Pad)
		if len(lines) > 3 {
			lines = lines[:3]
			lines[2] = b.f.Fit(Bold, m.H1, lines[2]+" …", r.W-2*m.Pad)
		}
		titleBand, rest := r.CutTop(float64(len(lines))*m.LineH1 + m.Gap + m.Pad/2)
		for i, ln := range lines {
			b.text(titleBand.X+m.Pad, titleBand.Y+m.Pad/2+m.Gap/2+float64(i)*m.LineH1, ln, Bold, m.H1, palette.Text, titleBand.W-2*m.Pad)
		}
		area := rest.Inset(0)
		area.X += m.Pad
		area.W -= 2 * m.Pad
		rects, used = Flow(area, widths, m.Gap/2, btnH)
		r = Rect{r.X, rest.Y + used + m.Gap, r.W, rest.H - used - m.Gap}
	} else {
		band, rest := r.CutTop(m.Row + 2*m.Gap)
		x := band.Right() - m.Pad - total + m.Gap
		b.text(band.X+m.Pad, band.Y+(band.H-m.LineH1)/2, title, Bold, m.H1, palette.Text, x-band.X-2*m.Pad)
		rects, _ = Flow(Rect{x, band.Y + (band.H-btnH)/2, total, btnH}, widths, m.Gap, btnH)
		r = rest
	}
	for i := range rects {
		b.button(ids[i], rects[i], labels[i], acts[i], ids[i] == "projector" && st.Projector)
	}
	return r
}

// viewTabs returns the tabs shown: the scenario has its own tab on narrow
// screens, and on wide ones only while it is shown (a link made on a
// phone), so that the highlighted tab is always the view on screen.
func (b *builder) viewTabs() []app.View {
	if b.sc.Narrow || b.sc.Projector || b.st.View == app.ViewScenario {
		return []app.View{app.ViewOverview, app.ViewScenario, app.ViewRegions, app.ViewMap, app.ViewUnits, app.ViewUncertainty, app.ViewForensics}
	}
	return []app.View{app.ViewOverview, app.ViewRegions, app.ViewMap, app.ViewUnits, app.ViewUncertainty, app.ViewForensics}
}

var tabKeys = map[app.View]i18n.Key{
	app.ViewOverview: i18n.TabOverview, app.ViewScenario: i18n.TabScenario, app.ViewRegions: i18n.TabRegions,
	app.ViewUnits: i18n.TabUnits, app.ViewUncertainty: i18n.TabUncertain, app.ViewForensics: i18n.TabChecks,
	app.ViewMap: i18n.TabMap,
}

func (b *builder) tabs(r Rect) Rect {
	m := b.m
	views := b.viewTabs()
	area := Rect{r.X + m.Pad, r.Y, r.W - 2*m.Pad, r.H}
	// The largest text size, and then padding, that fits the tabs on
	// one line; they wrap only when even the smallest does not fit.
	size, pad := m.Body, m.Pad
	widths := make([]float64, len(views))
	measure := func() float64 {
		total := 0.0
		for i, v := range views {
			widths[i] = math.Ceil(b.f.Width(Bold, size, b.t(tabKeys[v])) + 2*pad)
			total += widths[i]
		}
		return total
	}
	for _, try := range [][2]float64{{m.Body, m.Pad}, {m.Body, m.Pad / 2}, {m.Small, m.Pad / 2}, {m.Small, m.Pad / 3}} {
		size, pad = try[0], try[1]
		if measure() <= area.W {
			break
		}
	}
	rects, used := Flow(area, widths, 0, m.Row)
	band, rest := r.CutTop(used + m.Gap)
	b.line(band.X, band.Y+used, band.Right(), band.Y+used, palette.Grid, m.Stroke)
	cur := b.st.View
	for i, v := range views {
		rr := rects[i]
		st, c := Regular, palette.TextMuted
		if v == cur {
			st, c = Bold, palette.Text
			b.fill(Rect{rr.X, rr.Bottom() - 3*m.Stroke, rr.W, 3 * m.Stroke}, palette.Text)
		}
		b.textCenter(rr, b.t(tabKeys[v]), st, size, c)
		b.hit(Hit{ID: "tab-" + v.String(), R: rr, Act: app.SetView{View: v}, Label: b.t(tabKeys[v])})
	}
	return rest
}
