package view

import (
	"math"

	"github.com/tallyscope/tallyscope/internal/app"
)

// Key is a key press the visualizer reacts to, independent of the engine.
type Key int

// The keys.
const (
	KeyNone Key = iota
	KeyTab
	KeyLeft
	KeyRight
	KeyUp
	KeyDown
	KeyPageUp
	KeyPageDown
	KeyHome
	KeyEnd
	KeyEnter
	KeySpace
	KeyEscape
	KeyBackspace
	KeyHelp
	KeyProjector
	Key1
	Key2
	Key3
	Key4
	Key5
	// KeySave is Ctrl+S (Cmd+S on a Mac): save the chart, where the
	// platform can.
	KeySave
)

// HitAt returns the control at (x, y), or nil. Later controls win, except
// that scroll areas yield to anything else.
func (sc *Scene) HitAt(x, y float64) *Hit {
	var scroll *Hit
	for i := len(sc.Hits) - 1; i >= 0; i-- {
		h := &sc.Hits[i]
		if h.Hidden || !h.R.Contains(x, y) {
			continue
		}
		if h.Scroll {
			if scroll == nil {
				scroll = h
			}
			continue
		}
		return h
	}
	return scroll
}

// FocusLabel returns the label of the control with keyboard focus, or
// "" when no control has it (see Hit.Label).
func (sc *Scene) FocusLabel(st *app.State) string {
	if st.Focus == "" {
		return ""
	}
	if h := sc.Find(st.Focus); h != nil {
		return h.Label
	}
	return ""
}

// Find returns the control named id, or nil.
func (sc *Scene) Find(id string) *Hit {
	if id == "" {
		return nil
	}
	for i := range sc.Hits {
		if sc.Hits[i].ID == id {
			return &sc.Hits[i]
		}
	}
	return nil
}

// Focusables lists the controls that take keyboard focus, in Tab order.
func (sc *Scene) Focusables() []string {
	var ids []string
	for _, h := range sc.Hits {
		if h.ID != "" && !h.Scroll {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

// MaxScroll is the largest useful scroll of the main area, in CSS pixels.
func (sc *Scene) MaxScroll() int {
	return int(math.Ceil(math.Max(0, sc.MainHeight-sc.Main.H) / sc.Scale))
}

// reveal scrolls the main area so that h is wholly in view, or returns
// nil when it already is or is not in the main area.
func (sc *Scene) reveal(h *Hit) app.Action {
	if h == nil || h.Full.Empty() {
		return nil
	}
	m, r := sc.Main, h.Full
	pad := 16 * sc.Scale
	var d float64
	switch {
	case r.Bottom() > m.Bottom():
		d = math.Min(r.Bottom()-m.Bottom()+pad, r.Y-m.Y)
	case r.Y < m.Y:
		d = r.Y - m.Y - pad
	default:
		return nil
	}
	return app.Scroll{DP: int(math.Round(d / sc.Scale)), Max: sc.MaxScroll()}
}

// Press handles a mouse press or a touch at (x, y). It returns the action
// and, for a slider, the control to follow while the pointer drags.
func (sc *Scene) Press(x, y float64) (app.Action, *Hit) {
	h := sc.HitAt(x, y)
	if h == nil {
		return nil, nil
	}
	var focus app.Action
	if h.ID != "" && h.ID != "plot" {
		focus = app.SetFocus{ID: h.ID}
	}
	if h.Slider != nil {
		return app.Batch{focus, h.Slider.Set(h.Slider.Value0(x))}, h
	}
	if h.Act == nil {
		return focus, nil
	}
	return app.Batch{focus, h.Act}, nil
}

// Value0 returns the slider's value at x, snapped to its step.
func (s *SliderHit) Value0(x float64) float64 {
	v := s.Slider.Value(x)
	if s.Step > 0 {
		v = math.Round(v/s.Step) * s.Step
	}
	return v
}

// Drag follows a pointer dragging slider h to x.
func (sc *Scene) Drag(h *Hit, x float64) app.Action {
	if h == nil || h.Slider == nil {
		return nil
	}
	return h.Slider.Set(h.Slider.Value0(x))
}

// Wheel scrolls the main area by dy wheel notches (positive: down).
func (sc *Scene) Wheel(dy float64) app.Action {
	return app.Scroll{DP: int(math.Round(dy * 48)), Max: sc.MaxScroll()}
}

// Key turns a key press into an action, given the state it applies to.
func (sc *Scene) Key(st *app.State, k Key, shift bool) app.Action {
	if st.Help || st.Embed {
		if k == KeyNone {
			return nil
		}
		return app.CloseOverlays{}
	}
	focus := sc.Find(st.Focus)
	if a := lessonKey(st, k, focus); a != nil {
		return a
	}
	switch k {
	case KeyTab:
		ids := sc.Focusables()
		if len(ids) == 0 {
			return nil
		}
		cur := -1
		for i, id := range ids {
			if id == st.Focus {
				cur = i
			}
		}
		next := 0
		switch {
		case cur < 0 && shift:
			next = len(ids) - 1
		case cur >= 0 && shift:
			next = (cur - 1 + len(ids)) % len(ids)
		case cur >= 0:
			next = (cur + 1) % len(ids)
		}
		return app.Batch{app.SetFocus{ID: ids[next]}, sc.reveal(sc.Find(ids[next]))}
	case KeyEnter, KeySpace:
		if focus != nil && focus.ID == "plot" && st.Pinned >= 0 {
			return app.OpenSource{Unit: st.Pinned}
		}
		if focus != nil && focus.ID == "map" && st.MapHover >= 0 {
			return app.PickArea{Row: st.MapHover}
		}
		if focus != nil && focus.Act != nil {
			return focus.Act
		}
	case KeyLeft, KeyRight, KeyUp, KeyDown:
		dir := 1.0
		if k == KeyLeft || k == KeyDown {
			dir = -1
		}
		if focus != nil && focus.ID == "plot" && st.Data != nil && len(st.Data.ByX) > 0 {
			return stepUnit(st, int(dir), shift)
		}
		if focus != nil && focus.ID == "map" && st.Map != nil && st.Map.Data != nil {
			return stepArea(st, int(dir))
		}
		if focus != nil && focus.Slider != nil {
			s := focus.Slider
			step := s.Step
			if shift {
				step *= 10
			}
			v := math.Round((s.Cur+dir*step)/s.Step) * s.Step
			return s.Set(math.Min(s.Max, math.Max(s.Min, v)))
		}
		if focus != nil && len(focus.ID) > 4 && focus.ID[:4] == "tab-" && (k == KeyLeft || k == KeyRight) {
			ids := []string{}
			for _, id := range sc.Focusables() {
				if len(id) > 4 && id[:4] == "tab-" {
					ids = append(ids, id)
				}
			}
			for i, id := range ids {
				if id == focus.ID {
					n := ids[(i+int(dir)+len(ids))%len(ids)]
					return app.Batch{app.SetFocus{ID: n}, sc.Find(n).Act}
				}
			}
		}
		if k == KeyUp || k == KeyDown {
			return app.Scroll{DP: int(-dir * 40), Max: sc.MaxScroll()}
		}
	case KeyPageUp, KeyPageDown:
		page := int(sc.Main.H / sc.Scale * 0.9)
		if k == KeyPageUp {
			page = -page
		}
		return app.Scroll{DP: page, Max: sc.MaxScroll()}
	case KeyHome:
		return app.Scroll{DP: -1 << 30, Max: sc.MaxScroll()}
	case KeyEnd:
		return app.Scroll{DP: 1 << 30, Max: sc.MaxScroll()}
	case KeyEscape, KeyBackspace:
		return backKey(st, k)
	case KeyHelp:
		return app.ToggleHelp{}
	case KeyProjector:
		return app.ToggleProjector{}
	case KeySave:
		if st.CanSave {
			return app.SaveView{}
		}
	case Key1, Key2, Key3, Key4, Key5:
		if views := digitViews(sc.Narrow || sc.Projector); int(k-Key1) < len(views) {
			i := int(k - Key1)
			return app.SetView{View: views[i]}
		}
	}
	return nil
}

// stepArea shows the numbers of the next area of the map (dir 1) or the
// previous one (dir −1), in the order of the mirror's table.
func stepArea(st *app.State, dir int) app.Action {
	n := len(st.Map.Data.Rows)
	if n == 0 {
		return nil
	}
	i := st.MapHover
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = n - 1
	default:
		i = (i + dir + n) % n
	}
	return app.HoverArea{Row: i}
}

// backKey is Escape or Backspace: they clear the search, go up a region
// or unpin; Escape also closes a lesson and drops the focus.
func backKey(st *app.State, k Key) app.Action {
	drills := st.View == app.ViewRegions || st.View == app.ViewMap
	if k == KeyBackspace {
		switch {
		case st.View == app.ViewRegions && st.Search != "":
			return app.TypeSearch{Backspace: true}
		case drills:
			return app.DrillUp{}
		}
		return nil
	}
	switch {
	case st.View == app.ViewRegions && st.Search != "":
		return app.Batch{app.TypeSearch{Backspace: true}, clearSearch(st)}
	case drills && st.Region >= 0:
		return app.DrillUp{}
	case st.Pinned >= 0:
		return app.PinUnit{Unit: -1}
	case st.LessonOpen() && st.Focus == "":
		return app.CloseLesson{}
	}
	return app.SetFocus{}
}

// digitViews lists the views the keys 1 to 5 show: the scenario is a view
// of its own only on narrow screens (wide ones show its controls beside
// every view).
func digitViews(narrow bool) []app.View {
	if narrow {
		return []app.View{app.ViewOverview, app.ViewScenario, app.ViewRegions, app.ViewUnits, app.ViewUncertainty}
	}
	return []app.View{app.ViewOverview, app.ViewRegions, app.ViewUnits, app.ViewUncertainty}
}

// clearSearch empties the search field.
func clearSearch(st *app.State) app.Action {
	n := len([]rune(st.Search))
	b := make(app.Batch, n)
	for i := range b {
		b[i] = app.TypeSearch{Backspace: true}
	}
	return b
}

// Chars turns typed text into an action: in the Regions view it goes to
// the search field.
func (sc *Scene) Chars(st *app.State, text string) app.Action {
	if text == "" || st.View != app.ViewRegions || st.Help || st.Embed {
		return nil
	}
	return app.TypeSearch{Text: text}
}

// Hover turns a pointer position into the unit under it, in the Units
// view, or the area under it, in the Map view.
func (sc *Scene) Hover(st *app.State, x, y float64) app.Action {
	if sc.Map != nil {
		if r := sc.Map.RowAt(x, y); r != st.MapHover {
			return app.HoverArea{Row: r}
		}
		return nil
	}
	if sc.Plot.Empty() || st.Data == nil {
		return nil
	}
	u := -1
	if sc.Plot.Contains(x, y) {
		if i := Nearest(sc.Plot, st.Data.Points, x, y, 8*sc.Scale); i >= 0 {
			u = st.Data.Points[i].Unit
		}
	}
	if u == st.Hover {
		return nil
	}
	return app.HoverUnit{Unit: u}
}

// Tap pins the unit under a tap in the Units view (touch has no hover).
func (sc *Scene) Tap(st *app.State, x, y float64) app.Action {
	if sc.Map != nil {
		if r := sc.Map.RowAt(x, y); r >= 0 {
			return app.PickArea{Row: r}
		}
		return nil
	}
	if sc.Plot.Empty() || st.Data == nil || !sc.Plot.Contains(x, y) {
		return nil
	}
	u := -1
	if i := Nearest(sc.Plot, st.Data.Points, x, y, 16*sc.Scale); i >= 0 {
		u = st.Data.Points[i].Unit
	}
	return app.PinUnit{Unit: u}
}

// stepUnit pins the next unit of the scatter to the right (dir 1) or to
// the left (dir −1), ten at a time with shift.
func stepUnit(st *app.State, dir int, shift bool) app.Action {
	d := st.Data
	pos := -1
	for i, p := range d.ByX {
		if d.Points[p].Unit == st.Pinned {
			pos = i
			break
		}
	}
	step := dir
	if shift {
		step *= 10
	}
	switch {
	case pos < 0 && dir > 0:
		pos = 0
	case pos < 0:
		pos = len(d.ByX) - 1
	default:
		pos = min(max(pos+step, 0), len(d.ByX)-1)
	}
	return app.PinUnit{Unit: d.Points[d.ByX[pos]].Unit}
}
