package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/synth"
)

func fxRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestRoundnessCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"CNE 1st bulletin", []string{"roundness", "--decimals", "1", "Maduro=5150092", "Gonzalez=4,445,978", "others=462704"}, 0,
			[]string{"3 of 3 counts are exactly round percentages of 10,058,774", "1 in 101.2 million", "Flagged", "not the probability of fraud"}},
		{"Spanish grouping", []string{"roundness", "--decimals", "1", "Maduro=5.150.092", "Gonzalez=4 445 978", "others=462_704"}, 0,
			[]string{"1 in 101.2 million"}},
		{"decimal point is not a count", []string{"roundness", "--decimals", "1", "A=5150.5"}, 2, []string{"whole number"}},
		{"CNE 2nd bulletin", []string{"roundness", "--decimals", "2", "--total", "12335884", "Maduro=6408844", "Gonzalez=5326104"}, 0,
			[]string{"0 of 2 counts", "Not flagged", "51.95%", "6,408,492"}},
		{"no decimals", []string{"roundness", "A=5"}, 2, []string{"--decimals"}},
		{"no counts", []string{"roundness", "--decimals", "1"}, 2, []string{"CAND=VOTES"}},
		{"bad count", []string{"roundness", "--decimals", "1", "A=lots"}, 2, []string{"whole number"}},
		{"not a pair", []string{"roundness", "--decimals", "1", "5150092"}, 2, []string{"CAND=VOTES"}},
		{"too few votes", []string{"roundness", "--decimals", "2", "A=50", "B=70"}, 2, []string{"at least 10"}},
		{"help", []string{"roundness", "--help"}, 0, []string{"Usage: tallyscope roundness"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := fxRun(tc.args...)
			assert.Equal(t, tc.code, code, "stderr: %s", errOut)
			for _, c := range tc.contains {
				assert.Contains(t, out+errOut, c)
			}
		})
	}
	code, out, _ := fxRun("roundness", "--decimals", "1", "--format", "json", "NM=5150092", "EG=4445978", "others=462704")
	require.Equal(t, 0, code)
	var r struct {
		OneIn   float64 `json:"one_in"`
		Flagged bool    `json:"flagged"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.InDelta(t, 101173422, r.OneIn, 1e-3)
	assert.True(t, r.Flagged)
}

// writeSynthetic writes a synthetic election as Tallyscope JSON.
func fxWriteSynthetic(t *testing.T, c synth.Config) string {
	t.Helper()
	e, err := synth.Generate(c)
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "synthetic.json")
	f, err := os.Create(p)
	require.NoError(t, err)
	require.NoError(t, load.WriteJSON(f, e.Tally))
	require.NoError(t, f.Close())
	return p
}

func TestForensicsCommand(t *testing.T) {
	file := fxWriteSynthetic(t, synth.Config{Seed: 4, Units: 3000, Incremental: 0.3, Extreme: 0.05})
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"text", []string{"forensics", file}, 0, []string{
			"1. Round percentages", "No claim in the data", "2. Fingerprint", "3. Klimek", "4. Digit tests",
			"5. Integer-percentage spikes", "6. Turnout–share relationship", "Caveat:", "not verdicts"}},
		{"no fit", []string{"forensics", "--no-fit", file}, 0, []string{"Klimek fraud-model fit: A: not requested"}},
		{"by candidate", []string{"forensics", "--candidate", "B", "--no-fit", file}, 0, []string{"Share of B (Candidate B)"}},
		{"unknown candidate", []string{"forensics", "--candidate", "Nobody", file}, 2, []string{"Nobody"}},
		{"unknown level", []string{"forensics", "--level", "county", file}, 2, []string{"county"}},
		{"bad format", []string{"forensics", "--format", "xml", file}, 2, []string{"--format"}},
		{"bad denominator", []string{"forensics", "--denominator", "all", file}, 2, []string{"--denominator"}},
		{"no file", []string{"forensics"}, 2, []string{"exactly one data FILE"}},
		{"missing file", []string{"forensics", filepath.Join(t.TempDir(), "none.csv")}, 1, []string{"none.csv"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := fxRun(tc.args...)
			assert.Equal(t, tc.code, code, "stderr: %s", errOut)
			for _, c := range tc.contains {
				assert.Contains(t, out+errOut, c)
			}
		})
	}
	code, out, errOut := fxRun("forensics", "--format", "json", "--seed", "3", file)
	require.Equal(t, 0, code, errOut)
	assert.True(t, json.Valid([]byte(out)))
	_, again, _ := fxRun("forensics", "--format", "json", "--seed", "3", file)
	assert.Equal(t, out, again, "deterministic")
}

// TestForensicsCommandVenezuela runs the command on the shared V1 and V2
// files (skipped without ../shared).
func TestForensicsCommandVenezuela(t *testing.T) {
	v1 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	code, out, errOut := fxRun("forensics", v1)
	require.Equal(t, 0, code, errOut)
	for _, c := range []string{
		"CNE 1st bulletin: 3 of 3 counts are exactly round percentages of 10,058,774 (1 decimal); under the null this happens about 1 in 101.2 million times",
		"(1 in 75.9 million if every split of the total that shows the same percentages is taken as equally likely). Flagged as unusually round.",
		"CNE 2nd bulletin: 0 of 10 counts", "Turnout ≥ 95% and share ≥ 95%: 0 tables (0.00%)",
		"The model does NOT describe these data",
	} {
		assert.Contains(t, strings.Join(strings.Fields(out), " "), c)
	}
	assert.NotContains(t, out, "ABOVE the null", "the integer-percentage counts sit inside their null")
	assert.NotContains(t, out, "below the null")
	fxCheckWording(t, out)

	code, out, errOut = fxRun("forensics", v2)
	require.Equal(t, 0, code, errOut)
	flat := strings.Join(strings.Fields(out), " ")
	assert.Contains(t, flat, "fingerprint (turnout × share): this data has no registered voters")
	assert.Contains(t, flat, "--join-registered")
	assert.Contains(t, flat, "Share of NM (Nicolás Maduro Moros)")
	fxCheckWording(t, out)
}

// checkWording fails on any sentence that mentions proof without denying
// it, or that calls a result fraud.
func fxCheckWording(t *testing.T, text string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	negation := regexp.MustCompile(`(?i)\b(not|none|no|never|cannot)\b`)
	claim := regexp.MustCompile(`(?i)\b(proves?|proven|proof)\b`)
	verdict := regexp.MustCompile(`(?i)\b(is|was|were|are) (fraud|fraudulent|rigged|manipulated|falsified)\b`)
	for _, s := range regexp.MustCompile(`[.;:]\s`).Split(flat, -1) {
		if claim.MatchString(s) {
			assert.Regexp(t, negation, s)
		}
		assert.NotRegexp(t, verdict, s)
	}
}

func TestSyntheticCommand(t *testing.T) {
	code, out, errOut := fxRun("synthetic", "--seed", "2", "--units", "500", "--incremental", "0.3", "--extreme", "0.05")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "500 units")
	tl, _, err := load.Read(strings.NewReader(out), load.Options{Name: "synthetic.json"})
	require.NoError(t, err)
	assert.Len(t, tl.Units, 500)
	e, err := synth.Generate(synth.Config{Seed: 2, Units: 500, Incremental: 0.3, Extreme: 0.05})
	require.NoError(t, err)
	assert.Equal(t, e.Tally.Units, tl.Units, "the file holds exactly the generated election")
	_, again, _ := fxRun("synthetic", "--seed", "2", "--units", "500", "--incremental", "0.3", "--extreme", "0.05")
	assert.Equal(t, out, again)

	for _, args := range [][]string{
		{"synthetic", "--units", "0"},
		{"synthetic", "--incremental", "0.9", "--extreme", "0.2"},
		{"synthetic", "extra.json"},
	} {
		code, _, _ := fxRun(args...)
		assert.Equal(t, 2, code, "%v", args)
	}
}

// TestMysteryCommand: a mystery election hides its settings until
// --reveal, which prints exactly the generator's settings, and the
// forensic report flags the stuffed one and not the clean one.
func TestMysteryCommand(t *testing.T) {
	code, out, errOut := fxRun("synthetic", "--mystery", "heavy", "--seed", "42")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "settings are hidden")
	assert.NotContains(t, out, "incremental", "the file gives nothing away")
	code, again, reveal := fxRun("synthetic", "--mystery", "heavy", "--seed", "42", "--reveal")
	require.Equal(t, 0, code, reveal)
	assert.Equal(t, out, again, "revealing does not change the election")
	m, err := synth.NewMystery("heavy", 42)
	require.NoError(t, err)
	assert.Contains(t, reveal, fmt.Sprintf("fair turnout %s", fxPct(m.Turnout, 1)))
	assert.Contains(t, reveal, fmt.Sprintf("in %s of tables (incremental) and %s (extreme)", fxPct(m.Incremental, 1), fxPct(m.Extreme, 1)))

	dir := t.TempDir()
	for preset, flagged := range map[string]bool{"heavy": true, "clean": false} {
		_, out, _ := fxRun("synthetic", "--mystery", preset, "--seed", "42")
		f := filepath.Join(dir, preset+".json")
		require.NoError(t, os.WriteFile(f, []byte(out), 0o644))
		code, rep, errOut := fxRun("forensics", f)
		require.Equal(t, 0, code, errOut)
		flags := rep[strings.Index(rep, "\nFlags\n"):]
		assert.Equal(t, flagged, strings.Contains(flags, "Turnout–share slope within regions"), "%s: %s", preset, flags)
		assert.Equal(t, !flagged, strings.Contains(flags, "None:"), "%s: %s", preset, flags)
	}
	for _, args := range [][]string{
		{"synthetic", "--mystery", "medium"},
		{"synthetic", "--mystery", "light", "--units", "10"},
		{"synthetic", "--reveal"},
	} {
		code, _, _ := fxRun(args...)
		assert.Equal(t, 2, code, "%v", args)
	}
}
