package scenario_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// synthetic builds a deterministic tally of 6 states × 5 districts × 20
// tables with regional leanings, for the Monte Carlo tests.
func synthetic(seed uint64) *sim.Tally {
	r := rand.New(rand.NewPCG(seed, 99))
	t := &sim.Tally{Levels: []string{"state", "district"}, UnitLevel: "table", Digest: sim.KnownDigest("synthetic"),
		Candidates: []sim.Candidate{{ID: "A", Name: "Ana"}, {ID: "B", Name: "Ben"}, {ID: "C", Name: "Cy"}}}
	for s := 0; s < 6; s++ {
		t.Regions = append(t.Regions, sim.Region{Level: 0, Key: fmt.Sprint(s + 1), Name: fmt.Sprintf("State %d", s+1), Parent: -1})
	}
	for s := 0; s < 6; s++ {
		lean := 0.35 + 0.05*float64(s)
		for d := 0; d < 5; d++ {
			t.Regions = append(t.Regions, sim.Region{Level: 1, Key: fmt.Sprintf("%d%d", s+1, d+1), Parent: s})
			reg := len(t.Regions) - 1
			for k := 0; k < 20; k++ {
				re := int64(300 + r.IntN(500))
				valid := int64(float64(re) * (0.5 + 0.3*r.Float64()))
				a := lean + 0.1*(r.Float64()-0.5)
				c := 0.05 * r.Float64()
				va := int64(float64(valid) * a)
				vc := int64(float64(valid) * c)
				t.Units = append(t.Units, sim.Unit{ID: fmt.Sprint(k), Region: reg, Registered: re,
					Votes: []int64{va, valid - va - vc, vc}, Null: 0, Blank: sim.Unknown})
			}
		}
	}
	t.Expected = []sim.Expectation{{Region: -1, Units: 720, Registered: 720 * 550}}
	return t
}

func TestMonteCarloStepsDoNotMatter(t *testing.T) {
	e := engine(t, synthetic(1))
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: 157, Seed: 11}}
	whole, err := e.RunMonteCarlo(sc)
	require.NoError(t, err)
	for _, step := range []int{1, 7, 50, 1000} {
		m, err := e.NewMonteCarlo(sc)
		require.NoError(t, err)
		for !m.Done() {
			m.Step(step)
		}
		assert.Equal(t, whole, m.Result(), "steps of %d", step)
	}
	// A partial result is a valid summary of the runs made so far.
	m, err := e.NewMonteCarlo(sc)
	require.NoError(t, err)
	assert.Equal(t, 40, m.Step(40))
	part := m.Result()
	assert.Equal(t, 40, part.Runs)
	assert.Equal(t, whole.Margins[:0], part.Margins[:0])
	// Another seed gives other numbers.
	sc.MonteCarlo.Seed = 12
	other, err := e.RunMonteCarlo(sc)
	require.NoError(t, err)
	assert.NotEqual(t, whole.Margins, other.Margins)
}

func TestMonteCarloSummary(t *testing.T) {
	e := engine(t, synthetic(1))
	// The legacy model: its shocks are fixed settings that the test turns off.
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: 400, Seed: 3, Bins: 20, Model: scenario.ModelLegacy}}
	central := run(t, e, sc)
	res, err := e.RunMonteCarlo(sc)
	require.NoError(t, err)
	assert.Equal(t, 400, res.Runs)
	assert.Equal(t, central.Winner, res.A)
	assert.Equal(t, central.RunnerUp, res.B)
	// 720 − 600 = 120 missing tables are simulated one by one.
	assert.Equal(t, 120, res.MissingUnits)
	var p float64
	for _, w := range res.WinProb {
		p += w
	}
	assert.InDelta(t, 1, p, 1e-12)
	assert.True(t, slices.IsSorted(res.Margins))
	assert.True(t, slices.IsSorted(res.MarginQ))
	for c := range res.ShareQ {
		assert.True(t, slices.IsSorted(res.ShareQ[c]), "candidate %d", c)
	}
	var n int
	for _, c := range res.Histogram.Counts {
		n += c
	}
	assert.Equal(t, 400, n)
	assert.Len(t, res.Histogram.Counts, 20)
	// The central projection sits inside the simulated 90% interval.
	assert.GreaterOrEqual(t, central.MarginPP, res.MarginQ[0])
	assert.LessOrEqual(t, central.MarginPP, res.MarginQ[4])
	// Counted votes are fixed, so the spread is that of the missing 1/6:
	// well under the ±5 points a candidate's regional shock is worth.
	assert.Less(t, res.MarginQ[4]-res.MarginQ[0], 10.0)

	// Without any shock the spread shrinks to the unit-level noise.
	sc.MonteCarlo.RegionSigma = -1
	quiet, err := e.RunMonteCarlo(sc)
	require.NoError(t, err)
	assert.Less(t, quiet.MarginQ[4]-quiet.MarginQ[0], res.MarginQ[4]-res.MarginQ[0])
	assert.Greater(t, quiet.MarginQ[4]-quiet.MarginQ[0], 0.0)

	// The unit-level noise has mean zero: without shocks the simulated
	// margins centre on the projection (within 3 standard errors).
	var mean, ss float64
	for _, v := range quiet.Margins {
		mean += v
	}
	mean /= float64(len(quiet.Margins))
	for _, v := range quiet.Margins {
		ss += (v - mean) * (v - mean)
	}
	se := math.Sqrt(ss/float64(len(quiet.Margins)-1)) / math.Sqrt(float64(len(quiet.Margins)))
	assert.InDelta(t, central.MarginPP, quiet.MarginMean, 3*se+0.01)

	_, err = e.NewMonteCarlo(scenario.Scenario{Missing: scenario.MissingWorstCase, MonteCarlo: scenario.MonteCarloParams{Runs: 10}})
	assert.ErrorIs(t, err, scenario.ErrScenario)
	_, err = e.NewMonteCarlo(scenario.Scenario{Missing: scenario.MissingLikeRegion})
	assert.ErrorIs(t, err, scenario.ErrScenario)
}

// TestMonteCarloFixedSeed pins the numbers a fixed seed gives. The same
// test runs natively and under WebAssembly (GOOS=js GOARCH=wasm), so it
// asserts that every platform draws the same numbers.
//
// scripts/test.sh runs it three ways: natively, under WebAssembly (Node),
// and natively built with GOAMD64=v3, where the compiler may fuse a
// multiply and an add; every product in the simulation is rounded on its
// own (float64(x*y)) so that the three agree to the last bit.
func TestMonteCarloFixedSeed(t *testing.T) {
	for _, tc := range []struct{ model, golden string }{
		{scenario.ModelLegacy, goldenMonteCarloLegacy},
		{scenario.ModelCalibrated, goldenMonteCarlo},
	} {
		e := engine(t, synthetic(1))
		res, err := e.RunMonteCarlo(scenario.Scenario{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: 300, Seed: 20240728, NationalSigma: 0.02, Model: tc.model}})
		require.NoError(t, err)
		got := fmt.Sprintf("median %.17g q05 %.17g q95 %.17g mean %.17g share %.17g win %v",
			res.MarginQ[2], res.MarginQ[0], res.MarginQ[4], res.MarginMean, res.ShareQ[0][2], res.WinProb)
		assert.Equal(t, tc.golden, got, "model %q", tc.model)
	}
}

const (
	goldenMonteCarloLegacy = "median 2.4247265049865119 q05 1.5750716591265705 q95 3.3169905246640363 mean 2.4515030304850489 share 0.47607091264660889 win [0 1 0]"
	goldenMonteCarlo       = "median 2.5231380732348683 q05 1.8504229952020221 q95 3.1138561559266402 mean 2.4875731657518361 share 0.47555398816046485 win [0 1 0]"
)

func TestValidate(t *testing.T) {
	e := engine(t, synthetic(2))
	sc := scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 100, Seed: 5}}
	v, err := e.Validate(sc, scenario.ValidationParams{Reps: 6, Hide: 0.25, Level: "state"})
	require.NoError(t, err)
	assert.Equal(t, 18, v.Checks)
	assert.Equal(t, 0.9, v.Nominal)
	assert.InDelta(t, float64(v.Covered)/18, v.Coverage, 1e-12)
	assert.Greater(t, v.MeanWidthPP, 0.0)
	// Hidden at random, the truth is well inside the intervals.
	assert.GreaterOrEqual(t, v.Coverage, 0.5)
	again, err := e.Validate(sc, scenario.ValidationParams{Reps: 6, Hide: 0.25, Level: "state"})
	require.NoError(t, err)
	assert.Equal(t, v, again)
	_, err = e.Validate(sc, scenario.ValidationParams{Reps: 2, Hide: 1.5})
	assert.ErrorIs(t, err, scenario.ErrScenario)
}

func TestDeterministicHelpers(t *testing.T) {
	// Monte Carlo draws must not depend on map order or the platform's
	// math library: two engines on equal tallies agree exactly.
	a, err := engine(t, synthetic(3)).RunMonteCarlo(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 50, Seed: 9, Level: "district"}})
	require.NoError(t, err)
	b, err := engine(t, synthetic(3)).RunMonteCarlo(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 50, Seed: 9, Level: "district"}})
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

// TestEngineConcurrentUse: one engine serves several goroutines (run with
// -race).
func TestEngineConcurrentUse(t *testing.T) {
	e := engine(t, synthetic(4))
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, Swings: []scenario.Swing{{Candidate: "A", PP: 2}}, MonteCarlo: scenario.MonteCarloParams{Runs: 20, Seed: 2}}
	want, err := e.RunMonteCarlo(sc)
	require.NoError(t, err)
	wantO := run(t, e, sc)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for k := 0; k < 5; k++ {
				r, err := e.RunMonteCarlo(sc)
				o, err2 := e.Run(sc)
				ok = ok && err == nil && err2 == nil && assert.ObjectsAreEqual(want, r) && assert.ObjectsAreEqual(wantO.Total, o.Total)
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		assert.True(t, <-done)
	}
}
