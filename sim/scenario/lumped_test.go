package scenario_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// ukLike is a first-past-the-post file in the shape of the UK's
// constituency results: three parties with columns and one column adding
// up every other candidate. In B and D that column is the largest, though
// no single candidate in it need have come close; in E it is smaller than
// Con, so Con's win there is certain.
const ukLike = "region,constituency,Con,Lab,LD,All other candidates\n" +
	"North,A,100,200,50,30\n" +
	"North,B,150,120,60,400\n" +
	"South,C,300,100,90,20\n" +
	"South,D,80,90,70,350\n" +
	"South,E,500,100,40,300\n"

func ukTally(t *testing.T, lumped bool) *sim.Tally {
	t.Helper()
	agg := "true"
	if !lumped {
		agg = "false"
	}
	m, err := load.ReadMapping(strings.NewReader(`{"levels":["region","constituency"],"candidates":["Con","Lab","LD",{"column":"All other candidates","aggregate":`+agg+`}]}`), "uk.json")
	require.NoError(t, err)
	tl, _, err := load.Read(strings.NewReader(ukLike), load.Options{Name: "uk.csv", Mapping: m})
	require.NoError(t, err)
	return tl
}

// TestLumpedWinsNoSeat: a column that lumps several candidates is a
// remainder. It wins no seat; where it outpolls every named candidate the
// seat's winner is unknown, not the lump and not the named runner.
func TestLumpedWinsNoSeat(t *testing.T) {
	e := engine(t, ukTally(t, true))
	s, err := e.Seats(scenario.Scenario{}, false)
	require.NoError(t, err)
	seats := map[string]int{}
	for _, c := range s.Counts {
		seats[c.Name] = c.Baseline
	}
	assert.Equal(t, 0, seats["All other candidates"], "the lump wins no seat")
	assert.Equal(t, 2, seats["Con"], "C, and E where Con's 500 beat the lump's 300")
	assert.Equal(t, 1, seats["Lab"], "A")
	assert.Equal(t, 2, s.BaselineUnknown, "B and D: the lump is ahead, the winner is unknown")
	assert.Equal(t, 0, s.BaselineUndecided)

	// Counted as one candidate (the mapping says so), it takes B and D.
	e = engine(t, ukTally(t, false))
	s, err = e.Seats(scenario.Scenario{}, false)
	require.NoError(t, err)
	for _, c := range s.Counts {
		if c.Name == "All other candidates" {
			assert.Equal(t, 2, c.Baseline)
		}
	}
	assert.Equal(t, 0, s.BaselineUnknown)
}

// TestLumpedNeverWins: the national leader, the break-even's pair and the
// Monte Carlo's winners skip the lump, although it has the most votes.
func TestLumpedNeverWins(t *testing.T) {
	tl := ukTally(t, true)
	// Nationally: Con 1130, Lab 610, LD 310, others 1100. Make the lump
	// the largest column by a margin.
	for i := range tl.Units {
		tl.Units[i].Votes[3] *= 2
	}
	e := engine(t, tl)
	o, err := e.Run(scenario.Scenario{})
	require.NoError(t, err)
	assert.Equal(t, "Con", tl.Candidates[o.Winner].ID)
	assert.Equal(t, "Lab", tl.Candidates[o.RunnerUp].ID)
	be, err := e.BreakEven(scenario.Scenario{UnitsTotal: 8})
	require.NoError(t, err)
	assert.Equal(t, o.Winner, be.Leader)
	assert.Equal(t, o.RunnerUp, be.RunnerUp)
	assert.Equal(t, o.Winner, e.BreakEvenVotes(o.Counted, 100).Leader)
	m, err := e.NewMonteCarlo(scenario.Scenario{UnitsTotal: 8, MonteCarlo: scenario.MonteCarloParams{Runs: scenario.MinRuns, Seed: 1}})
	require.NoError(t, err)
	for !m.Done() {
		m.Step(100)
	}
	res := m.Result()
	assert.Zero(t, res.Wins[3], "the lump never wins a run")
	assert.Equal(t, int64(scenario.MinRuns), res.Wins[0]+res.Wins[1]+res.Wins[2], "every run has a named winner")
}
