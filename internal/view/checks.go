package view

import (
	"image/color"
	"math"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// checks draws the Checks view: the forensic checks of package forensics
// on the data (app.Checks), each with its null drawn and its caveat in
// plain words. It returns the height it takes.
func (b *builder) checks(r Rect) float64 {
	st, m := b.st, b.m
	ck := st.Checks
	if st.Data == nil || ck == nil || ck.Data != st.Data {
		return 0
	}
	y := r.Y
	y += b.para(r.X, y, r.W, b.t(i18n.CkTitle), Bold, m.H1, m.LineH1, palette.Text)
	y += b.para(r.X, y, r.W, b.t(i18n.CkIntro), Regular, m.Small, m.LineSmall, palette.TextMuted) + m.Gap
	if ck.ReportErr != nil || ck.Report == nil {
		return y + b.para(r.X, y, r.W, b.tf(i18n.CkDigitsNone, b.l.Error(ck.ReportErr)), Regular, m.Body, m.LineBody, palette.Text) - r.Y
	}
	y = b.flags(r, y, ck)
	y = b.fingerprint(r, y, ck)
	y = b.lastDigits(r, y, ck)
	y = b.secondDigits(r, y, ck)
	y = b.roundness(r, y, ck)
	y += b.para(r.X, y, r.W, b.t(i18n.CkSameAsCommand), Regular, m.Small, m.LineSmall, palette.TextMuted)
	return y - r.Y
}

// pText writes a p-value: "p = 0.56", "p = 0.019", "p < 0.001".
func (b *builder) pText(p float64) string {
	switch {
	case math.IsNaN(p):
		return "p = –"
	case p < 0.001:
		return b.tf(i18n.CkPLess, b.l.Float(0.001, 3))
	case p < 0.01:
		return b.tf(i18n.CkPEquals, b.l.Float(p, 3))
	}
	return b.tf(i18n.CkPEquals, b.l.Float(p, 2))
}

// fingerprint draws the turnout × share histogram of the counted leader.
func (b *builder) fingerprint(r Rect, y float64, ck *app.Checks) float64 {
	m, l := b.m, b.l
	t := ck.Data.Tally
	lead := ck.Data.Leader
	y += b.para(r.X, y, r.W, b.tf(i18n.CkFPTitle, shortName(t, lead)), Bold, m.Body, m.LineBody, palette.Text) + m.Gap/2
	h := ck.Fingerprint
	if ck.FPErr != nil || h == nil {
		return y + b.para(r.X, y, r.W, b.tf(i18n.CkFPNone, l.Error(ck.FPErr)), Regular, m.Body, m.LineBody, palette.Text) + 2*m.Gap
	}
	axis := math.Round(40 * m.Scale)
	side := math.Floor(math.Min(r.W-axis, 400*m.Scale))
	plot := Rect{r.X + axis, y, side, side}
	b.fill(plot, palette.Background)
	var top int64
	for _, c := range h.Counts {
		top = max(top, c)
	}
	cw, ch := side/float64(h.TurnoutBins), side/float64(h.ShareBins)
	for i := range h.TurnoutBins {
		for j := range h.ShareBins {
			c := h.At(i, j)
			if c == 0 {
				continue
			}
			f := math.Log1p(float64(c)) / math.Log1p(float64(top))
			b.fill(Rect{plot.X + float64(i)*cw, plot.Bottom() - float64(j+1)*ch, math.Ceil(cw), math.Ceil(ch)}, palette.Sequential(lead, 0.15+0.85*f))
		}
	}
	b.stroke(plot, palette.TextMuted, m.Stroke)
	for _, v := range []float64{0, 0.5, 1} {
		lab := l.Percent(v, 0)
		b.textRight(plot.X-m.Gap/2, plot.Bottom()-v*side-m.LineSmall/2, lab, Regular, m.Small, palette.TextMuted)
		w := b.f.Width(Regular, m.Small, lab)
		b.text(plot.X+v*side-w/2, plot.Bottom()+m.Gap/2, lab, Regular, m.Small, palette.TextMuted, w+1)
	}
	b.text(plot.X, plot.Bottom()+m.Gap/2+m.LineSmall, b.t(i18n.CkFPAxisX), Regular, m.Small, palette.TextMuted, side)
	b.text(plot.X+m.Gap/2, plot.Y+m.Gap/2, b.t(i18n.CkFPAxisY), Regular, m.Small, palette.TextMuted, side)
	y = plot.Bottom() + m.Gap + 2*m.LineSmall
	bin := func(k, n int) (string, string) {
		return l.Percent(float64(k)/float64(n), 0), l.Percent(float64(k+1)/float64(n), 0)
	}
	t0, t1 := bin(h.ModeTurnout, h.TurnoutBins)
	s0, s1 := bin(h.ModeShare, h.ShareBins)
	sum := b.tf(i18n.CkFPSummary, b.tables(h.Units), t0, t1, s0, s1, b.tables(h.ModeUnits), b.tables(h.CornerUnits))
	y += b.para(r.X, y, r.W, sum, Regular, m.Body, m.LineBody, palette.Text)
	y += b.para(r.X, y, r.W, b.t(i18n.CkFPCaveat), Regular, m.Small, m.LineSmall, palette.TextMuted)
	return y + 2*m.Gap
}

// digitChart draws ten bars (observed fractions) with the null's expected
// fraction of each digit as a black mark and the reference law's as a
// grey one, in a chart of width w at (x, y); it returns its height.
func (b *builder) digitChart(x, y, w float64, cand int, observed [10]int64, null, law [10]float64) float64 {
	m := b.m
	var n int64
	for _, c := range observed {
		n += c
	}
	if n == 0 {
		return 0
	}
	top := 0.0
	for d := range 10 {
		top = max(top, float64(observed[d])/float64(n), null[d], law[d])
	}
	top *= 1.1
	h := math.Round(110 * m.Scale)
	slot := w / 10
	base := y + h
	b.line(x, base, x+w, base, palette.TextMuted, m.Stroke)
	for d := range 10 {
		sx := x + float64(d)*slot
		bw := slot * 0.6
		bx := sx + (slot-bw)/2
		f := float64(observed[d]) / float64(n)
		bh := f / top * h
		b.fill(Rect{bx, base - bh, bw, bh}, palette.Candidate(cand))
		mark := func(v float64, c color.RGBA, width float64) {
			my := base - v/top*h
			b.line(sx+slot*0.1, my, sx+slot*0.9, my, c, width)
		}
		mark(law[d], palette.Neutral, 2*m.Stroke)
		mark(null[d], palette.Text, 2*m.Stroke)
		lab := string(rune('0' + d))
		lw := b.f.Width(Regular, m.Small, lab)
		b.text(sx+(slot-lw)/2, base+m.Gap/4, lab, Regular, m.Small, palette.TextMuted, lw+1)
	}
	return h + m.Gap/4 + m.LineSmall
}

// digitPanels lays out one panel per candidate (the counted leader and
// runner-up), side by side when they fit; draw draws one and returns its
// height, or 0 when the candidate has no test.
func (b *builder) digitPanels(r Rect, y float64, draw func(x, y, w float64, cand int) float64) float64 {
	m := b.m
	d := b.st.Data
	cands := []int{d.Leader, d.Runner}
	w := math.Min(r.W, 440*m.Scale)
	if half := (r.W - 2*m.Pad) / 2; half >= 280*m.Scale {
		w = math.Min(w, half)
	}
	if 2*w+2*m.Pad <= r.W {
		h := 0.0
		for i, c := range cands {
			h = max(h, draw(r.X+float64(i)*(w+2*m.Pad), y, w, c))
		}
		return y + h
	}
	for _, c := range cands {
		y += draw(r.X, y, w, c)
	}
	return y
}

// digitTest is one candidate's digit test as the view draws it: the
// observed digits, the binomial null's expected fractions and the
// reference law's (uniform last digits, Benford's second digits), and the
// p-values against each.
type digitTest struct {
	cand        int
	n           int64
	observed    [10]int64
	null, law   [10]float64
	pNull, pLaw float64
}

// digitSection draws a digit test of the leader and the runner-up under
// title, each with its chart and its line (worded by line), then the
// legend and the caveat.
func (b *builder) digitSection(r Rect, y float64, title, line, legend, caveat i18n.Key, tests []digitTest) float64 {
	m, l := b.m, b.l
	t := b.st.Data.Tally
	y += b.para(r.X, y, r.W, b.t(title), Bold, m.Body, m.LineBody, palette.Text) + m.Gap/2
	y = b.digitPanels(r, y, func(x, y, w float64, c int) float64 {
		for _, ts := range tests {
			if ts.cand != c || ts.n == 0 {
				continue
			}
			y0 := y
			y += b.digitChart(x, y, w, c, ts.observed, ts.null, ts.law) + m.Gap/2
			y += b.para(x, y, w, b.tf(line, shortName(t, c), l.Int(ts.n), b.pText(ts.pNull), b.pText(ts.pLaw)), Regular, m.Small, m.LineSmall, palette.Text)
			return y - y0 + m.Gap
		}
		return 0
	})
	y += b.para(r.X, y, r.W, b.t(legend), Regular, m.Small, m.LineSmall, palette.TextMuted)
	y += b.para(r.X, y, r.W, b.t(caveat), Regular, m.Small, m.LineSmall, palette.TextMuted)
	return y + 2*m.Gap
}

// lastDigits draws the last-digit tests, against the binomial null and
// uniform digits.
func (b *builder) lastDigits(r Rect, y float64, ck *app.Checks) float64 {
	var tests []digitTest
	var uniform [10]float64
	for d := range uniform {
		uniform[d] = 0.1
	}
	for _, ts := range ck.Report.LastDigit {
		if ts.Binomial != nil {
			tests = append(tests, digitTest{ts.Candidate, ts.N, ts.Observed, ts.Binomial.Expected, uniform, ts.Binomial.PValue, ts.PValue})
		}
	}
	return b.digitSection(r, y, i18n.CkLastTitle, i18n.CkLastLine, i18n.CkLastLegend, i18n.CkLastCaveat, tests)
}

// secondDigits draws the second-digit tests, against the binomial null
// and Benford's law.
func (b *builder) secondDigits(r Rect, y float64, ck *app.Checks) float64 {
	var tests []digitTest
	for _, ts := range ck.Report.SecondDigit {
		if ts.Binomial != nil {
			tests = append(tests, digitTest{ts.Candidate, ts.N, ts.Observed, ts.Binomial.Expected, ts.Expected, ts.Binomial.PValue, ts.PValue})
		}
	}
	return b.digitSection(r, y, i18n.CkSecondTitle, i18n.CkSecondLine, i18n.CkSecondLegend, i18n.CkSecondCaveat, tests)
}

// roundness draws the round-percentage test of each claim (those that
// state their decimals).
func (b *builder) roundness(r Rect, y float64, ck *app.Checks) float64 {
	m, l := b.m, b.l
	if len(ck.Report.Roundness) == 0 {
		return y
	}
	y += b.para(r.X, y, r.W, b.t(i18n.CkRoundTitle), Bold, m.Body, m.LineBody, palette.Text) + m.Gap/2
	for _, rep := range ck.Report.Roundness {
		s := b.tf(i18n.CkRoundLine, l.ClaimLabel(rep.Label), rep.Round, len(rep.Counts), l.Int(rep.Total), l.Odds(rep.OneIn))
		if rep.Round == 0 {
			s = b.tf(i18n.CkRoundNoneRound, l.ClaimLabel(rep.Label), len(rep.Counts), l.Int(rep.Total))
		}
		if rep.Flagged {
			s += " " + b.t(i18n.CkRoundFlagged)
		}
		y += b.para(r.X, y, r.W, s, Regular, m.Body, m.LineBody, palette.Text) + m.Gap/2
	}
	y += b.para(r.X, y, r.W, b.t(i18n.CkRoundCaveat), Regular, m.Small, m.LineSmall, palette.TextMuted)
	return y + 2*m.Gap
}

// flags lists the checks that pass their thresholds, as the end of
// "tallyscope forensics" does.
func (b *builder) flags(r Rect, y float64, ck *app.Checks) float64 {
	m, l := b.m, b.l
	t := ck.Data.Tally
	y += b.para(r.X, y, r.W, b.t(i18n.CkFlagsTitle), Bold, m.Body, m.LineBody, palette.Text) + m.Gap/2
	if len(ck.Flags) == 0 {
		y += b.para(r.X, y, r.W, b.t(i18n.CkFlagsNone), Regular, m.Body, m.LineBody, palette.Text)
	}
	name := func(id string) string {
		c, err := t.Candidate(id)
		if err != nil {
			return id
		}
		// The full name: a flag may name any candidate, and the short
		// form guesses the surname only for the usual shapes of names.
		return t.Candidates[c].Label()
	}
	for _, f := range ck.Flags {
		var s string
		switch f.Check {
		case forensics.FlagSlope:
			s = b.tf(i18n.CkFlagSlope, name(f.CandidateID), l.Float(f.Value, 1), l.Float(f.Threshold, 0))
		case forensics.FlagLastDigit:
			s = b.tf(i18n.CkFlagLast, name(f.CandidateID), b.pText(f.Value))
		case forensics.FlagSecondDigit:
			s = b.tf(i18n.CkFlagSecond, name(f.CandidateID), b.pText(f.Value))
		default:
			q := b.t(i18n.CkTurnout)
			if f.Quantity == "share" {
				q = b.t(i18n.CkShare)
			}
			s = b.tf(i18n.CkFlagSpikes, q, name(f.CandidateID), b.pText(f.Value))
		}
		y += b.para(r.X+m.Pad, y, r.W-m.Pad, "• "+s, Regular, m.Body, m.LineBody, palette.Text)
	}
	y += b.para(r.X, y, r.W, b.t(i18n.CkFlagsCaveat), Regular, m.Small, m.LineSmall, palette.TextMuted)
	return y + 2*m.Gap
}
