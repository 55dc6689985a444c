package app

import (
	"github.com/tallyscope/tallyscope/sim"
)

// fixture is a small two-state tally shaped like Venezuela 2024: 6 tables
// counted of 10 expected, 1,000 registered voters expected, and one claim
// that needs negative votes for the counted leader.
func fixture() *sim.Tally {
	u := func(id string, region int, a, b, c int64, src string) sim.Unit {
		return sim.Unit{ID: id, Region: region, Registered: sim.Unknown, Votes: []int64{a, b, c}, Null: 0, Blank: sim.Unknown, Source: src}
	}
	return &sim.Tally{
		Title:      "Fixture",
		Levels:     []string{"state", "centre"},
		UnitLevel:  "table",
		Candidates: []sim.Candidate{{ID: "EG", Name: "Edmundo González"}, {ID: "NM", Name: "Nicolás Maduro"}, {ID: "LM", Name: "Luis Martínez"}},
		Regions: []sim.Region{
			{Level: 0, Key: "1", Name: "Distrito Capital", Parent: -1},
			{Level: 0, Key: "2", Name: "Zulia", Parent: -1},
			{Level: 1, Key: "101", Name: "Escuela Bolívar", Parent: 0},
			{Level: 1, Key: "201", Name: "Liceo Baralt", Parent: 1},
		},
		Units: []sim.Unit{
			u("101.01", 2, 60, 30, 10, "https://example.org/101-01.jpg"),
			u("101.02", 2, 50, 40, 10, "https://example.org/101-02.jpg"),
			u("101.03", 2, 70, 20, 10, ""),
			u("201.01", 3, 55, 40, 5, "javascript:alert(1)"),
			u("201.02", 3, 65, 30, 5, ""),
			u("201.03", 3, 40, 55, 5, ""),
		},
		Expected: []sim.Expectation{{Region: -1, Units: 10, Registered: 1000}},
		Claims: []sim.Claim{{
			Label: "Council bulletin", Votes: []sim.ClaimVote{{Candidate: "NM", Votes: 400}, {Candidate: "EG", Votes: 300}},
			Others: 50, Valid: sim.Unknown, Null: sim.Unknown, Decimals: 2,
		}},
	}
}

func newFixtureState(frag string) *State {
	d, err := NewDataset(fixture(), "fixture.json")
	if err != nil {
		panic(err)
	}
	s := New(d, 0, frag)
	s.Update(0)
	return s
}
