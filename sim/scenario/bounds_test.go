package scenario_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

// TestScenarioBounds: every number a scenario string can set has a bound,
// and a value outside it is refused with a sentence, never run.
func TestScenarioBounds(t *testing.T) {
	for _, tc := range []struct {
		name string
		json string
	}{
		{"unknown engine", `{"engine":"scenario/9"}`},
		{"bins", `{"montecarlo":{"runs":10,"bins":9223372036854775807}}`},
		{"runs", `{"montecarlo":{"runs":2000000000}}`},
		{"model", `{"montecarlo":{"runs":10,"model":"magic"}}`},
		{"reported", `{"reported":1e-300}`},
		{"claim reported", `{"missing":"claim","claim":{"votes":[{"candidate":"A","votes":1}],"reported":1e-9}}`},
		{"valid total", `{"valid_total":9223372036854775807}`},
		{"claim votes", `{"missing":"claim","claim":{"votes":[{"candidate":"A","votes":9223372036854775807}]}}`},
		{"split rest", `{"missing":"split","split":{"candidate":"A","share":0.5,"rest":[{"candidate":"B","share":1e300}]}}`},
		{"min units", `{"min_units":2000000000}`},
		{"swing", `{"swings":[{"candidate":"A","pp":1e9}]}`},
		{"turnout", `{"turnout":{"factor":1e9}}`},
	} {
		_, err := scenario.ParseJSON([]byte(tc.json))
		assert.ErrorIs(t, err, scenario.ErrScenario, tc.name)
	}
	// A scenario/1 string with a simulation reproduces the engine of its
	// day.
	sc, err := scenario.ParseJSON([]byte(`{"engine":"scenario/1","montecarlo":{"runs":10}}`))
	require.NoError(t, err)
	assert.Equal(t, scenario.ModelLegacy, sc.MonteCarlo.Model)
}

// FuzzScenarioString decodes any string and, when it is a valid scenario,
// runs it on a small tally with its simulation capped at 20 runs: no
// panic, finite shares in [0, 1], and each input within a time budget.
func FuzzScenarioString(f *testing.F) {
	for _, sc := range []scenario.Scenario{
		{},
		{Missing: scenario.MissingWorstCase},
		{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: 50, Seed: 3, Bins: 1000}},
		{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "A", Share: 0.6, Rest: []scenario.Share{{Candidate: "B", Share: 100}}}},
		{Swings: []scenario.Swing{{Candidate: "A", PP: 100}}, Turnout: scenario.Turnout{Factor: 100}},
	} {
		f.Add(sc.String())
	}
	for _, js := range []string{`{"montecarlo":{"runs":10,"bins":9223372036854775807}}`, `{"engine":"scenario/9"}`, `{"reported":1e-300}`} {
		var sc scenario.Scenario
		_ = json.Unmarshal([]byte(js), &sc)
		f.Add(sc.String())
	}
	e := engine(f, synthetic(1))
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<12 {
			return
		}
		start := time.Now()
		sc, err := scenario.Decode(s)
		if err != nil {
			return
		}
		sc.MonteCarlo.Runs = min(sc.MonteCarlo.Runs, 20)
		o, err := e.Run(sc)
		if err == nil {
			for c := range o.Shares {
				if sh := o.Shares[c]; math.IsNaN(sh) || (len(o.Flags) == 0 && (sh < 0 || sh > 1)) {
					t.Fatalf("%s: share %v", s, sh)
				}
			}
		}
		if sc.MonteCarlo.Runs > 0 {
			if m, err := e.NewMonteCarlo(sc); err == nil {
				m.Step(sc.MonteCarlo.Runs)
				_ = m.Result()
			}
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%s took %v", s, d)
		}
	})
}
