package sim_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
)

// hugeCount draws a count anywhere from zero to math.MaxInt64, with the
// values around the ceilings and the int64 limit over-represented, and
// now and then a negative one.
func hugeCount(rng *rand.Rand) int64 {
	switch rng.IntN(9) {
	case 0:
		return rng.Int64N(1000)
	case 1:
		return sim.MaxUnitVotes - rng.Int64N(3) + 1 // just below, at, just above
	case 2:
		return math.MaxInt64 - rng.Int64N(3)
	case 3:
		return 999_999_999_999_999_999
	case 4:
		return -1 - rng.Int64N(3)
	case 5:
		return rng.Int64N(sim.MaxUnitVotes)
	case 6:
		return 1 << rng.IntN(63) // every bit, for the aggregation's screen
	}
	return rng.Int64()
}

// hugeTally is randomTally with counts drawn by hugeCount in some units,
// and sometimes thousands of units near the ceiling, so that the sums
// cross the int64 limit or MaxRegionVotes.
func hugeTally(rng *rand.Rand) *sim.Tally {
	t := randomTally(rng)
	if len(t.Units) == 0 {
		return t
	}
	if rng.IntN(4) == 0 {
		// Enough units at the per-unit ceiling to cross the regional one.
		base := t.Units[0]
		for i := range 1100 {
			u := base
			u.ID = fmt.Sprint("big", i)
			u.Votes = make([]int64, len(base.Votes))
			u.Votes[0] = sim.MaxUnitVotes - rng.Int64N(1000)
			u.Null, u.Blank, u.Count = sim.Unknown, sim.Unknown, 0
			u.Registered = sim.Unknown
			t.Units = append(t.Units, u)
		}
	}
	for range rng.IntN(4) {
		u := &t.Units[rng.IntN(len(t.Units))]
		switch rng.IntN(5) {
		case 0:
			u.Registered = hugeCount(rng)
		case 1:
			u.Null = hugeCount(rng)
		case 2:
			u.Count = hugeCount(rng)
		default:
			for c := range u.Votes {
				u.Votes[c] = hugeCount(rng)
			}
		}
	}
	return t
}

// naiveCast sums every unit's votes cast and registered voters exactly,
// and reports whether some count lies outside the per-unit ceilings.
func naiveCast(t *sim.Tally) (cast, registered *big.Int, unitOut bool) {
	cast, registered = new(big.Int), new(big.Int)
	limit := big.NewInt(sim.MaxUnitVotes)
	for i := range t.Units {
		u := &t.Units[i]
		c := new(big.Int)
		for _, v := range u.Votes {
			c.Add(c, big.NewInt(v))
			unitOut = unitOut || v < 0 || v > sim.MaxUnitVotes
		}
		for _, v := range []int64{u.Null, u.Blank, u.Registered} {
			unitOut = unitOut || v < sim.Unknown || v > sim.MaxUnitVotes
		}
		unitOut = unitOut || u.Count < 0 || u.Count > sim.MaxUnitCount
		for _, v := range []int64{u.Null, u.Blank} {
			if v > 0 {
				c.Add(c, big.NewInt(v))
			}
		}
		unitOut = unitOut || c.Cmp(limit) > 0
		cast.Add(cast, c)
		if u.Registered > 0 {
			registered.Add(registered, big.NewInt(u.Registered))
		}
	}
	return cast, registered, unitOut
}

// TestNoWrongNumberFromHugeCounts is a property test over random tallies
// with counts up to math.MaxInt64: either the aggregation reports an
// error wrapping sim.ErrOutOfRange, or every total at every level is
// non-negative and every share lies in [0,1]. Validate agrees: a tally it
// accepts aggregates without error, and one the aggregation refuses it
// refuses too.
func TestNoWrongNumberFromHugeCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	var reused *sim.Aggregation
	refused := 0
	for n := range 400 {
		tl := hugeTally(rng)
		cast, registered, unitOut := naiveCast(tl)
		regionOut := cast.Cmp(big.NewInt(sim.MaxRegionVotes)) > 0 || registered.Cmp(big.NewInt(sim.MaxRegionVotes)) > 0
		verr := tl.Validate()
		for _, a := range []*sim.Aggregation{sim.Aggregate(tl), sim.AggregateInto(reused, tl)} {
			reused = a
			if unitOut || regionOut {
				require.ErrorIs(t, a.Err(), sim.ErrOutOfRange, "tally %d: unit out %v, region out %v", n, unitOut, regionOut)
				assert.ErrorIs(t, verr, sim.ErrInvalid, "tally %d: Validate must refuse it too", n)
				refused++
				continue
			}
			require.NoError(t, a.Err(), "tally %d", n)
			require.NoError(t, verr, "tally %d", n)
			assert.Equal(t, cast.Int64(), a.Nation.Cast(), "tally %d: votes cast", n)
			for r := -1; r < len(tl.Regions); r++ {
				res := a.Result(r)
				require.GreaterOrEqual(t, res.Units, int64(0), "tally %d region %d", n, r)
				require.GreaterOrEqual(t, res.Valid, int64(0), "tally %d region %d", n, r)
				require.GreaterOrEqual(t, res.Cast(), int64(0), "tally %d region %d", n, r)
				require.GreaterOrEqual(t, res.Registered, int64(0), "tally %d region %d", n, r)
				for c, v := range res.Votes {
					require.GreaterOrEqual(t, v, int64(0), "tally %d region %d", n, r)
					for _, d := range []sim.Denominator{sim.OfValid, sim.OfCast} {
						s := res.Share(c, d)
						require.True(t, s >= 0 && s <= 1, "tally %d region %d: share %v", n, r, s)
					}
				}
			}
		}
	}
	assert.Greater(t, refused, 100, "the generator must produce out-of-range tallies")
}

func TestOutOfRangeErrors(t *testing.T) {
	base := func() *sim.Tally {
		return &sim.Tally{
			Levels: []string{"state"}, UnitLevel: "table",
			Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}},
			Regions:    []sim.Region{{Level: 0, Key: "01", Parent: -1}},
			Units:      []sim.Unit{{ID: "1", Region: 0, Registered: 10, Null: 0, Blank: sim.Unknown, Votes: []int64{5, 3}}},
		}
	}
	twelve := func(t *sim.Tally) {
		for i := range 12 {
			t.Units = append(t.Units, sim.Unit{ID: fmt.Sprint(i + 2), Region: 0, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown, Votes: []int64{999_999_999_999_999_999, 0}})
		}
	}
	for _, tc := range []struct {
		name   string
		change func(*sim.Tally)
		want   string
	}{
		{"twelve rows of 999999999999999999", twelve, "unit 1 (2) has 999999999999999999 votes for A, above the ceiling of 1000000000000 per unit"},
		{"votes of MaxInt64", func(t *sim.Tally) { t.Units[0].Votes[1] = math.MaxInt64 }, "unit 0 (1) has 9223372036854775807 votes for B"},
		{"count of MaxInt64", func(t *sim.Tally) { t.Units[0].Count = math.MaxInt64 }, "unit 0 (1) stands for 9223372036854775807 units, above the ceiling of 1000000000"},
		{"count of 2^54", func(t *sim.Tally) { t.Units[0].Count = 1 << 54 }, "unit 0 (1) stands for 18014398509481984 units"},
		{"count just above its ceiling", func(t *sim.Tally) { t.Units[0].Count = sim.MaxUnitCount + 1 }, "unit 0 (1) stands for 1000000001 units"},
		{"votes just above the ceiling", func(t *sim.Tally) { t.Units[0].Votes[0] = sim.MaxUnitVotes + 1 }, "unit 0 (1) has 1000000000001 votes for A"},
		{"null below unknown", func(t *sim.Tally) { t.Units[0].Null = -2 }, "unit 0 (1) has a negative count of null votes"},
		{"registered of MaxInt64", func(t *sim.Tally) { t.Units[0].Registered = math.MaxInt64 }, "unit 0 (1) has 9223372036854775807 registered voters"},
		{"cast above the unit ceiling", func(t *sim.Tally) { t.Units[0].Votes = []int64{sim.MaxUnitVotes, 1} }, "unit 0 (1) has 1000000000001 votes cast, above the ceiling"},
		{"region above its ceiling", func(t *sim.Tally) {
			for i := range 1001 {
				t.Units = append(t.Units, sim.Unit{ID: fmt.Sprint("b", i), Region: 0, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown, Votes: []int64{sim.MaxUnitVotes, 0}})
			}
		}, "state 01 sums to 1001000000000008 votes cast"},
		// Validate only: claims and expectations are not summed.
		{"a claim of MaxInt64 votes", func(t *sim.Tally) {
			t.Claims = []sim.Claim{{Label: "c", Votes: []sim.ClaimVote{{Candidate: "A", Votes: math.MaxInt64}, {Candidate: "B", Votes: 5}}, Others: sim.Unknown, Valid: sim.Unknown, Null: sim.Unknown}}
		}, ""},
		{"an expectation of MaxInt64 votes", func(t *sim.Tally) {
			t.Expected = []sim.Expectation{{Region: -1, Votes: math.MaxInt64}}
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := base()
			tc.change(tl)
			if tc.want == "" {
				assert.ErrorIs(t, tl.Validate(), sim.ErrInvalid, tc.name)
				return
			}
			a := sim.Aggregate(tl)
			require.ErrorIs(t, a.Err(), sim.ErrOutOfRange, tc.name)
			assert.Contains(t, a.Err().Error(), tc.want, tc.name)
			assert.ErrorIs(t, tl.Validate(), sim.ErrInvalid, tc.name)
		})
	}
}
