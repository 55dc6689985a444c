package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tallyscope/tallyscope/sim/geo"
)

// The map of the default data: Venezuela's states, simplified and
// written in screen coordinates (geo.WriteScreen) so that it costs the
// browser's download a few kilobytes.
const (
	// GeoAsset is the generated file's name in assets.
	GeoAsset = "venezuela-states.geojson"
	// geoPath is its source, under the shared folder beside the data
	// (../shared/geo).
	geoPath = "venezuela/geoBoundaries-VEN-ADM1_simplified.geojson"
	// geoPoints is the point budget: about 30 KB raw and 6 KB with
	// brotli (sim/geo's TestEmbeddedVenezuelaSize measures the budgets).
	geoPoints = 3000
	// geoWidth is the written copy's width in screen units.
	geoWidth = 1000
	// GeoAttribution is the credit geoBoundaries' licence asks for
	// (../shared/geo/README.md), shown wherever the map is drawn.
	GeoAttribution = "Boundaries: geoBoundaries.org"
)

// buildGeo reads Venezuela's states from the geo folder beside the data
// folder dir and returns the simplified copy, each feature's id its ISO
// 3166-2 code and its "name" the boundaries' name, with its source.
func buildGeo(dir string) ([]byte, source, error) {
	rel := filepath.Join("..", "geo", filepath.FromSlash(geoPath))
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		return nil, source{}, err
	}
	sum := sha256.Sum256(b)
	src := source{"../geo/" + geoPath, len(b), hex.EncodeToString(sum[:])}
	l, err := geo.Read(filepath.Base(geoPath), bytes.NewReader(b), geo.ReadOptions{})
	if err != nil {
		return nil, source{}, err
	}
	ids, names := make([]string, len(l.Features)), make([]string, len(l.Features))
	for i := range l.Features {
		iso, ok := l.Features[i].Prop("shapeISO")
		if !ok || iso == "" {
			return nil, source{}, fmt.Errorf("%s: feature %d has no shapeISO", geoPath, i)
		}
		ids[i], names[i] = iso, l.Features[i].Name()
	}
	var out bytes.Buffer
	if err := geo.WriteScreen(&out, l.Shapes(geoPoints), ids, names, geoWidth); err != nil {
		return nil, source{}, err
	}
	return out.Bytes(), src, nil
}
