package view

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim/load"
)

// defaultWithMap is the default data with its embedded states, as the
// app opens it.
func defaultWithMap(t testing.TB) *app.Dataset {
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	d.Geo = app.EmbeddedStates(assets.VenezuelaStatesName, assets.VenezuelaStates, assets.VenezuelaStatesAttribution)
	return d
}

// usCounties is the 2024 US results by county with us-atlas's counties,
// or skips.
func usCounties(t testing.TB) *app.Dataset {
	csv := shareddata.Path(t, "us-county/2024_US_County_Level_Presidential_Results.csv")
	geoPath := shareddata.Path(t, "../geo/us/counties-albers-10m.json")
	b, err := os.ReadFile(csv)
	require.NoError(t, err)
	d, err := app.Load(b, filepath.Base(csv))
	require.NoError(t, err)
	g, err := os.ReadFile(geoPath)
	require.NoError(t, err)
	d.Geo = &app.GeoFile{Name: filepath.Base(geoPath), Data: g}
	return d
}

// TestMapLayout lays the Map view out in every mode and kind, at every
// size and in both languages, with the default data's states: no text
// overlaps another or leaves the screen, and the map is on screen.
func TestMapLayout(t *testing.T) {
	f := newFonts(t)
	d := defaultWithMap(t)
	for _, sz := range sizes {
		for _, lang := range i18n.Langs {
			for _, mode := range app.MapModes {
				for _, kind := range []app.MapKind{app.MapShapes, app.MapTilesSized} {
					st := app.New(d, lang, "view=map")
					st.Projector = sz.projector
					st.Apply(app.SetMapMode{Mode: mode})
					st.Apply(app.SetMapKind{Kind: kind})
					st.Apply(app.SetSwing{Which: 1, PP: 3})
					st.Update(0)
					st.Apply(app.HoverArea{Row: 3})
					sc := Build(st, sz.w, sz.h, sz.sc, f)
					name := fmt.Sprintf("%s %s %s %s", sz.name, lang.Code(), mode, kind)
					require.NotNil(t, sc.Map, name)
					assert.True(t, sc.Map.R.Inside(Rect{0, 0, sz.w, sz.h}, 0.5), "%s: the map %+v leaves the screen", name, sc.Map.R)
					checkTexts(t, name, sc)
				}
			}
		}
	}
}

// checkTexts fails when a visible text leaves the screen or overlaps
// another.
func checkTexts(t *testing.T, name string, sc *Scene) {
	t.Helper()
	screen := Rect{0, 0, sc.W, sc.H}
	texts := visibleTexts(sc)
	require.NotEmpty(t, texts, name)
	for i, a := range texts {
		assert.True(t, a.R.Inside(screen, 0.5), "%s: %q at %+v leaves the screen", name, a.Text, a.R)
		for _, b := range texts[i+1:] {
			if a.R.Inset(1).Overlaps(b.R.Inset(1)) {
				t.Errorf("%s: %q %+v overlaps %q %+v", name, a.Text, a.R, b.Text, b.R)
			}
		}
	}
}

// TestMapStates checks the default map: 24 states drawn, the
// Federal Dependencies reported without data, the credit on screen, and
// the mirror's table with a row per state.
func TestMapStates(t *testing.T) {
	f := newFonts(t)
	st := app.New(defaultWithMap(t), i18n.ES, "view=map")
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	require.NotNil(t, sc.Map)
	assert.Len(t, sc.Map.View.Data.Rows, 24)
	screen := screenText(sc)
	assert.Contains(t, screen, "Límites: geoBoundaries.org")
	assert.Contains(t, screen, "Dependencias Federales")
	mir := Mirror(st)
	assert.Contains(t, mir.Body, `<table class="map" id="ts-map">`)
	assert.Equal(t, 24, strings.Count(mir.Body[strings.Index(mir.Body, `id="ts-map"`):], `<th scope="row">`))
	assert.NotContains(t, mir.Body, `id="ts-regions"`, "the map's table replaces the regions'")
	// Hover and tap find the state under the pointer.
	ms := sc.Map
	row := 5
	g := ms.View.Geometry
	sh := &g.Shapes[g.Join.Feature[ms.View.Data.Rows[row].Area]]
	x, y := ms.Point(sh.Centroid())
	if ms.RowAt(x, y) == row {
		assert.Equal(t, app.HoverArea{Row: row}, sc.Hover(st, x, y))
		assert.Equal(t, app.PickArea{Row: row}, sc.Tap(st, x, y))
	}
	assert.Equal(t, -1, ms.RowAt(ms.R.X+1, ms.R.Y+1), "a corner of the frame is the sea")
	// The keyboard: arrows on the focused map step through the areas,
	// Enter drills into the one shown.
	st.Apply(app.SetFocus{ID: "map"})
	sc = Build(st, 1280, 800, 1, f)
	a := sc.Key(st, KeyRight, false)
	assert.Equal(t, app.HoverArea{Row: 0}, a)
	st.Apply(a)
	assert.Equal(t, app.HoverArea{Row: 23}, sc.Key(st, KeyLeft, false))
	assert.Equal(t, app.PickArea{Row: 0}, sc.Key(st, KeyEnter, false))
}

// TestMapWithoutGeometry: data without boundaries say so, in words.
func TestMapWithoutGeometry(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "view=map")
	st.Update(0)
	sc := Build(st, 360*2, 640*2, 2, f)
	assert.Nil(t, sc.Map)
	assert.Contains(t, screenText(sc), "no map")
	checkTexts(t, "no geometry", sc)
}

// TestMapUSCounties opens the 2024 results by county with us-atlas's
// counties (a page's geo= or the desktop's --geo): 3,100 counties and
// more are drawn, and the join report names what did not match.
func TestMapUSCounties(t *testing.T) {
	f := newFonts(t)
	d := usCounties(t)
	st := app.New(d, i18n.EN, "view=map")
	st.Update(0)
	m := st.Map
	require.NoError(t, m.Err)
	require.NotNil(t, m.Data)
	assert.Equal(t, "county", m.Level)
	rep := m.Geometry.Join.Report
	t.Logf("counties: %d drawn of %d with data; %d with data but no shape, %d shapes without data; attribution %q", len(m.Data.Rows), rep.Areas, len(rep.NoShape), len(rep.NoData), m.Geometry.Attribution)
	assert.GreaterOrEqual(t, len(m.Data.Rows), 3100)
	assert.Equal(t, "Boundaries: U.S. Census Bureau", m.Geometry.Attribution)
	sc := Build(st, 1280, 800, 1, f)
	screen := screenText(sc)
	assert.Contains(t, screen, fmt.Sprintf("With data but no shape (%d)", len(rep.NoShape)))
	assert.Contains(t, screen, fmt.Sprintf("Shapes without data (%d)", len(rep.NoData)))
	checkTexts(t, "us counties", sc)
	// Tapping a county drills into its state, whose counties fill the map.
	st.Apply(app.PickArea{Row: 0})
	st.Update(0)
	require.GreaterOrEqual(t, st.Region, 0)
	require.NotNil(t, st.Map.Data)
	assert.Less(t, len(st.Map.Data.Rows), 300)
	assert.Positive(t, len(st.Map.Data.Rows))
}

// TestMapGeometryFromMapping: a mapping names the boundaries and the
// join; the app joins them as it says.
func TestMapGeometryFromMapping(t *testing.T) {
	csv := shareddata.Path(t, "us-county/2024_US_County_Level_Presidential_Results.csv")
	geoPath := shareddata.Path(t, "../geo/us/counties-albers-10m.json")
	js, ok := load.BuiltinJSON("us-county-president")
	require.True(t, ok)
	mapping := strings.Replace(string(js), `"candidates"`, `"geometry": {"file": "counties-albers-10m.json", "object": "counties", "key": "id", "level": "county"}, "candidates"`, 1)
	b, err := os.ReadFile(csv)
	require.NoError(t, err)
	g, err := os.ReadFile(geoPath)
	require.NoError(t, err)
	def, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	st := app.New(def, i18n.EN, "view=map")
	st.Apply(app.LoadFiles{{Name: "us.json", Data: []byte(mapping)}, {Name: "us.csv", Data: b}, {Name: "counties-albers-10m.json", Data: g}})
	st.Update(0)
	require.NotNil(t, st.Map)
	require.NoError(t, st.Map.Err)
	assert.Equal(t, "county", st.Map.Level)
	assert.GreaterOrEqual(t, len(st.Map.Data.Rows), 3100)
}

func screenText(sc *Scene) string {
	var texts []string
	for _, it := range sc.Items {
		if it.Kind == Text {
			texts = append(texts, it.Text)
		}
	}
	return strings.Join(texts, " ")
}

// BenchmarkMapRecolour measures the frame work of a slider step on the
// Map view: the swing changes, the state recomputes the scenario and
// recolours the map (one choropleth.ComputeFrom), and the layout is
// built again. The front end then refills the cached triangles by colour
// (see internal/ui's BenchmarkMapRefill). BENCHMARKS.md records it:
//
//	go test ./internal/view -run '^$' -bench MapRecolour -benchtime 200x -count 5
func BenchmarkMapRecolour(b *testing.B) {
	f := newFonts(b)
	for _, c := range []struct {
		name string
		data func(testing.TB) *app.Dataset
		mode choropleth.Mode
	}{
		{"ve-states-leader", defaultWithMap, choropleth.Leader},
		{"ve-states-shift", defaultWithMap, choropleth.Shift},
		{"us-counties-leader", usCounties, choropleth.Leader},
		{"us-counties-margin", usCounties, choropleth.Margin},
	} {
		b.Run(c.name, func(b *testing.B) {
			st := app.New(c.data(b), i18n.EN, "view=map")
			st.Apply(app.SetMapMode{Mode: c.mode})
			st.Update(0)
			Build(st, 1280, 800, 1, f)
			var times []float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := nowNS()
				st.Apply(app.SetSwing{Which: i % 2, PP: float64(i%20) * 0.5})
				st.Update(0)
				sc := Build(st, 1280, 800, 1, f)
				if sc.Map == nil {
					b.Fatal("no map")
				}
				times = append(times, float64(nowNS()-start)/1e6)
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(times[len(times)/2], "median-ms")
			b.ReportMetric(times[len(times)*9/10], "p90-ms")
		})
	}
}

// BenchmarkMapRecolourOnly measures the map's own share of that frame:
// one choropleth.ComputeFrom with the scenario's outcome in hand, and
// the layout built again.
//
//	go test ./internal/view -run '^$' -bench MapRecolourOnly -benchtime 200x -count 5
func BenchmarkMapRecolourOnly(b *testing.B) {
	f := newFonts(b)
	for _, c := range []struct {
		name string
		data func(testing.TB) *app.Dataset
	}{{"ve-states", defaultWithMap}, {"us-counties", usCounties}} {
		b.Run(c.name, func(b *testing.B) {
			st := app.New(c.data(b), i18n.EN, "view=map")
			st.Apply(app.SetSwing{Which: 1, PP: 2})
			st.Update(0)
			d := st.Data
			in := choropleth.Input{Tally: d.Tally, Agg: d.Agg, Mode: choropleth.Leader, Level: st.Map.Level, A: d.Leader, B: d.Runner, Outcome: st.Out.Engine(), Projected: true}
			var times []float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := nowNS()
				if _, err := choropleth.ComputeFrom(st.Map.Geometry, in); err != nil {
					b.Fatal(err)
				}
				Build(st, 1280, 800, 1, f)
				times = append(times, float64(nowNS()-start)/1e6)
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(times[len(times)/2], "median-ms")
		})
	}
}

func nowNS() int64 { return time.Now().UnixNano() }

// TestMapUSCountiesFollowTheScenario: on a map whose areas are units
// (counties), a swing recolours each county by its own votes under the
// scenario, and the shift map says by how much.
func TestMapUSCountiesFollowTheScenario(t *testing.T) {
	d := usCounties(t)
	st := app.New(d, i18n.EN, "view=map")
	st.Apply(app.SetMapMode{Mode: choropleth.Margin})
	st.Update(0)
	require.NotNil(t, st.Map.Data)
	before := map[string]float64{}
	for _, r := range st.Map.Data.Rows {
		before[r.Key] = r.Value
	}
	st.Apply(app.SetSwing{Which: 0, PP: 5})
	st.Update(0)
	require.NotNil(t, st.Map.Data)
	up := 0
	for _, r := range st.Map.Data.Rows {
		if r.Value > before[r.Key] {
			up++
		}
	}
	t.Logf("%d of %d counties' margins grew with a 5 pp swing to the leader", up, len(st.Map.Data.Rows))
	assert.Greater(t, up, 3000, "the counties follow the swing")

	st.Apply(app.SetMapMode{Mode: choropleth.Shift})
	st.Update(0)
	require.NotNil(t, st.Map.Data, "%v", st.Map.Err)
	known, positive := 0, 0
	for _, r := range st.Map.Data.Rows {
		if r.Known {
			known++
			if r.Value > 0 {
				positive++
			}
		}
	}
	assert.Greater(t, known, 3000, "the shift map knows every county")
	assert.Greater(t, positive, 3000, "and each moved towards the leader")
}
