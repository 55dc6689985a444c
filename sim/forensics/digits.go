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
	// NoBinomial leaves out the binomial nulls (SecondDigitTest.Binomial
	// and LastDigitTest.Binomial stay nil), which take most of the time.
	NoBinomial bool
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
	SecondDigitCaveat = "The second-digit Benford test (Mebane) is contested as a fraud test. Critics (for example " +
		"Deckert, Myagkov and Ordeshook, 2011) showed that it can flag fair elections and miss fraudulent ones. " +
		"It flags real machine- and table-level counts, whose range is too narrow for Benford's law, and honest " +
		"counts also depart from the law depending on how units are sized and how support is spread; the binomial " +
		"null, where shown, checks the same digits against counts of their real range. A departure is a reason to " +
		"look closer, not evidence of wrongdoing, and agreement with the law is not evidence of a clean count."
	LastDigitNull = "Null: the last digit of each count at or above the minimum is equally likely to be 0 to 9, " +
		"and its last two digits are equally likely to be any of the 100 pairs: 20% of counts end in 0 or 5, " +
		"10% in a repeated pair (11, 22, …), 18% in an adjacent pair (12, 21, …)."
	LastDigitCaveat = "Last-digit tests (Beber and Scacco, 2012) look for the habits of people who invent numbers: " +
		"favourite digits, too many or too few repeated or adjacent final pairs. Honest data can fail them " +
		"(counts that were estimated or rounded, entry conventions, many small counts), and altered data can pass " +
		"them (figures computed by a program, or copied from another unit, keep uniform last digits). Counts bunched " +
		"in a steep part of their range have more low final digits than high ones by arithmetic alone; the " +
		"binomial null, where shown, allows for that. A failure is a reason to look closer, not evidence of " +
		"wrongdoing."
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
	Note   *sim.Note `json:"note,omitempty"`
	Null   string    `json:"null"`
	Caveat string    `json:"caveat"`
	// Binomial, when set (by SecondDigit, which knows each unit's votes),
	// compares the same digits with what honest counting gives for counts
	// of this size and shape rather than with Benford's law.
	Binomial *SecondDigitBinomial `json:"binomial,omitempty"`
}

// SecondDigitBinomial is the second-digit distribution expected when each
// unit's count is redrawn binomially from its own valid votes and
// observed rate, keeping redraws of at least the test's minimum.
type SecondDigitBinomial struct {
	Expected     [10]float64 `json:"expected"`
	ExpectedMean float64     `json:"expected_mean"`
	ChiSquare    float64     `json:"chi_square"`
	DF           int         `json:"df"`
	PValue       float64     `json:"p_value"`
	// MeanZ is the observed mean's distance from ExpectedMean in standard
	// errors (the null's digit spread over √N); MeanP its two-sided p-value.
	MeanZ float64 `json:"mean_z"`
	MeanP float64 `json:"mean_p"`
	Null  string  `json:"null"`
}

// BinomialSecondDigitNull describes SecondDigitBinomial.
const BinomialSecondDigitNull = "Binomial null: each unit's count is redrawn from a binomial distribution with the " +
	"unit's valid votes and the candidate's observed share there, keeping redraws of at least the minimum. Counts " +
	"that mostly lie within one or two decades (say 100 to 300) cannot follow Benford's law, whatever their " +
	"honesty; this null keeps their real range. It puts each unit's observed rate in place of its true one, so " +
	"for a candidate whose counts mostly fall below the minimum (the few above it being chance highs) it " +
	"understates how fast the counts thin out, and departures from it should be read with care."

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
	Note     *sim.Note  `json:"note,omitempty"`
	Null     string     `json:"null"`
	Caveat   string     `json:"caveat"`
	// Binomial, when set (by LastDigit, which knows each unit's votes),
	// compares the same digits with what honest counting gives for counts
	// of this size and shape rather than with uniform digits.
	Binomial *LastDigitBinomial `json:"binomial,omitempty"`
}

// LastDigitBinomial is the last-digit distribution expected when each unit's
// count is redrawn binomially from its own valid votes and observed rate,
// keeping only redraws at or above the test's minimum, as the data does.
// Counts bunched in a steep part of their range (a small candidate's
// counts just above the minimum, say) then have more low final digits
// than high ones with no invention at all; this null includes that.
type LastDigitBinomial struct {
	// Expected holds the expected fraction of each last digit.
	Expected  [10]float64 `json:"expected"`
	ChiSquare float64     `json:"chi_square"`
	DF        int         `json:"df"`
	PValue    float64     `json:"p_value"`
	// ZeroFive, Repeated and Adjacent test the same shares as the
	// uniform test, against the expectations of this null.
	ZeroFive Proportion `json:"zero_five"`
	Repeated Proportion `json:"repeated"`
	Adjacent Proportion `json:"adjacent"`
	Null     string     `json:"null"`
}

// BinomialDigitNull describes LastDigitBinomial.
const BinomialDigitNull = "Binomial null: each unit's count is redrawn from a binomial distribution with the unit's " +
	"valid votes and the candidate's observed share there; only redraws at or above the minimum are kept, as in " +
	"the data. It keeps the shape of the counts (where they bunch, how fast they thin out), which uniform digits " +
	"ignore; a departure from uniform that vanishes here is accounted for by that shape, and so is no sign of " +
	"invented numbers. It puts each unit's observed rate in place of its true one, which slightly understates how " +
	"fast the counts thin out just above the minimum when many of them lie below it."

// unitCounts returns candidate c's votes and the valid votes of the
// tally's single units.
func unitCounts(t *sim.Tally, c int) (ks, ns []int64) {
	ks = make([]int64, 0, len(t.Units))
	ns = make([]int64, 0, len(t.Units))
	for i := range t.Units {
		u := &t.Units[i]
		if u.Size() > 1 {
			continue
		}
		ks = append(ks, u.Votes[c])
		ns = append(ns, u.Valid())
	}
	return ks, ns
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

// smallNote is the code of the note on a test with fewer than 100
// counts: little power, and a rough chi-square approximation.
const smallNote = "digits.small"

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
		res.Note = &sim.Note{Code: "digits.no-second"}
		return res, nil
	}
	res.Mean = digitMean(res.Observed[:], res.N)
	res.ChiSquare = chiSquare(res.Observed[:], BenfordSecond[:], res.N)
	res.PValue = ChiSquareSF(res.ChiSquare, res.DF)
	if res.N < 100 {
		res.Note = &sim.Note{Code: smallNote}
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
		res.Note = &sim.Note{Code: "digits.no-last"}
		return res, nil
	}
	res.ChiSquare = chiSquare(res.Observed[:], uniform, res.N)
	res.PValue = ChiSquareSF(res.ChiSquare, res.DF)
	if res.N < 100 {
		res.Note = &sim.Note{Code: smallNote}
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

// digitTests runs both digit tests on every candidate, walking each
// unit's binomial null once for both.
func digitTests(t *sim.Tally, o DigitOptions, second, last bool) ([]SecondDigitTest, []LastDigitTest, error) {
	if err := checkTally(t); err != nil {
		return nil, nil, err
	}
	od, err := o.withDefaults()
	if err != nil {
		return nil, nil, err
	}
	var outS []SecondDigitTest
	var outL []LastDigitTest
	for c := range t.Candidates {
		if t.Candidates[c].Aggregate {
			// A lump of several candidates has no digit law of its own:
			// its counts are sums. Run says so in Skipped.
			continue
		}
		counts, agg := candidateCounts(t, c)
		var rs SecondDigitTest
		var rl LastDigitTest
		var minS, minL int64
		if second {
			if rs, err = SecondDigitCounts(counts, o, uint64(c)); err != nil {
				return nil, nil, err
			}
			rs.Candidate, rs.CandidateID = c, t.Candidates[c].ID
			rs.Excluded = withAggregated(rs.Excluded, agg)
			if rs.N > 0 {
				minS = od.MinSecond
			}
		}
		if last {
			if rl, err = LastDigitCounts(counts, o, uint64(c)); err != nil {
				return nil, nil, err
			}
			rl.Candidate, rl.CandidateID = c, t.Candidates[c].ID
			rl.Excluded = withAggregated(rl.Excluded, agg)
			if rl.N > 0 {
				minL = od.MinLast
			}
		}
		if (minS > 0 || minL > 0) && !o.NoBinomial {
			var acc digitAcc
			ks, ns := unitCounts(t, c)
			acc.accumulate(ks, ns, minS, minL)
			rs.Binomial = secondBinomial(&acc, &rs)
			rl.Binomial = lastBinomial(&acc, &rl)
		}
		if second {
			outS = append(outS, rs)
		}
		if last {
			outL = append(outL, rl)
		}
	}
	return outS, outL, nil
}

// SecondDigit runs the second-digit test on every candidate's counts in
// the tally's single units, in the tally's candidate order, leaving out
// aggregates (sim.Candidate.Aggregate).
//
// It runs both digit tests, as Run does, so that its figures are Run's to
// the last bit (the binomial walk sums both tests' terms together).
func SecondDigit(t *sim.Tally, o DigitOptions) ([]SecondDigitTest, error) {
	out, _, err := digitTests(t, o, true, true)
	return out, err
}

// LastDigit runs the last-digit tests on every candidate's counts in the
// tally's single units, in the tally's candidate order, leaving out
// aggregates (sim.Candidate.Aggregate).
//
// Like SecondDigit, it runs both tests, so that its figures are Run's.
func LastDigit(t *sim.Tally, o DigitOptions) ([]LastDigitTest, error) {
	_, out, err := digitTests(t, o, true, true)
	return out, err
}

// secondDigit returns the second significant digit of v ≥ 10.
func secondDigit(v int64) int {
	for v >= 100 {
		v /= 10
	}
	return int(v % 10)
}
