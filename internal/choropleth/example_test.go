package choropleth_test

import (
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// Two states drawn as squares, joined by id; the map is coloured by the
// margin of A over B. Recolouring after a scenario change is another
// Compute on the same Geometry.
func Example() {
	t := &sim.Tally{
		Levels: []string{"state"}, UnitLevel: "table",
		Candidates: []sim.Candidate{{ID: "A"}, {ID: "B", Color: "#aa0000"}},
		Regions:    []sim.Region{{Key: "1", Name: "West", Parent: -1}, {Key: "2", Name: "East", Parent: -1}},
		Units: []sim.Unit{
			{ID: "1", Region: 0, Registered: 100, Votes: []int64{60, 30}, Null: 0, Blank: sim.Unknown},
			{ID: "2", Region: 1, Registered: 100, Votes: []int64{20, 70}, Null: 0, Blank: sim.Unknown},
		},
	}
	shapes := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","id":"1","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},
	 {"type":"Feature","id":"2","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}}]}`
	l, err := geo.Read("two.geojson", strings.NewReader(shapes), geo.ReadOptions{})
	if err != nil {
		panic(err)
	}
	areas, _ := geo.Areas(t, "state")
	g, err := choropleth.New(l, areas, geo.JoinOptions{Key: "id"}, 0, "Boundaries: example")
	if err != nil {
		panic(err)
	}
	d, err := choropleth.Compute(t, g, choropleth.Margin, scenario.Scenario{}, "", 0, 1)
	if err != nil {
		panic(err)
	}
	for _, r := range d.Rows {
		fmt.Printf("%s: A over B %+.1f pp, #%02x%02x%02x\n", r.Name, r.MarginPP, r.Color.R, r.Color.G, r.Color.B)
	}
	// Output:
	// West: A over B +33.3 pp, #489ac8
	// East: A over B -55.6 pp, #aa0000
}
