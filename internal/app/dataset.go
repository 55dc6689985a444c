package app

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// ErrNoData means a file held no units.
var ErrNoData = errors.New("app: the file holds no units")

// Dataset is one loaded tally with everything derived from it that no
// scenario changes. It is immutable once built.
type Dataset struct {
	// Name is the file name shown to the user.
	Name  string
	Tally *sim.Tally
	Agg   *sim.Aggregation
	// Leader and Runner are the counted national leader and runner-up.
	Leader, Runner int
	// PerUnit is true when every unit is one reporting unit (a table),
	// so that a scatter of units means something.
	PerUnit bool
	// HasRegistered says whether any unit knows its registered voters.
	HasRegistered bool
	// Points are the units placed for the scatter (see Point).
	Points []Point
	// ByX lists indexes of Points from left to right (then bottom to
	// top), for stepping through the scatter with the arrow keys.
	ByX []int
	// Strip is the width, as a fraction of the scatter, of the strip at
	// its left that holds the units whose turnout is unknown (registered
	// voters missing where other units have them); 0 when there are none.
	Strip float64
	// SheetsPending says that the units' sources (the links to their
	// scanned tally sheets) are kept apart from the data and not read in
	// yet: the browser's build ships the default data without them and
	// fetches them when a view first offers a sheet (see WantsSheets and
	// AttachSheets).
	SheetsPending bool
	// Geo is the boundaries of the data's map, or nil (see LoadGeo);
	// geom is them built, from geomFrom.
	Geo      *GeoFile
	geoSpec  *load.GeometrySpec
	geom     *mapGeometry
	geomFrom *GeoFile
	// names holds each region's folded name, for search.
	names []string
}

// Point is one unit in the scatter: X is its place across the plot, in
// [0,1]: its turnout (or, without registered voters, its votes cast scaled
// by XMax), mapped into [Strip,1]; a unit whose registered voters are
// unknown in data that has them elsewhere sits in the strip [0,Strip) at
// the left. Y is the share of the national leader, Winner the index of the
// candidate leading in it.
type Point struct {
	Unit   int
	X, Y   float32
	Winner int
}

// NewDataset builds a Dataset from a tally that has passed validation.
func NewDataset(t *sim.Tally, name string) (*Dataset, error) {
	if t == nil || len(t.Units) == 0 {
		return nil, ErrNoData
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	d := &Dataset{Name: name, Tally: t, Agg: sim.Aggregate(t), HasRegistered: t.HasRegistered()}
	d.Leader, d.Runner, _ = d.Agg.Nation.Leader()
	if d.Runner < 0 {
		d.Runner = d.Leader
	}
	d.PerUnit = true
	for i := range t.Units {
		if t.Units[i].Size() > 1 {
			d.PerUnit = false
			break
		}
	}
	d.names = make([]string, len(t.Regions))
	for i, r := range t.Regions {
		d.names[i] = sim.Fold(r.Name)
	}
	d.buildPoints()
	d.ByX = make([]int, len(d.Points))
	for i := range d.ByX {
		d.ByX[i] = i
	}
	sort.SliceStable(d.ByX, func(a, b int) bool {
		pa, pb := d.Points[d.ByX[a]], d.Points[d.ByX[b]]
		if pa.X != pb.X {
			return pa.X < pb.X
		}
		return pa.Y < pb.Y
	})
	return d, nil
}

// Load reads a file in any format package load knows.
func Load(b []byte, name string) (*Dataset, error) { return LoadWith(b, name, nil) }

// LoadWith reads a file with a mapping that names its columns (nil:
// detect the format). A binary tally (package tallybin, the form of the
// embedded default) is decoded as such.
func LoadWith(b []byte, name string, m *load.Mapping) (*Dataset, error) {
	var t *sim.Tally
	var err error
	if tallybin.Is(b) {
		t, err = tallybin.Decode(b)
		if err != nil {
			err = fmt.Errorf("%s: %w", name, err)
		}
	} else {
		t, _, err = load.Read(bytes.NewReader(b), load.Options{Name: name, Mapping: m})
	}
	if err != nil {
		return nil, err
	}
	d, err := NewDataset(t, name)
	if err == nil && m != nil {
		d.geoSpec = m.Geometry
	}
	return d, err
}

// ReadMapping returns the mapping in b when b is a mapping file (a JSON
// object naming columns, not a Tallyscope JSON tally), or nil.
func ReadMapping(b []byte, name string) *load.Mapping {
	head := bytes.TrimLeft(b[:min(len(b), 4096)], " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '{' || bytes.Contains(head, []byte(`"format"`)) {
		return nil
	}
	m, err := load.ReadMapping(bytes.NewReader(b), name)
	if err != nil {
		return nil
	}
	return m
}

// XMax is the largest value on the scatter's x axis before scaling: 1 for
// turnout, or the largest votes cast in a unit.
func (d *Dataset) XMax() float64 {
	if d.HasRegistered {
		return 1
	}
	var m int64 = 1
	for i := range d.Tally.Units {
		if c := d.Tally.Units[i].Cast(); c > m {
			m = c
		}
	}
	return float64(m)
}

// StripWidth is the width of the scatter's strip for units of unknown
// turnout (Dataset.Strip), as a fraction of the scatter.
const StripWidth = 0.06

func (d *Dataset) buildPoints() {
	t := d.Tally
	xmax := d.XMax()
	d.Points = d.Points[:0]
	d.Strip = 0
	if d.HasRegistered {
		for i := range t.Units {
			if u := &t.Units[i]; u.Registered <= 0 && u.Valid() > 0 {
				d.Strip = StripWidth
				break
			}
		}
	}
	unknown := 0
	for i := range t.Units {
		u := &t.Units[i]
		valid := u.Valid()
		if valid == 0 {
			continue
		}
		var x float64
		switch {
		case d.HasRegistered && u.Registered <= 0:
			// Spread across the strip (a fixed golden-ratio sequence)
			// so that the units do not hide one another.
			unknown++
			f := math.Mod(float64(unknown)*0.6180339887, 1)
			x = d.Strip * (0.15 + 0.7*f)
		case d.HasRegistered:
			x = d.Strip + (1-d.Strip)*float64(u.Cast())/float64(u.Registered)
		default:
			x = float64(u.Cast()) / xmax
		}
		w := 0
		for c, v := range u.Votes {
			if v > u.Votes[w] {
				w = c
			}
		}
		d.Points = append(d.Points, Point{Unit: i, X: float32(x), Y: float32(float64(u.Votes[d.Leader]) / float64(valid)), Winner: w})
	}
}

// RegionName returns a region's display name, or the whole tally's for -1.
func (d *Dataset) RegionName(r int) string {
	if r < 0 || r >= len(d.Tally.Regions) {
		return ""
	}
	rg := d.Tally.Regions[r]
	if rg.Name != "" {
		return rg.Name
	}
	return rg.Key
}

// Search returns up to max regions, at any level, whose name contains the
// folded query, outer levels first, then by name.
func (d *Dataset) Search(q string, max int) []int {
	q = sim.Fold(q)
	if q == "" {
		return nil
	}
	var out []int
	for i, n := range d.names {
		if bytes.Contains([]byte(n), []byte(q)) {
			out = append(out, i)
		}
	}
	rs := d.Tally.Regions
	sort.SliceStable(out, func(a, b int) bool {
		ra, rb := rs[out[a]], rs[out[b]]
		if ra.Level != rb.Level {
			return ra.Level < rb.Level
		}
		return d.names[out[a]] < d.names[out[b]]
	})
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// UnitsIn returns the units whose innermost region is r, in file order.
func (d *Dataset) UnitsIn(r int) []int {
	var out []int
	for i := range d.Tally.Units {
		if d.Tally.Units[i].Region == r {
			out = append(out, i)
		}
	}
	return out
}

// Units returns the reporting units the data stands for: the sum of
// its units' sizes (for data already summed per region, more than its
// units).
func (d *Dataset) Units() int64 {
	var n int64
	for i := range d.Tally.Units {
		n += d.Tally.Units[i].Size()
	}
	return n
}

// Summary describes the dataset in one line for messages.
func (d *Dataset) Summary() string {
	return fmt.Sprintf("%s: %d units", d.Name, len(d.Tally.Units))
}
