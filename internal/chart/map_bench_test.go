package chart_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// usCounties loads the 2024 county results into benchTally and returns
// their geometry and the function that reads it.
func usCounties(b *testing.B) (*choropleth.Geometry, func() *choropleth.Geometry) {
	csv := shareddata.Open(b, "us-county/2024_US_County_Level_Presidential_Results.csv")
	tl, _, err := load.Read(csv, load.Options{Name: "2024.csv"})
	require.NoError(b, err)
	path := shareddata.Path(b, "../geo/us/counties-10m.json")
	read := func() *choropleth.Geometry {
		f, err := os.Open(path)
		require.NoError(b, err)
		defer f.Close()
		l, err := geo.Read(path, f, geo.ReadOptions{Object: "counties"})
		require.NoError(b, err)
		areas, err := geo.Areas(tl, "county")
		require.NoError(b, err)
		g, err := choropleth.New(l, areas, geo.JoinOptions{Key: "id", CheckNames: true}, 40000, "")
		require.NoError(b, err)
		return g
	}
	benchTally = tl
	return read(), read
}

var benchTally = fixture()

// BenchmarkMapGeometryUSCounties reads us-atlas's 3,231 counties
// (TopoJSON, longitude and latitude), joins the 2024 results, projects
// them to Albers USA and simplifies them to 40,000 points.
func BenchmarkMapGeometryUSCounties(b *testing.B) {
	_, read := usCounties(b)
	b.ResetTimer()
	for b.Loop() {
		read()
	}
}

// BenchmarkMapColourUSCounties colours the 3,103 joined counties by
// leader and margin: the work of a recolouring, without the drawing.
func BenchmarkMapColourUSCounties(b *testing.B) {
	g, _ := usCounties(b)
	b.ResetTimer()
	for b.Loop() {
		_, err := choropleth.Compute(benchTally, g, choropleth.Leader, scenario.Scenario{}, "", -1, -1)
		require.NoError(b, err)
	}
}
