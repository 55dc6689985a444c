package app

import (
	"time"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

// MCRuns is the number of Monte Carlo runs, and MCSeed their seed.
const (
	MCRuns = 2000
	MCSeed = 20240728
)

// MonteCarlo is the uncertainty simulation of package scenario, run in
// steps so that the interface never freezes: the missing units vote like
// their region, with correlated regional shocks and counted units
// resampled as noise (see scenario.MonteCarlo). Results depend only on
// the seed and the number of runs, not on the step sizes.
type MonteCarlo struct {
	Runs int
	// Lead and Run are the projected winner and runner-up that the
	// margins compare.
	Lead, Run int
	// LikeRegion is false when the scenario's own rule for the missing
	// units is not the one simulated (the view says so).
	LikeRegion bool
	// Err is why no simulation could be made, if so.
	Err error

	mc    *scenario.MonteCarlo
	res   scenario.MonteCarloResult
	resAt int
}

func (s *State) newMonteCarlo() *MonteCarlo {
	d, o := s.Data, s.Out
	if d == nil || o == nil || o.MissingUnits == 0 || s.engine == nil {
		return nil
	}
	own := s.Scenario().Missing
	m := &MonteCarlo{Runs: MCRuns, LikeRegion: own == scenario.MissingNone || own == scenario.MissingLikeRegion}
	mc, err := s.engine.NewMonteCarlo(s.monteCarloScenario())
	if err != nil {
		m.Err = err
		return m
	}
	m.mc = mc
	m.res = mc.Result()
	m.Lead, m.Run = m.res.A, m.res.B
	return m
}

// monteCarloScenario is the scenario the simulation runs: the controls'
// swing and turnout, the missing units voting like their region, MCRuns
// runs from MCSeed.
func (s *State) monteCarloScenario() scenario.Scenario {
	sc := s.Scenario()
	sc.Missing, sc.Split, sc.Claim = scenario.MissingLikeRegion, nil, nil
	if sc.Remaining == scenario.RemainingFull && !s.P.FullTurnout {
		sc.Remaining = scenario.RemainingAuto
	}
	sc.MonteCarlo = scenario.MonteCarloParams{Runs: MCRuns, Seed: MCSeed}
	return sc
}

// Done reports whether every run is finished (or none can be made).
func (m *MonteCarlo) Done() bool { return m.mc == nil || m.mc.Done() }

// Completed returns the number of finished runs.
func (m *MonteCarlo) Completed() int {
	if m.mc == nil {
		return 0
	}
	return m.mc.Completed()
}

// StepFor performs runs for about d of wall time, at least one.
func (m *MonteCarlo) StepFor(d time.Duration) {
	if m.Done() {
		return
	}
	start := time.Now()
	for !m.mc.Done() {
		m.mc.Step(1)
		if time.Since(start) >= d {
			break
		}
	}
}

// Step performs up to n more runs.
func (m *MonteCarlo) Step(n int) {
	if !m.Done() {
		m.mc.Step(n)
	}
}

func (m *MonteCarlo) result() scenario.MonteCarloResult {
	if m.mc != nil && m.resAt != m.mc.Completed() {
		m.res = m.mc.Result()
		m.resAt = m.mc.Completed()
	}
	return m.res
}

// WinProb returns candidate c's fraction of the finished runs won.
func (m *MonteCarlo) WinProb(c int) float64 {
	r := m.result()
	if c < 0 || c >= len(r.WinProb) {
		return 0
	}
	return r.WinProb[c]
}

// MarginsPP returns the finished runs' margins of Lead over Run in
// percentage points of the valid vote, sorted.
func (m *MonteCarlo) MarginsPP() []float64 { return m.result().Margins }

// Interval90 returns the 5% and 95% quantiles of the margins in points.
func (m *MonteCarlo) Interval90() (lo, hi float64, ok bool) {
	r := m.result()
	if len(r.MarginQ) != len(scenario.Quantiles) || r.Runs == 0 {
		return 0, 0, false
	}
	return r.MarginQ[0], r.MarginQ[len(r.MarginQ)-1], true
}

// Histogram counts the finished runs' margins (in points) in bins between
// lo and hi: the runs' range, padded, at least 1 point wide, and widened
// to include zero when zero is near.
func (m *MonteCarlo) Histogram(bins int) (counts []int, lo, hi float64) {
	counts = make([]int, bins)
	ms := m.MarginsPP()
	if len(ms) == 0 || bins <= 0 {
		return counts, 0, 1
	}
	lo, hi = ms[0], ms[len(ms)-1]
	if span := hi - lo; span < 1 {
		mid := (lo + hi) / 2
		lo, hi = mid-0.5, mid+0.5
	}
	pad := (hi - lo) * 0.1
	lo, hi = lo-pad, hi+pad
	if span := hi - lo; lo > 0 && lo < span {
		lo = 0
	} else if hi < 0 && -hi < span {
		hi = 0
	}
	for _, v := range ms {
		b := int((v - lo) / (hi - lo) * float64(bins))
		counts[min(max(b, 0), bins-1)]++
	}
	return counts, lo, hi
}
