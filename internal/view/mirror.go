package view

import (
	"fmt"
	"html"
	"image/color"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
)

// MirrorRows is the most rows the mirror's region table lists; a longer
// list ends with a line saying how many more there are.
const MirrorRows = 200

// MirrorText is the current state written for a reader who does not see
// the canvas: the page shows it before the app starts and without
// scripts; once the app runs, it keeps it up to date, off screen, for
// screen readers.
type MirrorText struct {
	// Title names the election.
	Title string
	// Headline is the sentence a reader hears first: who leads the
	// count and, under a scenario, what the scenario gives. The page
	// puts it in an aria-live region.
	Headline string
	// Body is an HTML fragment: the margin, the shares as a <table>
	// (counted and, under a scenario, the scenario's), the break-even,
	// the coverage, the claims beside the count and the region table of
	// the region being looked at. It has no inline styles or scripts
	// (the page's Content-Security-Policy allows neither); bars are SVG
	// with presentation attributes, and every text is escaped.
	Body string
}

// Mirror returns st as a MirrorText; the zero MirrorText when st has no
// data or no outcome yet (see app.State.Update).
func Mirror(st *app.State) MirrorText {
	if st == nil || st.Data == nil || st.Out == nil {
		return MirrorText{}
	}
	b := &builder{st: st, sc: &Scene{}, l: st.Lang, u: i18n.UnitsFor(st.Data.Tally.UnitLevel)}
	var w strings.Builder
	b.mirrorMargin(&w)
	b.mirrorShares(&w)
	b.mirrorCoverage(&w)
	b.mirrorClaims(&w)
	if st.View == app.ViewMap {
		b.mirrorMap(&w)
	} else {
		b.mirrorRegions(&w)
	}
	if src := st.Data.Tally.Source; src != "" {
		tag(&w, "p", "note", b.tf(i18n.SourceLabel, src))
	}
	title := st.Data.Tally.Title
	if title == "" {
		title = b.t(i18n.AppName)
	}
	return MirrorText{Title: title, Headline: b.headline(), Body: w.String()}
}

// headline is the sentence a reader hears first: who leads the count,
// and, under a scenario, what the scenario gives.
func (b *builder) headline() string {
	d := b.st.Data
	nat := &d.Agg.Nation
	lead, _, tie := nat.Leader()
	s := b.t(i18n.Tie)
	if !tie {
		s = b.tf(i18n.Leads, shortName(d.Tally, lead), b.l.Percent(nat.Share(lead, sim.OfValid), 2))
	}
	s += "."
	if o := b.st.Out; o.Active {
		if lines, _ := b.verdictLines(); len(lines) > 0 {
			s += " " + b.t(i18n.Projected) + ": " + strings.Join(lines, " ")
		} else if n := o.NoteText(b.l); n != "" {
			s += " " + n
		}
	}
	return s
}

func (b *builder) mirrorMargin(w *strings.Builder) {
	d := b.st.Data
	nat := &d.Agg.Nation
	lead, run, _ := nat.Leader()
	if run >= 0 {
		mv, mpp := nat.Margin(lead, run, sim.OfValid)
		tag(w, "p", "", b.tf(i18n.MarginLine, shortName(d.Tally, lead), b.l.Int(mv), b.l.PP(mpp, 2)))
	}
}

func (b *builder) mirrorShares(w *strings.Builder) {
	o, l := b.st.Out, b.l
	w.WriteString(`<table class="shares" id="ts-shares"><caption>`)
	w.WriteString(esc(capitalize(b.t(i18n.ShareOfValid))))
	w.WriteString("</caption><thead><tr>")
	th(w, "col", b.t(i18n.MrCandidate))
	th(w, "col", b.t(i18n.CountedVotes))
	if o.Active {
		th(w, "col", b.t(i18n.Projected))
	}
	w.WriteString("</tr></thead><tbody>")
	for _, g := range b.groups() {
		w.WriteString(`<tr><th scope="row">`)
		w.WriteString(esc(g.label))
		w.WriteString("</th><td>")
		w.WriteString(esc(l.Percent(g.cshare, 2)))
		tag(w, "span", "votes", l.Int(g.counted))
		bar(w, g.cshare, g.color)
		w.WriteString("</td>")
		if o.Active {
			w.WriteString("<td>")
			w.WriteString(esc(l.Percent(g.tshare, 2)))
			tag(w, "span", "votes", l.Int(g.total))
			bar(w, g.tshare, g.colorPale)
			w.WriteString("</td>")
		}
		w.WriteString("</tr>")
	}
	w.WriteString("</tbody></table>")
	if o.Active {
		w.WriteString(`<p class="note">`)
		w.WriteString(esc(b.breakEvenText()))
		w.WriteString("</p>")
	}
}

func (b *builder) mirrorCoverage(w *strings.Builder) {
	l := b.l
	nat := &b.st.Data.Agg.Nation
	cov := nat.Coverage()
	tag(w, "h2", "", b.t(i18n.Coverage))
	w.WriteString(`<ul class="coverage">`)
	item := func(label string, have, want int64, f float64, ok bool) {
		val := b.t(i18n.CovUnknown)
		switch {
		case ok:
			val = l.Percent(f, 2)
		case have > 0 && want <= 0:
			val = l.Int(have)
		}
		detail := b.t(i18n.CovNoTotal)
		if want > 0 {
			detail = b.tf(i18n.CovOf, l.Int(have), l.Int(want))
		}
		tag(w, "li", "", label+": "+val+" ("+detail+")")
	}
	f, ok := cov.UnitsFraction()
	item(capitalize(b.t(i18n.CovUnits)), cov.Units, cov.ExpectedUnits, f, ok)
	if nat.RegisteredUnits > 0 {
		f, ok = cov.RegisteredFraction()
		item(b.t(i18n.CovRegistered), cov.Registered, cov.ExpectedRegistered, f, ok)
	}
	f, ok = cov.VotesFraction()
	item(b.t(i18n.CovVotes), cov.Votes, cov.ExpectedVotes, f, ok)
	w.WriteString("</ul>")
}

func (b *builder) mirrorClaims(w *strings.Builder) {
	d, l := b.st.Data, b.l
	t := d.Tally
	if len(t.Claims) == 0 {
		return
	}
	nat := &d.Agg.Nation
	tag(w, "h2", "", b.t(i18n.Claims))
	for _, cl := range t.Claims {
		title := cl.Label
		if cl.Date != "" {
			title += " (" + cl.Date + ")"
		}
		valid := cl.ValidTotal()
		w.WriteString(`<table class="claim"><caption>`)
		w.WriteString(esc(title))
		w.WriteString("</caption><thead><tr>")
		th(w, "col", b.t(i18n.MrCandidate))
		th(w, "col", b.t(i18n.ClaimedCol))
		th(w, "col", b.t(i18n.CountedCol))
		w.WriteString("</tr></thead><tbody>")
		for _, c := range []int{d.Leader, d.Runner} {
			claimed := "–"
			for _, cv := range cl.Votes {
				if k, err := t.Candidate(cv.Candidate); err == nil && k == c {
					claimed = l.Int(cv.Votes)
					if valid > 0 {
						claimed += " (" + l.Percent(float64(cv.Votes)/float64(valid), 2) + ")"
					}
				}
			}
			counted := l.Int(nat.Votes[c]) + " (" + l.Percent(float64(nat.Votes[c])/float64(max(nat.Valid, 1)), 2) + ")"
			w.WriteString(`<tr><th scope="row">`)
			w.WriteString(esc(t.Candidates[c].Label()))
			w.WriteString("</th>")
			tag(w, "td", "", claimed)
			tag(w, "td", "", counted)
			w.WriteString("</tr>")
		}
		w.WriteString("</tbody></table>")
	}
}

func (b *builder) mirrorRegions(w *strings.Builder) {
	st, l := b.st, b.l
	d := st.Data
	rows := b.regionRows()
	if len(rows) == 0 {
		return
	}
	title := b.t(i18n.TabRegions)
	if st.Region >= 0 {
		title += ": " + d.RegionName(st.Region)
	}
	lead, run := shortName(d.Tally, d.Leader), shortName(d.Tally, d.Runner)
	w.WriteString(`<table class="regions" id="ts-regions"><caption>`)
	w.WriteString(esc(title))
	w.WriteString("</caption><thead><tr>")
	th(w, "col", b.t(i18n.RgName))
	th(w, "col", lead)
	th(w, "col", run)
	th(w, "col", b.t(i18n.RgMargin))
	th(w, "col", b.t(i18n.RgCoverage))
	w.WriteString("</tr></thead><tbody>")
	for i, rw := range rows {
		if i == MirrorRows {
			w.WriteString(`<tr><td colspan="5">`)
			w.WriteString(esc(b.tf(i18n.RgMore, l.Int(int64(len(rows)-MirrorRows)))))
			w.WriteString("</td></tr>")
			break
		}
		tot := sim.Totals{Votes: rw.votes}
		for _, v := range rw.votes {
			tot.Valid += v
		}
		w.WriteString(`<tr><th scope="row">`)
		w.WriteString(esc(rw.name))
		w.WriteString("</th>")
		margin := "–"
		if tot.Valid > 0 {
			_, pp := tot.Margin(d.Leader, d.Runner, sim.OfValid)
			margin = l.PP(pp, 1)
			if o := st.Out; o.Active && rw.unit < 0 {
				if proj := o.RegionVotes(rw.region, nil); proj != nil {
					pt := sim.Totals{Votes: proj}
					for _, v := range proj {
						pt.Valid += v
					}
					if pt.Valid > 0 {
						_, ppp := pt.Margin(d.Leader, d.Runner, sim.OfValid)
						margin += " → " + l.PP(ppp, 1)
					}
				}
			}
		}
		tag(w, "td", "", l.Percent(tot.Share(d.Leader, sim.OfValid), 1))
		tag(w, "td", "", l.Percent(tot.Share(d.Runner, sim.OfValid), 1))
		tag(w, "td", "", margin)
		cv := b.tables(rw.units)
		if rw.expected > 0 {
			cv = l.Percent(float64(rw.units)/float64(rw.expected), 1)
		}
		tag(w, "td", "", cv)
		w.WriteString("</tr>")
	}
	w.WriteString("</tbody></table>")
}

func esc(s string) string { return html.EscapeString(s) }

// tag writes <name class="class">text</name>, the text escaped.
func tag(w *strings.Builder, name, class, text string) {
	w.WriteString("<" + name)
	if class != "" {
		w.WriteString(` class="` + class + `"`)
	}
	w.WriteString(">" + esc(text) + "</" + name + ">")
}

func th(w *strings.Builder, scope, text string) {
	w.WriteString(`<th scope="` + scope + `">` + esc(text) + "</th>")
}

// bar writes a share as an SVG bar, hidden from screen readers (the
// number beside it says the same).
func bar(w *strings.Builder, frac float64, c color.RGBA) {
	fmt.Fprintf(w, `<svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="1" fill="#%02x%02x%02x"/><rect width="%s" height="1" fill="#%02x%02x%02x"/></svg>`,
		palette.Panel.R, palette.Panel.G, palette.Panel.B, strconv.FormatFloat(100*min(max(frac, 0), 1), 'f', 2, 64), c.R, c.G, c.B)
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
