package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
)

// clipboardJS records what the page copies, since a headless browser has
// no clipboard to read back.
const clipboardJS = `
window.__copied = [];
if (navigator.clipboard) {
  navigator.clipboard.writeText = function (s) { window.__copied.push(s); return Promise.resolve(); };
}
document.execCommand = function (c) {
  if (c === 'copy' && document.activeElement && 'value' in document.activeElement) { window.__copied.push(document.activeElement.value); }
  return true;
};
`

// TestLinkInTheCommandLine moves the split slider in the browser, presses
// "Copy link", and passes the scenario string of the copied link to
// "tallyscope scenario --scenario" and "tallyscope breakeven --scenario"
// on the embedded data: they print the figures the page shows.
func TestLinkInTheCommandLine(t *testing.T) {
	_, base := site(t)
	ctx := tab(t, desktop.width, desktop.height)
	require.NoError(t, chromedp.Do(ctx, addScriptOnNewDocument(clipboardJS), chromedp.Navigate(base+"/")))
	ready(t, ctx)
	focusControl(t, ctx, "split")
	for range 3 {
		pressKeys(t, ctx, kb.ArrowRight)
	}
	st := waitState(t, ctx, 15*time.Second, "the split to move", func(s state) bool { return s.scenario(t).Split > 0 })

	link := controlRect(t, st, "link")
	// Held for a few frames, as a person's click is: a press and release
	// within one slow SwiftShader frame can be missed.
	x, y := link.X+link.W/2, link.Y+link.H/2
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y)))
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.Button("left"), chromedp.ClickCount(1))))
	time.Sleep(keyHold)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.Button("left"), chromedp.ClickCount(1))))
	waitState(t, ctx, 10*time.Second, "the page to say the link is copied", func(s state) bool { return strings.Contains(s.Message, "copied") })
	copied, err := chromedp.Run(ctx, chromedp.Poll[string](`window.__copied.length ? window.__copied[window.__copied.length-1] : ''`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page copies a link")
	t.Logf("copied: %s", copied)
	u, err := url.Parse(copied)
	require.NoError(t, err)
	frag, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	str := frag.Get("s")
	require.True(t, strings.HasPrefix(str, "s1."), "the link holds the core's scenario string: %q", copied)

	// The state the link was copied from.
	st = waitState(t, ctx, 5*time.Second, "the state", func(state) bool { return true })
	var sc struct {
		String    string  `json:"string"`
		BreakEven float64 `json:"break_even"`
	}
	require.NoError(t, json.Unmarshal(st.Scenario, &sc))
	assert.Equal(t, sc.String, str)
	assert.Equal(t, u.Fragment, st.Fragment)

	bin := buildCLI(t)
	// The page's data is the embedded default; so is --default's.
	data := "--default"
	var out struct {
		String  string `json:"scenario_string"`
		Outcome struct {
			Total []int64 `json:"total"`
		} `json:"outcome"`
	}
	runJSON(t, &out, bin, "scenario", "--scenario", str, "--format", "json", data)
	assert.Equal(t, str, out.String)
	require.Len(t, out.Outcome.Total, len(st.Projected))
	for i, c := range st.Projected {
		assert.Equal(t, c.Votes, out.Outcome.Total[i], "projected votes of %s: page and command line", c.ID)
	}
	var be struct {
		National struct {
			Needed float64 `json:"needed"`
		} `json:"national"`
	}
	runJSON(t, &be, bin, "breakeven", "--scenario", str, "--format", "json", data)
	assert.Equal(t, sc.BreakEven, be.National.Needed, "break-even: page and command line")

	text, err := exec.Command(bin, "scenario", "--scenario", str, data).CombinedOutput()
	require.NoError(t, err, "%s", text)
	t.Logf("tallyscope scenario --scenario %s --default (%s):\n%s", str, assets.DefaultName, text)
	for _, c := range st.Projected {
		assert.Contains(t, string(text), thousands(c.Votes), "the text prints %s's projected votes", c.ID)
	}
}

// controlRect returns the rectangle of the control id in s.
func controlRect(t *testing.T, s state, id string) control {
	t.Helper()
	for _, c := range s.Controls {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no control %q in state().controls", id)
	return control{}
}

// buildCLI builds cmd/tallyscope into a temporary folder.
func buildCLI(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tallyscope")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/tallyscope")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "building the command line: %s", out)
	return bin
}

// runJSON runs the command and decodes its standard output into v.
func runJSON(t *testing.T, v any, bin string, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "tallyscope %s: %s", strings.Join(args, " "), stderr.String())
	require.NoError(t, json.Unmarshal(stdout.Bytes(), v), "tallyscope %s", strings.Join(args, " "))
}

// thousands writes n with commas, as the command line's text does.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// clickControl clicks the middle of the app's control id, holding the
// button for a few frames.
func clickControl(t *testing.T, ctx context.Context, st state, id string) {
	t.Helper()
	c := controlRect(t, st, id)
	x, y := c.X+c.W/2, c.Y+c.H/2
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, y)))
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.Button("left"), chromedp.ClickCount(1))))
	time.Sleep(keyHold)
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.Button("left"), chromedp.ClickCount(1))))
}

// TestLinkFollowsLanguage opens the page in Spanish, switches to English
// and copies a link: the address and the link say lang=en, not the
// lang=es the page was opened with.
func TestLinkFollowsLanguage(t *testing.T) {
	_, base := site(t)
	ctx := tab(t, desktop.width, desktop.height)
	require.NoError(t, chromedp.Do(ctx, addScriptOnNewDocument(clipboardJS), chromedp.Navigate(base+"/?lang=es")))
	st := ready(t, ctx)
	require.Equal(t, "es", st.Lang)
	clickControl(t, ctx, st, "lang")
	st = waitState(t, ctx, 10*time.Second, "English after the language button", func(s state) bool { return s.Lang == "en" })
	search, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
	require.NoError(t, err)
	assert.Equal(t, "?lang=en", search, "the address follows the language")
	clickControl(t, ctx, st, "link")
	copied, err := chromedp.Run(ctx, chromedp.Poll[string](`window.__copied.length ? window.__copied[window.__copied.length-1] : ''`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page copies a link")
	t.Logf("copied after switching to English: %s", copied)
	u, err := url.Parse(copied)
	require.NoError(t, err)
	assert.Equal(t, []string{"en"}, u.Query()["lang"], "the link says English, once")
}
