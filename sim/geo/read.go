package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// ReadOptions choose what Read takes from a file.
type ReadOptions struct {
	// Object names the TopoJSON object to read ("counties"); empty
	// means the file's only object (a file with several needs a name).
	Object string
}

// root is the part of GeoJSON and TopoJSON that Read decodes at once.
type root struct {
	Type       string                     `json:"type"`
	Features   []rawFeature               `json:"features"`
	Objects    map[string]json.RawMessage `json:"objects"`
	Arcs       [][][]float64              `json:"arcs"`
	Transform  *transform                 `json:"transform"`
	Geometry   *rawGeometry               `json:"geometry"`
	ID         json.RawMessage            `json:"id"`
	Properties map[string]json.RawMessage `json:"properties"`
}

type transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

type rawFeature struct {
	Type       string                     `json:"type"`
	ID         json.RawMessage            `json:"id"`
	Properties map[string]json.RawMessage `json:"properties"`
	Geometry   *rawGeometry               `json:"geometry"`
}

// rawGeometry is a GeoJSON geometry or a TopoJSON geometry object.
type rawGeometry struct {
	Type        string                     `json:"type"`
	Coordinates json.RawMessage            `json:"coordinates"`
	Arcs        json.RawMessage            `json:"arcs"`
	Geometries  []rawGeometry              `json:"geometries"`
	ID          json.RawMessage            `json:"id"`
	Properties  map[string]json.RawMessage `json:"properties"`
}

// Read reads a GeoJSON (FeatureCollection, Feature, Polygon or
// MultiPolygon) or TopoJSON (Topology) file. name names the file in
// errors. A file whose coordinates are not all longitudes and latitudes
// is taken as already projected with y downwards (Screen, as the
// us-atlas *-albers files are); Project flips it.
func Read(name string, r io.Reader, opts ReadOptions) (*Layer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("geo: %s: %w", name, err)
	}
	var rt root
	if err := json.Unmarshal(data, &rt); err != nil {
		return nil, jsonError(name, data, err)
	}
	l := &Layer{File: name}
	switch rt.Type {
	case "Topology":
		err = l.readTopology(&rt, opts.Object)
	case "FeatureCollection":
		if opts.Object != "" {
			return nil, &Error{File: name, Feature: -1, Msg: fmt.Sprintf("is GeoJSON, which has no objects; object %q was asked for", opts.Object)}
		}
		for i := range rt.Features {
			if err = l.addGeoJSON(i, &rt.Features[i]); err != nil {
				break
			}
		}
	case "Feature":
		err = l.addGeoJSON(0, &rawFeature{Type: rt.Type, ID: rt.ID, Properties: rt.Properties, Geometry: rt.Geometry})
	case "Polygon", "MultiPolygon":
		var g rawGeometry
		if err = json.Unmarshal(data, &g); err == nil {
			err = l.addGeoJSON(0, &rawFeature{Type: "Feature", Geometry: &g})
		}
	case "":
		return nil, &Error{File: name, Feature: -1, Msg: `is JSON but neither GeoJSON nor TopoJSON: it has no "type"`}
	default:
		return nil, &Error{File: name, Feature: -1, Msg: fmt.Sprintf("has type %q; a map needs a GeoJSON FeatureCollection or a TopoJSON Topology", rt.Type)}
	}
	if err != nil {
		return nil, err
	}
	if len(l.Features) == 0 {
		return nil, &Error{File: name, Feature: -1, Msg: "has no features"}
	}
	if err := l.check(); err != nil {
		return nil, err
	}
	b := l.Bounds()
	if b.Empty() {
		return nil, &Error{File: name, Feature: -1, Msg: "has no coordinates"}
	}
	l.screen = b.Min.X < -180 || b.Max.X > 360 || b.Min.Y < -90 || b.Max.Y > 90
	return l, nil
}

// jsonError turns a decoding error into an *Error with a line and column.
func jsonError(name string, data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		// Offset counts the offending byte: point at it.
		off, msg = max(0, se.Offset-1), "invalid JSON: "+se.Error()
	case errors.As(err, &te):
		off, msg = te.Offset, fmt.Sprintf("%s is a JSON %s, not the %s GeoJSON or TopoJSON expects", fieldName(te.Field), te.Value, te.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		off, msg = int64(len(data)), "invalid JSON: the file ends too soon"
	}
	e := &Error{File: name, Feature: -1, Msg: msg}
	if off >= 0 {
		if off > int64(len(data)) {
			off = int64(len(data))
		}
		before := data[:off]
		e.Line = bytes.Count(before, []byte("\n")) + 1
		e.Column = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	}
	return e
}

func fieldName(f string) string {
	if f == "" {
		return "a value"
	}
	return fmt.Sprintf("%q", f)
}

// props keeps the string, number and boolean properties as text.
func props(raw map[string]json.RawMessage) map[string]string {
	if len(raw) == 0 {
		return nil
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		if s, ok := scalar(v); ok {
			out[k] = s
		}
	}
	return out
}

// scalar returns a JSON string's value, or a number's or boolean's text.
func scalar(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "", false
	}
	switch v[0] {
	case '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "", false
		}
		return s, true
	case 't', 'f':
		return string(v), true
	case 'n', '{', '[':
		return "", false
	}
	return string(v), true
}

// addGeoJSON appends feature i, each ring an arc of its own.
func (l *Layer) addGeoJSON(i int, f *rawFeature) error {
	id, _ := scalar(f.ID)
	feat := Feature{ID: id, Props: props(f.Properties)}
	g := f.Geometry
	var polys [][][][]float64
	switch {
	case g == nil || g.Type == "":
		// A feature without geometry: kept, so that the join can say so.
	case g.Type == "Polygon":
		var p [][][]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return l.errf(i, "Polygon coordinates: %v", err)
		}
		polys = [][][][]float64{p}
	case g.Type == "MultiPolygon":
		if err := json.Unmarshal(g.Coordinates, &polys); err != nil {
			return l.errf(i, "MultiPolygon coordinates: %v", err)
		}
	default:
		return l.errf(i, "%shas a %s; a map needs Polygon or MultiPolygon geometries", feat.label(), g.Type)
	}
	for pi, p := range polys {
		if len(p) == 0 {
			return l.errf(i, "%spolygon %d has no rings", feat.label(), pi)
		}
		var rings [][]int
		for ri, r := range p {
			ring, err := positions(r)
			if err != nil {
				return l.errf(i, "%sring %d of polygon %d: %v", feat.label(), ri, pi, err)
			}
			if err := l.checkRing(ring); err != nil {
				return l.errf(i, "%sring %d of polygon %d %v", feat.label(), ri, pi, err)
			}
			rings = append(rings, []int{len(l.arcs)})
			l.arcs = append(l.arcs, ring)
		}
		feat.polys = append(feat.polys, rings)
	}
	l.Features = append(l.Features, feat)
	return nil
}

// label names a feature by its id or name for an error: `("Zulia") `.
func (f *Feature) label() string {
	for _, k := range []string{"name", "NAME", "shapeName"} {
		if v := f.Props[k]; v != "" {
			return fmt.Sprintf("(%q) ", v)
		}
	}
	if f.ID != "" {
		return fmt.Sprintf("(id %q) ", f.ID)
	}
	return ""
}

func positions(r [][]float64) ([]Point, error) {
	out := make([]Point, len(r))
	for j, p := range r {
		if len(p) < 2 {
			return nil, fmt.Errorf("position %d has %d coordinates, not 2", j, len(p))
		}
		if math.IsNaN(p[0]) || math.IsInf(p[0], 0) || math.IsNaN(p[1]) || math.IsInf(p[1], 0) {
			return nil, fmt.Errorf("position %d is not a finite number", j)
		}
		out[j] = Point{p[0], p[1]}
	}
	return out, nil
}

// checkRing says what makes a ring unusable: a last position that is
// not the first, or fewer than three positions. A closed ring of three
// positions encloses nothing: it is counted (Layer.Degenerate) and left
// out of the shapes, as quantized TopoJSON files have some.
func (l *Layer) checkRing(r []Point) error {
	if len(r) == 0 {
		return fmt.Errorf("has no positions")
	}
	if r[0] != r[len(r)-1] {
		return fmt.Errorf("is not closed: it starts at (%g, %g) and ends at (%g, %g)", r[0].X, r[0].Y, r[len(r)-1].X, r[len(r)-1].Y)
	}
	if len(r) < 4 {
		l.Degenerate++
	}
	return nil
}

// readTopology decodes the arcs and the chosen object of a TopoJSON file.
func (l *Layer) readTopology(rt *root, object string) error {
	names := make([]string, 0, len(rt.Objects))
	for k := range rt.Objects {
		names = append(names, k)
	}
	slices.Sort(names)
	if len(names) == 0 {
		return &Error{File: l.File, Feature: -1, Msg: "is a Topology with no objects"}
	}
	if object == "" {
		if len(names) > 1 {
			return &Error{File: l.File, Feature: -1, Msg: fmt.Sprintf("has %d objects (%s): name one", len(names), strings.Join(names, ", "))}
		}
		object = names[0]
	}
	raw, ok := rt.Objects[object]
	if !ok {
		return &Error{File: l.File, Feature: -1, Msg: fmt.Sprintf("has no object %q (its objects: %s)", object, strings.Join(names, ", "))}
	}
	l.Object = object
	if err := l.decodeArcs(rt); err != nil {
		return err
	}
	var g rawGeometry
	if err := json.Unmarshal(raw, &g); err != nil {
		return &Error{File: l.File, Feature: -1, Msg: fmt.Sprintf("object %q: %v", object, err)}
	}
	geoms := []rawGeometry{g}
	if g.Type == "GeometryCollection" {
		geoms = g.Geometries
	}
	for i := range geoms {
		if err := l.addTopo(len(l.Features), &geoms[i]); err != nil {
			return err
		}
	}
	return nil
}

// decodeArcs reads the arcs, undoing the delta encoding and the
// quantization when the topology has a transform.
func (l *Layer) decodeArcs(rt *root) error {
	l.arcs = make([][]Point, len(rt.Arcs))
	for i, a := range rt.Arcs {
		if len(a) < 2 {
			return &Error{File: l.File, Feature: -1, Msg: fmt.Sprintf("arc %d has %d positions; an arc needs at least 2", i, len(a))}
		}
		pts, err := positions(a)
		if err != nil {
			return &Error{File: l.File, Feature: -1, Msg: fmt.Sprintf("arc %d: %v", i, err)}
		}
		if t := rt.Transform; t != nil {
			var x, y float64
			for j := range pts {
				x, y = x+pts[j].X, y+pts[j].Y
				pts[j] = Point{x*t.Scale[0] + t.Translate[0], y*t.Scale[1] + t.Translate[1]}
			}
		}
		l.arcs[i] = pts
	}
	return nil
}

// addTopo appends one TopoJSON geometry object as feature i.
func (l *Layer) addTopo(i int, g *rawGeometry) error {
	id, _ := scalar(g.ID)
	feat := Feature{ID: id, Props: props(g.Properties)}
	var polys [][][]int
	switch g.Type {
	case "", "null":
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return l.errf(i, "%sPolygon arcs: %v", feat.label(), err)
		}
		polys = [][][]int{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return l.errf(i, "%sMultiPolygon arcs: %v", feat.label(), err)
		}
	default:
		return l.errf(i, "%sof object %q is a %s; a map needs Polygon or MultiPolygon geometries", feat.label(), l.Object, g.Type)
	}
	for pi, p := range polys {
		if len(p) == 0 {
			return l.errf(i, "%spolygon %d has no rings", feat.label(), pi)
		}
		for ri, refs := range p {
			if len(refs) == 0 {
				return l.errf(i, "%sring %d of polygon %d has no arcs", feat.label(), ri, pi)
			}
			for _, a := range refs {
				if j := arcIndex(a); j >= len(l.arcs) {
					return l.errf(i, "%sring %d of polygon %d refers to arc %d; the file has %d arcs", feat.label(), ri, pi, a, len(l.arcs))
				}
			}
			if err := l.checkRing(l.stitch(refs, nil, nil)); err != nil {
				return l.errf(i, "%sring %d of polygon %d %v", feat.label(), ri, pi, err)
			}
		}
	}
	feat.polys = polys
	l.Features = append(l.Features, feat)
	return nil
}

// arcIndex returns the arc a reference names: a for a ≥ 0, ^a for a
// reversed arc.
func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// stitch joins the arcs of a ring, each after the first without its first
// point (the previous arc's last). With keep, only the points whose weight
// is at least min are kept (an arc's ends always are).
func (l *Layer) stitch(refs []int, dst Ring, keep func(arc, j int) bool) Ring {
	for k, a := range refs {
		arc := l.arcs[arcIndex(a)]
		n := len(arc)
		for s := 0; s < n; s++ {
			j := s
			if a < 0 {
				j = n - 1 - s
			}
			if k > 0 && s == 0 {
				continue
			}
			if keep != nil && s > 0 && s < n-1 && !keep(arcIndex(a), j) {
				continue
			}
			dst = append(dst, arc[j])
		}
	}
	return dst
}

// check makes sure every feature's arcs are in range (GeoJSON rings are
// checked as they are read).
func (l *Layer) check() error {
	for i := range l.Features {
		for _, p := range l.Features[i].polys {
			for _, r := range p {
				for _, a := range r {
					if arcIndex(a) >= len(l.arcs) {
						return l.errf(i, "refers to arc %d; the file has %d arcs", a, len(l.arcs))
					}
				}
			}
		}
	}
	return nil
}
