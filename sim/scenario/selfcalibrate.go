package scenario

import "math"

// selfCalibrateReps is the number of hold-outs selfCalibrate makes, and
// selfCalibratePrior the weight, in hold-outs, of the model's own spread.
const (
	selfCalibrateReps  = 12
	selfCalibratePrior = 12
)

// selfCalibrate measures, on the counted units, how well the
// simulation's spread describes its real errors, and returns the factor
// that makes them agree. Several times it hides counted units the way the
// real ones are missing (as many whole regions at the shock level as are
// missing entirely, and a random share of the rest, at most 30%), projects
// them with the same model (200 runs), and takes the error of the
// projection's median against the hidden truth in units of the runs'
// standard deviation. The factor is the root-mean-square of those
// standardised errors (shrunk towards 1), kept between 0.5 and 3. It corrects what the model
// leaves out and the data shows: errors correlated across regions (one
// kind of unit moving together nationwide), heavier tails, a volume error
// that goes with the margin.
func (e *Engine) selfCalibrate(sc Scenario, in Inputs, scattered, wholeRegions, level int) (float64, error) {
	n := len(e.t.Units)
	if n < 100 {
		return 1, nil
	}
	frac := min(float64(scattered)/float64(n+scattered), 0.3)
	var regions []int
	if level >= 0 && level < len(e.t.Levels) {
		for _, g := range e.agg.Level(level) {
			if e.agg.Units(g) > 0 {
				regions = append(regions, g)
			}
		}
	}
	wholeRegions = min(wholeRegions, len(regions)/3)
	truth := e.agg.Nation
	var sumZ2 float64
	var used int
	for rep := 0; rep < selfCalibrateReps; rep++ {
		r := newRunRand(sc.MonteCarlo.Seed, 1<<42+uint64(rep))
		hide := make([]bool, n)
		for i := range hide {
			hide[i] = r.float() < frac
		}
		// As many whole regions as are missing entirely.
		for i := 0; i < wholeRegions; i++ {
			j := i + int(r.next()%uint64(len(regions)-i))
			regions[i], regions[j] = regions[j], regions[i]
			sp := e.span[regions[i]]
			for _, u := range e.byRegion[sp[0]:sp[1]] {
				hide[u] = true
			}
		}
		sub, hidden := e.split(hide, false)
		if len(hidden) == 0 {
			continue
		}
		se, err := New(sub)
		if err != nil {
			return 1, err
		}
		psc := sc
		psc.MonteCarlo.Runs = 200
		psc.MonteCarlo.Seed = sc.MonteCarlo.Seed + 1<<43 + uint64(rep)
		m, err := se.newProjection(psc, Inputs{Baseline: in.Baseline, Missing: hidden}, false)
		if err != nil {
			return 1, err
		}
		m.Step(psc.MonteCarlo.Runs)
		res := m.Result()
		if res.B < 0 || truth.Valid <= 0 {
			continue
		}
		tm := 100 * float64(truth.Votes[res.A]-truth.Votes[res.B]) / float64(truth.Valid)
		var mean, ss float64
		for _, v := range res.Margins {
			mean += v
		}
		mean /= float64(len(res.Margins))
		for _, v := range res.Margins {
			ss += (v - mean) * (v - mean)
		}
		sd := math.Sqrt(ss / float64(len(res.Margins)-1))
		if sd <= 0 {
			continue
		}
		z := (tm - res.MarginQ[2]) / sd
		sumZ2 += z * z
		used++
	}
	if used == 0 {
		return 1, nil
	}
	// A dozen hold-outs measure the ratio only roughly: it is shrunk
	// towards 1 as if selfCalibratePrior more hold-outs had matched the
	// model exactly (a noisy factor costs coverage).
	z2 := (sumZ2 + selfCalibratePrior) / (float64(used) + selfCalibratePrior)
	return min(max(math.Sqrt(z2), 0.5), 3), nil
}
