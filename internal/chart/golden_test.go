package chart_test

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenScenario gives the Monte Carlo chart few runs, so that the golden
// test is quick.
var goldenScenario = scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 400, Seed: 3}}

// goldenFooter is fixed text, so that the goldens do not change when
// another package changes how a scenario string is encoded.
func goldenFooter(l i18n.Lang) chart.Footer {
	t := fixture()
	return chart.Footer{Lang: l, Source: t.Source, Digest: t.Digest.String(), Scenario: "s1.golden-scenario-string", Version: "test"}
}

// goldenPlot draws kind k from the fixture. The kinds whose numbers come
// from package scenario are drawn from fixed inputs (a break-even from the
// formula, a hand-made Monte Carlo result), so that the goldens test the
// drawing, not another package's simulation.
func goldenPlot(t *testing.T, k chart.Kind, l i18n.Lang) *plot.Plot {
	t.Helper()
	tl := fixture()
	opts := chart.Options{Lang: l}
	switch k {
	case chart.KindBreakEven:
		a := sim.Aggregate(tl)
		b := scenario.BreakEvenVotes(a.Nation.Votes, 6954)
		b.RemainingMethod = scenario.RemainingTurnout
		p, err := chart.BreakEven(tl, b, 12, opts)
		require.NoError(t, err)
		return p
	case chart.KindMonteCarlo:
		p, err := chart.MonteCarlo(tl, goldenMonteCarlo(), opts)
		require.NoError(t, err)
		return p
	}
	p, _, err := chart.Render(k, tl, scenario.Scenario{}, opts)
	require.NoError(t, err, "render %s", k)
	return p
}

// goldenMonteCarlo is a Monte Carlo result made by hand: 400 runs whose
// margins (B over A, in points) follow a fixed bell shape.
func goldenMonteCarlo() scenario.MonteCarloResult {
	r := scenario.MonteCarloResult{Runs: 400, Seed: 3, A: 1, B: 0, MissingUnits: 12, WinProb: []float64{0.02, 0.98, 0},
		Wins: []int64{8, 392, 0}, WinSE: []float64{0.007, 0.007, 0},
		Quantiles: []float64{0.05, 0.25, 0.5, 0.75, 0.95}, MarginQ: []float64{0.4, 2.9, 4.6, 6.2, 8.8}}
	counts := make([]int, 40)
	total := 0
	for i := range counts {
		x := (float64(i) - 19.5) / 7
		counts[i] = int(22.8*math.Exp(-x*x/2) + 0.5)
		total += counts[i]
	}
	counts[20] += 400 - total
	r.Histogram = scenario.Histogram{Lo: -1.5, Hi: 10.5, Counts: counts}
	return r
}

// TestGolden draws every kind from the fixture and compares it with the
// files in testdata: SVG as text, PNG pixel by pixel with a tolerance.
// Run with -update to rewrite them after a deliberate change, and look at
// the PNGs before committing.
func TestGolden(t *testing.T) {
	defer chart.SetSVGEmbedFonts(chart.SetSVGEmbedFonts(false))
	for _, k := range chart.Kinds {
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			t.Run(string(k)+"-"+l.Code(), func(t *testing.T) {
				p := goldenPlot(t, k, l)
				var svg bytes.Buffer
				require.NoError(t, chart.Write(&svg, p, chart.SVG, chart.Social, goldenFooter(l)))
				name := filepath.Join("testdata", string(k)+"-"+l.Code())
				compareText(t, name+".svg", svg.Bytes())
				if l == i18n.EN {
					var img bytes.Buffer
					require.NoError(t, chart.Write(&img, p, chart.PNG, chart.Social, goldenFooter(l)))
					comparePNG(t, name+".png", img.Bytes())
				}
			})
		}
	}
}

func compareText(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(name, got, 0o644))
		return
	}
	want, err := os.ReadFile(name)
	require.NoError(t, err, "golden file %s (run go test -update to create it)", name)
	assert.Equal(t, string(want), string(got), "%s differs from the golden file (run go test -update after a deliberate change)", name)
}

// pngTolerance is the largest fraction of pixels that may differ by more
// than pngLevel in any channel: font rasterisation can differ slightly
// between Go versions and platforms.
const (
	pngTolerance = 0.002
	pngLevel     = 48
)

func comparePNG(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(name, got, 0o644))
		return
	}
	wantB, err := os.ReadFile(name)
	require.NoError(t, err, "golden file %s (run go test -update to create it)", name)
	want, err := png.Decode(bytes.NewReader(wantB))
	require.NoError(t, err, name)
	img, err := png.Decode(bytes.NewReader(got))
	require.NoError(t, err, name)
	require.Equal(t, want.Bounds(), img.Bounds(), "%s: size", name)
	assert.LessOrEqual(t, pixelDiff(want, img), pngTolerance, "%s: share of pixels that differ", name)
}

func pixelDiff(a, b image.Image) float64 {
	r := a.Bounds()
	var bad int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2) > pngLevel<<8 || absDiff(g1, g2) > pngLevel<<8 || absDiff(b1, b2) > pngLevel<<8 {
				bad++
			}
		}
	}
	return float64(bad) / float64(r.Dx()*r.Dy())
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestPixelDiffCanFail checks that the PNG comparison notices a changed
// image, so that the golden test cannot pass by accident.
func TestPixelDiffCanFail(t *testing.T) {
	p, _, err := chart.Render(chart.KindShares, fixture(), scenario.Scenario{}, chart.Options{})
	require.NoError(t, err)
	var a, b bytes.Buffer
	require.NoError(t, chart.Write(&a, p, chart.PNG, chart.Social, chart.Footer{}))
	require.NoError(t, chart.Write(&b, p, chart.PNG, chart.Social, chart.Footer{Source: "another source line, long enough to change many pixels"}))
	ia, err := png.Decode(&a)
	require.NoError(t, err)
	ib, err := png.Decode(&b)
	require.NoError(t, err)
	assert.Zero(t, pixelDiff(ia, ia))
	assert.Greater(t, pixelDiff(ia, ib), pngTolerance)
}
