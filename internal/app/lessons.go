package app

import (
	"net/url"
	"strconv"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// A guided lesson (package lesson) walks a class through the app: each
// step sets the view, the region and the scenario from its link, points
// at a control and shows a short text with a question. State.Lessons are
// the lessons the platform offers (the built-in ones); State.Lesson is
// the open one and State.Step its step, counted from 0. The link of the
// app says both ("lesson=disputed-count&step=4", counted from 1), so a
// teacher can share a step.

// LessonOpen reports whether a lesson is open.
func (s *State) LessonOpen() bool { return s.Lesson != nil }

// LessonStep returns the open lesson's current step, or nil.
func (s *State) LessonStep() *lesson.Step {
	if s.Lesson == nil || s.Step < 0 || s.Step >= len(s.Lesson.Steps) {
		return nil
	}
	return &s.Lesson.Steps[s.Step]
}

// findLesson returns the offered lesson with the given id, or nil.
func (s *State) findLesson(id string) *lesson.Lesson {
	for _, l := range s.Lessons {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// goStep shows step i of the open lesson (clamped to its steps): the
// screen the step's link opens on a fresh page.
func (s *State) goStep(i int) {
	l := s.Lesson
	s.Step = min(max(i, 0), len(l.Steps)-1)
	s.View, s.Region, s.Search, s.Scroll, s.Hover, s.Pinned, s.Focus = ViewOverview, -1, "", 0, -1, -1, ""
	s.full, s.splitMemo, s.P.Claim = false, 0, 0
	s.setScenario(scenario.Scenario{})
	s.RestoreFragment(l.Steps[s.Step].Link)
	s.dirty = true
}

// OpenLesson opens the offered lesson ID at step Step (from 0).
type OpenLesson struct {
	ID   string
	Step int
}

func (a OpenLesson) apply(s *State) {
	l := s.findLesson(a.ID)
	if l == nil {
		s.Msg = Message{Text: s.Lang.Tf(i18n.MsgNoLesson, a.ID), Err: true}
		return
	}
	if s.Mystery != nil {
		// Lessons are written for the data the mystery replaced.
		CloseMystery{}.apply(s)
	}
	s.Lesson = l
	s.goStep(a.Step)
	s.Msg = Message{}
}

// MoveLesson moves Delta steps in the open lesson (−1: back, +1: next).
type MoveLesson struct{ Delta int }

func (a MoveLesson) apply(s *State) {
	if s.Lesson != nil {
		s.goStep(s.Step + a.Delta)
	}
}

// CloseLesson closes the open lesson and keeps the screen as it is.
type CloseLesson struct{}

func (CloseLesson) apply(s *State) {
	s.Lesson, s.Step = nil, 0
	s.dirty = true
}

// lessonFragment adds the open lesson and its step to a link's values.
func (s *State) lessonFragment(v url.Values) {
	if s.Lesson != nil {
		v.Set("lesson", s.Lesson.ID)
		v.Set("step", strconv.Itoa(s.Step+1))
	}
}

// restoreLesson opens the lesson a link names, at its step; it reports
// whether the link named one that could be opened.
func (s *State) restoreLesson(v url.Values) bool {
	id := v.Get("lesson")
	if id == "" {
		return false
	}
	step := 1
	if n, err := strconv.Atoi(v.Get("step")); err == nil && n >= 1 {
		step = n
	}
	OpenLesson{ID: id, Step: step - 1}.apply(s)
	return s.Lesson != nil
}

// ToggleProjector turns projector mode on or off: large type, high
// contrast and the scenario controls on their own tab, for a classroom
// screen (see view.ProjectorZoom).
type ToggleProjector struct{}

func (ToggleProjector) apply(s *State) {
	s.Projector = !s.Projector
	s.dirty = true
}
