package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// TestMysteryInTheApp opens a mystery election from the overview's list,
// shares its link (which does not name the preset) with a second screen
// that gets the same election, reveals the settings (the generator's),
// and goes back to the real data.
func TestMysteryInTheApp(t *testing.T) {
	f := newFonts(t)
	d := fixture(t)
	for _, lang := range i18n.Langs {
		st := app.New(d, lang, "")
		st.Origin = "https://example.org/"
		st.Lessons = nil
		st.Update(0)
		st.Apply(app.OpenMystery{Preset: synth.PresetLight, Seed: 42})
		require.NotNil(t, st.Mystery)
		st.Update(0)
		assert.Equal(t, "Mystery election 42", st.Data.Tally.Title)
		assert.Equal(t, lang.Tf(i18n.MyCandidate, "A"), st.Data.Tally.Candidates[0].Name, "the candidates are named in the app's language")
		frag := st.Fragment()
		assert.Contains(t, frag, "mystery="+app.MysteryCode(synth.PresetLight, 42))
		assert.NotContains(t, frag, "light", "the link does not give the preset away")
		st.Apply(app.CopyLink{})
		assert.False(t, st.Msg.Err, "a mystery's link makes it again: no warning (%s)", st.Msg.Text)

		other := app.New(d, lang, frag)
		require.NotNil(t, other.Mystery, "the shared link opens the mystery")
		assert.Equal(t, st.Data.Tally.Units, other.Data.Tally.Units, "every student gets the same election")

		sc := Build(st, 1280, 800, 1, f)
		require.NotNil(t, sc.Find("mystery-reveal"))
		assert.Nil(t, sc.Find("mystery-light"), "the list is hidden while a mystery is open")
		st.Apply(sc.Find("mystery-reveal").Act)
		st.Update(0)
		require.True(t, st.Revealed)
		want, err := synth.NewMystery(synth.PresetLight, 42)
		require.NoError(t, err)
		assert.Equal(t, want, *st.Mystery, "the reveal is the generator's settings")
		sc = Build(st, 1280, 800, 1, f)
		var texts []string
		for _, it := range sc.Items {
			texts = append(texts, it.Text)
		}
		screen := strings.Join(texts, " ")
		b := &builder{st: st, l: lang, u: i18n.Tables}
		assert.Contains(t, screen, lang.Percent(want.Turnout, 1))
		assert.Contains(t, screen, lang.Percent(want.Share, 1))
		assert.Contains(t, screen, lang.Percent(want.Incremental, 1))
		assert.Contains(t, screen, b.presetName(synth.PresetLight))
		st.Apply(sc.Find("mystery-close").Act)
		assert.Nil(t, st.Mystery)
		assert.Same(t, d, st.Data, "back to the real data")
	}
	st := app.New(d, i18n.ES, "")
	st.Lessons = nil
	st.Apply(app.OpenMystery{Preset: synth.PresetSwing, Seed: 7})
	st.Update(0)
	assert.Equal(t, []string{"Candidato A", "Candidato B"}, []string{st.Data.Tally.Candidates[0].Name, st.Data.Tally.Candidates[1].Name})
	st.Apply(app.ToggleLang{})
	st.Update(0)
	assert.Equal(t, []string{"Candidate A", "Candidate B"}, []string{st.Data.Tally.Candidates[0].Name, st.Data.Tally.Candidates[1].Name}, "switching the language renames them")
	st = app.New(d, i18n.EN, "mystery=zzzz")
	assert.Nil(t, st.Mystery)
	assert.True(t, st.Msg.Err)
}

// TestMysteryChecksFlagTheStuffed opens each preset's mystery election for
// 20 seeds in the Checks view and counts the elections it flags: every
// heavily stuffed one and nearly every lightly stuffed one, and (almost)
// none of the clean, swing and landslide ones. The rates are logged and
// recorded in CLASSROOM.md.
func TestMysteryChecksFlagTheStuffed(t *testing.T) {
	d := fixture(t)
	rates := map[string]int{}
	for _, p := range synth.Presets {
		for seed := uint64(1); seed <= 20; seed++ {
			st := app.New(d, i18n.EN, fmt.Sprintf("view=forensics&mystery=%s", app.MysteryCode(p, seed)))
			require.NotNil(t, st.Mystery)
			st.Apply(app.SetView{View: app.ViewForensics})
			st.Update(0)
			require.NotNil(t, st.Checks)
			require.NoError(t, st.Checks.ReportErr)
			if len(st.Checks.Flags) > 0 {
				rates[p]++
			}
		}
		t.Logf("%-10s flagged in %2d of 20 seeds", p, rates[p])
	}
	assert.Equal(t, 20, rates[synth.PresetHeavy])
	assert.GreaterOrEqual(t, rates[synth.PresetLight], 17)
	assert.LessOrEqual(t, rates[synth.PresetClean], 1)
	assert.LessOrEqual(t, rates[synth.PresetSwing], 1)
	assert.LessOrEqual(t, rates[synth.PresetLandslide], 1)
}
