//go:build !js

package ui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/app"
)

// TestScreenshots writes PNGs of every view, at phone and desktop sizes
// and in both languages, to the folder named by TALLYSCOPE_SHOTS, for a
// person to look at. The folder must lie outside the source tree (build
// outputs are never committed), and the test log names it:
//
//	TALLYSCOPE_SHOTS=/tmp/tallyscope-shots xvfb-run -a go test -run Screenshots -v ./internal/ui/
//
// Without TALLYSCOPE_SHOTS it is skipped (drawing the 96 screens takes
// about 15 s).
func TestScreenshots(t *testing.T) {
	dir := shotsDir(t)
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
				// A phone is a touch screen: the hints name taps.
				g.State().Touch = sz.name == "phone"
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
	t.Logf("screenshots in %s", dir)
}

// shotsDir returns the absolute path of the folder TALLYSCOPE_SHOTS names,
// made if need be, or skips the test when it names none. A folder inside
// the module's source tree is refused.
func shotsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TALLYSCOPE_SHOTS")
	if dir == "" {
		t.Skip("set TALLYSCOPE_SHOTS to a folder outside the source tree to write screenshots")
	}
	dir, err := filepath.Abs(dir)
	require.NoError(t, err)
	wd, err := os.Getwd()
	require.NoError(t, err)
	for root := wd; root != filepath.Dir(root); root = filepath.Dir(root) {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
			continue
		}
		if rel, err := filepath.Rel(root, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			t.Fatalf("TALLYSCOPE_SHOTS=%s is inside the source tree %s: name a folder outside it, such as /tmp/tallyscope-shots", dir, root)
		}
		break
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	t.Logf("writing screenshots to %s", dir)
	return dir
}
