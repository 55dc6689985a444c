package chart

import (
	"cmp"
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// RegionRow is one bar of the regions chart.
type RegionRow struct {
	// Region indexes Tally.Regions.
	Region int
	Key    string
	Name   string
	// VotesA and VotesB are the two candidates' counted votes; Valid the
	// region's counted valid votes; MarginPP the margin of A over B in
	// percentage points of Valid.
	VotesA, VotesB, Valid int64
	MarginPP              float64
	// Units is the number of counted units; ExpectedUnits the region's
	// expectation, or 0 when unknown.
	Units, ExpectedUnits int64
}

// RegionsData are the numbers behind the regions chart.
type RegionsData struct {
	A, B   int
	NameA  string
	NameB  string
	Level  string
	Unit   string
	Rows   []RegionRow // sorted by margin, largest first; ties by key
	Total  int         // regions at the level with counted votes
	Shown  int         // rows drawn (the largest by valid votes)
	LeadsA int         // regions where A leads B
	// HasProjection is set when the votes are a scenario's projection
	// under the missing-unit rule Rule (see ProjectRegions).
	HasProjection bool
	Rule          scenario.Missing
}

// ComputeRegions returns the margin of A over B in every region of a
// level (opts.Level, the outermost by default), sorted from A's best to
// B's best.
func ComputeRegions(a *sim.Aggregation, opts Options) (*RegionsData, error) {
	return computeRegions(a, opts, func(r int) []int64 { return a.Result(r).Votes })
}

// ProjectRegions is ComputeRegions on a scenario's projected votes per
// region (counted plus imputed, after any swing). The scenario must report
// at the chart's level (Scenario.Level), so that the missing units known
// only at a coarser level are spread over its regions.
func ProjectRegions(a *sim.Aggregation, o *scenario.Outcome, opts Options) (*RegionsData, error) {
	if o == nil {
		return nil, fmt.Errorf("%w: no projection", ErrNoData)
	}
	var buf []int64
	d, err := computeRegions(a, opts, func(r int) []int64 {
		buf = o.RegionTotal(r, buf)
		return buf
	})
	if err != nil {
		return nil, err
	}
	d.HasProjection, d.Rule = true, o.Scenario.Missing
	return d, nil
}

func computeRegions(a *sim.Aggregation, opts Options, votes func(r int) []int64) (*RegionsData, error) {
	t := a.Tally
	if len(t.Levels) == 0 {
		return nil, fmt.Errorf("%w: the tally has no regions", ErrNoData)
	}
	level := 0
	if opts.Level != "" {
		l, err := t.LevelIndex(opts.Level)
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		if l < 0 || l >= len(t.Levels) {
			return nil, fmt.Errorf("%w: level %q has no regions to compare", ErrNoData, opts.Level)
		}
		level = l
	}
	ca, cb, err := opts.pair(t, &a.Nation.Totals)
	if err != nil {
		return nil, err
	}
	d := &RegionsData{A: ca, B: cb, NameA: surname(t, ca), NameB: surname(t, cb), Level: t.Levels[level], Unit: t.UnitLevel}
	for _, r := range a.Level(level) {
		res := a.Result(r)
		v := votes(r)
		var valid int64
		for _, x := range v {
			valid += x
		}
		if valid <= 0 {
			continue
		}
		// The margin in points, from the vote difference in one division,
		// so that exact margins print exactly (20, not 19.999999999999996).
		pp := float64(100*(v[ca]-v[cb])) / float64(valid)
		d.Rows = append(d.Rows, RegionRow{
			Region: r, Key: t.Regions[r].Key, Name: t.Regions[r].Name,
			VotesA: v[ca], VotesB: v[cb], Valid: valid, MarginPP: pp,
			Units: res.Units, ExpectedUnits: res.Expected.Units,
		})
		if v[ca] > v[cb] {
			d.LeadsA++
		}
	}
	if len(d.Rows) == 0 {
		return nil, fmt.Errorf("%w: no region of level %q has valid votes", ErrNoData, d.Level)
	}
	d.Total = len(d.Rows)
	max := opts.MaxRegions
	if max <= 0 {
		max = 30
	}
	if len(d.Rows) > max {
		slices.SortStableFunc(d.Rows, func(x, y RegionRow) int { return cmp.Compare(y.Valid, x.Valid) })
		d.Rows = d.Rows[:max]
	}
	d.Shown = len(d.Rows)
	slices.SortStableFunc(d.Rows, func(x, y RegionRow) int {
		if c := cmp.Compare(y.MarginPP, x.MarginPP); c != 0 {
			return c
		}
		return sim.CompareKeys(x.Key, y.Key)
	})
	return d, nil
}

// Regions draws the margin of two candidates in every region of a level,
// sorted, with the counted units (and the coverage, where the expected
// number of units is known) beside each bar.
func Regions(a *sim.Aggregation, opts Options) (*plot.Plot, error) {
	d, err := ComputeRegions(a, opts)
	if err != nil {
		return nil, err
	}
	return regionsPlot(d, opts.Lang), nil
}

func regionsPlot(d *RegionsData, l i18n.Lang) *plot.Plot {
	units := unitsName(l, d.Unit, true)
	art, part := countedWords(l, d.Unit)
	sub := l.Tf(i18n.ChRegionsSub, art, units, part, d.NameA, d.LeadsA, d.Total)
	if d.HasProjection {
		sub = l.Tf(i18n.ChRegionsProj, ruleLabel(l, d.Rule, d.Unit), d.NameA, d.LeadsA, d.Total)
	}
	if d.Shown < d.Total {
		sub += " " + l.Tf(i18n.ChRegionsTop, d.Shown, d.Total)
	}
	p := newPlot(l.Tf(i18n.ChRegionsTitle, d.NameA, d.NameB, levelName(l, d.Level, false)), sub)
	n := len(d.Rows)
	// Row text shrinks when there are many rows, so that names never
	// overlap on a social card.
	size := float64(sizeTick)
	if n > 16 {
		size = max(5.5, sizeTick*16/float64(n)*1.25)
	}
	nameStyle := style(vgLen(size), palette.Text, false)
	nameStyle.YAlign = draw.YCenter
	valueStyle := nameStyle
	valueStyle.Color = palette.TextMuted
	covStyle := valueStyle
	covStyle.XAlign = draw.XLeft
	lo, hi := 0.0, 0.0
	for _, r := range d.Rows {
		lo, hi = min(lo, r.MarginPP), max(hi, r.MarginPP)
	}
	var rs rects
	var ls, covs labels
	for i, r := range d.Rows {
		y := -float64(i)
		clr := palette.Candidate(d.A)
		if r.MarginPP < 0 {
			clr = palette.Candidate(d.B)
		}
		rs = append(rs, rect{x0: 0, x1: r.MarginPP, y0: y - 0.38, y1: y + 0.38, fill: clr})
		// The region's name sits on the side of the axis away from its
		// bar; the margin at the bar's end.
		name := nameStyle
		val := valueStyle
		if r.MarginPP >= 0 {
			name.XAlign = draw.XRight
			ls = append(ls, label{x: 0, y: y, dx: -3, text: r.Name, style: name},
				label{x: r.MarginPP, y: y, dx: 2, text: l.PP(r.MarginPP, 1), style: val})
		} else {
			name.XAlign = draw.XLeft
			val.XAlign = draw.XRight
			ls = append(ls, label{x: 0, y: y, dx: 3, text: r.Name, style: name},
				label{x: r.MarginPP, y: y, dx: -2, text: l.PP(r.MarginPP, 1), style: val})
		}
		cov := l.Int(r.Units)
		if r.ExpectedUnits > 0 {
			cov = l.Percent(float64(r.Units)/float64(r.ExpectedUnits), 0)
		}
		covs = append(covs, label{x: hi, y: y, text: cov, style: covStyle})
	}
	// The coverage column sits right of the longest bar: shift its labels
	// by the widest margin label.
	wide := 0.0
	for _, r := range d.Rows {
		wide = max(wide, float64(valueStyle.Width(l.PP(r.MarginPP, 1))))
	}
	for i := range covs {
		covs[i].dx = vgLen(wide + 12)
	}
	ls = append(ls, covs...)
	head := style(vgLen(size), palette.TextMuted, true)
	head.XAlign = draw.XLeft
	head.YAlign = draw.YBottom
	covHead := units + " " + part
	ls = append(ls, label{x: hi, y: 0.5, dx: vgLen(wide + 12), text: covHead, style: head})
	p.Add(gridLines{vertical: true}, rs, rule{at: 0, vertical: true, line: draw.LineStyle{Color: palette.TextMuted, Width: 0.6}}, ls)
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = ppTicks(l, niceStep(hi-lo, 5))
	p.X.Label.Text = l.T(i18n.ChRegionsAxis)
	p.Y.Min, p.Y.Max = -float64(n)+0.5, 0.5
	p.Y.Tick.Marker = noTicks{}
	p.Y.LineStyle.Width = 0
	p.Y.Padding = 0
	return p
}
