package assets_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/assets/sheets"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// TestDefaultIsWhatItsHeaderSays checks the embedded bytes against
// default_gen.go, written with them.
func TestDefaultIsWhatItsHeaderSays(t *testing.T) {
	assert.Len(t, assets.Default, assets.DefaultSize)
	sum := sha256.Sum256(assets.Default)
	assert.Equal(t, assets.DefaultSHA256, hex.EncodeToString(sum[:]), "assets/%s changed without default_gen.go; run %s", assets.DefaultName, assets.DefaultCommand)
	assert.Len(t, sheets.Default, assets.DefaultSheetsSize)
	sum = sha256.Sum256(sheets.Default)
	assert.Equal(t, assets.DefaultSheetsSHA256, hex.EncodeToString(sum[:]), "assets/sheets/%s changed without default_gen.go; run %s", assets.DefaultSheetsName, assets.DefaultCommand)
	assert.Len(t, assets.VenezuelaStates, assets.VenezuelaStatesSize)
	sum = sha256.Sum256(assets.VenezuelaStates)
	assert.Equal(t, assets.VenezuelaStatesSHA256, hex.EncodeToString(sum[:]), "assets/%s changed without default_gen.go; run %s", assets.VenezuelaStatesName, assets.DefaultCommand)
	assert.NotEmpty(t, assets.VenezuelaStatesAttribution)
	require.Len(t, assets.DefaultSources, 2)
	for _, s := range assets.DefaultSources {
		assert.Len(t, s.SHA256, 64, s.Path)
		assert.Positive(t, s.Size, s.Path)
	}
}

// TestDefaultShowsThePublishedFigures checks the embedded data against
// the opposition's published V2 totals and V1's registered voters joined
// onto them (../shared/data/venezuela-2024/README.md and
// PUBLISHED_FIGURES.md), table by table as well as nationally.
func TestDefaultShowsThePublishedFigures(t *testing.T) {
	tally, err := sheets.Tally()
	require.NoError(t, err)
	assert.Len(t, tally.Units, assets.DefaultUnits)
	assert.Len(t, tally.Units, 25073)
	assert.Equal(t, []string{"state", "municipality", "parish", "centre"}, tally.Levels)
	assert.Equal(t, "table", tally.UnitLevel)
	a := sim.Aggregate(tally)
	eg, err := tally.Candidate("EG")
	require.NoError(t, err)
	nm, err := tally.Candidate("Maduro")
	require.NoError(t, err)
	assert.Equal(t, int64(25073), a.Nation.Units)
	assert.Equal(t, int64(7303480), a.Nation.Votes[eg])
	assert.Equal(t, int64(3316142), a.Nation.Votes[nm])
	assert.Equal(t, int64(10887262), a.Nation.Valid)
	assert.Equal(t, int64(1213), a.Nation.Null)
	assert.InDelta(t, 0.6708, a.Nation.Share(eg, sim.OfValid), 0.00005)
	assert.InDelta(t, 0.3046, a.Nation.Share(nm, sim.OfValid), 0.00005)
	cov, ok := a.Nation.Coverage().UnitsFraction()
	require.True(t, ok)
	assert.InDelta(t, 0.8350, cov, 0.00005)
	assert.Equal(t, int64(17743433), a.Nation.Registered, "V1's RE joined onto V2")
	assert.Equal(t, int64(24530), a.Nation.RegisteredUnits)
	assert.Len(t, a.Level(0), 24)
	assert.Len(t, a.Level(1), 328)
	assert.Len(t, a.Level(2), 1090)
	assert.Len(t, a.Level(3), 13110)
	assert.Len(t, tally.Claims, 2)
	for i := range tally.Units {
		u := &tally.Units[i]
		require.Truef(t, len(u.Source) > len("https://static.resultadosconvzla.com/") && u.Source[:37] == "https://static.resultadosconvzla.com/", "table %s has sheet link %q", u.ID, u.Source)
	}
}

// TestDefaultIsTheCSVs loads V2 and V1 by the CSV path, as the command
// line does with --join-registered, and compares every unit, region and
// total with the embedded data.
func TestDefaultIsTheCSVs(t *testing.T) {
	v2 := shareddata.Open(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	v1 := shareddata.Open(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	want, rep, err := load.Read(v2, load.Options{Name: "RESULTADOS_2024_CSV_V2.csv"})
	require.NoError(t, err)
	src, srcRep, err := load.Read(v1, load.Options{Name: "RESULTADOS_2024_CSV_V1.csv"})
	require.NoError(t, err)
	n, err := load.Join(want, rep, src, srcRep, false)
	require.NoError(t, err)
	assert.Equal(t, 24530, n)
	got, err := sheets.Tally()
	require.NoError(t, err)
	require.Len(t, got.Units, len(want.Units))
	for i := range want.Units {
		require.Equal(t, want.Units[i], got.Units[i], "unit %d (%s)", i, want.Units[i].ID)
	}
	assert.Equal(t, want.Regions, got.Regions)
	assert.Equal(t, want.Candidates, got.Candidates)
	assert.Equal(t, want.Expected, got.Expected)
	assert.Equal(t, want.Claims, got.Claims)
	assert.Equal(t, sim.Aggregate(want).Nation, sim.Aggregate(got).Nation)
}

func TestDefaultDecodesTwiceTheSame(t *testing.T) {
	a, err := tallybin.Decode(assets.Default)
	require.NoError(t, err)
	b, err := tallybin.Marshal(a)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(b, assets.Default), "encoding the decoded default gives other bytes")
}

// TestDefaultShipsWithoutSheets checks that the data every browser
// downloads carries no sheet links (they come apart, on demand), and
// that the links attach to it and to nothing else.
func TestDefaultShipsWithoutSheets(t *testing.T) {
	bare, err := tallybin.Decode(assets.Default)
	require.NoError(t, err)
	for i := range bare.Units {
		require.Empty(t, bare.Units[i].Source, "table %s", bare.Units[i].ID)
	}
	require.NoError(t, tallybin.AttachSources(bare, sheets.Default))
	full, err := sheets.Tally()
	require.NoError(t, err)
	full.Digest, bare.Digest = nil, nil
	assert.Equal(t, full, bare)
	bare.Units = bare.Units[1:]
	assert.ErrorIs(t, tallybin.AttachSources(bare, sheets.Default), tallybin.ErrOtherTally)
}
