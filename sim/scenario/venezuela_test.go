package scenario_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// The four "must show" figures of issue 3, on the real files. They skip
// without ../shared/data.

func TestVenezuelaWorstCase(t *testing.T) {
	v1 := venezuela(t, "V1")
	e := engine(t, v1)
	o := run(t, e, scenario.Scenario{Missing: scenario.MissingWorstCase, RegisteredTotal: 21392464})
	eg, nm := mustCandidate(t, v1, "EG"), mustCandidate(t, v1, "Maduro")
	// 21,392,464 − 17,745,239 = 3,647,225 missing registered voters, all
	// for Maduro: 3,241,461 + 3,647,225 = 6,888,686 against 7,156,462.
	assert.Equal(t, int64(17745239), o.CountedRegistered)
	assert.Equal(t, int64(3647225), o.MissingRegistered)
	assert.Equal(t, int64(3647225), o.Imputed[nm])
	assert.Equal(t, int64(6888686), o.Total[nm])
	assert.Equal(t, eg, o.Winner)
	assert.Equal(t, int64(267776), o.Margin)
	assert.Equal(t, scenario.RemainingFull, o.RemainingMethod)
	assert.Equal(t, int64(30026-24532), o.MissingUnits)
	assert.Empty(t, o.Flags)
}

func TestVenezuelaSecondBulletinTotal(t *testing.T) {
	v1 := venezuela(t, "V1")
	e := engine(t, v1)
	b, err := e.BreakEven(scenario.Scenario{ValidTotal: 12335884})
	require.NoError(t, err)
	assert.Equal(t, int64(12335884-10659128), b.Remaining)
	assert.Equal(t, int64(1676756), b.Remaining)
	assert.Equal(t, mustCandidate(t, v1, "Maduro"), b.RunnerUp)
	assert.Equal(t, "165.5", fmt.Sprintf("%.1f", 100*b.Needed))
	assert.True(t, b.Impossible)
	assert.True(t, b.Locked)
	assert.Equal(t, scenario.RemainingOfficial, b.RemainingMethod)
	// The same figure from the second bulletin stored with the data.
	c, err := scenario.FindClaim(v1, "2nd")
	require.NoError(t, err)
	claim := scenario.ClaimFrom(c)
	b2, err := e.BreakEven(scenario.Scenario{Claim: &claim})
	require.NoError(t, err)
	assert.Equal(t, b, b2)
}

func TestVenezuelaFirstBulletin(t *testing.T) {
	v1 := venezuela(t, "V1")
	c, err := scenario.FindClaim(v1, "1st")
	require.NoError(t, err)
	claim := scenario.ClaimFrom(c)
	sc := scenario.Scenario{Counted: &claim, Reported: claim.Reported}
	ct, err := scenario.TallyFor(v1, sc)
	require.NoError(t, err)
	e := engine(t, ct)
	b, err := e.BreakEven(sc)
	require.NoError(t, err)
	// 10,058,774 / 0.8 − 10,058,774 = 2,514,693.5 → 2,514,694.
	assert.Equal(t, int64(10058774), b.Counted)
	assert.Equal(t, int64(2514694), b.Remaining)
	assert.Equal(t, int64(5150092-4445978), b.Margin)
	assert.Equal(t, mustCandidate(t, v1, "Gonzalez"), b.RunnerUp)
	assert.Equal(t, "61.70", fmt.Sprintf("%.2f", 100*b.Needed))
	assert.False(t, b.Impossible)
	assert.False(t, b.Locked)
	// The whole claim keeps its others: 462,704.
	var others int64
	for k, v := range ct.Units[0].Votes {
		if k != b.Leader && k != b.RunnerUp {
			others += v
		}
	}
	assert.Equal(t, int64(462704), others)
}

func TestVenezuelaSecondBulletinAgainstV2(t *testing.T) {
	v2 := venezuela(t, "V2")
	e := engine(t, v2)
	c, err := scenario.FindClaim(v2, "2nd")
	require.NoError(t, err)
	claim := scenario.ClaimFrom(c)
	o := run(t, e, scenario.Scenario{Missing: scenario.MissingClaim, Claim: &claim})
	eg := mustCandidate(t, v2, "EG")
	// The bulletin counts 96.87% of the 30,026 tables: 29,086, rounded
	// down. With the 25,073 counted ones it shares at least 24,133; in
	// any 24,133 counted tables González has at least 6,843,416 votes
	// (the sum of his 24,133 smallest), more than its 5,326,104. A
	// partial count fills none of the missing tables.
	for c := range o.Imputed {
		assert.Zero(t, o.Imputed[c])
	}
	assert.Zero(t, o.Remaining)
	require.Len(t, o.Flags, 1)
	f := o.Flags[0]
	assert.Equal(t, scenario.FlagOverlap, f.Kind)
	assert.Equal(t, eg, f.Candidate)
	assert.Equal(t, int64(6843416-5326104), f.Votes)
	assert.Equal(t, "scenario.claim-overlap-low", f.Note.Code)
	assert.Equal(t, []any{v2.Candidates[eg].Label(), sim.Votes(6843416), sim.Votes(24133), sim.Label("CNE 2nd bulletin"), sim.Votes(5326104)}, f.Note.Args)
	assert.Contains(t, codes(o.Notes), "scenario.claim-partial-overlap")
	// V2 has no registered voters: what was estimated is said.
	assert.Equal(t, sim.Unknown, o.CountedRegistered)
	assert.Contains(t, codes(o.Notes), "scenario.registered-by-share")
}

// TestVenezuelaJoinedRegistered: V2 with V1's registered voters joined
// leaves 543 tables without them; their registered voters are estimated.
func TestVenezuelaJoinedRegistered(t *testing.T) {
	v2, v1 := venezuela(t, "V2"), venezuela(t, "V1")
	v2.Units = append([]sim.Unit(nil), v2.Units...)
	require.Equal(t, 24530, load.JoinRegistered(v2, v1))
	e := engine(t, v2)
	o := run(t, e, scenario.Scenario{Missing: scenario.MissingLikeRegion})
	assert.Equal(t, scenario.RemainingTurnout, o.RemainingMethod)
	assert.Contains(t, codes(o.Notes), "scenario.registered-estimated")
	assert.Equal(t, sim.UnitCount(543), o.Notes[slices.IndexFunc(o.Notes, func(n sim.Note) bool { return n.Code == "scenario.registered-estimated" })].Args[0])
	// 17,743,433 known plus an estimate for the 543 tables (about 725
	// each, from their votes and the counted turnout).
	assert.Greater(t, o.CountedRegistered, int64(17743433+543*500))
	assert.Less(t, o.CountedRegistered, int64(17743433+543*1000))
	assert.Equal(t, int64(21392464), o.CountedRegistered+o.MissingRegistered)
	assert.Equal(t, int64(30026-25073), o.MissingUnits)
	assert.Empty(t, o.Flags)
}

// TestVenezuelaAggregated: V1 and V2 summed per state give the same
// projection as the table-level files when missing units vote like their
// state.
func TestVenezuelaAggregated(t *testing.T) {
	for _, which := range []string{"V1", "V2"} {
		t.Run(which, func(t *testing.T) {
			tl := venezuela(t, which)
			agg := perState(tl)
			require.Len(t, agg.Units, 24)
			for _, sc := range []scenario.Scenario{
				{Missing: scenario.MissingLikeRegion, Level: "state"},
				{Missing: scenario.MissingWorstCase},
				{Missing: scenario.MissingLikeRegion, ValidTotal: 12335884},
			} {
				a := run(t, engine(t, tl), sc)
				b := run(t, engine(t, agg), sc)
				assert.Equal(t, a.Total, b.Total, "%s %+v", which, sc)
				assert.Equal(t, a.RemainingMethod, b.RemainingMethod)
				assert.Equal(t, a.MissingUnits, b.MissingUnits)
				assert.Equal(t, a.MissingRegistered, b.MissingRegistered)
			}
			// Monte Carlo runs on aggregated data too (no unit-level
			// noise is left inside a state, only the regional shocks).
			res, err := engine(t, agg).RunMonteCarlo(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 50, Seed: 1}})
			require.NoError(t, err)
			assert.Equal(t, 1.0, res.WinProb[mustCandidate(t, tl, "EG")])
		})
	}
}

func TestVenezuelaMonteCarlo(t *testing.T) {
	v1 := venezuela(t, "V1")
	e := engine(t, v1)
	res, err := e.RunMonteCarlo(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 200, Seed: 7}})
	require.NoError(t, err)
	assert.Equal(t, 1.0, res.WinProb[mustCandidate(t, v1, "EG")])
	assert.Equal(t, 30026-24532, res.MissingUnits)
	// Near the like-region projection (36.73 points): the calibrated
	// model gives each missing table its state's two-party margin and
	// lets its volume vary, so its median differs by about 0.14 points.
	central := run(t, e, scenario.Scenario{Missing: scenario.MissingLikeRegion})
	assert.InDelta(t, central.MarginPP, res.MarginQ[2], 0.25)
	v, err := e.Validate(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 100, Seed: 7}}, scenario.ValidationParams{Reps: 3, Level: "state"})
	require.NoError(t, err)
	assert.Equal(t, 9, v.Checks)
	assert.Less(t, v.MeanErrorPP, 0.3)
	q, err := e.QuickCount("state", 0)
	require.NoError(t, err)
	assert.Equal(t, int64(30026), q.Population)
	// The ratio estimate is the counted share: 7,156,462 / 10,659,128.
	assert.InDelta(t, 7156462.0/10659128, q.Shares[0].Share, 0.002)
	assert.Less(t, q.Shares[0].SE, 0.002)
}

func mustCandidate(t *testing.T, tl *sim.Tally, name string) int {
	t.Helper()
	c, err := tl.Candidate(name)
	require.NoError(t, err)
	return c
}
