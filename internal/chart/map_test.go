package chart_test

import (
	"bytes"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// fixtureGeometry joins the fixture's two states to a small committed
// GeoJSON: Norte (with a lake), Sur, and islands that have no data.
func fixtureGeometry(t *testing.T, tl *sim.Tally) *choropleth.Geometry {
	t.Helper()
	f, err := os.Open("testdata/fixture-geometry.geojson")
	require.NoError(t, err)
	defer f.Close()
	l, err := geo.Read("fixture-geometry.geojson", f, geo.ReadOptions{})
	require.NoError(t, err)
	areas, err := geo.Areas(tl, "state")
	require.NoError(t, err)
	g, err := choropleth.New(l, areas, geo.JoinOptions{Key: "id", CheckNames: true}, 0, "Boundaries: test fixture")
	require.NoError(t, err)
	return g
}

// TestGoldenMaps draws the map and the cartogram of the fixture in each
// mode that needs no scenario and compares them with testdata, as
// TestGolden does for the other kinds.
func TestGoldenMaps(t *testing.T) {
	defer chart.SetSVGEmbedFonts(chart.SetSVGEmbedFonts(false))
	cases := []struct {
		kind chart.Kind
		mode choropleth.Mode
	}{
		{chart.KindMap, choropleth.Leader},
		{chart.KindMap, choropleth.Margin},
		{chart.KindMap, choropleth.Turnout},
		{chart.KindCartogram, choropleth.Leader},
	}
	for _, c := range cases {
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			name := string(c.kind) + "-" + string(c.mode) + "-" + l.Code()
			t.Run(name, func(t *testing.T) {
				tl := fixture()
				opts := chart.Options{Lang: l, Map: fixtureGeometry(t, tl), MapMode: c.mode}
				p, tab, err := chart.Render(c.kind, tl, scenario.Scenario{}, opts)
				require.NoError(t, err)
				require.Len(t, tab.Rows, 2, "two states drawn")
				var svg bytes.Buffer
				require.NoError(t, chart.Write(&svg, p, chart.SVG, chart.Social, goldenFooter(l)))
				path := filepath.Join("testdata", name)
				compareText(t, path+".svg", svg.Bytes())
				if l == i18n.EN && c.mode == choropleth.Leader {
					var img bytes.Buffer
					require.NoError(t, chart.Write(&img, p, chart.PNG, chart.Social, goldenFooter(l)))
					comparePNG(t, path+".png", img.Bytes())
				}
			})
		}
	}
}

// TestMapNumbers checks the values behind the map against the
// aggregation: the margin of the leader in each state, exactly.
func TestMapNumbers(t *testing.T) {
	tl := fixture()
	g := fixtureGeometry(t, tl)
	assert.Equal(t, 2, g.Join.Report.Matched)
	assert.Equal(t, []int{2}, g.Join.Report.NoData, "the islands have no data")
	d, err := choropleth.Compute(tl, g, choropleth.Leader, scenario.Scenario{}, "", -1, -1)
	require.NoError(t, err)
	a := sim.Aggregate(tl)
	for _, r := range d.Rows {
		res := a.Result(g.Areas[r.Area].Region)
		lead, run, _ := res.Leader()
		assert.Equal(t, lead, r.Leader, r.Name)
		assert.InDelta(t, 100*float64(res.Votes[lead]-res.Votes[run])/float64(res.Valid), r.MarginPP, 1e-9, r.Name)
		assert.True(t, r.Known)
	}
	_, _, err = chart.Render(chart.KindMap, tl, scenario.Scenario{}, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrNoData, "a map without boundaries")
	_, err = choropleth.Compute(tl, g, choropleth.Shift, scenario.Scenario{}, "", -1, -1)
	assert.ErrorIs(t, err, choropleth.ErrNoData, "a shift needs a scenario")
	_, _, err = chart.Render(chart.KindMap, tl, scenario.Scenario{}, chart.Options{Map: g, MapMode: choropleth.Shift})
	assert.ErrorIs(t, err, chart.ErrNoData, "the chart says so with its own sentinel too")
	d, err = choropleth.Compute(tl, g, choropleth.Coverage, scenario.Scenario{}, "", -1, -1)
	require.NoError(t, err)
	assert.Equal(t, 2, d.Unknown, "no state has an expected number of tables: coverage unknown, drawn grey")
}

// TestMapShiftAndColour: the shift map compares a swing's projection with
// the count (a 5-point swing to A moves every state toward A), and a
// candidate's "color" from the mapping replaces the palette's.
func TestMapShiftAndColour(t *testing.T) {
	tl := fixture()
	g := fixtureGeometry(t, tl)
	sc := scenario.Scenario{Swings: []scenario.Swing{{Candidate: "A", PP: 5}}}
	d, err := choropleth.Compute(tl, g, choropleth.Shift, sc, "", 0, 1)
	require.NoError(t, err)
	for _, r := range d.Rows {
		assert.True(t, r.Known, r.Name)
		assert.Greater(t, r.Value, 0.0, "%s moves toward A", r.Name)
	}
	tl.Candidates[1].Color = "#112233"
	d, err = choropleth.Compute(tl, g, choropleth.Margin, scenario.Scenario{}, "", -1, -1)
	require.NoError(t, err)
	assert.Equal(t, color.RGBA{0x11, 0x22, 0x33, 0xFF}, d.Scale.Colors[len(d.Scale.Colors)-1], "B leads the fixture: the positive end is B's mapping colour")
}
