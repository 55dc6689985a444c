package forensics

import "math"

// The binomial nulls of the digit tests: what the digits of honest counts
// of each unit's size and shape look like, accumulated over units, and the
// tests against them.

// digitAcc accumulates, over units, the chance that a binomial redraw of
// the unit's count has each second digit (for redraws of at least
// minSecond) and each last digit, 0-or-5 ending, repeated or adjacent
// final pair (for redraws of at least minLast). The masses are the chances
// of reaching each minimum, summed over units.
type digitAcc struct {
	second                       [10]float64
	secondMass                   float64
	last                         [10]float64
	zeroFive, repeated, adjacent float64
	lastMass                     float64
}

// accumulate adds the units with counts ks of ns trials; a minimum of
// zero or less turns that half off. It walks each binomial outward from
// its mode with the ratio of successive probabilities, over 6 standard
// deviations each side (the rest is below 1e-5 even for skewed counts, far
// below what a digit test can resolve).
func (a *digitAcc) accumulate(ks, ns []int64, minSecond, minLast int64) {
	from := minSecond
	if from <= 0 || (minLast > 0 && minLast < from) {
		from = minLast
	}
	visit := func(j int64, pj float64) {
		if minSecond > 0 && j >= minSecond {
			a.second[secondDigit(j)] += pj
			a.secondMass += pj
		}
		if minLast > 0 && j >= minLast {
			last, tens := j%10, (j/10)%10
			a.last[last] += pj
			a.lastMass += pj
			if last == 0 || last == 5 {
				a.zeroFive += pj
			}
			if last == tens {
				a.repeated += pj
			} else if last-tens == 1 || tens-last == 1 {
				a.adjacent += pj
			}
		}
	}
	for i, k := range ks {
		n := ns[i]
		if n <= 0 || n < from {
			continue
		}
		q := float64(k) / float64(n)
		if q <= 0 || q >= 1 {
			visit(k, 1)
			continue
		}
		nf := float64(n)
		sd := math.Sqrt(nf * q * (1 - q))
		if nf*q+6*sd < float64(from) {
			continue // P(K ≥ from) is below 1e-5
		}
		lo := max(int64(math.Floor(nf*q-6*sd-1)), 0, from)
		hi := min(int64(math.Ceil(nf*q+6*sd+1)), n)
		if lo > hi {
			continue
		}
		mode := min(max(int64(math.Floor((nf+1)*q)), lo), hi)
		lnf, _ := math.Lgamma(nf + 1)
		lk, _ := math.Lgamma(float64(mode) + 1)
		lnk, _ := math.Lgamma(nf - float64(mode) + 1)
		pm := math.Exp(lnf - lk - lnk + float64(mode)*math.Log(q) + (nf-float64(mode))*math.Log1p(-q))
		odds := q / (1 - q)
		visit(mode, pm)
		pk := pm
		for j := mode; j < hi; j++ {
			pk *= float64(n-j) / float64(j+1) * odds
			visit(j+1, pk)
		}
		pk = pm
		for j := mode; j > lo; j-- {
			pk *= float64(j) / float64(n-j+1) / odds
			visit(j-1, pk)
		}
	}
}

// lastDigitNull returns the last-digit accumulations for counts ks of
// ns trials at or above minCount.
func lastDigitNull(ks, ns []int64, minCount int64) (dig [10]float64, zf, rep, adj, mass float64) {
	var a digitAcc
	a.accumulate(ks, ns, 0, minCount)
	return a.last, a.zeroFive, a.repeated, a.adjacent, a.lastMass
}

// lastBinomial compares res with LastDigitBinomial, from accumulations.
func lastBinomial(acc *digitAcc, res *LastDigitTest) *LastDigitBinomial {
	if acc.lastMass <= 0 || res.N == 0 {
		return nil
	}
	d := &LastDigitBinomial{DF: 9, Null: BinomialDigitNull}
	for i := range acc.last {
		d.Expected[i] = acc.last[i] / acc.lastMass
	}
	d.ChiSquare = chiSquare(res.Observed[:], d.Expected[:], res.N)
	d.PValue = ChiSquareSF(d.ChiSquare, d.DF)
	against := func(p Proportion, p0 float64) Proportion {
		p.Expected = p0
		p.Z = (p.Share - p0) / math.Sqrt(p0*(1-p0)/float64(res.N))
		p.PValue = NormalTwoSided(p.Z)
		return p
	}
	d.ZeroFive = against(res.ZeroFive, acc.zeroFive/acc.lastMass)
	d.Repeated = against(res.Repeated, acc.repeated/acc.lastMass)
	d.Adjacent = against(res.Adjacent, acc.adjacent/acc.lastMass)
	return d
}

// secondBinomial compares res with SecondDigitBinomial, from accumulations.
func secondBinomial(acc *digitAcc, res *SecondDigitTest) *SecondDigitBinomial {
	if acc.secondMass <= 0 || res.N == 0 {
		return nil
	}
	d := &SecondDigitBinomial{DF: 9, Null: BinomialSecondDigitNull}
	var m2 float64
	for i := range acc.second {
		d.Expected[i] = acc.second[i] / acc.secondMass
		d.ExpectedMean += float64(i) * d.Expected[i]
		m2 += float64(i*i) * d.Expected[i]
	}
	d.ChiSquare = chiSquare(res.Observed[:], d.Expected[:], res.N)
	d.PValue = ChiSquareSF(d.ChiSquare, d.DF)
	sd := math.Sqrt(max(m2-d.ExpectedMean*d.ExpectedMean, 0))
	d.MeanZ = (res.Mean - d.ExpectedMean) / (sd / math.Sqrt(float64(res.N)))
	d.MeanP = NormalTwoSided(d.MeanZ)
	return d
}
