package web_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// fixtureTally is a small election: four candidates in two states, three
// of four expected tables counted. Valid votes: A 600, B 300, C 60, D 40,
// so A has 60.00%, B 30.00%, others 10.00%; coverage 3 of 4 (75.00%).
func fixtureTally() *sim.Tally {
	return &sim.Tally{
		Title:     "Fixture election",
		Levels:    []string{"state"},
		UnitLevel: "table",
		Candidates: []sim.Candidate{
			{ID: "C", Name: "Carla Cé"}, {ID: "A", Name: "Ana Á"}, {ID: "B", Name: "Beto B"}, {ID: "D", Name: "Dora D"},
		},
		Regions: []sim.Region{{Level: 0, Key: "1", Name: "One", Parent: -1}, {Level: 0, Key: "2", Name: "Two", Parent: -1}},
		Units: []sim.Unit{
			{ID: "1.01", Region: 0, Registered: sim.Unknown, Votes: []int64{20, 300, 100, 10}, Null: 0, Blank: sim.Unknown},
			{ID: "1.02", Region: 0, Registered: sim.Unknown, Votes: []int64{20, 200, 100, 10}, Null: 2, Blank: sim.Unknown},
			{ID: "2.01", Region: 1, Registered: sim.Unknown, Votes: []int64{20, 100, 100, 20}, Null: 0, Blank: sim.Unknown},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 4}},
	}
}

func writeJSON(w io.Writer, t *sim.Tally) error { return load.WriteJSON(w, t) }

func fixtureJSON(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, load.WriteJSON(&buf, fixtureTally()))
	return buf.Bytes()
}
