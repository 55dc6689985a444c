package app

import (
	"fmt"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/load"
)

// MapKind is how the Map view draws the areas: their shapes, or a
// cartogram of tiles.
type MapKind int

// The map kinds, in the order of the toggle.
const (
	// MapShapes draws the boundaries.
	MapShapes MapKind = iota
	// MapTiles draws one equal tile per area (geo.Cartogram).
	MapTiles
	// MapTilesSized sizes the tiles by the areas' valid votes.
	MapTilesSized
	numMapKinds
)

var mapKindNames = [...]string{"shapes", "tiles", "sized"}

// String names the kind, as the fragment writes it.
func (k MapKind) String() string {
	if k < 0 || k >= numMapKinds {
		return "shapes"
	}
	return mapKindNames[k]
}

// MapModes are the Map view's colourings, in the order of its control.
var MapModes = []choropleth.Mode{choropleth.Leader, choropleth.Margin, choropleth.Shift, choropleth.Coverage, choropleth.Turnout}

// MapView is what the Map view draws, computed by State.Update when the
// view is shown and the data, the scenario, the region or the colouring
// changed. Exactly one of Data, Err, Missing and NoGeo says what to show.
type MapView struct {
	// Geometry is the data's boundaries joined and projected; Level
	// names the level its features are.
	Geometry *choropleth.Geometry
	Level    string
	// Data colours the areas drawn: the areas of Level inside the region
	// being looked at.
	Data *choropleth.Data
	// Bounds holds the drawn shapes, in the geometry's plane.
	Bounds geo.Bounds
	// Tiles lays out the cartogram (MapTiles, MapTilesSized), one per
	// row of Data, in the rows' order of Tile.Item.
	Tiles []geo.Tile
	// Err is a problem with the boundaries (a bad file, no join) or
	// with the colouring (the shift needs a scenario), to show.
	Err error
	// File names the boundaries file.
	File string
	// Missing names the level being looked at when the boundaries are
	// of a level above it (the municipalities of a state, for states'
	// boundaries).
	Missing string
	// NoGeo says that the data has no boundaries at all.
	NoGeo bool
	// NoData names the shapes without data (the join report's NoData).
	NoData []string
	// Serial changes whenever the colours change, for the front end's
	// cache of filled shapes.
	Serial uint64
}

// mapCache keeps what the Map view computes only when the region or the
// kind changes: the cartogram's layout.
type mapCache struct {
	data   *Dataset
	region int
	kind   MapKind
	tiles  []geo.Tile
	bounds geo.Bounds
	rows   int
	serial uint64
}

// MapMode returns the Map view's colouring (Leader by default).
func (s *State) MapMode() choropleth.Mode {
	if s.mapMode == "" {
		return choropleth.Leader
	}
	return s.mapMode
}

// SetMapMode chooses what colours the Map view's areas.
type SetMapMode struct{ Mode choropleth.Mode }

func (a SetMapMode) apply(s *State) {
	if _, err := choropleth.ParseMode(string(a.Mode)); err != nil || a.Mode == s.MapMode() {
		return
	}
	s.mapMode = a.Mode
	s.mapStale = true
	s.effect(EffectFragment, s.Fragment())
}

// SetMapKind switches the Map view between shapes and a cartogram.
type SetMapKind struct{ Kind MapKind }

func (a SetMapKind) apply(s *State) {
	if a.Kind < 0 || a.Kind >= numMapKinds || a.Kind == s.MapKind {
		return
	}
	s.MapKind = a.Kind
	s.mapStale = true
	s.effect(EffectFragment, s.Fragment())
}

// HoverArea shows the numbers of an area of the Map view (an index of
// MapView.Data.Rows, −1: none) under the pointer.
type HoverArea struct{ Row int }

func (a HoverArea) apply(s *State) { s.MapHover = a.Row }

// PickArea is a click or a tap on row Row of the Map view: it drills down
// into the area's region, as the Regions view does, or into the region
// holding it at the level below the one looked at; an area that is a
// unit (a county) is pinned instead.
type PickArea struct{ Row int }

func (a PickArea) apply(s *State) {
	m := s.Map
	if m == nil || m.Data == nil || a.Row < 0 || a.Row >= len(m.Data.Rows) {
		return
	}
	ar := m.Geometry.Areas[m.Data.Rows[a.Row].Area]
	t := s.Data.Tally
	r := ar.Region
	if ar.Unit >= 0 {
		r = t.Units[ar.Unit].Region
	}
	// The ancestor of the area just below the region looked at.
	path := t.RegionPath(r)
	depth := 0
	if s.Region >= 0 {
		depth = len(t.RegionPath(s.Region))
	}
	if ar.Unit >= 0 && len(path) <= depth {
		s.MapHover, s.MapPinned = a.Row, a.Row
		return
	}
	if depth < len(path) {
		DrillDown{Region: path[depth]}.apply(s)
	}
}

// buildMap computes the Map view for the data, the region and the
// scenario on screen.
func (s *State) buildMap() *MapView {
	d := s.Data
	mg := d.geometry()
	if mg == nil {
		return &MapView{NoGeo: true}
	}
	mv := &MapView{File: d.Geo.Name}
	if mg.Err != nil {
		mv.Err = mg.Err
		return mv
	}
	t := d.Tally
	mv.Geometry, mv.Level = mg.G, mg.LevelName
	for _, f := range mg.G.Join.Report.NoData {
		mv.NoData = append(mv.NoData, mg.G.Names[f])
	}
	child := 0
	if s.Region >= 0 {
		child = t.Regions[s.Region].Level + 1
	}
	if mg.Level < child {
		mv.Missing = t.UnitLevel
		if child < len(t.Levels) {
			mv.Missing = t.Levels[child]
		}
		return mv
	}
	in := choropleth.Input{Tally: t, Agg: d.Agg, Mode: s.MapMode(), Level: mg.LevelName, A: d.Leader, B: d.Runner, Scenario: s.sc}
	if o := s.Out; o != nil && o.eo != nil {
		in.Outcome, in.Projected = o.eo, o.Active
	}
	if s.Region >= 0 {
		in.Keep = func(i int) bool { return inRegion(t, mg.G.Areas[i], s.Region) }
	}
	if len(mg.G.Areas) > 0 && mg.G.Areas[0].Unit >= 0 && s.engine != nil && !s.sc.IsBaseline() && (in.Projected || in.Mode == choropleth.Shift) {
		// The areas are units (counties): the scenario's swings and
		// turnout change reach them one by one.
		if uv, err := s.engine.AdjustUnits(s.sc); err == nil {
			in.UnitVotes = uv
		}
	}
	data, err := choropleth.ComputeFrom(mg.G, in)
	if err != nil {
		mv.Err = err
		return mv
	}
	mv.Data = data
	s.mapLayout(mv)
	return mv
}

// mapLayout sets the drawn bounds and, for a cartogram, the tiles,
// reusing them while the region and the kind stay.
func (s *State) mapLayout(mv *MapView) {
	c := &s.mapCache
	rows := mv.Data.Rows
	if c.data != s.Data || c.region != s.Region || c.kind != s.MapKind || c.rows != len(rows) {
		*c = mapCache{data: s.Data, region: s.Region, kind: s.MapKind, rows: len(rows), serial: c.serial}
		b := geo.EmptyBounds()
		cs := make([]geo.Point, len(rows))
		for i, r := range rows {
			sh := &mv.Geometry.Shapes[mv.Geometry.Join.Feature[r.Area]]
			b = b.Union(sh.Bounds)
			cs[i] = sh.Centroid()
		}
		c.bounds = b
		if s.MapKind != MapShapes {
			var w []float64
			if s.MapKind == MapTilesSized {
				w = mv.Data.Weights
			}
			c.tiles = geo.Cartogram(cs, w)
		}
	}
	c.serial++
	mv.Bounds, mv.Tiles, mv.Serial = c.bounds, c.tiles, c.serial
}

// inRegion reports whether area a lies inside region r.
func inRegion(t *sim.Tally, a geo.Area, r int) bool {
	reg := a.Region
	if a.Unit >= 0 {
		reg = t.Units[a.Unit].Region
	}
	return t.Ancestor(reg, t.Regions[r].Level) == r
}

// LoadGeo gives the data on screen its map: a boundaries file. A file
// that does not read or join is kept, and the Map view says what is
// wrong with it.
type LoadGeo struct {
	File GeoFile
	// Err is a problem met while getting the file (a failed download).
	Err error
}

func (a LoadGeo) apply(s *State) {
	if s.Data == nil {
		return
	}
	l := s.Lang
	if a.Err != nil {
		s.Msg = Message{Text: l.Tf(i18n.MsgBadFile, a.File.Name, l.Error(a.Err)), Err: true}
		return
	}
	f := a.File
	if f.Spec == (load.GeometrySpec{}) && s.Data.geoSpec != nil {
		// What the data's mapping says about the join.
		f.Spec = *s.Data.geoSpec
	}
	s.Data.Geo = &f
	s.mapStale = true
	if s.View != ViewMap {
		s.Msg = Message{Text: l.Tf(i18n.MsgGeoLoaded, f.Name)}
	}
}

// SnapMap is the Map view as the test hook reports it: the colouring,
// the kind, the level drawn and, for maps of up to SnapMapAreas areas,
// each area's value and colour.
type SnapMap struct {
	Mode        string     `json:"mode"`
	Kind        string     `json:"kind"`
	Level       string     `json:"level,omitempty"`
	Drawn       int        `json:"drawn"`
	Unknown     int        `json:"unknown"`
	NoShape     int        `json:"no_shape"`
	NoData      int        `json:"no_data"`
	Missing     string     `json:"missing,omitempty"`
	Error       string     `json:"error,omitempty"`
	Attribution string     `json:"attribution,omitempty"`
	Serial      uint64     `json:"serial"`
	Areas       []SnapArea `json:"areas,omitempty"`
}

// SnapArea is one area of the map.
type SnapArea struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Leader string  `json:"leader"`
	Value  float64 `json:"value"`
	Known  bool    `json:"known"`
	Color  string  `json:"color"`
}

// SnapMapAreas is the most areas the test hook lists one by one.
const SnapMapAreas = 100

// snapMap describes the Map view, or nil when it is not computed.
func (s *State) snapMap() *SnapMap {
	m := s.Map
	if m == nil || s.View != ViewMap {
		return nil
	}
	sm := &SnapMap{Mode: string(s.MapMode()), Kind: s.MapKind.String(), Level: m.Level, Missing: m.Missing, Serial: m.Serial}
	if m.Err != nil {
		sm.Error = m.Err.Error()
	}
	if m.Geometry != nil {
		rep := m.Geometry.Join.Report
		sm.NoShape, sm.NoData, sm.Attribution = len(rep.NoShape), len(rep.NoData), m.Geometry.Attribution
	}
	if m.Data == nil {
		return sm
	}
	sm.Drawn, sm.Unknown = len(m.Data.Rows), m.Data.Unknown
	if len(m.Data.Rows) > SnapMapAreas {
		return sm
	}
	t := s.Data.Tally
	for _, r := range m.Data.Rows {
		a := SnapArea{Key: r.Key, Name: r.Name, Value: r.Value, Known: r.Known, Color: fmt.Sprintf("#%02x%02x%02x", r.Color.R, r.Color.G, r.Color.B)}
		if r.Leader >= 0 {
			a.Leader = t.Candidates[r.Leader].ID
		}
		sm.Areas = append(sm.Areas, a)
	}
	return sm
}
