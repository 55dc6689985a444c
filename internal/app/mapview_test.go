package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/choropleth"
)

// defaultMapState is the default data with its embedded map, on the Map
// view.
func defaultMapState(t testing.TB, frag string) *State {
	d, err := Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	s := New(d, 0, frag)
	s.Apply(LoadGeo{File: *EmbeddedStates(assets.VenezuelaStatesName, assets.VenezuelaStates, assets.VenezuelaStatesAttribution)})
	s.Apply(SetView{View: ViewMap})
	s.Update(0)
	return s
}

func TestMapOfTheDefaultDrawsEveryState(t *testing.T) {
	s := defaultMapState(t, "")
	m := s.Map
	require.NotNil(t, m)
	require.NoError(t, m.Err)
	require.NotNil(t, m.Data)
	assert.Equal(t, "state", m.Level)
	assert.Len(t, m.Data.Rows, 24)
	assert.Equal(t, 24, m.Geometry.Join.Report.Matched)
	assert.Empty(t, m.Geometry.Join.Report.NoShape)
	assert.Equal(t, []string{"Dependencias Federales"}, m.NoData, "the Federal Dependencies have no tables")
	assert.Equal(t, "Boundaries: geoBoundaries.org", m.Geometry.Attribution)

	// A swing recolours the leader map (the scenario's projection).
	before := m.Data.Rows[0].Value
	s.Apply(SetSwing{Which: 1, PP: 10})
	s.Update(0)
	assert.NotEqual(t, before, s.Map.Data.Rows[0].Value)
	assert.Greater(t, s.Map.Serial, m.Serial)

	// Coverage is the count's; the default data know the expected
	// tables of the whole country only, so no state's is known.
	s.Apply(SetMapMode{Mode: choropleth.Coverage})
	s.Update(0)
	assert.Equal(t, 24, s.Map.Data.Unknown)

	// Drilling into a state: no boundaries for its municipalities.
	s.Apply(PickArea{Row: 0})
	s.Update(0)
	assert.Equal(t, ViewMap, s.View)
	assert.GreaterOrEqual(t, s.Region, 0)
	assert.Equal(t, "municipality", s.Map.Missing)
	assert.Nil(t, s.Map.Data)
}

func TestMapFragmentRoundTrip(t *testing.T) {
	s := defaultMapState(t, "")
	s.Apply(SetMapMode{Mode: choropleth.Coverage})
	s.Apply(SetMapKind{Kind: MapTilesSized})
	s.Update(0)
	f := s.Fragment()
	assert.Equal(t, "cartogram=sized&colour=coverage&view=map", f)
	r := defaultMapState(t, f)
	assert.Equal(t, ViewMap, r.View)
	assert.Equal(t, choropleth.Coverage, r.MapMode())
	assert.Equal(t, MapTilesSized, r.MapKind)
	assert.Len(t, r.Map.Tiles, 24)
	assert.Equal(t, f, r.Fragment())

	bad := defaultMapState(t, "view=map&colour=rainbow&cartogram=hex")
	assert.Equal(t, choropleth.Leader, bad.MapMode())
	assert.Contains(t, bad.Msg.Text, "colour")
	assert.Contains(t, bad.Msg.Text, "cartogram")
}

func TestMapOfBadGeometrySaysWhy(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"broken.json", `{"type":"FeatureCollection","features":[`, "broken.json"},
		{"open.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"VE-V","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}]}`, "open.geojson"},
		{"elsewhere.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"XX","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`, "elsewhere.geojson"},
		{"topo.json", `{"type":"Topology","objects":{},"arcs":[]}`, "topo.json"},
	} {
		d, err := Load(assets.Default, assets.DefaultName)
		require.NoError(t, err)
		s := New(d, 0, "view=map")
		s.Apply(LoadFile{Name: c.name, Data: []byte(c.body)})
		s.Update(0)
		require.NotNil(t, s.Map, c.name)
		require.Error(t, s.Map.Err, c.name)
		assert.Contains(t, s.Map.Err.Error(), c.want, c.name)
		assert.Nil(t, s.Map.Data, c.name)
	}
}
