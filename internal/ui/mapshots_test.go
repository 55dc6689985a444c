//go:build !js

package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/choropleth"
)

// TestMapScreenshots writes PNGs of the Map view to TALLYSCOPE_SHOTS (see
// TestScreenshots): the default data's states by leader, by margin, in
// coverage mode after a scenario change, as tiles, and drilled into a
// state, at 1280×800 and 360×640 in both languages.
//
//	TALLYSCOPE_SHOTS=/tmp/tallyscope-shots xvfb-run -a go test -run MapScreenshots -v ./internal/ui/
func TestMapScreenshots(t *testing.T) {
	dir := shotsDir(t)
	sizes := []struct {
		name        string
		w, h, scale float64
	}{{"phone", 360, 640, 2}, {"laptop", 1280, 800, 1}}
	states := []struct {
		name string
		frag string
		acts []app.Action
	}{
		{"leader", "view=map", []app.Action{app.HoverArea{Row: 23}}},
		{"margin", "view=map&colour=margin", nil},
		{"coverage-scenario", "view=map&colour=coverage&s=", []app.Action{app.SetSwing{Which: 1, PP: 8}}},
		{"shift", "view=map&colour=shift", []app.Action{app.SetMode{Mode: app.ModeLike}}},
		{"tiles", "view=map&cartogram=sized", nil},
		{"drilled", "view=map", []app.Action{app.PickArea{Row: 23}}},
		{"badgeo", "view=map", []app.Action{app.LoadFile{Name: "states.geojson", Data: []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"VE-V","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}]}`)}}},
	}
	for _, sz := range sizes {
		for _, lang := range []string{"en", "es"} {
			for _, s := range states {
				g, err := NewGame(Config{Lang: lang, Fragment: s.frag})
				require.NoError(t, err)
				g.State().Origin = "https://example.org/"
				g.State().Touch = sz.name == "phone"
				g.State().Update(0)
				writeShot(t, g, filepath.Join(dir, fmt.Sprintf("map-%s-%s-%s.png", sz.name, lang, s.name)), sz.w, sz.h, sz.scale, s.acts...)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

// writeShot draws the game at w×h CSS pixels and writes it as a PNG.
// The actions apply after a first frame, so that the pointer's place
// (wherever Xvfb has it) does not undo a hover.
func writeShot(t *testing.T, g *Game, path string, cw, ch, scale float64, acts ...app.Action) {
	w, h := int(cw*scale), int(ch*scale)
	screen := ebiten.NewImage(w, h)
	defer screen.Deallocate()
	g.sceneW, g.sceneH, g.sScale = float64(w), float64(h), scale
	require.NoError(t, g.Update())
	for _, a := range acts {
		g.State().Apply(a)
		g.State().Update(0)
	}
	g.ensureScene()
	g.Draw(screen)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	screen.ReadPixels(img.Pix)
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, png.Encode(f, img))
	require.NoError(t, f.Close())
}

// TestMapLayerFills draws the default map and checks that the areas are
// filled in their colours: a pixel inside a state has the colour of its
// row, and a recolour changes it.
func TestMapLayerFills(t *testing.T) {
	g, err := NewGame(Config{Fragment: "view=map&colour=margin"})
	require.NoError(t, err)
	g.State().Update(0)
	screen := ebiten.NewImage(1280, 800)
	defer screen.Deallocate()
	g.sceneW, g.sceneH, g.sScale = 1280, 800, 1
	require.NoError(t, g.Update())
	g.Draw(screen)
	ms := g.Scene().Map
	require.NotNil(t, ms)
	require.NotNil(t, ms.View.Data)
	assert.Len(t, ms.View.Data.Rows, 24)
	// The centre of the map's largest state (by bounds) is inside it.
	g2 := ms.View.Geometry
	best, bestA := -1, 0.0
	for i, r := range ms.View.Data.Rows {
		sh := &g2.Shapes[g2.Join.Feature[r.Area]]
		if a := sh.Area(); a > bestA {
			best, bestA = i, a
		}
	}
	sh := &g2.Shapes[g2.Join.Feature[ms.View.Data.Rows[best].Area]]
	x, y := ms.Point(sh.Centroid())
	require.Equal(t, best, ms.RowAt(x, y))
	want := ms.View.Data.Rows[best].Color
	got := screen.At(int(x), int(y))
	r, gg, b, _ := got.RGBA()
	assert.InDelta(t, float64(want.R), float64(r>>8), 3, "red at the centre of %s", ms.View.Data.Rows[best].Name)
	assert.InDelta(t, float64(want.G), float64(gg>>8), 3)
	assert.InDelta(t, float64(want.B), float64(b>>8), 3)
	g.State().Apply(app.SetMapMode{Mode: choropleth.Turnout})
	g.State().Update(0)
	require.NoError(t, g.Update())
	g.Draw(screen)
	want2 := g.Scene().Map.View.Data.Rows[best].Color
	r, gg, b, _ = screen.At(int(x), int(y)).RGBA()
	assert.Equal(t, [3]uint8{want2.R, want2.G, want2.B}, [3]uint8{uint8(r >> 8), uint8(gg >> 8), uint8(b >> 8)})
}
