package forensics_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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
	assert.Equal(t, 24532, r.WithRegistered)

	// The CNE's first bulletin is flagged at about 1 in 101 million; the
	// second is not (see TestRoundnessCNEFirstBulletin for the arithmetic).
	require.Len(t, r.Roundness, 2)
	assert.True(t, r.Roundness[0].Flagged)
	assert.InDelta(t, 101173422, r.Roundness[0].OneIn, 1e-3)
	assert.False(t, r.Roundness[1].Flagged)

	// No table has turnout ≥ 95% with Maduro's share ≥ 95%.
	require.Len(t, r.Fingerprints, 2)
	nm := r.Fingerprints[1]
	assert.Equal(t, "NM", nm.CandidateID)
	assert.Equal(t, int64(24532), nm.Units)
	assert.Equal(t, int64(0), nm.CornerUnits)
	var direct int
	for _, u := range tl.Units {
		if float64(u.Cast()) >= 0.95*float64(u.Registered) && float64(u.Votes[1]) >= 0.95*float64(u.Valid()) {
			direct++
		}
	}
	assert.Zero(t, direct, "counted directly from the units")
	// The fullest 1% bins, found independently in python3 (csv module,
	// integer floor division of 100·cast by registered and of 100·votes by
	// valid, ties to the lowest bin): EG at turnout 61%, share 68% (55
	// tables); NM at turnout 57%, share 23% (57 tables).
	for i, want := range [][3]int{{61, 68, 55}, {57, 23, 57}} {
		fp := r.Fingerprints[i]
		assert.Equal(t, want, [3]int{fp.ModeTurnout, fp.ModeShare, int(fp.ModeUnits)}, fp.CandidateID)
	}

	// The integer-percentage counts sit inside their null. The counts were
	// computed independently in python3 with the csv module: units where
	// (100·k) % n == 0, after leaving out those with k − 4·sd ≤ 0.5 or
	// k + 4·sd ≥ n − 0.5 (sd = √(k(1 − k/n))): turnout 206 of 24,363 (169
	// left out), EG 332 of 24,408 (124), NM 330 of 24,386 (146).
	require.Len(t, r.Spikes, 3)
	for i, want := range [][2]int64{{206, 24363}, {332, 24408}, {330, 24386}} {
		assert.Equal(t, want[0], r.Spikes[i].Integer, "spikes %d", i)
		assert.Equal(t, want[1], r.Spikes[i].Units, "spikes %d", i)
	}
	for _, s := range r.Spikes {
		assert.True(t, s.Inside(), "%s %s: %d outside [%g, %g]", s.Quantity, s.CandidateID, s.Integer, s.NullInterval.Lo, s.NullInterval.Hi)
	}

	// Maduro's last digits depart from uniform (his counts of 100 or more
	// thin out fast), but not from the binomial null that keeps that shape.
	nmLast := r.LastDigit[1]
	require.Equal(t, "NM", nmLast.CandidateID)
	require.NotNil(t, nmLast.Binomial)
	assert.Less(t, nmLast.PValue, 1e-4)
	assert.Greater(t, nmLast.Binomial.PValue, 0.05)
	assert.Greater(t, nmLast.Binomial.Expected[0], nmLast.Binomial.Expected[9])

	// Digit statistics, computed independently in python3 (csv module,
	// int(str(x)[1]) and x % 10, scipy.stats.chi2.sf).
	digits := []struct {
		n2              int64
		mean2, chi2, p2 float64
		nLast           int64
		chiLast, pLast  float64
	}{
		{24505, 4.380738624770455, 116.10882872287306, 8.347972504404018e-21, 22496, 8.117176386913227, 0.5223822246713428},
		{24502, 4.00183658476859, 111.62114377625002, 6.874374274048092e-20, 16096, 40.31958250497018, 6.64945815558358e-06},
	}
	for i, want := range digits {
		sd, ld := r.SecondDigit[i], r.LastDigit[i]
		assert.Equal(t, want.n2, sd.N, sd.CandidateID)
		assert.InDelta(t, want.mean2, sd.Mean, 1e-12, sd.CandidateID)
		assert.InDelta(t, want.chi2, sd.ChiSquare, 1e-9, sd.CandidateID)
		assert.InDelta(t, want.p2, sd.PValue, want.p2*1e-9, sd.CandidateID)
		assert.Equal(t, want.nLast, ld.N, ld.CandidateID)
		assert.InDelta(t, want.chiLast, ld.ChiSquare, 1e-9, ld.CandidateID)
		assert.InDelta(t, want.pLast, ld.PValue, want.pLast*1e-9, ld.CandidateID)
	}

	// Maduro's turnout–share relationship, computed independently in
	// python3 (scipy.stats.pearsonr and scipy.stats.linregress over the
	// 24,532 tables).
	require.Len(t, r.TurnoutShare, 2)
	ts := r.TurnoutShare[1].National
	assert.InDelta(t, 0.4645804101566353, ts.Correlation, 1e-10)
	assert.InDelta(t, 0.776381222250375, ts.Slope.Slope, 1e-10)
	assert.InDelta(t, 0.005437721311884339, ts.Slope.SlopeSE, 1e-10)
	assert.InDelta(t, 0.30410189276271005, ts.Share, 1e-12)
	assert.Len(t, r.TurnoutShare[1].Regions, 24)

	// Both leaders' second digits depart from Benford's law, as table-level
	// counts do, but not from the binomial null that keeps their range.
	for _, d := range r.SecondDigit[:2] {
		require.NotNil(t, d.Binomial, d.CandidateID)
		assert.Less(t, d.PValue, 1e-10, d.CandidateID)
		assert.Greater(t, d.Binomial.PValue, 0.05, d.CandidateID)
	}

	// The Klimek model does not describe these data, and says so.
	for _, k := range r.Klimek {
		assert.False(t, k.Fits, k.CandidateID)
	}
	assertHonestWording(t, r)

	for _, k := range r.Klimek {
		t.Logf("klimek %s: incremental %.2f extreme %.2f, fair turnout %.3f±%.3f share %.3f±%.3f; residual %.3g noise %.3g fair %.3g fits %v edge %v", k.CandidateID, k.Incremental, k.Extreme, k.Turnout, k.TurnoutSD, k.Share, k.ShareSD, k.Residual, k.NoiseResidual, k.FairResidual, k.Fits, k.AtEdge)
	}
	for _, s := range r.Spikes {
		t.Logf("spikes %s %s: %d units, integer %d, null mean %.1f sd %.1f interval [%g, %g] p %.3f", s.Quantity, s.CandidateID, s.Units, s.Integer, s.NullMean, s.NullSD, s.NullInterval.Lo, s.NullInterval.Hi, s.PValue)
	}
}

func TestRunV2(t *testing.T) {
	tl := venezuela(t, v2File)
	r, err := forensics.Run(tl, forensics.Options{Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, 25073, r.SingleUnits)
	assert.Zero(t, r.WithRegistered)
	// Everything that needs turnout is skipped, and says why.
	var skipped []string
	for _, s := range r.Skipped {
		skipped = append(skipped, s.Check)
		assert.Contains(t, []string{"forensics.no-turnout", "forensics.no-turnout.klimek"}, s.Reason.Code)
	}
	assert.Equal(t, []string{forensics.CheckFingerprint, forensics.CheckKlimek,
		forensics.CheckSpikesTurn, forensics.CheckTurnoutShare}, skipped)
	assert.Empty(t, r.Fingerprints)
	assert.Empty(t, r.Klimek)
	assert.Empty(t, r.TurnoutShare)
	// Everything else runs.
	assert.Len(t, r.Roundness, 2)
	assert.Len(t, r.Spikes, 2, "share spikes for EG and NM")
	assert.Len(t, r.SecondDigit, 10)
	assert.Len(t, r.LastDigit, 10)
	assertHonestWording(t, r)
}

// TestRunV2WithV1Registered joins V1's registered voters onto V2: the 543
// tables that are only in V2 have unknown registered voters and must be
// left out of the turnout checks, and listed, not mixed in.
func TestRunV2WithV1Registered(t *testing.T) {
	src := venezuela(t, v1File)
	base := venezuela(t, v2File)
	tl := *base
	tl.Units = slices.Clone(base.Units)
	require.Equal(t, 24530, load.JoinRegistered(&tl, src))
	r, err := forensics.Run(&tl, forensics.Options{Seed: 1, SkipFit: true})
	require.NoError(t, err)
	require.NotEmpty(t, r.Fingerprints)
	for _, fp := range r.Fingerprints {
		assert.Equal(t, int64(24530), fp.Units)
		assert.Equal(t, []forensics.Exclusion{{Reason: forensics.ReasonNoRegistered, Units: 543}}, fp.Excluded)
	}
	// Every unit is either tested or listed with its reason.
	accounted := func(s *forensics.SpikeTest) (n int64, reasons map[string]int) {
		reasons = map[string]int{}
		for _, e := range s.Excluded {
			n += int64(e.Units)
			reasons[e.Reason] = e.Units
		}
		return n + s.Units, reasons
	}
	n, reasons := accounted(r.Spikes[0])
	assert.Equal(t, int64(25073), n, "turnout spikes")
	assert.Equal(t, 543, reasons[forensics.ReasonNoRegistered])
	n, reasons = accounted(r.Spikes[1])
	assert.Equal(t, int64(25073), n, "share spikes")
	assert.NotContains(t, reasons, forensics.ReasonNoRegistered, "share spikes need no turnout")
}

// assertHonestWording checks every sentence the report prints: any that
// mentions proof must deny it, and none may call a result fraud.
func assertHonestWording(t *testing.T, r *forensics.Report) {
	t.Helper()
	var b strings.Builder
	require.NoError(t, forensics.WriteJSON(&b, r))
	var texts []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			texts = append(texts, x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	var doc any
	require.NoError(t, json.Unmarshal([]byte(b.String()), &doc))
	walk(doc)
	negation := regexp.MustCompile(`(?i)\b(not|none|no|never|cannot)\b`)
	claim := regexp.MustCompile(`(?i)\b(proves?|proven|proof)\b`)
	verdict := regexp.MustCompile(`(?i)\b(is|was|were|are) (fraud|fraudulent|rigged|manipulated|falsified)\b`)
	for _, text := range texts {
		for _, sentence := range regexp.MustCompile(`[.;:]\s`).Split(text, -1) {
			if claim.MatchString(sentence) {
				assert.Regexp(t, negation, sentence, "a sentence that mentions proof must deny it")
			}
			assert.NotRegexp(t, verdict, sentence)
		}
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

// Benchmarks of the single checks, on V2 where they need no turnout and
// on V1 where they do.

func BenchmarkRoundnessCNE(b *testing.B) {
	counts := []forensics.Count{{Label: "NM", Votes: 5150092}, {Label: "EG", Votes: 4445978}, {Label: "others", Votes: 462704}}
	for b.Loop() {
		if _, err := forensics.Roundness("", counts, 0, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSecondDigitV2(b *testing.B) {
	tl := venezuela(b, v2File)
	for b.Loop() {
		if _, err := forensics.SecondDigit(tl, forensics.DigitOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLastDigitV2(b *testing.B) {
	tl := venezuela(b, v2File)
	for b.Loop() {
		if _, err := forensics.LastDigit(tl, forensics.DigitOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShareSpikesV2(b *testing.B) {
	tl := venezuela(b, v2File)
	for b.Loop() {
		if _, err := forensics.ShareSpikes(tl, forensics.SpikeOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFingerprintV1(b *testing.B) {
	tl := venezuela(b, v1File)
	for b.Loop() {
		if _, err := forensics.Fingerprint(tl, forensics.FingerprintOptions{Candidate: "NM"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKlimekFitV1(b *testing.B) {
	tl := venezuela(b, v1File)
	for b.Loop() {
		if _, err := forensics.KlimekFit(tl, forensics.KlimekOptions{Seed: 1, Candidate: "NM"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTurnoutShareV1(b *testing.B) {
	tl := venezuela(b, v1File)
	for b.Loop() {
		if _, err := forensics.TurnoutShare(tl, forensics.TurnoutShareOptions{Candidate: "NM"}); err != nil {
			b.Fatal(err)
		}
	}
}
