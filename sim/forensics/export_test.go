package forensics

import "math/rand/v2"

// Internals reached by the black-box tests.

func IntegerChance(n int64, q float64) (float64, [101]float64) {
	var by [101]float64
	p := integerChance(n, q, &by)
	return p, by
}

func LinearFit(x, y []float64) Fit { return linearFit(x, y) }

func BernoulliSum(ps []float64, r *rand.Rand) int64 { return newBernoulliSum(ps).draw(r) }

func NewRand(seed, stream uint64) *rand.Rand { return newRand(seed, stream) }
