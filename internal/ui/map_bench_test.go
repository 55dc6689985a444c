//go:build !js

package ui

import (
	"image"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// BenchmarkMapRefill measures the front end's share of a recolour: the
// map layer refilled from its cached triangles, one draw call per
// colour, then the borders; "flushed" also reads a pixel back, which
// waits for the (software, under Xvfb) renderer to finish. Run under a
// display:
//
//	xvfb-run -a go test ./internal/ui -run '^$' -bench MapRefill -benchtime 100x -count 5
func BenchmarkMapRefill(b *testing.B) {
	for _, c := range []struct{ name, data, geo string }{
		{"ve-states", "", ""},
		{"us-counties", "us-county/2024_US_County_Level_Presidential_Results.csv", "../geo/us/counties-albers-10m.json"},
	} {
		for _, flush := range []bool{false, true} {
			name := c.name
			if flush {
				name += "-flushed"
			}
			b.Run(name, func(b *testing.B) {
				cfg := Config{Fragment: "view=map"}
				if c.data != "" {
					var err error
					if cfg.Data, err = os.ReadFile(shareddata.Path(b, c.data)); err != nil {
						b.Fatal(err)
					}
					if cfg.Geo, err = os.ReadFile(shareddata.Path(b, c.geo)); err != nil {
						b.Fatal(err)
					}
					cfg.DataName, cfg.GeoName = filepath.Base(c.data), filepath.Base(c.geo)
				}
				g, err := NewGame(cfg)
				if err != nil {
					b.Fatal(err)
				}
				screen := ebiten.NewImage(1280, 800)
				defer screen.Deallocate()
				g.sceneW, g.sceneH, g.sScale = 1280, 800, 1
				g.State().Update(0)
				if err := g.Update(); err != nil {
					b.Fatal(err)
				}
				g.Draw(screen)
				ms := g.Scene().Map
				if ms == nil || ms.View.Data == nil {
					b.Fatal("no map")
				}
				var times []float64
				pix := make([]byte, 4)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					start := time.Now()
					g.mapLayer.fill(ms.View.Data)
					if flush {
						g.mapLayer.img.SubImage(image.Rect(0, 0, 1, 1)).(*ebiten.Image).ReadPixels(pix)
					}
					times = append(times, float64(time.Since(start).Microseconds())/1000)
				}
				b.StopTimer()
				slices.Sort(times)
				b.ReportMetric(times[len(times)/2], "median-ms")
			})
		}
	}
}
