package scenario

import (
	"github.com/tallyscope/tallyscope/sim"

	"fmt"
	"reflect"
	"slices"
)

// MonteCarlo simulates the missing units many times. Each run draws:
//
//   - a shock shared by every region (NationalSigma) and one shared by all
//     missing units of a region at the shock level (RegionSigma), each a
//     normal draw per candidate multiplying the candidate's share by
//     exp(shock), so that errors are correlated within a region as in the
//     newsroom live models;
//   - for every missing unit, one counted unit of the same region (the
//     region the unit takes its shares from), drawn in proportion to its
//     valid votes: the missing unit's share of each candidate is the
//     region's share times the drawn unit's share over the region's. Drawn
//     this way the noise has mean zero and never makes a share negative:
//     unit-level noise resampled from the data.
//
// The remaining votes of each missing unit are fixed by the scenario's
// estimate; the shares vary. Counted units do not vary. Run i draws from
// a PCG generator seeded with (Seed, i), so results depend only on the
// seed and the number of runs, never on how the runs were split into steps,
// and are the same on every platform.
type MonteCarlo struct {
	e      *Engine
	sc     Scenario
	base   *Outcome
	runs   int
	sigma  float64
	nsigma float64
	bins   int
	a, b   int
	nc     int

	counted []float64
	units   []mcUnit
	// cellShares holds each cell's shares (nc per cell); cellRatio each
	// share over the same candidate's baseline share in the cell's noise
	// region (0 where that is 0).
	cellShares []float64
	cellRatio  []float64
	// cum holds the cumulative valid votes of the units in
	// Engine.byRegion order, for drawing a unit in proportion to its
	// votes.
	cum []int64
	// unitShares holds each counted unit's baseline shares (nc per unit).
	unitShares []float64
	nshock     int

	// cal is the calibrated model; nil for ModelLegacy.
	cal *calibrated

	done    int
	upsets  int
	wins    []int64
	margins []float64
	shares  []float64
	notes   []sim.Note

	// scratch
	shock, expShock, tmp, tot []float64
}

type mcUnit struct {
	cell   int32
	lo, hi int32 // span into Engine.byRegion
	shock  int32 // shock region index, -1 none
	vol    float64
}

// NewMonteCarlo prepares a simulation of sc (whose missing-unit rule must
// be like-region or none, which means like-region) with sc.MonteCarlo's
// parameters and nothing known beyond the counted units and the tally's
// expectations. Call Step until Done, then Result.
func (e *Engine) NewMonteCarlo(sc Scenario) (*MonteCarlo, error) {
	return e.NewProjection(sc, Inputs{})
}

// NewProjection prepares a simulation of sc that also uses what in knows:
// a baseline election and the missing units one by one.
func (e *Engine) NewProjection(sc Scenario, in Inputs) (*MonteCarlo, error) {
	return e.newProjection(sc, in, true)
}

func (e *Engine) newProjection(sc Scenario, in Inputs, calibrate bool) (*MonteCarlo, error) {
	if sc.Missing == MissingNone {
		sc.Missing = MissingLikeRegion
	}
	if sc.Missing != MissingLikeRegion {
		return nil, fmt.Errorf("%w: Monte Carlo simulates like-region missing units, not %q", ErrScenario, sc.Missing)
	}
	if err := sc.check(); err != nil {
		return nil, err
	}
	p := sc.MonteCarlo
	if p.Runs <= 0 {
		return nil, fmt.Errorf("%w: Monte Carlo needs a positive number of runs", ErrScenario)
	}
	base, err := e.Run(sc)
	if err != nil {
		return nil, err
	}
	nc := e.nc
	m := &MonteCarlo{e: e, sc: sc, base: base, runs: p.Runs, nc: nc, a: base.Winner, b: base.RunnerUp}
	m.bins = p.Bins
	if m.bins == 0 {
		m.bins = 60
	}
	shockLevel := 0
	if p.Level != "" {
		l, err := e.t.LevelIndex(p.Level)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrScenario, err)
		}
		shockLevel = min(l, len(e.t.Levels)-1)
	}
	if len(e.t.Levels) == 0 {
		shockLevel = -1
	}
	m.counted = make([]float64, nc)
	for c, v := range base.Counted {
		m.counted[c] = float64(v)
	}
	m.wins = make([]int64, nc)
	prealloc := m.runs // at most MaxRuns
	m.margins = make([]float64, 0, prealloc)
	m.shares = make([]float64, 0, prealloc*nc)
	m.tmp = make([]float64, nc)
	m.tot = make([]float64, nc)
	if p.Model == ModelLegacy {
		if in.Baseline != nil || len(in.Missing) > 0 {
			return nil, fmt.Errorf("%w: the legacy model uses no baseline and no list of missing units", ErrScenario)
		}
		if err := m.initLegacy(shockLevel); err != nil {
			return nil, err
		}
		return m, nil
	}
	if m.b < 0 {
		return nil, fmt.Errorf("%w: the projection needs two candidates", ErrScenario)
	}
	cal, err := e.newCalibrated(&sc, base, in, m.a, m.b, shockLevel, m)
	if err != nil {
		return nil, err
	}
	m.cal = cal
	// Missing units known one by one: measure the spread on the counted
	// units and correct it.
	// Not when they differ in size from the counted ones: random
	// hold-outs do not look like them, and the extrapolation shock
	// stands for that error instead.
	if nm := len(cal.units); calibrate && nm > 0 && cal.shiftM == 0 && (len(in.Missing) > 0 || (in.Baseline != nil && lenMissing(cal.join) > 0)) {
		s, err := e.selfCalibrate(sc, in, cal.scattered, cal.wholeGroups, cal.shockLevel)
		if err != nil {
			return nil, err
		}
		cal.scale = s
		m.note("mc.self-calibrated", sim.Points(s), sim.Votes(selfCalibrateReps))
	}
	return m, nil
}

// note adds s to the simulation's notes, once.
// note adds a note with code and args, once.
func (m *MonteCarlo) note(code string, args ...any) {
	n := sim.NewNote(code, m.e.t.UnitLevel, args...)
	if !slices.ContainsFunc(m.notes, func(o sim.Note) bool { return reflect.DeepEqual(o, n) }) {
		m.notes = append(m.notes, n)
	}
}

// mcTables returns tables that do not depend on the scenario, computed
// once: the cumulative valid votes in Engine.byRegion order (for Monte
// Carlo) and each unit's shares (for Monte Carlo and swings).
func (e *Engine) mcTables() (cum []int64, shares []float64) {
	e.mcOnce.Do(func() {
		nc := e.nc
		e.mcCum = make([]int64, len(e.byRegion)+1)
		for k, i := range e.byRegion {
			e.mcCum[k+1] = e.mcCum[k] + e.unitValid[i]
		}
		e.mcShares = make([]float64, len(e.t.Units)*nc)
		for i := range e.t.Units {
			u := &e.t.Units[i]
			if v := e.unitValid[i]; v > 0 {
				for c, x := range u.Votes {
					e.mcShares[i*nc+c] = float64(x) / float64(v)
				}
			}
		}
	})
	return e.mcCum, e.mcShares
}

// ancestorAt returns the region at level l containing region r (r itself
// if it is at level l), or -1 when r is above l or the nation.
func (e *Engine) ancestorAt(r, l int) int {
	if r < 0 || r >= e.nr || l < 0 {
		return -1
	}
	return e.t.Ancestor(r, l)
}

// Runs returns the number of runs the simulation will make in all.
func (m *MonteCarlo) Runs() int { return m.runs }

// Completed returns the number of runs made so far.
func (m *MonteCarlo) Completed() int { return m.done }

// Done reports whether every run has been made.
func (m *MonteCarlo) Done() bool { return m.done >= m.runs }

// Step makes up to n more runs and returns the number made so far.
func (m *MonteCarlo) Step(n int) int {
	for ; n > 0 && m.done < m.runs; n-- {
		m.run(m.done)
		m.done++
	}
	return m.done
}

// run makes run i into m's accumulators.
func (m *MonteCarlo) run(i int) {
	if m.cal != nil {
		m.cal.run(m, i)
		return
	}
	m.runLegacy(i)
}

// record adds the run whose totals are in m.tot to the results.
func (m *MonteCarlo) record() {
	nc := m.nc
	if c := m.cal; c != nil && c.scale != 1 {
		for i := range m.tot {
			m.tot[i] = c.center[i] + float64(c.scale*(m.tot[i]-c.center[i]))
		}
	}
	var all float64
	for _, v := range m.tot {
		all += v
	}
	// The run's winner among the contestants: a lumped column never wins.
	best := -1
	lumped := m.e.lumped
	for c := 0; c < nc; c++ {
		if c < len(lumped) && lumped[c] {
			continue
		}
		if best < 0 || m.tot[c] > m.tot[best] {
			best = c
		}
	}
	if best >= 0 {
		m.wins[best]++
	}
	if best != m.a {
		m.upsets++
	}
	for c := 0; c < nc; c++ {
		s := 0.0
		if all > 0 {
			s = m.tot[c] / all
		}
		m.shares = append(m.shares, s)
	}
	margin := 0.0
	if all > 0 && m.b >= 0 {
		margin = 100 * (m.tot[m.a] - m.tot[m.b]) / all
	}
	m.margins = append(m.margins, margin)
}

// PointByRegion returns the central projection's votes per candidate for
// every region at level l (indexed by region), counted plus missing.
func (m *MonteCarlo) PointByRegion(l int) map[int][]int64 {
	e := m.e
	out := map[int][]int64{}
	if l < 0 || l >= len(e.t.Levels) {
		return out
	}
	for _, r := range e.agg.Level(l) {
		out[r] = slices.Clone(m.base.RegionCounted(r))
	}
	if m.cal == nil {
		for _, r := range e.agg.Level(l) {
			out[r] = m.base.RegionTotal(r, nil)
		}
		return out
	}
	m.cal.addPoint(out, l, m.nc, m.a, m.b)
	return out
}

// RunMonteCarlo makes every run of sc's simulation at once.
func (e *Engine) RunMonteCarlo(sc Scenario) (MonteCarloResult, error) {
	m, err := e.NewMonteCarlo(sc)
	if err != nil {
		return MonteCarloResult{}, err
	}
	m.Step(m.runs)
	return m.Result(), nil
}

// minUnits returns the fewest counted units with which a region lends its
// shares to its missing units (Scenario.MinUnits, or DefaultMinUnits).
func minUnits(sc *Scenario) int64 {
	if sc.MinUnits == 0 {
		return DefaultMinUnits
	}
	return int64(sc.MinUnits)
}
