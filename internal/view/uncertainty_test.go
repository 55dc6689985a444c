package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// mainTexts returns the text of the scrolling content area (the current
// view), its lines joined by spaces.
func mainTexts(sc *Scene) string {
	var out []string
	for _, it := range sc.Items {
		if it.Kind == Text && it.Clip == sc.Main {
			out = append(out, it.Text)
		}
	}
	return strings.Join(out, " ")
}

// TestUncertaintyHonest fills the Uncertainty view of the default data
// run by run: before scenario.MinRuns runs it shows only the progress and
// the model (no probability, no interval, no histogram); afterwards the
// leader's chance is stated with the runs, never as "100.0%".
func TestUncertaintyHonest(t *testing.T) {
	f := newFonts(t)
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	for _, lang := range i18n.Langs {
		for _, sz := range []struct {
			w, h, sc float64
		}{{1280, 800, 1}, {720, 1280, 2}} {
			st := app.New(d, lang, "view=uncertainty")
			st.Update(0)
			require.NotNil(t, st.MC)
			require.NoError(t, st.MC.Err)
			for _, upTo := range []int{1, 123, scenario.MinRuns - 1, scenario.MinRuns, 1000, app.MCRuns} {
				st.MC.Step(upTo - st.MC.Completed())
				require.Equal(t, upTo, st.MC.Completed())
				sc := Build(st, sz.w, sz.h, sz.sc, f)
				name := fmt.Sprintf("%s %.0fx%.0f after %d runs", lang.Code(), sz.w, sz.h, upTo)
				text := mainTexts(sc)
				require.NotEmpty(t, text, name)
				for _, never := range []string{"100.0", "100,0", "0.0%", "0,0\u00a0%"} {
					assert.NotContains(t, text, never, "%s: %s", name, text)
				}
				progress := lang.Tf(i18n.McProgress, lang.Int(int64(upTo)), lang.Int(app.MCRuns))
				model := st.MC.ModelText(lang, i18n.UnitsFor(d.Tally.UnitLevel))
				assert.Contains(t, text, model, name)
				if upTo < scenario.MinRuns {
					assert.Contains(t, text, progress, name)
					assert.NotContains(t, text, "%", "%s: no probability before %d runs: %s", name, scenario.MinRuns, text)
					assert.NotContains(t, text, "pp", "%s: no interval or axis before %d runs: %s", name, scenario.MinRuns, text)
					for _, it := range sc.Items {
						if it.Kind == Fill && it.Clip == sc.Main {
							assert.NotEqual(t, palette.Candidate(st.MC.Lead), it.Color, "%s: a histogram bar before %d runs", name, scenario.MinRuns)
						}
					}
					continue
				}
				lead := app.WinText(lang, shortName(d.Tally, st.MC.Lead), st.MC.Statement(st.MC.Lead))
				require.NotEmpty(t, lead, name)
				t.Logf("%s: %s", name, lead)
				assert.Contains(t, text, lead, name)
				assert.Contains(t, lead, lang.Int(int64(upTo)), "%s: the statement gives the runs", name)
				if upTo < app.MCRuns {
					assert.Contains(t, text, progress, name)
				} else {
					assert.NotContains(t, text, progress, name)
				}
			}
		}
	}
}
