//go:build !js

package ui

import (
	"fmt"
	"image/color"
	"os"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/internal/view"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// frame runs one Update and one Draw of g at w×h device pixels (scale
// 1) into screen and returns the pixels.
func frame(t testing.TB, g *Game, screen *ebiten.Image) []byte {
	t.Helper()
	w, h := screen.Bounds().Dx(), screen.Bounds().Dy()
	g.sceneW, g.sceneH, g.sScale = float64(w), float64(h), 1
	require.NoError(t, g.Update())
	g.Draw(screen)
	px := make([]byte, 4*w*h)
	screen.ReadPixels(px)
	return px
}

func at(px []byte, w, x, y int) color.RGBA {
	i := 4 * (y*w + x)
	return color.RGBA{px[i], px[i+1], px[i+2], px[i+3]}
}

// fillsOf returns the filled rectangles of colour c in the scene, in order.
func fillsOf(sc *view.Scene, c color.RGBA) []view.Rect {
	var out []view.Rect
	for _, it := range sc.Items {
		if it.Kind == view.Fill && it.Color == c && it.R.W > 0 {
			out = append(out, it.R)
		}
	}
	return out
}

// runLength counts the pixels of colour c from (x, y) to the right.
func runLength(px []byte, w, x, y int, c color.RGBA) int {
	n := 0
	for ; x < w && at(px, w, x, y) == c; x++ {
		n++
	}
	return n
}

func newTestGame(t testing.TB, lang string) *Game {
	g, err := NewGame(Config{Lang: lang})
	require.NoError(t, err)
	return g
}

// TestBarsFollowTheSlider drags the split to 100% for Maduro with every
// missing voter voting and checks, in the pixels, that the scenario bars
// appear and that González's stays longer than Maduro's.
func TestBarsFollowTheSlider(t *testing.T) {
	const w, h = 1280, 800
	g := newTestGame(t, "en")
	screen := ebiten.NewImage(w, h)
	defer screen.Deallocate()
	px := frame(t, g, screen)
	st := g.State()
	require.Equal(t, "EG", st.Data.Tally.Candidates[st.Data.Leader].ID)

	eg, nm := palette.Candidate(0), palette.Candidate(1)
	counted := fillsOf(g.Scene(), nm)
	require.NotEmpty(t, counted, "Maduro's bar")
	bar := counted[0]
	y := int(bar.Y + bar.H/2)
	// The counted bar is painted: 30.46% of the track.
	assert.Equal(t, nm, at(px, w, int(bar.X)+2, y))
	paleNM := lighterOf(nm)
	assert.Empty(t, fillsOf(g.Scene(), paleNM), "no scenario bar at the baseline")

	// Drag the split slider to its right end, then tick "everyone votes".
	split := g.Scene().Find("split")
	require.NotNil(t, split)
	a, drag := g.Scene().Press(split.R.X+1, split.R.Y+split.R.H/2)
	require.NotNil(t, drag)
	st.Apply(a)
	st.Apply(g.Scene().Drag(drag, split.R.Right()+50))
	st.Apply(app.SetFullTurnout{On: true})
	px = frame(t, g, screen)
	assert.Equal(t, 1.0, st.P.Split)
	require.Equal(t, 0, st.Out.Leader, "González stays ahead")

	pale := fillsOf(g.Scene(), paleNM)
	require.Len(t, pale, 1, "Maduro's scenario bar")
	paleEG := fillsOf(g.Scene(), lighterOf(eg))
	require.Len(t, paleEG, 1, "González's scenario bar")
	// Measure the bars in the pixels (inside the 1-pixel outline).
	nmLen := runLength(px, w, int(pale[0].X)+1, int(pale[0].Y+pale[0].H/2), paleNM)
	egLen := runLength(px, w, int(paleEG[0].X)+1, int(paleEG[0].Y+paleEG[0].H/2), lighterOf(eg))
	assert.Greater(t, egLen, nmLen, "González's bar is longer than Maduro's")
	var track view.Rect
	for _, r := range fillsOf(g.Scene(), palette.Panel) {
		if r.Y == pale[0].Y && r.X == pale[0].X {
			track = r
		}
	}
	require.False(t, track.Empty(), "the scenario bar's track")
	want := st.Out.Share(1) * track.W
	assert.InDelta(t, want, float64(nmLen)+2, 3, "Maduro's scenario bar is %.2f%% of the track", 100*st.Out.Share(1))
	// The verdict says it in words. Every registered voter of the missing
	// tables (the national registry minus the counted tables' voters, as
	// package scenario estimates them) votes for Maduro.
	out, err := scenario.Run(st.Data.Tally, st.Scenario())
	require.NoError(t, err)
	require.Greater(t, out.MissingRegistered, int64(3_000_000))
	assert.Equal(t, int64(3316142)+out.MissingRegistered, st.Out.Total[1])
	assert.Equal(t, int64(7303480), st.Out.Total[0])
	verdict := i18n.EN.Int(7303480 - 3316142 - out.MissingRegistered)
	found := false
	for _, it := range g.Scene().Items {
		if it.Kind == view.Text && strings.HasPrefix(it.Text, "González is still ahead by "+verdict) {
			found = true
		}
	}
	if !assert.True(t, found, "the verdict in words") {
		for _, it := range g.Scene().Items {
			if it.Kind == view.Text && strings.Contains(it.Text, "ahead") {
				t.Log(it.Text)
			}
		}
	}
}

func lighterOf(c color.RGBA) color.RGBA {
	mix := func(v uint8) uint8 { return uint8((int(v) + 2*255) / 3) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xFF}
}

// TestIdleDoesNotRepaint checks that frames without changes do not paint.
func TestIdleDoesNotRepaint(t *testing.T) {
	g := newTestGame(t, "es")
	screen := ebiten.NewImage(640, 480)
	defer screen.Deallocate()
	frame(t, g, screen)
	n := g.paints
	for i := 0; i < 5; i++ {
		frame(t, g, screen)
	}
	assert.Equal(t, n, g.paints, "idle frames paint nothing")
	g.State().Apply(app.SetView{View: app.ViewRegions})
	frame(t, g, screen)
	assert.Equal(t, n+1, g.paints, "a change paints once")
	assert.True(t, g.ready)
}

// TestSpanishText checks that the Spanish strings and numbers reach the
// screen.
func TestSpanishText(t *testing.T) {
	g := newTestGame(t, "es")
	screen := ebiten.NewImage(1280, 800)
	defer screen.Deallocate()
	frame(t, g, screen)
	var texts []string
	for _, it := range g.Scene().Items {
		if it.Kind == view.Text {
			texts = append(texts, it.Text)
		}
	}
	assert.Contains(t, texts, "González lidera con 67,08\u00a0% de los votos contados")
	assert.Contains(t, texts, "83,50\u00a0%")
}

// synthetic builds a tally of n one-table units.
func synthetic(n int) *sim.Tally {
	t := &sim.Tally{Levels: []string{"state"}, UnitLevel: "table",
		Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}},
		Regions:    []sim.Region{{Level: 0, Key: "1", Name: "One", Parent: -1}}}
	for i := 0; i < n; i++ {
		a := int64(100 + i%300)
		t.Units = append(t.Units, sim.Unit{ID: fmt.Sprint(i), Region: 0, Registered: 800, Votes: []int64{a, int64(150 + (i*7)%250)}, Null: 0, Blank: sim.Unknown})
	}
	return t
}

// TestPointsBatched checks that 25,000 points take two DrawTriangles calls
// and that the layer is not redrawn on hover or on a scenario change.
func TestPointsBatched(t *testing.T) {
	d, err := app.NewDataset(synthetic(25000), "synthetic")
	require.NoError(t, err)
	f, err := view.NewFonts()
	require.NoError(t, err)
	g := newGame(app.New(d, 0, "view=units"), f)
	screen := ebiten.NewImage(1280, 800)
	defer screen.Deallocate()
	px := frame(t, g, screen)
	assert.Equal(t, 2, g.points.Draws, "25,000 quads in batches of 16,384")
	assert.Equal(t, 1, g.points.Rebuilt)
	plot := g.Scene().Plot
	require.False(t, plot.Empty())
	// Some pixel of the plot is painted in a candidate's colour.
	painted := 0
	for y := int(plot.Y); y < int(plot.Bottom()); y += 2 {
		for x := int(plot.X); x < int(plot.Right()); x += 2 {
			if c := at(px, 1280, x, y); c.B > c.R+40 || c.R > c.B+40 {
				painted++
			}
		}
	}
	assert.Greater(t, painted, 500)
	g.State().Apply(app.HoverUnit{Unit: 3})
	g.State().Apply(app.SetSplit{Share: 0.3})
	frame(t, g, screen)
	assert.Equal(t, 1, g.points.Rebuilt, "hover and scenario changes reuse the layer")
}

// BenchmarkSliderStep measures the CPU time to recompute and repaint after
// one step of the split slider, with the per-table file V2 loaded and the
// Overview shown at 1280×800.
func BenchmarkSliderStep(b *testing.B) {
	path := shareddata.Path(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	raw, err := os.ReadFile(path)
	require.NoError(b, err)
	g, err := NewGame(Config{Data: raw, DataName: "RESULTADOS_2024_CSV_V2.csv", Lang: "en"})
	require.NoError(b, err)
	require.Equal(b, 25073, len(g.State().Data.Tally.Units))
	screen := ebiten.NewImage(1280, 800)
	defer screen.Deallocate()
	frame(b, g, screen)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.State().Apply(app.SetSplit{Share: float64(i%100) / 100})
		g.Update()
		g.Draw(screen)
	}
}

// BenchmarkPointsLayer measures redrawing the scatter layer of the 25,073
// tables of V2 (what a resize costs; hover and slider steps reuse it).
func BenchmarkPointsLayer(b *testing.B) {
	raw, err := os.ReadFile(shareddata.Path(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"))
	require.NoError(b, err)
	d, err := app.Load(raw, "RESULTADOS_2024_CSV_V2.csv")
	require.NoError(b, err)
	l := &pointsLayer{}
	plot := view.Rect{W: 900, H: 500}
	l.image(d, plot, 3)
	require.Equal(b, 2, l.Draws)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.data = nil
		l.image(d, plot, 3)
	}
	b.StopTimer()
	// Read a pixel so that the queued draws really ran.
	l.img.At(0, 0)
}
