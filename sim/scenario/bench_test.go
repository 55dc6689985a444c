package scenario_test

import (
	"testing"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

// benchScenarios are the recomputations a slider step triggers.
var benchScenarios = []struct {
	name string
	sc   scenario.Scenario
}{
	{"baseline", scenario.Scenario{}},
	{"like-region", scenario.Scenario{Missing: scenario.MissingLikeRegion}},
	{"worst-case", scenario.Scenario{Missing: scenario.MissingWorstCase}},
	{"swing", scenario.Scenario{Missing: scenario.MissingLikeRegion, Swings: []scenario.Swing{{Candidate: "NM", PP: 5}}}},
	{"swing+turnout", scenario.Scenario{Missing: scenario.MissingLikeRegion, Swings: []scenario.Swing{{Candidate: "NM", PP: 5, From: "EG"}}, Turnout: scenario.Turnout{PP: 3}}},
	{"parish", scenario.Scenario{Missing: scenario.MissingLikeRegion, Level: "parish", Swings: []scenario.Swing{{Candidate: "NM", PP: 5}}}},
}

// BenchmarkRunV2 measures Engine.Apply (reusing the outcome, as the
// visualizer does on every slider step) on V2's 25,073 tables.
func BenchmarkRunV2(b *testing.B) {
	tl := venezuela(b, "V2")
	e, err := scenario.New(tl)
	if err != nil {
		b.Fatal(err)
	}
	for _, bs := range benchScenarios {
		b.Run(bs.name, func(b *testing.B) {
			var o scenario.Outcome
			b.ReportAllocs()
			for b.Loop() {
				if err := e.Apply(bs.sc, &o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewV2 measures the once-per-tally preparation.
func BenchmarkNewV2(b *testing.B) {
	tl := venezuela(b, "V2")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scenario.New(tl); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMonteCarloV2 measures steps of 100 runs on V2 (4,953 missing
// tables each), and preparing a simulation.
func BenchmarkMonteCarloV2(b *testing.B) {
	tl := venezuela(b, "V2")
	e, err := scenario.New(tl)
	if err != nil {
		b.Fatal(err)
	}
	sc := scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 1 << 14, Seed: 1}}
	b.Run("step100", func(b *testing.B) {
		m, err := e.NewMonteCarlo(sc)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if m.Done() {
				b.StopTimer()
				m, _ = e.NewMonteCarlo(sc)
				b.StartTimer()
			}
			m.Step(100)
		}
	})
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.NewMonteCarlo(sc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBreakEvenV1 measures the break-even and the swing that flips
// the winner (a bisection over Run) on V1.
func BenchmarkBreakEvenV1(b *testing.B) {
	tl := venezuela(b, "V1")
	e, err := scenario.New(tl)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := e.BreakEven(scenario.Scenario{ValidTotal: 12335884}); err != nil {
			b.Fatal(err)
		}
		if _, err := e.SwingToFlip(scenario.Scenario{}); err != nil {
			b.Fatal(err)
		}
	}
}
