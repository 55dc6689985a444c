package forensics

import (
	"math"
	"slices"
)

// ChiSquareSF returns the chance that a chi-square variable with df
// degrees of freedom is at least x: the regularised upper incomplete gamma
// function Q(df/2, x/2).
func ChiSquareSF(x float64, df int) float64 {
	if df <= 0 || math.IsNaN(x) {
		return math.NaN()
	}
	if x <= 0 {
		return 1
	}
	return gammaQ(float64(df)/2, x/2)
}

// gammaQ is the regularised upper incomplete gamma function, by its power
// series when x < a+1 and by its continued fraction (modified Lentz)
// otherwise.
func gammaQ(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 1000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-16 {
				break
			}
		}
		p := sum * math.Exp(-x+a*math.Log(x)-lg)
		return max(0, 1-p)
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 1000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return math.Exp(-x+a*math.Log(x)-lg) * h
}

// NormalTwoSided returns the two-sided tail probability of a standard
// normal deviate z.
func NormalTwoSided(z float64) float64 { return math.Erfc(math.Abs(z) / math.Sqrt2) }

// chiSquare returns Pearson's statistic for observed counts against
// expected probabilities (summing to 1) over n observations.
func chiSquare(obs []int64, probs []float64, n int64) float64 {
	var s float64
	for i, o := range obs {
		e := probs[i] * float64(n)
		if e > 0 {
			d := float64(o) - e
			s += d * d / e
		}
	}
	return s
}

// quantileSorted returns the q-quantile of sorted xs by linear
// interpolation between order statistics (the "type 7" rule of R and
// numpy's default).
func quantileSorted(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	h := q * float64(len(xs)-1)
	lo := int(math.Floor(h))
	hi := min(lo+1, len(xs)-1)
	return xs[lo] + (h-float64(lo))*(xs[hi]-xs[lo])
}

// Interval is a two-sided interval, for example a bootstrap percentile
// interval at Level (0.95).
type Interval struct {
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	Level float64 `json:"level"`
}

func percentileInterval(xs []float64, level float64) Interval {
	slices.Sort(xs)
	a := (1 - level) / 2
	return Interval{Lo: quantileSorted(xs, a), Hi: quantileSorted(xs, 1-a), Level: level}
}

// Fit is a least-squares line y = Intercept + Slope·x with Pearson's
// correlation of x and y.
type Fit struct {
	N         int     `json:"n"`
	Slope     float64 `json:"slope"`
	Intercept float64 `json:"intercept"`
	// SlopeSE is the usual standard error of the slope (homoscedastic
	// errors), NaN with fewer than three points.
	SlopeSE     float64 `json:"slope_se"`
	Correlation float64 `json:"correlation"`
}

// linearFit fits y on x by ordinary least squares. With fewer than two
// points or no spread in x, the slope and correlation are NaN.
func linearFit(x, y []float64) Fit {
	f := Fit{N: len(x), Slope: math.NaN(), Intercept: math.NaN(), SlopeSE: math.NaN(), Correlation: math.NaN()}
	if len(x) < 2 {
		return f
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	n := float64(len(x))
	mx /= n
	my /= n
	var sxx, syy, sxy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	if sxx == 0 {
		return f
	}
	f.Slope = sxy / sxx
	f.Intercept = my - f.Slope*mx
	if syy > 0 {
		f.Correlation = sxy / math.Sqrt(sxx*syy)
	}
	if len(x) > 2 {
		rss := max(syy-f.Slope*sxy, 0)
		f.SlopeSE = math.Sqrt(rss / (n - 2) / sxx)
	}
	return f
}
