package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidateRefusesWrongNumbers runs validate on files that once loaded
// with a wrong number and no warning (issue #11): each must exit 1 and
// name its lines.
func TestValidateRefusesWrongNumbers(t *testing.T) {
	bad := filepath.Join("..", "..", "sim", "load", "testdata", "bad")
	join := filepath.Join("..", "..", "sim", "load", "testdata", "join")
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"duplicated units", []string{filepath.Join(bad, "duplicate-table.csv")}, []string{
			`duplicate-table.csv:5:66: column MESA: duplicate unit "010101001.01" in centre 010101001: it already appears on line 2`,
			"FAILED: 1 of 4 rows have problems"}},
		{"repeated vote vectors", []string{filepath.Join(bad, "us-repeated-state-totals.csv")}, []string{
			"us-repeated-state-totals.csv:3: 29 units of state Alaska have identical votes (dem 153778, gop 189951, other 15801) as on lines 4, 5, 6",
			"us-repeated-state-totals.csv:31: 29 units of state Alaska",
			"FAILED: 29 of 31 rows have problems; 2 units would load with --lenient."}},
		{"ambiguous thousands", []string{filepath.Join(bad, "us-dot-thousands.csv")}, []string{
			`us-dot-thousands.csv:2:30: column votes_gop: "12.000" could be 12 or 12000`,
			"on lines 2, 4",
			"FAILED: the file cannot be read."}},
		{"ambiguous thousands with a mapping", []string{"--map", filepath.Join(bad, "mapping-dot-thousands.json"), filepath.Join(bad, "dot-thousands-exact.csv")}, []string{
			`dot-thousands-exact.csv:2:9: column party_a: "2.000" could be 2 or 2000`,
			"FAILED: the file cannot be read."}},
		{"overflowing counts", []string{filepath.Join(bad, "us-overflow.csv")}, []string{
			"us-overflow.csv:2:24: column votes_gop: 999999999999999999 is above the ceiling of 1000000000000 votes per county",
			"us-overflow.csv:13:25: column votes_gop: 999999999999999999 is above the ceiling",
			"FAILED: 12 of 12 rows have problems"}},
		{"JSON votes of MaxInt64", []string{filepath.Join(bad, "tally-votes-maxint.json")}, []string{
			"tally-votes-maxint.json:2:10: unit 0 (1) has 9223372036854775807 votes for a, above the ceiling"}},
		{"JSON duplicate unit", []string{filepath.Join(bad, "tally-duplicate-unit.json")}, []string{
			`tally-duplicate-unit.json:4:1: duplicate unit "1"`}},
		{"a column mapped twice", []string{"--map", filepath.Join(bad, "mapping-column-twice.json"), filepath.Join(bad, "generic.csv")}, []string{
			`mapping-column-twice.json: column "party_a" is mapped to both candidate "party_a" and candidate "a2"`}},
		{"joined registered voters", []string{"--join-registered", filepath.Join(join, "v1.csv"), filepath.Join(join, "v2.csv")}, []string{
			`v1.csv:4:66: column VOTOS_VALIDOS: "abc" is not a number`,
			"v2.csv:3: table 010101001.02: 302 votes cast exceed the 176 registered voters joined from v1.csv line 3",
			"FAILED: 1 of 2 rows have problems, and 1 rows of the joined file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, append([]string{"validate"}, tc.args...)...)
			assert.Equal(t, 1, code, "%s: %s%s", tc.name, out, errOut)
			for _, w := range tc.want {
				assert.Contains(t, out, w, tc.name)
			}
		})
	}
}

// TestJoinRegisteredRefusesTurnoutAbove100 checks that summary stops on a
// joined figure below the votes cast, and that --lenient lists it.
func TestJoinRegisteredRefusesTurnoutAbove100(t *testing.T) {
	join := filepath.Join("..", "..", "sim", "load", "testdata", "join")
	v1, v2 := filepath.Join(join, "v1.csv"), filepath.Join(join, "v2.csv")
	_, errOut, code := runCLI(t, "summary", "--join-registered", v1, v2)
	assert.NotEqual(t, 0, code)
	assert.Contains(t, errOut, `v1.csv:4:66: column VOTOS_VALIDOS: "abc" is not a number`)

	out, errOut, code := runCLI(t, "summary", "--lenient", "--join-registered", v1, v2)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "skipped: v2.csv:3: table 010101001.02: 302 votes cast exceed the 176 registered voters joined from v1.csv line 3")
	assert.Contains(t, errOut, "skipped: v1.csv:4:66")
	assert.Contains(t, out, "Turnout: 74.83%")
}

// TestSummaryLenientCSVSaysWhatItSkipped checks that the CSV itself, not
// only stderr, says that rows were left out.
func TestSummaryLenientCSVSaysWhatItSkipped(t *testing.T) {
	bad := filepath.Join("..", "..", "sim", "load", "testdata", "bad")
	for _, tc := range []struct {
		file, first string
	}{
		{"votes-above-registered.csv", "# skipped 1 bad rows, left out of every total: votes-above-registered.csv:3"},
		{"us-repeated-state-totals.csv", "# skipped 29 bad rows, left out of every total: us-repeated-state-totals.csv:3, us-repeated-state-totals.csv:4,"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			out, errOut, code := runCLI(t, "summary", "--lenient", "--format", "csv", filepath.Join(bad, tc.file))
			require.Equal(t, 0, code, errOut)
			first, rest, _ := strings.Cut(out, "\n")
			assert.True(t, strings.HasPrefix(first, tc.first), "%s: first line %q", tc.file, first)
			assert.True(t, strings.HasPrefix(rest, "level,key,name"), tc.file)
			assert.Contains(t, errOut, "skipped: ", tc.file)
		})
	}
	out, errOut, code := runCLI(t, "summary", "--lenient", "--format", "csv", filepath.Join("..", "..", "sim", "load", "testdata", "join", "v2.csv"))
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "level,key,name"), "nothing skipped, no comment")
}
