package app

import (
	"testing"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/i18n"
)

// The app's work on the embedded default, as the browser does it: run
// under Node with the browser's compiler flags to see what they cost
// (BENCHMARKS.md, "Inlining and the download").

// BenchmarkStartDefault decodes the embedded tables and computes the first
// view's numbers.
func BenchmarkStartDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		d, err := Load(assets.Default, assets.DefaultName)
		if err != nil {
			b.Fatal(err)
		}
		s := New(d, i18n.EN, "")
		s.Update(0)
	}
}

// defaultState is the app on the embedded default, first numbers computed.
func defaultState(b *testing.B) *State {
	d, err := Load(assets.Default, assets.DefaultName)
	if err != nil {
		b.Fatal(err)
	}
	s := New(d, i18n.EN, "")
	s.Update(0)
	return s
}

// BenchmarkRecomputeDefault moves the split slider and recomputes.
func BenchmarkRecomputeDefault(b *testing.B) {
	s := defaultState(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Apply(SetSplit{Share: float64(i%100) / 100})
		s.Update(0)
	}
}

// BenchmarkMonteCarloDefault sets up the uncertainty view's simulation and
// runs 500 of its runs.
func BenchmarkMonteCarloDefault(b *testing.B) {
	s := defaultState(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := s.newMonteCarlo()
		if m == nil || m.Err != nil {
			b.Fatal("no simulation on the default data")
		}
		m.Step(500)
	}
}
