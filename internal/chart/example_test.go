package chart_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// ExampleRender draws the regions chart of a small tally as a social card
// and prints the numbers behind it.
func ExampleRender() {
	t := &sim.Tally{
		Levels: []string{"state"}, UnitLevel: "table",
		Candidates: []sim.Candidate{{ID: "A", Name: "Ana Álvarez"}, {ID: "B", Name: "Bruno Bravo"}},
		Regions:    []sim.Region{{Key: "1", Name: "Norte", Parent: -1}, {Key: "2", Name: "Sur", Parent: -1}},
		Units: []sim.Unit{
			{ID: "1", Region: 0, Votes: []int64{600, 400}, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown},
			{ID: "2", Region: 1, Votes: []int64{450, 550}, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown},
		},
	}
	p, tab, err := chart.Render(chart.KindRegions, t, scenario.Scenario{}, chart.Options{Lang: i18n.ES})
	if err != nil {
		fmt.Println(err)
		return
	}
	var png bytes.Buffer
	if err := chart.Write(&png, p, chart.PNG, chart.Social, chart.Footer{Lang: i18n.ES, Source: "example"}); err != nil {
		fmt.Println(err)
		return
	}
	if err := tab.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # level: state
	// # a: A
	// # b: B
	// key,name,units,expected_units,valid,A,B,margin_votes,margin_pp
	// 1,Norte,1,,1000,600,400,200,20
	// 2,Sur,1,,1000,450,550,-100,-10
}
