package handout_test

import (
	"bytes"
	"io/fs"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/handout"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// TestHandoutIsTheLesson prints every built-in lesson in both languages:
// a title page and a page per step, each with the step's title, text and
// question, and the chart the lesson names, drawn from the scenario the
// step's link opens in the app (its footer carries the same scenario
// string as the app's link). The PDF has one page per page.
func TestHandoutIsTheLesson(t *testing.T) {
	tl, err := tallybin.Decode(assets.Default)
	require.NoError(t, err)
	d, err := app.NewDataset(tl, assets.DefaultName)
	require.NoError(t, err)
	names, err := fs.Glob(assets.Lessons, "lessons/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, n := range names {
		f, err := assets.Lessons.Open(n)
		require.NoError(t, err)
		l, err := lesson.Read(f, n)
		f.Close()
		require.NoError(t, err)
		for _, lang := range i18n.Langs {
			code := lang.Code()
			pages, err := handout.Pages(l, tl, assets.DefaultName, handout.Options{Lang: lang})
			require.NoError(t, err, n)
			require.Len(t, pages, len(l.Steps)+1, "%s %s: a title page and a page per step", n, code)
			assert.Equal(t, l.Title.In(code), pages[0].Title)
			for i, s := range l.Steps {
				p := pages[i+1]
				name := l.ID + " " + code + " step " + s.Title.EN
				assert.Equal(t, s.Title.In(code), p.Title, name)
				assert.Contains(t, p.Kicker, l.Title.In(code), name)
				var text []string
				for _, par := range p.Paragraphs {
					text = append(text, par.Text)
				}
				assert.Contains(t, text, s.Text.In(code), name)
				assert.Contains(t, text, s.Question.In(code), name)
				assert.Equal(t, 4, p.AnswerLines, name)
				if s.Chart == "" {
					assert.Nil(t, p.Plot, name)
					continue
				}
				require.NotNil(t, p.Plot, name)
				st := app.New(d, lang, s.Link)
				sc := st.Scenario()
				if s.Chart == string(chart.KindMonteCarlo) && sc.MonteCarlo.Runs == 0 {
					sc.MonteCarlo.Runs = chart.DefaultRuns
				}
				assert.Equal(t, sc.Stamp(tl.Digest.String()).String(), p.Footer.Scenario, "%s: the chart's scenario is the app's", name)
				assert.Equal(t, tl.Digest.String(), p.Footer.Digest, name)
			}
			var buf bytes.Buffer
			require.NoError(t, handout.Write(&buf, l, tl, assets.DefaultName, handout.Options{Lang: lang, Paper: chart.Letter}))
			assert.Equal(t, "%PDF-", buf.String()[:5])
			assert.Len(t, regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(buf.Bytes(), -1), len(l.Steps)+1, "%s %s: PDF pages", n, code)
		}
	}
}
