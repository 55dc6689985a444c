package ui

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/view"
)

// mcBudget is the time given to Monte Carlo runs in a frame: the
// distribution fills in without stalling a 60 Hz frame.
const mcBudget = 6 * time.Millisecond

// Game adapts the model to ebiten.Game. It owns the state, the current
// scene and the cached images; it holds no numbers of its own.
type Game struct {
	st    *app.State
	fonts *view.Fonts
	faces map[font.Face]*text.GoXFace

	scene *view.Scene
	// sceneVersion and sceneW/H/Scale say what the scene was built for.
	sceneVersion           uint64
	sceneW, sceneH, sScale float64
	// painted is false when the screen must be repainted.
	painted bool

	points   *pointsLayer
	mapLayer mapLayer
	in       inputState

	frames   int64
	paints   int64
	ready    bool
	lastHook uint64
	// hookFrames is the frame count last published.
	hookFrames int64
	files      chan []fileResult
	// save is Config.Save; saved carries its answers back.
	save  func(app.SaveRequest) (string, error)
	saved chan app.Saved
	// sheets is Config.Sheets, called once (sheetsAsked); its answer
	// comes back on sheetsDone.
	sheets      func() ([]byte, error)
	sheetsAsked bool
	sheetsDone  chan app.AttachSheets

	// mirror is the text last written to the page (see updateMirror),
	// for the state version mirrorVersion; mirrorSeen is the newest
	// version seen, since mirrorAt.
	mirror                    view.MirrorText
	mirrorVersion, mirrorSeen uint64
	mirrorAt                  time.Time
	// live is what the page's live line last said: the focused control
	// and the status message.
	live [2]string
}

func newGame(st *app.State, fonts *view.Fonts) *Game {
	return &Game{st: st, fonts: fonts, faces: map[font.Face]*text.GoXFace{}, points: &pointsLayer{}, files: make(chan []fileResult, 1), saved: make(chan app.Saved, 1), sheetsDone: make(chan app.AttachSheets, 1)}
}

// State returns the model, for tests.
func (g *Game) State() *app.State { return g.st }

// Scene returns the current layout, for tests.
func (g *Game) Scene() *view.Scene { return g.scene }

// Update applies input, recomputes what changed and performs the queued
// side effects. It never returns an error for bad data: that is shown.
func (g *Game) Update() error {
	g.ensureScene()
	for _, a := range g.actions() {
		g.st.Apply(a)
	}
	g.fetchSheets()
	g.st.Update(mcBudget)
	for _, e := range g.st.Effects() {
		g.perform(e)
	}
	g.ensureScene()
	g.updateMirror(time.Now())
	// The test hook follows every change, and the frame count about
	// twice a second.
	if g.ready && (g.lastHook != g.st.Version || g.frames-g.hookFrames >= 30) {
		g.lastHook, g.hookFrames = g.st.Version, g.frames
		publishState(g.snapshot())
	}
	return nil
}

// fetchSheets asks for the sheet links (Config.Sheets) the first time
// the state wants them.
func (g *Game) fetchSheets() {
	if g.sheets == nil || g.sheetsAsked || !g.st.WantsSheets() {
		return
	}
	g.sheetsAsked = true
	d, get := g.st.Data, g.sheets
	go func() {
		b, err := get()
		g.sheetsDone <- app.AttachSheets{Data: d, B: b, Err: err}
	}()
}

// mirrorDelay is how long the state must rest before the page's text
// mirror follows it: a dragged slider is announced once, where it stops,
// not at every step.
const mirrorDelay = 250 * time.Millisecond

// updateMirror writes the current view as text into the page (view.Mirror,
// setMirror), and the focused control's label and the status message
// into its live line (setLive), once the state has not changed for
// mirrorDelay: a screen reader hears the canvas' controls as the keyboard
// reaches them.
func (g *Game) updateMirror(now time.Time) {
	v := g.st.Version
	if !hasPage || v == g.mirrorVersion {
		return
	}
	if v != g.mirrorSeen {
		g.mirrorSeen, g.mirrorAt = v, now
		if g.mirrorVersion != 0 {
			return
		}
	}
	if g.mirrorVersion != 0 && now.Sub(g.mirrorAt) < mirrorDelay {
		return
	}
	g.mirrorVersion = v
	if m := view.Mirror(g.st); m != g.mirror {
		g.mirror = m
		setMirror(m)
	}
	var live [2]string
	if g.scene != nil {
		live[0] = g.scene.FocusLabel(g.st)
	}
	live[1] = g.st.Msg.Text
	if live != g.live {
		g.live = live
		setLive(live[0], live[1])
	}
}

func (g *Game) perform(e app.Effect) {
	switch e.Kind {
	case app.EffectOpenURL:
		openURL(e.Arg)
	case app.EffectCopy:
		copyText(e.Arg)
	case app.EffectFragment:
		setFragment(e.Arg)
	case app.EffectAddress:
		setAddress(e.Arg)
	case app.EffectPickFile:
		pickFile(g.files)
	case app.EffectSave:
		g.startSave(g.st.SaveRequest())
	}
}

// startSave runs the save hook on its own goroutine (drawing a chart
// takes longer than a frame); its answer comes back through g.saved. The
// request holds the immutable tally and a copy of the scenario, so the
// goroutine shares nothing that changes. A panic in the hook becomes a
// message, never a crash.
func (g *Game) startSave(req app.SaveRequest) {
	save := g.save
	if save == nil {
		g.saved <- app.Saved{Err: errNoSave}
		return
	}
	go func() {
		var res app.Saved
		defer func() {
			if r := recover(); r != nil {
				res = app.Saved{Err: fmt.Errorf("%v", r)}
			}
			g.saved <- res
		}()
		base, err := save(req)
		res = app.Saved{Base: base, Err: err}
	}()
}

var errNoSave = errors.New("saving charts is available in the desktop app")

// ensureScene rebuilds the layout when the state or the size changed.
func (g *Game) ensureScene() {
	w, h, s := g.sceneW, g.sceneH, g.sScale
	if w <= 0 || h <= 0 {
		return
	}
	if g.scene != nil && g.sceneVersion == g.st.Version && g.scene.W == w && g.scene.H == h && g.scene.DeviceScale == s {
		return
	}
	g.scene = view.Build(g.st, w, h, s, g.fonts)
	// Keep the scroll inside the content after a resize or a new view.
	if max := g.scene.MaxScroll(); g.st.Scroll > max {
		g.st.Apply(app.Scroll{DP: 0, Max: max})
		g.scene = view.Build(g.st, w, h, s, g.fonts)
	}
	g.sceneVersion = g.st.Version
	g.painted = false
}

// Draw paints the scene when it changed since the last paint; otherwise
// the previous frame stays on screen.
func (g *Game) Draw(screen *ebiten.Image) {
	g.frames++
	if g.scene == nil {
		g.ensureScene()
		if g.scene == nil {
			return
		}
	}
	if g.painted && screen.Bounds().Dx() == int(g.scene.W) && screen.Bounds().Dy() == int(g.scene.H) {
		return
	}
	g.paint(screen)
	g.paints++
	g.painted = true
	if !g.ready {
		g.ready = true
		focusOnStart()
		publishState(g.snapshot())
		g.lastHook = g.st.Version
	}
}

// Layout returns the screen size in device pixels, so that text is crisp
// on high-DPI screens. Ebitengine calls LayoutF when it exists.
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// LayoutF returns the screen size in device pixels.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	w, h := math.Ceil(outsideW*s), math.Ceil(outsideH*s)
	if w != g.sceneW || h != g.sceneH || s != g.sScale {
		g.sceneW, g.sceneH, g.sScale = w, h, s
		g.painted = false
	}
	return w, h
}

// snapshot describes the state for the browser test hook, with the
// controls' rectangles in CSS pixels.
func (g *Game) snapshot() string {
	sn := g.st.Snapshot(g.ready, g.frames)
	if sc := g.scene; sc != nil {
		for _, h := range sc.Hits {
			if h.ID == "" || h.Scroll || h.Hidden {
				continue
			}
			s := sc.DeviceScale
			sn.Controls = append(sn.Controls, app.SnapControl{ID: h.ID, Slider: h.Slider != nil, X: h.R.X / s, Y: h.R.Y / s, W: h.R.W / s, H: h.R.H / s})
		}
	}
	return sn.JSON()
}
