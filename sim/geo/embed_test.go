package geo_test

import (
	"bytes"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim/geo"
)

// TestEmbeddedVenezuelaSize simplifies Venezuela's states to a few point
// budgets, writes each in screen coordinates (1,000 units across) and
// logs its size raw and with brotli, for BENCHMARKS.md. It checks that
// the written copy reads back with every state.
func TestEmbeddedVenezuelaSize(t *testing.T) {
	path := shareddata.Path(t, "../geo/venezuela/geoBoundaries-VEN-ADM1_simplified.geojson")
	for _, budget := range []int{1000, 2000, 3000, 5000} {
		l := readFile(t, path, geo.ReadOptions{})
		shapes := l.Shapes(budget)
		var ids, names []string
		for i := range l.Features {
			iso, _ := l.Features[i].Prop("shapeISO")
			ids, names = append(ids, iso), append(names, l.Features[i].Name())
		}
		var raw bytes.Buffer
		require.NoError(t, geo.WriteScreen(&raw, shapes, ids, names, 1000))
		var br bytes.Buffer
		w := brotli.NewWriterLevel(&br, 11)
		_, err := w.Write(raw.Bytes())
		require.NoError(t, err)
		require.NoError(t, w.Close())
		back, err := geo.Read("embedded.geojson", bytes.NewReader(raw.Bytes()), geo.ReadOptions{})
		require.NoError(t, err, "budget %d", budget)
		assert.Len(t, back.Features, 25)
		for i, s := range back.Shapes(0) {
			assert.NotEmpty(t, s.Polygons, "budget %d: %s", budget, names[i])
		}
		t.Logf("Venezuela states, %d points: %d B raw, %d B brotli", budget, raw.Len(), br.Len())
	}
}
