package view

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim/geo"
)

// MapScene is the Map view's drawing area: where the layer of filled
// areas goes (an item of kind MapLayer) and how the boundaries' plane
// maps onto it. The front end fills the areas from View.Data's colours,
// caching the shapes' triangles while View.Geometry, R and the rows stay,
// and refilling only when View.Serial changes.
type MapScene struct {
	R    Rect
	View *app.MapView
	// K is device pixels per plane unit; a plane point (x, y) is drawn at
	// (X0 + K·x, Y0 − K·y) (the plane's y grows upwards).
	K, X0, Y0 float64
	// Tiles, for a cartogram, are the rows' squares in device pixels, by
	// row of View.Data; nil draws the shapes.
	Tiles []Rect
	// Hover is the row outlined, or −1.
	Hover int
}

// Point returns where plane point p is drawn.
func (m *MapScene) Point(p geo.Point) (x, y float64) { return m.X0 + m.K*p.X, m.Y0 - m.K*p.Y }

// RowAt returns the row of View.Data drawn at (x, y), or −1.
func (m *MapScene) RowAt(x, y float64) int {
	if m == nil || m.View == nil || m.View.Data == nil || !m.R.Contains(x, y) {
		return -1
	}
	if m.Tiles != nil {
		for i, r := range m.Tiles {
			if r.Contains(x, y) {
				return i
			}
		}
		return -1
	}
	p := geo.Point{X: (x - m.X0) / m.K, Y: (m.Y0 - y) / m.K}
	g := m.View.Geometry
	for i, r := range m.View.Data.Rows {
		sh := &g.Shapes[g.Join.Feature[r.Area]]
		if p.X < sh.Bounds.Min.X || p.X > sh.Bounds.Max.X || p.Y < sh.Bounds.Min.Y || p.Y > sh.Bounds.Max.Y {
			continue
		}
		if inside(sh, p) {
			return i
		}
	}
	return -1
}

// inside reports whether p is inside the shape (even-odd over its rings).
func inside(sh *geo.Shape, p geo.Point) bool {
	in := false
	for _, pg := range sh.Polygons {
		for _, r := range pg {
			for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
				a, b := r[i], r[j]
				if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
					in = !in
				}
			}
		}
	}
	return in
}

// mapModeKeys name the colourings on their control.
var mapModeKeys = map[choropleth.Mode]i18n.Key{
	choropleth.Leader: i18n.MapModeLeader, choropleth.Margin: i18n.MapModeMargin, choropleth.Shift: i18n.MapModeShift,
	choropleth.Coverage: i18n.MapModeCoverage, choropleth.Turnout: i18n.MapModeTurnout,
}

var mapKindKeys = []i18n.Key{i18n.MapKindShapes, i18n.MapKindTiles, i18n.MapKindSized}

// mapView lays out the Map view in r and returns the height used.
func (b *builder) mapView(r Rect) float64 {
	st, m := b.st, b.m
	if st.Data == nil {
		return 0
	}
	y := b.crumbs(r, r.Y)
	mv := st.Map
	if !b.sc.Narrow || mv == nil || mv.Data == nil {
		y = b.mapControls(r, y)
	}
	switch {
	case mv == nil:
		return y - r.Y
	case mv.NoGeo:
		y += b.para(r.X, y, r.W, b.t(i18n.MapNoGeo), Regular, m.Body, m.LineBody, palette.Text)
		return y - r.Y
	case mv.Missing != "":
		return b.mapMissing(r, y, mv) - r.Y
	case mv.Err != nil && mv.Data == nil:
		y = b.mapProblem(r, y, mv)
		return y - r.Y
	}
	y = b.mapUnknown(r, y, mv)
	// The map takes the height left on screen for it, above its legend,
	// the numbers of the area pointed at and the notes; on a phone it
	// comes first, and the controls after the numbers.
	below := b.legendHeight(r.W, mv.Data) + 3*m.LineBody + 4*m.LineSmall + 3*m.Gap
	avail := b.sc.Main.Bottom() - m.Pad - y - below
	h := math.Max(200*m.Scale, math.Min(avail, r.W*0.75))
	if b.sc.Narrow {
		// First on the screen, as tall as the screen shows.
		h = math.Max(160*m.Scale, math.Min(r.W*0.75, b.sc.Main.Bottom()-m.Pad-y-2*m.LineSmall))
	}
	area := Rect{r.X, y, r.W, math.Round(h)}
	b.placeMap(area, mv)
	y = area.Bottom() + m.Gap
	y = b.legend(r, y, mv.Data)
	y = b.mapInfo(r, y, mv)
	if b.sc.Narrow {
		y = b.mapControls(r, y)
	}
	y = b.mapNotes(r, y, mv)
	return y - r.Y
}

// mapUnknown says, above the map, why no area has a colour, when none
// has: the default data know the expected tables of the whole country
// only, so no state's coverage is known.
func (b *builder) mapUnknown(r Rect, y float64, mv *app.MapView) float64 {
	d, m, l := mv.Data, b.m, b.l
	if d.Unknown < len(d.Rows) {
		return y
	}
	s := l.Tf(i18n.ChMapUnknown, l.Int(int64(d.Unknown)))
	if d.Mode == choropleth.Coverage {
		all := "–"
		if f, ok := b.st.Data.Agg.Nation.Coverage().UnitsFraction(); ok {
			all = l.Percent(f, 1)
		}
		s = b.tf(i18n.MapCovUnknown, i18n.LevelFor(mv.Level).One(l), all)
	}
	return y + b.para(r.X, y, r.W, s, Regular, m.Body, m.LineBody, palette.Text) + m.Gap
}

// mapControls draws the colouring and the kind controls and returns the y
// below them.
func (b *builder) mapControls(r Rect, y float64) float64 {
	st, m := b.st, b.m
	row := func(label string, ids []string, labels []string, acts []app.Action, sel int) {
		lw := b.f.Width(Regular, m.Small, label) + m.Gap
		widths := make([]float64, len(labels))
		for i, s := range labels {
			widths[i] = b.buttonWidth(s)
		}
		x := r.X + lw
		if b.sc.Narrow {
			// On a phone the label sits above its buttons.
			b.text(r.X, y, label, Regular, m.Small, palette.TextMuted, r.W)
			y += m.LineSmall
			x = r.X
		} else {
			b.text(r.X, y+(m.Row-m.LineSmall)/2, label, Regular, m.Small, palette.TextMuted, lw)
		}
		rects, used := Flow(Rect{x, y, r.Right() - x, 0}, widths, m.Gap/2, m.Row)
		for i := range labels {
			b.button(ids[i], rects[i], labels[i], acts[i], i == sel)
		}
		y += used + m.Gap
	}
	var ids, labels []string
	var acts []app.Action
	sel := 0
	for i, md := range app.MapModes {
		ids, labels, acts = append(ids, "map-"+string(md)), append(labels, b.t(mapModeKeys[md])), append(acts, app.SetMapMode{Mode: md})
		if md == st.MapMode() {
			sel = i
		}
	}
	row(b.t(i18n.MapColourBy), ids, labels, acts, sel)
	ids, labels, acts = nil, nil, nil
	for i, k := range mapKindKeys {
		kind := app.MapKind(i)
		ids, labels, acts = append(ids, "map-kind-"+kind.String()), append(labels, b.t(k)), append(acts, app.SetMapKind{Kind: kind})
	}
	row(b.t(i18n.MapDraw), ids, labels, acts, int(st.MapKind))
	return y
}

// placeMap fits the drawn areas (or tiles) into area and adds the map
// layer.
func (b *builder) placeMap(area Rect, mv *app.MapView) {
	ms := &MapScene{R: area, View: mv, Hover: b.st.MapHover}
	if ms.Hover < 0 {
		ms.Hover = b.st.MapPinned
	}
	bounds := mv.Bounds
	if mv.Tiles != nil {
		bounds = geo.EmptyBounds()
		for _, tl := range mv.Tiles {
			bounds = bounds.Union(geo.Bounds{Min: geo.Point{X: float64(tl.Col), Y: float64(tl.Row)}, Max: geo.Point{X: float64(tl.Col + 1), Y: float64(tl.Row + 1)}})
		}
	}
	bw, bh := bounds.Max.X-bounds.Min.X, bounds.Max.Y-bounds.Min.Y
	if bw <= 0 || bh <= 0 {
		return
	}
	inner := area.Inset(b.m.Gap)
	ms.K = math.Min(inner.W/bw, inner.H/bh)
	ms.X0 = inner.X + (inner.W-ms.K*bw)/2 - ms.K*bounds.Min.X
	ms.Y0 = inner.Y + (inner.H-ms.K*bh)/2 + ms.K*bounds.Max.Y
	if mv.Tiles != nil {
		ms.Tiles = make([]Rect, len(mv.Data.Rows))
		for _, tl := range mv.Tiles {
			side := 0.92 * tl.Side * ms.K
			cx, cy := ms.Point(geo.Point{X: float64(tl.Col) + 0.5, Y: float64(tl.Row) + 0.5})
			ms.Tiles[tl.Item] = Rect{math.Round(cx - side/2), math.Round(cy - side/2), math.Round(side), math.Round(side)}
		}
	}
	b.sc.Map = ms
	b.sc.Items = append(b.sc.Items, Item{Kind: MapLayer, R: area})
	b.hit(Hit{ID: "map", R: area, Label: b.t(i18n.TabMap)})
	if ms.Tiles != nil && len(ms.Tiles) <= 60 {
		b.tileLabels(ms)
	}
}

// tileLabels writes a short name in each tile big enough for one.
func (b *builder) tileLabels(ms *MapScene) {
	m := b.m
	for i, tr := range ms.Tiles {
		row := ms.View.Data.Rows[i]
		s := shortArea(row.Name)
		if tr.W < b.f.Width(Bold, m.Small, s)+1.5*m.Gap || tr.H < m.LineSmall {
			continue
		}
		b.textCenter(tr, s, Bold, m.Small, textOn(row.Color))
	}
}

// shortArea abbreviates an area's name for a tile: the initials of a name
// of several words, else its first three letters, without the words that
// only say what kind of area it is ("EDO.", "County").
func shortArea(name string) string {
	var words []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		switch strings.ToLower(w) {
		case "edo", "estado", "dtto", "distrito", "county", "parish", "de", "del", "la", "el", "los", "las":
			if len(words) > 0 || strings.ToLower(w) != "distrito" {
				continue
			}
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return ""
	}
	if len(words) == 1 {
		r := []rune(strings.ToUpper(words[0]))
		return string(r[:min(3, len(r))])
	}
	var s []rune
	for _, w := range words[:min(3, len(words))] {
		s = append(s, []rune(strings.ToUpper(w))[0])
	}
	return string(s)
}

// textOn returns the text colour that reads on fill c.
func textOn(c color.RGBA) color.RGBA {
	lum := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	if lum < 140 {
		return palette.Background
	}
	return palette.Text
}

// mapMissing says that there are no boundaries below the level drawn, and
// offers the way up and the Regions tab, which lists the areas.
func (b *builder) mapMissing(r Rect, y float64, mv *app.MapView) float64 {
	st, m := b.st, b.m
	lv := i18n.LevelFor(mv.Missing).Many(b.l)
	drawn := i18n.LevelFor(mv.Level).Many(b.l)
	y += b.para(r.X, y, r.W, b.tf(i18n.MapMissing, lv, st.Data.RegionName(st.Region), drawn), Regular, m.Body, m.LineBody, palette.Text)
	y += m.Gap
	labels := []string{b.t(i18n.MapUp), b.t(i18n.MapOpenRegions)}
	acts := []app.Action{app.DrillUp{}, app.SetView{View: app.ViewRegions}}
	widths := []float64{b.buttonWidth(labels[0]), b.buttonWidth(labels[1])}
	rects, used := Flow(Rect{r.X, y, r.W, 0}, widths, m.Gap, m.Row)
	for i, id := range []string{"map-up", "map-regions"} {
		b.button(id, rects[i], labels[i], acts[i], false)
	}
	return y + used + m.Gap
}

// mapProblem says what is wrong with the boundaries file, or why the
// colouring cannot be shown.
func (b *builder) mapProblem(r Rect, y float64, mv *app.MapView) float64 {
	s, c := b.mapProblemText(mv)
	return y + b.para(r.X, y, r.W, s, Regular, b.m.Body, b.m.LineBody, c)
}

// mapProblemText is mapProblem's sentence, naming the file once, and its
// colour.
func (b *builder) mapProblemText(mv *app.MapView) (string, color.RGBA) {
	if errors.Is(mv.Err, choropleth.ErrNoData) && b.st.MapMode() == choropleth.Shift {
		return b.t(i18n.MapShiftHint), palette.Text
	}
	return b.tf(i18n.MapBadGeo, mv.File, strings.TrimPrefix(b.l.Error(mv.Err), "geo: "+mv.File+": ")), palette.Candidate(1)
}

// mapCredit words the boundaries' attribution in the app's language.
func (b *builder) mapCredit(attr string) string {
	if rest, ok := strings.CutPrefix(attr, "Boundaries: "); ok {
		return b.tf(i18n.MapCredit, rest)
	}
	return attr
}

// mapNotes writes the join report and the attribution, and returns the y
// below them.
func (b *builder) mapNotes(r Rect, y float64, mv *app.MapView) float64 {
	for _, s := range b.mapNoteLines(mv) {
		y += b.para(r.X, y, r.W, s, Regular, b.m.Small, b.m.LineSmall, palette.TextMuted)
	}
	return y
}

// mapNoteLines are the notes under the map, on screen and in the mirror:
// what colours it, the join report and the attribution.
func (b *builder) mapNoteLines(mv *app.MapView) []string {
	l := b.l
	rep := mv.Geometry.Join.Report
	var notes []string
	if mv.Data.Mode == choropleth.Shift && !b.st.Out.Active {
		notes = append(notes, b.t(i18n.MapShiftHint))
	} else if b.st.Out.Active && (mv.Data.Mode == choropleth.Leader || mv.Data.Mode == choropleth.Margin) {
		notes = append(notes, b.t(i18n.MapProjected))
	}
	lv := i18n.LevelFor(mv.Level).Many(l)
	notes = append(notes, l.Tf(i18n.ChMapDrawn, l.Int(int64(len(mv.Data.Rows))), l.Int(int64(rep.Areas)), lv, l.Int(int64(len(rep.NoShape))), l.Int(int64(len(rep.NoData)))))
	if n := len(rep.NoShape); n > 0 {
		names := make([]string, 0, n)
		for _, a := range rep.NoShape {
			names = append(names, strings.TrimSpace(a.Key+" "+a.Name))
		}
		notes = append(notes, b.tf(i18n.MapNoShapeList, l.Int(int64(n)), listNames(l, names)))
	}
	if n := len(mv.NoData); n > 0 {
		notes = append(notes, b.tf(i18n.MapNoDataList, l.Int(int64(n)), listNames(l, mv.NoData)))
	}
	if d := mv.Data; d.Unknown > 0 {
		notes = append(notes, l.Tf(i18n.ChMapUnknown, l.Int(int64(d.Unknown))))
	}
	if a := mv.Geometry.Attribution; a != "" {
		notes = append(notes, b.mapCredit(a))
	}
	return notes
}

// listNames joins up to 12 names, and says how many more there are.
func listNames(l i18n.Lang, names []string) string {
	if len(names) <= 12 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:12], ", ") + fmt.Sprintf(" … (+%s)", l.Int(int64(len(names)-12)))
}
