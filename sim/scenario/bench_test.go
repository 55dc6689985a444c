package scenario_test

import (
	"testing"
	"time"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
	"github.com/tallyscope/tallyscope/sim/synth"
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

// BenchmarkMonteCarlo10kV2 makes 10,000 simulated elections over V2's
// 4,953 missing tables, preparation included, with the legacy engine and
// the calibrated one side by side (BENCHMARKS.md; run it with -cpu 1).
func BenchmarkMonteCarlo10kV2(b *testing.B) {
	tl := venezuela(b, "V2")
	e, err := scenario.New(tl)
	if err != nil {
		b.Fatal(err)
	}
	for _, model := range []string{scenario.ModelLegacy, scenario.ModelCalibrated} {
		name := model
		if name == "" {
			name = "calibrated"
		}
		b.Run(name, func(b *testing.B) {
			sc := scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 10000, Seed: 1, Model: model}}
			b.ReportAllocs()
			cpu := cpuTime()
			defer func() { reportCPU(b, cpu) }()
			for b.Loop() {
				m, err := e.NewMonteCarlo(sc)
				if err != nil {
					b.Fatal(err)
				}
				m.Step(10000)
				if r := m.Result(); r.Runs != 10000 || r.MissingUnits != 4953 {
					b.Fatalf("%d runs over %d missing tables", r.Runs, r.MissingUnits)
				}
			}
		})
	}
}

// BenchmarkMonteCarloMillion makes 1,000 simulated elections of a
// synthetic tally of 1,000,000 counted units with 200,000 more expected
// (missing), preparation included.
func BenchmarkMonteCarloMillion(b *testing.B) {
	el, err := synth.Generate(synth.Config{Seed: 1, Units: 1000000, Regions: 50, RegionShareSD: 0.03, RegionTurnoutSD: 0.03})
	if err != nil {
		b.Fatal(err)
	}
	el.Tally.Expected = []sim.Expectation{{Region: -1, Units: 1200000}}
	e, err := scenario.New(el.Tally)
	if err != nil {
		b.Fatal(err)
	}
	sc := scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 1000, Seed: 1}}
	b.ReportAllocs()
	cpu := cpuTime()
	defer func() { reportCPU(b, cpu) }()
	for b.Loop() {
		m, err := e.NewMonteCarlo(sc)
		if err != nil {
			b.Fatal(err)
		}
		m.Step(1000)
		if r := m.Result(); r.MissingUnits != 200000 {
			b.Fatalf("%d missing units", r.MissingUnits)
		}
	}
}

// reportCPU adds the CPU seconds per operation since start (user and
// system, all threads, the garbage collector's included), a figure that
// other work on the machine does not stretch as it does the wall time.
func reportCPU(b *testing.B, start time.Duration) {
	if d := cpuTime() - start; start > 0 && b.N > 0 {
		b.ReportMetric(d.Seconds()/float64(b.N), "cpu-s/op")
	}
}
