package app

import (
	"math"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// Action is one thing the user asked for. The front end turns raw input
// into actions in one place; State.Apply is the only way they change the
// state.
type Action interface{ apply(s *State) }

// Apply performs a and marks what must be recomputed or redrawn.
func (s *State) Apply(a Action) {
	if a == nil {
		return
	}
	a.apply(s)
	s.Version++
}

// SetView switches the screen.
type SetView struct{ View View }

func (a SetView) apply(s *State) {
	if a.View >= 0 && a.View < numViews {
		s.View = a.View
		s.Scroll = 0
		if a.View == ViewMap {
			s.mapStale = true
		}
	}
}

// SetLang switches the language.
type SetLang struct{ Lang i18n.Lang }

func (a SetLang) apply(s *State) {
	s.Lang = a.Lang
	s.langChanged()
}

// ToggleLang switches to the other language.
type ToggleLang struct{}

func (ToggleLang) apply(s *State) {
	if s.Lang == i18n.ES {
		s.Lang = i18n.EN
	} else {
		s.Lang = i18n.ES
	}
	s.langChanged()
}

// langChanged makes the page's address say the new language, so that a
// reload or a link copied from the address bar keeps it.
func (s *State) langChanged() {
	s.nameMysteryCandidates()
	if s.Origin != "" {
		s.effect(EffectAddress, s.Link())
	}
}

// SetMode chooses how the missing units vote.
type SetMode struct{ Mode Mode }

func (a SetMode) apply(s *State) {
	if a.Mode < 0 || a.Mode >= numModes || a.Mode == s.P.Mode {
		return
	}
	s.setScenario(s.withMode(a.Mode))
}

// SetSplit sets the runner-up's share of the missing votes, taken from
// the leader while the other candidates keep their counted share (and
// selects the split rule).
type SetSplit struct{ Share float64 }

func (a SetSplit) apply(s *State) {
	v := clamp(roundTo(a.Share, 0.001), 0, 1)
	if v == s.P.Split && s.P.Mode == ModeSplit {
		return
	}
	s.splitMemo = v
	s.setScenario(s.withMode(ModeSplit))
}

// SetFullTurnout makes every registered voter of the missing units vote
// (except under a claim, whose own total counts).
type SetFullTurnout struct{ On bool }

func (a SetFullTurnout) apply(s *State) {
	if s.full == a.On {
		return
	}
	s.full = a.On
	sc := s.sc
	sc.Remaining = s.remainingFor(sc.Missing)
	s.setScenario(sc)
}

// SetSwing sets the swing, in points, to the counted leader (Which 0) or
// runner-up (Which 1), in every counted unit.
type SetSwing struct {
	Which int
	PP    float64
}

func (a SetSwing) apply(s *State) {
	if a.Which < 0 || a.Which > 1 {
		return
	}
	v := clamp(roundTo(a.PP, 0.1), -SwingMax, SwingMax)
	if v != s.P.SwingPP[a.Which] {
		s.setScenario(s.withSwing(a.Which, v))
	}
}

// SetTurnoutChange changes the counted units' votes by Pct per cent.
type SetTurnoutChange struct{ Pct float64 }

func (a SetTurnoutChange) apply(s *State) {
	v := clamp(roundTo(a.Pct, 0.5), -TurnoutMax, TurnoutMax)
	if v != s.P.TurnoutPct {
		s.setScenario(s.withTurnout(v))
	}
}

// SetClaim chooses the claim for the claim rule (and selects the rule).
type SetClaim struct{ Index int }

func (a SetClaim) apply(s *State) {
	n := len(s.Data.Tally.Claims)
	if n == 0 {
		return
	}
	s.P.Claim = ((a.Index % n) + n) % n
	s.setScenario(s.withMode(ModeClaim))
}

// ResetScenario goes back to the baseline, clearing whatever a link set.
type ResetScenario struct{}

func (ResetScenario) apply(s *State) {
	if s.P != (Params{}) || !s.sc.IsBaseline() || s.extra || s.full {
		s.full, s.splitMemo, s.P.Claim = false, 0, 0
		s.setScenario(scenario.Scenario{})
	}
}

// DrillDown looks at region r (−1: the whole tally) in the Regions view.
type DrillDown struct{ Region int }

func (a DrillDown) apply(s *State) {
	if a.Region < -1 || a.Region >= len(s.Data.Tally.Regions) {
		return
	}
	s.Region = a.Region
	s.Search = ""
	s.Scroll = 0
	if s.View == ViewMap {
		// The map drills down as the Regions view does, and stays.
		s.MapHover, s.MapPinned, s.mapStale = -1, -1, true
	} else {
		s.View = ViewRegions
	}
	s.effect(EffectFragment, s.Fragment())
}

// DrillUp goes up one level in the Regions view.
type DrillUp struct{}

func (DrillUp) apply(s *State) {
	if s.Region >= 0 {
		DrillDown{Region: s.Data.Tally.Regions[s.Region].Parent}.apply(s)
	}
}

// TypeSearch appends text to the search field; Backspace removes a rune.
type TypeSearch struct {
	Text      string
	Backspace bool
}

func (a TypeSearch) apply(s *State) {
	if a.Backspace {
		r := []rune(s.Search)
		if len(r) > 0 {
			s.Search = string(r[:len(r)-1])
		}
	} else {
		s.Search += strings.Map(func(r rune) rune {
			if r < ' ' {
				return -1
			}
			return r
		}, a.Text)
		if len([]rune(s.Search)) > 40 {
			s.Search = string([]rune(s.Search)[:40])
		}
	}
	s.Scroll = 0
}

// Scroll moves the main area by DP CSS pixels, staying within [0, Max].
type Scroll struct{ DP, Max int }

func (a Scroll) apply(s *State) { s.Scroll = min(max(0, s.Scroll+a.DP), max(a.Max, 0)) }

// HoverUnit shows unit U (−1: none) under the pointer.
type HoverUnit struct{ Unit int }

func (a HoverUnit) apply(s *State) { s.Hover = a.Unit }

// PinUnit keeps unit U (−1: none) shown after a tap or a click.
type PinUnit struct{ Unit int }

func (a PinUnit) apply(s *State) { s.Pinned = a.Unit }

// OpenSource opens the source link (the tally sheet's scan) of unit U.
type OpenSource struct{ Unit int }

func (a OpenSource) apply(s *State) {
	if a.Unit < 0 || a.Unit >= len(s.Data.Tally.Units) {
		return
	}
	if src := s.Data.Tally.Units[a.Unit].Source; safeURL(src) {
		s.effect(EffectOpenURL, src)
	} else if src == "" && s.Data.SheetsPending {
		// Opened when the links arrive (AttachSheets).
		s.openWhenSheets = a.Unit
	}
}

// WantsSheets reports whether the data on screen keeps its sheet links
// apart (Dataset.SheetsPending) and the view can offer one: the Units
// view, or the Regions view below the whole country, whose rows end in
// tables. The platform then fetches them and applies AttachSheets.
func (s *State) WantsSheets() bool {
	if s.Data == nil || !s.Data.SheetsPending {
		return false
	}
	return s.View == ViewUnits || (s.View == ViewRegions && s.Region >= 0) || s.openWhenSheets >= 0
}

// AttachSheets reads the sheet links of Data (a file written by
// tallybin.MarshalSources) into its units, or reports Err, or a file
// that does not fit, on the status line. A sheet asked for while they
// were on their way opens now.
type AttachSheets struct {
	Data *Dataset
	B    []byte
	Err  error
}

func (a AttachSheets) apply(s *State) {
	d := a.Data
	if d == nil || !d.SheetsPending {
		return
	}
	d.SheetsPending = false
	err := a.Err
	if err == nil {
		err = tallybin.AttachSources(d.Tally, a.B)
	}
	if d != s.Data {
		return
	}
	u := s.openWhenSheets
	s.openWhenSheets = -1
	if err != nil {
		s.Msg = Message{Text: s.Lang.Tf(i18n.MsgSheetsFailed, s.Lang.Error(err)), Err: true}
		return
	}
	if u >= 0 {
		OpenSource{Unit: u}.apply(s)
	}
}

func safeURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// CopyLink copies a link to the current state.
type CopyLink struct{}

func (CopyLink) apply(s *State) {
	s.effect(EffectCopy, s.Link())
	s.Msg = Message{Text: s.Lang.T(i18n.MsgCopied)}
	s.warnLocal()
}

// warnLocal replaces the message with a warning when the data on screen
// is not the data the address opens (a file opened or dropped in this
// browser): a link or an embed shows the address's data instead.
func (s *State) warnLocal() {
	if s.Data == nil || s.AddressData == "" || s.Data.Name == s.AddressData || s.Mystery != nil {
		// A mystery election is made from its link.
		return
	}
	s.Msg = Message{Text: s.Lang.Tf(i18n.MsgLinkLocal, s.Data.Name, s.AddressData), Err: true}
}

// ShowEmbed shows the embed code and copies it.
type ShowEmbed struct{ On bool }

func (a ShowEmbed) apply(s *State) {
	s.Embed = a.On
	if a.On {
		s.effect(EffectCopy, s.EmbedCode())
		s.Msg = Message{Text: s.Lang.T(i18n.MsgEmbedCopy)}
		s.warnLocal()
	}
}

// ToggleHelp shows or hides the list of keys.
type ToggleHelp struct{}

func (ToggleHelp) apply(s *State) { s.Help = !s.Help }

// CloseOverlays hides the help and the embed code.
type CloseOverlays struct{}

func (CloseOverlays) apply(s *State) { s.Help, s.Embed = false, false }

// PickFile asks the platform for a file to open.
type PickFile struct{}

func (PickFile) apply(s *State) { s.effect(EffectPickFile, "") }

// LoadFile replaces the data with a file's content. A file that does not
// load leaves the data as it was and says why.
type LoadFile struct {
	Name string
	Data []byte
	// Err is a problem met while getting the file (a failed download).
	Err error
}

func (a LoadFile) apply(s *State) {
	l := s.Lang
	if a.Err != nil {
		s.Msg = Message{Text: l.Tf(i18n.MsgBadFile, a.Name, l.Error(a.Err)), Err: true}
		return
	}
	// A boundaries file is the map of the data on screen.
	if IsGeometry(a.Data) {
		LoadGeo{File: GeoFile{Name: a.Name, Data: a.Data}}.apply(s)
		return
	}
	// A mapping file is kept for the results file that follows.
	if m := ReadMapping(a.Data, a.Name); m != nil {
		s.mapping, s.mappingName = m, a.Name
		s.Msg = Message{Text: l.Tf(i18n.MsgMapping, a.Name)}
		return
	}
	d, err := LoadWith(a.Data, a.Name, s.mapping)
	if err != nil {
		s.Msg = Message{Text: l.Tf(i18n.MsgBadFile, a.Name, loadErrorText(l, err)), Err: true}
		return
	}
	s.setData(d)
	s.Msg = Message{Text: l.TUf(i18n.MsgLoaded, i18n.UnitsFor(d.Tally.UnitLevel), a.Name, l.Int(d.Units()))}
	if s.mapping != nil {
		s.Msg.Text += " " + l.Tf(i18n.MsgMappingUsed, s.mappingName)
		s.mapping, s.mappingName = nil, ""
	}
}

// LoadFiles loads several files chosen or dropped together: mapping files
// first, so that a mapping and the results file it describes can be
// dropped at once.
type LoadFiles []LoadFile

func (fs LoadFiles) apply(s *State) {
	var data []LoadFile
	var geos []LoadFile
	for _, f := range fs {
		switch {
		case f.Err == nil && ReadMapping(f.Data, f.Name) != nil:
			f.apply(s)
		case f.Err == nil && IsGeometry(f.Data):
			geos = append(geos, f)
		default:
			data = append(data, f)
		}
	}
	// Boundaries dropped with the results file are its map.
	for _, f := range append(data, geos...) {
		f.apply(s)
	}
}

// SetTouch says whether the reader uses a touch screen (see State.Touch).
type SetTouch struct{ On bool }

func (a SetTouch) apply(s *State) { s.Touch = a.On }

// SetFocus gives keyboard focus to the control named ID.
type SetFocus struct{ ID string }

func (a SetFocus) apply(s *State) { s.Focus = a.ID }

// Batch applies several actions in order.
type Batch []Action

func (b Batch) apply(s *State) {
	for _, a := range b {
		if a != nil {
			a.apply(s)
		}
	}
}

func clamp(v, lo, hi float64) float64 { return math.Min(hi, math.Max(lo, v)) }

func roundTo(v, step float64) float64 { return math.Round(v/step) * step }
