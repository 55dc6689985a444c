package forensics

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// DigitOptions configures the digit tests. The zero value uses 1,000
// bootstrap resamples, 95% intervals, seed 0, counts of at least 10 for
// the second-digit test and of at least 100 for the last-digit tests.
type DigitOptions struct {
	// Seed seeds the bootstrap.
	Seed uint64
	// Bootstrap is the number of resamples (1000); a negative value
	// turns the intervals off.
	Bootstrap int
	// Level is the interval's coverage (0.95).
	Level float64
	// MinSecond is the smallest count in the second-digit test (10).
	MinSecond int64
	// MinLast is the smallest count in the last-digit tests (100).
	MinLast int64
}

func (o DigitOptions) withDefaults() (DigitOptions, error) {
	if o.Bootstrap == 0 {
		o.Bootstrap = 1000
	}
	if o.Level == 0 {
		o.Level = 0.95
	}
	if o.MinSecond == 0 {
		o.MinSecond = 10
	}
	if o.MinLast == 0 {
		o.MinLast = 100
	}
	switch {
	case o.Bootstrap > 1_000_000:
		return o, fmt.Errorf("%w: at most 1,000,000 bootstrap resamples, got %d", ErrInput, o.Bootstrap)
	case !(o.Level > 0 && o.Level < 1):
		return o, fmt.Errorf("%w: interval level must be in (0,1), got %g", ErrInput, o.Level)
	case o.MinSecond < 10:
		return o, fmt.Errorf("%w: the second-digit test needs counts of at least 10, got a minimum of %d", ErrInput, o.MinSecond)
	case o.MinLast < 10:
		return o, fmt.Errorf("%w: the last-digit pair tests need counts of at least 10, got a minimum of %d", ErrInput, o.MinLast)
	}
	return o, nil
}

// BenfordSecond holds the probabilities of second significant digits 0–9
// under Benford's law: P(d) = Σ_{k=1..9} log10(1 + 1/(10k+d)).
var BenfordSecond = func() [10]float64 {
	var p [10]float64
	for d := range 10 {
		for k := 1; k <= 9; k++ {
			p[d] += math.Log10(1 + 1/float64(10*k+d))
		}
	}
	return p
}()

// BenfordSecondMean is the mean second digit under Benford's law (≈ 4.187).
var BenfordSecondMean = func() float64 {
	var m float64
	for d, p := range BenfordSecond {
		m += float64(d) * p
	}
	return m
}()

// SecondDigitNull and the other Null texts state each test's null.
const (
	SecondDigitNull = "Null: the second significant digits of the counts follow Benford's second-digit law " +
		"(mean 4.187); counts below the minimum have no second digit worth testing and are left out."
	SecondDigitCaveat = "The second-digit Benford test (Mebane) is contested as a fraud test. Honest counts often " +
		"depart from Benford's law, depending on how units are sized and how support is spread, and studies of " +
		"clean elections (for example Deckert, Myagkov and Ordeshook, 2011) found that the test flags real " +
		"machine- and table-level counts; manipulated counts can also pass it. A departure is a reason to look " +
		"closer, not evidence of wrongdoing, and agreement with the law is not evidence of a clean count."
	LastDigitNull = "Null: the last digit of each count at or above the minimum is equally likely to be 0 to 9, " +
		"and its last two digits are equally likely to be any of the 100 pairs: 20% of counts end in 0 or 5, " +
		"10% in a repeated pair (11, 22, …), 18% in an adjacent pair (12, 21, …)."
	LastDigitCaveat = "Last-digit tests (Beber and Scacco, 2012) look for the habits of people who invent numbers: " +
		"favourite digits, too many or too few repeated or adjacent final pairs. Honest data can fail them " +
		"(counts that were estimated or rounded, entry conventions, many small counts), and altered data can pass " +
		"them (figures computed by a program, or copied from another unit, keep uniform last digits). A failure " +
		"is a reason to look closer, not evidence of wrongdoing."
)

// SecondDigitTest is the second-digit Benford test on one candidate's
// counts.
type SecondDigitTest struct {
	Candidate   int    `json:"candidate"`
	CandidateID string `json:"candidate_id"`
	// N is the number of counts tested.
	N        int64       `json:"n"`
	Excluded []Exclusion `json:"excluded,omitempty"`
	// Observed counts the second digits 0–9; Expected is Benford's law.
	Observed [10]int64   `json:"observed"`
	Expected [10]float64 `json:"expected"`
	// Mean is the mean second digit; MeanInterval its bootstrap interval.
	Mean         float64  `json:"mean"`
	ExpectedMean float64  `json:"expected_mean"`
	MeanInterval Interval `json:"mean_interval"`
	// ChiSquare is Pearson's statistic against Expected with DF degrees
	// of freedom; PValue its upper tail.
	ChiSquare float64 `json:"chi_square"`
	DF        int     `json:"df"`
	PValue    float64 `json:"p_value"`
	// Note warns when the test has too few counts to mean much.
	Note   string `json:"note,omitempty"`
	Null   string `json:"null"`
	Caveat string `json:"caveat"`
}

// Proportion is a share of counts with its bootstrap interval and a
// normal-approximation test against the share expected under the null.
type Proportion struct {
	Count    int64    `json:"count"`
	Share    float64  `json:"share"`
	Expected float64  `json:"expected"`
	Interval Interval `json:"interval"`
	Z        float64  `json:"z"`
	PValue   float64  `json:"p_value"`
}

// LastDigitTest holds the last-digit tests on one candidate's counts.
type LastDigitTest struct {
	Candidate   int         `json:"candidate"`
	CandidateID string      `json:"candidate_id"`
	N           int64       `json:"n"`
	Excluded    []Exclusion `json:"excluded,omitempty"`
	// Observed counts the last digits 0–9; the chi-square tests them
	// against uniform with 9 degrees of freedom.
	Observed  [10]int64 `json:"observed"`
	ChiSquare float64   `json:"chi_square"`
	DF        int       `json:"df"`
	PValue    float64   `json:"p_value"`
	// ZeroFive is the share ending in 0 or 5; Repeated the share whose
	// last two digits are equal; Adjacent the share whose last two digits
	// differ by one.
	ZeroFive Proportion `json:"zero_five"`
	Repeated Proportion `json:"repeated"`
	Adjacent Proportion `json:"adjacent"`
	Note     string     `json:"note,omitempty"`
	Null     string     `json:"null"`
	Caveat   string     `json:"caveat"`
}

// secondDigit returns the second significant digit of v ≥ 10.
func secondDigit(v int64) int {
	for v >= 100 {
		v /= 10
	}
	return int(v % 10)
}

// stream numbers keep each test's draws apart for the same seed.
const (
	streamSecond = 0x2b1 << 32
	streamLast   = 0x1a5 << 32
	streamSpikes = 0x5e1 << 32
	streamKlimek = 0x71e << 32
)

func newRand(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}

const smallNote = "fewer than 100 counts: the test has little power and the chi-square approximation is rough"

// SecondDigitCounts runs the second-digit test on counts; counts below
// o.MinSecond are left out. stream separates the bootstrap draws of
// different calls with the same seed.
func SecondDigitCounts(counts []int64, o DigitOptions, stream uint64) (SecondDigitTest, error) {
	o, err := o.withDefaults()
	if err != nil {
		return SecondDigitTest{}, err
	}
	res := SecondDigitTest{Candidate: -1, Expected: BenfordSecond, ExpectedMean: BenfordSecondMean, DF: 9,
		Null: SecondDigitNull, Caveat: SecondDigitCaveat}
	var ex exclusions
	for _, v := range counts {
		if v < o.MinSecond {
			ex.add(ReasonSmallCount)
			continue
		}
		res.Observed[secondDigit(v)]++
		res.N++
	}
	res.Excluded = ex.result()
	if res.N == 0 {
		res.Mean, res.ChiSquare, res.PValue = math.NaN(), math.NaN(), math.NaN()
		res.MeanInterval = Interval{Lo: math.NaN(), Hi: math.NaN(), Level: o.Level}
		res.Note = "no count is large enough to have a second digit to test"
		return res, nil
	}
	res.Mean = digitMean(res.Observed[:], res.N)
	res.ChiSquare = chiSquare(res.Observed[:], BenfordSecond[:], res.N)
	res.PValue = ChiSquareSF(res.ChiSquare, res.DF)
	if res.N < 100 {
		res.Note = smallNote
	}
	res.MeanInterval = Interval{Lo: math.NaN(), Hi: math.NaN(), Level: o.Level}
	if o.Bootstrap > 0 {
		r := newRand(o.Seed, streamSecond+stream)
		probs := make([]float64, 10)
		for d := range probs {
			probs[d] = float64(res.Observed[d]) / float64(res.N)
		}
		draw := make([]int64, 10)
		means := make([]float64, o.Bootstrap)
		for b := range means {
			multinomial(r, res.N, probs, draw)
			means[b] = digitMean(draw, res.N)
		}
		res.MeanInterval = percentileInterval(means, o.Level)
	}
	return res, nil
}

func digitMean(obs []int64, n int64) float64 {
	var s int64
	for d, c := range obs {
		s += int64(d) * c
	}
	return float64(s) / float64(n)
}

// multinomial fills out with a draw of n items over probs (summing to 1)
// by sequential conditional binomials. Drawing the digit counts this way is
// the same, in distribution, as resampling the n counts with replacement.
func multinomial(r *rand.Rand, n int64, probs []float64, out []int64) {
	rest, mass := n, 1.0
	for k, p := range probs {
		if k == len(probs)-1 || rest == 0 {
			out[k] = rest
			rest = 0
			continue
		}
		var x int64
		if mass > 0 {
			x = synth.Binomial(r, rest, min(p/mass, 1))
		}
		out[k] = x
		rest -= x
		mass -= p
	}
}

// LastDigitCounts runs the last-digit tests on counts; counts below
// o.MinLast are left out.
func LastDigitCounts(counts []int64, o DigitOptions, stream uint64) (LastDigitTest, error) {
	o, err := o.withDefaults()
	if err != nil {
		return LastDigitTest{}, err
	}
	res := LastDigitTest{Candidate: -1, DF: 9, Null: LastDigitNull, Caveat: LastDigitCaveat}
	var ex exclusions
	var zf, rep, adj int64
	for _, v := range counts {
		if v < o.MinLast {
			ex.add(ReasonSmallCount)
			continue
		}
		last, tens := v%10, (v/10)%10
		res.Observed[last]++
		res.N++
		if last == 0 || last == 5 {
			zf++
		}
		if last == tens {
			rep++
		}
		if last-tens == 1 || tens-last == 1 {
			adj++
		}
	}
	res.Excluded = ex.result()
	uniform := make([]float64, 10)
	for i := range uniform {
		uniform[i] = 0.1
	}
	if res.N == 0 {
		res.ChiSquare, res.PValue = math.NaN(), math.NaN()
		nan := Proportion{Share: math.NaN(), Z: math.NaN(), PValue: math.NaN(), Interval: Interval{Lo: math.NaN(), Hi: math.NaN(), Level: o.Level}}
		res.ZeroFive, res.Repeated, res.Adjacent = nan, nan, nan
		res.ZeroFive.Expected, res.Repeated.Expected, res.Adjacent.Expected = 0.2, 0.1, 0.18
		res.Note = "no count reaches the minimum for the last-digit tests"
		return res, nil
	}
	res.ChiSquare = chiSquare(res.Observed[:], uniform, res.N)
	res.PValue = ChiSquareSF(res.ChiSquare, res.DF)
	if res.N < 100 {
		res.Note = smallNote
	}
	r := newRand(o.Seed, streamLast+stream)
	res.ZeroFive = proportion(r, zf, res.N, 0.2, o)
	res.Repeated = proportion(r, rep, res.N, 0.1, o)
	res.Adjacent = proportion(r, adj, res.N, 0.18, o)
	return res, nil
}

// proportion builds a Proportion with a percentile bootstrap interval
// (resampling the n counts is a binomial draw of the k successes) and a
// two-sided normal-approximation z test against p0.
func proportion(r *rand.Rand, k, n int64, p0 float64, o DigitOptions) Proportion {
	p := Proportion{Count: k, Share: float64(k) / float64(n), Expected: p0}
	p.Z = (p.Share - p0) / math.Sqrt(p0*(1-p0)/float64(n))
	p.PValue = NormalTwoSided(p.Z)
	p.Interval = Interval{Lo: math.NaN(), Hi: math.NaN(), Level: o.Level}
	if o.Bootstrap > 0 {
		xs := make([]float64, o.Bootstrap)
		for b := range xs {
			xs[b] = float64(synth.Binomial(r, n, p.Share)) / float64(n)
		}
		p.Interval = percentileInterval(xs, o.Level)
	}
	return p
}

// candidateCounts returns candidate c's votes in the tally's single units,
// and the units left out because they are aggregated.
func candidateCounts(t *sim.Tally, c int) ([]int64, int) {
	out := make([]int64, 0, len(t.Units))
	agg := 0
	for i := range t.Units {
		u := &t.Units[i]
		if u.Size() > 1 {
			agg++
			continue
		}
		out = append(out, u.Votes[c])
	}
	return out, agg
}

func withAggregated(ex []Exclusion, agg int) []Exclusion {
	if agg == 0 {
		return ex
	}
	return append([]Exclusion{{Reason: ReasonAggregated, Units: agg}}, ex...)
}

// SecondDigit runs the second-digit test on every candidate's counts in
// the tally's single units, in the tally's candidate order.
func SecondDigit(t *sim.Tally, o DigitOptions) ([]SecondDigitTest, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	out := make([]SecondDigitTest, len(t.Candidates))
	for c := range t.Candidates {
		counts, agg := candidateCounts(t, c)
		res, err := SecondDigitCounts(counts, o, uint64(c))
		if err != nil {
			return nil, err
		}
		res.Candidate, res.CandidateID = c, t.Candidates[c].ID
		res.Excluded = withAggregated(res.Excluded, agg)
		out[c] = res
	}
	return out, nil
}

// LastDigit runs the last-digit tests on every candidate's counts in the
// tally's single units, in the tally's candidate order.
func LastDigit(t *sim.Tally, o DigitOptions) ([]LastDigitTest, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	out := make([]LastDigitTest, len(t.Candidates))
	for c := range t.Candidates {
		counts, agg := candidateCounts(t, c)
		res, err := LastDigitCounts(counts, o, uint64(c))
		if err != nil {
			return nil, err
		}
		res.Candidate, res.CandidateID = c, t.Candidates[c].ID
		res.Excluded = withAggregated(res.Excluded, agg)
		out[c] = res
	}
	return out, nil
}
