package view

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
)

// TestEveryViewOnRealFiles opens the real files of ../shared/data in the
// app's model and lays out every view in both languages, at a laptop's
// and a phone's size, in and out of projector mode: nothing panics, every
// view says something, and the Checks view either shows its checks or
// says why one cannot run (the US files have no registered voters, so no
// fingerprint).
func TestEveryViewOnRealFiles(t *testing.T) {
	f := newFonts(t)
	for _, rel := range []string{
		"venezuela-2024/RESULTADOS_2024_CSV_V1.csv",
		"venezuela-2024/RESULTADOS_2024_CSV_V2.csv",
		"us-county/2024_US_County_Level_Presidential_Results.csv",
	} {
		p := shareddata.Path(t, rel)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		d, err := app.Load(b, filepath.Base(p))
		require.NoError(t, err, rel)
		for _, lang := range i18n.Langs {
			for _, proj := range []bool{false, true} {
				for v := app.ViewOverview; v <= app.ViewForensics; v++ {
					st := app.New(d, lang, "")
					st.Projector = proj
					st.Apply(app.SetView{View: v})
					st.Update(0)
					if st.MC != nil {
						st.MC.Step(app.MCRuns)
						st.Update(0)
					}
					for _, sz := range [][2]float64{{1280, 800}, {360, 640}} {
						sc := Build(st, sz[0], sz[1], 1, f)
						var texts []string
						for _, it := range sc.Items {
							texts = append(texts, it.Text)
						}
						screen := strings.Join(texts, " ")
						assert.NotEmpty(t, strings.TrimSpace(screen), "%s %s %s", rel, lang.Code(), v)
						if v == app.ViewForensics {
							require.NotNil(t, st.Checks, rel)
							assert.Contains(t, screen, lang.T(i18n.CkFlagsTitle), "%s %s: the checks' flags", rel, lang.Code())
							if !d.HasRegistered {
								assert.Contains(t, screen, lang.T(i18n.CkFPNone)[:8], "%s: says why there is no fingerprint", rel)
							}
						}
					}
				}
			}
		}
	}
}
