package load_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// readString loads a CSV held in a string, with an optional mapping.
func readString(t *testing.T, data, mapping string, lenient bool) (*sim.Tally, *load.Report, error) {
	t.Helper()
	opts := load.Options{Name: "t.csv", Lenient: lenient}
	if mapping != "" {
		m, err := load.ReadMapping(strings.NewReader(mapping), "m.json")
		require.NoError(t, err, mapping)
		opts.Mapping = m
	}
	return load.Read(strings.NewReader(data), opts)
}

const usHeader = "state_name,county_fips,county_name,votes_gop,votes_dem,total_votes,diff,per_gop,per_dem,per_point_diff\n"

// TestThousandsByColumn checks that the '.' separator is read from the
// whole column: a value such as "2.000" that reads as 2 or as 2000 loads
// only when another value in its column, or the mapping, settles which.
func TestThousandsByColumn(t *testing.T) {
	const m = `{"levels":["d"],"unit":"u","candidates":["a","b"]}`
	for _, tc := range []struct {
		name, data, mapping string
		lenient             bool
		want                []int64 // a's votes per unit, when it loads
		err                 string
	}{
		{"exact thousands alone", "d;u;a;b\nN;1;2.000;5\nN;2;7;5\n", m, false, nil, `t.csv:2:5: column a: "2.000" could be 2 or 2000`},
		{"lenient refuses too", "d;u;a;b\nN;1;2.000;5\n", m, true, nil, `"2.000" could be 2 or 2000`},
		{"a decimal elsewhere in the column settles it", "d;u;a;b\nN;1;2.000;5\nN;2;13045.0;5\n", m, false, []int64{2, 13045}, ""},
		{"a long whole part settles it", "d;u;a;b\nN;1;2.000;5\nN;2;1234.000;5\n", m, false, []int64{2, 1234}, ""},
		{"another column does not", "d;u;a;b\nN;1;2.000;5.0\n", m, false, nil, `column a: "2.000" could be 2 or 2000`},
		{"zero reads the same either way", "d;u;a;b\nN;1;0.000;5\n", m, false, []int64{0}, ""},
		{"mapping says thousands", "d;u;a;b\nN;1;2.000;5\n", `{"levels":["d"],"unit":"u","candidates":["a","b"],"thousands":"."}`, false, []int64{2000}, ""},
		{"mapping says decimal", "d;u;a;b\nN;1;2.000;5\n", `{"levels":["d"],"unit":"u","candidates":["a","b"],"decimal":"."}`, false, []int64{2}, ""},
		{"US layout", usHeader + "Alabama,01001,Autauga,12.000,7439,28190,0,0,0,0\n", "", false, nil, `t.csv:2:23: column votes_gop: "12.000" could be 12 or 12000`},
		{"US layout, quoted comma thousands", usHeader + "Alabama,01001,Autauga,\"12,000\",7439,28190,0,0,0,0\n", "", false, []int64{7439}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl, _, err := readString(t, tc.data, tc.mapping, tc.lenient)
			if tc.err != "" {
				require.ErrorIs(t, err, load.ErrAmbiguous, tc.name)
				assert.Contains(t, err.Error(), tc.err, tc.name)
				assert.Contains(t, err.Error(), `set "thousands": "." in the mapping`, tc.name)
				return
			}
			require.NoError(t, err, tc.name)
			var got []int64
			for _, u := range tl.Units {
				got = append(got, u.Votes[0])
			}
			assert.Equal(t, tc.want, got, tc.name)
		})
	}
}

// TestCeilings checks the per-unit and per-file ceilings of the CSV
// loader: no sum of rows can overflow into a negative total.
func TestCeilings(t *testing.T) {
	const m = `{"levels":["d"],"unit":"u","registered":"r","candidates":["a","b"]}`
	rows := func(n int, a, r string) string {
		var sb strings.Builder
		sb.WriteString("d;u;r;a;b\n")
		for i := range n {
			fmt.Fprintf(&sb, "N;%d;%s;%s;0\n", i+1, r, a)
		}
		return sb.String()
	}
	for _, tc := range []struct {
		name    string
		data    string
		lenient bool
		loaded  int
		err     string
	}{
		{"at the unit ceiling", rows(1, "1000000000000", ""), false, 1, ""},
		{"one above", rows(1, "1000000000001", ""), false, 0, "t.csv:2:6: column a: 1000000000001 is above the ceiling of 1000000000000 votes per unit"},
		{"twelve rows of 999999999999999999", rows(12, "999999999999999999", ""), false, 0, "999999999999999999 is above the ceiling"},
		{"twelve rows, lenient, all listed", rows(12, "999999999999999999", ""), true, 0, ""},
		{"registered above", rows(1, "5", "\"1,000,000,000,001\""), false, 0, "column r: 1000000000001 is above the ceiling"},
		{"cast above the unit ceiling", "d;u;r;a;b\nN;1;;1000000000000;1\n", false, 0, "t.csv:2: 1000000000001 votes cast are above the ceiling of 1000000000000 per unit"},
		{"the file above the region ceiling", rows(1001, "1000000000000", ""), false, 0, "t.csv:1002: this row takes the file's votes cast to 1001000000000000, above the ceiling of 1000000000000000 for any region"},
		{"the file above the region ceiling, lenient", rows(1001, "1000000000000", ""), true, 0, "above the ceiling of 1000000000000000 for any region"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl, rep, err := readString(t, tc.data, m, tc.lenient)
			if tc.err != "" {
				require.Error(t, err, tc.name)
				assert.ErrorIs(t, err, load.ErrRow, tc.name)
				assert.Contains(t, err.Error(), tc.err, tc.name)
				return
			}
			require.NoError(t, err, tc.name)
			assert.Len(t, tl.Units, tc.loaded, tc.name)
			assert.Equal(t, rep.Rows, rep.Loaded+len(rep.Skipped), tc.name)
			a := sim.Aggregate(tl)
			require.NoError(t, a.Err(), tc.name)
			assert.GreaterOrEqual(t, a.Nation.Cast(), int64(0), tc.name)
		})
	}
}

// TestRepeatedVotes checks the rule for identical vote vectors in one
// region (see repeatedVotes): many units with a large vector are a data
// problem; empty or tiny tables, and a few units sharing two modest
// counts in a large region, are chance.
func TestRepeatedVotes(t *testing.T) {
	const m = `{"levels":["d"],"unit":"u","candidates":["a","b"]}`
	data := func(extra string, fill int) string {
		var sb strings.Builder
		sb.WriteString("d;u;a;b\n")
		sb.WriteString(extra)
		// fill units with varied results in region F
		for i := range fill {
			fmt.Fprintf(&sb, "F;f%d;%d;%d\n", i, 100+(i*37)%400, 50+(i*91)%300)
		}
		return sb.String()
	}
	for _, tc := range []struct {
		name, data string
		skipped    []int // lines skipped in lenient mode; nil: loads clean
		err        string
	}{
		{"empty tables", data("C;1;0;0\nC;2;0;0\nC;3;0;0\nC;4;0;0\nC;5;0;0\n", 0), nil, ""},
		{"tables of one or two votes", data("C;1;1;2\nC;2;1;2\nC;3;1;2\nC;4;2;1\nC;5;2;1\n", 0), nil, ""},
		{"three tables of a few hundred votes in a large region", data("F;x1;300;200\nF;x2;300;200\nF;x3;300;200\n", 1000), nil, ""},
		{"two large counties", data("S;1;48000;52000\nS;2;48000;52000\n", 40), nil, ""},
		{"the same in different regions", data("A;1;48000;52000\nB;1;48000;52000\nC;1;48000;52000\n", 0), nil, ""},
		{"a state's totals on five rows", data("S;1;153778;189951\nS;2;153778;189951\nS;3;153778;189951\nS;4;153778;189951\nS;5;153778;189951\nS;6;1000;2000\n", 0),
			[]int{2, 3, 4, 5, 6}, "t.csv:2: 5 units of d S have identical votes (a 153778, b 189951) on lines 2, 3, 4, 5, 6: more than chance explains"},
		{"rows out of order", data("S;1;153778;189951\nT;1;5;5\nS;2;153778;189951\nT;2;6;6\nS;3;153778;189951\n", 0),
			[]int{2, 4, 6}, "3 units of d S have identical votes (a 153778, b 189951) on lines 2, 4, 6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readString(t, tc.data, m, false)
			if tc.err == "" {
				require.NoError(t, err, tc.name)
				return
			}
			require.ErrorIs(t, err, load.ErrRepeated, tc.name)
			assert.Contains(t, err.Error(), tc.err, tc.name)
			tl, rep, err := readString(t, tc.data, m, true)
			require.NoError(t, err, tc.name)
			var lines []int
			for _, p := range rep.Skipped {
				lines = append(lines, p.Line)
				assert.ErrorIs(t, p, load.ErrRepeated, tc.name)
			}
			assert.Equal(t, tc.skipped, lines, tc.name)
			assert.Equal(t, rep.Rows, rep.Loaded+len(rep.Skipped), tc.name)
			assert.Len(t, tl.Units, rep.Loaded, tc.name)
		})
	}
}

// TestJoinChecksRegistered checks that registered voters joined from
// another file go through the votes <= registered check, and that the
// join file's bad rows are listed, never dropped.
func TestJoinChecksRegistered(t *testing.T) {
	read := func(name string, lenient bool) (*sim.Tally, *load.Report, error) {
		f, err := os.Open(filepath.Join("testdata", "join", name))
		require.NoError(t, err)
		defer f.Close()
		return load.Read(f, load.Options{Name: name, Lenient: lenient})
	}
	for _, lenient := range []bool{false, true} {
		t.Run(fmt.Sprint("lenient=", lenient), func(t *testing.T) {
			dst, rep, err := read("v2.csv", lenient)
			require.NoError(t, err)
			src, srcRep, err := read("v1.csv", true)
			require.NoError(t, err)
			n, err := load.Join(dst, rep, src, srcRep, lenient)
			if !lenient {
				require.ErrorIs(t, err, load.ErrRow)
				assert.EqualError(t, err, "v2.csv:3: table 010101001.02: 302 votes cast exceed the 176 registered voters joined from v1.csv line 3")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 1, n)
			require.Len(t, rep.Skipped, 2)
			assert.Equal(t, "v1.csv:4:66: column VOTOS_VALIDOS: \"abc\" is not a number", rep.Skipped[0].Error())
			assert.Contains(t, rep.Skipped[1].Error(), "v2.csv:3: table 010101001.02: 302 votes cast exceed")
			assert.Len(t, dst.Units, 1)
			assert.Equal(t, 1, rep.Loaded)
			assert.Equal(t, int64(600), dst.Units[0].Registered)
		})
	}
}
