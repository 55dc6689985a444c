package synth

import (
	"math"
	"math/rand/v2"
)

// NewRand returns the package's deterministic source for a seed: a
// math/rand/v2 PCG generator seeded with (seed, a fixed odd constant).
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

// Binomial draws the number of successes in n trials of probability p.
// It is exact: inversion by the recurrence of the probability mass
// function when n·min(p,1−p) < 10, and Hörmann's transformed rejection
// with squeeze (BTRS, 1993) otherwise. n ≤ 0 or p ≤ 0 gives 0; p ≥ 1 gives n.
func Binomial(r *rand.Rand, n int64, p float64) int64 {
	if n <= 0 || !(p > 0) {
		return 0
	}
	if p >= 1 {
		return n
	}
	flip := p > 0.5
	if flip {
		p = 1 - p
	}
	var k int64
	if float64(n)*p < 10 {
		k = binomialInversion(r, n, p)
	} else {
		k = binomialBTRS(r, n, p)
	}
	if flip {
		return n - k
	}
	return k
}

func binomialInversion(r *rand.Rand, n int64, p float64) int64 {
	q := 1 - p
	s := p / q
	a := float64(n+1) * s
	for {
		f := math.Pow(q, float64(n))
		u := r.Float64()
		var x int64
		for x <= n {
			if u <= f {
				return x
			}
			u -= f
			x++
			f *= a/float64(x) - s
		}
		// Rounding left u above the whole mass: draw again.
	}
}

func binomialBTRS(r *rand.Rand, n int64, p float64) int64 {
	nf := float64(n)
	q := 1 - p
	spq := math.Sqrt(nf * p * q)
	b := 1.15 + 2.53*spq
	a := -0.0873 + 0.0248*b + 0.01*p
	c := nf*p + 0.5
	vr := 0.92 - 4.2/b
	alpha := (2.83 + 5.1/b) * spq
	lpq := math.Log(p / q)
	m := math.Floor((nf + 1) * p)
	lm1, _ := math.Lgamma(m + 1)
	lnm1, _ := math.Lgamma(nf - m + 1)
	h := lm1 + lnm1
	for {
		u := r.Float64() - 0.5
		v := r.Float64()
		us := 0.5 - math.Abs(u)
		if us <= 0 {
			continue
		}
		k := math.Floor((2*a/us+b)*u + c)
		if k < 0 || k > nf {
			continue
		}
		if us >= 0.07 && v <= vr {
			return int64(k)
		}
		v = math.Log(v * alpha / (a/(us*us) + b))
		lk1, _ := math.Lgamma(k + 1)
		lnk1, _ := math.Lgamma(nf - k + 1)
		if v <= h-lk1-lnk1+(k-m)*lpq {
			return int64(k)
		}
	}
}

// Steal applies one unit's ballot stuffing in the model of package synth:
// a fraction x of the non-voters (registered − voters) is added to the
// winner, and the same fraction of the opposition's votes (voters − winner)
// is moved to the winner. It works on real numbers; it returns the new
// voters and winner votes. x is clipped to [0,1].
func Steal(registered, voters, winner, x float64) (newVoters, newWinner float64) {
	x = min(max(x, 0), 1)
	stuffed := x * max(registered-voters, 0)
	switched := x * max(voters-winner, 0)
	return voters + stuffed, winner + stuffed + switched
}

// IncrementalX draws the fraction stolen in a unit with incremental fraud:
// |N(0, sd)| capped at 1.
func IncrementalX(r *rand.Rand, sd float64) float64 {
	return min(math.Abs(r.NormFloat64()*sd), 1)
}

// ExtremeX draws the fraction stolen in a unit with extreme fraud:
// 1 − |N(0, sd)|, floored at 0.
func ExtremeX(r *rand.Rand, sd float64) float64 {
	return max(1-math.Abs(r.NormFloat64()*sd), 0)
}
