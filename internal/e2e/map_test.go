package e2e_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mapState is the Map view as state() reports it (app.SnapMap).
type mapState struct {
	Mode        string `json:"mode"`
	Kind        string `json:"kind"`
	Level       string `json:"level"`
	Drawn       int    `json:"drawn"`
	Unknown     int    `json:"unknown"`
	NoShape     int    `json:"no_shape"`
	NoData      int    `json:"no_data"`
	Attribution string `json:"attribution"`
	Serial      uint64 `json:"serial"`
	Areas       []struct {
		Key    string  `json:"key"`
		Name   string  `json:"name"`
		Leader string  `json:"leader"`
		Value  float64 `json:"value"`
		Known  bool    `json:"known"`
		Color  string  `json:"color"`
	} `json:"areas"`
}

// The sizes of the map's screenshots.
var (
	mapDesktop = viewport{"desktop", 1280, 800, nil}
	mapPhone   = viewport{"phone", 360, 640, []chromedp.EmulateViewportOption{chromedp.EmulateScale(2), chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch}}
)

func (m *mapState) colours() []string {
	var out []string
	for _, a := range m.Areas {
		out = append(out, a.Color)
	}
	return out
}

func (m *mapState) values() []float64 {
	var out []float64
	for _, a := range m.Areas {
		out = append(out, a.Value)
	}
	return out
}

// TestMapView opens #view=map on the default page at 1280×800 and
// 360×640 in English and Spanish: the 24 states are drawn by leader, the
// page's mirror lists them in a table, coverage recolours them (grey:
// the default data know the expected tables of the country only), a
// swing recomputes the map (coverage, the count's, stays), and the leader
// map then shows the scenario's margins. Screenshots go to
// build/e2e/map-*.png.
func TestMapView(t *testing.T) {
	for _, vp := range []viewport{mapDesktop, mapPhone} {
		for _, lang := range []string{"en", "es"} {
			t.Run(vp.name+"-"+lang, func(t *testing.T) {
				ctx := open(t, vp, "/?lang="+lang+"#view=map")
				ready(t, ctx)
				st := waitState(t, ctx, 20*time.Second, "the map's 24 states", func(s state) bool { return s.Map != nil && s.Map.Drawn == 24 })
				m := st.Map
				assert.Equal(t, "map", st.View)
				assert.Equal(t, "leader", m.Mode)
				assert.Equal(t, "state", m.Level)
				require.Len(t, m.Areas, 24)
				for _, a := range m.Areas {
					assert.True(t, a.Known, a.Name)
				}
				assert.Equal(t, 0, m.NoShape)
				assert.Equal(t, 1, m.NoData, "the Federal Dependencies")
				assert.Contains(t, m.Attribution, "geoBoundaries")
				rows, err := chromedp.Run(ctx, chromedp.Poll[int](`(function () { var n = document.querySelectorAll('#ts-map tbody tr').length; return n > 0 ? n : null; })()`, chromedp.WithPollingTimeout(10*time.Second)))
				require.NoError(t, err, "the mirror's map table")
				assert.Equal(t, 24, rows, "a row per state in the mirror")
				time.Sleep(300 * time.Millisecond)
				screenshot(t, ctx, "map-"+vp.name+"-"+lang+"-leader")
				leader := m

				// The colouring by keyboard: on a phone its control is
				// below the map, and the focus scrolls it into view.
				focusControl(t, ctx, "map-coverage")
				pressKeys(t, ctx, kb.Enter)
				st = waitState(t, ctx, 10*time.Second, "coverage mode", func(s state) bool { return s.Map != nil && s.Map.Mode == "coverage" })
				assert.NotEqual(t, leader.colours(), st.Map.colours(), "coverage recolours the states")
				assert.Equal(t, 24, st.Map.Unknown, "no state's coverage is known in the default data")
				cov := st.Map

				// A swing to the runner-up, with the keyboard (on a
				// phone the sliders are on the Scenario tab).
				if vp.name == "phone" {
					pressKeys(t, ctx, "2")
				}
				focusControl(t, ctx, "swing-1")
				pressKeys(t, ctx, kb.ArrowRight, kb.ArrowRight, kb.ArrowRight, kb.ArrowRight, kb.ArrowRight)
				if vp.name == "phone" {
					focusControl(t, ctx, "tab-map")
					pressKeys(t, ctx, kb.Enter)
				}
				st = waitState(t, ctx, 10*time.Second, "the map after the swing", func(s state) bool {
					return s.View == "map" && s.Map != nil && s.Map.Serial != cov.Serial && s.Fragment != "colour=coverage&view=map"
				})
				assert.Equal(t, cov.values(), st.Map.values(), "coverage is the count's: the scenario leaves it")
				time.Sleep(300 * time.Millisecond)
				screenshot(t, ctx, "map-"+vp.name+"-"+lang+"-coverage-scenario")

				focusControl(t, ctx, "map-leader")
				pressKeys(t, ctx, kb.Enter)
				st = waitState(t, ctx, 10*time.Second, "leader mode under the scenario", func(s state) bool { return s.Map != nil && s.Map.Mode == "leader" })
				assert.NotEqual(t, leader.values(), st.Map.values(), "the leader map follows the scenario")
				if vp.name == "phone" {
					// Back to the map, which the focus scrolled away.
					pressKeys(t, ctx, kb.Home)
				}
				time.Sleep(300 * time.Millisecond)
				screenshot(t, ctx, "map-"+vp.name+"-"+lang+"-leader-scenario")
				assert.Empty(t, problems(ctx))
			})
		}
	}
}
