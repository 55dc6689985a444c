package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// state returns the visualizer's model on the embedded default data, in
// the view and scenario of fragment.
func state(t *testing.T, lang i18n.Lang, fragment string) *app.State {
	t.Helper()
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	// As the app opens it: with its embedded states.
	d.Geo = app.EmbeddedStates(assets.VenezuelaStatesName, assets.VenezuelaStates, assets.VenezuelaStatesAttribution)
	s := app.New(d, lang, fragment)
	s.Update(0)
	return s
}

// records reads a CSV written by the hook, skipping its # comment lines.
func records(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var body []string
	for _, ln := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(ln, "#") {
			body = append(body, ln)
		}
	}
	r := csv.NewReader(strings.NewReader(strings.Join(body, "\n")))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err, path)
	return recs
}

// row returns the record whose first field is id.
func row(recs [][]string, id string) []string {
	for _, r := range recs {
		if len(r) > 0 && r[0] == id {
			return r
		}
	}
	return nil
}

// TestSaveDefaultData calls the desktop's save hook with the default data
// as the app hands it over, for every view, and checks the files written:
// a PNG, and a CSV with the published counts of the opposition's tally
// sheets (EG 7,303,480, NM 3,316,142 votes; 25,073 of 30,026 tables).
func TestSaveDefaultData(t *testing.T) {
	dir := t.TempDir()
	save := saver(dir, "test")
	tests := []struct {
		frag string
		lang i18n.Lang
		file string
		// check looks at the CSV's records.
		check func(t *testing.T, recs [][]string, comments string)
	}{
		{"", i18n.EN, "venezuela-2024-tables-shares", func(t *testing.T, recs [][]string, comments string) {
			assert.Contains(t, comments, "# counted_units: 25073")
			assert.Contains(t, comments, "# expected_units: 30026")
			eg, nm := row(recs, "EG"), row(recs, "NM")
			require.NotNil(t, eg)
			require.NotNil(t, nm)
			assert.Equal(t, "7303480", eg[2])
			assert.Equal(t, "3316142", nm[2])
			assert.True(t, strings.HasPrefix(eg[3], "0.6708"), eg[3])
		}},
		{"view=regions", i18n.ES, "venezuela-2024-tables-regions", func(t *testing.T, recs [][]string, comments string) {
			assert.Contains(t, comments, "# level: state")
			// A header and Venezuela's 24 states (23 and the capital).
			assert.Len(t, recs, 25)
			dc := row(recs, "1")
			require.NotNil(t, dc)
			assert.Equal(t, []string{"1", "Distrito Capital", "1685"}, dc[:3])
			assert.Equal(t, "505956", dc[5], "EG in the capital")
		}},
		{"view=scenario&mode=split&split=0.6", i18n.EN, "venezuela-2024-tables-breakeven", func(t *testing.T, recs [][]string, comments string) {
			assert.Contains(t, comments, "# counted_margin: 3987338")
		}},
		{"view=map&colour=margin", i18n.ES, "venezuela-2024-tables-map", func(t *testing.T, recs [][]string, comments string) {
			assert.Contains(t, comments, "# mode: margin")
			assert.Contains(t, comments, "# matched: 24")
			assert.Len(t, recs, 25, "a header and the 24 states drawn")
		}},
		{"view=map&cartogram=sized", i18n.EN, "venezuela-2024-tables-cartogram", func(t *testing.T, recs [][]string, comments string) {
			assert.Contains(t, comments, "# mode: leader")
		}},
		{"view=uncertainty", i18n.EN, "venezuela-2024-tables-montecarlo", func(t *testing.T, recs [][]string, comments string) {
			assert.Contains(t, comments, "# runs: 2000")
			assert.Contains(t, comments, "# seed: 20240728")
		}},
	}
	for _, tt := range tests {
		s := state(t, tt.lang, tt.frag)
		start := time.Now()
		base, err := save(s.SaveRequest())
		require.NoError(t, err, tt.frag)
		t.Logf("%s: saved in %v", tt.file, time.Since(start).Round(time.Millisecond))
		assert.Equal(t, filepath.Join(dir, tt.file), base, tt.frag)
		png, err := os.ReadFile(base + ".png")
		require.NoError(t, err, tt.frag)
		assert.True(t, bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")), "%s: a PNG", tt.frag)
		b, err := os.ReadFile(base + ".csv")
		require.NoError(t, err, tt.frag)
		var comments strings.Builder
		for _, ln := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(ln, "#") {
				comments.WriteString(ln + "\n")
			}
		}
		tt.check(t, records(t, base+".csv"), comments.String())
	}

	// Saving again never overwrites: the name takes -2.
	base, err := save(state(t, i18n.EN, "").SaveRequest())
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "venezuela-2024-tables-shares-2"), base)
	assert.FileExists(t, base+".png")
	assert.FileExists(t, base+".csv")

	// The Tables view's fingerprint needs each table's registered voters,
	// which the default data has (24,530 of its 25,073 tables).
	base, err = save(state(t, i18n.EN, "view=units").SaveRequest())
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "venezuela-2024-tables-fingerprint"), base)
	assert.FileExists(t, base+".png")
	assert.FileExists(t, base+".csv")

	// A folder that cannot be written to is an error, not a crash.
	_, err = saver(filepath.Join(dir, "missing"), "test")(state(t, i18n.EN, "").SaveRequest())
	assert.Error(t, err)
}

func TestFileStem(t *testing.T) {
	tests := map[string]string{
		"RESULTADOS_2024_CSV_V2.csv": "RESULTADOS_2024_CSV_V2",
		"/tmp/x/venezuela 2024.json": "venezuela-2024",
		"../..":                      "tallyscope",
		"":                           "tallyscope",
		"día de votación.csv":        "día-de-votación",
		"a/b:c*?.csv":                "b-c",
	}
	for in, want := range tests {
		assert.Equal(t, want, fileStem(in), in)
	}
}

// TestSaveRealFiles saves the Tables view's fingerprint from the real V1
// file (one row per table, with registered voters) and checks that V2,
// without them, gives chart.ErrNoData.
func TestSaveRealFiles(t *testing.T) {
	dir := t.TempDir()
	save := saver(dir, "test")
	for _, tt := range []struct {
		file string
		err  bool
	}{{"RESULTADOS_2024_CSV_V1.csv", false}, {"RESULTADOS_2024_CSV_V2.csv", true}} {
		b, err := os.ReadFile(shareddata.Path(t, "venezuela-2024/"+tt.file))
		require.NoError(t, err)
		d, err := app.Load(b, tt.file)
		require.NoError(t, err)
		s := app.New(d, i18n.ES, "view=units")
		s.Update(0)
		base, err := save(s.SaveRequest())
		if tt.err {
			assert.ErrorIs(t, err, chart.ErrNoData, tt.file)
			continue
		}
		require.NoError(t, err, tt.file)
		assert.Equal(t, filepath.Join(dir, strings.TrimSuffix(tt.file, ".csv")+"-fingerprint"), base)
		assert.FileExists(t, base+".png")
		head, err := os.ReadFile(base + ".csv")
		require.NoError(t, err)
		assert.NotEmpty(t, records(t, base+".csv"), tt.file)
		assert.Contains(t, string(head), "# candidate: EG\n# units: 24532\n", "V1's 24,532 tables")
	}
}
