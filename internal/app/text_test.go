package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// TestUnrecognisedColumns checks the message for a CSV whose columns no
// format matches: the loader's place (file and line) and the columns, and
// in both languages what to do in the app, with no command-line flag.
func TestUnrecognisedColumns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ES} {
		s := newFixtureState("")
		s.Lang = lang
		s.Apply(LoadFiles{{Name: "notes.csv", Data: []byte("when,what,where\n1,2,3\n")}})
		msg := s.Msg.Text
		assert.True(t, s.Msg.Err, msg)
		assert.Contains(t, msg, "notes.csv:1: "+lang.Tf(i18n.MsgUnrecognised, "when,what,where"), msg)
		assert.Contains(t, msg, lang.T(i18n.MsgColumns), msg)
		assert.Contains(t, msg, "README", msg)
		assert.NotContains(t, msg, "--", msg)
		assert.NotContains(t, msg, "–", msg)
	}
	assert.Contains(t, i18n.EN.Tf(i18n.MsgUnrecognised, "a"), "unrecognised columns (a)")
	assert.Contains(t, i18n.ES.Tf(i18n.MsgUnrecognised, "a"), "columnas no reconocidas (a)")
}

// TestDefaultUnits checks that the test hook counts the default data's
// tables, one row each.
func TestDefaultUnits(t *testing.T) {
	d, err := Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	s := New(d, i18n.EN, "")
	s.Update(0)
	sn := s.Snapshot(true, 1)
	assert.Equal(t, int64(25073), sn.Data.Units)
	assert.Equal(t, 25073, sn.Data.Rows)
	assert.True(t, d.PerUnit, "every unit is one table")
	// The Tables view shows every table: the 24,530 with registered
	// voters joined from V1 by their turnout, the other 543 in the strip
	// for unknown turnout, at the left.
	assert.Equal(t, 25073, sn.Data.Points)
	assert.Contains(t, sn.JSON(), `"data":{"name":"`+assets.DefaultName+`","units":25073,"rows":25073,"points":25073}`)
	assert.Equal(t, StripWidth, d.Strip)
	inStrip := 0
	for _, p := range d.Points {
		u := &d.Tally.Units[p.Unit]
		if u.Registered <= 0 {
			inStrip++
			assert.Less(t, float64(p.X), d.Strip, "table %s of unknown turnout is in the strip", u.ID)
		} else {
			turnout := float64(u.Cast()) / float64(u.Registered)
			assert.InDelta(t, d.Strip+(1-d.Strip)*turnout, float64(p.X), 1e-6, "table %s is placed by its turnout", u.ID)
		}
	}
	assert.Equal(t, 543, inStrip)
}

func TestSaveRequest(t *testing.T) {
	s := newFixtureState("view=regions&region=1&mode=split&split=0.25")
	s.CanSave = true
	r := s.SaveRequest()
	assert.Equal(t, "regions", r.View)
	assert.Equal(t, "centre", r.Level, "the level listed inside a state")
	assert.Equal(t, scenario.MissingSplit, r.Scenario.Missing)
	assert.Same(t, s.Data.Tally, r.Tally)

	s.Effects()
	s.Apply(SaveView{})
	assert.Equal(t, []Effect{{EffectSave, "regions"}}, s.Effects())
	s.Apply(SaveView{})
	assert.Empty(t, s.Effects(), "one save at a time")
	s.Apply(Saved{Base: "dir/fixture-regions"})
	assert.Equal(t, "Saved dir/fixture-regions.png and dir/fixture-regions.csv.", s.Msg.Text)
	assert.False(t, s.Msg.Err)
	s.Lang = i18n.ES
	s.Apply(SaveView{})
	s.Effects()
	s.Apply(Saved{Err: fmt.Errorf("chart: no data to draw: %w", errors.New("needs registered voters"))})
	assert.Equal(t, "No se pudo guardar el gráfico: chart: no data to draw: needs registered voters.", s.Msg.Text)
	assert.True(t, s.Msg.Err)

	s.CanSave = false
	s.Apply(SaveView{})
	assert.Empty(t, s.Effects(), "no save where the platform cannot")
	assert.False(t, strings.Contains(s.Msg.Text, "Guardando"))
}

// TestLoadedNamesUnits checks that the message after a load counts the
// data's own units.
func TestLoadedNamesUnits(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{{i18n.EN, "Loaded results.csv: 3 precincts."}, {i18n.ES, "Cargado results.csv: 3 recintos."}} {
		s := newFixtureState("")
		s.Lang = tt.lang
		s.Apply(LoadFiles{{Name: "map.json", Data: []byte(mappingJSON)}, {Name: "results.csv", Data: []byte(mappedCSV)}})
		assert.True(t, strings.HasPrefix(s.Msg.Text, tt.want), s.Msg.Text)
	}
}
