package forensics

import (
	"fmt"
	"math"
	"math/big"

	"github.com/tallyscope/tallyscope/sim"
)

// RoundFlagBelow is the likelihood under which a set of announced counts
// is flagged as unusually round.
const RoundFlagBelow = 1e-3

// MaxRoundDecimals is the most decimals Roundness accepts.
const MaxRoundDecimals = 6

// Count is a named vote count, as announced.
type Count struct {
	Label string `json:"label"`
	Votes int64  `json:"votes"`
}

// RoundCount is the verdict on one announced count.
type RoundCount struct {
	Label string `json:"label"`
	Votes int64  `json:"votes"`
	// Percent is the percentage the count shows with the announced number
	// of decimals: 100·Votes/Total rounded half up, as text ("51.2") so
	// that it is exact.
	Percent string `json:"percent"`
	// RoundVotes is Percent·Total/100 rounded half up to whole votes: the
	// count someone would publish if they chose Percent first.
	RoundVotes int64 `json:"round_votes"`
	// Round reports Votes == RoundVotes; OffBy is Votes − RoundVotes.
	Round bool  `json:"round"`
	OffBy int64 `json:"off_by"`
	// BinSize is the number of whole vote counts whose percentage of
	// Total rounds to Percent. Chance = 1/BinSize is the probability that
	// the count is exactly round under the null.
	BinSize int64   `json:"bin_size"`
	Chance  float64 `json:"chance"`
	// Free is false for the one count that is fixed by the others when
	// the counts add up to Total.
	Free bool `json:"free"`
	// BinLow is the smallest count in the bin; the bin holds BinLow to
	// BinLow + BinSize − 1.
	BinLow int64 `json:"bin_low"`
}

// RoundReport is the round-percentage verdict on a set of announced counts.
type RoundReport struct {
	Label    string `json:"label,omitempty"`
	Total    int64  `json:"total"`
	Decimals int    `json:"decimals"`
	// CountsMakeTotal reports that the counts add up to Total, so one of
	// them is fixed by the others and is not counted in the likelihood.
	CountsMakeTotal bool         `json:"counts_make_total"`
	Counts          []RoundCount `json:"counts"`
	// Round is the number of exactly round counts; RoundFree those among
	// the FreeCounts counts drawn under the null.
	Round      int  `json:"round"`
	RoundFree  int  `json:"round_free"`
	FreeCounts int  `json:"free_counts"`
	AllRound   bool `json:"all_round"`
	// Likelihood is the chance under the null that at least RoundFree of
	// the free counts are exactly round (1 when none is); OneIn is its
	// inverse.
	Likelihood float64 `json:"likelihood"`
	OneIn      float64 `json:"one_in"`
	// JointOneIn is set when every count is round and the counts (at most
	// 16 of them) make up the total: the number of ways to split the total into whole counts
	// that show the same percentages. Under the stricter null that takes
	// every such split as equally likely, the chance of the round one is
	// 1 in JointOneIn. It is of the same order as OneIn (for the CNE's
	// first bulletin, 75,882,581 against 101,173,422).
	JointOneIn float64 `json:"joint_one_in,omitempty"`
	// Flagged reports Likelihood < RoundFlagBelow.
	Flagged bool   `json:"flagged"`
	Null    string `json:"null"`
	Caveat  string `json:"caveat"`
}

// RoundNull describes the null of Roundness.
const RoundNull = "Null: each announced count is equally likely to be any whole number of votes " +
	"whose percentage of the total rounds (half up) to the announced percentage, independently of " +
	"the others. When the counts add up to the total, one of them (the one with the widest range, " +
	"the last on ties) is fixed by the others and is left out. The likelihood is the chance, under this null, of at " +
	"least as many exactly round counts as announced."

// RoundCaveat is printed next to every Roundness result.
const RoundCaveat = "This likelihood says how unusual the figures would be if they had been counted vote by " +
	"vote; it is not the probability of fraud. Exactly round counts are the trace left when percentages are " +
	"fixed first and vote counts are then computed from them and a total; the test cannot say who did that or " +
	"why, and it says nothing about the figures that were not announced."

// Roundness checks whether each count is exactly a round percentage of
// total, for percentages announced with the given number of decimals.
// A total of zero means the sum of the counts. The total must be large
// enough that one step of the last decimal is at least 10 votes.
func Roundness(label string, counts []Count, total int64, decimals int) (*RoundReport, error) {
	if len(counts) == 0 {
		return nil, fmt.Errorf("%w: roundness needs at least one count", ErrInput)
	}
	if decimals < 0 || decimals > MaxRoundDecimals {
		return nil, fmt.Errorf("%w: decimals must be between 0 and %d, got %d", ErrInput, MaxRoundDecimals, decimals)
	}
	var sum int64
	for _, c := range counts {
		if c.Votes < 0 {
			return nil, fmt.Errorf("%w: count %q is negative (%d)", ErrInput, c.Label, c.Votes)
		}
		if sum > math.MaxInt64-c.Votes {
			return nil, fmt.Errorf("%w: counts overflow", ErrInput)
		}
		sum += c.Votes
	}
	if total == 0 {
		total = sum
	}
	if total < sum {
		return nil, fmt.Errorf("%w: total %d is less than the sum of the counts %d", ErrInput, total, sum)
	}
	scale := int64(math.Pow10(decimals + 2))
	if total < 10*scale {
		return nil, fmt.Errorf("%w: with %d decimals a step of the last digit is %.3g votes of a total of %d; the test needs at least 10",
			ErrInput, decimals, float64(total)/float64(scale), total)
	}
	rep := &RoundReport{Label: label, Total: total, Decimals: decimals, CountsMakeTotal: sum == total,
		Counts: make([]RoundCount, len(counts)), Null: RoundNull, Caveat: RoundCaveat}
	fixed := -1
	for i, c := range counts {
		rc := roundCount(c, total, decimals, scale)
		rc.Free = true
		rep.Counts[i] = rc
		if rc.Round {
			rep.Round++
		}
		if fixed < 0 || rc.BinSize >= rep.Counts[fixed].BinSize {
			fixed = i
		}
	}
	if rep.CountsMakeTotal {
		// A single count equal to the total is 100% by definition.
		rep.Counts[fixed].Free = false
	}
	var probs []float64
	for _, rc := range rep.Counts {
		if rc.Free {
			probs = append(probs, rc.Chance)
			if rc.Round {
				rep.RoundFree++
			}
		}
	}
	rep.FreeCounts = len(probs)
	rep.AllRound = rep.Round == len(counts)
	rep.Likelihood = atLeast(probs, rep.RoundFree)
	rep.OneIn = 1 / rep.Likelihood
	rep.Flagged = rep.Likelihood < RoundFlagBelow
	if rep.AllRound && rep.CountsMakeTotal && len(counts) > 1 && len(counts) <= 16 {
		rep.JointOneIn = splits(rep.Counts, total)
	}
	return rep, nil
}

// splits counts the vectors of whole numbers, one per count, each within
// its count's bin and adding up to total, by inclusion–exclusion over the
// bins' upper bounds: with offsets o_i = c_i − lo_i in [0, n_i), the number
// of solutions of Σ o_i = m is Σ_S (−1)^|S| C(m − Σ_{i∈S} n_i + k − 1, k − 1).
func splits(cs []RoundCount, total int64) float64 {
	k := len(cs)
	lo := make([]int64, k)
	m := total
	for i, c := range cs {
		lo[i] = c.BinLow
		m -= lo[i]
	}
	sum := new(big.Int)
	for set := 0; set < 1<<k; set++ {
		top := m
		sign := 1
		for i := range k {
			if set&(1<<i) != 0 {
				top -= cs[i].BinSize
				sign = -sign
			}
		}
		if top < 0 {
			continue
		}
		term := new(big.Int).Binomial(top+int64(k)-1, int64(k)-1)
		if sign < 0 {
			term.Neg(term)
		}
		sum.Add(sum, term)
	}
	f, _ := new(big.Float).SetInt(sum).Float64()
	return f
}

// roundCount computes one count's percentage, round count and bin with
// exact integer arithmetic. With s = 10^(decimals+2), the shown
// percentage is P/10^decimals where P = round(s·votes/total), and the
// counts that show it are the x with (2P−1)·total ≤ 2s·x < (2P+1)·total.
func roundCount(c Count, total int64, decimals int, scale int64) RoundCount {
	T := big.NewInt(total)
	s := big.NewInt(scale)
	two := big.NewInt(2)
	// P = floor((2·s·v + T) / (2T))
	num := new(big.Int).Mul(two, s)
	num.Mul(num, big.NewInt(c.Votes))
	num.Add(num, T)
	P := new(big.Int).Quo(num, new(big.Int).Mul(two, T))
	// RoundVotes = floor((2·P·T + s) / (2s))
	rv := new(big.Int).Mul(two, P)
	rv.Mul(rv, T)
	rv.Add(rv, s)
	rv.Quo(rv, new(big.Int).Mul(two, s))
	// lo = ceil((2P−1)T / 2s), hi = ceil((2P+1)T / 2s) − 1, clipped to [0, T].
	den := new(big.Int).Mul(two, s)
	p2 := new(big.Int).Mul(two, P)
	lo := ceilDiv(new(big.Int).Mul(new(big.Int).Sub(p2, big.NewInt(1)), T), den)
	hi := ceilDiv(new(big.Int).Mul(new(big.Int).Add(p2, big.NewInt(1)), T), den)
	hi.Sub(hi, big.NewInt(1))
	l, h := max(lo.Int64(), 0), min(hi.Int64(), total)
	rc := RoundCount{Label: c.Label, Votes: c.Votes, Percent: formatScaled(P.Int64(), decimals),
		RoundVotes: rv.Int64(), BinSize: h - l + 1, BinLow: l}
	rc.Round = rc.Votes == rc.RoundVotes
	rc.OffBy = rc.Votes - rc.RoundVotes
	rc.Chance = 1 / float64(rc.BinSize)
	return rc
}

func ceilDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// formatScaled writes p/10^d with exactly d decimals.
func formatScaled(p int64, d int) string {
	s := fmt.Sprintf("%0*d", d+1, p)
	if d == 0 {
		return s
	}
	return s[:len(s)-d] + "." + s[len(s)-d:]
}

// atLeast returns the chance that at least k of independent events with
// probabilities ps happen (a Poisson-binomial tail), exactly by dynamic
// programming.
func atLeast(ps []float64, k int) float64 {
	if k <= 0 {
		return 1
	}
	dist := make([]float64, len(ps)+1)
	dist[0] = 1
	for i, p := range ps {
		for j := i + 1; j >= 1; j-- {
			dist[j] = dist[j]*(1-p) + dist[j-1]*p
		}
		dist[0] *= 1 - p
	}
	var s float64
	for j := k; j < len(dist); j++ {
		s += dist[j]
	}
	return s
}

// ClaimRoundness runs Roundness on a claim's announced counts: the named
// candidates, plus the others when announced and not zero. The total is the claim's
// valid total when stated, else the sum of the counts. The claim must say
// how many decimals its percentages had.
func ClaimRoundness(c *sim.Claim) (*RoundReport, error) {
	if c.Decimals < 0 {
		return nil, sim.Errorf(ErrInput, "forensics.claim-no-decimals", "", sim.Label(c.Label))
	}
	counts := make([]Count, 0, len(c.Votes)+1)
	for _, v := range c.Votes {
		counts = append(counts, Count{Label: v.Candidate, Votes: v.Votes})
	}
	// Others of zero means every candidate was named: there is no count.
	if c.Others > 0 {
		counts = append(counts, Count{Label: "others", Votes: c.Others})
	}
	var total int64
	if c.Valid != sim.Unknown && c.Valid > 0 {
		total = c.Valid
	}
	return Roundness(c.Label, counts, total, c.Decimals)
}

// Summary states the report in notes for package i18n to word, in the
// order a sentence gives them: how many counts are round
// ("round.counts"), how unusual that is under the null ("round.null",
// and "round.joint" when the joint likelihood is known), and whether it is
// flagged ("round.flagged" or "round.not-flagged").
func (r *RoundReport) Summary() []sim.Note {
	code := "round.counts"
	if r.Decimals == 1 {
		code = "round.counts.one"
	}
	out := []sim.Note{sim.NewNote(code, "", sim.Votes(r.Round), sim.Votes(len(r.Counts)), sim.Votes(r.Total), sim.Votes(r.Decimals))}
	if r.RoundFree > 0 {
		out = append(out, sim.NewNote("round.null", "", sim.Odds(r.OneIn)))
		if r.JointOneIn > 0 {
			out = append(out, sim.NewNote("round.joint", "", sim.Odds(r.JointOneIn)))
		}
	}
	if r.Flagged {
		return append(out, sim.NewNote("round.flagged", ""))
	}
	return append(out, sim.NewNote("round.not-flagged", ""))
}
