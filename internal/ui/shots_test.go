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
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/ui/app"
)

// TestScreenshots writes PNGs of every view, at phone and desktop sizes
// and in both languages, to the folder named by TALLYSCOPE_SHOTS, for a
// person to look at:
//
//	TALLYSCOPE_SHOTS=build/shots xvfb-run -a go test -run Screenshots ./internal/ui/
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("TALLYSCOPE_SHOTS")
	if dir == "" {
		t.Skip("set TALLYSCOPE_SHOTS to a folder to write screenshots")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	sizes := []struct {
		name        string
		w, h, scale float64
	}{{"phone", 360, 640, 2}, {"laptop", 1280, 800, 1}, {"fullhd", 1920, 1080, 1}}
	states := []struct {
		name string
		frag string
		acts []app.Action
	}{
		{"overview", "", nil},
		{"split100", "mode=split&split=1&full=1", nil},
		{"claim", "mode=claim&claim=1", nil},
		{"scenario", "view=scenario&mode=split&split=0.6", nil},
		// A swing with the missing units left out: the bars follow it.
		{"swing", "swing=-5,5", nil},
		// A swing that brings the break-even within reach of the split
		// slider, which marks it.
		{"marker", "mode=split&split=0.6&swing=0,15", nil},
		{"regions", "view=regions&region=21", nil},
		{"search", "view=regions", []app.Action{app.TypeSearch{Text: "mir"}}},
		{"units", "view=units", []app.Action{app.PinUnit{Unit: 3}}},
		{"uncertainty", "view=uncertainty", nil},
		{"help", "", []app.Action{app.ToggleHelp{}}},
		{"embed", "mode=worst-case", []app.Action{app.ShowEmbed{On: true}}},
		{"focus", "", []app.Action{app.SetFocus{ID: "split"}}},
		{"badfile", "", []app.Action{app.LoadFile{Name: "notes.csv", Data: []byte("when,what,where,who\n1,2,3,4\n")}}},
		{"saved", "", []app.Action{app.Saved{Base: "venezuela-2024-states-shares"}}},
		{"savehelp", "", []app.Action{app.ToggleHelp{}}},
	}
	for _, sz := range sizes {
		for _, lang := range []string{"en", "es"} {
			for _, s := range states {
				cfg := Config{Lang: lang, Fragment: s.frag}
				if s.name == "saved" || s.name == "savehelp" {
					// The desktop, with its "Save chart" control.
					cfg.Save = func(app.SaveRequest) (string, error) { return "", nil }
				}
				g, err := NewGame(cfg)
				require.NoError(t, err)
				if cfg.Save == nil {
					// As in the browser, which has a page to embed.
					g.State().Origin = "https://example.org/"
				}
				for _, a := range s.acts {
					g.State().Apply(a)
				}
				g.State().Update(0)
				if g.State().MC != nil {
					g.State().MC.Step(app.MCRuns)
				}
				w, h := int(sz.w*sz.scale), int(sz.h*sz.scale)
				screen := ebiten.NewImage(w, h)
				g.sceneW, g.sceneH, g.sScale = float64(w), float64(h), sz.scale
				require.NoError(t, g.Update())
				g.Draw(screen)
				img := image.NewRGBA(image.Rect(0, 0, w, h))
				screen.ReadPixels(img.Pix)
				screen.Deallocate()
				f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%s-%s.png", sz.name, lang, s.name)))
				require.NoError(t, err)
				require.NoError(t, png.Encode(f, img))
				require.NoError(t, f.Close())
			}
		}
	}
}
