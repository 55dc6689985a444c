package view

import (
	"fmt"
	"math"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
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
	if b.st.Data == nil {
		return 0
	}
	y := b.crumbs(r, r.Y)
	y = b.searchField(r, y)
	return b.regionTable(r, y) - r.Y
}

// regionTable draws the rows of the region being looked at (or of the
// search) from y and returns the y below them.
func (b *builder) regionTable(r Rect, y float64) float64 {
	st, m, l := b.st, b.m, b.l
	d := st.Data
	rows := b.regionRows()
	if len(rows) == 0 {
		y += b.para(r.X, y, r.W, b.t(i18n.RgNoMatch), Regular, m.Body, m.LineBody, palette.TextMuted)
		return y
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
		b.hit(Hit{ID: fmt.Sprintf("row-%d", i), R: Rect{r.X, ry, r.W, rowH}, Act: act, Label: rw.name})
	}
	y += float64(len(rows)) * rowH
	return y
}

// crumbs draws the path from the nation to the current region, each step a
// link, and returns the y below it.
func (b *builder) crumbs(r Rect, y float64) float64 {
	st, m := b.st, b.m
	d := st.Data
	t := d.Tally
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
		b.hit(Hit{ID: fmt.Sprintf("crumb-%d", i), R: rr, Act: app.DrillDown{Region: p}, Label: labels[i]})
	}
	y += used + m.Gap/2
	return y
}

// searchField draws the region search box and returns the y below it.
func (b *builder) searchField(r Rect, y float64) float64 {
	st, m := b.st, b.m
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
	b.hit(Hit{ID: "search", R: field, Act: app.SetFocus{ID: "search"}, Label: b.t(i18n.RgSearchHint)})
	return y + m.Row + m.Gap
}
