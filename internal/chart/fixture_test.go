package chart_test

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// fixture returns a small deterministic tally: two states with three
// municipalities, 48 tables with registered voters, three candidates,
// an expectation of 60 tables and one claim. Every number comes from a
// fixed formula, so the golden images never change unless the drawing
// does.
func fixture() *sim.Tally {
	t := &sim.Tally{
		Title:     "Fixture election",
		Source:    "Tallyscope test fixture",
		Digest:    sim.KnownDigest("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"),
		Levels:    []string{"state", "municipality"},
		UnitLevel: "table",
		Candidates: []sim.Candidate{
			{ID: "A", Name: "Ana Álvarez Peña"},
			{ID: "B", Name: "Bruno Bravo"},
			{ID: "C", Name: "Carla Núñez"},
		},
		Regions: []sim.Region{
			{Level: 0, Key: "1", Name: "Norte", Parent: -1},
			{Level: 0, Key: "2", Name: "Sur", Parent: -1},
			{Level: 1, Key: "11", Name: "Río Claro", Parent: 0},
			{Level: 1, Key: "12", Name: "Peñas", Parent: 0},
			{Level: 1, Key: "21", Name: "Los Álamos", Parent: 1},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 60, Registered: 60 * 700}},
		Claims: []sim.Claim{{
			Label: "Council bulletin", Date: "2024-01-02",
			Votes:  []sim.ClaimVote{{Candidate: "B", Votes: 17000}, {Candidate: "A", Votes: 13000}},
			Others: 1500, Valid: sim.Unknown, Null: sim.Unknown, Decimals: 2,
		}},
	}
	for i := 0; i < 48; i++ {
		region := 2 + i%3
		reg := int64(500 + (i*37)%300)
		turnout := 0.45 + float64((i*13)%40)/100
		valid := int64(float64(reg) * turnout)
		// A leads in most tables, by less in the third municipality.
		aShare := 0.52 + float64((i*7)%21-10)/100
		if region == 4 {
			aShare -= 0.12
		}
		cShare := 0.03 + float64(i%4)/100
		a := int64(float64(valid) * aShare)
		c := int64(float64(valid) * cShare)
		b := valid - a - c
		t.Units = append(t.Units, sim.Unit{
			ID: fmt.Sprintf("%03d", i+1), Region: region, Registered: reg,
			Votes: []int64{a, b, c}, Null: int64(i % 3), Blank: sim.Unknown,
		})
	}
	return t
}
