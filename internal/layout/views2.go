package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/internal/ui/app"
	"github.com/tallyscope/tallyscope/sim"
)

// row is one line of the Regions list: a region or a unit.
type row struct {
	region, unit int
	name         string
	votes        []int64
	units        int64
	expected     int64
}

func (b *builder) regionRows() []row {
	st := b.st
	d := st.Data
	t := d.Tally
	var rows []row
	addRegion := func(r int, withLevel bool) {
		res := d.Agg.Result(r)
		name := d.RegionName(r)
		if withLevel {
			if p := t.Regions[r].Parent; p >= 0 {
				name = d.RegionName(r) + sep + d.RegionName(p)
			}
		}
		rows = append(rows, row{region: r, unit: -1, name: name, votes: res.Votes, units: res.Units, expected: res.Expected.Units})
	}
	if st.Search != "" {
		for _, r := range d.Search(st.Search, 200) {
			addRegion(r, true)
		}
		return rows
	}
	kids := d.Agg.Children(st.Region)
	if len(kids) > 0 {
		for _, r := range kids {
			addRegion(r, false)
		}
		return rows
	}
	if st.Region >= 0 {
		for _, u := range d.UnitsIn(st.Region) {
			un := &t.Units[u]
			name := un.ID
			if un.Name != "" {
				name = un.Name
			}
			if s := b.summedName(un); s != "" {
				name = s
			}
			rows = append(rows, row{region: -1, unit: u, name: name, votes: un.Votes, units: un.Size()})
		}
	}
	return rows
}

func (b *builder) regions(r Rect) float64 {
	st, m, l := b.st, b.m, b.l
	d := st.Data
	if d == nil {
		return 0
	}
	t := d.Tally
	y := r.Y
	// Breadcrumbs.
	path := append([]int{-1}, t.RegionPath(st.Region)...)
	labels := make([]string, len(path))
	widths := make([]float64, len(path))
	for i, p := range path {
		labels[i] = b.t(i18n.RgNation)
		if p >= 0 {
			labels[i] = d.RegionName(p)
		}
		if i < len(path)-1 {
			labels[i] += "  ›"
		}
		widths[i] = b.f.Width(Regular, m.Body, labels[i]) + m.Gap
	}
	rects, used := Flow(Rect{r.X, y, r.W, 0}, widths, m.Gap/2, m.Row)
	for i, p := range path {
		c := palette.Candidate(0)
		st := Regular
		if i == len(path)-1 {
			c, st = palette.Text, Bold
		}
		rr := rects[i]
		b.text(rr.X, rr.Y+(rr.H-m.LineBody)/2, labels[i], st, m.Body, c, rr.W)
		b.hit(Hit{ID: fmt.Sprintf("crumb-%d", i), R: rr, Act: app.DrillDown{Region: p}})
	}
	y += used + m.Gap/2
	// Search field.
	field := Rect{r.X, y, math.Min(r.W, 420*m.Scale), m.Row}
	b.fill(field, palette.Background)
	bw := m.Stroke
	if b.st.Focus == "search" {
		bw = 2 * m.Stroke
	}
	b.stroke(field, palette.TextMuted, bw)
	if st.Search == "" {
		b.text(field.X+m.Gap, field.Y+(field.H-m.LineBody)/2, b.t(i18n.RgSearchHint), Regular, m.Body, palette.TextMuted, field.W-2*m.Gap)
	} else {
		tr := b.text(field.X+m.Gap, field.Y+(field.H-m.LineBody)/2, b.tf(i18n.RgSearch, st.Search), Regular, m.Body, palette.Text, field.W-3*m.Gap)
		// The caret.
		b.fill(Rect{tr.Right() + m.Stroke, field.Y + m.Gap, 2 * m.Stroke, field.H - 2*m.Gap}, palette.Text)
	}
	b.hit(Hit{ID: "search", R: field, Act: app.SetFocus{ID: "search"}})
	y += m.Row + m.Gap
	rows := b.regionRows()
	if len(rows) == 0 {
		y += b.para(r.X, y, r.W, b.t(i18n.RgNoMatch), Regular, m.Body, m.LineBody, palette.TextMuted)
		return y - r.Y
	}
	// Columns: name, shares bar, margin, counted units.
	narrow := b.sc.Narrow
	marginW := b.f.Width(Regular, m.Small, "→ +100.0 pp") + m.Gap
	covW := b.f.Width(Regular, m.Small, "00,000 tables") + m.Gap
	barW := math.Min(220*m.Scale, r.W*0.3)
	if narrow {
		covW = 0
		barW = r.W * 0.28
	}
	nameW := r.W - marginW - covW - barW - 2*m.Gap
	b.text(r.X, y, b.t(i18n.RgName), Regular, m.Small, palette.TextMuted, nameW)
	b.text(r.X+nameW+m.Gap, y, b.t(i18n.RgShare), Regular, m.Small, palette.TextMuted, barW)
	b.textRight(r.X+nameW+barW+2*m.Gap+marginW, y, b.t(i18n.RgMargin), Regular, m.Small, palette.TextMuted)
	if covW > 0 {
		b.textRight(r.Right(), y, b.t(i18n.RgCoverage), Regular, m.Small, palette.TextMuted)
	}
	y += m.LineSmall + m.Gap/2
	rowH := m.Row
	clip := b.sc.Main
	if clip.Empty() {
		clip = Rect{0, 0, b.sc.W, b.sc.H}
	}
	var scratch []int64
	for i, rw := range rows {
		ry := y + float64(i)*rowH
		if ry+rowH < clip.Y || ry > clip.Bottom() {
			continue
		}
		if i%2 == 1 {
			b.fill(Rect{r.X, ry, r.W, rowH}, palette.Panel)
		}
		ty := ry + (rowH-m.LineBody)/2
		if covW == 0 {
			// On a phone the counted tables go under the name.
			ty = ry + (rowH-m.LineBody-m.LineSmall)/2
			cv := b.tables(rw.units)
			if rw.expected > 0 {
				cv = l.Percent(float64(rw.units)/float64(rw.expected), 1)
			}
			b.text(r.X+m.Gap/2, ty+m.LineBody, cv, Regular, m.Small, palette.TextMuted, nameW-m.Gap/2)
		}
		b.text(r.X+m.Gap/2, ty, rw.name, Regular, m.Body, palette.Text, nameW-m.Gap/2)
		tot := sim.Totals{Votes: rw.votes}
		for _, v := range rw.votes {
			tot.Valid += v
		}
		bar := Rect{r.X + nameW + m.Gap, ry + rowH/2 - 6*m.Scale, barW, math.Round(12 * m.Scale)}
		b.fill(bar, palette.Grid)
		x := bar.X
		for _, c := range []int{d.Leader, d.Runner} {
			w := math.Round(bar.W * tot.Share(c, sim.OfValid))
			b.fill(Rect{x, bar.Y, w, bar.H}, palette.Candidate(c))
			x += w
		}
		if tot.Valid > 0 {
			_, pp := tot.Margin(d.Leader, d.Runner, sim.OfValid)
			my := ty + (m.LineBody-m.LineSmall)/2
			// Under a scenario, the region's margin with what the
			// scenario places in it, below the counted one.
			var proj []int64
			if o := st.Out; o != nil && o.Active && rw.unit < 0 {
				proj = o.RegionVotes(rw.region, scratch[:0])
				scratch = proj
			}
			if proj != nil {
				my = ry + (rowH-2*m.LineSmall)/2
				pt := sim.Totals{Votes: proj}
				for _, v := range proj {
					pt.Valid += v
				}
				if pt.Valid > 0 {
					_, ppp := pt.Margin(d.Leader, d.Runner, sim.OfValid)
					b.textRight(bar.Right()+m.Gap+marginW, my+m.LineSmall, "→ "+l.PP(ppp, 1), Regular, m.Small, palette.TextMuted)
				}
			}
			b.textRight(bar.Right()+m.Gap+marginW, my, l.PP(pp, 1), Regular, m.Small, palette.Text)
		}
		if covW > 0 {
			cv := b.tables(rw.units)
			if rw.expected > 0 {
				cv = l.Percent(float64(rw.units)/float64(rw.expected), 1)
			}
			b.textRight(r.Right(), ty+(m.LineBody-m.LineSmall)/2, cv, Regular, m.Small, palette.Text)
		}
		var act app.Action
		if rw.unit >= 0 {
			act = app.Batch{app.PinUnit{Unit: rw.unit}, app.OpenSource{Unit: rw.unit}}
		} else {
			act = app.DrillDown{Region: rw.region}
		}
		b.hit(Hit{ID: fmt.Sprintf("row-%d", i), R: Rect{r.X, ry, r.W, rowH}, Act: act})
	}
	y += float64(len(rows)) * rowH
	return y - r.Y
}

// PlotPoint maps a dataset point to device pixels in the plot area.
func PlotPoint(plot Rect, p app.Point) (x, y float64) {
	return plot.X + float64(p.X)*plot.W, plot.Bottom() - float64(p.Y)*plot.H
}

// Nearest returns the index in pts of the point nearest to (x, y) within
// radius device pixels, or -1.
func Nearest(plot Rect, pts []app.Point, x, y, radius float64) int {
	best, bestD := -1, radius*radius
	for i, p := range pts {
		px, py := PlotPoint(plot, p)
		d := (px-x)*(px-x) + (py-y)*(py-y)
		if d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

func (b *builder) units(r Rect) float64 {
	st, m, l := b.st, b.m, b.l
	d := st.Data
	if d == nil {
		return 0
	}
	t := d.Tally
	y := r.Y
	title := b.tf(i18n.UnTitle, shortName(t, d.Leader))
	if !d.HasRegistered {
		title = b.tf(i18n.UnTitleVotes, shortName(t, d.Leader))
	}
	y += b.para(r.X, y, r.W, title, Bold, m.H1, m.LineH1, palette.Text)
	if !d.HasRegistered {
		y += b.para(r.X, y, r.W, b.t(i18n.UnNoTurnout), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	if !d.PerUnit {
		y += b.para(r.X, y, r.W, b.t(i18n.UnAggregated), Regular, m.Small, m.LineSmall, palette.TextMuted)
	}
	y += m.Gap
	// Legend: who leads each unit.
	x := r.X
	sw := math.Round(10 * m.Scale)
	for _, c := range []int{d.Leader, d.Runner} {
		b.fill(Rect{x, y + (m.LineSmall-sw)/2, sw, sw}, palette.Candidate(c))
		tr := b.text(x+sw+m.Gap/2, y, b.tf(i18n.UnLeads, shortName(t, c)), Regular, m.Small, palette.Text, 0)
		x = tr.Right() + m.Pad
	}
	y += m.LineSmall + m.Gap
	axisW := b.f.Width(Regular, m.Small, "100%") + m.Gap
	axisH := 2*m.LineSmall + m.Gap
	infoH := 3*m.LineBody + m.Row + m.Gap
	avail := b.sc.Main.Bottom() - m.Pad - y - axisH - infoH
	ph := math.Max(180*m.Scale, math.Min(avail, (r.W-axisW)*0.7))
	plot := Rect{r.X + axisW, y + m.LineSmall/2, r.W - axisW - m.Gap, ph}
	b.fill(plot, palette.Background)
	b.stroke(plot, palette.Grid, m.Stroke)
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		yy := plot.Bottom() - v*plot.H
		b.line(plot.X, yy, plot.Right(), yy, palette.Grid, m.Stroke)
		b.textRight(plot.X-m.Gap/2, yy-m.LineSmall/2, l.Percent(v, 0), Regular, m.Small, palette.TextMuted)
	}
	xmax := d.XMax()
	nt := 4.0
	if b.sc.Narrow {
		nt = 2
	}
	step := 1 / nt
	if !d.HasRegistered {
		step = NiceStep(xmax, int(nt)) / xmax
	}
	for v := 0.0; v <= 1+1e-9; v += step {
		xx := plot.X + v*plot.W
		lab := l.Percent(v, 0)
		if !d.HasRegistered {
			lab = l.Compact(int64(math.Round(v * xmax)))
		}
		tw := b.f.Width(Regular, m.Small, lab)
		tx := math.Min(math.Max(xx-tw/2, plot.X), plot.Right()-tw)
		b.text(tx, plot.Bottom()+m.Gap/2, lab, Regular, m.Small, palette.TextMuted, 0)
	}
	xl := b.t(i18n.UnXTurnout)
	if !d.HasRegistered {
		xl = b.t(i18n.UnXVotes)
	}
	yl := b.tf(i18n.UnYShare, shortName(t, d.Leader))
	b.text(plot.X, plot.Bottom()+m.Gap/2+m.LineSmall, xl+" →   ↑ "+yl, Regular, m.Small, palette.Text, plot.W)
	b.sc.Items = append(b.sc.Items, Item{Kind: Points, R: plot})
	b.sc.Plot = plot
	b.sc.PointSize = math.Max(2, math.Round(3*m.Scale))
	if !d.PerUnit {
		b.sc.PointSize = math.Round(8 * m.Scale)
	}
	b.hit(Hit{ID: "plot", R: plot})
	y = plot.Bottom() + axisH
	// Info on the unit under the pointer, or the hint.
	u := st.Hover
	if u < 0 {
		u = st.Pinned
	}
	if u < 0 || u >= len(t.Units) {
		y += b.para(r.X, y, r.W, b.t(i18n.UnHoverHint), Regular, m.Body, m.LineBody, palette.TextMuted)
		return y - r.Y
	}
	un := &t.Units[u]
	title = un.ID
	switch {
	case b.summedName(un) != "":
		// A sum of tables: its ID is an internal key, not a table's.
		title = b.summedName(un)
	case un.Name != "" && !d.PerUnit:
		title = un.Name
	case un.Name != "":
		title = un.Name + " (" + un.ID + ")"
	}
	for _, p := range t.RegionPath(un.Region) {
		// Names that already say their region ("EDO. ZULIA: 131
		// tables…") do not repeat it.
		if rn := d.RegionName(p); !strings.Contains(title, rn) {
			title += sep + rn
		}
	}
	y += b.para(r.X, y, r.W, title, Bold, m.Body, m.LineBody, palette.Text)
	tot := sim.Totals{Votes: un.Votes, Valid: un.Valid()}
	line := ""
	for i, c := range []int{d.Leader, d.Runner} {
		if i > 0 {
			line += sep
		}
		line += shortName(t, c) + " " + l.Int(un.Votes[c]) + " (" + l.Percent(tot.Share(c, sim.OfValid), 1) + ")"
	}
	if un.Registered > 0 {
		line += sep + b.tf(i18n.UnTurnoutVal, l.Percent(float64(un.Cast())/float64(un.Registered), 1))
	} else {
		line += sep + b.tf(i18n.UnVotes, l.Int(un.Cast()))
	}
	y += b.para(r.X, y, r.W, line, Regular, m.Body, m.LineBody, palette.Text)
	if un.Source != "" {
		lab := b.t(i18n.UnOpenSheet)
		bw := b.buttonWidth(lab)
		b.button("source", Rect{r.X, y + m.Gap/2, math.Min(bw, r.W), m.Row}, lab, app.OpenSource{Unit: u}, false)
		y += m.Row + m.Gap
	}
	return y - r.Y
}

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
		y += b.para(r.X, y, r.W, app.UserText(mc.Err.Error()), Regular, m.Body, m.LineBody, palette.TextMuted)
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

// tables says "N tables", or "1 table".
func (b *builder) tables(n int64) string {
	if n == 1 {
		return b.t(i18n.RgUnitsOne)
	}
	return b.tf(i18n.RgUnitsCount, b.l.Int(n))
}

// summedName names a unit that sums several reporting units (the embedded
// state-level default) in the interface's language: "2.590 mesas con
// electores registrados". It is "" for an ordinary unit.
func (b *builder) summedName(un *sim.Unit) string {
	if un.Count <= 1 {
		return ""
	}
	u := i18n.UnitsFor(b.st.Data.Tally.UnitLevel)
	k := i18n.UnSummedReg
	if un.Registered == sim.Unknown {
		k = i18n.UnSummedNoReg
	}
	return b.l.TUf(k, u, b.l.Int(un.Count))
}
