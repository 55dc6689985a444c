package scenario

import "math"

// This file holds the arithmetic whose results must be the same on every
// platform: the generator of the calibrated model's runs and an
// exponential that rounds the same everywhere.

// runRand is a SplitMix64 generator: one addition and three
// multiply-xorshift steps a draw, the same on every platform. Run i of
// seed s starts from a state mixed from both, so a run's draws depend only
// on the seed and its index.
type runRand struct{ s uint64 }

func newRunRand(seed, i uint64) runRand {
	r := runRand{s: seed ^ 0x6a09e667f3bcc909}
	r.s = r.next() ^ (i * 0x9e3779b97f4a7c15)
	r.next()
	return r
}

func (r *runRand) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a uniform draw in [0,1).
func (r *runRand) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// normal returns an approximately standard normal draw: the sum of twelve
// uniforms minus six (additions only, so the same on every platform).
func (r *runRand) normal() float64 {
	var s float64
	for i := 0; i < 12; i++ {
		s += r.float()
	}
	return s - 6
}

// detExp is exp(x) computed with additions, multiplications and Ldexp
// only, so that it rounds the same on every platform (math.Exp has
// assembly versions on some).
func detExp(x float64) float64 {
	if x > 700 {
		return math.Inf(1)
	}
	if x < -700 {
		return 0
	}
	const ln2 = 0.6931471805599453
	k := math.Floor(x/ln2 + 0.5)
	r := x - float64(k*ln2) // the conversion forbids a fused multiply-add
	// Taylor series of exp(r), |r| ≤ 0.35, to 16 terms, or fewer once a
	// term no longer changes the sum (the same test on every platform).
	term, sum := 1.0, 1.0
	for i := 1; i <= 16; i++ {
		term = float64(term*r) / float64(i)
		next := sum + term
		if next == sum {
			break
		}
		sum = next
	}
	return math.Ldexp(sum, int(k))
}
