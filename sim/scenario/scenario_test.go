package scenario_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func engine(t testing.TB, tl *sim.Tally) *scenario.Engine {
	t.Helper()
	e, err := scenario.New(tl)
	require.NoError(t, err)
	return e
}

func run(t *testing.T, e *scenario.Engine, sc scenario.Scenario) *scenario.Outcome {
	t.Helper()
	o, err := e.Run(sc)
	require.NoError(t, err, "%+v", sc)
	return o
}

func TestZeroScenarioIsBaseline(t *testing.T) {
	for _, withExp := range []bool{false, true} {
		e := engine(t, fixture(withExp))
		o := run(t, e, scenario.Scenario{})
		assert.Equal(t, []int64{160, 220, 40}, o.Total)
		assert.Equal(t, o.Baseline, o.Counted)
		assert.Equal(t, []int64{0, 0, 0}, o.Imputed)
		assert.Equal(t, int64(420), o.Valid)
		assert.Equal(t, 1, o.Winner)
		assert.Equal(t, 0, o.RunnerUp)
		assert.Equal(t, int64(60), o.Margin)
		assert.InDelta(t, 100*60.0/420, o.MarginPP, 1e-12)
		assert.Empty(t, o.Flags)
		// A swing of zero points and a turnout factor of 1 change nothing.
		z := run(t, e, scenario.Scenario{Swings: []scenario.Swing{{Candidate: "X", PP: 0}}, Turnout: scenario.Turnout{Factor: 1}})
		assert.Equal(t, o.Total, z.Total)
		assert.Zero(t, z.Clamped)
	}
}

func TestMissingRules(t *testing.T) {
	tests := []struct {
		name      string
		sc        scenario.Scenario
		imputed   []int64
		method    scenario.Remaining
		winner    int
		flagKinds []scenario.FlagKind
	}{
		{
			name: "worst case gives the 400 missing registered voters to the runner-up",
			sc:   scenario.Scenario{Missing: scenario.MissingWorstCase},
			// Y leads the counted votes, so X (the runner-up) gets all.
			imputed: []int64{400, 0, 0}, method: scenario.RemainingFull, winner: 0,
		},
		{
			name: "like-region, m=5: national shares and national turnout 0.7",
			sc:   scenario.Scenario{Missing: scenario.MissingLikeRegion},
			// 280 votes (400 × 420/600) at 160:220:40 of 420: 106.67,
			// 146.67, 26.67 per state cell (Alpha 187, Beta 93), rounded
			// in each cell by largest remainder.
			imputed: []int64{106, 147, 27}, method: scenario.RemainingTurnout, winner: 1,
		},
		{
			name: "like-region, m=2: each state's own turnout and shares",
			sc:   scenario.Scenario{Missing: scenario.MissingLikeRegion, MinUnits: 2},
			// Alpha: 266.67 registered × 290/400 = 193.33 → 193 votes at
			// 130:130:30 → 87, 86, 20; Beta: 133.33 × 130/200 = 86.67 → 87
			// at 30:90:10 → 20, 60, 7.
			imputed: []int64{107, 146, 27}, method: scenario.RemainingTurnout, winner: 1,
		},
		{
			name: "split: 80% to X, the rest like the counted Y:Z = 220:40",
			sc: scenario.Scenario{Missing: scenario.MissingSplit, Remaining: scenario.RemainingFull,
				Split: &scenario.Split{Candidate: "Xavier", Share: 0.8}},
			// Alpha 266.67 → 267 votes: X 213.6, Y 45.18, Z 8.22 → 214, 45, 8;
			// Beta 133.33 → 133 votes: X 106.4, Y 22.51, Z 4.09 → 106, 23, 4.
			imputed: []int64{320, 68, 12}, method: scenario.RemainingFull, winner: 0,
		},
		{
			name: "split with the rest given",
			sc: scenario.Scenario{Missing: scenario.MissingSplit, Remaining: scenario.RemainingFull,
				Split: &scenario.Split{Candidate: "Z", Share: 0.5, Rest: []scenario.Share{{Candidate: "X", Share: 1}, {Candidate: "Y", Share: 3}}}},
			// Alpha 267: Z 133.5, X 33.375, Y 100.125 → 134, 33, 100;
			// Beta 133: Z 66.5, X 16.625, Y 49.875 → 66, 17, 50.
			imputed: []int64{50, 150, 200}, method: scenario.RemainingFull, winner: 1,
		},
		{
			name:    "official total: 700 − 420 = 280 remaining votes",
			sc:      scenario.Scenario{Missing: scenario.MissingLikeRegion, ValidTotal: 700},
			imputed: []int64{106, 147, 27}, method: scenario.RemainingOfficial, winner: 1,
		},
		{
			name:    "per unit: 3 missing tables × 84 valid votes per counted table",
			sc:      scenario.Scenario{Missing: scenario.MissingLikeRegion, Remaining: scenario.RemainingUnits},
			imputed: []int64{96, 132, 24}, method: scenario.RemainingUnits, winner: 1,
		},
		{
			name:    "reported fraction: 420/0.6 − 420 = 280",
			sc:      scenario.Scenario{Missing: scenario.MissingLikeRegion, Reported: 0.6},
			imputed: []int64{106, 147, 27}, method: scenario.RemainingUnits, winner: 1,
		},
		{
			name:    "official total above the registered voters is flagged",
			sc:      scenario.Scenario{Missing: scenario.MissingLikeRegion, ValidTotal: 1100},
			imputed: []int64{259, 356, 65}, method: scenario.RemainingOfficial, winner: 1,
			flagKinds: []scenario.FlagKind{scenario.FlagTurnoutAbove100, scenario.FlagMoreThanRegistered},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engine(t, fixture(true))
			o := run(t, e, tt.sc)
			var sum int64
			for _, v := range o.Imputed {
				sum += v
			}
			assert.Equal(t, o.Remaining, sum)
			if tt.imputed != nil {
				assert.Equal(t, tt.imputed, o.Imputed, tt.name)
			}
			assert.Equal(t, tt.method, o.RemainingMethod, tt.name)
			assert.NotEmpty(t, o.RemainingNote.Code)
			assert.Equal(t, tt.winner, o.Winner, tt.name)
			var kinds []scenario.FlagKind
			for _, f := range o.Flags {
				kinds = append(kinds, f.Kind)
				assert.NotEmpty(t, f.Note.Code)
			}
			assert.Equal(t, tt.flagKinds, kinds, tt.name)
			assert.Equal(t, int64(3), o.MissingUnits)
			assert.Equal(t, int64(400), o.MissingRegistered)
			assert.Equal(t, int64(600), o.CountedRegistered)
		})
	}
}

func TestLikeRegionFallsBackToLargerRegions(t *testing.T) {
	e := engine(t, fixture(true))
	// m = 3: Alpha (3 tables) lends its own shares, Beta (2 tables)
	// borrows the nation's. Turnout follows the same rule.
	o := run(t, e, scenario.Scenario{Missing: scenario.MissingLikeRegion, MinUnits: 3})
	alpha := o.RegionImputed(0)
	beta := o.RegionImputed(1)
	// Alpha: 266.67 × 290/400 = 193.33; Beta: 133.33 × 420/600 = 93.33;
	// 286.67 → 287 votes: the remainders are equal, so the earlier cell,
	// Alpha, gets the extra vote: 194 + 93.
	assert.Equal(t, int64(194), alpha[0]+alpha[1]+alpha[2])
	assert.Equal(t, int64(93), beta[0]+beta[1]+beta[2])
	// Beta at national shares 160:220:40: 35.43, 48.71, 8.86 → 35, 49, 9.
	assert.Equal(t, []int64{35, 49, 9}, beta)
	// Alpha at its own 130:130:30: 86.97, 86.97, 20.07 → 87, 87, 20.
	assert.Equal(t, []int64{87, 87, 20}, alpha)
	total := o.RegionTotal(0, nil)
	assert.Equal(t, []int64{130 + 87, 130 + 87, 30 + 20}, total)
}

func TestExpectationTree(t *testing.T) {
	tests := []struct {
		name string
		exp  []sim.Expectation
		// missing units and registered voters placed in A2 (region 3)
		// and the whole imputed vote
		a2Votes, remaining int64
	}{
		{
			name: "district A2 knows its own registered voters",
			// A2: 3 tables, 500 registered: 2 missing with 300. The nation
			// keeps 1 table and 100 registered voters, spread over the
			// states, so A2 holds exactly its own 300.
			exp:     []sim.Expectation{{Region: -1, Units: 8, Registered: 1000}, {Region: 3, Units: 3, Registered: 500}},
			a2Votes: 300, remaining: 400,
		},
		{
			name: "district A2 knows only its tables: the nation's missing registered voters are shared by missing tables",
			exp:  []sim.Expectation{{Region: -1, Units: 8, Registered: 1000}, {Region: 3, Units: 3}},
			// 400 missing registered voters over 3 missing tables: A2 has 2
			// (266.67, rounded up with the larger remainder).
			a2Votes: 267, remaining: 400,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := fixture(false)
			tl.Expected = tt.exp
			e := engine(t, tl)
			o := run(t, e, scenario.Scenario{Missing: scenario.MissingLikeRegion, Remaining: scenario.RemainingFull, Level: "state"})
			a2 := o.RegionImputed(3)
			assert.Equal(t, tt.a2Votes, a2[0]+a2[1]+a2[2], tt.name)
			assert.Equal(t, tt.remaining, o.Remaining, tt.name)
			assert.Equal(t, int64(3), o.MissingUnits)
			assert.Equal(t, int64(400), o.MissingRegistered)
		})
	}
}

func TestClaim(t *testing.T) {
	e := engine(t, fixture(true))
	// X is claimed below its counted 160, Y above all the remaining
	// votes: 700 − 420 = 280 remain, Y would need 300.
	o := run(t, e, scenario.Scenario{Missing: scenario.MissingClaim, Claim: &scenario.Claim{
		Label: "the council", Votes: []scenario.Vote{{Candidate: "X", Votes: 100}, {Candidate: "Yolanda", Votes: 520}}, Valid: 700}})
	assert.Equal(t, []int64{-60, 300, 40}, o.Imputed)
	assert.Equal(t, []int64{100, 520, 80}, o.Total)
	assert.Equal(t, int64(280), o.Remaining)
	require.Len(t, o.Flags, 2)
	assert.Equal(t, scenario.FlagNegativeVotes, o.Flags[0].Kind)
	assert.Equal(t, 0, o.Flags[0].Candidate)
	assert.Equal(t, int64(-60), o.Flags[0].Votes)
	assert.Equal(t, "scenario.claim-negative", o.Flags[0].Note.Code)
	assert.Equal(t, []any{"Xavier Xu", sim.Votes(-60)}, o.Flags[0].Note.Args[:2])
	assert.Equal(t, scenario.FlagShareAbove100, o.Flags[1].Kind)
	assert.Equal(t, "scenario.claim-share-above-100", o.Flags[1].Note.Code)
	assert.InDelta(t, 1.0714, float64(o.Flags[1].Note.Args[2].(sim.Share)), 1e-4)
	assert.True(t, o.Impossible())

	// Others below their counted votes, and more votes than registered.
	o = run(t, e, scenario.Scenario{Missing: scenario.MissingClaim, Claim: &scenario.Claim{
		Votes: []scenario.Vote{{Candidate: "X", Votes: 600}, {Candidate: "Y", Votes: 600}, {Candidate: "others", Votes: 10}}}})
	var kinds []scenario.FlagKind
	for _, f := range o.Flags {
		kinds = append(kinds, f.Kind)
	}
	assert.Equal(t, []scenario.FlagKind{scenario.FlagNegativeVotes, scenario.FlagTurnoutAbove100, scenario.FlagMoreThanRegistered}, kinds)
	assert.Equal(t, []int64{440, 380, -30}, o.Imputed)

	// A consistent claim has no flags.
	o = run(t, e, scenario.Scenario{Missing: scenario.MissingClaim, Claim: &scenario.Claim{
		Votes: []scenario.Vote{{Candidate: "X", Votes: 250}, {Candidate: "Y", Votes: 350}, {Candidate: "Z", Votes: 60}}}})
	assert.Empty(t, o.Flags)
	assert.Equal(t, []int64{90, 130, 20}, o.Imputed)
}

func TestSwing(t *testing.T) {
	e := engine(t, fixture(true))
	tests := []struct {
		name    string
		swings  []scenario.Swing
		counted []int64
		clamped int64
	}{
		// t1: X 40 Y 20 (60) → X 46 Y 14; t2 (70): X 37 Y 23; t3 (160):
		// X 76 Y 64; t4 (60): X 16 Y 44; t5 (70): X 27 Y 33.
		{"10 points from Y to X", []scenario.Swing{{Candidate: "X", From: "Y", PP: 10}}, []int64{202, 178, 40}, 0},
		// Y would pass 100% in t4 (83.3%) and t5 (57.1% + 50): clamped.
		{"50 points to Y from everyone", []scenario.Swing{{Candidate: "Y", PP: 50}}, nil, 2},
		// Z has no votes in t1 and t4: taking 5 points from it clamps.
		{"5 points from Z to Y", []scenario.Swing{{Candidate: "Y", From: "Z", PP: 5}}, nil, 2},
		{"swing and its inverse", []scenario.Swing{{Candidate: "X", PP: 7.5}, {Candidate: "X", PP: -7.5}}, []int64{160, 220, 40}, 0},
		{"regional swing in Beta only", []scenario.Swing{{Candidate: "X", From: "Y", PP: 10, Level: "state", Region: "beta"}}, []int64{173, 207, 40}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := run(t, e, scenario.Scenario{Swings: tt.swings})
			if tt.counted != nil {
				assert.Equal(t, tt.counted, o.Counted, tt.name)
			}
			assert.Equal(t, tt.clamped, o.Clamped, tt.name)
			var v int64
			for _, x := range o.Counted {
				v += x
			}
			assert.Equal(t, int64(420), v, "a swing moves votes, it does not make them")
		})
	}
	// Proportional: X's national share 160/420 = 38.1% becomes 48.1%,
	// a factor of 1.2625 in every unit.
	o := run(t, e, scenario.Scenario{Swings: []scenario.Swing{{Candidate: "X", PP: 10, Kind: scenario.Proportional}}})
	assert.InDelta(t, 160.0/420+0.10, float64(o.Counted[0])/420, 0.005)
}

func TestTurnout(t *testing.T) {
	e := engine(t, fixture(true))
	o := run(t, e, scenario.Scenario{Turnout: scenario.Turnout{PP: 10}})
	// +10% of registered voters: 10+10+20+10+10 = 60 more votes.
	assert.Equal(t, int64(480), o.CountedValid)
	assert.Zero(t, o.Clamped)
	o = run(t, e, scenario.Scenario{Turnout: scenario.Turnout{Factor: 1.5}})
	// t2 and t5 would have 105 votes for 100 registered voters, t3 240
	// for 200: capped.
	assert.Equal(t, int64(90+100+200+90+100), o.CountedValid)
	assert.Equal(t, int64(3), o.Clamped)
	o = run(t, e, scenario.Scenario{Turnout: scenario.Turnout{PP: -100}})
	assert.Equal(t, int64(0), o.CountedValid)
	// Units without registered voters get the factor but not the points.
	tl := fixture(true)
	tl.Units[0].Registered = sim.Unknown
	o = run(t, engine(t, tl), scenario.Scenario{Turnout: scenario.Turnout{PP: 10}})
	assert.Equal(t, int64(470), o.CountedValid)
	assert.Equal(t, int64(1), o.TurnoutSkipped)
	o = run(t, engine(t, tl), scenario.Scenario{Turnout: scenario.Turnout{Factor: 1.2}})
	assert.Equal(t, int64(1), o.TurnoutUncapped)
	assert.Contains(t, codes(o.Notes), "scenario.turnout-uncapped")
}

func TestBreakEvenRule(t *testing.T) {
	tests := []struct {
		name       string
		votes      []int64
		remaining  int64
		needed     float64
		impossible bool
		locked     bool
	}{
		// The CNE's first bulletin: Maduro 5,150,092, González 4,445,978,
		// others 462,704, "80%" counted: 10,058,774/0.8 − 10,058,774 =
		// 2,514,693.5 remaining votes, rounded to 2,514,694.
		{"CNE 1st bulletin", []int64{4445978, 5150092, 462704}, 2514694, 0.6170, false, false},
		// V1 (González 7,156,462, Maduro 3,241,461, others 261,205) and
		// the CNE's second-bulletin valid total 12,335,884.
		{"V1 against the 2nd bulletin's total", []int64{7156462, 3241461, 261205}, 12335884 - 10659128, 1.6552, true, true},
		{"a tie needs half of what the others leave", []int64{50, 50, 10}, 100, (0 + 1 - 10.0/110) / 2, false, false},
		// Margin 50 between 60·(1 − 0.25) = 45 and 60: the leader would need
		// a negative share, yet all 60 votes would still flip the result.
		{"margin between remaining·(1−others) and remaining", []int64{100, 50, 50}, 60, (50.0/60 + 0.75) / 2, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := scenario.BreakEvenVotes(tt.votes, tt.remaining)
			assert.InDelta(t, tt.needed, b.Needed, 5e-5, tt.name)
			assert.Equal(t, tt.impossible, b.Impossible, tt.name)
			assert.Equal(t, tt.locked, b.Locked, tt.name)
		})
	}
	b := scenario.BreakEvenVotes([]int64{4445978, 5150092, 462704}, 2514694)
	assert.Equal(t, "61.70", fmt.Sprintf("%.2f", 100*b.Needed))
	assert.Equal(t, 1, b.Leader)
	assert.Equal(t, 0, b.RunnerUp)
}

func TestBreakEvenEngine(t *testing.T) {
	e := engine(t, fixture(true))
	b, err := e.BreakEven(scenario.Scenario{Remaining: scenario.RemainingFull})
	require.NoError(t, err)
	// Y leads by 60; 400 remain; others (Z) have 40/420.
	assert.Equal(t, int64(60), b.Margin)
	assert.Equal(t, int64(400), b.Remaining)
	assert.InDelta(t, (60.0/400+1-40.0/420)/2, b.Needed, 1e-12)
	assert.False(t, b.Locked)
	assert.Equal(t, scenario.RemainingFull, b.RemainingMethod)
	bs, err := e.BreakEvens(scenario.Scenario{Remaining: scenario.RemainingFull}, "state")
	require.NoError(t, err)
	require.Len(t, bs, 2)
	assert.Equal(t, "Alpha", bs[0].Name)
	// Alpha: X 130 = Y 130 (a tie, X listed first leads), 266.67 → 267 remaining.
	assert.True(t, bs[0].Tie)
	assert.Equal(t, int64(267), bs[0].Remaining)
	assert.Equal(t, int64(133), bs[1].Remaining)
	// Beta: Y 90, X 30.
	assert.Equal(t, int64(60), bs[1].Margin)

	f, err := e.SwingToFlip(scenario.Scenario{})
	require.NoError(t, err)
	assert.True(t, f.Possible)
	assert.Equal(t, 1, f.From)
	assert.Equal(t, 0, f.To)
	// Y − X = 60 of 420 = 14.29 points: half of it, 7.14 points, ties.
	// Each of the 5 units is rounded to whole votes (within one vote per
	// candidate), which can move the tie by up to 5 votes, 0.6 points.
	assert.InDelta(t, 100*30.0/420, f.PP, 0.6)
	assert.Equal(t, 0, f.Winner)
}

func TestSeats(t *testing.T) {
	e := engine(t, fixture(true))
	s, err := e.Seats(scenario.Scenario{Swings: []scenario.Swing{{Candidate: "X", From: "Y", PP: 10}}}, false)
	require.NoError(t, err)
	// Baseline: t1 X, t2 tie, t3 Y, t4 Y, t5 Y. After: X t1 t2 t3, Y t4 t5.
	require.Len(t, s.Counts, 3)
	assert.Equal(t, "Xavier Xu", s.Counts[0].Name)
	assert.Equal(t, 3, s.Counts[0].Seats)
	assert.Equal(t, 1, s.Counts[0].Baseline)
	assert.Equal(t, 2, s.Counts[1].Seats)
	assert.Equal(t, 3, s.Counts[1].Baseline)
	assert.Equal(t, 1, s.BaselineUndecided)
	assert.Equal(t, 0, s.Undecided)
	assert.Equal(t, 5, s.Total)
	assert.Equal(t, 3, s.Missing)
	assert.Equal(t, 5, s.Majority)
	assert.Equal(t, -1, s.Holder)
	assert.Equal(t, []scenario.Flip{{Unit: 1, From: -1, To: 0}, {Unit: 2, From: 1, To: 0}}, s.Flips)
	// By party, X and Z (party Ex) share.
	s, err = e.Seats(scenario.Scenario{}, true)
	require.NoError(t, err)
	// Ex wins t1 and t2, Why t4 and t5, t3 is a tie (80 to 80).
	assert.Equal(t, "Ex", s.Counts[0].Name)
	assert.Equal(t, []int{0, 2}, s.Counts[0].Candidates)
	assert.Equal(t, 2, s.Counts[0].Seats)
	assert.Equal(t, "Why", s.Counts[1].Name)
	assert.Equal(t, 2, s.Counts[1].Seats)
	assert.Equal(t, 1, s.Undecided)
}

func TestQuickCount(t *testing.T) {
	e := engine(t, fixture(true))
	q, err := e.QuickCount("", 0)
	require.NoError(t, err)
	assert.Equal(t, int64(5), q.Sampled)
	assert.Equal(t, int64(8), q.Population)
	// Ratio estimator, 5 of 8 tables (worked out with python3).
	want := []struct{ share, se float64 }{
		{0.38095238095238093, 0.03701666472734509},
		{0.5238095238095238, 0.03807587275040496},
		{0.09523809523809523, 0.017112765133926962},
	}
	for c, w := range want {
		assert.InDelta(t, w.share, q.Shares[c].Share, 1e-12)
		assert.InDelta(t, w.se, q.Shares[c].SE, 1e-12)
		assert.InDelta(t, w.share-1.96*w.se, q.Shares[c].Low, 1e-12)
	}
	s, err := e.QuickCount("state", 0)
	require.NoError(t, err)
	assert.Equal(t, 2, s.Strata)
	assert.Greater(t, s.MarginSEPP, 0.0)
	_, err = e.QuickCount("table", 0)
	assert.ErrorIs(t, err, scenario.ErrScenario)
}

func TestEncoding(t *testing.T) {
	sc := scenario.Scenario{
		Missing: scenario.MissingSplit, Remaining: scenario.RemainingTurnout, MinUnits: 3,
		Split:           &scenario.Split{Candidate: "NM", Share: 0.6, Rest: []scenario.Share{{Candidate: "EG", Share: 1}}},
		Claim:           &scenario.Claim{Label: "CNE 2nd bulletin", Votes: []scenario.Vote{{Candidate: "NM", Votes: 6408844}}, Valid: 12335884, Reported: 0.9687},
		RegisteredTotal: 21392464, UnitsTotal: 30026, Reported: 0.8,
		Swings:     []scenario.Swing{{Candidate: "EG", PP: -2.25, From: "NM", Kind: scenario.Proportional, Level: "state", Region: "zulia"}},
		Turnout:    scenario.Turnout{PP: 1.5, Factor: 1.1},
		Level:      "state",
		MonteCarlo: scenario.MonteCarloParams{Runs: 1000, Seed: 42, RegionSigma: 0.07, NationalSigma: 0.01, Level: "state", Bins: 40},
	}.Stamp("296d35bbda1d6bd12e7011ed93da1973a3f22beb73cc05dbb0554efc31b2deaa")
	s := sc.String()
	assert.True(t, strings.HasPrefix(s, "s1."))
	for _, r := range s {
		assert.True(t, r == '-' || r == '_' || r == '.' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'), "URL-safe: %q", r)
	}
	back, err := scenario.Decode(s)
	require.NoError(t, err)
	assert.Equal(t, sc, back)
	assert.Equal(t, s, back.String())

	j, err := sc.JSON()
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(j, &m))
	assert.Equal(t, scenario.EngineVersion, m["engine"])
	assert.Equal(t, "296d35bbda1d6bd12e7011ed93da1973a3f22beb73cc05dbb0554efc31b2deaa", m["data"])
	back, err = scenario.ParseJSON(j)
	require.NoError(t, err)
	assert.Equal(t, sc, back)

	// The zero scenario is short and round-trips too.
	z := scenario.Scenario{}
	back, err = scenario.Decode(z.String())
	require.NoError(t, err)
	assert.Equal(t, z, back)

	for _, bad := range []string{"", "s1.", "s1.!!!", "x1.abc", "s1." + strings.Repeat("A", 40)} {
		_, err := scenario.Decode(bad)
		assert.ErrorIs(t, err, scenario.ErrEncoding, bad)
	}
	_, err = scenario.ParseJSON([]byte(`{"missing":"everything"}`))
	assert.ErrorIs(t, err, scenario.ErrScenario)
	_, err = scenario.ParseJSON([]byte(`{"misssing":"split"}`))
	assert.ErrorIs(t, err, scenario.ErrEncoding)
}

func TestBadInput(t *testing.T) {
	_, err := scenario.New(nil)
	assert.ErrorIs(t, err, scenario.ErrTally)
	bad := fixture(true)
	bad.Units[0].Votes = bad.Units[0].Votes[:2]
	_, err = scenario.New(bad)
	assert.ErrorIs(t, err, scenario.ErrTally)
	assert.ErrorIs(t, err, sim.ErrInvalid)

	e := engine(t, fixture(true))
	for _, sc := range []scenario.Scenario{
		{Missing: "sometimes"},
		{Remaining: "guess"},
		{Missing: scenario.MissingSplit},
		{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "X", Share: 1.5}},
		{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "Q", Share: 0.5}},
		{Missing: scenario.MissingClaim},
		{Missing: scenario.MissingClaim, Claim: &scenario.Claim{Votes: []scenario.Vote{{Candidate: "X", Votes: 1}}}},
		{Swings: []scenario.Swing{{Candidate: "X", PP: 200}}},
		{Swings: []scenario.Swing{{Candidate: "X", PP: 1, From: "X"}}},
		{Swings: []scenario.Swing{{Candidate: "X", PP: 1, Level: "state"}}},
		{Swings: []scenario.Swing{{Candidate: "X", PP: 1, Level: "state", Region: "Gamma"}}},
		{Swings: []scenario.Swing{{Candidate: "X", PP: 1, Level: "galaxy", Region: "Alpha"}}},
		{Turnout: scenario.Turnout{Factor: -1}},
		{Level: "planet"},
		{Missing: scenario.MissingLikeRegion, Remaining: scenario.RemainingOfficial},
		{MonteCarlo: scenario.MonteCarloParams{Runs: -1}},
	} {
		_, err := e.Run(sc)
		assert.ErrorIs(t, err, scenario.ErrScenario, "%+v", sc)
	}
	// Nothing is known about missing units.
	e = engine(t, fixture(false))
	_, err = e.Run(scenario.Scenario{Missing: scenario.MissingLikeRegion})
	assert.ErrorIs(t, err, scenario.ErrNoMissing)
	// Only the units are known: their registered voters are the counted
	// average per table, 120, and the outcome says so.
	o, err := e.Run(scenario.Scenario{Missing: scenario.MissingWorstCase, UnitsTotal: 8})
	require.NoError(t, err)
	assert.Equal(t, []int64{360, 0, 0}, o.Imputed)
	assert.Contains(t, codes(o.Notes), "scenario.average-registered")
	o, err = e.Run(scenario.Scenario{Missing: scenario.MissingWorstCase, RegisteredTotal: 1000})
	require.NoError(t, err)
	assert.Equal(t, []int64{400, 0, 0}, o.Imputed)
}

func TestApplyReusesTheOutcome(t *testing.T) {
	e := engine(t, fixture(true))
	var o scenario.Outcome
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, Swings: []scenario.Swing{{Candidate: "X", PP: 3}}}
	require.NoError(t, e.Apply(sc, &o))
	first := append([]int64(nil), o.Total...)
	require.NoError(t, e.Apply(scenario.Scenario{}, &o))
	assert.Equal(t, []int64{160, 220, 40}, o.Total)
	require.NoError(t, e.Apply(sc, &o))
	assert.Equal(t, first, o.Total)
	assert.Empty(t, o.Flags)
}

// TestProperties checks invariants over random tallies and scenarios.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 7))
	for n := 0; n < 300; n++ {
		tl := randomTally(r)
		e, err := scenario.New(tl)
		require.NoError(t, err)
		name := fmt.Sprintf("tally %d", n)
		base := run(t, e, scenario.Scenario{})
		agg := sim.Aggregate(tl)
		assert.Equal(t, agg.Nation.Votes, base.Total, name)

		nc := len(tl.Candidates)
		cand := tl.Candidates[r.IntN(nc)].ID
		other := tl.Candidates[(r.IntN(nc-1)+1+indexOf(tl, cand))%nc].ID
		pp := float64(r.IntN(4000))/100 - 20
		sc := scenario.Scenario{
			Missing:   scenario.Missings[1+r.IntN(3)],
			Remaining: []scenario.Remaining{scenario.RemainingAuto, scenario.RemainingTurnout, scenario.RemainingFull, scenario.RemainingUnits}[r.IntN(4)],
			MinUnits:  1 + r.IntN(6),
			Split:     &scenario.Split{Candidate: cand, Share: r.Float64()},
			Level:     []string{"", "state", "district"}[r.IntN(3)],
		}
		if r.IntN(2) == 0 {
			sc.Swings = []scenario.Swing{{Candidate: cand, PP: pp, From: []string{"", other}[r.IntN(2)]}}
		}
		if r.IntN(3) == 0 {
			sc.Turnout = scenario.Turnout{PP: float64(r.IntN(20)) - 10}
		}
		o, err := e.Run(sc)
		if err != nil {
			// Only an honest refusal: nothing known to estimate from.
			assert.ErrorIs(t, err, scenario.ErrNoMissing, "%s %+v", name, sc)
			continue
		}
		// Conservation: counted + imputed = total, per candidate and in all.
		var counted, imputed int64
		for c := 0; c < nc; c++ {
			assert.Equal(t, o.Counted[c]+o.Imputed[c], o.Total[c], name)
			assert.GreaterOrEqual(t, o.Imputed[c], int64(0), name)
			counted += o.Counted[c]
			imputed += o.Imputed[c]
		}
		assert.Equal(t, o.CountedValid, counted, name)
		assert.Equal(t, o.Remaining, imputed, name)
		assert.Equal(t, o.Valid, counted+imputed, name)
		// Regions add up to the nation.
		for l := range tl.Levels {
			sumC := make([]int64, nc)
			sumI := make([]int64, nc)
			for _, reg := range agg.Level(l) {
				for c, v := range o.RegionCounted(reg) {
					sumC[c] += v
				}
				for c, v := range o.RegionImputed(reg) {
					sumI[c] += v
				}
			}
			assert.Equal(t, o.Counted, sumC, "%s level %d", name, l)
			if l == 0 || sc.Level == "district" {
				assert.Equal(t, o.Imputed, sumI, "%s level %d", name, l)
			}
		}
		// Never more votes than registered voters: every counted unit
		// after the changes, and the missing units together.
		units, err := e.AdjustUnits(sc)
		require.NoError(t, err)
		for i, v := range units {
			u := &tl.Units[i]
			var s int64
			for _, x := range v {
				s += x
			}
			if u.Registered != sim.Unknown {
				assert.LessOrEqual(t, s+max(u.Null, 0), u.Registered, "%s unit %d", name, i)
			}
		}
		if o.MissingRegistered >= 0 {
			assert.LessOrEqual(t, o.Remaining, o.MissingRegistered, "%s %+v", name, sc)
		}
		for _, f := range o.Flags {
			// Estimated registered voters can exceed the expectation.
			// Nothing else is impossible without a claim.
			assert.Equal(t, scenario.FlagMoreThanExpected, f.Kind, "%s: %s", name, f.Note)
		}
		// A swing and its inverse return the baseline when nothing was
		// clamped.
		if len(sc.Swings) > 0 {
			back := sc
			back.Missing, back.Turnout = scenario.MissingNone, scenario.Turnout{}
			inv := sc.Swings[0]
			inv.PP = -inv.PP
			back.Swings = append([]scenario.Swing{sc.Swings[0]}, inv)
			ob := run(t, e, back)
			if ob.Clamped == 0 {
				assert.Equal(t, base.Total, ob.Total, "%s swing %+v and back", name, sc.Swings[0])
			} else {
				var d int64
				for c := range ob.Total {
					d += abs(ob.Total[c] - base.Total[c])
				}
				assert.LessOrEqual(t, d, 2*counted, name)
			}
		}
	}
}

func indexOf(t *sim.Tally, id string) int {
	for i, c := range t.Candidates {
		if c.ID == id {
			return i
		}
	}
	return -1
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestDegenerateTallies runs every entry point on tallies with nothing in
// them: errors are allowed, panics are not, and whatever is returned keeps
// counted + imputed = total.
func TestDegenerateTallies(t *testing.T) {
	empty := fixture(true)
	empty.Units = nil
	one := fixture(true)
	one.Candidates = one.Candidates[:1]
	for i := range one.Units {
		one.Units[i].Votes = one.Units[i].Votes[:1]
	}
	zero := fixture(true)
	for i := range zero.Units {
		zero.Units[i].Votes = []int64{0, 0, 0}
	}
	flat := fixture(true)
	flat.Levels, flat.Regions = nil, nil
	for i := range flat.Units {
		flat.Units[i].Region = -1
	}
	noRE := fixture(true)
	for i := range noRE.Units {
		noRE.Units[i].Registered = sim.Unknown
	}
	tallies := map[string]*sim.Tally{"no units": empty, "one candidate": one, "no votes": zero, "no hierarchy": flat, "no registered voters": noRE}
	for _, name := range []string{"no units", "one candidate", "no votes", "no hierarchy", "no registered voters"} {
		tl := tallies[name]
		e, err := scenario.New(tl)
		require.NoError(t, err, name)
		for _, sc := range []scenario.Scenario{
			{},
			{Missing: scenario.MissingLikeRegion},
			{Missing: scenario.MissingLikeRegion, Remaining: scenario.RemainingUnits},
			{Missing: scenario.MissingWorstCase},
			{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "X", Share: 0.5}},
			{Missing: scenario.MissingClaim, Claim: &scenario.Claim{Votes: []scenario.Vote{{Candidate: "X", Votes: 10}}, Valid: 100}},
			{Missing: scenario.MissingLikeRegion, ValidTotal: 1000, Swings: []scenario.Swing{{Candidate: "X", PP: 30}}, Turnout: scenario.Turnout{PP: 5, Factor: 2}},
			{Missing: scenario.MissingLikeRegion, Reported: 0.5, Level: "district"},
		} {
			o, err := e.Run(sc)
			if err == nil {
				for c := range o.Total {
					assert.Equal(t, o.Counted[c]+o.Imputed[c], o.Total[c], "%s %+v", name, sc)
				}
			}
			_, _ = e.BreakEven(sc)
			_, _ = e.BreakEvens(sc, "state")
			_, _ = e.SwingToFlip(sc)
			_, _ = e.Seats(sc, true)
			_, _ = e.AdjustUnits(sc)
			sc.MonteCarlo = scenario.MonteCarloParams{Runs: 5, Seed: 1}
			if m, err := e.NewMonteCarlo(sc); err == nil {
				m.Step(5)
				_ = m.Result()
			}
		}
		_, _ = e.QuickCount("", 0)
		_, _ = e.QuickCount("state", 0)
		_, _ = e.Validate(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 5}}, scenario.ValidationParams{Reps: 2})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(scenario.Scenario{}.String())
	f.Add(scenario.Scenario{Missing: scenario.MissingWorstCase, RegisteredTotal: 21392464}.String())
	f.Add("s1.AAAA")
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := scenario.Decode(s)
		if err != nil {
			return
		}
		back, err := scenario.Decode(sc.String())
		require.NoError(t, err)
		assert.Equal(t, sc, back)
	})
}

func TestRemainingVotesNeverExceedRegistered(t *testing.T) {
	tl := fixture(false)
	// 3 missing tables but only 50 missing registered voters: 84 votes
	// per counted table would give 252.
	tl.Expected = []sim.Expectation{{Region: -1, Units: 8, Registered: 650}}
	o := run(t, engine(t, tl), scenario.Scenario{Missing: scenario.MissingLikeRegion, Remaining: scenario.RemainingUnits})
	assert.Equal(t, int64(50), o.MissingRegistered)
	assert.Equal(t, int64(50), o.Remaining)
	assert.Empty(t, o.Flags)
	assert.Contains(t, codes(o.Notes), "scenario.remaining-capped")
	// An official total is what it is: it is flagged, not capped.
	o = run(t, engine(t, tl), scenario.Scenario{Missing: scenario.MissingLikeRegion, ValidTotal: 700})
	assert.Equal(t, int64(280), o.Remaining)
	require.NotEmpty(t, o.Flags)
	assert.Equal(t, scenario.FlagTurnoutAbove100, o.Flags[0].Kind)
}

// TestOfficialTotalSpreadBySize: an official remaining total is spread
// over the regions by the expected size of their missing units (their
// number times the counted votes per unit there), not by their number:
// a city's missing precinct holds more votes than a village's.
func TestOfficialTotalSpreadBySize(t *testing.T) {
	tl := &sim.Tally{
		Levels: []string{"state"}, UnitLevel: "county",
		Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}},
		Regions:    []sim.Region{{Level: 0, Key: "city", Parent: -1}, {Level: 0, Key: "village", Parent: -1}},
	}
	for i := 0; i < 6; i++ {
		tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprint("c", i), Region: 0, Registered: sim.Unknown, Votes: []int64{600, 400}, Null: sim.Unknown, Blank: sim.Unknown})
		tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprint("v", i), Region: 1, Registered: sim.Unknown, Votes: []int64{4, 6}, Null: sim.Unknown, Blank: sim.Unknown})
	}
	tl.Expected = []sim.Expectation{{Region: 0, Units: 7}, {Region: 1, Units: 7}}
	e := engine(t, tl)
	o := run(t, e, scenario.Scenario{Missing: scenario.MissingLikeRegion, ValidTotal: 6*1000 + 6*10 + 1010})
	assert.Equal(t, int64(1010), o.Remaining)
	var city, village int64
	for _, v := range o.RegionImputed(0) {
		city += v
	}
	for _, v := range o.RegionImputed(1) {
		village += v
	}
	assert.Equal(t, int64(1000), city)
	assert.Equal(t, int64(10), village)
	assert.Contains(t, o.Notes, sim.NewNote("scenario.remaining-spread.units", "county", sim.Votes(o.Remaining)))
}
