package app

import (
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// SaveRequest is what the desktop's "Save chart" saves: the chart of the
// current view, drawn from the data and scenario on screen, in the
// current language. The front end hands it to the program's save hook,
// which draws and writes the files (the model draws nothing).
type SaveRequest struct {
	// View is the view shown ("overview", "scenario", "regions",
	// "units", "uncertainty"); on a wide screen the scenario controls sit
	// beside the other views, so "scenario" comes only from its tab.
	View string
	// DataName is the data's file name, to name the files after.
	DataName string
	Tally    *sim.Tally
	// Scenario is the scenario on screen (State.Scenario); for the
	// Uncertainty view, the simulation the view runs (MCRuns runs from
	// MCSeed).
	Scenario scenario.Scenario
	Lang     i18n.Lang
	// Level is the level of the regions the Regions view lists ("state",
	// "municipality"), or the level the Map view draws; empty for the
	// outermost.
	Level string
	// Map is the Map view's boundaries, joined (nil on other views, or
	// when the map cannot be drawn); MapMode its colouring, Cartogram
	// and Sized its kind.
	Map              *choropleth.Geometry
	MapMode          choropleth.Mode
	Cartogram, Sized bool
}

// SaveRequest describes the current view for the save hook.
func (s *State) SaveRequest() SaveRequest {
	r := SaveRequest{View: s.View.String(), Lang: s.Lang}
	if s.Data == nil {
		return r
	}
	t := s.Data.Tally
	r.DataName, r.Tally = s.Data.Name, t
	r.Scenario = s.Scenario()
	switch s.View {
	case ViewUncertainty:
		r.Scenario = s.monteCarloScenario()
	case ViewMap:
		if m := s.Map; m != nil && m.Geometry != nil && m.Data != nil {
			r.Map, r.Level, r.MapMode = m.Geometry, m.Level, s.MapMode()
			r.Cartogram, r.Sized = s.MapKind != MapShapes, s.MapKind == MapTilesSized
		}
	case ViewRegions:
		lvl := 0
		if s.Region >= 0 && s.Region < len(t.Regions) {
			lvl = t.Regions[s.Region].Level + 1
		}
		if lvl < len(t.Levels) {
			r.Level = t.Levels[lvl]
		} else if len(t.Levels) > 0 {
			r.Level = t.Levels[len(t.Levels)-1]
		}
	}
	return r
}

// SaveView saves the current view's chart and its numbers, when the
// platform can (CanSave).
type SaveView struct{}

func (SaveView) apply(s *State) {
	if !s.CanSave || s.Data == nil || s.saving {
		return
	}
	s.saving = true
	s.effect(EffectSave, s.View.String())
	s.Msg = Message{Text: s.Lang.T(i18n.MsgSaving)}
}

// Saved reports the end of a save: the files' path without its extension
// (Base.png and Base.csv), or why nothing was saved.
type Saved struct {
	Base string
	Err  error
}

func (a Saved) apply(s *State) {
	s.saving = false
	l := s.Lang
	if a.Err != nil {
		s.Msg = Message{Text: l.Tf(i18n.MsgSaveFailed, l.Error(a.Err)), Err: true}
		return
	}
	s.Msg = Message{Text: l.Tf(i18n.MsgSaved, a.Base+".png", a.Base+".csv")}
}
