package chart_test

import (
	"bytes"
	"testing"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// BenchmarkChartMonteCarloDraw measures drawing the Monte Carlo chart
// from a finished simulation, apart from the simulation itself (package
// scenario's cost, DefaultRuns runs).
func BenchmarkChartMonteCarloDraw(b *testing.B) {
	tl := loadV2(b)
	e, err := scenario.New(tl)
	if err != nil {
		b.Fatal(err)
	}
	r, err := e.RunMonteCarlo(scenario.Scenario{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: chart.DefaultRuns, Seed: 1}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		p, err := chart.MonteCarlo(tl, r, chart.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var w bytes.Buffer
		if err := chart.Write(&w, p, chart.PNG, chart.Social, chart.Footer{Lang: i18n.EN}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePNG measures only encoding a drawn chart as a social-card
// PNG.
func BenchmarkWritePNG(b *testing.B) {
	p, _, err := chart.Render(chart.KindShares, fixture(), scenario.Scenario{}, chart.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var w bytes.Buffer
		if err := chart.Write(&w, p, chart.PNG, chart.Social, chart.Footer{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMonteCarloSimulation measures package scenario's simulation of
// DefaultRuns runs on V2, the part of the Monte Carlo chart that is not
// drawing.
func BenchmarkMonteCarloSimulation(b *testing.B) {
	tl := loadV2(b)
	e, err := scenario.New(tl)
	if err != nil {
		b.Fatal(err)
	}
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: chart.DefaultRuns, Seed: 1}}
	for b.Loop() {
		if _, err := e.RunMonteCarlo(sc); err != nil {
			b.Fatal(err)
		}
	}
}
