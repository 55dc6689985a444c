package view

import (
	"math"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
)

func (b *builder) uncertainty(r Rect) float64 {
	st, m, l := b.st, b.m, b.l
	d := st.Data
	if d == nil {
		return 0
	}
	t := d.Tally
	y := r.Y
	y += b.para(r.X, y, r.W, b.t(i18n.McTitle), Bold, m.H1, m.LineH1, palette.Text)
	mc := st.MC
	if mc == nil {
		y += b.para(r.X, y, r.W, b.t(i18n.ScNoMissing), Regular, m.Body, m.LineBody, palette.TextMuted)
		return y - r.Y
	}
	if mc.Err != nil {
		y += b.para(r.X, y, r.W, b.l.Error(mc.Err), Regular, m.Body, m.LineBody, palette.TextMuted)
		return y - r.Y
	}
	lead, run := shortName(t, mc.Lead), shortName(t, mc.Run)
	y += m.Gap / 2
	if !mc.Stated() {
		// Before scenario.MinRuns runs the figures still move from one
		// run to the next: only the progress is shown.
		y += b.para(r.X, y, r.W, mc.ProgressText(l), Bold, m.Headline, m.LineHeadline, palette.Text)
		if !mc.LikeRegion {
			y += b.para(r.X, y, r.W, b.t(i18n.McLikeOnly), Regular, m.Small, m.LineSmall, palette.Text)
		}
		y += m.Gap
		y += b.para(r.X, y, r.W, mc.ModelText(l, b.u), Regular, m.Small, m.LineSmall, palette.TextMuted)
		return y - r.Y
	}
	y += b.para(r.X, y, r.W, app.WinText(l, lead, mc.Statement(mc.Lead)), Bold, m.Headline, m.LineHeadline, palette.Text)
	if mc.Run >= 0 {
		y += b.para(r.X, y, r.W, app.WinText(l, run, mc.Statement(mc.Run)), Regular, m.Body, m.LineBody, palette.Text)
	}
	if !mc.Done() {
		y += b.para(r.X, y, r.W, mc.ProgressText(l), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	if a, z, ok := mc.Interval90(); ok {
		// A narrow interval gets the decimals that tell its ends apart.
		dec := 1
		for dec < 3 && l.PP(a, dec) == l.PP(z, dec) {
			dec++
		}
		y += b.para(r.X, y, r.W, b.tf(i18n.McInterval, l.PP(a, dec), l.PP(z, dec)), Regular, m.Body, m.LineBody, palette.Text)
	}
	if !mc.LikeRegion {
		y += b.para(r.X, y, r.W, b.t(i18n.McLikeOnly), Regular, m.Small, m.LineSmall, palette.Text)
	}
	y += m.Gap
	// The simulation's own bins, as the saved chart draws them, with a
	// little room on either side.
	hist := mc.Histogram()
	maxC := 1
	for _, c := range hist.Counts {
		maxC = max(maxC, c)
	}
	pad := (hist.Hi - hist.Lo) * 0.05
	lo, hi := hist.Lo-pad, hist.Hi+pad
	avail := b.sc.Main.Bottom() - m.Pad - y - 3*m.LineSmall - 4*m.LineSmall
	ph := math.Max(140*m.Scale, math.Min(avail, r.W*0.45))
	plot := Rect{r.X, y, r.W, ph}
	b.fill(plot, palette.Background)
	px := func(v float64) float64 { return plot.X + (v-lo)/(hi-lo)*plot.W }
	for i, c := range hist.Counts {
		if c == 0 {
			continue
		}
		from, to := hist.Bin(i)
		col := palette.Candidate(mc.Lead)
		if to <= 0 {
			col = palette.Candidate(mc.Run)
		}
		h := math.Round(float64(c) / float64(maxC) * (plot.H - m.Gap))
		x0 := math.Round(px(from))
		b.fill(Rect{x0, plot.Bottom() - h, math.Max(1, math.Round(px(to))-x0-m.Stroke), h}, col)
	}
	b.line(plot.X, plot.Bottom(), plot.Right(), plot.Bottom(), palette.TextMuted, m.Stroke)
	if lo <= 0 && hi >= 0 {
		zx := plot.X + (0-lo)/(hi-lo)*plot.W
		b.line(zx, plot.Y, zx, plot.Bottom(), palette.Highlight, m.Stroke)
	}
	y = plot.Bottom() + m.Gap/2
	// Ticks at round values, always including zero.
	step := NiceStep(hi-lo, 4)
	if b.sc.Narrow {
		step = NiceStep(hi-lo, 2)
	}
	prevRight := math.Inf(-1)
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		if math.Abs(v) < step/2 {
			v = 0
		}
		lab := l.PP(v, 0)
		if step < 1 {
			lab = l.PP(v, 1)
		}
		if v == 0 {
			lab = "0"
		}
		tw := b.f.Width(Regular, m.Small, lab)
		xx := plot.X + (v-lo)/(hi-lo)*plot.W
		tx := math.Min(math.Max(xx-tw/2, plot.X), plot.Right()-tw)
		if tx < prevRight+m.Gap {
			continue
		}
		b.line(xx, plot.Bottom(), xx, plot.Bottom()+m.Gap/2, palette.TextMuted, m.Stroke)
		b.text(tx, y+m.Gap/2, lab, Regular, m.Small, palette.TextMuted, 0)
		prevRight = tx + tw
	}
	y += m.Gap / 2
	y += m.LineSmall
	y += b.para(r.X, y, r.W, b.tf(i18n.McXAxis, lead, run), Regular, m.Small, m.LineSmall, palette.Text)
	y += m.Gap
	y += b.para(r.X, y, r.W, mc.ModelText(l, b.u), Regular, m.Small, m.LineSmall, palette.TextMuted)
	return y - r.Y
}
