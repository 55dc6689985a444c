package forensics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// SpikeOptions configures the integer-percentage tests. The zero value
// uses 1,000 Monte Carlo replicates, seed 0, the leader of the data and
// shares of valid votes.
type SpikeOptions struct {
	Seed uint64
	// Replicates is the number of Monte Carlo redraws of every unit
	// (1000); a p-value under 3×FlagP after them is computed from
	// ExtendedReplicates draws instead (see SpikeTest.Replicates).
	Replicates int
	// Candidate names the candidate whose share is tested; empty means
	// the candidate with the most votes.
	Candidate   string
	Denominator sim.Denominator
	// MinDenominator leaves out units whose denominator (registered voters
	// for turnout, valid or cast votes for the share) is smaller (none).
	MinDenominator int64
}

// SpikeNull and SpikeCaveat are printed next to every spike test.
const (
	SpikeNull = "Null: each unit is redrawn binomially, with its own number of registered voters (for turnout) " +
		"or of votes (for the share) and its own observed rate; the test counts the units whose percentage is " +
		"then an exact whole number. Small units land on whole percentages often by arithmetic alone, and the " +
		"null includes that. Units whose percentage lies within reach of 0% or 100% are left out, since the null " +
		"is biased there; 100% turnout is the fingerprint's business."
	SpikeCaveat = "Kobak, Shpilkin and Pshenichnikov (2016) found far more units at whole-number percentages than " +
		"such a null allows in elections where officials appear to have written in target figures. A count " +
		"above the null's range is a pattern to explain, not proof that figures were invented; a count inside " +
		"the range shows no such excess, and does not certify the figures."
)

// SpikeTest counts the units whose turnout or share is an exact integer
// percentage, against a binomial Monte Carlo null.
type SpikeTest struct {
	// Quantity is "turnout" or "share".
	Quantity    string          `json:"quantity"`
	Candidate   int             `json:"candidate"`
	CandidateID string          `json:"candidate_id,omitempty"`
	Denominator sim.Denominator `json:"denominator"`
	// Units is the number of units tested.
	Units    int64       `json:"units"`
	Excluded []Exclusion `json:"excluded,omitempty"`
	// Integer is the number of units at an exact integer percentage.
	Integer int64 `json:"integer"`
	// NullMean is the expected number under the null (exact); NullSD the
	// standard deviation of the replicates; NullInterval holds the central
	// 95% of the replicates.
	NullMean     float64  `json:"null_mean"`
	NullSD       float64  `json:"null_sd"`
	NullInterval Interval `json:"null_interval"`
	// PValue is the one-sided Monte Carlo p-value of an excess:
	// (1 + replicates ≥ Integer) / (1 + Replicates). Replicates is the
	// number of draws behind it: the options' Replicates, or
	// ExtendedReplicates when the first draws put it near FlagP. The
	// null's SD and interval come from the first Replicates.
	PValue     float64 `json:"p_value"`
	Replicates int     `json:"replicates"`
	// ByPercent counts the units at each integer percentage 0–100, and
	// NullByPercent the number expected there under the null.
	ByPercent     [101]int64   `json:"by_percent"`
	NullByPercent [101]float64 `json:"null_by_percent"`
	Null          string       `json:"null"`
	Caveat        string       `json:"caveat"`
}

// Inside reports whether the observed count lies within the null's
// central interval.
func (s *SpikeTest) Inside() bool {
	return float64(s.Integer) >= s.NullInterval.Lo && float64(s.Integer) <= s.NullInterval.Hi
}

func (o SpikeOptions) withDefaults() (SpikeOptions, error) {
	if o.Replicates == 0 {
		o.Replicates = 1000
	}
	if o.Replicates < 1 || o.Replicates > 1_000_000 {
		return o, fmt.Errorf("%w: replicates must be between 1 and 1,000,000, got %d", ErrInput, o.Replicates)
	}
	return o, nil
}

// TurnoutSpikes runs the integer-percentage test on the turnout of the
// tally's single units with known registered voters.
func TurnoutSpikes(t *sim.Tally, o SpikeOptions) (*SpikeTest, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if !t.HasRegistered() {
		return nil, sim.Errorf(ErrNeedsTurnout, "forensics.spikes.no-registered", t.UnitLevel)
	}
	var ex exclusions
	var ks, ns []int64
	for i := range t.Units {
		u := &t.Units[i]
		if ok, why := turnoutUnit(u); !ok {
			ex.add(why)
			continue
		}
		if u.Registered < o.MinDenominator {
			ex.add(ReasonSmallUnit)
			continue
		}
		if nearEdge(u.Cast(), u.Registered) {
			ex.add(ReasonNearEdge)
			continue
		}
		ks = append(ks, u.Cast())
		ns = append(ns, u.Registered)
	}
	s := &SpikeTest{Quantity: "turnout", Candidate: -1, Denominator: sim.OfCast}
	return s.run(ks, ns, ex.result(), o, 0)
}

// ShareSpikes runs the integer-percentage test on a candidate's share in
// the tally's single units.
func ShareSpikes(t *sim.Tally, o SpikeOptions) (*SpikeTest, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	c, err := resolveCandidate(t, o.Candidate)
	if err != nil {
		return nil, err
	}
	var ex exclusions
	var ks, ns []int64
	for i := range t.Units {
		u := &t.Units[i]
		if u.Size() > 1 {
			ex.add(ReasonAggregated)
			continue
		}
		_, den := shareOf(u, c, o.Denominator)
		if den == 0 {
			ex.add(ReasonNoValidVotes)
			continue
		}
		if den < o.MinDenominator {
			ex.add(ReasonSmallUnit)
			continue
		}
		if nearEdge(u.Votes[c], den) {
			ex.add(ReasonNearEdge)
			continue
		}
		ks = append(ks, u.Votes[c])
		ns = append(ns, den)
	}
	s := &SpikeTest{Quantity: "share", Candidate: c, CandidateID: t.Candidates[c].ID, Denominator: o.Denominator}
	return s.run(ks, ns, ex.result(), o, 1+uint64(c))
}

// nearEdge reports whether a binomial with n trials and the observed rate
// k/n reaches within 4 standard deviations of 0 or n. There the null that
// plugs in the observed rate is biased upward: a unit observed at n−1 of n
// gets about a 1 in e chance of landing exactly on 100%, which its true
// rate rarely gives. Such units (exactly 0% or 100% included) are left out
// of both the count and the null.
func nearEdge(k, n int64) bool {
	mean := float64(k)
	sd := math.Sqrt(mean * (1 - mean/float64(n)))
	return mean-4*sd <= 0.5 || mean+4*sd >= float64(n)-0.5
}

// integerPercent reports whether 100·k/n is a whole number, and which.
func integerPercent(k, n int64) (int, bool) {
	if (100*k)%n != 0 {
		return 0, false
	}
	return int(100 * k / n), true
}

func (s *SpikeTest) run(ks, ns []int64, ex []Exclusion, o SpikeOptions, stream uint64) (*SpikeTest, error) {
	s.Excluded, s.Replicates, s.Null, s.Caveat = ex, o.Replicates, SpikeNull, SpikeCaveat
	s.Units = int64(len(ks))
	if s.Units == 0 {
		return nil, sim.Errorf(ErrNoUnits, "forensics.spikes.no-units", "", s.Quantity)
	}
	// Each unit's chance of an integer percentage under the null.
	var always int64
	var chances []float64
	for i, k := range ks {
		n := ns[i]
		if v, ok := integerPercent(k, n); ok {
			s.Integer++
			s.ByPercent[v]++
		}
		p := integerChance(n, float64(k)/float64(n), &s.NullByPercent)
		s.NullMean += p
		switch {
		case p >= 1:
			always++
		case p > 0:
			chances = append(chances, p)
		}
	}
	r := newRand(o.Seed, streamSpikes+stream)
	sampler := newBernoulliSum(chances)
	reps := make([]float64, o.Replicates)
	var above int
	var sum, sum2 float64
	for b := range reps {
		n := always + sampler.draw(r)
		reps[b] = float64(n)
		sum += float64(n)
		sum2 += float64(n) * float64(n)
		if n >= s.Integer {
			above++
		}
	}
	m := sum / float64(o.Replicates)
	s.NullSD = math.Sqrt(max(sum2/float64(o.Replicates)-m*m, 0))
	s.NullInterval = percentileInterval(reps, 0.95)
	s.PValue = float64(1+above) / float64(1+o.Replicates)
	// A Monte Carlo p-value cannot go below 1/(1+Replicates): with 1,000
	// draws that floor (0.000999) sits just under FlagP, so a result
	// that no draw reached would be flagged however close its true p is
	// to FlagP. Near the threshold the draws go on, on the same stream,
	// to ExtendedReplicates, and the p-value is theirs.
	if total := max(o.Replicates, ExtendedReplicates); s.PValue < 3*FlagP && total > o.Replicates {
		for range total - o.Replicates {
			if always+sampler.draw(r) >= s.Integer {
				above++
			}
		}
		s.Replicates = total
		s.PValue = float64(1+above) / float64(1+total)
	}
	return s, nil
}

// ExtendedReplicates is the number of draws a spike test's p-value takes
// when the first Replicates put it near FlagP (under 3×FlagP).
const ExtendedReplicates = 20000

// bernoulliSum draws the number of successes among independent events of
// probabilities ps (a Poisson-binomial draw), exactly and in time
// proportional to the expected count: events are grouped by the quarter
// power of two q just above their probability; within a group, candidates
// are found by geometric skips at rate q, and each is kept with
// probability p/q.
type bernoulliSum struct {
	groups []bernoulliGroup
}

type bernoulliGroup struct {
	q     float64   // the group's rate, a quarter power of two ≥ every p in it
	logq1 float64   // log(1 − q), or 0 when q = 1
	keep  []float64 // p/q for each event
}

func newBernoulliSum(ps []float64) *bernoulliSum {
	// Group g holds the p in (2^(−(g+1)/4), 2^(−g/4)], so that a group's
	// rate is at most 19% above any of its probabilities.
	byGroup := map[int][]float64{}
	var groups []int
	for _, p := range ps {
		g := max(int(math.Floor(-4*math.Log2(p))), 0)
		for g > 0 && math.Exp2(-float64(g)/4) < p { // guard rounding
			g--
		}
		if _, ok := byGroup[g]; !ok {
			groups = append(groups, g)
		}
		byGroup[g] = append(byGroup[g], p)
	}
	slices.Sort(groups)
	b := &bernoulliSum{}
	for _, g := range groups {
		q := math.Exp2(-float64(g) / 4)
		keep := byGroup[g]
		for i := range keep {
			keep[i] = min(keep[i]/q, 1)
		}
		bg := bernoulliGroup{q: q, keep: keep}
		if q < 1 {
			bg.logq1 = math.Log1p(-q)
		}
		b.groups = append(b.groups, bg)
	}
	return b
}

func (b *bernoulliSum) draw(r *rand.Rand) int64 {
	var n int64
	for gi := range b.groups {
		g := &b.groups[gi]
		i := -1
		for {
			if g.q < 1 {
				// Skip a geometric number of events: floor(log U / log(1−q)).
				u := 1 - r.Float64() // in (0, 1]
				i += 1 + int(math.Floor(math.Log(u)/g.logq1))
			} else {
				i++
			}
			if i >= len(g.keep) || i < 0 {
				break
			}
			if r.Float64() < g.keep[i] {
				n++
			}
		}
	}
	return n
}

// integerChance returns P(100·K/n is a whole number) for K ~ Binomial(n,
// q), and adds the chance of each whole percentage to byPct. It sums the
// probability mass at the multiples of n/gcd(n,100) within 8 standard
// deviations of the mean (the rest is below 1e-7 even for skewed, small
// counts): directly when there are few such multiples, otherwise walking
// outward from the mode with the ratio of successive probabilities.
func integerChance(n int64, q float64, byPct *[101]float64) float64 {
	if q <= 0 || q >= 1 {
		v := 0
		if q >= 1 {
			v = 100
		}
		byPct[v]++
		return 1
	}
	step := n / int64(gcd(uint64(n), 100))
	nf := float64(n)
	sd := math.Sqrt(nf * q * (1 - q))
	mode := int64(math.Floor((nf + 1) * q))
	mode = min(max(mode, 0), n)
	lo := max(int64(math.Floor(nf*q-8*sd-1)), 0)
	hi := min(int64(math.Ceil(nf*q+8*sd+1)), n)
	// Few multiples of step in range (large units whose size shares few
	// factors with 100): evaluate them directly instead of walking.
	first, last := (lo+step-1)/step, hi/step
	if last < first {
		return 0
	}
	lq, lq1 := math.Log(q), math.Log1p(-q)
	lnf, _ := math.Lgamma(nf + 1)
	pmf := func(k int64) float64 {
		lk, _ := math.Lgamma(float64(k) + 1)
		lnk, _ := math.Lgamma(nf - float64(k) + 1)
		return math.Exp(lnf - lk - lnk + float64(k)*lq + (nf-float64(k))*lq1)
	}
	var total float64
	if last-first < 8 {
		for m := first; m <= last; m++ {
			pk := pmf(m * step)
			total += pk
			byPct[int(100*m*step/n)] += pk
		}
		return min(total, 1)
	}
	pm := pmf(mode)
	odds := q / (1 - q)
	if mode%step == 0 {
		total += pm
		byPct[int(100*mode/n)] += pm
	}
	pk := pm
	for k := mode; k < hi; k++ { // upward: P(k+1) = P(k)·(n−k)/(k+1)·q/(1−q)
		pk *= float64(n-k) / float64(k+1) * odds
		if (k+1)%step == 0 {
			total += pk
			byPct[int(100*(k+1)/n)] += pk
		}
	}
	pk = pm
	for k := mode; k > lo; k-- { // downward: P(k−1) = P(k)·k/(n−k+1)·(1−q)/q
		pk *= float64(k) / float64(n-k+1) / odds
		if (k-1)%step == 0 {
			total += pk
			byPct[int(100*(k-1)/n)] += pk
		}
	}
	return min(total, 1)
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
