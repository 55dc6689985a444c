package load_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/load"
)

// badFiles lists malformed inputs in testdata/bad, each a mistake a real
// user could make, with the error it must produce. line and col are 0 when
// the problem concerns the whole file.
var badFiles = []struct {
	file     string
	mapping  string
	kind     error
	line     int
	col      int
	contains string
	// skippable: a row problem that lenient mode lists and skips.
	skippable bool
}{
	{"empty.csv", "", load.ErrEmpty, 0, 0, "the file is empty", false},
	{"only-blank-lines.csv", "", load.ErrEmpty, 0, 0, "the file is empty", false},
	{"header-only.csv", "", load.ErrEmpty, 2, 0, "header but no data rows", false},
	{"text-in-count.csv", "", load.ErrRow, 3, 74, `"abc" is not a number`, true},
	{"negative-votes.csv", "", load.ErrRow, 3, 78, `"-137" is negative`, true},
	{"fractional-votes.csv", "", load.ErrRow, 3, 74, `"271.5" is not a whole number`, true},
	{"valid-total-mismatch.csv", "", load.ErrRow, 3, 68, "valid votes 417 differ from the sum of the candidate columns 416", true},
	{"votes-above-registered.csv", "", load.ErrRow, 3, 68, "416 votes cast exceed the 400 registered voters", true},
	{"duplicate-table.csv", "", load.ErrRow, 5, 66, `duplicate unit "010101001.01" in centre 010101001: it already appears on line 2`, true},
	{"duplicate-table-adjacent.csv", "", load.ErrRow, 3, 66, "already appears on line 2", true},
	{"ragged-short-row.csv", "", load.ErrRow, 3, 0, "the row has 20 fields but the header has 21", true},
	{"ragged-long-row.csv", "", load.ErrRow, 3, 0, "the row has 22 fields but the header has 21", true},
	{"missing-valid-column.csv", "", load.ErrHeader, 1, 0, `no column "VOTOS_VALIDOS" for valid votes`, false},
	{"utf16.csv", "", load.ErrEncoding, 1, 1, "UTF-16", false},
	{"spreadsheet-saved-as-csv.csv", "", load.ErrFormat, 1, 1, "looks like a spreadsheet", false},
	{"nul-byte.csv", "", load.ErrEncoding, 3, 7, "NUL byte", false},
	{"unclosed-quote.csv", "", load.ErrRow, 3, 42, "a quoted field is never closed", true},
	{"quote-inside-field.csv", "", load.ErrRow, 3, 46, "a quote inside an unquoted field", true},
	{"unknown-columns.csv", "", load.ErrFormat, 1, 0, "unrecognised columns (region;district;votes_a;votes_b)", false},
	{"duplicate-header.csv", "", load.ErrHeader, 1, 13, `column "EG" appears twice in the header (columns 11 and 13)`, false},
	{"empty-count.csv", "", load.ErrRow, 3, 74, "the count is empty", true},
	{"empty-centre.csv", "", load.ErrRow, 3, 57, "the centre code is empty", true},
	{"number-too-large.csv", "", load.ErrRow, 3, 74, "is too large", true},
	{"us-total-below-candidates.csv", "", load.ErrRow, 3, 42, "total votes 100000 are fewer than the candidate columns' sum 120732", true},
	{"us-misplaced-thousands.csv", "", load.ErrRow, 3, 39, `"24,9340" is not a number`, true},
	{"qr-acta-too-short.csv", "", load.ErrRow, 3, 1, `"0101" is too short`, true},
	{"generic.csv", "mapping-unknown-column.json", load.ErrHeader, 1, 0, `no column "Electors" for registered voters; did you mean "electors" (column 3)?`, false},
	{"generic.csv", "mapping-typo-key.json", load.ErrMapping, 4, 3, `unknown key "candidtes"`, false},
	{"generic.csv", "mapping-no-candidates.json", load.ErrMapping, 0, 0, `lists no "candidates"`, false},
	{"generic.csv", "mapping-trailing-comma.json", load.ErrMapping, 3, 40, "invalid JSON", false},
	{"latin1-data.csv", "mapping-latin1-declared-utf8.json", load.ErrEncoding, 2, 5, "byte 0xF1 is not valid UTF-8; the file may be Latin-1", false},
	{"dot-thousands.csv", "mapping-dot-thousands.json", load.ErrRow, 2, 9, `set "thousands": "."`, true},
	// Columns count the file's bytes, as for the encoding error above: "x"
	// is the 10th byte of "M\xe9rida;2;x" (one byte for é in Latin-1).
	{"latin1-data.csv", "mapping-dot-thousands.json", load.ErrRow, 3, 10, `"x" is not a number`, true},
	{"tally-wrong-format.json", "", load.ErrFormat, 1, 0, `format is "somethingelse/2"`, false},
	{"tally-negative-votes.json", "", load.ErrRow, 1, 117, "unit 0 (1) has negative votes for a", false},
	{"tally-truncated.json", "", load.ErrFormat, 1, 81, "the JSON ends too early", false},
	{"tally-votes-not-numbers.json", "", load.ErrFormat, 2, 63, "should be int64", false},
	{"mapping-given-as-data.json", "", load.ErrFormat, 1, 0, "this is a mapping file, not data", false},
	// Issue #11: inputs that once gave a wrong number with no warning.
	{"us-dot-thousands.csv", "", load.ErrAmbiguous, 2, 30, `"12.000" could be 12 or 12000: no value in the column shows whether "." separates thousands or decimals (values that read either way on lines 2, 4); set "thousands": "."`, false},
	{"dot-thousands-exact.csv", "mapping-dot-thousands.json", load.ErrAmbiguous, 2, 9, `"2.000" could be 2 or 2000`, false},
	{"us-overflow.csv", "", load.ErrRow, 2, 24, "999999999999999999 is above the ceiling of 1000000000000 votes per county", true},
	{"tally-votes-maxint.json", "", load.ErrRow, 2, 10, "unit 0 (1) has 9223372036854775807 votes for a, above the ceiling of 1000000000000 per unit", false},
	{"tally-count-maxint.json", "", load.ErrRow, 2, 10, "unit 0 (1) stands for 9223372036854775807 units, above the ceiling of 1000000000", false},
	{"us-repeated-state-totals.csv", "", load.ErrRepeated, 3, 0, "29 units of state Alaska have identical votes (dem 153778, gop 189951, other 15801)", true},
	{"tally-repeated-votes.json", "", load.ErrRepeated, 3, 10, "4 units of state AK have identical votes (dem 153778, gop 189951) on lines 3, 4, 5, 6", false},
	{"tally-duplicate-unit.json", "", load.ErrRow, 4, 1, `duplicate unit "1": unit 0 has the same id in the same region`, false},
	{"tally-duplicate-region.json", "", load.ErrRow, 3, 1, `duplicate region "1" at level state: region 0 has the same key and parent`, false},
	{"generic.csv", "mapping-column-twice.json", load.ErrMapping, 0, 0, `column "party_a" is mapped to both candidate "party_a" and candidate "a2", so its votes would count twice`, false},
}

func readBad(t *testing.T, file, mapping string, lenient bool) (*load.Report, error) {
	t.Helper()
	opts := load.Options{Name: file, Lenient: lenient}
	if mapping != "" {
		mf, err := os.Open(filepath.Join("testdata", "bad", mapping))
		require.NoError(t, err)
		defer mf.Close()
		m, err := load.ReadMapping(mf, mapping)
		if err != nil {
			return nil, err
		}
		opts.Mapping = m
	}
	f, err := os.Open(filepath.Join("testdata", "bad", file))
	require.NoError(t, err)
	defer f.Close()
	_, rep, err := load.Read(f, opts)
	return rep, err
}

func TestBadFilesStrict(t *testing.T) {
	require.GreaterOrEqual(t, len(badFiles), 30)
	for _, tc := range badFiles {
		t.Run(tc.file+"+"+tc.mapping, func(t *testing.T) {
			_, err := readBad(t, tc.file, tc.mapping, false)
			require.Error(t, err, "%s must be rejected", tc.file)
			assert.ErrorIs(t, err, tc.kind, "%s: %v", tc.file, err)
			var p *load.Problem
			require.True(t, errors.As(err, &p), "%s: error is not a *load.Problem: %v", tc.file, err)
			want := tc.file
			if tc.kind == load.ErrMapping {
				want = tc.mapping
			}
			assert.Equal(t, want, p.File, "%s: %v", tc.file, err)
			assert.Equal(t, tc.line, p.Line, "%s: line in %v", tc.file, err)
			assert.Equal(t, tc.col, p.Column, "%s: column in %v", tc.file, err)
			assert.Contains(t, err.Error(), tc.contains)
		})
	}
}

// TestBadFilesLenient checks that row problems are skipped and listed,
// never dropped silently, while file-level problems still fail.
func TestBadFilesLenient(t *testing.T) {
	for _, tc := range badFiles {
		t.Run(tc.file+"+"+tc.mapping, func(t *testing.T) {
			rep, err := readBad(t, tc.file, tc.mapping, true)
			if !tc.skippable {
				require.Error(t, err, "%s: a file-level problem fails even in lenient mode", tc.file)
				return
			}
			require.NoError(t, err, "%s", tc.file)
			require.NotEmpty(t, rep.Skipped, "%s: the bad row must be listed", tc.file)
			assert.Equal(t, tc.line, rep.Skipped[0].Line)
			assert.Contains(t, rep.Skipped[0].Error(), tc.contains)
			assert.Equal(t, rep.Rows, rep.Loaded+len(rep.Skipped), "%s: every row is either loaded or listed", tc.file)
		})
	}
}

func TestBlankLineIsReportedNotSilent(t *testing.T) {
	rep, err := readBad(t, "blank-line-in-middle.csv", "", false)
	require.NoError(t, err)
	require.Len(t, rep.Warnings, 1)
	assert.Equal(t, 3, rep.Warnings[0].Line)
	assert.Equal(t, 2, rep.Loaded)
}
