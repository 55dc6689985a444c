package scenario

import (
	"fmt"
	"math/rand/v2"

	"github.com/tallyscope/tallyscope/sim"
)

// ValidationParams configures Engine.Validate.
type ValidationParams struct {
	// Reps is the number of times a random part of the counted units is
	// hidden and predicted; 0 means 20.
	Reps int `json:"reps,omitempty"`
	// Hide is the fraction of counted units hidden each time; 0 means 0.2.
	Hide float64 `json:"hide,omitempty"`
	// Level is the level at which the hidden units' number (and registered
	// voters, when known) is revealed to the model, as the expectations of
	// a real count would be; empty means the outermost level.
	Level string `json:"level,omitempty"`
}

// Validation reports how often the nominal 90% intervals of a Monte Carlo
// simulation covered the truth when a random part of the counted units
// was hidden and predicted. Each repetition checks the share of the two
// leading candidates and the margin between them.
type Validation struct {
	Reps    int     `json:"reps"`
	Hide    float64 `json:"hide"`
	Runs    int     `json:"runs"`
	Checks  int     `json:"checks"`
	Covered int     `json:"covered"`
	// Coverage is Covered/Checks; Nominal is 0.90.
	Coverage float64 `json:"coverage"`
	Nominal  float64 `json:"nominal"`
	// MeanWidthPP is the mean width of the margin's 90% interval, in
	// points; MeanErrorPP the mean absolute error of the median margin.
	MeanWidthPP float64    `json:"mean_width_pp"`
	MeanErrorPP float64    `json:"mean_error_pp"`
	Notes       []sim.Note `json:"notes,omitempty"`
}

// Validate hides a random part of the counted units (chosen with a PCG
// generator seeded with sc.MonteCarlo.Seed and 1<<40 + repetition),
// predicts it with sc's Monte Carlo model (like-region), and reports how
// often the nominal 90% intervals cover the true shares and margin. The
// hidden units are missing at random, which real missing tally sheets
// need not be.
func (e *Engine) Validate(sc Scenario, p ValidationParams) (*Validation, error) {
	if p.Reps == 0 {
		p.Reps = 20
	}
	if p.Hide == 0 {
		p.Hide = 0.2
	}
	if p.Reps < 0 || !(p.Hide > 0 && p.Hide < 1) {
		return nil, fmt.Errorf("%w: validation needs reps > 0 and a fraction hidden in (0,1)", ErrScenario)
	}
	if sc.MonteCarlo.Runs <= 0 {
		sc.MonteCarlo.Runs = 200
	}
	t := e.t
	level := min(0, len(t.Levels)-1)
	if p.Level != "" && len(t.Levels) > 0 {
		l, err := t.LevelIndex(p.Level)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrScenario, err)
		}
		level = min(l, len(t.Levels)-1)
	}
	truth := e.agg.Nation
	a, b, _ := e.leader(truth.Votes)
	if b < 0 {
		return nil, fmt.Errorf("%w: validation needs two candidates", ErrScenario)
	}
	truthShare := func(c int) float64 { return truth.Share(c, sim.OfValid) }
	truthMargin := 100 * (truthShare(a) - truthShare(b))
	v := &Validation{Reps: p.Reps, Hide: p.Hide, Runs: sc.MonteCarlo.Runs, Nominal: 0.90}
	sc.Missing = MissingLikeRegion
	sc.RegisteredTotal, sc.UnitsTotal, sc.ValidTotal, sc.Claim, sc.Reported = 0, 0, 0, nil, 0
	if sc.Remaining == RemainingOfficial {
		sc.Remaining = RemainingAuto
	}
	sc.Level = ""
	if level >= 0 {
		sc.Level = t.Levels[level]
	}
	for rep := 0; rep < p.Reps; rep++ {
		r := rand.New(rand.NewPCG(sc.MonteCarlo.Seed, 1<<40+uint64(rep)))
		hide := make([]bool, len(t.Units))
		for i := range hide {
			hide[i] = r.Float64() < p.Hide
		}
		// The hidden units become expectations at the level, as a real
		// count's would be.
		sub, _ := e.splitAt(hide, true, level)
		se, err := New(sub)
		if err != nil {
			return nil, err
		}
		res, err := se.RunMonteCarlo(sc)
		if err != nil {
			return nil, err
		}
		check := func(lo, hi, x float64) {
			v.Checks++
			if x >= lo && x <= hi {
				v.Covered++
			}
		}
		last := len(Quantiles) - 1
		check(res.ShareQ[a][0], res.ShareQ[a][last], truthShare(a))
		check(res.ShareQ[b][0], res.ShareQ[b][last], truthShare(b))
		// The simulation's margin is its own winner minus runner-up;
		// compare in the truth's orientation.
		lo, hi, med := res.MarginQ[0], res.MarginQ[last], res.MarginQ[2]
		if res.A != a {
			lo, hi, med = -hi, -lo, -med
		}
		check(lo, hi, truthMargin)
		v.MeanWidthPP += hi - lo
		d := med - truthMargin
		if d < 0 {
			d = -d
		}
		v.MeanErrorPP += d
	}
	v.Coverage = float64(v.Covered) / float64(v.Checks)
	v.MeanWidthPP /= float64(p.Reps)
	v.MeanErrorPP /= float64(p.Reps)
	v.Notes = append(v.Notes, sim.NewNote("validate.random", e.t.UnitLevel))
	return v, nil
}
