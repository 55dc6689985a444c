package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/load"
)

// TestMapListsAndShows: "map" lists every built-in mapping by name, and
// "map --show NAME" prints one that loads data as a user's --map file.
func TestMapListsAndShows(t *testing.T) {
	out, errOut, code := runCLI(t, "map")
	require.Equal(t, 0, code, errOut)
	for _, b := range load.Builtins() {
		assert.Contains(t, out, "  "+b.Name+"\n")
		assert.Contains(t, out, b.Mapping.Description)
	}
	assert.Contains(t, out, "signature: county_fips, votes_dem, votes_gop, total_votes")

	out, errOut, code = runCLI(t, "map", "--show", "us-county-president")
	require.Equal(t, 0, code, errOut)
	js, _ := load.BuiltinJSON("us-county-president")
	assert.Equal(t, string(js), out)

	// The printed mapping, saved and edited, loads a file in that layout
	// that it would not otherwise recognise.
	dir := t.TempDir()
	edited := strings.ReplaceAll(out, `"votes_dem"`, `"dem"`)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "m.json"), []byte(edited), 0o644))
	data := "state_name,county_fips,county_name,votes_gop,dem,total_votes\nAlabama,01001,Autauga County,19838,7503,27770\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d.csv"), []byte(data), 0o644))
	_, errOut, code = runCLI(t, "summary", filepath.Join(dir, "d.csv"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "unrecognised columns")
	out, errOut, code = runCLI(t, "summary", "--map", filepath.Join(dir, "m.json"), filepath.Join(dir, "d.csv"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "7,503")

	_, errOut, code = runCLI(t, "map", "--show", "atlantis")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `no built-in mapping "atlantis"; the names are: us-county-president, venezuela-2024-qr`)
}
