package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

func TestSummaryV2Text(t *testing.T) {
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	out, errOut, code := runCLI(t, "summary", v2)
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{
		"Shares are of valid votes.",
		"National result, 25,073 tables counted",
		"Edmundo González Urrutia   7,303,480  67.08%",
		"Nicolás Maduro Moros       3,316,142  30.46%",
		"valid votes               10,887,262",
		"Edmundo González Urrutia leads Nicolás Maduro Moros by 3,987,338 votes (36.62 points)",
		"Coverage: 25,073 of 30,026 tables (83.50%)",
		"Turnout: unknown",
		"By state (24):",
		"Zulia ",
		"Nueva Esparta ",
	} {
		assert.Contains(t, out, want)
	}
}

func TestSummaryV1TurnoutJSON(t *testing.T) {
	v1 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	out, errOut, code := runCLI(t, "summary", "--format", "json", "--level", "parish", v1)
	require.Equal(t, 0, code, errOut)
	var s struct {
		Denominator string
		National    struct {
			Units      int64
			Registered int64
			Turnout    float64
		}
		Level   string
		Regions []json.RawMessage
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, int64(24532), s.National.Units)
	assert.Equal(t, int64(17745239), s.National.Registered)
	assert.InDelta(t, 0.6007, s.National.Turnout, 0.00005)
	assert.Equal(t, "parish", s.Level)
	assert.Len(t, s.Regions, 1072)
	assert.Equal(t, "valid votes", s.Denominator)
}

func TestSummaryUSCountyCSV(t *testing.T) {
	us := shareddata.Path(t, "us-county/2024_US_County_Level_Presidential_Results.csv")
	out, errOut, code := runCLI(t, "summary", "--format", "csv", "--margin", "gop:dem", us)
	require.Equal(t, 0, code, errOut)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+1+51)
	h := map[string]int{}
	for i, c := range recs[0] {
		h[c] = i
	}
	nat := recs[1]
	assert.Equal(t, "nation", nat[h["level"]])
	assert.Equal(t, "3160", nat[h["units"]])
	assert.Equal(t, "75006739", nat[h["dem"]])
	assert.Equal(t, "77294799", nat[h["gop"]])
	assert.Equal(t, "2288060", nat[h["margin_votes"]])
	assert.Equal(t, "gop-dem", nat[h["margin"]])
	assert.Equal(t, "valid", nat[h["share_denominator"]])
}

func TestValidate(t *testing.T) {
	bad := filepath.Join("..", "..", "sim", "load", "testdata", "bad")
	out, _, code := runCLI(t, "validate", filepath.Join(bad, "duplicate-table.csv"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "duplicate-table.csv:5:66: column MESA: duplicate unit")
	assert.Contains(t, out, "FAILED: 1 of 4 rows have problems")

	out, _, code = runCLI(t, "validate", filepath.Join(bad, "utf16.csv"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "utf16.csv:1:1: the file is UTF-16")

	v1 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	out, errOut, code := runCLI(t, "validate", v1)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "OK: 24,532 rows, 24,532 units")
}

func TestMappingFromCLI(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "r.csv")
	m := filepath.Join(dir, "m.json")
	require.NoError(t, os.WriteFile(data, []byte("district;station;electors;valid;a;b\nNorth;1;100;60;\"40\";20\nSouth;1;100;50;10;40\n"), 0o644))
	require.NoError(t, os.WriteFile(m, []byte(`{"levels":["district"],"unit":"station","registered":"electors","valid":"valid","candidates":[{"column":"a","name":"Ana"},"b"],"expected":{"units":4}}`), 0o644))
	out, errOut, code := runCLI(t, "summary", "--map", m, data)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `note: delimiter: ";"`)
	assert.Contains(t, out, "Coverage: 2 of 4 units (50.00%)")
	assert.Contains(t, out, "Turnout: 55.00%")
	_, errOut, code = runCLI(t, "summary", "--map", m, "--level", "county", data)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown level: "county" (levels: district, unit)`)
}

func TestConvertRoundTrip(t *testing.T) {
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	out := filepath.Join(t.TempDir(), "states.json")
	_, errOut, code := runCLI(t, "convert", "--level", "state", "--out", out, v2)
	require.Equal(t, 0, code, errOut)
	a, _, code := runCLI(t, "summary", "--format", "csv", v2)
	require.Equal(t, 0, code)
	b, _, code := runCLI(t, "summary", "--format", "csv", out)
	require.Equal(t, 0, code)
	assert.Equal(t, a, b, "summing to states keeps every state total")
}

func TestUsage(t *testing.T) {
	out, _, code := runCLI(t, "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "summary")
	assert.Contains(t, out, "validate")
	_, errOut, code := runCLI(t, "summary", "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "Examples:")
	assert.Contains(t, errOut, "-level NAME")
	_, errOut, code = runCLI(t, "summary")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "needs exactly one data FILE")
	_, errOut, code = runCLI(t, "bogus")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown command "bogus"`)
	_, errOut, code = runCLI(t, "summary", "/no/such/file.csv")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no such file")
}

func TestSummaryTieNamesTheTiedCount(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "tie.csv")
	m := filepath.Join(dir, "m.json")
	require.NoError(t, os.WriteFile(data, []byte("d,a,b,c\nx,1,7,7\n"), 0o644))
	require.NoError(t, os.WriteFile(m, []byte(`{"levels":["d"],"candidates":["a","b","c"]}`), 0o644))
	out, errOut, code := runCLI(t, "summary", "--map", m, data)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "b and c are tied with 7 votes each.")
}
