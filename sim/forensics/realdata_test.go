package forensics_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/load"
)

var (
	realMu    sync.Mutex
	realCache = map[string]*sim.Tally{}
)

// venezuela loads one of the shared Venezuela files once per test binary,
// or skips when ../shared is absent. Callers must not modify the tally.
func venezuela(tb testing.TB, name string) *sim.Tally {
	tb.Helper()
	p := shareddata.Path(tb, "venezuela-2024/"+name)
	realMu.Lock()
	defer realMu.Unlock()
	if t, ok := realCache[p]; ok {
		return t
	}
	f, err := os.Open(p)
	require.NoError(tb, err)
	defer f.Close()
	t, _, err := load.Read(f, load.Options{Name: filepath.Base(p)})
	require.NoError(tb, err)
	realCache[p] = t
	return t
}

const (
	v1File = "RESULTADOS_2024_CSV_V1.csv"
	v2File = "RESULTADOS_2024_CSV_V2.csv"
)

func TestRunV1(t *testing.T) {
	tl := venezuela(t, v1File)
	r, err := forensics.Run(tl, forensics.Options{Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, []string{"EG", "NM"}, r.Candidates, "data leader, then the CNE's claimed winner")
	assert.Empty(t, r.Skipped)
	for _, fp := range r.Fingerprints {
		t.Logf("fingerprint %s: %d units, mode turnout bin %d share bin %d (%d units), corner %d", fp.CandidateID, fp.Units, fp.ModeTurnout, fp.ModeShare, fp.ModeUnits, fp.CornerUnits)
	}
	for _, k := range r.Klimek {
		t.Logf("klimek %s: incremental %.2f extreme %.2f, fair turnout %.3f±%.3f share %.3f±%.3f; residual %.3g noise %.3g fair %.3g fits %v edge %v", k.CandidateID, k.Incremental, k.Extreme, k.Turnout, k.TurnoutSD, k.Share, k.ShareSD, k.Residual, k.NoiseResidual, k.FairResidual, k.Fits, k.AtEdge)
	}
	for _, s := range r.Spikes {
		t.Logf("spikes %s %s: %d units, integer %d, null mean %.1f sd %.1f interval [%g, %g] p %.3f", s.Quantity, s.CandidateID, s.Units, s.Integer, s.NullMean, s.NullSD, s.NullInterval.Lo, s.NullInterval.Hi, s.PValue)
	}
	for _, ts := range r.TurnoutShare {
		t.Logf("turnout-share %s: r %.3f slope %.3f share %.3f", ts.CandidateID, ts.National.Correlation, ts.National.Slope.Slope, ts.National.Share)
	}
	for _, d := range r.SecondDigit {
		t.Logf("2BL %s: n %d mean %.3f [%.3f, %.3f] chi2 %.1f p %.3g", d.CandidateID, d.N, d.Mean, d.MeanInterval.Lo, d.MeanInterval.Hi, d.ChiSquare, d.PValue)
	}
	for _, d := range r.LastDigit {
		t.Logf("last %s: n %d chi2 %.1f p %.3g 0/5 %.3f rep %.3f adj %.3f", d.CandidateID, d.N, d.ChiSquare, d.PValue, d.ZeroFive.Share, d.Repeated.Share, d.Adjacent.Share)
	}
}

func BenchmarkForensicsV2(b *testing.B) {
	tl := venezuela(b, v2File)
	b.ResetTimer()
	for b.Loop() {
		if _, err := forensics.Run(tl, forensics.Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkForensicsV1(b *testing.B) {
	tl := venezuela(b, v1File)
	b.ResetTimer()
	for b.Loop() {
		if _, err := forensics.Run(tl, forensics.Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
