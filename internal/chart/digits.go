package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// The digit tests a digits chart can show.
const (
	DigitLast   = "last"
	DigitSecond = "second"
)

// DigitSeries is one candidate's digit counts against the expected law,
// and, when the forensics report has it, against the binomial null (what
// honest counting gives for counts of this size and shape). They are the
// figures `tallyscope forensics` prints.
type DigitSeries struct {
	Candidate int
	Name      string
	N         int64
	Observed  [10]int64
	Expected  [10]float64
	ChiSquare float64
	DF        int
	PValue    float64
	// Binomial is set when the null was computed: its expected shares,
	// chi-square and p-value.
	Binomial *DigitNull
}

// DigitNull is a binomial null's expected digit shares and its test.
type DigitNull struct {
	Expected  [10]float64
	ChiSquare float64
	DF        int
	PValue    float64
}

// Share returns the observed share of digit k.
func (s *DigitSeries) Share(k int) float64 {
	if s.N == 0 {
		return 0
	}
	return float64(s.Observed[k]) / float64(s.N)
}

// DigitsData are the numbers behind the digits chart.
type DigitsData struct {
	// Test is DigitLast or DigitSecond.
	Test      string
	UnitLevel string
	Series    []DigitSeries
}

var uniform = [10]float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}

// ComputeLastDigits returns the numbers of the last-digit chart for the
// candidates A and B of opts (the leader and runner-up by default).
func ComputeLastDigits(t *sim.Tally, tests []forensics.LastDigitTest, opts Options) (*DigitsData, error) {
	d := &DigitsData{Test: DigitLast, UnitLevel: t.UnitLevel}
	pick, err := digitCandidates(t, opts)
	if err != nil {
		return nil, err
	}
	for _, c := range pick {
		for _, r := range tests {
			if r.Candidate == c && r.N > 0 {
				s := DigitSeries{Candidate: c, Name: surname(t, c), N: r.N, Observed: r.Observed, Expected: uniform,
					ChiSquare: r.ChiSquare, DF: r.DF, PValue: r.PValue}
				if b := r.Binomial; b != nil {
					s.Binomial = &DigitNull{Expected: b.Expected, ChiSquare: b.ChiSquare, DF: b.DF, PValue: b.PValue}
				}
				d.Series = append(d.Series, s)
			}
		}
	}
	if len(d.Series) == 0 {
		return nil, fmt.Errorf("%w: no counts for the last-digit test", ErrNoData)
	}
	return d, nil
}

// ComputeSecondDigits returns the numbers of the second-digit chart.
func ComputeSecondDigits(t *sim.Tally, tests []forensics.SecondDigitTest, opts Options) (*DigitsData, error) {
	d := &DigitsData{Test: DigitSecond, UnitLevel: t.UnitLevel}
	pick, err := digitCandidates(t, opts)
	if err != nil {
		return nil, err
	}
	for _, c := range pick {
		for _, r := range tests {
			if r.Candidate == c && r.N > 0 {
				s := DigitSeries{Candidate: c, Name: surname(t, c), N: r.N, Observed: r.Observed, Expected: r.Expected,
					ChiSquare: r.ChiSquare, DF: r.DF, PValue: r.PValue}
				// As in `tallyscope forensics`: the binomial null of the
				// second digit is shown from 100 counts.
				if b := r.Binomial; b != nil && r.N >= 100 {
					s.Binomial = &DigitNull{Expected: b.Expected, ChiSquare: b.ChiSquare, DF: b.DF, PValue: b.PValue}
				}
				d.Series = append(d.Series, s)
			}
		}
	}
	if len(d.Series) == 0 {
		return nil, fmt.Errorf("%w: no counts for the second-digit test", ErrNoData)
	}
	return d, nil
}

func digitCandidates(t *sim.Tally, opts Options) ([]int, error) {
	a := sim.Aggregate(t)
	ca, cb, err := opts.pair(t, &a.Nation.Totals)
	if err != nil {
		return nil, err
	}
	return []int{ca, cb}, nil
}

// LastDigits draws the last digits of two candidates' counts against the
// uniform law (Beber and Scacco) and against the binomial null that
// `tallyscope forensics` also tests.
func LastDigits(t *sim.Tally, tests []forensics.LastDigitTest, opts Options) (*plot.Plot, error) {
	d, err := ComputeLastDigits(t, tests, opts)
	if err != nil {
		return nil, err
	}
	return digitsPlot(d, opts.Lang), nil
}

// SecondDigits draws the second digits of two candidates' counts against
// Benford's second-digit law (Mebane) and, from 100 counts, against the
// binomial null that `tallyscope forensics` also tests.
func SecondDigits(t *sim.Tally, tests []forensics.SecondDigitTest, opts Options) (*plot.Plot, error) {
	d, err := ComputeSecondDigits(t, tests, opts)
	if err != nil {
		return nil, err
	}
	return digitsPlot(d, opts.Lang), nil
}

// pValue formats a p-value with its relation: "= 0.52", "= 0.004" or
// "< 0.001".
func pValue(l i18n.Lang, p float64) string {
	switch {
	case math.IsNaN(p):
		return "= –"
	case p < 0.001:
		return "< " + l.Float(0.001, 3)
	case p < 0.01:
		return "= " + l.Float(p, 3)
	}
	return "= " + l.Float(p, 2)
}

func digitsPlot(d *DigitsData, l i18n.Lang) *plot.Plot {
	test, law, lawP := l.T(i18n.ChDigitsLast), l.T(i18n.ChDigitsUniform), l.T(i18n.ChDigitsUniformP)
	if d.Test == DigitSecond {
		test, law, lawP = l.T(i18n.ChDigitsSecond), l.T(i18n.ChDigitsBenford), l.T(i18n.ChDigitsBenfordP)
	}
	sub := ""
	binomial := false
	for _, s := range d.Series {
		if b := s.Binomial; b != nil {
			binomial = true
			sub += l.Tf(i18n.ChDigitsStatBoth, s.Name, l.Int(s.N), pValue(l, s.PValue), lawP, pValue(l, b.PValue)) + " "
			continue
		}
		sub += l.Tf(i18n.ChDigitsStat, s.Name, l.Int(s.N), l.Float(s.ChiSquare, 1), s.DF, pValue(l, s.PValue)) + " "
	}
	sub += l.T(i18n.ChDigitsCaveat)
	p := newPlot(l.Tf(i18n.ChDigitsTitle, test), sub)
	n := len(d.Series)
	const groupW = 0.8
	w := groupW / float64(n)
	var rs rects
	top := 0.0
	for k := 0; k < 10; k++ {
		for i, s := range d.Series {
			x0 := float64(k) - groupW/2 + float64(i)*w
			v := 100 * s.Share(k)
			top = max(top, v)
			rs = append(rs, rect{x0: x0 + w*0.06, x1: x0 + w*0.94, y0: 0, y1: v, fill: palette.Candidate(s.Candidate)})
		}
	}
	// The law: a black bar across each digit's group.
	var law1 []rect
	for k := 0; k < 10; k++ {
		e := 100 * d.Series[0].Expected[k]
		top = max(top, e)
		law1 = append(law1, rect{x0: float64(k) - groupW/2 - 0.04, x1: float64(k) + groupW/2 + 0.04, y0: e - top*0.004, y1: e + top*0.004, fill: palette.Highlight})
	}
	// The binomial null is each candidate's own: a tick over its bar.
	lawColour := palette.Highlight
	var null1 []rect
	if binomial {
		lawColour = palette.Neutral
		for i := range law1 {
			law1[i].fill = lawColour
		}
		for k := 0; k < 10; k++ {
			for i, s := range d.Series {
				if s.Binomial == nil {
					continue
				}
				e := 100 * s.Binomial.Expected[k]
				top = max(top, e)
				x0 := float64(k) - groupW/2 + float64(i)*w
				null1 = append(null1, rect{x0: x0, x1: x0 + w, y0: e - top*0.006, y1: e + top*0.006, fill: palette.Highlight})
			}
		}
	}
	p.Add(gridLines{horizontal: true}, rs, rects(law1), rects(null1))
	for _, s := range d.Series {
		p.Legend.Add(s.Name, swatch{fill: palette.Candidate(s.Candidate)})
	}
	p.Legend.Add(l.Tf(i18n.ChDigitsLaw, law), lineSwatch{line: draw.LineStyle{Color: lawColour, Width: 2}})
	if binomial {
		p.Legend.Add(l.T(i18n.ChDigitsBinomial), lineSwatch{line: draw.LineStyle{Color: palette.Highlight, Width: 3}})
	}
	p.Legend.Top, p.Legend.Left = true, false
	p.Legend.YOffs = 0
	p.X.Min, p.X.Max = -0.5, 9.5
	digits := make([]plot.Tick, 10)
	for k := range digits {
		digits[k] = plot.Tick{Value: float64(k), Label: fmt.Sprint(k)}
	}
	p.X.Tick.Marker = plot.ConstantTicks(digits)
	p.X.Tick.Length = 0
	p.X.Label.Text = l.T(i18n.ChDigitsX)
	p.Y.Min, p.Y.Max = 0, top*1.3
	p.Y.Tick.Marker = percentTicks(l, niceStep(top*1.3, 4))
	p.Y.Label.Text = l.T(i18n.ChDigitsY)
	return p
}
