package assets_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func TestDefaultShowsThePublishedFigures(t *testing.T) {
	tally, rep, err := load.Read(bytes.NewReader(assets.Default), load.Options{Name: assets.DefaultName})
	require.NoError(t, err)
	assert.Contains(t, rep.Format, "Tallyscope JSON")
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
	assert.Len(t, tally.Claims, 2)
}

// TestDefaultIsMadeFromTheRealFiles rebuilds the embedded file the way
// DefaultCommand does and compares it byte for byte.
func TestDefaultIsMadeFromTheRealFiles(t *testing.T) {
	v1 := shareddata.Open(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	v2 := shareddata.Open(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	src, _, err := load.Read(v1, load.Options{Name: "V1"})
	require.NoError(t, err)
	dst, _, err := load.Read(v2, load.Options{Name: "V2"})
	require.NoError(t, err)
	assert.Equal(t, 24530, load.JoinRegistered(dst, src))
	c, err := sim.Collapse(dst, 0)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, load.WriteJSON(&buf, c))
	if os.Getenv("TALLYSCOPE_UPDATE_ASSETS") != "" {
		require.NoError(t, os.WriteFile(assets.DefaultName, buf.Bytes(), 0o644))
	}
	assert.True(t, bytes.Equal(buf.Bytes(), assets.Default), "assets/%s is stale; regenerate it with: %s", assets.DefaultName, assets.DefaultCommand)
}
