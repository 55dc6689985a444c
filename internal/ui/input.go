package ui

import (
	"io"
	"io/fs"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/view"
)

// fileResult is a file chosen in the platform's file picker.
type fileResult struct {
	name string
	data []byte
	err  error
}

// inputState remembers what a press started: a slider being dragged or a
// scroll by touch.
type inputState struct {
	drag      *view.Hit
	touch     ebiten.TouchID
	touching  bool
	lastY     int
	startX    int
	startY    int
	moved     bool
	cursorX   int
	cursorY   int
	mouseDown bool
}

// keyMap lists the keys the app reacts to, in a fixed order so that two
// keys pressed in one frame always apply in the same order.
var keyMap = []struct {
	k  ebiten.Key
	lk view.Key
}{
	{ebiten.KeyTab, view.KeyTab}, {ebiten.KeyArrowLeft, view.KeyLeft}, {ebiten.KeyArrowRight, view.KeyRight},
	{ebiten.KeyArrowUp, view.KeyUp}, {ebiten.KeyArrowDown, view.KeyDown}, {ebiten.KeyPageUp, view.KeyPageUp},
	{ebiten.KeyPageDown, view.KeyPageDown}, {ebiten.KeyHome, view.KeyHome}, {ebiten.KeyEnd, view.KeyEnd},
	{ebiten.KeyEnter, view.KeyEnter}, {ebiten.KeyNumpadEnter, view.KeyEnter}, {ebiten.KeySpace, view.KeySpace},
	{ebiten.KeyEscape, view.KeyEscape}, {ebiten.KeyBackspace, view.KeyBackspace},
	{ebiten.KeyDigit1, view.Key1}, {ebiten.KeyDigit2, view.Key2}, {ebiten.KeyDigit3, view.Key3},
	{ebiten.KeyDigit4, view.Key4}, {ebiten.KeyDigit5, view.Key5},
}

// repeats reports whether a held key fires this frame: on the first frame,
// then every 3 frames after a 20-frame delay.
func repeats(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || (d > 20 && d%3 == 0)
}

// actions is the one place where raw input becomes actions.
func (g *Game) actions() []app.Action {
	sc, st := g.scene, g.st
	var out []app.Action
	select {
	case fs := <-g.files:
		var files app.LoadFiles
		for _, f := range fs {
			files = append(files, app.LoadFile{Name: f.name, Data: f.data, Err: f.err})
		}
		out = append(out, files)
	default:
	}
	select {
	case a := <-g.sheetsDone:
		out = append(out, a)
	default:
	}
	select {
	case r := <-g.saved:
		out = append(out, r)
	default:
	}
	if a := droppedFile(); a != nil {
		out = append(out, a)
	}
	if sc == nil {
		return out
	}
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	// Ctrl+S (Cmd+S on a Mac) saves the chart; with Ctrl or Cmd held,
	// no key types text or moves.
	if ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta) {
		if inpututil.IsKeyJustPressed(ebiten.KeyS) {
			out = append(out, sc.Key(st, view.KeySave, false))
		}
		return g.pointer(out)
	}
	searching := st.View == app.ViewRegions && (st.Focus == "search" || st.Focus == "")
	// Keys.
	for _, km := range keyMap {
		k, lk := km.k, km.lk
		if !repeats(k) {
			continue
		}
		if searching && st.Focus == "search" && (lk == view.KeySpace || (lk >= view.Key1 && lk <= view.Key5)) {
			continue // typed into the search field
		}
		out = append(out, sc.Key(st, lk, shift))
	}
	chars := ebiten.AppendInputChars(nil)
	var typed []rune
	for _, r := range chars {
		if r == '?' {
			out = append(out, sc.Key(st, view.KeyHelp, false))
			continue
		}
		if (r == 'p' || r == 'P') && !searching {
			out = append(out, sc.Key(st, view.KeyProjector, false))
			continue
		}
		typed = append(typed, r)
	}
	if searching && len(typed) > 0 {
		s := string(typed)
		if st.Focus != "search" {
			// Without focus, digits switch views and a space is a
			// key: only letters start a search.
			s = ""
			for _, r := range typed {
				if r > ' ' && (r < '0' || r > '9') {
					s += string(r)
				}
			}
		}
		out = append(out, sc.Chars(st, s))
	} else if len(typed) > 0 && st.Help {
		out = append(out, app.CloseOverlays{})
	}
	return g.pointer(out)
}

// pointer appends the actions of the mouse, the wheel and touches.
func (g *Game) pointer(out []app.Action) []app.Action {
	sc, st := g.scene, g.st
	// Mouse.
	x, y := ebiten.CursorPosition()
	fx, fy := float64(x), float64(y)
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		a, h := sc.Press(fx, fy)
		out = append(out, a, sc.Tap(st, fx, fy))
		g.in.drag = h
		g.in.mouseDown = true
	} else if g.in.mouseDown && ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		if g.in.drag != nil && x != g.in.cursorX {
			out = append(out, sc.Drag(g.followed(), fx))
		}
	}
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		g.in.drag, g.in.mouseDown = nil, false
	}
	if x != g.in.cursorX || y != g.in.cursorY {
		out = append(out, sc.Hover(st, fx, fy))
		g.in.cursorX, g.in.cursorY = x, y
	}
	if _, dy := ebiten.Wheel(); dy != 0 {
		out = append(out, sc.Wheel(-dy))
	}
	// Touch: a tap presses, a drag on a slider adjusts it, a drag elsewhere
	// scrolls.
	for _, id := range inpututil.AppendJustPressedTouchIDs(nil) {
		if !st.Touch {
			out = append(out, app.SetTouch{On: true})
		}
		if g.in.touching {
			break
		}
		tx, ty := ebiten.TouchPosition(id)
		g.in.touch, g.in.touching = id, true
		g.in.startX, g.in.startY, g.in.lastY, g.in.moved = tx, ty, ty, false
		if h := sc.HitAt(float64(tx), float64(ty)); h != nil && h.Slider != nil {
			a, hh := sc.Press(float64(tx), float64(ty))
			out = append(out, a)
			g.in.drag = hh
		}
	}
	if g.in.touching {
		if inpututil.IsTouchJustReleased(g.in.touch) {
			if g.in.drag == nil && !g.in.moved {
				a, _ := sc.Press(float64(g.in.startX), float64(g.in.startY))
				out = append(out, a, sc.Tap(st, float64(g.in.startX), float64(g.in.startY)))
			}
			g.in.touching, g.in.drag = false, nil
		} else {
			tx, ty := ebiten.TouchPosition(g.in.touch)
			if math.Abs(float64(tx-g.in.startX)) > 8*sc.Scale || math.Abs(float64(ty-g.in.startY)) > 8*sc.Scale {
				g.in.moved = true
			}
			switch {
			case g.in.drag != nil:
				out = append(out, sc.Drag(g.followed(), float64(tx)))
			case g.in.moved && ty != g.in.lastY:
				out = append(out, app.Scroll{DP: int(math.Round(float64(g.in.lastY-ty) / sc.Scale)), Max: sc.MaxScroll()})
			}
			g.in.lastY = ty
		}
	}
	return out
}

// followed returns the slider being dragged in the current scene (the
// scene is rebuilt while dragging; the control keeps its ID).
func (g *Game) followed() *view.Hit {
	if g.in.drag == nil {
		return nil
	}
	if h := g.scene.Find(g.in.drag.ID); h != nil {
		// Keep the full track: the new hit may be cut by scrolling.
		return h
	}
	return g.in.drag
}

// droppedFile reads the files dropped on the window, if any: a results
// file, or a mapping file and the results file it describes.
func droppedFile() app.Action {
	fsys := ebiten.DroppedFiles()
	if fsys == nil {
		return nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return app.LoadFile{Name: "dropped file", Err: err}
	}
	var files app.LoadFiles
	for _, e := range entries {
		if e.IsDir() || len(files) == 4 {
			continue
		}
		f, err := fsys.Open(e.Name())
		if err != nil {
			files = append(files, app.LoadFile{Name: e.Name(), Err: err})
			continue
		}
		b, err := io.ReadAll(io.LimitReader(f, 256<<20))
		f.Close()
		files = append(files, app.LoadFile{Name: e.Name(), Data: b, Err: err})
	}
	if len(files) == 0 {
		return nil
	}
	return files
}
