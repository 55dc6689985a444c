package chart

import (
	"errors"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// renderMap draws a map, or a cartogram, of opts.Map coloured by
// opts.MapMode.
func renderMap(kind Kind, t *sim.Tally, sc scenario.Scenario, opts Options) (*plot.Plot, *Table, error) {
	g := opts.Map
	if g == nil {
		return nil, nil, fmt.Errorf("%w: a %s needs boundaries (a geometry file)", ErrNoData, kind)
	}
	mode := opts.MapMode
	if mode == "" {
		mode = choropleth.Leader
	}
	d, err := computeMap(t, g, mode, sc, opts)
	if err != nil {
		return nil, nil, err
	}
	l := opts.Lang
	m := &mapPlot{credit: g.Attribution, stroke: 0.5}
	if len(g.Shapes) > 300 {
		m.stroke = 0.1
	}
	names := func(c int) string { return surname(t, c) }
	if kind == KindCartogram {
		m.tiles, m.bounds = cartogramTiles(g, d, opts.Sized)
		m.tileTxt = style(sizeTick, palette0, true)
		m.tileTxt.XAlign, m.tileTxt.YAlign = -0.5, -0.5
		m.legend = mapLegend(l, d, names, false)
	} else {
		m.shapes = g.Shapes
		m.fills = make([]color.Color, len(g.Shapes))
		m.bounds = geo.EmptyBounds()
		for i := range g.Shapes {
			m.bounds = m.bounds.Union(g.Shapes[i].Bounds)
		}
		for _, r := range d.Rows {
			m.fills[g.Join.Feature[r.Area]] = r.Color
		}
		m.legend = mapLegend(l, d, names, len(g.Join.Report.NoData) > 0)
	}
	p := newPlot(mapTitle(l, d, names), mapSubtitle(l, kind, g, d, opts.Sized, t))
	p.HideAxes()
	p.Add(m)
	return p, mapTable(kind, t, g, d), nil
}

// computeMap resolves the options' candidates and colours the map.
func computeMap(t *sim.Tally, g *choropleth.Geometry, mode choropleth.Mode, sc scenario.Scenario, opts Options) (*choropleth.Data, error) {
	a, b, err := opts.pair(t, &sim.Aggregate(t).Nation.Totals)
	if err != nil {
		return nil, err
	}
	d, err := choropleth.Compute(t, g, mode, sc, opts.Level, a, b)
	if errors.Is(err, choropleth.ErrNoData) {
		return nil, fmt.Errorf("%w: %w", ErrNoData, err)
	}
	return d, err
}

// palette0 is the tile labels' colour before textOn picks one.
var palette0 = color.Black

// cartogramTiles lays out the matched areas' tiles from their shapes'
// centroids.
func cartogramTiles(g *choropleth.Geometry, d *choropleth.Data, sized bool) ([]tileBox, geo.Bounds) {
	cs := make([]geo.Point, len(d.Rows))
	for i, r := range d.Rows {
		cs[i] = g.Shapes[g.Join.Feature[r.Area]].Centroid()
	}
	var w []float64
	if sized {
		w = d.Weights
	}
	tiles := geo.Cartogram(cs, w)
	b := geo.EmptyBounds()
	out := make([]tileBox, len(tiles))
	for i, tl := range tiles {
		r := d.Rows[tl.Item]
		side := 0.92 * tl.Side
		cx, cy := float64(tl.Col)+0.5, float64(tl.Row)+0.5
		out[i] = tileBox{x0: cx - side/2, y0: cy - side/2, x1: cx + side/2, y1: cy + side/2, fill: r.Color}
		if len(tiles) <= 60 {
			out[i].label = shortLabel(r.Name)
		}
		b = b.Union(geo.Bounds{Min: geo.Point{X: float64(tl.Col), Y: float64(tl.Row)}, Max: geo.Point{X: float64(tl.Col + 1), Y: float64(tl.Row + 1)}})
	}
	return out, b
}

func mapTitle(l i18n.Lang, d *choropleth.Data, names func(int) string) string {
	lv := levelName(l, d.Level, false)
	switch d.Mode {
	case choropleth.Margin:
		return l.Tf(i18n.ChRegionsTitle, names(d.A), names(d.B), lv)
	case choropleth.Shift:
		return l.Tf(i18n.ChMapShiftTitle, names(d.A), names(d.B), lv)
	case choropleth.Coverage:
		return l.Tf(i18n.ChMapCoverageTitle, lv)
	case choropleth.Turnout:
		return l.Tf(i18n.ChMapTurnoutTitle, lv)
	}
	return l.Tf(i18n.ChMapLeaderTitle, lv)
}

func mapSubtitle(l i18n.Lang, kind Kind, g *choropleth.Geometry, d *choropleth.Data, sized bool, t *sim.Tally) string {
	rep := g.Join.Report
	s := l.Tf(i18n.ChMapDrawn, l.Int(int64(rep.Matched)), l.Int(int64(rep.Areas)), levelName(l, d.Level, true), l.Int(int64(len(rep.NoShape))), l.Int(int64(len(rep.NoData))))
	if kind == KindCartogram {
		if sized {
			s = l.T(i18n.ChMapTilesSized) + " " + s
		} else {
			s = l.T(i18n.ChMapTilesEqual) + " " + s
		}
	}
	if d.Unknown > 0 {
		s += " " + l.Tf(i18n.ChMapUnknown, l.Int(int64(d.Unknown)))
	}
	return s
}

// mapTable lists every matched area with its colour's numbers, and the
// join's misses as facts.
func mapTable(kind Kind, t *sim.Tally, g *choropleth.Geometry, d *choropleth.Data) *Table {
	tab := &Table{Kind: kind, Title: "Areas drawn, with the value that colours them (" + string(d.Mode) + ")"}
	tab.fact("mode", string(d.Mode))
	tab.fact("level", d.Level)
	tab.fact("matched", int64(g.Join.Report.Matched))
	tab.fact("areas_without_shape", int64(len(g.Join.Report.NoShape)))
	tab.fact("shapes_without_data", int64(len(g.Join.Report.NoData)))
	tab.Columns = []string{"key", "name", "leader", "runner_up", "margin_pp", "value", "color"}
	id := func(c int) any {
		if c < 0 {
			return nil
		}
		return t.Candidates[c].ID
	}
	for _, r := range d.Rows {
		var v any = r.Value
		if !r.Known {
			v = nil
		}
		tab.row(r.Key, r.Name, id(r.Leader), id(r.Run), r.MarginPP, v, fmt.Sprintf("#%02x%02x%02x", r.Color.R, r.Color.G, r.Color.B))
	}
	return tab
}
