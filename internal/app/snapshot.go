package app

import (
	"encoding/json"
	"time"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

// Snapshot is what the browser test hook (window.tallyscope.state())
// returns, as JSON.
type Snapshot struct {
	Ready         bool            `json:"ready"`
	Frames        int64           `json:"frames"`
	Lang          string          `json:"lang"`
	Data          SnapData        `json:"data"`
	Fragment      string          `json:"fragment"`
	View          string          `json:"view"`
	Leader        string          `json:"leader"`
	National      []SnapCand      `json:"national"`
	CoverageUnits float64         `json:"coverage_units"`
	Scenario      SnapScenario    `json:"scenario"`
	Projected     []SnapCand      `json:"projected"`
	ProjLeader    string          `json:"projected_leader"`
	Possible      bool            `json:"possible"`
	Focus         string          `json:"focus"`
	Message       string          `json:"message"`
	MonteCarlo    *SnapMonteCarlo `json:"montecarlo,omitempty"`
	// Map is the Map view while it is shown (see SnapMap).
	Map *SnapMap `json:"map,omitempty"`
	// Lesson is the open lesson and its step (from 1), or nil.
	Lesson *SnapLesson `json:"lesson,omitempty"`
	// Controls are the current view's controls in CSS pixels from the
	// canvas' top-left; the front end fills them in.
	Controls []SnapControl `json:"controls,omitempty"`
}

// SnapLesson is the open lesson: its id, the step on screen (from 1),
// how many steps it has, and the control the step points at.
type SnapLesson struct {
	ID        string `json:"id"`
	Step      int    `json:"step"`
	Steps     int    `json:"steps"`
	Highlight string `json:"highlight,omitempty"`
}

// SnapControl is one control's place on screen.
type SnapControl struct {
	ID     string  `json:"id"`
	Slider bool    `json:"slider,omitempty"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	W      float64 `json:"w"`
	H      float64 `json:"h"`
}

// SnapData names the loaded data. Units counts the reporting units the
// data stands for (Dataset.Units: 25,073 tables for the default data);
// Rows counts the units as stored (the same for data with a row per
// table, fewer for data summed per region); Points counts the units the
// Tables view places (those with votes, and with registered voters when
// the data has any).
type SnapData struct {
	Name   string `json:"name"`
	Units  int64  `json:"units"`
	Rows   int    `json:"rows"`
	Points int    `json:"points"`
}

// SnapCand is one candidate's votes and share of valid votes.
type SnapCand struct {
	ID    string  `json:"id"`
	Votes int64   `json:"votes"`
	Share float64 `json:"share"`
}

// SnapScenario is the scenario controls.
type SnapScenario struct {
	Mode        string     `json:"mode"`
	Split       float64    `json:"split"`
	FullTurnout bool       `json:"full_turnout"`
	SwingPP     [2]float64 `json:"swing_pp"`
	TurnoutPct  float64    `json:"turnout_pct"`
	Claim       int        `json:"claim"`
	// BreakEven is package scenario's break-even share for the scenario
	// (what "tallyscope breakeven --scenario String" prints), −1 when it
	// has none; Marked says the split slider marks it.
	BreakEven float64 `json:"break_even"`
	Marked    bool    `json:"break_even_marked"`
	// String is the scenario's compact string, as in the fragment's "s".
	String string `json:"string,omitempty"`
}

// SnapMonteCarlo is the Monte Carlo progress and what the Uncertainty view
// states about the projected leader.
type SnapMonteCarlo struct {
	Done int `json:"done"`
	Runs int `json:"runs"`
	// MinRuns is the number of finished runs before which nothing is
	// stated (scenario.MinRuns).
	MinRuns int `json:"min_runs"`
	// Lead is the projected leader's ID; WinProb its raw fraction of the
	// finished runs won, which the view never shows as such.
	Lead    string  `json:"lead"`
	WinProb float64 `json:"win_prob"`
	// Kind is how the leader's chance is stated (scenario.WinStatement):
	// "too_few", "all", "none", "above", "below" or "share"; Wins the
	// runs it won and SE the Monte Carlo standard error of WinProb.
	Kind string  `json:"kind"`
	Wins int64   `json:"wins"`
	SE   float64 `json:"se"`
	// Text is the statement as the view words it in the app's language,
	// naming the leader by ID ("EG wins in all 2,000 runs"), or the
	// progress line before MinRuns ("Simulating: 123 of 2,000 runs").
	Text string `json:"text"`
	// Timing in milliseconds (MonteCarlo.Timing): the preparation, the
	// wall time from the preparation's start to the last run (to now while
	// running), the longest, the latest and all steps together, and the
	// number of steps.
	SetupMS    float64 `json:"setup_ms"`
	ElapsedMS  float64 `json:"elapsed_ms"`
	MaxStepMS  float64 `json:"max_step_ms"`
	LastStepMS float64 `json:"last_step_ms"`
	SumStepMS  float64 `json:"sum_step_ms"`
	Steps      int     `json:"steps"`
}

func cands(s *State, v []int64) []SnapCand {
	var sum int64
	for _, x := range v {
		sum += x
	}
	out := make([]SnapCand, len(v))
	for c, x := range v {
		sh := 0.0
		if sum > 0 {
			sh = float64(x) / float64(sum)
		}
		out[c] = SnapCand{ID: s.Data.Tally.Candidates[c].ID, Votes: x, Share: sh}
	}
	return out
}

// Snapshot describes the state for tests. ready and frames come from the
// front end.
func (s *State) Snapshot(ready bool, frames int64) Snapshot {
	sn := Snapshot{Ready: ready, Frames: frames, Lang: s.Lang.Code(), Fragment: s.Fragment(), View: s.View.String(), Focus: s.Focus, Message: s.Msg.Text}
	if st := s.LessonStep(); st != nil {
		sn.Lesson = &SnapLesson{ID: s.Lesson.ID, Step: s.Step + 1, Steps: len(s.Lesson.Steps), Highlight: st.Highlight}
	}
	if s.Data == nil {
		return sn
	}
	d := s.Data
	sn.Map = s.snapMap()
	sn.Data = SnapData{Name: d.Name, Units: d.Units(), Rows: len(d.Tally.Units), Points: len(d.Points)}
	sn.Leader = d.Tally.Candidates[d.Leader].ID
	sn.National = cands(s, d.Agg.Nation.Votes)
	if f, ok := d.Agg.Nation.Coverage().UnitsFraction(); ok {
		sn.CoverageUnits = f
	}
	p := s.P
	sn.Scenario = SnapScenario{Mode: p.Mode.String(), Split: p.Split, FullTurnout: p.FullTurnout, SwingPP: p.SwingPP, TurnoutPct: p.TurnoutPct, Claim: p.Claim,
		BreakEven: -1, String: s.ScenarioString()}
	if o := s.Out; o != nil {
		sn.Projected = cands(s, o.Total)
		sn.ProjLeader = d.Tally.Candidates[o.Leader].ID
		sn.Possible = o.Possible()
		if o.BE != nil {
			sn.Scenario.BreakEven = o.BreakEven
		}
		sn.Scenario.Marked = o.BreakEvenOK
	}
	if m := s.MC; m != nil && m.Err == nil && m.Lead >= 0 && m.Lead < len(d.Tally.Candidates) {
		st := m.Statement(m.Lead)
		lead := d.Tally.Candidates[m.Lead].ID
		sn.MonteCarlo = &SnapMonteCarlo{Done: m.Completed(), Runs: m.Runs, MinRuns: scenario.MinRuns, Lead: lead, WinProb: m.WinProb(m.Lead),
			Kind: WinKindName(st.Kind), Wins: st.Wins, SE: st.SE, Text: WinText(s.Lang, lead, st)}
		if st.Kind == scenario.WinTooFew {
			sn.MonteCarlo.Text = m.ProgressText(s.Lang)
		}
		tm := m.Timing()
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		sn.MonteCarlo.SetupMS, sn.MonteCarlo.ElapsedMS, sn.MonteCarlo.MaxStepMS, sn.MonteCarlo.LastStepMS = ms(tm.Setup), ms(tm.Elapsed), ms(tm.MaxStep), ms(tm.LastStep)
		sn.MonteCarlo.SumStepMS, sn.MonteCarlo.Steps = ms(tm.SumStep), tm.Steps
	}
	return sn
}

// JSON returns the snapshot as a JSON string.
func (sn Snapshot) JSON() string {
	b, err := json.Marshal(sn)
	if err != nil {
		return `{"ready":false,"message":"snapshot failed"}`
	}
	return string(b)
}
