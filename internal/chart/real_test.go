package chart_test

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

var chartsDir = flag.String("charts", "", "also write the charts rendered from the real data to this folder")

// loadReal reads a file from ../shared/data, or skips.
func loadReal(tb testing.TB, rel string) *sim.Tally {
	tb.Helper()
	f := shareddata.Open(tb, rel)
	t, _, err := load.Read(f, load.Options{Name: filepath.Base(rel)})
	require.NoError(tb, err, rel)
	return t
}

var (
	v2Once sync.Once
	v2     *sim.Tally
	v2Err  error
)

// loadV2 returns V2 with V1's registered voters joined (so that the
// fingerprint can be drawn), read once for all tests and benchmarks.
func loadV2(tb testing.TB) *sim.Tally {
	tb.Helper()
	p2 := shareddata.Path(tb, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	p1 := shareddata.Path(tb, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	v2Once.Do(func() {
		read := func(p string) *sim.Tally {
			f, err := os.Open(p)
			if err != nil {
				v2Err = err
				return nil
			}
			defer f.Close()
			t, _, err := load.Read(f, load.Options{Name: filepath.Base(p)})
			if err != nil {
				v2Err = err
			}
			return t
		}
		v2 = read(p2)
		v1 := read(p1)
		if v2Err == nil {
			load.JoinRegistered(v2, v1)
		}
	})
	require.NoError(tb, v2Err)
	return v2
}

func saveChart(t *testing.T, name string, b []byte) {
	t.Helper()
	if *chartsDir == "" {
		return
	}
	require.NoError(t, os.MkdirAll(*chartsDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(*chartsDir, name), b, 0o644))
}

// TestRealV2 draws every kind from the real V2 file (with V1's registered
// voters joined) as a social card in both languages, and checks the
// numbers behind them against the published figures. Run with
// -charts DIR to keep the PNGs and look at them.
func TestRealV2(t *testing.T) {
	tl := loadV2(t)
	sc := scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 500, Seed: 1}}
	for _, k := range chart.Kinds {
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			p, tab, err := chart.Render(k, tl, sc, chart.Options{Lang: l})
			require.NoError(t, err, "%s %s", k, l.Code())
			require.NotEmpty(t, tab.Rows)
			var b bytes.Buffer
			require.NoError(t, chart.Write(&b, p, chart.PNG, chart.Social, chart.FooterFor(tl, sc, l, "test")))
			cfg, err := png.DecodeConfig(bytes.NewReader(b.Bytes()))
			require.NoError(t, err)
			assert.Equal(t, 1200, cfg.Width)
			assert.Equal(t, 675, cfg.Height)
			saveChart(t, "v2-"+string(k)+"-"+l.Code()+".png", b.Bytes())
		}
	}
}

// TestRealV2Numbers checks the tables behind the V2 charts against the
// totals in PUBLISHED_FIGURES.md and the data README.
func TestRealV2Numbers(t *testing.T) {
	tl := loadV2(t)
	a := sim.Aggregate(tl)

	s, err := chart.ComputeShares(a)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(s.Rows), 3)
	assert.Equal(t, "EG", tl.Candidates[s.Rows[0].Candidate].ID)
	assert.Equal(t, int64(7303480), s.Rows[0].Counted, "González, V2")
	assert.Equal(t, int64(3316142), s.Rows[1].Counted, "Maduro, V2")
	assert.Equal(t, int64(267640), s.Rows[len(s.Rows)-1].Counted, "the other eight, V2")
	assert.InDelta(t, 0.6708, s.Rows[0].CountedShare, 0.00005)
	assert.Equal(t, int64(25073), s.Units)
	assert.Equal(t, int64(30026), s.ExpectedUnits)
	// The CNE's 2nd bulletin: Maduro 6,408,844 of 12,335,884 (51.95%).
	require.Contains(t, s.Claims, "CNE 2nd bulletin")
	i := 0
	for s.Claims[i] != "CNE 2nd bulletin" {
		i++
	}
	assert.Equal(t, int64(6408844), s.Rows[1].Claimed[i])
	assert.InDelta(t, 0.5195, s.Rows[1].ClaimedShare[i], 0.00005)
	assert.Equal(t, int64(600936), s.Rows[len(s.Rows)-1].Claimed[i], "others, computed in PUBLISHED_FIGURES.md")

	r, err := chart.ComputeRegions(a, chart.Options{})
	require.NoError(t, err)
	assert.Equal(t, 24, r.Total)
	assert.Equal(t, 24, r.LeadsA, "González leads in every state")
	for _, row := range r.Rows {
		if row.Key == "21" {
			assert.Equal(t, int64(766915), row.VotesA, "Zulia, González")
			assert.Equal(t, int64(321797), row.VotesB, "Zulia, Maduro")
			assert.Equal(t, int64(2721), row.Units, "Zulia, tables")
		}
	}

	w, err := chart.ComputeSwing(a, chart.Options{})
	require.NoError(t, err)
	zero := len(w.Swings) / 2
	require.Zero(t, w.Swings[zero])
	// README: Maduro leads González in 3,320 tables and 41 are ties,
	// which the first-listed candidate (González) takes.
	assert.Equal(t, int64(3320), w.WonB[zero], "tables Maduro wins as counted")
	assert.Equal(t, int64(25073), w.WonA[zero]+w.WonB[zero]+w.WonOther[zero])
}

// TestRealUSSwing checks the swing chart's count of counties against the
// data README: the Republican won 2,685 of 3,160 counties in 2024.
func TestRealUSSwing(t *testing.T) {
	tl := loadReal(t, "us-county/2024_US_County_Level_Presidential_Results.csv")
	d, err := chart.ComputeSwing(sim.Aggregate(tl), chart.Options{})
	require.NoError(t, err)
	zero := len(d.Swings) / 2
	assert.Equal(t, "gop", tl.Candidates[d.A].ID)
	assert.Equal(t, int64(2685), d.WonA[zero])
	assert.Equal(t, int64(3160), d.Units)
	assert.False(t, d.Seats, "counties stand in for seats, and the chart says so")
	p, err := chart.Swing(sim.Aggregate(tl), chart.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, chart.Write(&b, p, chart.PNG, chart.Social, chart.Footer{Source: "tonmcg/US_County_Level_Election_Results_08-24", Digest: tl.Digest.String(), Version: "test"}))
	saveChart(t, "us2024-swing-en.png", b.Bytes())
}

// benchChart measures computing and drawing one kind from V2 (with V1's
// registered voters) as a 1,200 × 675 PNG.
func benchChart(b *testing.B, k chart.Kind) {
	tl := loadV2(b)
	sc := scenario.Scenario{}
	b.ReportAllocs()
	for b.Loop() {
		p, _, err := chart.Render(k, tl, sc, chart.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var w bytes.Buffer
		if err := chart.Write(&w, p, chart.PNG, chart.Social, chart.FooterFor(tl, sc, i18n.EN, "bench")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChartShares(b *testing.B)      { benchChart(b, chart.KindShares) }
func BenchmarkChartRegions(b *testing.B)     { benchChart(b, chart.KindRegions) }
func BenchmarkChartBreakEven(b *testing.B)   { benchChart(b, chart.KindBreakEven) }
func BenchmarkChartMonteCarlo(b *testing.B)  { benchChart(b, chart.KindMonteCarlo) }
func BenchmarkChartFingerprint(b *testing.B) { benchChart(b, chart.KindFingerprint) }
func BenchmarkChartDigits(b *testing.B)      { benchChart(b, chart.KindDigits) }
func BenchmarkChartSwing(b *testing.B)       { benchChart(b, chart.KindSwing) }
