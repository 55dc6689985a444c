package app

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/load"
)

// GeoFile is a boundaries file (GeoJSON or TopoJSON) for a dataset's map:
// the default data's embedded states, a file named by the data's mapping,
// the page's geo= file, the desktop's --geo flag or a dropped file.
type GeoFile struct {
	Name string
	Data []byte
	// Spec says how the file joins the data; its zero value finds out.
	Spec load.GeometrySpec
	// Budget simplifies the boundaries to about this many points (0:
	// MapPoints); a file already simplified (the embedded states) says
	// -1 to keep every point.
	Budget int
}

// EmbeddedStates is the default data's map: Venezuela's states written
// in screen form (assets.VenezuelaStates), each feature's id its ISO
// 3166-2 code, joined to the acta state codes through geo.VenezuelaISO,
// already simplified, with the credit its licence asks for.
func EmbeddedStates(name string, data []byte, credit string) *GeoFile {
	return &GeoFile{Name: name, Data: data, Budget: -1,
		Spec: load.GeometrySpec{Key: "id", Join: "venezuela", Level: "state", Attribution: credit}}
}

// MapPoints is the point budget of a boundaries file that does not say
// (GeoFile.Budget): the counties of the United States keep their shapes
// at 30,000 points and fill quickly enough under a software renderer.
const MapPoints = 30000

// ErrNoJoin means that no level of the data matches a feature of the
// boundaries.
var ErrNoJoin = errors.New("app: no area of the data matches a shape of the boundaries")

// mapGeometry is a dataset's boundaries, read, joined, projected and
// simplified once (see Dataset.geometry).
type mapGeometry struct {
	G *choropleth.Geometry
	// Level is the level the features draw: an index of Tally.Levels,
	// or len(Levels) for the units.
	Level     int
	LevelName string
	// Layer is the file read, for the names of the shapes without data.
	Layer *geo.Layer
	Key   string
	Err   error
	opts  geo.JoinOptions
}

// IsGeometry reports whether b looks like a boundaries file: a JSON
// object of GeoJSON or TopoJSON type.
func IsGeometry(b []byte) bool {
	head := bytes.TrimLeft(b[:min(len(b), 4096)], " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	for _, t := range []string{`"Topology"`, `"FeatureCollection"`, `"Feature"`} {
		if bytes.Contains(head, []byte(t)) && bytes.Contains(head, []byte(`"type"`)) {
			return true
		}
	}
	return false
}

// geometry returns the dataset's boundaries, built on first use.
func (d *Dataset) geometry() *mapGeometry {
	if d.Geo == nil {
		return nil
	}
	if d.geom == nil || d.geomFrom != d.Geo {
		d.geom, d.geomFrom = buildGeometry(d.Tally, d.Geo), d.Geo
	}
	return d.geom
}

// buildGeometry reads f and joins it to the level of t that matches the
// most features (or the level f.Spec names).
func buildGeometry(t *sim.Tally, f *GeoFile) *mapGeometry {
	sp := f.Spec
	objects := []string{sp.Object}
	if sp.Object == "" {
		objects = topoObjects(f.Data)
	}
	var best *mapGeometry
	var first error
	bestN := -1
	for _, obj := range objects {
		// An object that does not read or join (us-atlas's nation, say)
		// is passed over when another one does.
		l, err := geo.Read(f.Name, bytes.NewReader(f.Data), geo.ReadOptions{Object: obj})
		var mg *mapGeometry
		n := 0
		if err == nil {
			mg, n, err = bestJoin(t, l, sp)
		}
		if err != nil {
			first = cmp.Or(first, err)
			continue
		}
		if n > bestN {
			best, bestN = mg, n
		}
	}
	if best == nil && first != nil {
		return &mapGeometry{Err: first}
	}
	if bestN <= 0 {
		return &mapGeometry{Err: fmt.Errorf("%s: %w", f.Name, ErrNoJoin)}
	}
	budget := f.Budget
	switch {
	case budget == 0:
		budget = MapPoints
	case budget < 0:
		budget = 0
	}
	areas, _ := geo.Areas(t, best.LevelName)
	g, err := choropleth.New(best.Layer, areas, best.opts, budget, sp.Attribution)
	if err != nil {
		return &mapGeometry{Err: err}
	}
	if g.Attribution == "" {
		g.Attribution = best.Layer.Credit()
	}
	best.G = g
	return best
}

// topoObjects lists a TopoJSON file's objects, or one empty name (a
// GeoJSON file, or JSON that geo.Read will refuse with a message).
func topoObjects(b []byte) []string {
	var rt struct {
		Type    string                     `json:"type"`
		Objects map[string]json.RawMessage `json:"objects"`
	}
	if json.Unmarshal(b, &rt) != nil || rt.Type != "Topology" || len(rt.Objects) < 2 {
		return []string{""}
	}
	var names []string
	for k := range rt.Objects {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// bestJoin joins the layer to each level of t the spec allows and
// returns the one that matches the most features, with the count.
func bestJoin(t *sim.Tally, l *geo.Layer, sp load.GeometrySpec) (*mapGeometry, int, error) {
	levels := append(slices.Clone(t.Levels), t.UnitLevel)
	key := cmp.Or(sp.Key, l.DefaultKey())
	if !slices.Contains(geo.JoinMethods, strings.ToLower(cmp.Or(sp.Join, "auto"))) {
		return nil, 0, fmt.Errorf("%s: the mapping's geometry join is %q; it must be %s", l.File, sp.Join, strings.Join(geo.JoinMethods, ", "))
	}
	tries, err := geo.JoinTries(sp.Join, l, sp.Key)
	if err != nil {
		return nil, 0, err
	}
	var best *mapGeometry
	bestN := 0
	for i, lv := range levels {
		if sp.Level != "" && !strings.EqualFold(sp.Level, lv) {
			continue
		}
		areas, err := geo.Areas(t, lv)
		if err != nil || len(areas) == 0 {
			continue
		}
		o, j, err := geo.BestJoin(l, areas, tries)
		if err != nil {
			return nil, 0, err
		}
		if j.Report.Matched > bestN {
			best = &mapGeometry{Level: i, LevelName: lv, Layer: l, Key: key, opts: o}
			bestN = j.Report.Matched
		}
	}
	return best, bestN, nil
}
