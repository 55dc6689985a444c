package scenario_test

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// exampleTally has two counted tables out of four expected, with 1,000
// registered voters expected in all.
func exampleTally() *sim.Tally {
	return &sim.Tally{
		Levels:     []string{"state"},
		UnitLevel:  "table",
		Candidates: []sim.Candidate{{ID: "A", Name: "Ana"}, {ID: "B", Name: "Ben"}},
		Regions:    []sim.Region{{Level: 0, Key: "1", Name: "North", Parent: -1}},
		Units: []sim.Unit{
			{ID: "1", Region: 0, Registered: 250, Votes: []int64{120, 60}, Null: 0, Blank: sim.Unknown},
			{ID: "2", Region: 0, Registered: 250, Votes: []int64{100, 70}, Null: 0, Blank: sim.Unknown},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 4, Registered: 1000}},
	}
}

func ExampleEngine_Run() {
	e, err := scenario.New(exampleTally())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, sc := range []scenario.Scenario{
		{},
		{Missing: scenario.MissingLikeRegion},
		{Missing: scenario.MissingWorstCase},
	} {
		o, err := e.Run(sc)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-11q %s wins by %d votes; %d remaining votes (%s)\n",
			sc.Missing, o.Candidates[o.Winner].Name, o.Margin, o.Remaining, o.RemainingMethod)
	}
	// Output:
	// ""          Ana wins by 90 votes; 0 remaining votes ()
	// "like-region" Ana wins by 180 votes; 350 remaining votes (turnout)
	// "worst-case" Ben wins by 410 votes; 500 remaining votes (full)
}

func ExampleBreakEvenVotes() {
	// The CNE's first bulletin: Maduro 5,150,092, González 4,445,978,
	// others 462,704, with "80%" counted: 2,514,694 votes remained.
	b := scenario.BreakEvenVotes([]int64{4445978, 5150092, 462704}, 2514694)
	fmt.Printf("the runner-up needs %.2f%% of the remaining votes; impossible: %v; locked: %v\n", 100*b.Needed, b.Impossible, b.Locked)
	// Output: the runner-up needs 61.70% of the remaining votes; impossible: false; locked: false
}

func ExampleScenario_String() {
	sc := scenario.Scenario{Missing: scenario.MissingWorstCase, RegisteredTotal: 21392464}.Stamp("fd2712796bf8")
	s := sc.String()
	back, err := scenario.Decode(s)
	fmt.Println(err, back.Missing, back.RegisteredTotal, back.Engine, back.Data, back.String() == s)
	// Output: <nil> worst-case 21392464 scenario/2 fd2712796bf8 true
}

func ExampleMonteCarlo_Step() {
	e, err := scenario.New(exampleTally())
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := e.NewMonteCarlo(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 1000, Seed: 1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	// A user interface makes a few runs per frame.
	for !m.Done() {
		m.Step(250)
	}
	r := m.Result()
	fmt.Printf("%d runs; Ana wins %.0f%% of them\n", r.Runs, 100*r.WinProb[0])
	// Output: 1000 runs; Ana wins 100% of them
}
