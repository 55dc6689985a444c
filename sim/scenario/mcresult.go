package scenario

import (
	"github.com/tallyscope/tallyscope/sim"

	"math"
	"slices"
)

// Quantiles are the probabilities at which MonteCarloResult reports
// quantiles: the 90% and 50% intervals and the median.
var Quantiles = []float64{0.05, 0.25, 0.5, 0.75, 0.95}

// Histogram counts values in equal bins from Lo to Hi.
type Histogram struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Counts []int   `json:"counts"`
}

// MonteCarloResult summarises the runs made so far.
type MonteCarloResult struct {
	Runs int    `json:"runs"`
	Seed uint64 `json:"seed"`
	// A and B are the projected winner and runner-up of the scenario's
	// central outcome; margins are A's share minus B's, in points.
	A int `json:"a"`
	B int `json:"b"`
	// Wins is each candidate's number of runs won, and WinProb the
	// fraction; WinSE is the Monte Carlo standard error of WinProb
	// (sqrt(p(1−p)/runs)), the part of its uncertainty that more runs
	// would remove.
	Wins    []int64   `json:"wins"`
	WinProb []float64 `json:"win_prob"`
	WinSE   []float64 `json:"win_se"`
	// Quantiles are the probabilities of ShareQ's and MarginQ's columns.
	Quantiles []float64 `json:"quantiles"`
	// ShareQ[c] holds candidate c's share of the valid vote at Quantiles.
	ShareQ [][]float64 `json:"share_q"`
	// MarginQ holds the margin in points at Quantiles; MarginMean its mean.
	MarginQ    []float64 `json:"margin_q"`
	MarginMean float64   `json:"margin_mean"`
	// Margins holds every run's margin, sorted, for plotting; Histogram
	// bins them.
	Margins   []float64 `json:"margins"`
	Histogram Histogram `json:"histogram"`
	// MissingUnits is the number of simulated missing units.
	MissingUnits int `json:"missing_units"`
	// SpreadScale is the factor the calibration on counted units put on
	// the spread (1 when none was measured).
	SpreadScale float64 `json:"spread_scale"`
	// Model says how the missing units are simulated, as a code.
	Model sim.Note   `json:"model"`
	Notes []sim.Note `json:"notes,omitempty"`
}

// Interval returns the central interval of the margin holding the given
// fraction of the runs (0.9: from the 5% to the 95% quantile).
func (r *MonteCarloResult) Interval(level float64) (lo, hi float64) {
	a := (1 - level) / 2
	return quantile(r.Margins, a), quantile(r.Margins, 1-a)
}

// quantile returns the p-quantile of sorted values (linear between order
// statistics, the "type 7" rule).
func quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + float64((h-float64(lo))*(sorted[lo+1]-sorted[lo]))
}

// Result summarises the runs made so far.
func (m *MonteCarlo) Result() MonteCarloResult {
	nc := m.nc
	res := MonteCarloResult{Runs: m.done, Seed: m.sc.MonteCarlo.Seed, A: m.a, B: m.b, Quantiles: Quantiles, MissingUnits: len(m.units)}
	res.Notes = append(res.Notes, m.notes...)
	res.WinProb = make([]float64, nc)
	res.WinSE = make([]float64, nc)
	res.Wins = slices.Clone(m.wins)
	res.ShareQ = make([][]float64, nc)
	res.Model = m.ModelNote()
	res.SpreadScale = 1
	if m.cal != nil {
		res.SpreadScale = m.cal.scale
	}
	if m.cal != nil {
		res.MissingUnits = len(m.cal.units)
	}
	if m.done == 0 {
		return res
	}
	for c := range res.WinProb {
		p := float64(m.wins[c]) / float64(m.done)
		res.WinProb[c] = p
		res.WinSE[c] = math.Sqrt(p * (1 - p) / float64(m.done))
	}
	col := make([]float64, m.done)
	for c := 0; c < nc; c++ {
		for i := 0; i < m.done; i++ {
			col[i] = m.shares[i*nc+c]
		}
		slices.Sort(col)
		q := make([]float64, len(Quantiles))
		for k, p := range Quantiles {
			q[k] = quantile(col, p)
		}
		res.ShareQ[c] = q
	}
	res.Margins = slices.Clone(m.margins)
	slices.Sort(res.Margins)
	var sum float64
	for _, v := range m.margins {
		sum += v
	}
	res.MarginMean = sum / float64(m.done)
	res.MarginQ = make([]float64, len(Quantiles))
	for k, p := range Quantiles {
		res.MarginQ[k] = quantile(res.Margins, p)
	}
	res.Histogram = NewHistogram(res.Margins, m.bins)
	return res
}

// ModelNote says how the simulation models the missing units, as a code
// for package i18n to word in one sentence (see calibratedNote; the
// legacy model is "model.legacy").
func (m *MonteCarlo) ModelNote() sim.Note {
	if m.cal != nil {
		return m.cal.model
	}
	return sim.NewNote("model.legacy", m.e.t.UnitLevel, sim.Points(m.sigma))
}

// MinRuns is the number of finished runs below which no probability and
// no interval should be shown. With 400 runs the Monte Carlo standard
// error of a probability is at most 2.5 points (at 50%), and each 5% tail
// of the 90% interval rests on 20 runs; with fewer, the figures move
// visibly from one run to the next.
const MinRuns = 400

// WinKind says how a winning probability must be stated.
type WinKind int

// The kinds of WinStatement.
const (
	// WinTooFew: fewer than MinRuns runs; state nothing yet.
	WinTooFew WinKind = iota
	// WinAll: the candidate won every run ("in all 2,000 runs"), never
	// "100%".
	WinAll
	// WinNone: the candidate won no run.
	WinNone
	// WinAbove: more than 99.9% but not every run.
	WinAbove
	// WinBelow: fewer than 0.1% but some run.
	WinBelow
	// WinShare: a percentage, with its Monte Carlo error.
	WinShare
)

// WinStatement is what can honestly be said of a candidate's winning
// probability after the runs made so far.
type WinStatement struct {
	Kind WinKind `json:"kind"`
	Wins int64   `json:"wins"`
	Runs int     `json:"runs"`
	// P is the fraction of runs won and SE its Monte Carlo standard
	// error.
	P  float64 `json:"p"`
	SE float64 `json:"se"`
}

// Statement returns what can be said of candidate c's winning
// probability.
func (r *MonteCarloResult) Statement(c int) WinStatement {
	s := WinStatement{Runs: r.Runs}
	if c < 0 || c >= len(r.Wins) || r.Runs < MinRuns {
		return s
	}
	s.Wins, s.P, s.SE = r.Wins[c], r.WinProb[c], r.WinSE[c]
	switch {
	case s.Wins == int64(r.Runs):
		s.Kind = WinAll
	case s.Wins == 0:
		s.Kind = WinNone
	case s.P > 0.999:
		s.Kind = WinAbove
	case s.P < 0.001:
		s.Kind = WinBelow
	default:
		s.Kind = WinShare
	}
	return s
}

// Note states s as a code for package i18n to word ("in all 2,000
// runs", "in 97.3% of 2,000 runs (Monte Carlo error ±0.4 points)").
func (s WinStatement) Note() sim.Note {
	n := sim.Votes(s.Runs)
	switch s.Kind {
	case WinAll:
		return sim.NewNote("win.all", "", n)
	case WinNone:
		return sim.NewNote("win.none", "", n)
	case WinAbove:
		return sim.NewNote("win.above", "", n)
	case WinBelow:
		return sim.NewNote("win.below", "", n)
	case WinShare:
		return sim.NewNote("win.share", "", sim.Points(100*s.P), n, sim.Points(100*s.SE))
	}
	return sim.NewNote("win.too-few", "", sim.Votes(MinRuns), n)
}
