package view

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
)

// fixture is a small tally shaped like Venezuela 2024 (long names, ten
// candidates, two claims), enough to stress the layout.
func fixture(t *testing.T) *app.Dataset {
	t.Helper()
	ids := []string{"EG", "NM", "LM", "JABE", "JOBR", "AE", "CF", "DC", "EM", "BERA"}
	names := []string{"Edmundo González Urrutia", "Nicolás Maduro Moros", "Luis Eduardo Martínez", "Javier Bertucci", "José Brito", "Antonio Ecarri", "Claudio Fermín", "Daniel Ceballos", "Enrique Márquez", "Benjamín Rausseo"}
	tl := &sim.Tally{Title: "Venezuela, presidential, 28 July 2024", Levels: []string{"state", "centre"}, UnitLevel: "table"}
	for i := range ids {
		tl.Candidates = append(tl.Candidates, sim.Candidate{ID: ids[i], Name: names[i]})
	}
	states := []string{"DTTO. CAPITAL", "EDO. ZULIA", "EDO. DELTA AMACURO CON UN NOMBRE MUY LARGO PARA PROBAR"}
	for i, s := range states {
		tl.Regions = append(tl.Regions, sim.Region{Level: 0, Key: fmt.Sprint(i + 1), Name: s, Parent: -1})
	}
	for i := range states {
		tl.Regions = append(tl.Regions, sim.Region{Level: 1, Key: fmt.Sprint(100 + i), Name: "U.E. CENTRO " + fmt.Sprint(i), Parent: i})
	}
	for i := 0; i < 60; i++ {
		v := make([]int64, 10)
		v[0], v[1] = int64(300+i*3), int64(150+(i*7)%200)
		for c := 2; c < 10; c++ {
			v[c] = int64((i + c) % 9)
		}
		tl.Units = append(tl.Units, sim.Unit{ID: fmt.Sprintf("%09d.%02d", 100+i%3, i), Region: 3 + i%3, Registered: sim.Unknown, Votes: v, Null: 1, Blank: sim.Unknown, Source: "https://example.org/acta.jpg"})
	}
	tl.Expected = []sim.Expectation{{Region: -1, Units: 80, Registered: 60000}}
	tl.Claims = []sim.Claim{
		{Label: "CNE 1st bulletin", Date: "2024-07-29", Votes: []sim.ClaimVote{{Candidate: "NM", Votes: 12000}, {Candidate: "EG", Votes: 9000}}, Others: sim.Unknown, Valid: sim.Unknown, Null: sim.Unknown},
		{Label: "CNE 2nd bulletin", Date: "2024-08-02", Votes: []sim.ClaimVote{{Candidate: "NM", Votes: 15000}, {Candidate: "EG", Votes: 12000}}, Others: 900, Valid: sim.Unknown, Null: sim.Unknown},
	}
	d, err := app.NewDataset(tl, "fixture.json")
	require.NoError(t, err)
	return d
}

var sizes = []struct {
	name     string
	w, h, sc float64
	// projector lays the screen out in projector mode.
	projector bool
}{
	{"phone 360x640 @2", 720, 1280, 2, false},
	{"phone 360x640 @1", 360, 640, 1, false},
	{"laptop 1280x800", 1280, 800, 1, false},
	{"short 1024x600", 1024, 600, 1, false},
	{"full HD 1920x1080", 1920, 1080, 1, false},
	{"retina 1440x900 @2", 2880, 1800, 2, false},
	{"projector 1920x1080", 1920, 1080, 1, true},
	{"projector 1280x800", 1280, 800, 1, true},
}

// layoutViews are the views the layout tests lay out.
var layoutViews = []app.View{app.ViewOverview, app.ViewScenario, app.ViewRegions, app.ViewUnits, app.ViewUncertainty, app.ViewMap}

func newFonts(t testing.TB) *Fonts {
	f, err := NewFonts()
	require.NoError(t, err)
	return f
}

// visibleTexts returns the text items that are at least partly visible.
func visibleTexts(sc *Scene) []Item {
	var out []Item
	for _, it := range sc.Items {
		if it.Kind != Text {
			continue
		}
		if !it.Clip.Empty() {
			if !it.R.Overlaps(it.Clip) {
				continue
			}
			// What is painted is the part inside the clip; the side
			// panel (at x = 0) keeps its full boxes, checked to fit.
			if !(it.Clip.X == 0 && it.Clip.W < sc.W) {
				it.R = intersect(it.R, it.Clip)
			}
		}
		out = append(out, it)
	}
	return out
}

func TestNoOverlapAndInside(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	scenarios := map[string][]app.Action{
		"baseline": nil,
		"split":    {app.SetSplit{Share: 1}, app.SetFullTurnout{On: true}},
		"claim":    {app.SetClaim{Index: 1}},
	}
	for _, sz := range sizes {
		for _, lang := range i18n.Langs {
			for scName, acts := range scenarios {
				for _, v := range layoutViews {
					st := app.New(d, lang, "")
					st.Origin = "https://example.org/" // the browser's header
					st.Projector = sz.projector
					for _, a := range acts {
						st.Apply(a)
					}
					st.Apply(app.SetView{View: v})
					st.Apply(app.HoverUnit{Unit: 4})
					st.Update(0)
					if st.MC != nil && v == app.ViewUncertainty {
						st.MC.Step(app.MCRuns)
					}
					sc := Build(st, sz.w, sz.h, sz.sc, f)
					name := fmt.Sprintf("%s %s %s %s", sz.name, lang.Code(), scName, v)
					screen := Rect{0, 0, sz.w, sz.h}
					texts := visibleTexts(sc)
					require.NotEmpty(t, texts, name)
					for i, a := range texts {
						assert.True(t, a.R.Inside(screen, 0.5), "%s: %q at %+v leaves the screen", name, a.Text, a.R)
						if !a.Clip.Empty() && a.Clip.X == 0 && a.Clip.W < sc.W {
							// The side panel does not scroll: all of it fits.
							assert.True(t, a.R.Inside(a.Clip, 0.5), "%s: %q at %+v is cut by the side panel %+v", name, a.Text, a.R, a.Clip)
						}
						if !a.Clip.Empty() {
							assert.True(t, a.R.X >= a.Clip.X-0.5 && a.R.Right() <= a.Clip.Right()+0.5, "%s: %q at %+v is cut sideways by %+v", name, a.Text, a.R, a.Clip)
						}
						for _, b := range texts[i+1:] {
							// Shrink a little: line boxes may touch.
							if a.R.Inset(1).Overlaps(b.R.Inset(1)) {
								t.Errorf("%s: %q %+v overlaps %q %+v", name, a.Text, a.R, b.Text, b.R)
							}
						}
					}
				}
			}
		}
	}
}

func TestControlsBigEnoughToTap(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.ES, "")
	st.Apply(app.SetView{View: app.ViewScenario})
	st.Update(0)
	sc := Build(st, 720, 1280, 2, f)
	for _, h := range sc.Hits {
		if h.ID == "" || h.Scroll || h.Hidden || h.R.Bottom() >= sc.Main.Bottom()-1 {
			continue // cut by the edge of the scrolling area
		}
		assert.GreaterOrEqual(t, h.R.H/sc.Scale, 30.0, "%s is %v dp tall", h.ID, h.R.H/sc.Scale)
	}
}

func TestTabsAndViews(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	st := app.New(d, i18n.EN, "")
	st.Update(0)
	wide := Build(st, 1280, 800, 1, f)
	narrow := Build(st, 720, 1280, 2, f)
	assert.Nil(t, wide.Find("tab-scenario"), "wide screens show the scenario beside every view")
	assert.NotNil(t, wide.Find("split"))
	assert.NotNil(t, narrow.Find("tab-scenario"))
	assert.Nil(t, narrow.Find("split"), "narrow screens show the scenario in its own tab")
	assert.True(t, narrow.Narrow)
	assert.False(t, wide.Narrow)
	short := Build(st, 1024, 560, 1, f)
	assert.NotNil(t, short.Find("tab-scenario"), "a window too short for the side panel gets the tab")
}

// press clicks the middle of control id, or at fraction fx of its width.
func press(t *testing.T, st *app.State, sc *Scene, id string, fx float64) {
	t.Helper()
	h := sc.Find(id)
	require.NotNil(t, h, id)
	a, _ := sc.Press(h.R.X+fx*h.R.W, h.R.Y+h.R.H/2)
	require.NotNil(t, a, id)
	st.Apply(a)
	st.Update(0)
}

func TestPressActions(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "")
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	// The slider's far right end is 100% for the runner-up.
	press(t, st, sc, "split", 0.9999)
	assert.Equal(t, app.ModeSplit, st.P.Mode)
	assert.Equal(t, 1.0, st.P.Split)
	assert.Equal(t, "split", st.Focus)
	sc = Build(st, 1280, 800, 1, f)
	press(t, st, sc, "split", 0.5)
	assert.InDelta(t, 0.5, st.P.Split, 0.011)
	// Dragging follows the pointer.
	h := sc.Find("split")
	st.Apply(sc.Drag(h, h.R.X))
	assert.Equal(t, 0.0, st.P.Split)
	press(t, st, sc, "full", 0.5)
	assert.True(t, st.P.FullTurnout)
	press(t, st, sc, "tab-regions", 0.5)
	assert.Equal(t, app.ViewRegions, st.View)
	sc = Build(st, 1280, 800, 1, f)
	press(t, st, sc, "row-1", 0.2)
	assert.Equal(t, 1, st.Region, "the second state")
	sc = Build(st, 1280, 800, 1, f)
	press(t, st, sc, "crumb-0", 0.5)
	assert.Equal(t, -1, st.Region)
	press(t, st, sc, "lang", 0.5)
	assert.Equal(t, i18n.ES, st.Lang)
}

func TestKeyboard(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "")
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	ids := sc.Focusables()
	require.Greater(t, len(ids), 10)
	// Tab walks every control and wraps around.
	for i := 0; i < len(ids); i++ {
		st.Apply(sc.Key(st, KeyTab, false))
		assert.Equal(t, ids[i], st.Focus)
	}
	st.Apply(sc.Key(st, KeyTab, false))
	assert.Equal(t, ids[0], st.Focus)
	st.Apply(sc.Key(st, KeyTab, true))
	assert.Equal(t, ids[len(ids)-1], st.Focus)
	// Arrows adjust the focused slider; Shift takes bigger steps.
	st.Apply(app.SetFocus{ID: "split"})
	for i := 0; i < 3; i++ {
		st.Apply(sc.Key(st, KeyRight, false))
		st.Update(0)
		sc = Build(st, 1280, 800, 1, f)
	}
	assert.InDelta(t, 0.03, st.P.Split, 1e-9)
	st.Apply(sc.Key(st, KeyRight, true))
	st.Update(0)
	assert.InDelta(t, 0.13, st.P.Split, 1e-9)
	// Enter activates the focused button.
	st.Apply(app.SetFocus{ID: "mode-worst-case"})
	st.Apply(sc.Key(st, KeyEnter, false))
	assert.Equal(t, app.ModeWorst, st.P.Mode)
	// ? shows the keys; any key closes them.
	st.Apply(sc.Key(st, KeyHelp, false))
	assert.True(t, st.Help)
	sc = Build(st, 1280, 800, 1, f)
	st.Apply(sc.Key(st, KeySpace, false))
	assert.False(t, st.Help)
	// Digits switch views; typing in Regions searches.
	st.Apply(sc.Key(st, Key2, false))
	assert.Equal(t, app.ViewRegions, st.View)
	st.Apply(sc.Chars(st, "zul"))
	assert.Equal(t, "zul", st.Search)
	st.Apply(sc.Key(st, KeyBackspace, false))
	assert.Equal(t, "zu", st.Search)
	st.Apply(sc.Key(st, KeyEscape, false))
	assert.Equal(t, "", st.Search)
}

// TestTabScrollsIntoView checks that Tab reaches controls below the fold
// of a phone and scrolls them into view.
func TestTabScrollsIntoView(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "view=scenario")
	st.Update(0)
	sc := Build(st, 360, 640, 1, f)
	reset := sc.Find("reset")
	require.NotNil(t, reset)
	require.True(t, reset.Hidden, "the reset button starts below the fold")
	for i := 0; i < 40 && st.Focus != "reset"; i++ {
		st.Apply(sc.Key(st, KeyTab, false))
		st.Update(0)
		sc = Build(st, 360, 640, 1, f)
	}
	require.Equal(t, "reset", st.Focus)
	reset = sc.Find("reset")
	assert.False(t, reset.Hidden)
	assert.True(t, reset.R.Inside(sc.Main, 0.5), "the focused control is in view")
	assert.Greater(t, st.Scroll, 0)
	// Clicks never reach a hidden control.
	st.Apply(app.Scroll{DP: -1000, Max: sc.MaxScroll()})
	sc = Build(st, 360, 640, 1, f)
	h := sc.Find("reset")
	require.True(t, h.Hidden)
	if got := sc.HitAt(h.R.X+1, h.R.Y+1); got != nil {
		assert.NotEqual(t, "reset", got.ID)
	}
}

// TestPlotKeys steps through the scatter with the arrow keys.
func TestPlotKeys(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "view=units")
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	st.Apply(app.SetFocus{ID: "plot"})
	st.Apply(sc.Key(st, KeyRight, false))
	d := st.Data
	first := d.Points[d.ByX[0]].Unit
	assert.Equal(t, first, st.Pinned, "the leftmost table")
	st.Apply(sc.Key(st, KeyRight, false))
	assert.Equal(t, d.Points[d.ByX[1]].Unit, st.Pinned)
	st.Apply(sc.Key(st, KeyRight, true))
	assert.Equal(t, d.Points[d.ByX[11]].Unit, st.Pinned)
	st.Apply(sc.Key(st, KeyLeft, true))
	st.Apply(sc.Key(st, KeyLeft, true))
	assert.Equal(t, first, st.Pinned, "clamped at the left end")
	st.Effects()
	st.Apply(sc.Key(st, KeyEnter, false))
	assert.Equal(t, []app.Effect{{Kind: app.EffectOpenURL, Arg: "https://example.org/acta.jpg"}}, st.Effects())
}

func TestScrollClamped(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "")
	st.Update(0)
	sc := Build(st, 360, 640, 1, f)
	require.Greater(t, sc.MaxScroll(), 0, "the overview is taller than a phone")
	st.Apply(sc.Key(st, KeyEnd, false))
	assert.Equal(t, sc.MaxScroll(), st.Scroll)
	st.Apply(sc.Wheel(-100))
	assert.Equal(t, 0, st.Scroll)
}

func TestHoverNearest(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "")
	st.Apply(app.SetView{View: app.ViewUnits})
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	require.False(t, sc.Plot.Empty())
	p := st.Data.Points[7]
	x, y := PlotPoint(sc.Plot, p)
	a := sc.Hover(st, x+1, y)
	require.NotNil(t, a)
	st.Apply(a)
	assert.Equal(t, p.Unit, st.Hover)
	assert.Nil(t, sc.Hover(st, x+1, y), "no action when nothing changes")
	sc = Build(st, 1280, 800, 1, f)
	require.NotNil(t, sc.Find("source"), "the hovered table links its tally sheet")
}

func TestGeometry(t *testing.T) {
	rs, h := Flow(R(0, 0, 100, 0), []float64{40, 40, 40}, 10, 20)
	assert.Equal(t, []Rect{R(0, 0, 40, 20), R(50, 0, 40, 20), R(0, 30, 40, 20)}, rs)
	assert.Equal(t, 50.0, h)
	s := Slider{Track: R(10, 0, 100, 10), Min: -20, Max: 20}
	assert.Equal(t, 60.0, s.X(0))
	assert.Equal(t, 20.0, s.Value(500))
	assert.Equal(t, -20.0, s.Value(-5))
	assert.Equal(t, 0.5, NiceStep(1, 4))
	assert.Equal(t, 2000.0, NiceStep(9000, 5))
	assert.True(t, R(0, 0, 10, 10).Overlaps(R(9, 9, 5, 5)))
	assert.False(t, R(0, 0, 10, 10).Overlaps(R(10, 0, 5, 5)))
}

func TestWrapKeepsNoBreakSpace(t *testing.T) {
	f := newFonts(t)
	lines := f.Wrap(Regular, 14, "González gana con 67,08\u00a0% de los votos", 170)
	require.Greater(t, len(lines), 1)
	for _, l := range lines {
		assert.NotEqual(t, "%", l[:1], "a line never starts with the per-cent sign")
	}
	assert.Contains(t, strings.Join(lines, " "), "67,08\u00a0%")
}

// BenchmarkBuildV2 measures laying out the Overview at 1280×800 after a
// slider step, with the per-table file V2 loaded (no display needed).
func BenchmarkBuildV2(b *testing.B) {
	raw, err := os.ReadFile(shareddata.Path(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"))
	require.NoError(b, err)
	d, err := app.Load(raw, "RESULTADOS_2024_CSV_V2.csv")
	require.NoError(b, err)
	f := newFonts(b)
	st := app.New(d, i18n.EN, "")
	st.Update(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st.Apply(app.SetSplit{Share: float64(i%100) / 100})
		st.Update(0)
		Build(st, 1280, 800, 1, f)
	}
}

// TestDefaultData checks, on the embedded default data, that a 1280×800
// window keeps the scenario controls beside the view in every mode and
// both languages, and that no text overlaps at phone, laptop and full HD
// sizes in any view.
func TestDefaultData(t *testing.T) {
	f := newFonts(t)
	d := defaultWithMap(t)
	frags := []string{"", "mode=like-region", "mode=split&split=1&full=1", "mode=worst-case", "mode=claim&claim=1", "mode=claim&swing=-20,20&turnout=50"}
	// One state per language and scenario, its view switched as a reader
	// would: a state per case made the WebAssembly run allocate about
	// 3 GB, which its single-threaded collector could not keep up with.
	for _, lang := range i18n.Langs {
		for _, frag := range frags {
			st := app.New(d, lang, frag)
			st.Apply(app.PinUnit{Unit: 5})
			for _, v := range layoutViews {
				st.Apply(app.SetView{View: v})
				st.Update(0)
				if st.MC != nil && v == app.ViewUncertainty && st.MC.Runs < 200 {
					st.MC.Step(200)
				}
				for _, sz := range sizes {
					sc := Build(st, sz.w, sz.h, sz.sc, f)
					name := fmt.Sprintf("%s %s %s %s", sz.name, lang.Code(), frag, v)
					// The extreme swing stacks up impossibilities; it may
					// move the controls to their tab, which is allowed.
					if sz.w == 1280 && !strings.Contains(frag, "swing") {
						assert.False(t, sc.Narrow, name)
					}
					// Every text, scrolled into view or not, against the
					// others of the same area.
					var texts []Item
					for _, it := range sc.Items {
						if it.Kind == Text {
							texts = append(texts, it)
						}
					}
					for i, a := range texts {
						for _, b := range texts[i+1:] {
							if a.Clip == b.Clip {
								assert.False(t, a.R.Inset(1).Overlaps(b.R.Inset(1)), "%s: %q overlaps %q", name, a.Text, b.Text)
							}
						}
						if !a.Clip.Empty() {
							assert.True(t, a.R.X >= a.Clip.X-0.5 && a.R.Right() <= a.Clip.Right()+0.5, "%s: %q is cut sideways", name, a.Text)
						}
					}
				}
			}
		}
	}
}

// TestOddData lays out every view of unusual tallies without panicking:
// one candidate, no hierarchy, no votes, no expectation, no claims.
func TestOddData(t *testing.T) {
	f := newFonts(t)
	one := &sim.Tally{Candidates: []sim.Candidate{{ID: "A"}}, Units: []sim.Unit{{ID: "1", Region: -1, Registered: sim.Unknown, Votes: []int64{5}, Null: sim.Unknown, Blank: sim.Unknown}}}
	flat := &sim.Tally{UnitLevel: "county", Candidates: []sim.Candidate{{ID: "dem"}, {ID: "gop"}, {ID: "other"}},
		Units: []sim.Unit{
			{ID: "01001", Name: "Autauga County", Region: -1, Registered: 40000, Votes: []int64{7000, 20000, 400}, Null: sim.Unknown, Blank: sim.Unknown},
			{ID: "01003", Name: "Baldwin County", Region: -1, Registered: 160000, Votes: []int64{25000, 80000, 1500}, Null: sim.Unknown, Blank: sim.Unknown},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 5}}}
	zero := &sim.Tally{Levels: []string{"state"}, Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}},
		Regions:  []sim.Region{{Level: 0, Key: "1", Parent: -1}},
		Units:    []sim.Unit{{ID: "1", Region: 0, Registered: 0, Votes: []int64{0, 0}, Null: 0, Blank: 0}},
		Expected: []sim.Expectation{{Region: -1, Units: 3, Registered: 100}},
		Claims:   []sim.Claim{{Label: "x", Votes: []sim.ClaimVote{{Candidate: "A", Votes: 0}}, Others: sim.Unknown, Valid: sim.Unknown, Null: sim.Unknown}}}
	for _, tl := range []*sim.Tally{one, flat, zero} {
		d, err := app.NewDataset(tl, "odd")
		require.NoError(t, err)
		for _, frag := range []string{"", "mode=like-region", "mode=split&split=1&full=1", "mode=worst-case", "mode=claim", "swing=5,-5&turnout=-50"} {
			for _, v := range layoutViews {
				st := app.New(d, i18n.ES, frag)
				st.Apply(app.SetView{View: v})
				st.Apply(app.HoverUnit{Unit: 0})
				st.Update(0)
				if st.MC != nil {
					st.MC.Step(50)
				}
				for _, sz := range sizes[:3] {
					sc := Build(st, sz.w, sz.h, sz.sc, f)
					for _, id := range sc.Focusables() {
						st.Apply(sc.Key(st, KeyEnter, false))
						st.Apply(app.SetFocus{ID: id})
					}
				}
			}
		}
	}
}

// TestUnitWords checks that the strings name the data's units.
func TestUnitWords(t *testing.T) {
	f := newFonts(t)
	tl := &sim.Tally{UnitLevel: "county", Candidates: []sim.Candidate{{ID: "dem"}, {ID: "gop"}},
		Units:    []sim.Unit{{ID: "01001", Region: -1, Registered: sim.Unknown, Votes: []int64{7000, 20000}, Null: sim.Unknown, Blank: sim.Unknown}},
		Expected: []sim.Expectation{{Region: -1, Units: 5}}}
	d, err := app.NewDataset(tl, "us.csv")
	require.NoError(t, err)
	for _, c := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.EN, []string{"Missing: 4 of 5 counties", "How the missing counties vote", "Counties"}},
		{i18n.ES, []string{"Faltan: 4 de 5 condados", "Cómo votan los condados que faltan", "Condados"}},
	} {
		st := app.New(d, c.lang, "")
		st.Update(0)
		sc := Build(st, 1280, 800, 1, f)
		var texts []string
		for _, it := range sc.Items {
			if it.Kind == Text {
				texts = append(texts, it.Text)
			}
		}
		for _, w := range c.want {
			assert.Contains(t, texts, w, c.lang.Code())
		}
	}
}

// texts returns the strings of the scene's text items.
func texts(sc *Scene) []string {
	var out []string
	for _, it := range sc.Items {
		if it.Kind == Text {
			out = append(out, it.Text)
		}
	}
	return out
}

// TestSaveControlAndMessages lays out the desktop's "Save chart" control
// (only when the platform saves), its key in the help, and a long error
// in the status line, at every size and in both languages, and checks that
// nothing overlaps or leaves the screen and that no command-line flag
// reaches the screen.
func TestSaveControlAndMessages(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	for _, sz := range sizes {
		for _, lang := range i18n.Langs {
			for _, canSave := range []bool{false, true} {
				for _, help := range []bool{false, true} {
					st := app.New(d, lang, "")
					// The desktop saves and has no page to embed; the
					// browser embeds and does not save.
					st.CanSave = canSave
					if !canSave {
						st.Origin = "https://example.org/"
					}
					st.Apply(app.LoadFile{Name: "notes.csv", Data: []byte("when,what,where,who,how,why,a_rather_long_column_name,another_one\n1,2,3\n")})
					if help {
						st.Apply(app.ToggleHelp{})
					}
					st.Update(0)
					sc := Build(st, sz.w, sz.h, sz.sc, f)
					name := fmt.Sprintf("%s %s save=%v help=%v", sz.name, lang.Code(), canSave, help)
					all := strings.Join(texts(sc), "\n")
					assert.NotContains(t, all, "--", name)
					if help {
						assert.Equal(t, canSave, strings.Contains(all, "Ctrl+S"), name)
						continue
					}
					assert.Equal(t, canSave, sc.Find("save") != nil, name)
					assert.Equal(t, !canSave, sc.Find("embed") != nil, name)
					// The message keeps the loader's place and says
					// what to do, whole.
					assert.Contains(t, all, "notes.csv:1", name)
					assert.Contains(t, all, "README", name)
					tail := map[i18n.Lang]string{i18n.EN: "shown.", i18n.ES: "anteriores."}[lang]
					assert.Contains(t, all, tail, "%s: the message is cut", name)
					screen := Rect{0, 0, sz.w, sz.h}
					vis := visibleTexts(sc)
					for i, a := range vis {
						assert.True(t, a.R.Inside(screen, 0.5), "%s: %q leaves the screen", name, a.Text)
						for _, b := range vis[i+1:] {
							if a.R.Inset(1).Overlaps(b.R.Inset(1)) {
								t.Errorf("%s: %q %+v overlaps %q %+v", name, a.Text, a.R, b.Text, b.R)
							}
						}
					}
					// Buttons do not overlap each other.
					for i, a := range sc.Hits {
						for _, b := range sc.Hits[i+1:] {
							if a.ID != "" && b.ID != "" && !a.Scroll && !b.Scroll && !a.Hidden && !b.Hidden && a.R.Overlaps(b.R) {
								t.Errorf("%s: control %s overlaps %s", name, a.ID, b.ID)
							}
						}
					}
				}
			}
		}
	}
}

// TestCoverageWithoutRegistered checks that a tally without registered
// voters shows the expected total under "not in the data", not a dash.
func TestCoverageWithoutRegistered(t *testing.T) {
	f := newFonts(t)
	d := fixture(t) // registered voters unknown; 60,000 expected
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "60,000 expected"}, {i18n.ES, "60.000 esperados"}} {
		st := app.New(d, tt.lang, "")
		st.Update(0)
		all := texts(Build(st, 1280, 800, 1, f))
		assert.Contains(t, all, tt.want)
		assert.Contains(t, all, tt.lang.T(i18n.CovUnknown))
		for _, s := range all {
			assert.False(t, strings.HasPrefix(s, "– "), s)
		}
	}
}

// TestV2Coverage checks the coverage of the real V2 file, which has no
// registered voters: the expected 21,392,464 stand under "not in the data".
func TestV2Coverage(t *testing.T) {
	b, err := os.ReadFile(shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"))
	require.NoError(t, err)
	d, err := app.Load(b, "RESULTADOS_2024_CSV_V2.csv")
	require.NoError(t, err)
	f := newFonts(t)
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "21,392,464 expected"}, {i18n.ES, "21.392.464 esperados"}} {
		st := app.New(d, tt.lang, "")
		st.Update(0)
		for _, sz := range sizes[1:3] {
			all := texts(Build(st, sz.w, sz.h, sz.sc, f))
			assert.Contains(t, all, tt.want, sz.name)
			assert.Contains(t, all, tt.lang.T(i18n.CovUnknown), sz.name)
		}
	}
}

// TestWideScenarioTab checks that a wide screen showing the scenario view
// (a link made on a phone) shows its tab, and no Scenario tab otherwise;
// the digit keys keep their wide meaning.
func TestWideScenarioTab(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	st := app.New(d, i18n.EN, "view=scenario")
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	require.NotNil(t, sc.Find("tab-scenario"))
	assert.Equal(t, app.SetView{View: app.ViewRegions}, sc.Key(st, Key2, false))
	st.Apply(sc.Find("tab-overview").Act)
	sc = Build(st, 1280, 800, 1, f)
	assert.Nil(t, sc.Find("tab-scenario"))
	assert.NotNil(t, sc.Find("split"), "the controls beside the overview")
}

// TestSaveKey checks Ctrl+S: a save where the platform saves, nothing
// elsewhere; with the help shown, it closes the help first.
func TestSaveKey(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "")
	st.Update(0)
	sc := Build(st, 1280, 800, 1, f)
	assert.Nil(t, sc.Key(st, KeySave, false), "no save in the browser")
	st.CanSave = true
	assert.Equal(t, app.SaveView{}, sc.Key(st, KeySave, false))
	st.Apply(app.ToggleHelp{})
	assert.Equal(t, app.CloseOverlays{}, sc.Key(st, KeySave, false))
}

// TestUseTheScreen checks issue #13's sizes on the embedded default data,
// in both languages: at 1920×1080 the Overview puts the region list
// beside the national figures (the right half of the main area is not
// empty), at 1280×800 it does not (there is no room), and at 360×640 the
// title wraps instead of ending in "…".
func TestUseTheScreen(t *testing.T) {
	f := newFonts(t)
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
		st := app.New(d, l, "")
		st.Update(0)

		sc := Build(st, 1920, 1080, 1, f)
		var rows, rightInk int
		mid := sc.Main.X + sc.Main.W/2
		for _, h := range sc.Hits {
			if strings.HasPrefix(h.ID, "row-") && !h.Hidden {
				rows++
				assert.GreaterOrEqual(t, h.R.X, mid-1, "%s: region row %s in the right half", l.Code(), h.ID)
			}
		}
		for _, it := range visibleTexts(sc) {
			if it.R.X >= mid && it.R.Y > sc.Main.Y+sc.Main.H/2 {
				rightInk++
			}
		}
		assert.GreaterOrEqual(t, rows, 20, "%s: 1920×1080 shows the region list beside the overview", l.Code())
		assert.Greater(t, rightInk, 10, "%s: the lower right quarter of the main area has text", l.Code())

		sc = Build(st, 1280, 800, 1, f)
		for _, h := range sc.Hits {
			assert.False(t, strings.HasPrefix(h.ID, "row-"), "%s: 1280×800 has no room for the region list beside", l.Code())
		}

		for _, scale := range []float64{1, 2} {
			sc = Build(st, 360*scale, 640*scale, scale, f)
			var title []string
			for _, it := range visibleTexts(sc) {
				if it.Style == Bold && it.R.Y < 100*scale {
					title = append(title, it.Text)
				}
			}
			joined := strings.Join(title, " ")
			end := map[i18n.Lang]string{i18n.EN: "28 July 2024", i18n.ES: "28 de julio de 2024"}[l]
			assert.Contains(t, joined, end, "%s @%v: the whole title shows: %q", l.Code(), scale, joined)
			assert.NotContains(t, joined, "…", "%s @%v: the title is not cut", l.Code(), scale)
		}
	}
}

// TestTouchHint checks that a touch screen gets a hint about taps and
// drags, and a keyboard the hint about keys.
func TestTouchHint(t *testing.T) {
	f := newFonts(t)
	st := app.New(fixture(t), i18n.EN, "")
	st.Update(0)
	text := func() string {
		var all []string
		for _, it := range Build(st, 720, 1280, 2, f).Items {
			if it.Kind == Text {
				all = append(all, it.Text)
			}
		}
		return strings.Join(all, " ")
	}
	assert.Contains(t, text(), "Tab moves")
	st.Apply(app.SetTouch{On: true})
	assert.NotContains(t, text(), "Tab moves")
	assert.Contains(t, text(), "Tap a tab")
}

// TestProjector lays the overview out for a classroom screen at
// 1920×1080: type 1.6 times larger, no grey text, the scenario's controls
// on their own tab instead of beside the figures, and a Projector button
// and a link that keep the mode.
func TestProjector(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	normal := app.New(d, i18n.EN, "")
	normal.Origin = "https://example.org/"
	normal.Update(0)
	proj := app.New(d, i18n.EN, "")
	proj.Origin = "https://example.org/"
	proj.Update(0)
	a := Build(normal, 1920, 1080, 1, f)
	require.NotNil(t, a.Find("projector"), "a Projector button")
	proj.Apply(a.Find("projector").Act)
	require.True(t, proj.Projector)
	proj.Update(0)
	p := Build(proj, 1920, 1080, 1, f)
	size := func(sc *Scene, text string) float64 {
		for _, it := range sc.Items {
			if it.Text == text {
				return it.Size
			}
		}
		return 0
	}
	title := "Coverage"
	require.Positive(t, size(a, title))
	assert.InDelta(t, ProjectorZoom, size(p, title)/size(a, title), 0.03, "type is 1.6 times larger (to the rounding of pixels)")
	for _, it := range p.Items {
		assert.NotEqual(t, palette.TextMuted, it.Color, "no grey text: %q", it.Text)
	}
	assert.NotNil(t, a.Find("split"), "the controls sit beside the figures normally")
	assert.Nil(t, p.Find("split"), "in projector mode they wait on their tab")
	assert.NotNil(t, p.Find("tab-scenario"))
	assert.Contains(t, proj.Fragment(), "projector=1")
	again := app.New(d, i18n.EN, proj.Fragment())
	assert.True(t, again.Projector, "the link keeps projector mode")
	proj.Apply(p.Key(proj, KeyProjector, false))
	assert.False(t, proj.Projector, "the key turns it off")
}

// TestProjectorButtonOnShortWindows: a laptop window whose scenario
// controls do not fit beside the view (a lesson's panel takes its height)
// is laid out as narrow, and still offers the Projector button; a phone
// does not.
func TestProjectorButtonOnShortWindows(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	st := app.New(d, i18n.EN, "")
	st.Origin = "https://example.org/"
	st.Update(0)
	short := Build(st, 1280, 420, 1, f)
	require.True(t, short.Narrow, "a window this short is laid out as narrow")
	assert.NotNil(t, short.Find("projector"), "a short laptop window")
	assert.Nil(t, Build(st, 360, 640, 1, f).Find("projector"), "a phone")
}
