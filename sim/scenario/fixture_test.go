package scenario_test

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// fixture is a small tally worked out by hand:
//
//	state Alpha (1): district A1 (11): t1 RE 100 X 40 Y 20 Z 0
//	                                   t2 RE 100 X 30 Y 30 Z 10
//	                 district A2 (12): t3 RE 200 X 60 Y 80 Z 20
//	state Beta (2):  district B1 (21): t4 RE 100 X 10 Y 50 Z 0
//	                                   t5 RE 100 X 20 Y 40 Z 10
//
// Counted: X 160, Y 220, Z 40, valid 420, registered 600. With the
// national expectation (8 tables, 1,000 registered voters), 3 tables and
// 400 registered voters are missing.
func fixture(withExpectation bool) *sim.Tally {
	t := &sim.Tally{
		Title:     "fixture",
		Digest:    sim.KnownDigest("f1x"),
		Levels:    []string{"state", "district"},
		UnitLevel: "table",
		Candidates: []sim.Candidate{
			{ID: "X", Name: "Xavier Xu", Party: "Ex"},
			{ID: "Y", Name: "Yolanda Yu", Party: "Why"},
			{ID: "Z", Name: "Zed Zee", Party: "Ex"},
		},
		Regions: []sim.Region{
			{Level: 0, Key: "1", Name: "Alpha", Parent: -1},
			{Level: 0, Key: "2", Name: "Beta", Parent: -1},
			{Level: 1, Key: "11", Name: "A1", Parent: 0},
			{Level: 1, Key: "12", Name: "A2", Parent: 0},
			{Level: 1, Key: "21", Name: "B1", Parent: 1},
		},
	}
	add := func(id string, region int, re int64, v ...int64) {
		t.Units = append(t.Units, sim.Unit{ID: id, Region: region, Registered: re, Votes: v, Null: 0, Blank: sim.Unknown})
	}
	add("t1", 2, 100, 40, 20, 0)
	add("t2", 2, 100, 30, 30, 10)
	add("t3", 3, 200, 60, 80, 20)
	add("t4", 4, 100, 10, 50, 0)
	add("t5", 4, 100, 20, 40, 10)
	if withExpectation {
		t.Expected = []sim.Expectation{{Region: -1, Units: 8, Registered: 1000}}
	}
	return t
}

// randomTally builds a random tally of two levels whose units never have
// more votes than registered voters, with a national expectation.
func randomTally(r *rand.Rand) *sim.Tally {
	nc := 2 + r.IntN(4)
	t := &sim.Tally{Levels: []string{"state", "district"}, UnitLevel: "unit", Digest: sim.KnownDigest("random")}
	for c := 0; c < nc; c++ {
		t.Candidates = append(t.Candidates, sim.Candidate{ID: string(rune('A' + c)), Name: "Candidate " + string(rune('A'+c))})
	}
	ns := 1 + r.IntN(4)
	for s := 0; s < ns; s++ {
		t.Regions = append(t.Regions, sim.Region{Level: 0, Key: string(rune('a' + s)), Parent: -1})
	}
	for s := 0; s < ns; s++ {
		nd := 1 + r.IntN(3)
		for d := 0; d < nd; d++ {
			t.Regions = append(t.Regions, sim.Region{Level: 1, Key: string(rune('a'+s)) + string(rune('0'+d)), Parent: s})
		}
	}
	var counted, reg int64
	for i := ns; i < len(t.Regions); i++ {
		nu := r.IntN(8)
		for k := 0; k < nu; k++ {
			re := int64(50 + r.IntN(500))
			cast := int64(r.Float64() * float64(re))
			null := int64(0)
			if cast > 0 && r.IntN(3) == 0 {
				null = r.Int64N(cast/10 + 1)
			}
			valid := cast - null
			votes := make([]int64, nc)
			// Skewed split so that leaders differ between units.
			w := make([]float64, nc)
			var ws float64
			for c := range w {
				w[c] = r.Float64() * r.Float64()
				ws += w[c]
			}
			var given int64
			for c := range votes {
				votes[c] = int64(float64(valid) * w[c] / ws)
				given += votes[c]
			}
			votes[r.IntN(nc)] += valid - given
			u := sim.Unit{ID: string(rune('0' + k)), Region: i, Registered: re, Votes: votes, Null: null, Blank: sim.Unknown}
			reg += re
			if r.IntN(10) == 0 {
				u.Registered = sim.Unknown
			}
			t.Units = append(t.Units, u)
			counted++
		}
	}
	if len(t.Units) == 0 {
		t.Units = append(t.Units, sim.Unit{ID: "only", Region: ns, Registered: 100, Votes: make([]int64, nc), Null: 0, Blank: sim.Unknown})
		t.Units[0].Votes[0] = 10
		counted, reg = 1, 100
	}
	missing := int64(r.IntN(10))
	t.Expected = []sim.Expectation{{Region: -1, Units: counted + missing, Registered: reg + missing*int64(50+r.IntN(500)) + int64(r.IntN(1000))}}
	return t
}

var (
	realMu    sync.Mutex
	realCache = map[string]*sim.Tally{}
)

// venezuela loads one of the real files (V1, V2), or skips.
func venezuela(tb testing.TB, which string) *sim.Tally {
	tb.Helper()
	rel := "venezuela-2024/RESULTADOS_2024_CSV_" + which + ".csv"
	path := shareddata.Path(tb, rel)
	realMu.Lock()
	defer realMu.Unlock()
	if t, ok := realCache[which]; ok {
		return cloneTally(t)
	}
	f := shareddata.Open(tb, rel)
	t, _, err := load.Read(f, load.Options{Name: path})
	require.NoError(tb, err, rel)
	realCache[which] = t
	return cloneTally(t)
}

// cloneTally copies the parts of a tally that tests change.
func cloneTally(t *sim.Tally) *sim.Tally {
	c := *t
	c.Units = append([]sim.Unit(nil), t.Units...)
	c.Expected = append([]sim.Expectation(nil), t.Expected...)
	c.Regions = append([]sim.Region(nil), t.Regions...)
	return &c
}

// perState sums a tally's units per state into one aggregated unit each
// (sim.Unit.Count), keeping registered voters only where every summed
// unit has them.
func perState(t *sim.Tally) *sim.Tally {
	out := &sim.Tally{Title: t.Title, Digest: t.Digest, Levels: t.Levels[:1], UnitLevel: t.UnitLevel, Candidates: t.Candidates, Expected: t.Expected, Claims: t.Claims}
	idx := map[int]int{}
	for i, r := range t.Regions {
		if r.Level == 0 {
			idx[i] = len(out.Regions)
			out.Regions = append(out.Regions, r)
		}
	}
	units := make([]sim.Unit, len(out.Regions))
	for k := range units {
		units[k] = sim.Unit{ID: out.Regions[k].Key, Region: k, Votes: make([]int64, len(t.Candidates)), Null: 0, Blank: sim.Unknown}
	}
	for i := range t.Units {
		u := &t.Units[i]
		k := idx[t.UnitRegion(i, 0)]
		a := &units[k]
		for c, v := range u.Votes {
			a.Votes[c] += v
		}
		if u.Null > 0 {
			a.Null += u.Null
		}
		a.Count += u.Size()
		switch {
		case u.Registered == sim.Unknown:
			a.Registered = sim.Unknown
		case a.Registered != sim.Unknown:
			a.Registered += u.Registered
		}
	}
	for k := range units {
		if units[k].Count == 1 {
			units[k].Count = 0
		}
	}
	out.Units = units
	return out
}

// codes lists the codes of notes.
func codes(notes []sim.Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Code)
	}
	return out
}
