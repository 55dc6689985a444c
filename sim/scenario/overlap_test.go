package scenario_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// minOverSubsets returns the smallest sum of k of vals, by trying every
// subset (vals is short).
func minOverSubsets(vals []int64, k int) int64 {
	best := int64(math.MaxInt64)
	for m := 0; m < 1<<len(vals); m++ {
		n, s := 0, int64(0)
		for i, v := range vals {
			if m&(1<<i) != 0 {
				n++
				s += v
			}
		}
		if n == k && s < best {
			best = s
		}
	}
	return best
}

// TestPartialClaimAgainstEverySubset builds small random tallies and
// partial claims, and checks the engine's verdict against brute force: a
// claim is ruled out by arithmetic alone exactly when every set of counted
// units the claim must share gives the candidate more votes than the
// claim does.
func TestPartialClaimAgainstEverySubset(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	flagged := 0
	for trial := range 300 {
		c := 2 + rng.IntN(8)
		n := c + 1 + rng.IntN(6)
		tl := &sim.Tally{UnitLevel: "table", Candidates: []sim.Candidate{{ID: "a"}, {ID: "b"}},
			Expected: []sim.Expectation{{Region: -1, Units: int64(n), Registered: 1_000_000}}}
		var a []int64
		for i := range c {
			v := []int64{rng.Int64N(100), rng.Int64N(100)}
			a = append(a, v[0])
			tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprint(i), Region: -1, Registered: sim.Unknown, Votes: v, Null: sim.Unknown, Blank: sim.Unknown})
		}
		r := 0.05 + 0.9*rng.Float64()
		var total int64
		for _, v := range a {
			total += v
		}
		claimA := rng.Int64N(total + 1)
		e, err := scenario.New(tl)
		require.NoError(t, err)
		sc := scenario.Scenario{Missing: scenario.MissingClaim, Claim: &scenario.Claim{Label: "bulletin", Reported: r, Votes: []scenario.Vote{{Candidate: "a", Votes: claimA}, {Candidate: "b", Votes: 1}}}}
		o, err := e.Run(sc)
		require.NoError(t, err)
		b := int(math.Floor(r*float64(n) + 1e-9))
		k := b + c - n
		want := k > 0 && claimA < minOverSubsets(a, k)
		got := false
		for _, f := range o.Flags {
			if f.Kind == scenario.FlagOverlap && f.Candidate == 0 {
				got = true
				assert.Equal(t, minOverSubsets(a, k)-claimA, f.Votes, "trial %d", trial)
			}
		}
		assert.Equal(t, want, got, "trial %d: %d of %d units counted, claim over %d, a=%v, claim %d", trial, c, n, b, a, claimA)
		if got {
			flagged++
		}
		for _, v := range o.Imputed {
			assert.Zero(t, v, "a partial claim fills no missing unit")
		}
	}
	t.Logf("%d of 300 random partial claims ruled out", flagged)
	assert.Greater(t, flagged, 20, "the trials include claims that are ruled out")
	assert.Less(t, flagged, 280, "and claims that are not")
}
