package load_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// columnsOf lists every column a mapping names, as a header that holds
// them all.
func columnsOf(m *load.Mapping) []string {
	var cols []string
	add := func(c string) {
		if c != "" && !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	for _, l := range m.Levels {
		add(l.Column)
		add(l.Name)
	}
	for _, c := range []string{m.Unit, m.Name, m.Registered, m.Valid, m.Null, m.Blank, m.Total, m.Source} {
		add(c)
	}
	for _, c := range m.Candidates {
		add(c.Column)
	}
	return cols
}

// TestBuiltins: every built-in mapping reads strictly, says what it is,
// and is the one recognised for a header holding its columns (so that no
// two signatures tie: V1's names RE, which V2's lacks).
func TestBuiltins(t *testing.T) {
	bs := load.Builtins()
	require.Len(t, bs, 4)
	var names []string
	for _, b := range bs {
		names = append(names, b.Name)
		m := b.Mapping
		assert.NotEmpty(t, m.Signature, b.Name)
		assert.NotEmpty(t, m.Description, b.Name)
		js, ok := load.BuiltinJSON(b.Name)
		require.True(t, ok, b.Name)
		again, err := load.ReadMapping(bytes.NewReader(js), b.Name)
		require.NoError(t, err, b.Name)
		assert.Equal(t, m, again, b.Name)
		for _, sig := range m.Signature {
			assert.Contains(t, columnsOf(m), sig, "%s: a signature column is one the mapping reads", b.Name)
		}
		// A one-row file with all its columns loads as this layout.
		hdr := columnsOf(m)
		row := make([]string, len(hdr))
		for i := range row {
			row[i] = "1"
		}
		if m.Unit == "Acta" {
			row[0] = "010101001.01.1.0001"
		}
		_, rep, err := load.Read(strings.NewReader(strings.Join(hdr, ",")+"\n"+strings.Join(row, ",")+"\n"), load.Options{Name: b.Name + ".csv", Lenient: true})
		require.NoError(t, err, b.Name)
		assert.Equal(t, m.Description, rep.Format, b.Name)
	}
	assert.Equal(t, []string{"us-county-president", "venezuela-2024-qr", "venezuela-2024-v1", "venezuela-2024-v2"}, names)
	_, ok := load.BuiltinJSON("nowhere")
	assert.False(t, ok)
}

// TestBuiltinIsTheMappingPath: a real file read without a mapping is the
// same tally as the file read with its built-in mapping given as a user's
// mapping (--map), so there is one loader and no per-format code.
func TestBuiltinIsTheMappingPath(t *testing.T) {
	for _, tc := range []struct{ file, builtin string }{
		{v1Path, "venezuela-2024-v1"},
		{v2Path, "venezuela-2024-v2"},
		{qrPath, "venezuela-2024-qr"},
		{"us-county/2020_US_County_Level_Presidential_Results.csv", "us-county-president"},
		{"us-county/2024_US_County_Level_Presidential_Results.csv", "us-county-president"},
	} {
		t.Run(tc.builtin, func(t *testing.T) {
			data, err := os.ReadFile(shareddata.Path(t, tc.file))
			require.NoError(t, err)
			js, ok := load.BuiltinJSON(tc.builtin)
			require.True(t, ok)
			m, err := load.ReadMapping(bytes.NewReader(js), tc.builtin+".json")
			require.NoError(t, err)
			auto, autoRep, err := load.Read(bytes.NewReader(data), load.Options{Name: tc.file})
			require.NoError(t, err)
			mapped, mapRep, err := load.Read(bytes.NewReader(data), load.Options{Name: tc.file, Mapping: m})
			require.NoError(t, err)
			assert.Equal(t, m.Description, autoRep.Format)
			assert.Equal(t, "CSV with a mapping", mapRep.Format)
			assert.Equal(t, autoRep.Guesses, mapRep.Guesses)
			assert.Equal(t, auto, mapped)
		})
	}
}

// TestMappingContext: what the built-in Venezuelan mappings say beyond
// the columns (provenance, claims, display names by code) is open to any
// mapping.
func TestMappingContext(t *testing.T) {
	js := `{"title": "T", "provenance": "the returning officers",
	  "levels": [{"column": "code", "name": "region", "label": "region", "pad": 2, "names": {"01": "North Shore"}}],
	  "unit": "station", "candidates": ["A", "B"], "total": "all", "others": {"id": "rest", "name": "Everyone else"},
	  "claims": [{"label": "Official", "votes": [{"candidate": "A", "votes": 10}, {"candidate": "rest", "votes": 1}], "others": -1, "valid": -1, "null": -1, "decimals": -1}]}`
	data := "code,region,station,A,B,all\n1,NORTH,1,5,3,9\n2,SOUTH,1,4,4,8\n"
	tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "c.csv", Mapping: mapping(t, js)})
	require.NoError(t, err)
	assert.Equal(t, "the returning officers", tally.Source)
	assert.Equal(t, "North Shore", tally.Regions[0].Name, "a name by code wins over the name column")
	assert.Equal(t, "SOUTH", tally.Regions[1].Name, "without one, the name column")
	require.Len(t, tally.Claims, 1)
	assert.Equal(t, []sim.ClaimVote{{Candidate: "A", Votes: 10}, {Candidate: "rest", Votes: 1}}, tally.Claims[0].Votes)
	assert.Equal(t, sim.Unknown, tally.Claims[0].Valid)

	for _, bad := range []struct{ js, msg string }{
		{`{"candidates": ["A"], "claims": [{"label": "X", "votes": [{"candidate": "Z", "votes": 1}]}]}`, `claim "X" names candidate "Z"`},
		{`{"candidates": ["A"], "claims": [{"votes": []}]}`, "claim 1 has no label"},
		{`{"candidates": ["A"], "signatur": ["A"]}`, `unknown key "signatur"`},
	} {
		_, err := load.ReadMapping(strings.NewReader(bad.js), "bad.json")
		assert.ErrorIs(t, err, load.ErrMapping, bad.js)
		if err != nil {
			assert.Contains(t, err.Error(), bad.msg, bad.js)
		}
	}
}
