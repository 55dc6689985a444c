package view

import (
	"image/color"
	"math"
	"sort"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
)

// group is a bar in the overview: one candidate, or the others together.
type group struct {
	cand             int // -1: others
	counted, total   int64
	cshare, tshare   float64
	label            string
	color, colorPale color.RGBA
}

func (b *builder) groups() []group {
	st := b.st
	d, o := st.Data, st.Out
	t := d.Tally
	nc := len(t.Candidates)
	var cv, tv int64
	for c := 0; c < nc; c++ {
		cv += d.Agg.Nation.Votes[c]
		tv += o.Total[c]
	}
	order := make([]int, nc)
	for i := range order {
		order[i] = i
	}
	// A lumped column ("Others") is a remainder: it joins the others' bar
	// and never takes a contestant's place or colour.
	lumped := t.Lumped()
	isLump := func(c int) bool { return c < len(lumped) && lumped[c] }
	sort.SliceStable(order, func(i, j int) bool {
		if li, lj := isLump(order[i]), isLump(order[j]); li != lj {
			return lj
		}
		return d.Agg.Nation.Votes[order[i]] > d.Agg.Nation.Votes[order[j]]
	})
	var out []group
	others := group{cand: -1, label: b.t(i18n.Others), color: palette.Neutral, colorPale: lighter(palette.Neutral)}
	for k, c := range order {
		g := group{cand: c, counted: d.Agg.Nation.Votes[c], total: o.Total[c], label: t.Candidates[c].Label(), color: palette.Candidate(c), colorPale: lighter(palette.Candidate(c))}
		if cv > 0 && !isLump(c) && (k < 2 || (float64(g.counted)/float64(cv) >= 0.01 && k < 5)) {
			out = append(out, g)
		} else {
			others.counted += g.counted
			others.total += g.total
		}
	}
	if others.counted > 0 || others.total > 0 {
		out = append(out, others)
	}
	for i := range out {
		if cv > 0 {
			out[i].cshare = float64(out[i].counted) / float64(cv)
		}
		if tv > 0 {
			out[i].tshare = float64(out[i].total) / float64(tv)
		}
	}
	return out
}

// WideOverview is the width, in dp, of the main area from which the
// Overview shows the region list beside the national figures (a 1920 px
// screen: 1,528 dp beside the controls), rather than leaving the right
// of the screen empty.
const WideOverview = 1100

func (b *builder) overview(r Rect) float64 {
	st, m := b.st, b.m
	if st.Data == nil || st.Out == nil {
		return 0
	}
	if b.sc.Narrow || r.W < WideOverview*m.Scale {
		h := b.national(r)
		h += b.lessonList(r, r.Y+h)
		return h + b.mysteryList(r, r.Y+h)
	}
	left, rest := r.CutLeft(math.Round(math.Min(760*m.Scale, r.W*0.5)))
	_, right := rest.CutLeft(2 * m.Pad)
	h := b.national(left)
	h += b.lessonList(left, left.Y+h)
	h += b.mysteryList(left, left.Y+h)
	y := right.Y + b.section(right.X, right.Y, right.W, b.t(i18n.TabRegions))
	y = b.crumbs(right, y)
	return math.Max(h, b.regionTable(right, y)-r.Y)
}

// national draws the national figures: the headline, the bars, the
// coverage and the claims beside the count.
func (b *builder) national(r Rect) float64 {
	st, m, l := b.st, b.m, b.l
	d, o := st.Data, st.Out
	t := d.Tally
	nat := &d.Agg.Nation
	// Lines longer than this are hard to read on a wide screen.
	r.W = math.Min(r.W, 1000*m.Scale)
	y := r.Y
	lead, run, tie := nat.Leader()
	if tie {
		y += b.para(r.X, y, r.W, b.t(i18n.Tie), Bold, m.Headline, m.LineHeadline, palette.Text)
	} else {
		y += b.para(r.X, y, r.W, b.tf(i18n.Leads, shortName(t, lead), l.Percent(nat.Share(lead, sim.OfValid), 2)), Bold, m.Headline, m.LineHeadline, palette.Text)
	}
	if run >= 0 {
		mv, mpp := nat.Margin(lead, run, sim.OfValid)
		y += b.para(r.X, y, r.W, b.tf(i18n.MarginLine, shortName(t, lead), l.Int(mv), l.PP(mpp, 2)), Regular, m.Body, m.LineBody, palette.Text)
	}
	y += b.para(r.X, y, r.W, b.t(i18n.ShareOfValid), Regular, m.Small, m.LineSmall, palette.TextMuted)
	y += m.Gap
	if o.Active {
		// Legend for the two bars.
		sw := math.Round(12 * m.Scale)
		x := r.X
		proj := b.t(i18n.Projected)
		if !o.Possible() {
			proj += " (" + b.t(i18n.ImpossibleTag) + ")"
		}
		for i, s := range []string{b.t(i18n.CountedVotes), proj} {
			c := palette.TextMuted
			if i == 1 {
				c = lighter(palette.TextMuted)
			}
			b.fill(Rect{x, y + (m.LineSmall-sw)/2, sw, sw}, c)
			rr := b.text(x+sw+m.Gap/2, y, s, Regular, m.Small, palette.Text, 0)
			x = rr.Right() + m.Pad
		}
		y += m.LineSmall + m.Gap/2
	}
	y = b.bars(r, y)
	if lines, col := b.verdictLines(); o.Active && (len(lines) > 0 || o.NoteText(b.l) != "") {
		if len(lines) == 0 {
			lines = []string{o.NoteText(b.l)}
		}
		start := y
		x := r.X + 3*m.Scale + m.Gap
		y += b.para(x, y, r.W-(x-r.X), lines[0], Bold, m.Body, m.LineBody, palette.Text)
		b.fill(Rect{r.X, start, math.Round(4 * m.Scale), y - start}, col)
	}
	y += m.Pad
	y = b.coverage(r, y)
	y += m.Pad
	y = b.claims(r, y)
	if src := t.Source; src != "" {
		y += m.Gap
		y += b.para(r.X, y, r.W, b.tf(i18n.SourceLabel, b.l.Data(src)), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	return y - r.Y
}

// bars draws a bar per group and returns the y below them.
func (b *builder) bars(r Rect, y float64) float64 {
	st, m, l := b.st, b.m, b.l
	o := st.Out
	gs := b.groups()
	barH := math.Round(14 * m.Scale)
	for _, g := range gs {
		cval := l.Percent(g.cshare, 2) + sep + l.Int(g.counted)
		tval := l.Percent(g.tshare, 2) + sep + l.Int(g.total)
		var bar Rect
		if b.sc.Narrow {
			b.text(r.X, y, g.label, Bold, m.Body, palette.Text, r.W-b.f.Width(Regular, m.Body, cval)-m.Gap)
			b.textRight(r.Right(), y, cval, Regular, m.Body, palette.Text)
			y += m.LineBody
			bar = Rect{r.X, y, r.W, barH}
		} else {
			labelW := math.Min(200*m.Scale, r.W*0.28)
			valW := b.f.Width(Regular, m.Body, "100.00%"+sep+"00,000,000") + m.Gap
			b.text(r.X, y+(barH-m.LineBody)/2, g.label, Bold, m.Body, palette.Text, labelW-m.Gap)
			bar = Rect{r.X + labelW, y, r.W - labelW - valW, barH}
			b.textRight(r.Right(), y+(barH-m.LineBody)/2, cval, Regular, m.Body, palette.Text)
		}
		b.fill(bar, palette.Panel)
		b.fill(Rect{bar.X, bar.Y, math.Round(bar.W * g.cshare), bar.H}, g.color)
		y += barH + m.Gap/2
		if o.Active {
			tb := Rect{bar.X, y, bar.W, barH}
			b.fill(tb, palette.Panel)
			b.fill(Rect{tb.X, tb.Y, math.Round(tb.W * g.tshare), tb.H}, g.colorPale)
			b.stroke(Rect{tb.X, tb.Y, math.Round(tb.W * g.tshare), tb.H}, g.color, m.Stroke)
			if b.sc.Narrow {
				y += barH
				b.textRight(r.Right(), y, "→ "+tval, Regular, m.Small, palette.Text)
				y += m.LineSmall
			} else {
				b.textRight(r.Right(), y+(barH-m.LineSmall)/2, "→ "+tval, Regular, m.Small, palette.Text)
				y += barH
			}
			y += m.Gap / 2
		}
		y += m.Gap
	}
	return y
}

func (b *builder) coverage(r Rect, y float64) float64 {
	st, m, l := b.st, b.m, b.l
	nat := &st.Data.Agg.Nation
	cov := nat.Coverage()
	y += b.section(r.X, y, r.W, b.t(i18n.Coverage))
	type item struct {
		label      string
		have, want int64
		frac       float64
		ok         bool
	}
	items := []item{{label: b.t(i18n.CovUnits), have: cov.Units, want: cov.ExpectedUnits}}
	f, ok := cov.UnitsFraction()
	items[0].frac, items[0].ok = f, ok
	reg := item{label: b.t(i18n.CovRegistered), have: cov.Registered, want: cov.ExpectedRegistered}
	if nat.RegisteredUnits > 0 {
		reg.frac, reg.ok = cov.RegisteredFraction()
	}
	vot := item{label: b.t(i18n.CovVotes), have: cov.Votes, want: cov.ExpectedVotes}
	vot.frac, vot.ok = cov.VotesFraction()
	items = append(items, reg, vot)
	n := 3
	cols := Columns(Rect{r.X, y, r.W, 0}, n, m.Pad)
	if b.sc.Narrow {
		cols = nil
	}
	h := 0.0
	for i, it := range items {
		var c Rect
		yy := y
		if cols != nil {
			c = cols[i]
		} else {
			c = Rect{r.X, y + h, r.W, 0}
			yy = y + h
		}
		start := yy
		b.text(c.X, yy, it.label, Regular, m.Small, palette.TextMuted, c.W)
		yy += m.LineSmall
		val := b.t(i18n.CovUnknown)
		switch {
		case it.ok:
			val = l.Percent(it.frac, 2)
		case it.have > 0 && it.want <= 0 && !(it.label == b.t(i18n.CovRegistered) && nat.RegisteredUnits == 0):
			// Counted, but the total to compare with is not known.
			val = l.Int(it.have)
		}
		b.text(c.X, yy, val, Bold, m.H1, palette.Text, c.W)
		yy += m.LineH1
		bar := Rect{c.X, yy, c.W, math.Round(6 * m.Scale)}
		b.fill(bar, palette.Grid)
		if it.ok {
			b.fill(Rect{bar.X, bar.Y, math.Round(bar.W * math.Min(1, it.frac)), bar.H}, palette.Text)
		}
		yy += bar.H + m.Gap/2
		detail := b.t(i18n.CovNoTotal)
		if it.want > 0 {
			detail = b.tf(i18n.CovOf, l.Int(it.have), l.Int(it.want))
		}
		if it.label == b.t(i18n.CovRegistered) && nat.RegisteredUnits == 0 && it.want > 0 {
			// None counted: the expected total alone.
			detail = b.tf(i18n.CovExpected, l.Int(it.want))
		}
		yy += b.para(c.X, yy, c.W, detail, Regular, m.Small, m.LineSmall, palette.Text)
		if cols != nil {
			h = math.Max(h, yy-start)
		} else {
			h += yy - start + m.Gap
		}
	}
	return y + h
}

func (b *builder) claims(r Rect, y float64) float64 {
	st, m, l := b.st, b.m, b.l
	d := st.Data
	t := d.Tally
	if len(t.Claims) == 0 {
		return y
	}
	nat := &d.Agg.Nation
	y += b.section(r.X, y, r.W, b.t(i18n.Claims))
	if maxW := 720 * m.Scale; r.W > maxW {
		r.W = maxW
	}
	colW := math.Min(r.W*0.34, 190*m.Scale)
	xCounted := r.Right()
	xClaimed := r.Right() - colW
	// On a narrow screen each line's numbers go under its name.
	stacked := xClaimed-colW-r.X < 140*m.Scale
	if stacked {
		xClaimed = r.X + r.W/2
	}
	for _, cl := range t.Claims {
		title := b.l.ClaimLabel(cl.Label)
		if cl.Date != "" {
			title += " (" + cl.Date + ")"
		}
		y += b.para(r.X, y, r.W, title, Bold, m.Body, m.LineBody, palette.Text)
		b.textRight(xClaimed, y, b.t(i18n.ClaimedCol), Regular, m.Small, palette.TextMuted)
		b.textRight(xCounted, y, b.t(i18n.CountedCol), Regular, m.Small, palette.TextMuted)
		y += m.LineSmall
		valid := cl.ValidTotal()
		// The two leading candidates, then everybody else together.
		named := map[int]bool{}
		type line struct {
			label            string
			col              color.RGBA
			claimed, counted int64
			known            bool
		}
		var lines []line
		for _, c := range []int{d.Leader, d.Runner} {
			ln := line{label: t.Candidates[c].Label(), col: palette.Candidate(c), counted: nat.Votes[c]}
			for _, cv := range cl.Votes {
				if k, err := t.Candidate(cv.Candidate); err == nil && k == c {
					ln.claimed, ln.known = cv.Votes, true
				}
			}
			named[c] = true
			lines = append(lines, ln)
		}
		others := line{label: b.t(i18n.Others), col: palette.Neutral, known: true}
		for c := range t.Candidates {
			if !named[c] {
				others.counted += nat.Votes[c]
			}
		}
		for _, cv := range cl.Votes {
			if k, err := t.Candidate(cv.Candidate); err == nil && !named[k] {
				others.claimed += cv.Votes
			}
		}
		if cl.Others > 0 {
			others.claimed += cl.Others
		} else if cl.Others == sim.Unknown && len(cl.Votes) <= 2 {
			if valid > 0 {
				others.claimed = valid - lines[0].claimed - lines[1].claimed
			} else {
				others.known = false
			}
		}
		lines = append(lines, others)
		for _, ln := range lines {
			sw := math.Round(10 * m.Scale)
			b.fill(Rect{r.X, y + (m.LineBody-sw)/2, sw, sw}, ln.col)
			if stacked {
				b.text(r.X+sw+m.Gap/2, y, ln.label, Regular, m.Body, palette.Text, r.W-sw-m.Gap/2)
				y += m.LineBody
			} else {
				b.text(r.X+sw+m.Gap/2, y, ln.label, Regular, m.Body, palette.Text, xClaimed-colW-r.X-sw)
			}
			cs := "–"
			if ln.known {
				cs = l.Int(ln.claimed)
				if valid > 0 {
					cs += " (" + l.Percent(float64(ln.claimed)/float64(valid), 2) + ")"
				}
			}
			b.textRight(xClaimed, y, cs, Regular, m.Body, palette.Text)
			b.textRight(xCounted, y, l.Int(ln.counted)+" ("+l.Percent(float64(ln.counted)/float64(max(nat.Valid, 1)), 2)+")", Regular, m.Body, palette.Text)
			y += m.LineBody
		}
		y += m.Gap
	}
	return y
}
