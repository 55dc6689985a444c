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
