package forensics_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/synth"
)

func TestWriteJSON(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"NaN and infinities become null", forensics.Interval{Lo: math.NaN(), Hi: math.Inf(1), Level: 0.95},
			"{\n  \"lo\": null,\n  \"hi\": null,\n  \"level\": 0.95\n}\n"},
		{"fields keep their order and omitempty", forensics.Exclusion{Reason: "r", Units: 2},
			"{\n  \"reason\": \"r\",\n  \"units\": 2\n}\n"},
		{"numbers stay on one line", []float64{1, 0.5, math.NaN()}, "[1, 0.5, null]\n"},
		{"nil pointer", (*forensics.Histogram)(nil), "null\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, forensics.WriteJSON(&b, tc.v))
			assert.Equal(t, tc.want, b.String())
		})
	}
}

// TestWriteJSONReport writes a whole report, with statistics that cannot be
// computed (a candidate without counts ≥ 100), and reads it back.
func TestWriteJSONReport(t *testing.T) {
	e, err := synth.Generate(synth.Config{Seed: 3, Units: 500, MinRegistered: 30, MaxRegistered: 90})
	require.NoError(t, err)
	r, err := forensics.Run(e.Tally, forensics.Options{Seed: 1, Bootstrap: 50, Replicates: 50})
	require.NoError(t, err)
	require.Zero(t, r.LastDigit[0].N, "no count reaches 100 in units of at most 90 voters")
	var b bytes.Buffer
	require.NoError(t, forensics.WriteJSON(&b, r))
	require.True(t, json.Valid(b.Bytes()))
	var back forensics.Report
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, r.Units, back.Units)
	assert.Equal(t, r.Fingerprints[0].Counts, back.Fingerprints[0].Counts)
	assert.Equal(t, r.Klimek[0].Incremental, back.Klimek[0].Incremental)
	assert.Contains(t, b.String(), `"chi_square": null`)

	var again bytes.Buffer
	r2, err := forensics.Run(e.Tally, forensics.Options{Seed: 1, Bootstrap: 50, Replicates: 50})
	require.NoError(t, err)
	require.NoError(t, forensics.WriteJSON(&again, r2))
	assert.Equal(t, b.String(), again.String(), "deterministic output")
}
