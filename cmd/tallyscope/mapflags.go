package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/geo"
)

// mapFlags are the flags of the map and cartogram charts.
type mapFlags struct {
	geometry, object, key, join, colour, credit string
	budget                                      int
	sized                                       bool
}

func (m *mapFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&m.geometry, "geometry", "", "map and cartogram: boundaries `FILE`, GeoJSON or TopoJSON (longitude/latitude, or pre-projected like us-atlas's *-albers-10m.json)")
	fs.StringVar(&m.object, "object", "", "map: the TopoJSON `OBJECT` to draw (counties, states); needed when the file has several")
	fs.StringVar(&m.key, "key", "", "map: the boundaries' join `KEY`: id or a property (default: shapeISO when present, else id)")
	fs.StringVar(&m.join, "join", "auto", "map: how areas meet shapes: `auto`, key (codes as they are), name (the area's name), venezuela (acta state codes to ISO 3166-2) or a JSON file {\"area key\": \"shape key\"}")
	fs.StringVar(&m.colour, "colour", "leader", "map: what colours the areas: `leader` (margin as intensity), margin (A over B, diverging), coverage, turnout or shift (the scenario against the count)")
	fs.IntVar(&m.budget, "points", 40000, "map: simplify the boundaries to about `N` points (0 keeps every point)")
	fs.BoolVar(&m.sized, "sized", false, "cartogram: size the tiles by valid votes instead of equal tiles")
	fs.StringVar(&m.credit, "attribution", "", "map: the boundaries' credit `TEXT` (default: from the file: geoBoundaries or the U.S. Census Bureau)")
}

// options sets the map options when kinds holds a map or a cartogram,
// reading the boundaries once.
func (m *mapFlags) options(kinds []chart.Kind, t *sim.Tally, opts *chart.Options, stderr io.Writer) error {
	if !slices.Contains(kinds, chart.KindMap) && !slices.Contains(kinds, chart.KindCartogram) {
		return nil
	}
	mode, err := choropleth.ParseMode(m.colour)
	if err != nil {
		return usageError{err.Error()}
	}
	opts.MapMode, opts.Sized = mode, m.sized
	opts.Map, err = m.load(t, opts.Level, stderr)
	return err
}

// load reads, projects, simplifies and joins the boundaries for the areas
// of t at level, and prints the join report to stderr.
func (m *mapFlags) load(t *sim.Tally, level string, stderr io.Writer) (*choropleth.Geometry, error) {
	if m.geometry == "" {
		return nil, usageError{"map and cartogram need --geometry FILE (GeoJSON or TopoJSON)"}
	}
	f, err := os.Open(m.geometry)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := geo.Read(m.geometry, f, geo.ReadOptions{Object: m.object})
	if err != nil {
		return nil, err
	}
	areas, err := geo.Areas(t, level)
	if err != nil {
		return nil, err
	}
	var o geo.JoinOptions
	if slices.Contains(geo.JoinMethods, strings.ToLower(m.join)) {
		// The app's rule: auto tries each way and keeps the best.
		tries, err := geo.JoinTries(m.join, l, m.key)
		if err != nil {
			return nil, err
		}
		if o, _, err = geo.BestJoin(l, areas, tries); err != nil {
			return nil, err
		}
	} else {
		key := m.key
		if key == "" {
			key = l.DefaultKey()
		}
		b, err := os.ReadFile(m.join)
		if err != nil {
			return nil, usageError{fmt.Sprintf("--join must be %s or a JSON file: %v", strings.Join(geo.JoinMethods, ", "), err)}
		}
		o = geo.JoinOptions{Key: key}
		if err := json.Unmarshal(b, &o.Table); err != nil {
			return nil, fmt.Errorf("%s: a join table is a JSON object of strings: %v", m.join, err)
		}
	}
	g, err := choropleth.New(l, areas, o, m.budget, m.credit)
	if err != nil {
		return nil, err
	}
	if g.Attribution == "" {
		g.Attribution = attribution(l)
	}
	printJoin(stderr, m.geometry, l, g, o)
	return g, nil
}

// attribution is the credit the boundaries' licence asks for (Layer.Credit),
// or the file's name for boundaries it does not know.
func attribution(l *geo.Layer) string {
	if c := l.Credit(); c != "" {
		return c
	}
	return "Boundaries: " + filepath.Base(l.File)
}

// printJoin writes the join report: what matched, and every miss.
func printJoin(w io.Writer, file string, l *geo.Layer, g *choropleth.Geometry, o geo.JoinOptions) {
	r := g.Join.Report
	via := o.Key
	switch {
	case o.Table != nil:
		via += " via a table"
	case o.ByName:
		via += ", areas by name"
	}
	pts := 0
	for i := range g.Shapes {
		pts += g.Shapes[i].Points()
	}
	fmt.Fprintf(w, "join: %s (key %s): %d of %d areas matched %d shapes; the file's borders have %d points, the shapes drawn %d (a border two shapes share counts in each); %d empty rings left out\n", file, via, r.Matched, r.Areas, r.Features, l.Points(), pts, l.Degenerate)
	fmt.Fprintf(w, "join: %d areas with data but no shape\n", len(r.NoShape))
	for _, a := range r.NoShape {
		fmt.Fprintf(w, "  no shape: %s %s\n", a.Key, a.Name)
	}
	for _, rn := range r.Renamed {
		fmt.Fprintf(w, "  same key, different name: %s %q is not %q\n", rn.Area.Key, rn.Area.Name, rn.Name)
	}
	fmt.Fprintf(w, "join: %d shapes with no data\n", len(r.NoData))
	for _, f := range r.NoData {
		k, _ := l.Features[f].Prop(o.Key)
		fmt.Fprintf(w, "  no data: %s %s\n", k, l.Features[f].Name())
	}
}
