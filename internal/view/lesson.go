package view

import (
	"image/color"
	"math"
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// lessonMark is the colour of the ring around the control a lesson's
// step points at (Okabe–Ito orange: it differs from every candidate's
// colour and from the black focus ring, also for colour-blind eyes).
var lessonMark = color.RGBA{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}

// panelHeight returns the height the panel that draw lays out takes at
// width w, at most half of maxH (60% on a phone, whose text wraps into
// more lines).
func (b *builder) panelHeight(draw func(*builder, Rect) float64, w, maxH float64) float64 {
	limit := 0.5
	if b.sc.Narrow {
		limit = 0.6
	}
	return math.Min(draw(b.fresh(b.sc.Narrow), Rect{0, 0, w, maxH}), math.Round(maxH*limit))
}

// lessonPanel draws the open lesson's step in r: where the class is in
// the lesson, the step's title, its text and its question, with Back,
// Next and Close. It returns the height it takes.
func (b *builder) lessonPanel(r Rect) float64 {
	st, m := b.st, b.m
	l, step := st.Lesson, st.LessonStep()
	if l == nil || step == nil {
		return 0
	}
	code := b.l.Code()
	b.fill(r, palette.Panel)
	b.line(r.X, r.Y, r.Right(), r.Y, lessonMark, 3*m.Stroke)
	in := r.Inset(m.Pad)
	y := in.Y
	y += b.para(in.X, y, in.W, b.tf(i18n.LsKicker, l.Title.In(code), st.Step+1, len(l.Steps)), Regular, m.Small, m.LineSmall, palette.TextMuted) + m.Gap/2
	// The buttons come first, so that a short screen that cuts the
	// panel's text never hides them.
	type btn struct {
		id, label string
		act       app.Action
	}
	var btns []btn
	if st.Step > 0 {
		btns = append(btns, btn{"lesson-back", b.t(i18n.LsBack), app.MoveLesson{Delta: -1}})
	}
	if st.Step < len(l.Steps)-1 {
		btns = append(btns, btn{"lesson-next", b.t(i18n.LsNext), app.MoveLesson{Delta: 1}})
	}
	btns = append(btns, btn{"lesson-close", b.t(i18n.LsClose), app.CloseLesson{}})
	x := in.X
	for _, bt := range btns {
		w := math.Min(b.buttonWidth(bt.label), in.W)
		if x > in.X && x+w > in.Right() {
			x, y = in.X, y+m.Row+m.Gap/2
		}
		b.button(bt.id, Rect{x, y, w, m.Row}, bt.label, bt.act, bt.id == "lesson-next")
		x += w + m.Gap
	}
	y += m.Row + m.Gap
	y += b.para(in.X, y, in.W, step.Title.In(code), Bold, m.H1, m.LineH1, palette.Text) + m.Gap/2
	text := func() {
		y += b.para(in.X, y, in.W, step.Text.In(code), Regular, m.Body, m.LineBody, palette.Text) + m.Gap/2
	}
	question := func() {
		y += b.para(in.X, y, in.W, b.tf(i18n.LsQuestion, step.Question.In(code)), Bold, m.Body, m.LineBody, palette.Text) + m.Gap/2
	}
	if b.sc.Narrow {
		// On a phone the panel may be cut: the question comes first.
		question()
		text()
	} else {
		text()
		question()
	}
	return y + m.Pad - r.Y
}

// lessonRing outlines the control the open lesson's step points at.
func (b *builder) lessonRing() {
	step := b.st.LessonStep()
	if step == nil || step.Highlight == "" {
		return
	}
	for _, h := range b.sc.Hits {
		if h.ID == step.Highlight && !h.Hidden {
			p := 2*b.m.FocusPad + b.m.Stroke
			b.stroke(Rect{h.R.X - p, h.R.Y - p, h.R.W + 2*p, h.R.H + 2*p}, lessonMark, 3*b.m.Stroke)
			return
		}
	}
}

// lessonList offers the lessons, at y in r, on the overview; it returns
// the height it takes.
func (b *builder) lessonList(r Rect, y0 float64) float64 {
	st, m := b.st, b.m
	if len(st.Lessons) == 0 || st.Lesson != nil {
		return 0
	}
	y := y0 + 2*m.Gap
	y += b.section(r.X, y, r.W, b.t(i18n.LsHeading))
	y += b.para(r.X, y, r.W, b.t(i18n.LsIntro), Regular, m.Small, m.LineSmall, palette.TextMuted) + m.Gap/2
	for _, l := range st.Lessons {
		lab := l.Title.In(b.l.Code())
		b.button("lesson-"+l.ID, Rect{r.X, y, math.Min(b.buttonWidth(lab), r.W), m.Row}, lab, app.OpenLesson{ID: l.ID}, false)
		y += m.Row + m.Gap/2
	}
	return y - y0
}

// lessonKey maps a key to a lesson's move while a lesson is open: Page
// Down and Page Up (what a presentation clicker sends) always, the
// arrows when no slider or list has the focus. It returns nil for a key
// the lesson leaves to the view.
func lessonKey(st *app.State, k Key, focus *Hit) app.Action {
	if !st.LessonOpen() {
		return nil
	}
	free := focus == nil || strings.HasPrefix(focus.ID, "lesson-")
	switch {
	case k == KeyPageDown || (k == KeyRight && free):
		return app.MoveLesson{Delta: 1}
	case k == KeyPageUp || (k == KeyLeft && free):
		return app.MoveLesson{Delta: -1}
	}
	return nil
}

// presetName words a mystery preset.
func (b *builder) presetName(p string) string {
	k := map[string]i18n.Key{synth.PresetClean: i18n.MyPresetClean, synth.PresetLight: i18n.MyPresetLight, synth.PresetHeavy: i18n.MyPresetHeavy, synth.PresetSwing: i18n.MyPresetSwing, synth.PresetLandslide: i18n.MyPresetLandslide}[p]
	if k == "" {
		return p
	}
	return b.t(k)
}

// mysteryPanel draws the open mystery election's panel in r: what the
// class is looking at, and for the teacher Reveal and Back; once
// revealed, the settings. It returns the height it takes.
func (b *builder) mysteryPanel(r Rect) float64 {
	st, m, l := b.st, b.m, b.l
	my := st.Mystery
	if my == nil || st.Data == nil {
		return 0
	}
	b.fill(r, palette.Panel)
	b.line(r.X, r.Y, r.Right(), r.Y, lessonMark, 3*m.Stroke)
	in := r.Inset(m.Pad)
	y := in.Y
	y += b.para(in.X, y, in.W, l.Data(st.Data.Tally.Title), Bold, m.H1, m.LineH1, palette.Text)
	if !st.Revealed {
		y += b.para(in.X, y, in.W, b.t(i18n.MyBanner), Regular, m.Body, m.LineBody, palette.Text) + m.Gap
	} else {
		fav := shortName(st.Data.Tally, my.Favoured)
		y += b.para(in.X, y, in.W, b.tf(i18n.MyRevealed, b.presetName(my.Preset), l.Percent(my.Turnout, 1), fav, l.Percent(my.Share, 1)), Bold, m.Body, m.LineBody, palette.Text)
		s := b.t(i18n.MyClean)
		if my.Stuffed() {
			s = b.tf(i18n.MyStuffed, fav, l.Percent(my.Incremental, 1), l.Percent(my.Extreme, 1))
		}
		y += b.para(in.X, y, in.W, s, Bold, m.Body, m.LineBody, palette.Text) + m.Gap
	}
	x := in.X
	if !st.Revealed {
		lab := b.t(i18n.MyReveal)
		w := math.Min(b.buttonWidth(lab), in.W)
		b.button("mystery-reveal", Rect{x, y, w, m.Row}, lab, app.RevealMystery{}, true)
		x += w + m.Gap
	}
	lab := b.t(i18n.MyClose)
	w := math.Min(b.buttonWidth(lab), in.W)
	if x > in.X && x+w > in.Right() {
		x, y = in.X, y+m.Row+m.Gap/2
	}
	b.button("mystery-close", Rect{x, y, w, m.Row}, lab, app.CloseMystery{}, false)
	y += m.Row + m.Pad
	return y - r.Y
}

// mysteryList offers the mystery presets, at y in r, on the overview; it
// returns the height it takes.
func (b *builder) mysteryList(r Rect, y0 float64) float64 {
	st, m := b.st, b.m
	// Offered beside the lessons, the classroom's other tool.
	if len(st.Lessons) == 0 || st.Lesson != nil || st.Mystery != nil {
		return 0
	}
	y := y0 + 2*m.Gap
	y += b.section(r.X, y, r.W, b.t(i18n.MyHeading))
	y += b.para(r.X, y, r.W, b.t(i18n.MyIntro), Regular, m.Small, m.LineSmall, palette.TextMuted) + m.Gap/2
	var widths []float64
	for _, p := range synth.Presets {
		widths = append(widths, math.Min(b.buttonWidth(b.presetName(p)), r.W))
	}
	rects, used := Flow(Rect{r.X, y, r.W, r.H}, widths, m.Gap/2, m.Row)
	for i, p := range synth.Presets {
		b.button("mystery-"+p, rects[i], b.presetName(p), app.OpenMystery{Preset: p}, false)
	}
	return y + used - y0
}
