package lesson_test

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/internal/view"
)

// embedded reads every lesson shipped in assets.
func embedded(t *testing.T) []*lesson.Lesson {
	t.Helper()
	names, err := fs.Glob(assets.Lessons, "lessons/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(names), 2, "at least two lessons ship")
	var out []*lesson.Lesson
	for _, n := range names {
		f, err := assets.Lessons.Open(n)
		require.NoError(t, err)
		l, err := lesson.Read(f, path.Base(n))
		f.Close()
		require.NoError(t, err)
		assert.Equal(t, strings.TrimSuffix(path.Base(n), ".json"), l.ID, "a lesson's file is named by its id")
		out = append(out, l)
	}
	return out
}

// TestLessonsShowWhatTheySay opens every step of every shipped lesson in
// the app's model, lays it out as the screen would at 1280×800 in both
// languages, and checks that the step's view is the one on screen, that
// the control it points at is there, and that every figure the lesson
// states is printed on screen exactly.
func TestLessonsShowWhatTheySay(t *testing.T) {
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	f, err := view.NewFonts()
	require.NoError(t, err)
	for _, l := range embedded(t) {
		for i, s := range l.Steps {
			for _, lang := range i18n.Langs {
				name := l.ID + " step " + string(rune('1'+i)) + " " + lang.Code()
				st := app.New(d, lang, s.Link)
				assert.Empty(t, st.Msg.Text, "%s: the link restores without a message", name)
				st.Update(0)
				if st.MC != nil {
					st.MC.Step(app.MCRuns)
					st.Update(0)
				}
				assert.Equal(t, s.View(), st.View.String(), name)
				sc := view.Build(st, 1280, 800, 1, f)
				if s.Highlight != "" {
					assert.NotNil(t, sc.Find(s.Highlight), "%s: control %q is on screen", name, s.Highlight)
				}
				var texts []string
				for _, it := range sc.Items {
					if it.Text != "" {
						texts = append(texts, it.Text)
					}
				}
				// A teacher types a plain space where the screen sets a
				// non-breaking one before "%".
				all := strings.ReplaceAll(strings.Join(texts, "\n"), "\u00a0", " ")
				for _, sh := range s.Shows {
					assert.Contains(t, all, sh.In(lang.Code()), "%s: the screen prints the figure the lesson states", name)
				}
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	const ok = `{"id":"x","title":{"en":"T","es":"T"},"data":"default","steps":[{"title":{"en":"a","es":"a"},"link":"view=units","text":{"en":"t","es":"t"},"question":{"en":"q","es":"q"}}]}`
	l, err := lesson.Read(strings.NewReader(ok), "x.json")
	require.NoError(t, err)
	assert.Equal(t, "units", l.Steps[0].View())
	for _, tc := range []struct{ name, in, want string }{
		{"empty", ``, "x.json:1:1: the file is empty"},
		{"syntax", "{\n  \"id\": \"x\",\n  \"title\": {\"en\": \"T\" \"es\": \"T\"}\n}", "x.json:3:23"},
		{"type", "{\"id\": 3}", "x.json:1:8"},
		{"unknown field", "{\n\"id\":\"x\",\n\"titel\":{}}", "x.json:3:1: json: unknown field \"titel\""},
		{"truncated", `{"id":"x","steps":[`, "the file ends inside the lesson"},
		{"trailing", ok + ` {}`, "text after the lesson's closing brace"},
		{"no spanish", strings.Replace(ok, `"question":{"en":"q","es":"q"}`, `"question":{"en":"q"}`, 1), `step 1 question has no Spanish ("es")`},
		{"bad view", strings.Replace(ok, "view=units", "view=maps", 1), `step 1: the link opens view "maps"`},
		{"bad chart", strings.Replace(ok, `"link"`, `"chart":"pie","link"`, 1), `step 1: chart "pie"`},
		{"no steps", `{"id":"x","title":{"en":"T","es":"T"},"data":"default","steps":[]}`, "the lesson has no steps"},
		{"bad id", strings.Replace(ok, `"id":"x"`, `"id":"a b"`, 1), `"id" without spaces`},
		{"other data", strings.Replace(ok, `"default"`, `"us.csv"`, 1), `"data" must be "default"`},
		{"too big", strings.Repeat(" ", lesson.MaxSize+1), "larger than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lesson.Read(strings.NewReader(tc.in), "x.json")
			require.Error(t, err)
			assert.ErrorIs(t, err, lesson.ErrLesson)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestLessonWalk walks every lesson in the app as a teacher with a
// clicker does: from the overview's list, Page Down through the steps and
// Page Up back. At each step the screen is the one the step's link opens
// on a fresh page (same view, region and scenario string), the panel
// shows the step's text and question, the control it points at is
// ringed, and the address names the lesson and the step, so that a
// shared link opens the same step. Escape closes the lesson.
func TestLessonWalk(t *testing.T) {
	d, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	f, err := view.NewFonts()
	require.NoError(t, err)
	lessons := embedded(t)
	for _, lang := range i18n.Langs {
		for _, l := range lessons {
			st := app.New(d, lang, "")
			st.Lessons = lessons
			st.Update(0)
			sc := view.Build(st, 1280, 800, 1, f)
			open := sc.Find("lesson-" + l.ID)
			require.NotNil(t, open, "the overview offers lesson %s", l.ID)
			st.Apply(open.Act)
			for i := range len(l.Steps) + 1 {
				want := min(i, len(l.Steps)-1)
				s := l.Steps[want]
				name := l.ID + " " + lang.Code() + " step " + s.Title.EN
				st.Update(0)
				fresh := app.New(d, lang, s.Link)
				fresh.Update(0)
				assert.Equal(t, want, st.Step, name)
				assert.Equal(t, fresh.View, st.View, name)
				assert.Equal(t, fresh.Region, st.Region, name)
				assert.Equal(t, fresh.ScenarioString(), st.ScenarioString(), name)
				frag := st.Fragment()
				assert.Contains(t, frag, "lesson="+l.ID, name)
				assert.Contains(t, frag, "step="+string(rune('1'+want)), name)
				shared := app.New(d, lang, "")
				shared.Lessons = lessons
				shared.RestoreFragment(frag)
				assert.Equal(t, want, shared.Step, "%s: the shared link opens the step", name)
				assert.Equal(t, st.ScenarioString(), shared.ScenarioString(), name)
				sc = view.Build(st, 1280, 800, 1, f)
				var texts []string
				for _, it := range sc.Items {
					texts = append(texts, it.Text)
				}
				all := strings.Join(texts, " ")
				assert.Contains(t, all, strings.Fields(s.Text.In(lang.Code()))[0], "%s: the panel shows the step's text", name)
				if s.Highlight != "" {
					assert.NotNil(t, sc.Find(s.Highlight), "%s: the control it points at is on screen", name)
				}
				st.Apply(sc.Key(st, view.KeyPageDown, false))
			}
			for range l.Steps {
				st.Update(0)
				st.Apply(view.Build(st, 1280, 800, 1, f).Key(st, view.KeyPageUp, false))
			}
			assert.Equal(t, 0, st.Step, "Page Up goes back to the first step")
			st.Update(0)
			st.Apply(view.Build(st, 1280, 800, 1, f).Key(st, view.KeyEscape, false))
			assert.False(t, st.LessonOpen(), "Escape closes the lesson")
			assert.NotContains(t, st.Fragment(), "lesson=")
		}
	}
	st := app.New(d, i18n.EN, "")
	st.Lessons = lessons
	st.RestoreFragment("lesson=nope&step=2")
	assert.False(t, st.LessonOpen())
	assert.Contains(t, st.Msg.Text, "There is no lesson “nope” here.")
}
