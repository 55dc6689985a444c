package e2e_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
)

// TestDefaultTables opens the page on the embedded default, with no file
// dropped: the Tables view places every table (by turnout, or in the strip
// for unknown turnout), and a click drills from the nation down a state, a
// municipality, a parish and a centre to a table, whose click opens its
// scanned tally sheet.
func TestDefaultTables(t *testing.T) {
	ctx := open(t, desktop, "/#view=units")
	st := ready(t, ctx)
	assert.Equal(t, assets.DefaultName, st.Data.Name)
	assert.Equal(t, 25073, st.Data.Units, "tables in the default data")
	assert.Equal(t, 25073, st.Data.Rows, "a row per table")
	assert.Equal(t, 25073, st.Data.Points, "every table: 24,530 placed by turnout, 543 of unknown turnout in the strip at the left")
	assert.Equal(t, "units", st.View)
	time.Sleep(300 * time.Millisecond)
	screenshot(t, ctx, "app-desktop-default-tables")

	ctx = open(t, desktop, "/#view=regions")
	st = ready(t, ctx)
	// The sheet links come apart from the app, when a view first offers
	// a sheet: not for the country's regions.
	assert.False(t, fetchedSheets(t, ctx), "the sheet links are not fetched on load")
	// Record what the app opens instead of opening it.
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__opened = []; window.open = function (u) { window.__opened.push(u); return null; }; true`))
	require.NoError(t, err)
	for _, level := range []string{"state", "municipality", "parish", "centre"} {
		before := st.Fragment
		c := controlRect(t, st, "row-0")
		click(t, ctx, c.X+c.W/2, c.Y+c.H/2)
		st = waitState(t, ctx, 10*time.Second, "drilling into the first "+level, func(s state) bool { return s.Fragment != before && hasControl(s, "row-0") })
		t.Logf("into the first %s: fragment %q", level, st.Fragment)
	}
	screenshot(t, ctx, "app-desktop-default-centre")
	c := controlRect(t, st, "row-0")
	click(t, ctx, c.X+c.W/2, c.Y+c.H/2)
	opened, err := chromedp.Run(ctx, chromedp.Poll[[]string](`window.__opened.length > 0 ? window.__opened : null`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "a click on a table opens its sheet")
	require.Len(t, opened, 1)
	assert.True(t, strings.HasPrefix(opened[0], "https://static.resultadosconvzla.com/"), opened[0])
	assert.True(t, strings.HasSuffix(opened[0], ".jpg"), opened[0])
	t.Logf("the first table of the first centre opens %s", opened[0])
	assert.True(t, fetchedSheets(t, ctx), "the sheet links were fetched on the way down")
	assert.Empty(t, problems(ctx))
}

// click moves the mouse to x, y and clicks there, holding the button
// for a few frames so that the app, which reads its input once a frame,
// sees the press and the release.
func click(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y)))
	time.Sleep(100 * time.Millisecond)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))))
	time.Sleep(100 * time.Millisecond)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))))
}

// fetchedSheets reports whether the page has fetched the default data's
// sheet links.
func fetchedSheets(t *testing.T, ctx context.Context) bool {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`performance.getEntriesByType('resource').some(function (e) { return e.name.indexOf('/data/`+assets.DefaultSheetsName+`') >= 0; })`))
	require.NoError(t, err)
	return got
}

func hasControl(s state, id string) bool {
	for _, c := range s.Controls {
		if c.ID == id {
			return true
		}
	}
	return false
}
