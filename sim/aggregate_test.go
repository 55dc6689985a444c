package sim_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
)

// randomTally returns a valid tally of up to three levels whose units come
// in random order, with registered voters, null and blank votes each known
// in all, none or some units, as in real files.
func randomTally(rng *rand.Rand) *sim.Tally {
	nl := rng.IntN(4)
	nc := 1 + rng.IntN(5)
	t := &sim.Tally{UnitLevel: "unit"}
	for l := range nl {
		t.Levels = append(t.Levels, fmt.Sprint("level", l))
	}
	for c := range nc {
		t.Candidates = append(t.Candidates, sim.Candidate{ID: fmt.Sprint("c", c)})
	}
	var parents []int
	for l := range nl {
		var here []int
		for k := range 1 + rng.IntN(6) {
			p := -1
			if l > 0 {
				p = parents[rng.IntN(len(parents))]
			}
			here = append(here, len(t.Regions))
			t.Regions = append(t.Regions, sim.Region{Level: l, Key: fmt.Sprint(k), Parent: p})
		}
		parents = here
	}
	// 0: known in no unit, 1: in every unit, 2: in some.
	mode := func() int { return rng.IntN(3) }
	reg, null, blank := mode(), mode(), mode()
	count := func(m int, hi int64) int64 {
		if m == 0 || m == 2 && rng.IntN(2) == 0 {
			return sim.Unknown
		}
		return rng.Int64N(hi)
	}
	for i := range rng.IntN(60) {
		u := sim.Unit{ID: fmt.Sprint(i), Region: -1, Votes: make([]int64, nc)}
		if nl > 0 {
			u.Region = parents[rng.IntN(len(parents))]
		}
		for c := range u.Votes {
			u.Votes[c] = rng.Int64N(500)
		}
		u.Registered, u.Null, u.Blank = count(reg, 4000), count(null, 20), count(blank, 20)
		if rng.IntN(5) == 0 {
			u.Count = rng.Int64N(4)
		}
		t.Units = append(t.Units, u)
	}
	if len(t.Regions) > 0 {
		t.Expected = append(t.Expected, sim.Expectation{Region: rng.IntN(len(t.Regions)), Units: 99, Source: "test"})
	}
	return t
}

// TestAggregateMatchesNaive compares every region's result with the sum
// of the units inside it, added one by one.
func TestAggregateMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var reused *sim.Aggregation
	for n := range 300 {
		tl := randomTally(rng)
		require.NoError(t, tl.Validate(), "tally %d", n)
		nation := sim.NewTotals(len(tl.Candidates))
		want := make([]sim.Totals, len(tl.Regions))
		for r := range want {
			want[r] = sim.NewTotals(len(tl.Candidates))
		}
		for i := range tl.Units {
			u := &tl.Units[i]
			nation.AddUnit(u)
			for r := u.Region; r >= 0; r = tl.Regions[r].Parent {
				want[r].AddUnit(u)
			}
		}
		for _, a := range []*sim.Aggregation{sim.Aggregate(tl), sim.AggregateInto(reused, tl)} {
			assert.Equal(t, nation, a.Nation.Totals, "tally %d: nation", n)
			for r := range want {
				res := a.Result(r)
				assert.Equal(t, want[r], res.Totals, "tally %d: region %d", n, r)
				assert.Equal(t, tl.Regions[r].Level, res.Level, "tally %d: region %d", n, r)
				assert.Equal(t, want[r].Votes, a.Votes(r), "tally %d: region %d", n, r)
				assert.Equal(t, want[r].Units, a.Units(r), "tally %d: region %d", n, r)
			}
			for _, e := range tl.Expected {
				assert.Equal(t, e, a.Result(e.Region).Expected, "tally %d", n)
			}
			reused = a
		}
	}
}

// TestLevelOrder checks Level against a stable sort by CompareKeys, with
// keys in and out of order: numbers, signed and zero-padded numbers, words
// and numbers too long for int64.
func TestLevelOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	keys := []string{"1", "2", "10", "007", "-3", "+4", "x", "A1", "", "99999999999999999999", "123456789012345678", "9"}
	for n := range 200 {
		tl := &sim.Tally{Levels: []string{"l"}, Candidates: []sim.Candidate{{ID: "c"}}}
		for i := range 1 + rng.IntN(12) {
			k := keys[rng.IntN(len(keys))]
			if n%2 == 0 {
				k = fmt.Sprint(i) // already in order
			}
			tl.Regions = append(tl.Regions, sim.Region{Level: 0, Key: k, Parent: -1})
		}
		want := make([]int, len(tl.Regions))
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(x, y int) int { return sim.CompareKeys(tl.Regions[x].Key, tl.Regions[y].Key) })
		assert.Equal(t, want, sim.Aggregate(tl).Level(0), "regions %v", tl.Regions)
	}
}
