package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// mapGeometry writes boundaries for chartFixture's states: Alfa and Beta
// share a border; a third shape has no data.
func mapGeometry(t *testing.T, body string) string {
	t.Helper()
	if body == "" {
		body = `{"type":"FeatureCollection","features":[
{"type":"Feature","id":"1","properties":{"name":"Alfa"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},
{"type":"Feature","id":"2","properties":{"name":"Beta"},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}},
{"type":"Feature","id":"3","properties":{"name":"Gamma"},"geometry":{"type":"Polygon","coordinates":[[[2,0],[3,0],[3,1],[2,0]]]}}]}`
	}
	p := filepath.Join(t.TempDir(), "shapes.geojson")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func TestChartMap(t *testing.T) {
	data := chartFixture(t)
	geom := mapGeometry(t, "")
	dir := t.TempDir()
	for _, kind := range []string{"map", "cartogram"} {
		for _, ext := range []string{"svg", "png", "pdf"} {
			out := filepath.Join(dir, kind+"."+ext)
			stdout, stderr, code := chartCLI("chart", kind, "--geometry", geom, "--colour", "margin", "--out", out, data)
			require.Equal(t, 0, code, "%s %s: %s", kind, ext, stderr)
			assert.Contains(t, stdout, "wrote "+out)
			assert.Contains(t, stderr, "2 of 2 areas matched 3 shapes")
			assert.Contains(t, stderr, "join: 1 shapes with no data\n  no data: 3 Gamma")
			st, err := os.Stat(out)
			require.NoError(t, err)
			assert.Greater(t, st.Size(), int64(1000))
		}
	}
	svg, err := os.ReadFile(filepath.Join(dir, "map.svg"))
	require.NoError(t, err)
	assert.Contains(t, string(svg), "Boundaries: shapes.geojson", "the credit names the file when the source is not known")
}

func TestChartMapErrors(t *testing.T) {
	data := chartFixture(t)
	out := filepath.Join(t.TempDir(), "m.svg")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no geometry", nil, "need --geometry"},
		{"invalid JSON", []string{"--geometry", mapGeometry(t, "{\"type\": ")}, "invalid JSON"},
		{"unclosed", []string{"--geometry", mapGeometry(t, `{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}`)}, "is not closed"},
		{"missing key", []string{"--geometry", mapGeometry(t, ""), "--key", "FIPS"}, `feature 0: has no "FIPS" (it has "id", "name")`},
		{"unknown object", []string{"--geometry", mapGeometry(t, `{"type":"Topology","objects":{"states":{"type":"GeometryCollection","geometries":[]}},"arcs":[]}`), "--object", "counties"}, `has no object "counties" (its objects: states)`},
		{"bad colour", []string{"--geometry", mapGeometry(t, ""), "--colour", "rainbow"}, "rainbow"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"chart", "map", "--out", out}, tc.args...)
			_, stderr, code := chartCLI(append(args, data)...)
			assert.NotEqual(t, 0, code)
			assert.Contains(t, stderr, tc.want)
			assert.NotContains(t, stderr, "panic")
			if strings.Contains(tc.want, "JSON") || tc.name == "unclosed" {
				assert.Contains(t, stderr, "shapes.geojson", "the error names the file")
			}
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "no blank map is written")
		})
	}
}

// TestChartMapReal draws both real data sets when ../shared is there:
// Venezuela's 24 states (the Federal Dependencies without data) and the
// US 2024 counties (3,103 drawn; 57 without a shape).
func TestChartMapReal(t *testing.T) {
	dir := t.TempDir()
	ve := shareddata.Path(t, "../geo/venezuela/geoBoundaries-VEN-ADM1_simplified.geojson")
	_, stderr, code := chartCLI("chart", "map", "--geometry", ve, "--out", filepath.Join(dir, "ve.svg"), "--default")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "24 of 24 areas matched 25 shapes")
	assert.Contains(t, stderr, "no data: VE-W Dependencias Federales")
	us := shareddata.Path(t, "../geo/us/counties-albers-10m.json")
	csv := shareddata.Path(t, "us-county/2024_US_County_Level_Presidential_Results.csv")
	_, stderr, code = chartCLI("chart", "cartogram", "--geometry", us, "--object", "counties", "--level", "county", "--out", filepath.Join(dir, "us.png"), csv)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "3103 of 3160 areas matched 3142 shapes")
	assert.Contains(t, stderr, "join: 57 areas with data but no shape")
	assert.Contains(t, stderr, `same key, different name: 02013 "State House District 13" is not "Aleutians East"`)
}
