package app

import (
	"time"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// View is one of the visualizer's screens.
type View int

// The views, in tab order. ViewScenario is a tab of its own only on
// narrow screens; wide screens show the controls beside every view.
const (
	ViewOverview View = iota
	ViewScenario
	ViewRegions
	ViewUnits
	ViewUncertainty
	ViewForensics
	ViewMap
	numViews
)

var viewNames = [...]string{"overview", "scenario", "regions", "units", "uncertainty", "forensics", "map"}

// String returns the view's name as used in the URL fragment.
func (v View) String() string {
	if v < 0 || v >= numViews {
		return "overview"
	}
	return viewNames[v]
}

// Mode is how the missing units vote, as the controls offer it.
type Mode int

// The modes, in the order of the mode buttons. ModeCounted is the
// baseline: the counted units alone.
const (
	ModeCounted Mode = iota
	ModeLike
	ModeSplit
	ModeWorst
	ModeClaim
	numModes
)

// Params are the scenario controls, as they show the scenario on screen
// (State.Scenario); actions change the scenario, never Params directly.
// Their zero value is the baseline.
type Params struct {
	Mode Mode
	// Split is the runner-up's share of the missing votes, in [0,1], for
	// ModeSplit.
	Split float64
	// FullTurnout makes every registered voter in the missing units vote
	// (ModeLike and ModeSplit).
	FullTurnout bool
	// SwingPP moves points of the valid vote, in every counted unit, to
	// the counted leader (index 0) and to the runner-up (index 1).
	SwingPP [2]float64
	// TurnoutPct changes the votes of every counted unit by this many per
	// cent (−50 to +50).
	TurnoutPct float64
	// Claim indexes Tally.Claims for ModeClaim, or is −1 for a claim
	// that is not one of the data's (from a link).
	Claim int
}

// Limits of the controls.
const (
	SwingMax   = 20.0
	TurnoutMax = 50.0
)

// Message is a line shown to the user; Err marks a problem.
type Message struct {
	Text string
	Err  bool
}

// EffectKind names a side effect that needs the platform.
type EffectKind int

// The effects.
const (
	// EffectOpenURL opens Arg in a new tab or the system browser.
	EffectOpenURL EffectKind = iota
	// EffectCopy copies Arg to the clipboard.
	EffectCopy
	// EffectFragment writes Arg as the URL fragment.
	EffectFragment
	// EffectPickFile asks the platform for a file to load.
	EffectPickFile
	// EffectAddress replaces the page's address with Arg (a full
	// address on the page's own origin) without reloading the page or
	// adding a history entry.
	EffectAddress
	// EffectSave asks the platform to save the current view's chart and
	// numbers (SaveRequest); it answers with Saved.
	EffectSave
)

// Effect is a side effect queued by an action for the front end.
type Effect struct {
	Kind EffectKind
	Arg  string
}

// State is the root of the visualizer: data, scenario, screen state and
// the cached results. The zero value is not ready; use New.
type State struct {
	Lang i18n.Lang
	Data *Dataset
	// P shows the scenario on the controls (see Params).
	P    Params
	View View
	// Region is the region being looked at in the Regions view, -1 for
	// the whole tally.
	Region int
	// Search is the text typed in the Regions view's search field.
	Search string
	// Scroll is how far the main area is scrolled, in CSS pixels.
	Scroll int
	// Hover is the unit under the pointer in the Units view, or -1;
	// Pinned is the unit last tapped or clicked, or -1.
	Hover, Pinned int
	// MapKind is how the Map view draws (shapes or tiles); MapHover is
	// the row of Map.Data under the pointer, or −1, and MapPinned the
	// row last tapped, or −1. Map is the Map view's content, computed
	// by Update while the view is shown (see MapView).
	MapKind             MapKind
	MapHover, MapPinned int
	Map                 *MapView
	// mapMode is the Map view's colouring ("": Leader); mapStale says
	// that Map must be computed again; mapCache keeps its layout.
	mapMode  choropleth.Mode
	mapStale bool
	mapCache mapCache
	// Checks are the forensic checks of the Checks view, run when it is
	// first shown for the data (see Checks).
	Checks *Checks
	// Mystery is the open mystery election (see mystery.go), or nil;
	// Revealed says its settings are shown; home is the data it replaced.
	Mystery  *synth.Mystery
	Revealed bool
	home     *Dataset
	// Projector is projector mode (ToggleProjector).
	Projector bool
	// Lessons are the guided lessons on offer; Lesson is the open one
	// (nil: none) and Step its current step, from 0 (see lessons.go).
	Lessons []*lesson.Lesson
	Lesson  *lesson.Lesson
	Step    int
	// openWhenSheets is the unit whose sheet was asked for before the
	// links arrived (see AttachSheets), or -1.
	openWhenSheets int
	// Help shows the keys; Embed shows the embed code.
	Help, Embed bool
	// Focus names the control with keyboard focus ("" for none).
	Focus string
	// Msg is the status line.
	Msg Message
	// Origin is the page's address without its fragment, for links.
	Origin string
	// AddressData names the data the page's address opens (its data=
	// file, or the default); when other data is on screen (a file
	// opened in this browser), copying a link or an embed warns that the
	// link shows AddressData.
	AddressData string
	// CanSave says that the platform saves charts (the desktop): the
	// "Save chart" control and its key are shown.
	CanSave bool
	// Touch says that the reader uses a touch screen (the platform says
	// so, or a touch was seen): hints name taps and drags, not keys.
	Touch bool

	// Out is the current scenario's outcome (nil before Update).
	Out *Outcome
	// MC is the Monte Carlo run in progress or done.
	MC *MonteCarlo
	// Background, when set, is given each new simulation to run outside
	// the frames (the browser sets it; see MonteCarlo.Background); Update
	// then only watches its progress.
	Background func(*MonteCarlo)
	// mcSeen is the number of runs the last Update saw.
	mcSeen int

	engine *scenario.Engine
	// sc is the scenario on screen: every number comes from it.
	sc scenario.Scenario
	// extra says that sc holds settings no control shows; scString
	// caches its compact string (see ScenarioString).
	extra    bool
	scString string
	// full is the "100% turnout" box, and splitMemo the split slider's
	// last share, kept while another rule is chosen.
	full      bool
	splitMemo float64
	// mapping, read from a mapping file, applies to the next results
	// file loaded.
	mapping     *load.Mapping
	mappingName string
	mcTried     bool
	// saving is true from SaveView until Saved.
	saving  bool
	effects []Effect
	// dirty marks the outcome as stale; Version counts changes that need
	// a redraw.
	dirty   bool
	Version uint64
}

// New returns a state showing data in language lang, restoring the
// fragment when it is valid (a bad fragment is ignored with a message).
func New(data *Dataset, lang i18n.Lang, fragment string) *State {
	s := &State{Lang: lang, Region: -1, Hover: -1, Pinned: -1, MapHover: -1, MapPinned: -1, openWhenSheets: -1}
	s.setData(data)
	if fragment != "" {
		s.RestoreFragment(fragment)
	}
	s.dirty = true
	return s
}

func (s *State) setData(d *Dataset) {
	s.Data = d
	s.engine = nil
	if d != nil {
		if e, err := scenario.New(d.Tally); err == nil {
			s.engine = e
		}
	}
	s.P, s.sc, s.extra, s.scString, s.full, s.splitMemo = Params{}, scenario.Scenario{}, false, "", false, 0
	s.Region, s.Search, s.Scroll, s.Hover, s.Pinned, s.openWhenSheets = -1, "", 0, -1, -1, -1
	s.Map, s.MapHover, s.MapPinned, s.mapStale = nil, -1, -1, true
	s.stopMC()
	s.MC, s.mcTried = nil, false
	s.dirty = true
	s.Version++
}

// Effects returns and clears the queued side effects.
func (s *State) Effects() []Effect {
	e := s.effects
	s.effects = nil
	return e
}

func (s *State) effect(k EffectKind, arg string) { s.effects = append(s.effects, Effect{k, arg}) }

// Update recomputes what the last actions invalidated and, when the
// Uncertainty view is shown, advances the Monte Carlo runs for about
// budget of wall time (0: not at all). It reports whether anything
// visible changed.
func (s *State) Update(budget time.Duration) bool {
	changed := false
	if s.dirty {
		s.recompute()
		s.dirty = false
		changed = true
	}
	if s.View == ViewMap && s.Data != nil && (changed || s.mapStale || s.Map == nil) {
		// The map is coloured when it is looked at, and again at each
		// change of the scenario, the region or the colouring.
		s.Map = s.buildMap()
		s.mapStale = false
		changed = true
	}
	if s.View == ViewForensics && s.Data != nil && (s.Checks == nil || s.Checks.Data != s.Data) {
		// The checks run when they are first looked at, once per data.
		s.Checks = newChecks(s.Data)
		changed = true
	}
	if s.MC == nil && s.View == ViewUncertainty && !s.mcTried {
		// The simulation starts when it is looked at.
		s.MC = s.newMonteCarlo()
		s.mcTried = true
		s.mcSeen = 0
		changed = true
		if s.MC != nil && s.MC.Err == nil && s.Background != nil {
			s.Background(s.MC)
		}
	}
	if s.MC != nil && s.View == ViewUncertainty {
		if s.Background == nil && !s.MC.Done() && budget > 0 {
			s.MC.StepFor(budget)
		}
		if n := s.MC.Completed(); n != s.mcSeen {
			s.mcSeen = n
			changed = true
		}
	}
	if changed {
		s.Version++
	}
	return changed
}

func (s *State) recompute() {
	s.Out = s.project()
	s.stopMC()
	s.MC, s.mcTried = nil, false
	s.effect(EffectFragment, s.Fragment())
}

// stopMC ends the background runs of the simulation being replaced.
func (s *State) stopMC() {
	if s.MC != nil {
		s.MC.Stop()
	}
}
