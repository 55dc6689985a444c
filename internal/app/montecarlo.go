package app

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// MCRuns is the number of Monte Carlo runs, and MCSeed their seed.
const (
	MCRuns = 2000
	MCSeed = 20240728
)

// MonteCarlo is the uncertainty simulation of package scenario, run in
// steps so that the interface never freezes: the calibrated projection of
// the missing units (see scenario.MonteCarlo and its Model sentence).
// Results depend only on the seed and the number of runs, not on the step
// sizes. Nothing may be stated before scenario.MinRuns runs: Statement
// says what can be.
type MonteCarlo struct {
	Runs int
	// Turnout is true when the model predicts each missing unit's
	// turnout (the data has registered voters), false when it predicts
	// its number of votes; the view words the model accordingly.
	Turnout bool
	// Lead and Run are the projected winner and runner-up that the
	// margins compare.
	Lead, Run int
	// LikeRegion is false when the scenario's own rule for the missing
	// units is not the one simulated (the view says so).
	LikeRegion bool
	// Err is why no simulation could be made, if so.
	Err error

	// Timing, for the test hook (Timing).
	created  time.Time
	setup    time.Duration
	elapsed  time.Duration
	maxStep  time.Duration
	lastStep time.Duration
	sumStep  time.Duration
	steps    int

	// mu guards mc and the timing, which a background stepper (see
	// Background) changes while the interface reads them.
	mu    sync.Mutex
	stop  atomic.Bool
	mc    *scenario.MonteCarlo
	res   scenario.MonteCarloResult
	resAt int
}

// MCTiming is how long the simulation took, for the test hook and
// BENCHMARKS.md: Setup is the preparation (scenario.Engine.NewMonteCarlo,
// in the frame that opened the view), Elapsed the wall time from the start
// of the preparation to the last run (to now while running), MaxStep,
// LastStep and SumStep the longest, the latest and all StepFor calls
// together, Steps their number.
type MCTiming struct {
	Setup, Elapsed, MaxStep, LastStep, SumStep time.Duration
	Steps                                      int
}

// Timing returns the simulation's timing so far.
func (m *MonteCarlo) Timing() MCTiming {
	m.mu.Lock()
	defer m.mu.Unlock()
	el := m.elapsed
	if !m.done() && !m.created.IsZero() {
		el = time.Since(m.created)
	}
	return MCTiming{Setup: m.setup, Elapsed: el, MaxStep: m.maxStep, LastStep: m.lastStep, SumStep: m.sumStep, Steps: m.steps}
}

func (s *State) newMonteCarlo() *MonteCarlo {
	d, o := s.Data, s.Out
	if d == nil || o == nil || o.MissingUnits == 0 || s.engine == nil {
		return nil
	}
	own := s.Scenario().Missing
	m := &MonteCarlo{Runs: MCRuns, LikeRegion: own == scenario.MissingNone || own == scenario.MissingLikeRegion, Turnout: hasRegistered(d.Tally)}
	m.created = time.Now()
	mc, err := s.engine.NewMonteCarlo(s.monteCarloScenario())
	m.setup = time.Since(m.created)
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
	sc.Remaining = s.remainingFor(sc.Missing)
	sc.MonteCarlo = scenario.MonteCarloParams{Runs: MCRuns, Seed: MCSeed}
	return sc
}

// hasRegistered reports whether some unit of t has its registered voters:
// the calibrated model then predicts turnout (scenario.Engine's rule).
func hasRegistered(t *sim.Tally) bool {
	for i := range t.Units {
		if t.Units[i].Registered != sim.Unknown {
			return true
		}
	}
	return false
}

// Done reports whether every run is finished (or none can be made).
func (m *MonteCarlo) Done() bool {
	if m.mc == nil {
		return true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.mc.Done()
}

// Completed returns the number of finished runs.
func (m *MonteCarlo) Completed() int {
	if m.mc == nil {
		return 0
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.mc.Completed()
}

// StepFor performs runs for about d of wall time, at least one.
func (m *MonteCarlo) StepFor(d time.Duration) {
	if m.mc == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.stepFor(d)
}

// Background makes the runs in slices of about chunk of wall time,
// calling pause between them, until every run is made or Stop is called.
// In the browser, pause gives the page back to the browser (a short
// sleep): the runs then fill the time between frames instead of taking
// it from them, and input stays live. It is meant to run on its own
// goroutine; the interface reads the results meanwhile.
func (m *MonteCarlo) Background(chunk time.Duration, pause func()) {
	for m.mc != nil && !m.stop.Load() {
		m.mu.Lock()
		m.stepFor(chunk)
		done := m.mc.Done()
		m.mu.Unlock()
		if done {
			return
		}
		pause()
	}
}

// Stop ends a Background stepper (the simulation was replaced).
func (m *MonteCarlo) Stop() { m.stop.Store(true) }

func (m *MonteCarlo) done() bool { return m.mc == nil || m.mc.Done() }

func (m *MonteCarlo) stepFor(d time.Duration) {
	if m.done() {
		return
	}
	start := time.Now()
	for !m.mc.Done() {
		m.mc.Step(1)
		if time.Since(start) >= d {
			break
		}
	}
	m.lastStep = time.Since(start)
	m.maxStep = max(m.maxStep, m.lastStep)
	m.sumStep += m.lastStep
	m.steps++
	if m.mc.Done() {
		m.elapsed = time.Since(m.created)
	}
}

// Step performs up to n more runs.
func (m *MonteCarlo) Step(n int) {
	if m.mc == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.mc.Done() {
		m.mc.Step(n)
	}
}

func (m *MonteCarlo) result() scenario.MonteCarloResult {
	if m.mc == nil {
		return m.res
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.resAt != m.mc.Completed() {
		m.res = m.mc.Result()
		m.resAt = m.mc.Completed()
	}
	return m.res
}

// Statement returns what can honestly be said of candidate c's chance
// after the finished runs (scenario.WinTooFew before scenario.MinRuns).
func (m *MonteCarlo) Statement(c int) scenario.WinStatement {
	r := m.result()
	return r.Statement(c)
}

// Stated reports whether enough runs are finished for the view to show a
// probability, an interval or a histogram (scenario.MinRuns).
func (m *MonteCarlo) Stated() bool {
	return m.Completed() >= scenario.MinRuns
}

// ModelText describes the simulated model in one sentence, in language l
// naming the units u.
func (m *MonteCarlo) ModelText(l i18n.Lang, u i18n.Units) string {
	if m.mc != nil && m.mc.ModelNote().Code == "model.uncalibrated" {
		return l.TU(i18n.McModelTotals, u)
	}
	if m.Turnout {
		return l.TU(i18n.McModel, u)
	}
	return l.TU(i18n.McModelVolume, u)
}

// ProgressText says how many runs are finished: "Simulating: 123 of
// 2,000 runs".
func (m *MonteCarlo) ProgressText(l i18n.Lang) string {
	return l.Tf(i18n.McProgress, l.Int(int64(m.Completed())), l.Int(int64(m.Runs)))
}

// WinText states in language l that the candidate called name wins as s
// says: "in all 2,000 runs", "in more than 99.9% of 2,000 runs", "in 97.3%
// ± 0.4 of 2,000 runs (± Monte Carlo error)", never "100.0%". Before
// scenario.MinRuns runs (scenario.WinTooFew) it returns "".
func WinText(l i18n.Lang, name string, s scenario.WinStatement) string {
	n := l.Int(int64(s.Runs))
	switch s.Kind {
	case scenario.WinAll:
		return l.Tf(i18n.McWinAll, name, n)
	case scenario.WinNone:
		return l.Tf(i18n.McWinNone, name, n)
	case scenario.WinAbove:
		return l.Tf(i18n.McWinAbove, name, l.Percent(0.999, 1), n)
	case scenario.WinBelow:
		return l.Tf(i18n.McWinBelow, name, l.Percent(0.001, 1), n)
	case scenario.WinShare:
		return l.Tf(i18n.McWinShare, name, l.Percent(s.P, 1), l.Float(100*s.SE, 1), n)
	}
	return ""
}

// WinKindName names a statement's kind for the test hook: "too_few",
// "all", "none", "above", "below" or "share".
func WinKindName(k scenario.WinKind) string {
	switch k {
	case scenario.WinAll:
		return "all"
	case scenario.WinNone:
		return "none"
	case scenario.WinAbove:
		return "above"
	case scenario.WinBelow:
		return "below"
	case scenario.WinShare:
		return "share"
	}
	return "too_few"
}

// WinProb returns candidate c's fraction of the finished runs won, for
// tests; the view states it with Statement and WinText.
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

// Interval90 returns the 5% and 95% quantiles of the margins in points,
// ok false before Stated.
func (m *MonteCarlo) Interval90() (lo, hi float64, ok bool) {
	r := m.result()
	if len(r.MarginQ) != len(scenario.Quantiles) || r.Runs == 0 || !m.Stated() {
		return 0, 0, false
	}
	return r.MarginQ[0], r.MarginQ[len(r.MarginQ)-1], true
}

// Histogram returns the finished runs' margins (in points) in the bins
// of scenario.NewHistogram: the bins of MonteCarloResult.Histogram, which
// the saved chart draws too.
func (m *MonteCarlo) Histogram() scenario.Histogram { return m.result().Histogram }
