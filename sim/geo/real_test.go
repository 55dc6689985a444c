package geo_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

func loadTally(t *testing.T, path string) *sim.Tally {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	tl, _, err := load.Read(f, load.Options{Name: path})
	require.NoError(t, err, path)
	return tl
}

// TestVenezuelaJoin joins the embedded default's 24 states to
// geoBoundaries' 25 features through VenezuelaISO: every state has a
// shape, and only the Federal Dependencies (no polling tables) have no
// data. Each table entry names the state the boundaries call by that
// ISO code (Caracas is the Capital District's name there).
func TestVenezuelaJoin(t *testing.T) {
	l := readFile(t, shareddata.Path(t, "../geo/venezuela/geoBoundaries-VEN-ADM1_simplified.geojson"), geo.ReadOptions{})
	tl, err := tallybin.Decode(assets.Default)
	require.NoError(t, err)
	areas, err := geo.Areas(tl, "state")
	require.NoError(t, err)
	require.Len(t, areas, 24)
	j, err := geo.JoinAreas(l, areas, geo.JoinOptions{Key: "shapeISO", Table: geo.VenezuelaISO})
	require.NoError(t, err)
	assert.Equal(t, 24, j.Report.Matched)
	// The automatic join finds the table by itself.
	auto, err := geo.JoinTries("auto", l, "")
	require.NoError(t, err)
	o, aj, err := geo.BestJoin(l, areas, auto)
	require.NoError(t, err)
	assert.Equal(t, geo.JoinOptions{Key: "shapeISO", Table: geo.VenezuelaISO}, o)
	assert.Equal(t, j.Feature, aj.Feature)
	assert.Empty(t, j.Report.NoShape)
	require.Len(t, j.Report.NoData, 1)
	assert.Equal(t, "Dependencias Federales", l.Features[j.Report.NoData[0]].Name())
	for i, a := range areas {
		name := l.Features[j.Feature[i]].Name()
		if a.Key == "1" {
			assert.Equal(t, "Caracas", name)
			continue
		}
		assert.True(t, geo.SameName(a.Name, name), "state %s %q joined to %q", a.Key, a.Name, name)
	}
	shapes := l.Shapes(3000)
	pts := 0
	for _, s := range shapes {
		assert.NotEmpty(t, s.Polygons)
		pts += s.Points()
	}
	assert.Less(t, pts, 2*3000+4*len(shapes)*8, "simplified to about the budget (shared borders count twice in the shapes)")
}

// TestUSCountiesJoin joins the 2024 county results to us-atlas's
// counties: more than 3,100 drawn; Alaska's 40 house districts,
// Connecticut's 9 planning regions and the District of Columbia's 8 wards
// have no shape, and the three Alaska codes and the ward whose numbers
// collide with a county's are caught by their names.
func TestUSCountiesJoin(t *testing.T) {
	for _, file := range []string{"counties-10m.json", "counties-albers-10m.json"} {
		t.Run(file, func(t *testing.T) {
			l := readFile(t, shareddata.Path(t, "../geo/us/"+file), geo.ReadOptions{Object: "counties"})
			tl := loadTally(t, shareddata.Path(t, "us-county/2024_US_County_Level_Presidential_Results.csv"))
			areas, err := geo.Areas(tl, "county")
			require.NoError(t, err)
			require.Len(t, areas, 3160)
			j, err := geo.JoinAreas(l, areas, geo.JoinOptions{Key: "id", CheckNames: true})
			require.NoError(t, err)
			assert.Equal(t, 3103, j.Report.Matched)
			assert.Len(t, j.Report.NoShape, 40+9+8)
			assert.Len(t, j.Report.Renamed, 4)
			shapes := l.Shapes(0)
			drawn := 0
			for f, a := range j.Area {
				if a >= 0 && len(shapes[f].Polygons) > 0 {
					drawn++
				}
			}
			assert.Equal(t, 3103, drawn, "every matched county has a shape to fill")
		})
	}
}

func FuzzRead(f *testing.F) {
	two, err := os.ReadFile("testdata/two.topojson")
	require.NoError(f, err)
	f.Add(two, "")
	f.Add(two, "squares")
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Open"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}`), "")
	f.Add([]byte(`{"type":"Feature","id":7,"properties":{"n":1.5},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]],[[0.1,0.1],[0.2,0.1],[0.2,0.2],[0.1,0.1]]]]}}`), "")
	f.Add([]byte(`{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[-1]]}},"arcs":[[[0,0],[1,1],[0,0]]]}`), "a")
	f.Add([]byte(`{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[5]]}},"arcs":[]}`), "")
	f.Add([]byte(`{"type":"Polygon","coordinates":[[[500,500],[600,500],[600,600],[500,500]]]}`), "")
	f.Fuzz(func(t *testing.T, data []byte, object string) {
		l, err := geo.Read("fuzz.json", bytes.NewReader(data), geo.ReadOptions{Object: object})
		if err != nil {
			require.ErrorIs(t, err, geo.ErrGeometry, "every refusal is a geometry error naming the file")
			return
		}
		require.NotEmpty(t, l.Features)
		shapes := l.Shapes(10)
		require.Len(t, shapes, len(l.Features))
		_ = geo.Cartogram([]geo.Point{shapes[0].Centroid()}, nil)
	})
}
