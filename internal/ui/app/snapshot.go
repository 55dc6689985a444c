package app

import "encoding/json"

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
	// Controls are the current view's controls in CSS pixels from the
	// canvas' top-left; the front end fills them in.
	Controls []SnapControl `json:"controls,omitempty"`
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
// Rows counts the units as stored (37 states for the default data).
type SnapData struct {
	Name  string `json:"name"`
	Units int64  `json:"units"`
	Rows  int    `json:"rows"`
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
	BreakEven   float64    `json:"break_even"`
}

// SnapMonteCarlo is the Monte Carlo progress.
type SnapMonteCarlo struct {
	Done    int     `json:"done"`
	Runs    int     `json:"runs"`
	WinProb float64 `json:"win_prob"`
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
	if s.Data == nil {
		return sn
	}
	d := s.Data
	sn.Data = SnapData{Name: d.Name, Units: d.Units(), Rows: len(d.Tally.Units)}
	sn.Leader = d.Tally.Candidates[d.Leader].ID
	sn.National = cands(s, d.Agg.Nation.Votes)
	if f, ok := d.Agg.Nation.Coverage().UnitsFraction(); ok {
		sn.CoverageUnits = f
	}
	p := s.P
	sn.Scenario = SnapScenario{Mode: p.Mode.String(), Split: p.Split, FullTurnout: p.FullTurnout, SwingPP: p.SwingPP, TurnoutPct: p.TurnoutPct, Claim: p.Claim}
	if o := s.Out; o != nil {
		sn.Projected = cands(s, o.Total)
		sn.ProjLeader = d.Tally.Candidates[o.Leader].ID
		sn.Possible = o.Possible()
		if o.BreakEvenOK {
			sn.Scenario.BreakEven = o.BreakEven
		} else {
			sn.Scenario.BreakEven = -1
		}
	}
	if m := s.MC; m != nil && m.Err == nil {
		sn.MonteCarlo = &SnapMonteCarlo{Done: m.Completed(), Runs: m.Runs, WinProb: m.WinProb(m.Lead)}
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
