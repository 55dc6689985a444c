package chart

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// The map kinds. They need geometry (Options.Map), so "all" leaves them
// out.
const (
	KindMap       Kind = "map"
	KindCartogram Kind = "cartogram"
)

// MapKinds lists the kinds drawn from boundaries.
var MapKinds = []Kind{KindMap, KindCartogram}

// MapMode names what colours a map's areas.
type MapMode string

// The map modes.
const (
	// ModeLeader colours each area by its leader, darker as the lead
	// over the runner-up grows.
	ModeLeader MapMode = "leader"
	// ModeMargin colours the margin of A over B on a diverging scale.
	ModeMargin MapMode = "margin"
	// ModeCoverage colours the share of expected units counted.
	ModeCoverage MapMode = "coverage"
	// ModeTurnout colours the votes cast over the registered voters.
	ModeTurnout MapMode = "turnout"
	// ModeShift colours the scenario's projected margin less the
	// counted one.
	ModeShift MapMode = "shift"
)

// MapModes lists the modes in the CLI's order.
var MapModes = []MapMode{ModeLeader, ModeMargin, ModeCoverage, ModeTurnout, ModeShift}

// ParseMapMode returns the mode named by s; empty means ModeLeader.
func ParseMapMode(s string) (MapMode, error) {
	if s == "" {
		return ModeLeader, nil
	}
	for _, m := range MapModes {
		if MapMode(strings.ToLower(s)) == m {
			return m, nil
		}
	}
	return "", fmt.Errorf("%w: map colour %q (leader, margin, coverage, turnout or shift)", ErrKind, s)
}

// Geometry is a layer joined to a tally's areas, ready to draw: simplified
// plane shapes, one per feature, and the join between them and Areas.
type Geometry struct {
	Shapes []geo.Shape
	Areas  []geo.Area
	Join   *geo.Join
	// Names gives each feature's display name, for areas without one.
	Names []string
	// Attribution is the boundaries' credit line ("Boundaries:
	// geoBoundaries.org").
	Attribution string
}

// NewGeometry joins areas to the layer's features, projects the layer
// (Auto) and simplifies it to about budget points (0 keeps every point).
func NewGeometry(l *geo.Layer, areas []geo.Area, o geo.JoinOptions, budget int, credit string) (*Geometry, error) {
	j, err := geo.JoinAreas(l, areas, o)
	if err != nil {
		return nil, err
	}
	l.Project(nil)
	g := &Geometry{Shapes: l.Shapes(budget), Areas: areas, Join: j, Attribution: credit}
	for i := range l.Features {
		g.Names = append(g.Names, l.Features[i].Name())
	}
	return g, nil
}

// MapRow is one area's colour and the numbers behind it.
type MapRow struct {
	Area        int // indexes Geometry.Areas
	Key, Name   string
	Leader, Run int
	// MarginPP is the leader's lead over the runner-up (ModeLeader), or
	// A's margin over B, in points of the valid vote.
	MarginPP float64
	// Value is what the mode colours (points, or a fraction for coverage
	// and turnout); Known is false when the data cannot say.
	Value float64
	Known bool
	Color color.RGBA
}

// MapData are the numbers behind a map or a cartogram.
type MapData struct {
	Mode   MapMode
	A, B   int
	NameA  string
	NameB  string
	Level  string
	Rows   []MapRow // in Geometry.Areas order, matched areas only
	Scale  palette.Scale
	Scales map[int]palette.Scale // ModeLeader: one per leading candidate
	// Leaders lists the candidates leading somewhere, by index order.
	Leaders []int
	Weights []float64 // valid votes per row, for sized tiles
	Unknown int       // rows whose value is unknown
}

// candidateColor is candidate c's colour from the mapping ("color"),
// else the palette's.
func candidateColor(t *sim.Tally, c int) color.RGBA {
	if c >= 0 && c < len(t.Candidates) && t.Candidates[c].Color != "" {
		if clr, err := palette.ParseColor(t.Candidates[c].Color); err == nil {
			return clr
		}
	}
	return palette.Of(c, t.Lumped())
}

// The scales' breaks.
var (
	leaderBreaks  = []float64{5, 10, 20, 40}
	marginBreaks  = []float64{-40, -20, -10, 0, 10, 20, 40}
	shiftBreaks   = []float64{-5, -2, -1, 0, 1, 2, 5}
	shareBreaks   = map[MapMode][]float64{ModeCoverage: {0.5, 0.7, 0.8, 0.9, 0.95}, ModeTurnout: {0.4, 0.5, 0.6, 0.7, 0.8}}
	sequentialHue = color.RGBA{R: 0x1F, G: 0x3A, B: 0x68, A: 0xFF}
)

// ComputeMap colours each matched area of g under mode. With a scenario
// that changes the result, ModeShift compares its projection with the
// count; the other modes show the counted data.
func ComputeMap(t *sim.Tally, g *Geometry, mode MapMode, sc scenario.Scenario, opts Options) (*MapData, error) {
	if g == nil || len(g.Shapes) == 0 {
		return nil, fmt.Errorf("%w: a map needs boundaries", ErrNoData)
	}
	a := sim.Aggregate(t)
	ca, cb, err := opts.pair(t, &a.Nation.Totals)
	if err != nil {
		return nil, err
	}
	d := &MapData{Mode: mode, A: ca, B: cb, NameA: surname(t, ca), NameB: surname(t, cb), Level: opts.Level, Scales: map[int]palette.Scale{}}
	if d.Level == "" && len(t.Levels) > 0 {
		d.Level = t.Levels[0]
	}
	var o *scenario.Outcome
	if mode == ModeShift {
		if !HasChanges(sc) {
			return nil, fmt.Errorf("%w: the shift map needs a scenario that changes the result (a missing-unit rule, a swing or a turnout change)", ErrNoData)
		}
		ps := sc
		ps.Level = d.Level
		if o, err = scenario.Run(t, ps); err != nil {
			return nil, wrapNoData(err)
		}
	}
	lumped := t.Lumped()
	var buf []int64
	for i, ar := range g.Areas {
		if g.Join.Feature[i] < 0 {
			continue
		}
		tot := sim.Totals{Votes: make([]int64, len(t.Candidates))}
		expected := int64(0)
		if ar.Unit >= 0 {
			tot.AddUnit(&t.Units[ar.Unit])
		} else {
			r := a.Result(ar.Region)
			tot, expected = r.Totals, r.Expected.Units
		}
		row := MapRow{Area: i, Key: ar.Key, Name: ar.Name}
		if row.Name == "" {
			row.Name = g.Names[g.Join.Feature[i]]
		}
		row.Leader, row.Run, _ = sim.TopTwo(tot.Votes, lumped)
		if tot.Valid > 0 {
			switch mode {
			case ModeLeader:
				row.MarginPP = float64(100*(tot.Votes[row.Leader]-votesOf(tot.Votes, row.Run))) / float64(tot.Valid)
				row.Value, row.Known = row.MarginPP, row.Leader >= 0
			case ModeMargin:
				row.MarginPP = float64(100*(tot.Votes[ca]-tot.Votes[cb])) / float64(tot.Valid)
				row.Value, row.Known = row.MarginPP, true
			case ModeShift:
				row.MarginPP = float64(100*(tot.Votes[ca]-tot.Votes[cb])) / float64(tot.Valid)
				if ar.Region >= 0 {
					buf = o.RegionTotal(ar.Region, buf)
					var valid int64
					for _, v := range buf {
						valid += v
					}
					if valid > 0 {
						row.Value = float64(100*(buf[ca]-buf[cb]))/float64(valid) - row.MarginPP
						row.Known = true
					}
				}
			case ModeTurnout:
				row.Value, row.Known = tot.Turnout()
			}
		}
		if mode == ModeCoverage {
			if ar.Unit >= 0 {
				row.Value, row.Known = 1, true
			} else if expected > 0 {
				row.Value, row.Known = float64(tot.Units)/float64(expected), true
			}
		}
		d.Rows = append(d.Rows, row)
		d.Weights = append(d.Weights, float64(tot.Valid))
	}
	if len(d.Rows) == 0 {
		return nil, fmt.Errorf("%w: no area of the tally matches a shape", ErrNoData)
	}
	d.colour(t)
	return d, nil
}

func votesOf(v []int64, c int) int64 {
	if c < 0 {
		return 0
	}
	return v[c]
}

// colour sets each row's colour from the mode's scale.
func (d *MapData) colour(t *sim.Tally) {
	switch d.Mode {
	case ModeLeader:
		seen := map[int]bool{}
		for _, r := range d.Rows {
			if r.Known && !seen[r.Leader] {
				seen[r.Leader] = true
				d.Leaders = append(d.Leaders, r.Leader)
				d.Scales[r.Leader] = palette.SequentialScale(candidateColor(t, r.Leader), leaderBreaks)
			}
		}
		slices.Sort(d.Leaders)
	case ModeMargin:
		d.Scale = palette.DivergingScale(candidateColor(t, d.B), candidateColor(t, d.A), marginBreaks)
	case ModeShift:
		d.Scale = palette.DivergingScale(candidateColor(t, d.B), candidateColor(t, d.A), shiftBreaks)
	default:
		d.Scale = palette.SequentialScale(sequentialHue, shareBreaks[d.Mode])
	}
	for i := range d.Rows {
		r := &d.Rows[i]
		switch {
		case !r.Known:
			r.Color = palette.Panel
			d.Unknown++
		case d.Mode == ModeLeader:
			r.Color = d.Scales[r.Leader].Color(r.Value)
		default:
			r.Color = d.Scale.Color(r.Value)
		}
	}
}

// breakLabel writes a scale's break for the legend.
func breakLabel(l i18n.Lang, mode MapMode, v float64) string {
	switch mode {
	case ModeCoverage, ModeTurnout:
		return l.Percent(v, 0)
	}
	return l.PP(v, 0)
}
