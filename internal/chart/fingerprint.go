package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// FingerprintData are the numbers behind the fingerprint chart.
type FingerprintData struct {
	*forensics.Histogram
	Name      string
	UnitLevel string
	// Excluded is the number of units left out (see Histogram.Excluded).
	Excluded int
}

// ComputeFingerprint returns the numbers of the fingerprint chart from a
// histogram computed by package forensics.
func ComputeFingerprint(t *sim.Tally, h *forensics.Histogram) (*FingerprintData, error) {
	if h == nil || h.Units == 0 || h.TurnoutBins <= 0 || h.ShareBins <= 0 || len(h.Counts) != h.TurnoutBins*h.ShareBins {
		return nil, fmt.Errorf("%w: the fingerprint has no units", ErrNoData)
	}
	if h.Candidate < 0 || h.Candidate >= len(t.Candidates) {
		return nil, fmt.Errorf("%w: the fingerprint's candidate is not in the tally", ErrNoData)
	}
	d := &FingerprintData{Histogram: h, Name: surname(t, h.Candidate), UnitLevel: t.UnitLevel}
	for _, e := range h.Excluded {
		d.Excluded += e.Units
	}
	return d, nil
}

// Fingerprint draws the election fingerprint: units counted by turnout
// (x) and by the candidate's share (y), darker where there are more.
func Fingerprint(t *sim.Tally, h *forensics.Histogram, opts Options) (*plot.Plot, error) {
	d, err := ComputeFingerprint(t, h)
	if err != nil {
		return nil, err
	}
	return fingerprintPlot(d, opts.Lang), nil
}

func fingerprintPlot(d *FingerprintData, l i18n.Lang) *plot.Plot {
	units := unitsName(l, d.UnitLevel, true)
	cell := cellPhrase(l, 100/float64(d.TurnoutBins), 100/float64(d.ShareBins))
	sub := l.Tf(i18n.ChFPSub, capital(units), d.Name, cell, l.Int(d.Units)+" "+units)
	if d.Excluded > 0 {
		sub += l.Tf(i18n.ChFPExcluded, l.Int(int64(d.Excluded)))
	}
	sub += ". " + l.T(i18n.ChFPMode)
	p := newPlot(l.Tf(i18n.ChFPTitle, d.Name), sub)
	c := d.Candidate
	scale := math.Log1p(float64(d.ModeUnits))
	var rs rects
	tw, sw := 100/float64(d.TurnoutBins), 100/float64(d.ShareBins)
	for i := 0; i < d.TurnoutBins; i++ {
		for j := 0; j < d.ShareBins; j++ {
			n := d.At(i, j)
			if n == 0 {
				continue
			}
			f := 1.0
			if scale > 0 {
				f = 0.15 + 0.85*math.Log1p(float64(n))/scale
			}
			rs = append(rs, rect{x0: float64(i) * tw, x1: float64(i+1) * tw, y0: float64(j) * sw, y1: float64(j+1) * sw, fill: palette.Sequential(c, f)})
			// Overlap neighbours slightly, so that anti-aliasing leaves
			// no seams between full cells.
			rs[len(rs)-1].x1 += tw * 0.08
			rs[len(rs)-1].y1 += sw * 0.08
		}
	}
	p.Add(gridLines{vertical: true, horizontal: true}, rs)
	// The scale: four swatches from one unit to the fullest cell, under
	// a heading.
	p.Legend.Add(l.Tf(i18n.ChFPScale, units))
	for _, n := range scaleSteps(d.ModeUnits) {
		f := 1.0
		if scale > 0 {
			f = 0.15 + 0.85*math.Log1p(float64(n))/scale
		}
		p.Legend.Add(l.Int(n), swatch{fill: palette.Sequential(c, f)})
	}
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.TextStyle = style(sizeNote, palette.TextMuted, false)
	p.Legend.XOffs, p.Legend.YOffs = 4, -4
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 100, 0, 100
	p.X.Tick.Marker = percentTicks(l, 10)
	p.Y.Tick.Marker = percentTicks(l, 20)
	p.X.Label.Text = l.T(i18n.ChFPX)
	p.Y.Label.Text = l.Tf(i18n.ChFPY, d.Name)
	return p
}

// scaleSteps returns up to four round counts from 1 to max for a legend.
func scaleSteps(max int64) []int64 {
	if max <= 1 {
		return []int64{1}
	}
	out := []int64{1}
	for _, f := range []float64{1.0 / 3, 2.0 / 3} {
		v := int64(math.Round(math.Exp(f * math.Log(float64(max)))))
		if v > out[len(out)-1] && v < max {
			out = append(out, v)
		}
	}
	return append(out, max)
}

// cellPhrase names the size of the fingerprint's cells, in points of
// turnout and of share: "1-point cells", "celdas de 1 punto".
func cellPhrase(l i18n.Lang, tw, sw float64) string {
	size := l.Float(tw, decimalsFor(tw))
	if tw != sw {
		size = l.Float(tw, decimalsFor(tw)) + " × " + l.Float(sw, decimalsFor(sw))
	}
	if tw == 1 && sw == 1 {
		return l.T(i18n.ChCellOne)
	}
	return l.Tf(i18n.ChCells, size)
}
