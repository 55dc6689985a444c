package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// TestCommittedAssetIsFresh regenerates the default data from
// ../shared/data and compares it, and default_gen.go, byte for byte with
// the committed files in assets.
func TestCommittedAssetIsFresh(t *testing.T) {
	shareddata.Path(t, v2Path)
	shareddata.Path(t, v1Path)
	shareddata.Path(t, "../geo/"+geoPath)
	dir, _ := shareddata.Dir()
	files, err := build(dir)
	require.NoError(t, err)
	for _, f := range files {
		committed, err := os.ReadFile(filepath.Join("..", "..", "assets", filepath.FromSlash(f.name)))
		require.NoError(t, err)
		assert.True(t, string(committed) == string(f.data), "assets/%s is stale; run go generate ./assets", f.name)
	}
}
