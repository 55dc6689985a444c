package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func chartCLI(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

// chartFixture writes a small tally in Tallyscope's JSON form: two states,
// 30 tables with registered voters, three candidates, 40 tables expected
// and one claim.
func chartFixture(t *testing.T) string {
	t.Helper()
	tl := &sim.Tally{
		Title: "chart fixture", Source: "chart test fixture",
		Levels: []string{"state"}, UnitLevel: "table",
		Candidates: []sim.Candidate{{ID: "X", Name: "Ximena Xu"}, {ID: "Y", Name: "Yago Yáñez"}, {ID: "Z", Name: "Zoe Zee"}},
		Regions:    []sim.Region{{Level: 0, Key: "1", Name: "Alfa", Parent: -1}, {Level: 0, Key: "2", Name: "Beta", Parent: -1}},
		Expected:   []sim.Expectation{{Region: -1, Units: 40, Registered: 40 * 600}},
		Claims: []sim.Claim{{Label: "Council", Votes: []sim.ClaimVote{{Candidate: "X", Votes: 5000}, {Candidate: "Y", Votes: 9000}},
			Others: 500, Valid: sim.Unknown, Null: sim.Unknown, Decimals: -1}},
	}
	for i := 0; i < 30; i++ {
		reg := int64(500 + (i*31)%200)
		valid := reg * int64(50+(i*7)%30) / 100
		x := valid * int64(40+(i*11)%25) / 100
		z := valid / 20
		tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprint(i + 1), Region: i % 2, Registered: reg,
			Votes: []int64{x, valid - x - z, z}, Null: 0, Blank: sim.Unknown})
	}
	var b bytes.Buffer
	require.NoError(t, load.WriteJSON(&b, tl))
	p := filepath.Join(t.TempDir(), "fixture.json")
	require.NoError(t, os.WriteFile(p, b.Bytes(), 0o644))
	return p
}

func TestChartCommand(t *testing.T) {
	data := chartFixture(t)
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		file   string
		prefix string
		width  int
	}{
		{"png social", []string{"chart", "shares", "--size", "social", "--out", filepath.Join(dir, "s.png"), data}, "s.png", "\x89PNG", 1200},
		{"svg spanish", []string{"chart", "regions", "--lang", "es", "--out", filepath.Join(dir, "r.svg"), data}, "r.svg", "<?xml", 0},
		{"pdf print", []string{"chart", "--size", "print", "--out", filepath.Join(dir, "b.pdf"), "breakeven", data}, "b.pdf", "%PDF", 0},
		{"custom size", []string{"chart", "swing", "--size", "800x450", "--out", filepath.Join(dir, "w.png"), data}, "w.png", "\x89PNG", 800},
		{"montecarlo", []string{"chart", "montecarlo", "--montecarlo", "400", "--seed", "5", "--out", filepath.Join(dir, "m.png"), data}, "m.png", "\x89PNG", 1440},
	}
	for _, tt := range tests {
		out, errOut, code := chartCLI(tt.args...)
		require.Equal(t, 0, code, "%s: %s", tt.name, errOut)
		assert.Contains(t, out, "wrote", tt.name)
		b, err := os.ReadFile(filepath.Join(dir, tt.file))
		require.NoError(t, err, tt.name)
		assert.True(t, bytes.HasPrefix(b, []byte(tt.prefix)), tt.name)
		if tt.width > 0 {
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			require.NoError(t, err, tt.name)
			assert.Equal(t, tt.width, cfg.Width, tt.name)
		}
	}
	svg, err := os.ReadFile(filepath.Join(dir, "r.svg"))
	require.NoError(t, err)
	assert.Contains(t, string(svg), "Margen (puntos porcentuales)")
	assert.Contains(t, string(svg), "Fuente: chart test fixture")
}

func TestChartAll(t *testing.T) {
	data := chartFixture(t)
	dir := t.TempDir()
	out, errOut, code := chartCLI("chart", "all", "--montecarlo", "400", "--out", filepath.Join(dir, "{kind}.svg"), "--numbers", filepath.Join(dir, "{kind}.csv"), data)
	require.Equal(t, 0, code, errOut)
	for _, k := range []string{"shares", "regions", "breakeven", "montecarlo", "fingerprint", "digits", "swing"} {
		assert.Contains(t, out, k+": wrote", k)
		assert.FileExists(t, filepath.Join(dir, k+".svg"))
		assert.FileExists(t, filepath.Join(dir, k+".csv"))
	}
}

func TestChartErrors(t *testing.T) {
	data := chartFixture(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no out", []string{"chart", "shares", data}, 2, "--out"},
		{"bad kind", []string{"chart", "pie", "--out", filepath.Join(dir, "a.png"), data}, 2, "unknown chart kind"},
		{"bad format", []string{"chart", "shares", "--out", filepath.Join(dir, "a.gif"), data}, 2, "png, svg or pdf"},
		{"bad size", []string{"chart", "shares", "--size", "huge", "--out", filepath.Join(dir, "a.png"), data}, 2, "WIDTHxHEIGHT"},
		{"bad lang", []string{"chart", "shares", "--lang", "fr", "--out", filepath.Join(dir, "a.png"), data}, 2, "en or es"},
		{"all without placeholder", []string{"chart", "all", "--out", filepath.Join(dir, "a.png"), data}, 2, "{kind}"},
		{"no file", []string{"chart", "shares", "--out", filepath.Join(dir, "a.png")}, 2, "KIND and one data FILE"},
		{"missing file", []string{"chart", "shares", "--out", filepath.Join(dir, "a.png"), filepath.Join(dir, "none.csv")}, 1, "none.csv"},
		{"bad compare", []string{"chart", "regions", "--compare", "X", "--out", filepath.Join(dir, "a.png"), data}, 2, "A,B"},
		{"unknown candidate", []string{"chart", "regions", "--compare", "X,Q", "--out", filepath.Join(dir, "a.png"), data}, 1, "Q"},
	}
	for _, tt := range tests {
		_, errOut, code := chartCLI(tt.args...)
		assert.Equal(t, tt.code, code, "%s: %s", tt.name, errOut)
		assert.Contains(t, errOut, tt.want, tt.name)
	}
	_, errOut, code := chartCLI("chart", "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "--join-registered")
	assert.Contains(t, errOut, "Examples:")
	assert.NotContains(t, errOut, "text or json", "the scenario command's --format is not borrowed")
}

func TestExportCommand(t *testing.T) {
	data := chartFixture(t)
	out, errOut, code := chartCLI("export", "regions", "--format", "csv", data)
	require.Equal(t, 0, code, errOut)
	r := csv.NewReader(strings.NewReader(out))
	r.Comment = '#'
	recs, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 3, "header and two states")
	assert.Equal(t, []string{"key", "name", "units", "expected_units", "valid", "X", "Y", "Z", "margin_votes", "margin_pp"}, recs[0])
	assert.Equal(t, "Alfa", recs[1][1])
	assert.Equal(t, "15", recs[1][2], "15 tables in Alfa")
	assert.Contains(t, out, "# data_sha256: ")

	out, errOut, code = chartCLI("export", "shares", "--format", "json", data)
	require.Equal(t, 0, code, errOut)
	var tab struct {
		Kind    string   `json:"kind"`
		Columns []string `json:"columns"`
		Rows    [][]any  `json:"rows"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &tab))
	assert.Equal(t, "shares", tab.Kind)
	assert.Equal(t, []string{"candidate_id", "candidate", "counted_votes", "counted_share", "Council votes", "Council share"}, tab.Columns)
	require.Len(t, tab.Rows, 4, "three candidates and the valid total")
	assert.Equal(t, "Yago Yáñez", tab.Rows[1][1])
	assert.Equal(t, 9000.0, tab.Rows[1][4])
	assert.Nil(t, tab.Rows[2][4], "the claim does not name Z")

	p := filepath.Join(t.TempDir(), "swing.json")
	_, errOut, code = chartCLI("export", "swing", "--format", "json", "--out", p, data)
	require.Equal(t, 0, code, errOut)
	assert.FileExists(t, p)

	_, errOut, code = chartCLI("export", "regions", "--format", "xml", data)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "csv or json")
}

// TestChartCommandV2 draws the social card from the real V2 file and
// exports its numbers, checking them against the published totals.
func TestChartCommandV2(t *testing.T) {
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	out, errOut, code := chartCLI("export", "shares", "--format", "csv", v2)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "EG,Edmundo González Urrutia,7303480,")
	assert.Contains(t, out, "NM,Nicolás Maduro Moros,3316142,")
	assert.Contains(t, out, "valid,Valid votes,10887262,1,")
	p := filepath.Join(t.TempDir(), "shares.png")
	_, errOut, code = chartCLI("chart", "shares", "--size", "social", "--out", p, v2)
	require.Equal(t, 0, code, errOut)
	f, err := os.Open(p)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, 1200, cfg.Width)
	assert.Equal(t, 675, cfg.Height)
}
