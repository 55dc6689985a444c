//go:build !js

package ui

import (
	"errors"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// waitSaved runs frames of g until the save in progress has answered.
func waitSaved(t *testing.T, g *Game, screen *ebiten.Image) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for g.State().Msg.Text == g.State().Lang.T(i18n.MsgSaving) {
		require.True(t, time.Now().Before(deadline), "the save hook never answered")
		time.Sleep(time.Millisecond)
		frame(t, g, screen)
	}
}

// TestSaveHook checks the "Save chart" control: absent without a hook (the
// browser), present with one; activating it hands the hook the view, the
// scenario and the language on screen, and the answer (files or error, even
// a panic) becomes the status line.
func TestSaveHook(t *testing.T) {
	screen := ebiten.NewImage(1280, 800)
	defer screen.Deallocate()

	browser, err := NewGame(Config{})
	require.NoError(t, err)
	frame(t, browser, screen)
	assert.Nil(t, browser.Scene().Find("save"), "no save control without a hook")
	browser.State().Apply(app.SaveView{})
	assert.Empty(t, browser.State().Effects(), "no save without a hook")

	tests := []struct {
		name string
		frag string
		lang string
		hook func(app.SaveRequest) (string, error)
		want string
		err  bool
	}{
		{"saved", "view=regions&mode=split&split=0.6", "en", func(app.SaveRequest) (string, error) { return "out/venezuela-regions", nil },
			"Saved out/venezuela-regions.png and out/venezuela-regions.csv.", false},
		{"saved es", "view=uncertainty", "es", func(app.SaveRequest) (string, error) { return "a", nil },
			"Guardados a.png y a.csv.", false},
		{"error", "view=units", "en", func(app.SaveRequest) (string, error) {
			return "", errors.New("chart: no data to draw: no single unit has registered voters")
		}, "Could not save the chart: chart: no data to draw: no single unit has registered voters.", true},
		{"panic", "", "en", func(app.SaveRequest) (string, error) { panic("boom") }, "Could not save the chart: boom.", true},
	}
	for _, tt := range tests {
		var got []app.SaveRequest
		hook := func(r app.SaveRequest) (string, error) {
			got = append(got, r)
			return tt.hook(r)
		}
		g, err := NewGame(Config{Lang: tt.lang, Fragment: tt.frag, Save: hook})
		require.NoError(t, err, tt.name)
		frame(t, g, screen)
		h := g.Scene().Find("save")
		require.NotNil(t, h, "%s: save control", tt.name)
		// Click the control, as a user would.
		act, _ := g.Scene().Press(h.R.X+h.R.W/2, h.R.Y+h.R.H/2)
		g.State().Apply(act)
		frame(t, g, screen)
		waitSaved(t, g, screen)
		require.Len(t, got, 1, tt.name)
		r := got[0]
		st := g.State()
		assert.Equal(t, st.View.String(), r.View, tt.name)
		assert.Equal(t, st.Lang, r.Lang, tt.name)
		assert.Equal(t, st.Data.Tally, r.Tally, tt.name)
		assert.Equal(t, assets.DefaultName, r.DataName, tt.name)
		assert.Equal(t, tt.want, st.Msg.Text, tt.name)
		assert.Equal(t, tt.err, st.Msg.Err, tt.name)
		switch r.View {
		case "regions":
			assert.Equal(t, scenario.MissingSplit, r.Scenario.Missing, tt.name)
			assert.Equal(t, "state", r.Level, tt.name)
		case "uncertainty":
			assert.Equal(t, app.MCRuns, r.Scenario.MonteCarlo.Runs, tt.name)
			assert.Equal(t, uint64(app.MCSeed), r.Scenario.MonteCarlo.Seed, tt.name)
		}
	}
}
