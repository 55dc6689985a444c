package geo_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/geo"
)

func readFile(t *testing.T, name string, opts geo.ReadOptions) *geo.Layer {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	l, err := geo.Read(name, f, opts)
	require.NoError(t, err, name)
	return l
}

// TestTopoJSON decodes a quantized, delta-encoded topology of two unit
// squares that share an arc, one drawn with reversed arcs.
func TestTopoJSON(t *testing.T) {
	l := readFile(t, "testdata/two.topojson", geo.ReadOptions{})
	require.Len(t, l.Features, 2)
	assert.Equal(t, "squares", l.Object)
	assert.Equal(t, "01", l.Features[0].ID)
	assert.Equal(t, "West", l.Features[0].Name())
	v, ok := l.Features[1].Prop("iso")
	assert.True(t, ok)
	assert.Equal(t, "XX-E", v)
	assert.Equal(t, 10, l.Points(), "three arcs of 2, 4 and 4 points")
	b := l.Bounds()
	assert.Equal(t, geo.Bounds{Min: geo.Point{X: 10, Y: 20}, Max: geo.Point{X: 12, Y: 21}}, b, "quantized positions undone: x = 10 + 0.5·q")
	l.Project(geo.Conic(20, 21, 11, 20.5))
	shapes := l.Shapes(0)
	require.Len(t, shapes, 2)
	for i, s := range shapes {
		require.Len(t, s.Polygons, 1, "feature %d", i)
		ring := s.Polygons[0][0]
		assert.Len(t, ring, 5, "feature %d: a closed square", i)
		assert.Greater(t, s.Area(), 0.0)
	}
	// The two projected squares have about the same area (equal-area
	// projection) and West lies west of East.
	assert.InDelta(t, 1, shapes[0].Area()/shapes[1].Area(), 1e-3)
	assert.Less(t, shapes[0].Centroid().X, shapes[1].Centroid().X)
}

func TestBadGeometry(t *testing.T) {
	unclosed := `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Open"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}`
	tests := []struct {
		name, data, object string
		want               []string
	}{
		{"invalid JSON", "{\"type\":\"FeatureCollection\",\n \"features\": [}", "", []string{"bad.json:2:15", "invalid JSON"}},
		{"truncated", `{"type":"Topology","objects":{`, "", []string{"bad.json", "invalid JSON"}},
		{"unclosed ring", unclosed, "", []string{"feature 0", `"Open"`, "not closed", "(0, 0)", "(0, 1)"}},
		{"not geo", `{"name":"x"}`, "", []string{"neither GeoJSON nor TopoJSON"}},
		{"other type", `{"type":"Point","coordinates":[0,0]}`, "", []string{`type "Point"`}},
		{"line", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`, "", []string{"LineString", "Polygon or MultiPolygon"}},
		{"no features", `{"type":"FeatureCollection","features":[]}`, "", []string{"has no features"}},
		{"unknown object", mustRead(t, "testdata/two.topojson"), "counties", []string{`no object "counties"`, "squares"}},
		{"several objects", `{"type":"Topology","objects":{"a":{"type":"GeometryCollection","geometries":[]},"b":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}`, "", []string{"2 objects (a, b): name one"}},
		{"arc out of range", `{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[5]]}},"arcs":[[[0,0],[1,1]]]}`, "", []string{"refers to arc 5", "1 arcs"}},
		{"topology ring not closed", `{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[0]]}},"arcs":[[[0,0],[1,1],[2,0]]]}`, "", []string{"not closed"}},
		{"short arc", `{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[0]]}},"arcs":[[[0,0]]]}`, "", []string{"arc 0 has 1 positions"}},
		{"wrong coordinates", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0],[1,0],[1,1],[0]]]}}]}`, "", []string{"position 0 has 1 coordinates"}},
		{"object on GeoJSON", unclosed, "states", []string{"has no objects"}},
		{"features not a list", `{"type":"FeatureCollection","features":{}}`, "", []string{"bad.json:1:", `"features"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := geo.Read("bad.json", strings.NewReader(tc.data), geo.ReadOptions{Object: tc.object})
			require.Error(t, err)
			assert.ErrorIs(t, err, geo.ErrGeometry)
			assert.Contains(t, err.Error(), "bad.json", "the error names the file")
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func mustRead(t *testing.T, name string) string {
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

func TestMissingKey(t *testing.T) {
	l := readFile(t, "testdata/two.topojson", geo.ReadOptions{})
	_, err := geo.JoinAreas(l, []geo.Area{{Key: "1"}}, geo.JoinOptions{Key: "shapeISO"})
	require.Error(t, err)
	assert.ErrorIs(t, err, geo.ErrGeometry)
	assert.Contains(t, err.Error(), `testdata/two.topojson: feature 0: has no "shapeISO" (it has "id", "iso", "name")`)
}

func TestJoinReport(t *testing.T) {
	l := readFile(t, "testdata/two.topojson", geo.ReadOptions{})
	areas := []geo.Area{{Key: "1", Name: "West"}, {Key: "002", Name: "Somewhere else"}, {Key: "3", Name: "North"}}
	j, err := geo.JoinAreas(l, areas, geo.JoinOptions{Key: "id", CheckNames: true})
	require.NoError(t, err)
	assert.Equal(t, []int{0, -1, -1}, j.Feature, "01 = 1; 002 = 2 but the names disagree; 3 has no shape")
	assert.Equal(t, 1, j.Report.Matched)
	assert.Equal(t, []geo.Area{areas[1], areas[2]}, j.Report.NoShape)
	assert.Equal(t, []int{1}, j.Report.NoData)
	require.Len(t, j.Report.Renamed, 1)
	assert.Equal(t, "East", j.Report.Renamed[0].Name)

	j, err = geo.JoinAreas(l, areas[:2], geo.JoinOptions{Key: "iso", Table: map[string]string{"01": "xx-w", "2": "XX-E"}})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1}, j.Feature, "a table is trusted, its codes folded")
	assert.Empty(t, j.Report.NoData)

	j, err = geo.JoinAreas(l, []geo.Area{{Key: "9", Name: "WEST"}}, geo.JoinOptions{Key: "name", ByName: true})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, j.Feature, "by name, without regard to case")
}

// TestBestJoin checks the automatic join: the way that matches the most
// areas wins, the codes as they are on a tie, and an unknown method is
// refused with the methods there are.
func TestBestJoin(t *testing.T) {
	l := readFile(t, "testdata/two.topojson", geo.ReadOptions{})
	auto, err := geo.JoinTries("", l, "id")
	require.NoError(t, err)
	require.Len(t, auto, 3)

	// Codes that do not match, names that do.
	areas := []geo.Area{{Key: "7", Name: "East"}, {Key: "1", Name: "West"}}
	o, j, err := geo.BestJoin(l, areas, auto)
	require.NoError(t, err)
	assert.True(t, o.ByName)
	assert.Equal(t, []int{1, 0}, j.Feature)

	// Codes and names both match: the codes win.
	o, j, err = geo.BestJoin(l, areas[1:], auto)
	require.NoError(t, err)
	assert.Equal(t, geo.JoinOptions{Key: "id", CheckNames: true}, o)
	assert.Equal(t, 1, j.Report.Matched)

	// One way only.
	only, err := geo.JoinTries("Key", l, "id")
	require.NoError(t, err)
	o, j, err = geo.BestJoin(l, areas, only)
	require.NoError(t, err)
	assert.False(t, o.ByName)
	assert.Equal(t, 1, j.Report.Matched)

	_, err = geo.JoinTries("auto", l, "FIPS")
	assert.ErrorContains(t, err, `has no "FIPS"`, "a key asked for must be there")

	_, err = geo.JoinTries("fips", l, "id")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `join "fips": it must be auto, key, name, venezuela`)

	_, _, err = geo.BestJoin(l, areas, auto[:0])
	assert.Error(t, err, "no way to join")
	_, _, err = geo.BestJoin(l, areas, []geo.JoinOptions{{Key: "shapeISO"}})
	assert.ErrorIs(t, err, geo.ErrGeometry, "a key the features lack")
}

func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"EDO.NVA.ESPARTA", "Nueva esparta", true},
		{"EDO. DELTA AMAC", "Delta amacuro", true},
		{"Doña Ana County", "Dona Ana", true},
		{"DeKalb County", "De Kalb", true},
		{"State House District 13", "Aleutians East", false},
		{"Ward 1", "District of Columbia", false},
		{"DTTO. CAPITAL", "Caracas", false},
	} {
		assert.Equal(t, tc.same, geo.SameName(tc.a, tc.b), "%q and %q", tc.a, tc.b)
	}
}

func TestCartogram(t *testing.T) {
	// Nine centroids crowded in one corner, one far away.
	var cs []geo.Point
	for i := range 9 {
		cs = append(cs, geo.Point{X: float64(i%3) * 0.1, Y: float64(i/3) * 0.1})
	}
	cs = append(cs, geo.Point{X: 10, Y: 10})
	tiles := geo.Cartogram(cs, nil)
	require.Len(t, tiles, len(cs))
	seen := map[[2]int]int{}
	for i, tl := range tiles {
		assert.Equal(t, i, tl.Item)
		assert.Equal(t, 1.0, tl.Side)
		c := [2]int{tl.Col, tl.Row}
		_, dup := seen[c]
		assert.False(t, dup, "tile %d overlaps tile %d at %v", i, seen[c], c)
		seen[c] = i
	}
	assert.Greater(t, tiles[9].Col, tiles[0].Col, "the far centroid stays to the right")
	assert.Equal(t, tiles, geo.Cartogram(cs, nil), "deterministic")
	w := []float64{4, 1, 1, 1, 1, 1, 1, 1, 1, 0}
	sized := geo.Cartogram(cs, w)
	assert.Equal(t, 1.0, sized[0].Side)
	assert.InDelta(t, 0.5, sized[1].Side, 1e-12, "a quarter of the weight, half the side")
	assert.Equal(t, 0.1, sized[9].Side)
}

func TestSimplifyKeepsEveryFeature(t *testing.T) {
	l := readFile(t, "testdata/two.topojson", geo.ReadOptions{})
	l.Project(nil)
	shapes := l.Shapes(4) // fewer points than the arcs' ends
	for i, s := range shapes {
		assert.NotEmpty(t, s.Polygons, "feature %d keeps its largest ring", i)
	}
}
