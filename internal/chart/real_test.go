package chart_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

var chartsDir = flag.String("charts", "", "also write the charts rendered from the real data to this folder")

// loadReal reads a file from ../shared/data, or skips.
func loadReal(tb testing.TB, rel string) *sim.Tally {
	tb.Helper()
	f := shareddata.Open(tb, rel)
	t, _, err := load.Read(f, load.Options{Name: filepath.Base(rel)})
	require.NoError(tb, err, rel)
	return t
}

func saveChart(t *testing.T, name string, b []byte) {
	t.Helper()
	if *chartsDir == "" {
		return
	}
	require.NoError(t, os.MkdirAll(*chartsDir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(*chartsDir, name), b, 0o644))
}

var _ = bytes.NewReader
