package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// Design is how a backtest chooses the counted units it hides.
type Design struct {
	// Kind is "random" (each unit with probability P), "regions" (K whole
	// regions of the outermost level, chosen at random), "largest" (the
	// share P of units with the most votes, as when big cities report
	// last) or "smallest".
	Kind string
	P    float64
	K    int
}

// String returns the design as ParseDesign reads it ("random:0.3").
func (d Design) String() string {
	if d.Kind == "regions" {
		return fmt.Sprintf("regions:%d", d.K)
	}
	return d.Kind + ":" + strconv.FormatFloat(d.P, 'g', -1, 64)
}

// MaxBacktestReps bounds Backtest's repetitions, and MaxRuns the runs of
// one simulation, so that a shared setting cannot ask for unbounded work.
const (
	MaxBacktestReps = 10000
	MaxRuns         = 100000
)

// ParseDesign reads "random:P", "regions:K", "largest:P" or "smallest:P",
// with P in (0,1) and K ≥ 1.
func ParseDesign(s string) (Design, error) {
	kind, arg, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return Design{}, fmt.Errorf("%w: design %q needs a parameter (random:0.3, regions:5, largest:0.3, smallest:0.3)", ErrScenario, s)
	}
	d := Design{Kind: kind}
	switch kind {
	case "regions":
		k, err := strconv.Atoi(arg)
		if err != nil || k < 1 {
			return Design{}, fmt.Errorf("%w: design %q: the number of regions must be a whole number ≥ 1", ErrScenario, s)
		}
		d.K = k
	case "random", "largest", "smallest":
		p, err := strconv.ParseFloat(arg, 64)
		if err != nil || !(p > 0 && p < 1) {
			return Design{}, fmt.Errorf("%w: design %q: the share hidden must be a number between 0 and 1", ErrScenario, s)
		}
		d.P = p
	default:
		return Design{}, fmt.Errorf("%w: unknown design %q (use random:P, regions:K, largest:P or smallest:P)", ErrScenario, kind)
	}
	return d, nil
}

// BacktestParams configures Engine.Backtest.
type BacktestParams struct {
	Design Design
	// Reps is the number of repetitions; 0 means 100.
	Reps int
	// Seed chooses the hidden units and seeds the simulations.
	Seed uint64
	// Runs is the number of simulated elections per repetition; 0 means
	// 1000.
	Runs int
	// Model is ModelCalibrated or ModelLegacy.
	Model string
	// Baseline is an optional previous election (calibrated model only).
	Baseline *sim.Tally
}

// Levels are the nominal levels of the intervals a backtest checks.
var Levels = []float64{0.80, 0.90, 0.95}

// BacktestResult reports how a model's projections of hidden units fared
// against the truth.
type BacktestResult struct {
	Design string `json:"design"`
	Model  string `json:"model"`
	Reps   int    `json:"reps"`
	Runs   int    `json:"runs"`
	Seed   uint64 `json:"seed"`
	// HiddenUnits is the mean number of units hidden per repetition.
	HiddenUnits float64 `json:"hidden_units"`
	// Coverage maps a nominal level in percent ("90") to the fraction of
	// repetitions whose interval of the national margin held the truth.
	Coverage map[string]float64 `json:"coverage"`
	// MeanWidthPP is the mean width of the 90% interval, in points.
	MeanWidthPP float64 `json:"mean_width_pp"`
	// BiasPP is the mean of the median margin minus the true margin, and
	// RMSEPP the root-mean-square of that error, in points.
	BiasPP float64 `json:"bias_pp"`
	RMSEPP float64 `json:"rmse_pp"`
	// Brier is the mean Brier score of the winner probabilities (the sum
	// over candidates of (p − won)²; 0 is perfect).
	Brier float64 `json:"brier"`
	// RegionCalls is the fraction of (repetition, outermost region with
	// hidden units) pairs whose projected leader was the true one.
	RegionCalls float64 `json:"region_calls"`
	// Certain counts the repetitions where one candidate won every run;
	// CertainWrong those among them where the truth lay outside the 90%
	// interval.
	Certain      int `json:"certain"`
	CertainWrong int `json:"certain_wrong"`
	// SpreadScale is the smallest, median and largest factor that the
	// calibration on counted units put on the spread, over the
	// repetitions.
	SpreadScale [3]float64 `json:"spread_scale"`
	ModelNote   sim.Note   `json:"model_note"`
	Notes       []sim.Note `json:"notes,omitempty"`
}

// Backtest hides counted units by p.Design, projects them with the model,
// and compares the projection with the truth, p.Reps times. The hidden
// units stay known by their region and registered voters (and their
// baseline), as a registry of all units would give them; their votes are
// hidden. The legacy model instead learns, as before, only their number
// and registered voters per outermost region.
func (e *Engine) Backtest(p BacktestParams) (*BacktestResult, error) {
	p, err := p.check()
	if err != nil {
		return nil, err
	}
	if _, b, _ := e.leader(e.agg.Nation.Votes); b < 0 {
		return nil, fmt.Errorf("%w: a backtest needs two candidates", ErrScenario)
	}
	model := p.Model
	if model == "" {
		model = "calibrated"
	}
	res := &BacktestResult{Design: p.Design.String(), Model: model, Reps: p.Reps, Runs: p.Runs, Seed: p.Seed, Coverage: map[string]float64{}}
	s := newBacktestScore(e)
	for rep := 0; rep < p.Reps; rep++ {
		hide := e.chooseHidden(p.Design, p.Seed, rep)
		m, err := e.projectHidden(p, rep, hide)
		if err != nil {
			return nil, err
		}
		r := m.Result()
		if res.ModelNote.Code == "" {
			res.ModelNote = r.Model
		}
		s.notes(res, r.Notes)
		s.add(e, hide, m, &r, res)
	}
	s.finish(res, p.Reps)
	return res, nil
}

// check returns p with its defaults, or an error naming what is out of
// range.
func (p BacktestParams) check() (BacktestParams, error) {
	if p.Reps == 0 {
		p.Reps = 100
	}
	if p.Runs == 0 {
		p.Runs = 1000
	}
	if p.Reps < 0 || p.Reps > MaxBacktestReps {
		return p, fmt.Errorf("%w: backtest repetitions must be between 1 and %d", ErrScenario, MaxBacktestReps)
	}
	if p.Runs < 0 || p.Runs > MaxRuns {
		return p, fmt.Errorf("%w: runs must be between 1 and %d", ErrScenario, MaxRuns)
	}
	if p.Model != ModelCalibrated && p.Model != ModelLegacy {
		return p, fmt.Errorf("%w: unknown model %q", ErrScenario, p.Model)
	}
	if p.Model == ModelLegacy && p.Baseline != nil {
		return p, fmt.Errorf("%w: the legacy model uses no baseline", ErrScenario)
	}
	return p, nil
}

// projectHidden makes repetition rep's projection of the units marked in
// hide, every run done.
func (e *Engine) projectHidden(p BacktestParams, rep int, hide []bool) (*MonteCarlo, error) {
	sub, missing := e.split(hide, p.Model == ModelLegacy)
	se, err := New(sub)
	if err != nil {
		return nil, err
	}
	sc := Scenario{Missing: MissingLikeRegion, MonteCarlo: MonteCarloParams{Runs: p.Runs, Seed: p.Seed + uint64(rep), Model: p.Model}}
	var in Inputs
	if p.Model != ModelLegacy {
		in = Inputs{Baseline: p.Baseline, Missing: missing}
	}
	m, err := se.NewProjection(sc, in)
	if err != nil {
		return nil, err
	}
	m.Step(p.Runs)
	return m, nil
}

// backtestScore accumulates the repetitions' errors against the truth.
type backtestScore struct {
	truth   *sim.Result
	trueWin int
	// top lists the outermost regions and trueTop their true leaders.
	top                              []int
	trueTop                          map[int]int
	covered                          []int
	sumErr, sumErr2, sumWidth, brier float64
	calls, callsRight, hidden        int
	scales                           []float64
	noteKeys                         []string
}

func newBacktestScore(e *Engine) *backtestScore {
	s := &backtestScore{truth: &e.agg.Nation, covered: make([]int, len(Levels))}
	s.trueWin, _, _ = e.leader(s.truth.Votes)
	// The true leader of each outermost region.
	s.top = []int{}
	if len(e.t.Levels) > 0 {
		s.top = e.agg.Level(0)
	}
	s.trueTop = make(map[int]int, len(s.top))
	for _, r := range s.top {
		w, _, _ := e.leader(e.agg.Votes(r))
		s.trueTop[r] = w
	}
	return s
}

// notes keeps one note of each kind (digits aside): the first
// repetition's. The spread's scale is summarised by finish.
func (s *backtestScore) notes(res *BacktestResult, notes []sim.Note) {
	for _, n := range notes {
		if n.Code == "mc.self-calibrated" || n.Code == "mc.baseline" || n.Code == "mc.baseline.missing" || slices.Contains(s.noteKeys, n.Code) {
			continue
		}
		s.noteKeys = append(s.noteKeys, n.Code)
		res.Notes = append(res.Notes, n)
	}
}

// add scores one repetition: m projected the units marked in hide, and r
// is its result.
func (s *backtestScore) add(e *Engine, hide []bool, m *MonteCarlo, r *MonteCarloResult, res *BacktestResult) {
	for _, h := range hide {
		if h {
			s.hidden++
		}
	}
	s.scales = append(s.scales, r.SpreadScale)
	truth := s.truth
	a, b := r.A, r.B
	tm := 100 * float64(truth.Votes[a]-truth.Votes[b]) / float64(truth.Valid)
	for k, lv := range Levels {
		lo, hi := r.Interval(lv)
		if tm >= lo && tm <= hi {
			s.covered[k]++
		}
	}
	lo, hi := r.Interval(0.90)
	s.sumWidth += hi - lo
	d := r.MarginQ[2] - tm
	s.sumErr += d
	s.sumErr2 += d * d
	for c, pw := range r.WinProb {
		o := 0.0
		if c == s.trueWin {
			o = 1
		}
		s.brier += (pw - o) * (pw - o)
	}
	if r.Wins[r.A] == int64(r.Runs) {
		res.Certain++
		if tm < lo || tm > hi {
			res.CertainWrong++
		}
	}
	// Region calls: the projection's central outcome per outermost
	// region that had hidden units.
	proj := m.PointByRegion(0)
	for _, rr := range s.top {
		if !hasHidden(e, hide, rr) {
			continue
		}
		s.calls++
		if w, _, _ := e.leader(proj[rr]); w == s.trueTop[rr] {
			s.callsRight++
		}
	}
}

// finish sets res's summaries over reps repetitions.
func (s *backtestScore) finish(res *BacktestResult, reps int) {
	n := float64(reps)
	for k, lv := range Levels {
		res.Coverage[strconv.Itoa(int(math.Round(100*lv)))] = float64(s.covered[k]) / n
	}
	res.MeanWidthPP = s.sumWidth / n
	res.BiasPP = s.sumErr / n
	res.RMSEPP = math.Sqrt(s.sumErr2 / n)
	res.Brier = s.brier / n
	res.HiddenUnits = float64(s.hidden) / n
	if s.calls > 0 {
		res.RegionCalls = float64(s.callsRight) / float64(s.calls)
	}
	slices.Sort(s.scales)
	res.SpreadScale = [3]float64{s.scales[0], quantile(s.scales, 0.5), s.scales[len(s.scales)-1]}
}

func hasHidden(e *Engine, hide []bool, region int) bool {
	sp := e.span[region]
	for _, i := range e.byRegion[sp[0]:sp[1]] {
		if hide[i] {
			return true
		}
	}
	return false
}

// chooseHidden marks the units that repetition rep hides.
func (e *Engine) chooseHidden(d Design, seed uint64, rep int) []bool {
	t := e.t
	n := len(t.Units)
	hide := make([]bool, n)
	r := newRunRand(seed, 1<<40+uint64(rep))
	switch d.Kind {
	case "random":
		for i := range hide {
			hide[i] = r.float() < d.P
		}
	case "regions":
		var top []int
		if len(t.Levels) > 0 {
			for _, g := range e.agg.Level(0) {
				if e.agg.Units(g) > 0 {
					top = append(top, g)
				}
			}
		}
		// A partial Fisher–Yates shuffle picks K of them.
		k := min(d.K, max(len(top)-1, 0))
		for i := 0; i < k; i++ {
			j := i + int(r.next()%uint64(len(top)-i))
			top[i], top[j] = top[j], top[i]
			sp := e.span[top[i]]
			for _, u := range e.byRegion[sp[0]:sp[1]] {
				hide[u] = true
			}
		}
	case "largest", "smallest":
		// Rank by votes with a log-normal jitter (sd 0.5), so that the
		// repetitions differ while the big units still mostly go first.
		type ranked struct {
			i   int
			key float64
		}
		rk := make([]ranked, n)
		for i := range rk {
			rk[i] = ranked{i, math.Log(float64(e.unitValid[i])+1) + 0.5*r.normal()}
		}
		slices.SortStableFunc(rk, func(a, b ranked) int {
			if d.Kind == "largest" {
				return cmp.Compare(b.key, a.key)
			}
			return cmp.Compare(a.key, b.key)
		})
		k := int(math.Round(d.P * float64(n)))
		for _, x := range rk[:k] {
			hide[x.i] = true
		}
	}
	return hide
}

// split returns the tally without the hidden units, and the hidden units
// (their votes cleared). For the legacy model the hidden units become
// expectations per outermost region instead.
func (e *Engine) split(hide []bool, legacy bool) (*sim.Tally, []sim.Unit) {
	return e.splitAt(hide, legacy, min(0, len(e.t.Levels)-1))
}

// splitAt is split with the legacy expectations at level (-1: national).
func (e *Engine) splitAt(hide []bool, legacy bool, level int) (*sim.Tally, []sim.Unit) {
	t := e.t
	sub := &sim.Tally{Title: t.Title, Levels: t.Levels, UnitLevel: t.UnitLevel, Candidates: t.Candidates, Regions: t.Regions}
	var missing []sim.Unit
	nr := e.nr
	expU := make([]int64, nr+1)
	expR := make([]int64, nr+1)
	reKnown := make([]bool, nr+1)
	for i := range reKnown {
		reKnown[i] = true
	}
	for i := range t.Units {
		u := &t.Units[i]
		g := nr
		if level >= 0 {
			if anc := e.ancestorAt(e.unitRegion[i], level); anc >= 0 {
				g = anc
			}
		}
		if legacy {
			expU[g] += u.Size()
			if u.Registered == sim.Unknown {
				reKnown[g] = false
			} else {
				expR[g] += u.Registered
			}
		}
		if !hide[i] {
			sub.Units = append(sub.Units, *u)
			continue
		}
		h := *u
		h.Votes = nil
		missing = append(missing, h)
	}
	if legacy {
		for g := range expU {
			if expU[g] == 0 {
				continue
			}
			x := sim.Expectation{Region: g, Units: expU[g]}
			if g == nr {
				x.Region = -1
			}
			if reKnown[g] {
				x.Registered = expR[g]
			}
			sub.Expected = append(sub.Expected, x)
		}
		return sub, nil
	}
	var units, reg int64
	regOK := true
	for i := range t.Units {
		units += t.Units[i].Size()
		if t.Units[i].Registered == sim.Unknown {
			regOK = false
		}
		reg += max(t.Units[i].Registered, 0)
	}
	x := sim.Expectation{Region: -1, Units: units}
	if regOK {
		x.Registered = reg
	}
	sub.Expected = []sim.Expectation{x}
	return sub, missing
}
