package e2e_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/internal/view"
)

// TestLessonWalkKeyboard opens each built-in lesson in the browser from a
// shared link (lesson=ID&step=1), in English and Spanish, and walks it
// with Page Down, as a clicker does. At each step the app shows the step
// the lesson file states: its view, the control it points at, the
// scenario its link opens (the same compact string as the native app
// opening that link), and the page's text headline with that scenario's
// numbers. Each step is saved as a screenshot.
func TestLessonWalkKeyboard(t *testing.T) {
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	names, err := fs.Glob(assets.Lessons, "lessons/*.json")
	require.NoError(t, err)
	for _, n := range names {
		b, err := fs.ReadFile(assets.Lessons, n)
		require.NoError(t, err)
		l, err := lesson.Read(bytes.NewReader(b), path.Base(n))
		require.NoError(t, err)
		for _, lang := range i18n.Langs {
			ctx := open(t, desktop, "/?lang="+lang.Code()+"#lesson="+l.ID+"&step=1")
			st := ready(t, ctx)
			for i, s := range l.Steps {
				name := fmt.Sprintf("%s %s step %d", l.ID, lang.Code(), i+1)
				if i > 0 {
					before := st.Fragment
					pressKeys(t, ctx, kb.PageDown)
					st = waitState(t, ctx, 10*time.Second, name, func(s state) bool { return s.Fragment != before && s.Lesson != nil && s.Lesson.Step == i+1 })
				}
				require.NotNil(t, st.Lesson, name)
				assert.Equal(t, l.ID, st.Lesson.ID, name)
				assert.Equal(t, len(l.Steps), st.Lesson.Steps, name)
				assert.Equal(t, s.View(), st.View, name)
				assert.Equal(t, s.Highlight, st.Lesson.Highlight, name)
				if s.Highlight != "" {
					assert.True(t, hasControl(st, s.Highlight), "%s: the control %q is on screen", name, s.Highlight)
				}
				native := app.New(d, lang, s.Link)
				native.Update(0)
				if native.MC != nil {
					// The Uncertainty view's runs, which the browser runs
					// between frames.
					native.MC.Step(app.MCRuns)
					native.Update(0)
				}
				v, err := url.ParseQuery(st.Fragment)
				require.NoError(t, err)
				assert.Equal(t, native.ScenarioString(), v.Get("s"), "%s: the step's scenario", name)
				want := view.Mirror(native).Headline
				got, err := chromedp.Run(ctx, chromedp.Poll[string](fmt.Sprintf(`(function () { var h = document.getElementById('ts-headline'); return h && h.textContent.trim() === %q ? h.textContent.trim() : null; })()`, want), chromedp.WithPollingTimeout(20*time.Second)))
				assert.NoError(t, err, "%s: the page's headline %q", name, want)
				assert.Equal(t, want, got, name)
				screenshot(t, ctx, fmt.Sprintf("lesson-%s-%s-step%d-1280x800", l.ID, lang.Code(), i+1))
			}
			// The same walk on a classroom screen, in projector mode.
			pctx := open(t, projector, "/?lang="+lang.Code()+"#lesson="+l.ID+"&step=1&projector=1")
			ps := ready(t, pctx)
			assert.Contains(t, ps.Fragment, "projector=1")
			for i := range l.Steps {
				if i > 0 {
					before := ps.Fragment
					pressKeys(t, pctx, kb.PageDown)
					ps = waitState(t, pctx, 10*time.Second, "projector step", func(s state) bool { return s.Fragment != before && s.Lesson != nil && s.Lesson.Step == i+1 })
				}
				assert.Equal(t, l.Steps[i].View(), ps.View)
				assert.Contains(t, ps.Fragment, "projector=1", "projector mode stays on through the lesson")
				time.Sleep(300 * time.Millisecond)
				screenshot(t, pctx, fmt.Sprintf("lesson-%s-%s-step%d-projector-1920x1080", l.ID, lang.Code(), i+1))
			}
			// Page Down on the last step stays there; Page Up goes back.
			before := st.Fragment
			pressKeys(t, ctx, kb.PageUp)
			st = waitState(t, ctx, 10*time.Second, l.ID+" back", func(s state) bool { return s.Fragment != before })
			require.NotNil(t, st.Lesson)
			assert.Equal(t, len(l.Steps)-1, st.Lesson.Step, "Page Up goes back a step")
			assert.Empty(t, problems(ctx))
		}
	}
}
