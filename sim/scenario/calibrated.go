package scenario

import (
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// Inputs is what a projection may know beyond the counted units.
type Inputs struct {
	// Baseline is a previous election (or an earlier release of the same
	// count) whose units join the counted ones by key (see BaselineKey).
	// With a baseline, each missing unit is predicted from its own past:
	// the change in its two-party margin and its turnout factor (this
	// election's votes over the baseline's). Baseline units that match no
	// counted unit are the missing units, unless Missing is given.
	Baseline *sim.Tally
	// Missing lists units known to exist but not counted (a registry of
	// all tables, or the units a backtest hides). Only their ID, region
	// and registered voters are read; their votes are ignored.
	Missing []sim.Unit
}

// Model names of MonteCarloParams.Model.
const (
	// ModelCalibrated is the hierarchical model with errors estimated
	// from the counted units (see MonteCarlo). It is the zero value.
	ModelCalibrated = ""
	// ModelLegacy is the engine before calibration (scenario/1): each
	// missing unit takes its region's shares, with a fixed regional
	// shock of RegionSigma and unit noise resampled from the region, and
	// a volume fixed by the remaining-votes estimate. It is kept for
	// comparison (tallyscope backtest --model legacy).
	ModelLegacy = "legacy"
)

// calibrated is the simulation of the missing units under the
// calibrated model. Everything that does not depend on the run is
// computed once; a run costs one random draw per missing unit.
type calibrated struct {
	units []calUnit
	// pairs holds the resampling pools: margin residual and volume
	// factor of counted units, pool after pool.
	pairs []resPair
	// shock groups: the regions at the shock level that hold missing
	// units, and their shocks' standard deviations.
	sdM, sdV []float64
	natSDM   float64
	natSDV   float64
	// shiftM and shiftV are the sds of a shock shared by every missing
	// unit, for the extrapolation error when they differ in size from
	// the counted ones (see extrapolationShift).
	shiftM, shiftV float64
	cholM, cholV   []float64
	k              int
	// others groups: each missing unit's non-leading vote is split like
	// its region's counted vote; share[g*nc+c] is candidate c's part.
	ogShare []float64
	ng      int
	// center is the central projection's votes per candidate; scale
	// multiplies every run's distance from it (see selfCalibrate).
	center []float64
	scale  float64
	join   *baselineJoin
	// wholeGroups counts the shock-level regions with no counted unit
	// that hold missing units; scattered the missing units elsewhere.
	wholeGroups, scattered int
	shockLevel             int
	// spans group the units (sorted) by shock, pool and others group;
	// um, uv, ux0 and ux1 are the units' margin, volume and covariates in
	// that order.
	spans    []calSpan
	um, uv   []float64
	ux0, ux1 []float64
	hasCov   bool
	// poolSD is the standard error of each pool's mean.
	poolSD []float64
	// scratch per run
	shM, shV, ogAcc, poolOff []float64
	// description of the model, one sentence.
	model sim.Note
	// path0 holds each missing unit's region path (levels per unit).
	paths  []int32
	levels int
}

type calUnit struct {
	m, v, two float64 // predicted margin, volume, two-party fraction
	x0, x1    float64 // centred covariates, for the slopes' uncertainty
	lo, n     int32   // pool span in pairs
	g         int32   // shock group, or ng for none
	og        int32   // others group
	pool      int32   // resampling pool, for its mean's shock
}

// resPair is stored in 32 bits a number: noise needs no more, and the
// pools then fit in the processor's cache.
type resPair struct{ m, f float32 }

type calSpan struct {
	from, to int
	lo, n    int32
	g, og    int32
	pool     int32
}

// newCalibrated builds the simulation for the engine's counted units and
// the missing units of in (or of base's cells when in names none).
func (e *Engine) newCalibrated(sc *Scenario, base *Outcome, in Inputs, a, b int, shockLevel int, m *MonteCarlo) (*calibrated, error) {
	cal := &calibrated{scale: 1, shockLevel: shockLevel}
	if in.Baseline != nil {
		bj, err := joinBaseline(e, in.Baseline, a, b, in.Missing)
		if err != nil {
			return nil, err
		}
		m.notes = append(m.notes, bj.report(e))
		cal.join = bj
	}
	fit, err := e.fitCounted(cal.join, in.Missing, a, b)
	if err != nil {
		return nil, err
	}
	cal.k = fit.k
	cal.cholM, cal.cholV = fit.hm.betaChol, fit.hv.betaChol
	// The missing units: known one by one, or only by number per cell.
	oneByOne := len(in.Missing) > 0 || lenMissing(cal.join) > 0
	var miss []projUnit
	if oneByOne {
		miss = e.identityUnits(in, cal.join)
	} else {
		miss = e.cellUnits(base, m)
	}
	if len(miss) == 0 {
		return cal, nil
	}
	mb := newMissingBuilder(e, cal, fit, base, a, b, minUnits(sc))
	for i := range miss {
		mb.add(&miss[i])
	}
	cal.levels = len(e.t.Levels)
	// Missingness that is not random: when the missing units differ in
	// size from the counted ones, the model extrapolates. Measure how
	// wrong it is when it extrapolates as far inside the counted units.
	if fit.k > 0 {
		cal.shiftM, cal.shiftV = extrapolationShift(fit.fm, fit.fv, cal.units, m)
	}
	// An official remaining total is spread over the missing units in
	// proportion to their predicted volume.
	officialSpread := base.RemainingMethod == RemainingOfficial && oneByOne && mb.volSum > 0
	if officialSpread {
		f := float64(base.Remaining) / mb.volSum
		for j := range cal.units {
			cal.units[j].v *= f
		}
	}
	extra := max(sc.MonteCarlo.RegionSigma, 0)
	// Units that each sum many reporting units (a state's counted
	// tables) hide the errors of one unit: they cannot be measured, so
	// a fixed, uncalibrated shock stands for them, and the model says so.
	summed, reporting := e.summedUnits()
	uncalibrated := summed > 0 && len(in.Missing) == 0 && !fit.useBase
	if uncalibrated {
		extra = max(extra, AggregateShock)
		m.note("mc.totals-only", sim.Votes(len(e.t.Units)), sim.Votes(reporting), sim.Points(AggregateShock), levelName(e, shockLevel))
	}
	cal.setShocks(fit.hm, fit.hv, mb.groups, extra, sc.MonteCarlo.NationalSigma)
	cal.ogAcc = make([]float64, len(mb.ogOf))
	cal.poolOff = make([]float64, len(cal.poolSD))
	cal.buildSpans()
	cal.setCenter(m.counted, a, b)
	cal.model = e.calibratedNote(fit, oneByOne, uncalibrated, shockLevel)
	e.noteSettings(m, sc, extra, officialSpread, shockLevel)
	return cal, nil
}

// summedUnits returns the number of counted units that each sum several
// reporting units, and the number of reporting units in all.
func (e *Engine) summedUnits() (summed, reporting int64) {
	for i := range e.t.Units {
		reporting += e.t.Units[i].Size()
		if e.t.Units[i].Count > 1 {
			summed++
		}
	}
	return summed, reporting
}

// setShocks gives the units without a shock group the group ng (after
// groups, the regions at the shock level that hold missing units) and
// sets every group's shock: its margin's sd (with extra added in
// quadrature) and its log volume's. natSD is the national shock's sd.
func (cal *calibrated) setShocks(hm, hv *hierFit, groups []int32, extra, natSD float64) {
	ng := len(groups)
	cal.ng = ng
	for _, g := range groups {
		if !hm.has[g] {
			cal.wholeGroups++
		}
	}
	for j := range cal.units {
		if g := cal.units[j].g; g < 0 || hm.has[groups[g]] {
			cal.scattered++
		}
	}
	for j := range cal.units {
		if cal.units[j].g < 0 {
			cal.units[j].g = int32(ng)
		}
	}
	cal.sdM = make([]float64, ng+1)
	cal.sdV = make([]float64, ng+1)
	// A region with counted units knows its own level, so only its
	// effect's posterior variance remains; a region without any takes
	// the variance of the effects and of the overall mean.
	shockLevel := cal.shockLevel
	for s, g := range groups {
		vm, vv := hm.tau2[shockLevel]+hm.muVar, hv.tau2[shockLevel]+hv.muVar
		if hm.has[g] {
			vm = hm.post[g]
		}
		if hv.has[g] {
			vv = hv.post[g]
		}
		cal.sdM[s] = math.Sqrt(vm + extra*extra)
		cal.sdV[s] = math.Sqrt(vv)
	}
	if ng == 0 || shockLevel < 0 {
		cal.sdM[ng] = math.Sqrt(hm.muVar)
		cal.sdV[ng] = math.Sqrt(hv.muVar)
	}
	cal.natSDM = natSD
	cal.shM = make([]float64, ng+1)
	cal.shV = make([]float64, ng+1)
}

// setCenter sets the central projection: the counted votes plus every
// missing unit's prediction without noise.
func (cal *calibrated) setCenter(counted []float64, a, b int) {
	nc := len(counted)
	cal.center = slices.Clone(counted)
	for j := range cal.units {
		u := &cal.units[j]
		two := u.v * u.two
		cal.center[a] += two * (1 + u.m) / 2
		cal.center[b] += two * (1 - u.m) / 2
		sh := cal.ogShare[int(u.og)*(nc+1) : int(u.og)*(nc+1)+nc]
		for c := 0; c < nc; c++ {
			cal.center[c] += (u.v - two) * sh[c]
		}
	}
}

// calibratedNote says how the calibrated model predicts the missing
// units (known one by one or only by number), as a code for package i18n
// to word in one sentence: "model.uncalibrated", or
// "model.baseline", "model.turnout" or "model.volume" by what the fit
// uses, with ".by-number" when the missing units are known only by
// number.
func (e *Engine) calibratedNote(fit *countedFit, oneByOne, uncalibrated bool, shockLevel int) sim.Note {
	level := levelName(e, shockLevel)
	if uncalibrated {
		return sim.NewNote("model.uncalibrated", e.t.UnitLevel, sim.Points(AggregateShock), level)
	}
	code := "model.volume"
	switch {
	case fit.useBase:
		code = "model.baseline"
	case fit.useRE:
		code = "model.turnout"
	}
	if !oneByOne {
		code += ".by-number"
	}
	return sim.NewNote(code, e.t.UnitLevel, level)
}

// noteSettings notes the assumptions that come from the scenario rather
// than the data: an official total spread by volume, a sensitivity
// setting, a swing or turnout change.
func (e *Engine) noteSettings(m *MonteCarlo, sc *Scenario, extra float64, officialSpread bool, shockLevel int) {
	if officialSpread {
		m.note("mc.remaining-by-volume")
	}
	if sc.MonteCarlo.RegionSigma > 0 || sc.MonteCarlo.NationalSigma > 0 {
		m.note("mc.sensitivity", sim.Points(extra), levelName(e, shockLevel), sim.Points(sc.MonteCarlo.NationalSigma))
	}
	if len(sc.Swings) > 0 || !sc.Turnout.IsZero() {
		m.note("mc.fit-before-change")
	}
}

// AggregateShock is the fixed regional shock, on the two-party margin,
// that stands for the errors no one can measure when the counted data are
// totals of many units: five points, about what the legacy model's shock
// of 0.10 on each log share gives a two-way race near 50%.
const AggregateShock = 0.05

// levelName names level l of e's tally, or "region".
func levelName(e *Engine, l int) sim.Level {
	if l >= 0 && l < len(e.t.Levels) {
		return sim.Level(e.t.Levels[l])
	}
	return "region"
}
