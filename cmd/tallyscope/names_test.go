package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// TestDisplayNames: states are shown by their names ("Nueva Esparta"),
// not the CNE's codes ("EDO.NVA.ESPARTA"), in the CLI's summary and in
// the charts, on the embedded data and on the real files.
func TestDisplayNames(t *testing.T) {
	files := []string{"--default"}
	if _, ok := shareddata.Dir(); ok {
		files = append(files,
			shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv"),
			shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"),
			shareddata.Path(t, "venezuela-2024/vzlapi_qr_actas.csv"))
	}
	dir := t.TempDir()
	for _, f := range files {
		out, errOut, code := runCLI(t, "summary", f)
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, out, "  Nueva Esparta ", f)
		assert.Contains(t, out, "  Distrito Capital ", f)
		assert.NotContains(t, out, "ESPARTA", f)
		svg := filepath.Join(dir, "regions.svg")
		_, errOut, code = runCLI(t, "chart", "regions", "--force", "--out", svg, f)
		require.Equal(t, 0, code, errOut)
		b, err := os.ReadFile(svg)
		require.NoError(t, err)
		assert.Contains(t, string(b), ">Nueva Esparta<", f)
		assert.Contains(t, string(b), "margin by state", f)
	}
}

// TestLevelNames: a US file's levels are states and counties, in both
// languages; a level a mapping does not name is called by its column
// without "name" or "code" ("country", not "country name").
func TestLevelNames(t *testing.T) {
	us := shareddata.Path(t, "us-county/2024_US_County_Level_Presidential_Results.csv")
	out, errOut, code := runCLI(t, "summary", us)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "By state (51):")
	assert.Contains(t, out, "National result, 3,160 counties counted")
	dir := t.TempDir()
	for lang, want := range map[string][]string{
		"en": {"margin by state", "counties"},
		"es": {"margen por estado", "condados"},
	} {
		svg := filepath.Join(dir, lang+".svg")
		_, errOut, code := runCLI(t, "chart", "regions", "--lang", lang, "--out", svg, us)
		require.Equal(t, 0, code, errOut)
		b, err := os.ReadFile(svg)
		require.NoError(t, err)
		for _, w := range want {
			assert.Contains(t, string(b), w, lang)
		}
	}

	data := "Country Name,Region_Code,A,B\nNorth,1,10,5\nSouth,2,3,9\nEast,3,6,6\n"
	mapping := `{"levels": ["Country Name", "Region_Code"], "candidates": ["A", "B"]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d.csv"), []byte(data), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "m.json"), []byte(mapping), 0o644))
	out, errOut, code = runCLI(t, "summary", "--map", filepath.Join(dir, "m.json"), filepath.Join(dir, "d.csv"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "By country (3):")
	svg := filepath.Join(dir, "c.svg")
	_, errOut, code = runCLI(t, "chart", "regions", "--out", svg, "--map", filepath.Join(dir, "m.json"), filepath.Join(dir, "d.csv"))
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	assert.Contains(t, string(b), "margin by country")
	assert.False(t, strings.Contains(string(b), "country name"))
	out, errOut, code = runCLI(t, "summary", "--level", "region", "--map", filepath.Join(dir, "m.json"), filepath.Join(dir, "d.csv"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "By region (3):")
}
