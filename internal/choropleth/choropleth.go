package choropleth

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// Errors of the package.
var (
	// ErrMode is an unknown colouring mode.
	ErrMode = errors.New("choropleth: unknown map colour")
	// ErrNoData means there is nothing to colour.
	ErrNoData = errors.New("choropleth: nothing to colour")
)

// Mode names what colours a map's areas.
type Mode string

// The map modes.
const (
	// Leader colours each area by its leader, darker as the lead
	// over the runner-up grows.
	Leader Mode = "leader"
	// Margin colours the margin of A over B on a diverging scale.
	Margin Mode = "margin"
	// Coverage colours the share of expected units counted.
	Coverage Mode = "coverage"
	// Turnout colours the votes cast over the registered voters.
	Turnout Mode = "turnout"
	// Shift colours the scenario's projected margin less the
	// counted one.
	Shift Mode = "shift"
)

// Modes lists the modes in the CLI's order.
var Modes = []Mode{Leader, Margin, Coverage, Turnout, Shift}

// ParseMode returns the mode named by s; empty means Leader.
func ParseMode(s string) (Mode, error) {
	if s == "" {
		return Leader, nil
	}
	for _, m := range Modes {
		if Mode(strings.ToLower(s)) == m {
			return m, nil
		}
	}
	return "", fmt.Errorf("%w: %q (leader, margin, coverage, turnout or shift)", ErrMode, s)
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

// New joins areas to the layer's features, projects the layer
// (Auto) and simplifies it to about budget points (0 keeps every point).
func New(l *geo.Layer, areas []geo.Area, o geo.JoinOptions, budget int, credit string) (*Geometry, error) {
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

// Row is one area's colour and the numbers behind it.
type Row struct {
	Area        int // indexes Geometry.Areas
	Key, Name   string
	Leader, Run int
	// MarginPP is the leader's lead over the runner-up (Leader), or
	// A's margin over B, in points of the valid vote.
	MarginPP float64
	// Value is what the mode colours (points, or a fraction for coverage
	// and turnout); Known is false when the data cannot say.
	Value float64
	Known bool
	Color color.RGBA
}

// Data are the numbers behind a map or a cartogram.
type Data struct {
	Mode   Mode
	A, B   int
	Level  string
	Rows   []Row // in Geometry.Areas order, matched areas only
	Scale  palette.Scale
	Scales map[int]palette.Scale // Leader: one per leading candidate
	// Leaders lists the candidates leading somewhere, by index order.
	Leaders []int
	Weights []float64 // valid votes per row, for sized tiles
	Unknown int       // rows whose value is unknown
}

// CandidateColor returns candidate c's colour from the mapping
// ("color"), else the palette's.
func CandidateColor(t *sim.Tally, c int) color.RGBA {
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
	shareBreaks   = map[Mode][]float64{Coverage: {0.5, 0.7, 0.8, 0.9, 0.95}, Turnout: {0.4, 0.5, 0.6, 0.7, 0.8}}
	sequentialHue = color.RGBA{R: 0x1F, G: 0x3A, B: 0x68, A: 0xFF}
)

// Compute colours each matched area of g under mode: Leader and the
// counted margin of candidates a and b (indexes of t.Candidates; -1 for
// the nation's counted leader and runner-up) at level (the outermost when
// empty; the unit level draws units). Shift compares the projection of
// sc, which must change the result, with the count at the same level;
// the other modes show the counted data.
func Compute(t *sim.Tally, g *Geometry, mode Mode, sc scenario.Scenario, level string, a, b int) (*Data, error) {
	return ComputeFrom(g, Input{Tally: t, Mode: mode, Scenario: sc, Level: level, A: a, B: b})
}

// Input is what ComputeFrom colours. The app, which keeps the tally's
// aggregation and the scenario's outcome, hands them over so that a
// recolour after a slider step runs neither again.
type Input struct {
	Tally *sim.Tally
	// Agg is Tally's aggregation; nil aggregates it here.
	Agg *sim.Aggregation
	// Mode, Level, A and B are Compute's.
	Mode  Mode
	Level string
	A, B  int
	// Scenario is run for Shift when Outcome is nil (at Level, for its
	// like-region rule).
	Scenario scenario.Scenario
	// Outcome is the scenario's outcome, already run; it must come from
	// Tally. With it, Shift compares it with the count, and Projected
	// colours Leader and Margin by its votes where it has them (regions;
	// units take UnitVotes).
	Outcome   *scenario.Outcome
	Projected bool
	// UnitVotes, when not nil, are every unit's votes under the scenario,
	// in tally order (scenario.Engine.AdjustUnits): with Projected, Leader
	// and Margin colour areas that are units (counties) by them, and Shift
	// compares them with the count.
	UnitVotes [][]int64
	// Keep, when not nil, says which areas (indexes of Geometry.Areas) to
	// colour: a map zoomed into one region.
	Keep func(area int) bool
}

// ComputeFrom is Compute with the inputs named (see Input).
func ComputeFrom(g *Geometry, in Input) (*Data, error) {
	t, mode := in.Tally, in.Mode
	if g == nil || len(g.Shapes) == 0 {
		return nil, fmt.Errorf("%w: a map needs boundaries", ErrNoData)
	}
	agg := in.Agg
	if agg == nil {
		agg = sim.Aggregate(t)
	}
	ca, cb, err := pair(t, agg, in.A, in.B)
	if err != nil {
		return nil, err
	}
	d := &Data{Mode: mode, A: ca, B: cb, Level: in.Level, Scales: map[int]palette.Scale{}}
	if d.Level == "" && len(t.Levels) > 0 {
		d.Level = t.Levels[0]
	}
	o := in.Outcome
	if mode == Shift && o == nil && in.UnitVotes == nil {
		if in.Scenario.IsBaseline() {
			return nil, fmt.Errorf("%w: the shift map needs a scenario that changes the result (a missing-unit rule, a swing or a turnout change)", ErrNoData)
		}
		ps := in.Scenario
		ps.Level = d.Level
		if o, err = scenario.Run(t, ps); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNoData, err)
		}
	}
	if mode != Shift && !in.Projected {
		o = nil
	}
	lumped := t.Lumped()
	var buf []int64
	votes := make([]int64, len(t.Candidates))
	for i, ar := range g.Areas {
		if g.Join.Feature[i] < 0 || (in.Keep != nil && !in.Keep(i)) {
			continue
		}
		tot := sim.Totals{Votes: votes}
		clear(votes)
		expected := int64(0)
		if ar.Unit >= 0 {
			tot.AddUnit(&t.Units[ar.Unit])
		} else {
			r := agg.Result(ar.Region)
			tot, expected = r.Totals, r.Expected.Units
		}
		proj := o != nil && ar.Region >= 0
		if proj {
			buf = o.RegionTotal(ar.Region, buf)
		} else if ar.Unit >= 0 && ar.Unit < len(in.UnitVotes) && (mode == Shift || in.Projected) {
			buf, proj = append(buf[:0], in.UnitVotes[ar.Unit]...), true
		}
		row := Row{Area: i, Key: ar.Key, Name: ar.Name}
		if row.Name == "" {
			row.Name = g.Names[g.Join.Feature[i]]
		}
		row.value(mode, tot, expected, ar, proj, buf, ca, cb, lumped)
		d.Rows = append(d.Rows, row)
		d.Weights = append(d.Weights, float64(tot.Valid))
	}
	if len(d.Rows) == 0 {
		return nil, fmt.Errorf("%w: no area of the tally matches a shape", ErrNoData)
	}
	d.colour(t)
	return d, nil
}

// pair resolves the candidates a margin compares: -1 for the nation's
// counted leader and runner-up.
func pair(t *sim.Tally, agg *sim.Aggregation, a, b int) (int, int, error) {
	if a < 0 || b < 0 {
		lead, run, _ := agg.Nation.Leader()
		if a < 0 {
			a = lead
			if a == b {
				a = run
			}
		}
		if b < 0 {
			b = run
			if b == a {
				b = lead
			}
		}
	}
	if a < 0 || b < 0 || a == b || a >= len(t.Candidates) || b >= len(t.Candidates) {
		return 0, 0, fmt.Errorf("%w: a margin needs two different candidates", ErrNoData)
	}
	return a, b, nil
}

// value sets the row's leader, margin and the value its mode colours
// from the counted totals tot (expected units for coverage) and, when
// proj is set, the scenario's votes in the area (buf).
func (row *Row) value(mode Mode, tot sim.Totals, expected int64, ar geo.Area, proj bool, buf []int64, ca, cb int, lumped []bool) {
	counted := tot
	if proj && mode != Shift {
		tot = sim.Totals{Votes: buf}
		for _, v := range buf {
			tot.Valid += v
		}
	}
	row.Leader, row.Run, _ = sim.TopTwo(tot.Votes, lumped)
	if tot.Valid > 0 {
		switch mode {
		case Leader:
			row.MarginPP = float64(100*(tot.Votes[row.Leader]-votesOf(tot.Votes, row.Run))) / float64(tot.Valid)
			row.Value, row.Known = row.MarginPP, row.Leader >= 0
		case Margin:
			row.MarginPP = float64(100*(tot.Votes[ca]-tot.Votes[cb])) / float64(tot.Valid)
			row.Value, row.Known = row.MarginPP, true
		case Shift:
			row.MarginPP = float64(100*(tot.Votes[ca]-tot.Votes[cb])) / float64(tot.Valid)
			if proj {
				var valid int64
				for _, v := range buf {
					valid += v
				}
				if valid > 0 {
					row.Value = float64(100*(buf[ca]-buf[cb]))/float64(valid) - row.MarginPP
					row.Known = true
				}
			}
		case Turnout:
			row.Value, row.Known = counted.Turnout()
		}
	}
	if mode == Coverage {
		if ar.Unit >= 0 {
			row.Value, row.Known = 1, true
		} else if expected > 0 {
			row.Value, row.Known = float64(counted.Units)/float64(expected), true
		}
	}
}

func votesOf(v []int64, c int) int64 {
	if c < 0 {
		return 0
	}
	return v[c]
}

// colour sets each row's colour from the mode's scale.
func (d *Data) colour(t *sim.Tally) {
	switch d.Mode {
	case Leader:
		seen := map[int]bool{}
		for _, r := range d.Rows {
			if r.Known && !seen[r.Leader] {
				seen[r.Leader] = true
				d.Leaders = append(d.Leaders, r.Leader)
				d.Scales[r.Leader] = palette.SequentialScale(CandidateColor(t, r.Leader), leaderBreaks)
			}
		}
		slices.Sort(d.Leaders)
	case Margin:
		d.Scale = palette.DivergingScale(CandidateColor(t, d.B), CandidateColor(t, d.A), marginBreaks)
	case Shift:
		d.Scale = palette.DivergingScale(CandidateColor(t, d.B), CandidateColor(t, d.A), shiftBreaks)
	default:
		d.Scale = palette.SequentialScale(sequentialHue, shareBreaks[d.Mode])
	}
	for i := range d.Rows {
		r := &d.Rows[i]
		switch {
		case !r.Known:
			r.Color = palette.Panel
			d.Unknown++
		case d.Mode == Leader:
			r.Color = d.Scales[r.Leader].Color(r.Value)
		default:
			r.Color = d.Scale.Color(r.Value)
		}
	}
}
