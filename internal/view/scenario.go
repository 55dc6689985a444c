package view

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
)

// This file lays out the scenario controls: the panel beside every view on
// a wide screen, or the Scenario tab, and the verdict they give.

// slider paints a labelled slider and registers it.
func (b *builder) slider(id string, r Rect, y float64, label string, sl Slider, value, step float64, color color.RGBA, set func(float64) app.Action, marks []float64) float64 {
	m := b.m
	y += b.para(r.X, y, r.W, label, Regular, m.Body, m.LineBody, palette.Text)
	rowH := m.Row
	if !b.sc.Narrow {
		rowH = math.Round(30 * m.Scale)
	}
	area := Rect{r.X, y, r.W, rowH}
	knobW := math.Round(12 * m.Scale)
	track := Rect{area.X + knobW/2, area.Y + area.H/2 - 2*m.Scale, area.W - knobW, math.Round(4 * m.Scale)}
	sl.Track = Rect{track.X, area.Y, track.W, area.H}
	b.fill(track, palette.Grid)
	zero := sl.X(math.Max(sl.Min, 0))
	x := sl.X(value)
	b.fill(Rect{math.Min(zero, x), track.Y, math.Abs(x - zero), track.H}, color)
	for _, mk := range marks {
		mx := sl.X(mk)
		b.fill(Rect{mx - m.Stroke, area.Y + m.Gap/2, 2 * m.Stroke, area.H - m.Gap}, palette.Highlight)
	}
	kh := math.Round(22 * m.Scale)
	knob := Rect{math.Round(x - knobW/2), area.Y + (area.H-kh)/2, knobW, kh}
	b.fill(knob, palette.Background)
	b.stroke(knob, palette.Text, 2*m.Stroke)
	b.hit(Hit{ID: id, R: area, Slider: &SliderHit{Slider: sl, Cur: value, Step: step, Set: set}, Label: label})
	return y + area.H
}

// scenario lays out the scenario controls; side is true in the side panel.
func (b *builder) scenario(r Rect, side bool) float64 {
	st, m, l := b.st, b.m, b.l
	d, o := st.Data, st.Out
	if d == nil || o == nil {
		return 0
	}
	t := d.Tally
	p := st.P
	if !side {
		// Sliders and lines as wide as a big screen are hard to use.
		r.W = math.Min(r.W, 1000*m.Scale)
	}
	y := r.Y
	y += b.section(r.X, y, r.W, b.t(i18n.ScHow))
	if o.MissingUnits > 0 {
		y += b.para(r.X, y, r.W, b.tf(i18n.ScMissing, l.Int(o.MissingUnits), l.Int(o.ExpectedUnits)), Regular, m.Small, m.LineSmall, palette.TextMuted)
	} else {
		y += b.para(r.X, y, r.W, b.t(i18n.ScNoMissing), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	y += m.Gap / 2
	modes := []app.Mode{app.ModeCounted, app.ModeLike, app.ModeSplit, app.ModeWorst}
	keys := []i18n.Key{i18n.ModeCounted, i18n.ModeLike, i18n.ModeSplit, i18n.ModeWorst}
	if len(t.Claims) > 0 {
		modes = append(modes, app.ModeClaim)
		keys = append(keys, i18n.ModeClaim)
	}
	widths := make([]float64, len(modes))
	for i, k := range keys {
		widths[i] = b.buttonWidth(b.t(k))
	}
	btnH := math.Round(m.Row * 0.85)
	rects, used := Flow(Rect{r.X, y, r.W, 0}, widths, m.Gap/2, btnH)
	for i, md := range modes {
		b.button("mode-"+md.String(), rects[i], b.t(keys[i]), app.SetMode{Mode: md}, p.Mode == md)
	}
	y += used + m.Gap
	runner := shortName(t, d.Runner)
	var desc string
	switch p.Mode {
	case app.ModeCounted:
		desc = b.t(i18n.ScCountedDesc)
	case app.ModeLike:
		desc = b.t(i18n.ScLikeDesc)
	case app.ModeSplit:
		desc = b.tf(i18n.ScSplitDesc, runner, shortName(t, d.Leader))
	case app.ModeWorst:
		desc = b.tf(i18n.ScWorstDesc, runner)
	case app.ModeClaim:
		desc = b.t(i18n.ScClaimDesc)
		if c := st.Scenario().Claim; c != nil && c.Reported > 0 && c.Reported < 1 {
			desc = b.tf(i18n.ScClaimPartialDesc, b.l.Percent(c.Reported, 2))
		}
	}
	y += b.para(r.X, y, r.W, desc, Regular, m.Small, m.LineSmall, palette.TextMuted) + m.Gap

	var marks []float64
	if o.BreakEvenOK {
		marks = []float64{o.BreakEven}
	}
	y = b.slider("split", r, y, b.tf(i18n.ScSplit, runner, l.Percent(p.Split, 0)), Slider{Min: 0, Max: 1}, p.Split, 0.01, palette.Candidate(d.Runner),
		func(v float64) app.Action { return app.SetSplit{Share: v} }, marks)
	y += b.para(r.X, y, r.W, b.breakEvenText(), Regular, m.Small, m.LineSmall, palette.Text) + m.Gap

	// The 100% turnout checkbox.
	box := math.Round(18 * m.Scale)
	lines := b.f.Wrap(Regular, m.Body, b.t(i18n.ScFull), r.W-box-m.Gap)
	rowH := math.Max(m.Row, float64(len(lines))*m.LineBody)
	cb := Rect{r.X, y + (rowH-box)/2, box, box}
	b.fill(cb, palette.Background)
	b.stroke(cb, palette.Text, 2*m.Stroke)
	if p.FullTurnout || p.Mode == app.ModeWorst {
		b.fill(cb.Inset(4*m.Scale), palette.Text)
	}
	ty := y + (rowH-float64(len(lines))*m.LineBody)/2
	for i, ln := range lines {
		b.text(r.X+box+m.Gap, ty+float64(i)*m.LineBody, ln, Regular, m.Body, palette.Text, r.W-box-m.Gap)
	}
	b.hit(Hit{ID: "full", R: Rect{r.X, y, r.W, rowH}, Act: app.SetFullTurnout{On: !p.FullTurnout}, Label: strings.Join(lines, " ")})
	y += rowH + m.Gap

	for k, c := range []int{d.Leader, d.Runner} {
		k := k
		y = b.slider(fmt.Sprintf("swing-%d", k), r, y, b.tf(i18n.ScSwing, shortName(t, c), l.PP(p.SwingPP[k], 1)), Slider{Min: -app.SwingMax, Max: app.SwingMax}, p.SwingPP[k], 0.5, palette.Candidate(c),
			func(v float64) app.Action { return app.SetSwing{Which: k, PP: v} }, []float64{0})
	}
	pct := l.Percent(p.TurnoutPct/100, 1)
	if p.TurnoutPct > 0 {
		pct = "+" + pct
	}
	y = b.slider("turnout", r, y, b.tf(i18n.ScTurnout, pct), Slider{Min: -app.TurnoutMax, Max: app.TurnoutMax}, p.TurnoutPct, 1, palette.TextMuted,
		func(v float64) app.Action { return app.SetTurnoutChange{Pct: v} }, []float64{0})
	y += m.Gap

	if n := len(t.Claims); n > 0 && p.Mode == app.ModeClaim {
		label := b.l.ClaimLabel(t.Claims[min(max(p.Claim, 0), n-1)].Label)
		if c := st.Scenario().Claim; p.Claim < 0 && c != nil {
			// A claim from a link, not one of the data's.
			label = c.Label
		}
		bw := math.Max(m.Row, b.buttonWidth("‹"))
		b.button("claim-prev", Rect{r.X, y, bw, m.Row}, "‹", app.SetClaim{Index: p.Claim - 1}, false)
		b.button("claim-next", Rect{r.Right() - bw, y, bw, m.Row}, "›", app.SetClaim{Index: p.Claim + 1}, false)
		lab := Rect{r.X + bw + m.Gap, y, r.W - 2*bw - 2*m.Gap, m.Row}
		b.textCenter(lab, b.tf(i18n.ScClaim, label), Regular, m.Body, palette.Text)
		b.hit(Hit{ID: "claim", R: lab, Act: app.SetClaim{Index: p.Claim}, Label: b.tf(i18n.ScClaim, label)})
		y += m.Row + m.Pad
	}

	y = b.verdictAt(r, y, !side)
	rw := b.buttonWidth(b.t(i18n.BtnReset))
	b.button("reset", Rect{r.X, y, rw, math.Round(m.Row * 0.85)}, b.t(i18n.BtnReset), app.ResetScenario{}, false)
	y += m.Row
	return y - r.Y
}

// breakEvenText says package scenario's break-even for the scenario, as
// "tallyscope breakeven" does: where the split slider's mark is, or why no
// split reaches it.
func (b *builder) breakEvenText() string {
	d, o, l := b.st.Data, b.st.Out, b.l
	be := o.BE
	switch {
	case be == nil || be.RunnerUp < 0 || be.Remaining <= 0:
		return b.t(i18n.ScNoBreakEven)
	case be.Locked:
		return b.tf(i18n.ScBELocked, shortName(d.Tally, be.RunnerUp), l.Percent(be.Needed, 1))
	case be.Impossible:
		return b.tf(i18n.ScBEOver, l.Percent(be.Needed, 1), shortName(d.Tally, be.RunnerUp), l.Percent(1-be.OthersShare, 1))
	}
	return b.tf(i18n.ScBreakEven, l.Percent(be.Needed, 1), shortName(d.Tally, be.RunnerUp))
}

// verdictLines says what the scenario gives, first finding first, and the
// colour of the bar beside it.
func (b *builder) verdictLines() ([]string, color.RGBA) {
	st, l := b.st, b.l
	d, o := st.Data, st.Out
	t := d.Tally
	var lines []string
	col := palette.Candidate(o.Leader)
	if !o.Possible() {
		col = palette.Highlight
		// Name the two leading candidates; the others are summed.
		var rest int64
		nrest := 0
		for _, sf := range o.Impossible {
			if sf.Cand == d.Leader || sf.Cand == d.Runner {
				lines = append(lines, b.tf(i18n.ScImpossNeg, shortName(t, sf.Cand), l.Int(sf.Votes)))
			} else {
				rest += sf.Votes
				nrest++
			}
		}
		if nrest > 0 {
			lines = append(lines, b.tf(i18n.ScImpossNeg, b.tf(i18n.RgMore, l.Int(int64(nrest))), l.Int(rest)))
		}
		if o.TurnoutNeeded > 1 {
			lines = append(lines, b.tf(i18n.ScImpossTurn, l.Percent(o.TurnoutNeeded, 1)))
		}
		if o.Below > 0 {
			var cv int64
			for _, v := range o.Counted {
				cv += v
			}
			lines = append(lines, b.tf(i18n.ScImpossBelow, l.Int(o.Below), l.Int(cv)))
		}
		for _, ex := range o.Excess {
			lines = append(lines, b.tf(i18n.ScImpossShare, shortName(t, ex.Cand), l.Int(ex.Votes), l.Int(o.Remaining)))
		}

	} else {
		switch {
		case o.Tie:
			lines = append(lines, b.tf(i18n.ScTied, shortName(t, o.Leader), shortName(t, o.Runner)))
		case o.Leader == d.Leader:
			lines = append(lines, b.tf(i18n.ScStillAhead, shortName(t, o.Leader), l.Int(o.Margin)))
		default:
			lines = append(lines, b.tf(i18n.ScOvertakes, shortName(t, o.Leader), shortName(t, o.Runner), l.Int(o.Margin)))
		}
	}
	return lines, col
}

// verdictAt writes the verdict from y; with bars, the two leading
// candidates' scenario shares follow as bars (for the Scenario tab, where
// the Overview's bars are not in sight).
func (b *builder) verdictAt(r Rect, y float64, bars bool) float64 {
	st, m, l := b.st, b.m, b.l
	d, o := st.Data, st.Out
	t := d.Tally
	lines, col := b.verdictLines()
	start := y
	x := r.X + 3*m.Scale + m.Gap
	w := r.W - (x - r.X)
	y += b.para(x, y, w, b.t(i18n.ScResult), Regular, m.Small, m.LineSmall, palette.TextMuted)
	// The first finding in bold, the others smaller.
	for i, s := range lines {
		if i == 0 {
			y += b.para(x, y, w, s, Bold, m.Body, m.LineBody, palette.Text)
		} else {
			y += b.para(x, y, w, s, Regular, m.Small, m.LineSmall, palette.Text)
		}
	}
	if note := o.NoteText(b.l); note != "" {
		// Another impossibility the engine found, in its own words.
		y += b.para(x, y, w, note, Regular, m.Small, m.LineSmall, palette.Text)
	}
	if bars && o.Possible() {
		y += m.Gap / 2
		barH := math.Round(10 * m.Scale)
		for _, c := range []int{d.Leader, d.Runner} {
			lab := shortName(t, c) + " " + l.Percent(o.Share(c), 2)
			y += b.para(x, y, w, lab, Regular, m.Small, m.LineSmall, palette.Text)
			track := Rect{x, y, w, barH}
			b.fill(track, palette.Panel)
			b.fill(Rect{x, y, math.Round(w * o.Share(c)), barH}, palette.Candidate(c))
			y += barH + m.Gap/2
		}
	}
	b.fill(Rect{r.X, start, math.Round(4 * m.Scale), y - start}, col)
	return y + m.Pad
}
