package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// TestDefaultFlag reads the embedded data with --default: every table,
// the opposition's published V2 totals and V1's registered voters.
func TestDefaultFlag(t *testing.T) {
	out, errOut, code := runCLI(t, "summary", "--default", "--level", "parish")
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{
		"Data: " + assets.DefaultName,
		"National result, 25,073 tables counted",
		"Edmundo González Urrutia   7,303,480  67.08%",
		"Nicolás Maduro Moros       3,316,142  30.46%",
		"valid votes               10,887,262",
		"null votes                     1,213",
		"Turnout: 60.08% (votes cast over 17,743,433 registered voters",
		"Coverage: 25,073 of 30,026 tables (83.50%)",
		"By parish (1090):",
	} {
		assert.Contains(t, out, want)
	}
	_, errOut, code = runCLI(t, "summary", "--default", "some.csv")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "takes no data FILE")
	out, errOut, code = runCLI(t, "validate", "--default")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "OK: 25,073 rows, 25,073 units")
}

// TestDefaultIsTheCSVsOnTheCommandLine compares every line of the
// summary at every level of --default with the same command on the CSV
// files it is made from, but for the line that names the data.
func TestDefaultIsTheCSVsOnTheCommandLine(t *testing.T) {
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	v1 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	for _, level := range []string{"state", "municipality", "parish", "centre", "table"} {
		def, errOut, code := runCLI(t, "summary", "--default", "--level", level)
		require.Equal(t, 0, code, errOut)
		csv, errOut, code := runCLI(t, "summary", "--join-registered", v1, "--level", level, v2)
		require.Equal(t, 0, code, errOut)
		want, got := dataLines(csv), dataLines(def)
		require.Len(t, got, len(want), "level %s", level)
		for i := range want {
			require.Equal(t, want[i], got[i], "level %s, line %d", level, i+1)
		}
	}
}

// dataLines returns the lines of a summary but those that say which
// file was read and how (its name, encoding and join).
func dataLines(s string) []string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "Data: ") && !strings.HasPrefix(l, "  note: ") {
			keep = append(keep, l)
		}
	}
	return keep
}
