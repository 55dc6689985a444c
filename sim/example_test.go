package sim_test

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// ExampleAggregate sums three polling tables in two states, lists the
// states in key order and compares the counted tables with what is known
// of the whole election.
func ExampleAggregate() {
	t := &sim.Tally{
		Levels:     []string{"state"},
		UnitLevel:  "table",
		Candidates: []sim.Candidate{{ID: "A", Name: "Ana"}, {ID: "B", Name: "Beto"}},
		Regions:    []sim.Region{{Key: "10", Name: "North", Parent: -1}, {Key: "2", Name: "South", Parent: -1}},
		Units: []sim.Unit{
			{ID: "1", Region: 0, Registered: sim.Unknown, Votes: []int64{120, 80}, Null: 3, Blank: sim.Unknown},
			{ID: "2", Region: 0, Registered: sim.Unknown, Votes: []int64{90, 110}, Null: 1, Blank: sim.Unknown},
			{ID: "1", Region: 1, Registered: sim.Unknown, Votes: []int64{40, 160}, Null: 0, Blank: sim.Unknown},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 4}},
	}
	a := sim.Aggregate(t)
	n := a.Nation
	lead, runnerUp, _ := n.Leader()
	votes, pp := n.Margin(lead, runnerUp, sim.OfValid)
	fmt.Printf("%s leads with %.1f%% of %s, by %d votes (%+.1f pp)\n",
		t.Candidates[lead].Name, 100*n.Share(lead, sim.OfValid), sim.OfValid, votes, pp)
	for _, r := range a.Level(0) {
		res := a.Result(r)
		fmt.Printf("%s: %v (tables: %d)\n", t.Regions[r].Name, res.Votes, res.Units)
	}
	f, _ := n.Coverage().UnitsFraction()
	fmt.Printf("coverage: %d of %d tables (%.0f%%)\n", n.Units, n.Expected.Units, 100*f)
	// Output:
	// Beto leads with 58.3% of valid votes, by 100 votes (+16.7 pp)
	// South: [40 160] (tables: 1)
	// North: [210 190] (tables: 2)
	// coverage: 3 of 4 tables (75%)
}
