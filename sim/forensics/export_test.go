package forensics

import (
	"math/rand/v2"

	"github.com/tallyscope/tallyscope/sim"
)

// Internals reached by the black-box tests.

func IntegerChance(n int64, q float64) (float64, [101]float64) {
	var by [101]float64
	p := integerChance(n, q, &by)
	return p, by
}

func LinearFit(x, y []float64) Fit { return linearFit(x, y) }

func BernoulliSum(ps []float64, r *rand.Rand) int64 { return newBernoulliSum(ps).draw(r) }

func NewRand(seed, stream uint64) *rand.Rand { return newRand(seed, stream) }

func BinomialLastDigits(ks, ns []int64, minCount int64) (dig [10]float64, zf, rep, adj, mass float64) {
	return lastDigitNull(ks, ns, minCount)
}

func BinomialSecondDigits(t *sim.Tally, c int) *SecondDigitBinomial {
	res, _ := SecondDigit(t, DigitOptions{Bootstrap: -1})
	return res[c].Binomial
}

func Quantile(xs []float64, q float64) float64 { return quantileSorted(xs, q) }

func Percentile(xs []float64, level float64) Interval { return percentileInterval(xs, level) }
