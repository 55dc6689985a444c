package e2e_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/web"
)

// requestLog records the paths a server was asked for, in order.
type requestLog struct {
	mu   sync.Mutex
	reqs []loggedRequest
}

type loggedRequest struct {
	path string
	at   time.Time
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.reqs = append(l.reqs, loggedRequest{r.URL.Path, time.Now()})
		l.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// first returns when path was first asked for, and whether it was.
func (l *requestLog) first(path string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.reqs {
		if r.path == path {
			return r.at, true
		}
	}
	return time.Time{}, false
}

// waitFor waits until path has been asked for, or the timeout ends.
func (l *requestLog) waitFor(path string, timeout time.Duration) (time.Time, bool) {
	deadline := time.Now().Add(timeout)
	for {
		if at, ok := l.first(path); ok {
			return at, true
		}
		if time.Now().After(deadline) {
			return time.Time{}, false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (l *requestLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var paths []string
	for _, r := range l.reqs {
		paths = append(paths, r.path)
	}
	return strings.Join(paths, " ")
}

// guest is the app served from one origin and embedded, with the app's
// own Embed snippet, in a long article served from another.
type guest struct {
	appURL, hostURL string
	log             *requestLog
}

// newGuest serves the shared site through a request log and an article
// page from a second server (another port: another origin).
func newGuest(t *testing.T) *guest {
	t.Helper()
	s, _ := site(t)
	g := &guest{log: &requestLog{}}
	appSrv := httptest.NewServer(g.log.wrap(s))
	t.Cleanup(appSrv.Close)
	g.appURL = appSrv.URL

	g.serveArticle(t)
	return g
}

// serveArticle serves the article, with the app's Embed snippet for the
// app at g.appURL, from a second server (another port: another origin).
func (g *guest) serveArticle(t *testing.T) {
	t.Helper()
	def, err := app.Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	st := app.New(def, i18n.EN, "")
	st.Origin = g.appURL + "/"
	g.serveArticleWith(t, st.EmbedCode())
}

// serveArticleWith serves the article with the given Embed snippet.
func (g *guest) serveArticleWith(t *testing.T, snippet string) {
	t.Helper()
	t.Logf("embed snippet:\n%s", snippet)

	hostSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/article" {
			http.NotFound(w, r)
			return
		}
		top, err := strconv.Atoi(r.URL.Query().Get("top"))
		if err != nil {
			http.Error(w, "top=N", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage(top, snippet))
	}))
	t.Cleanup(hostSrv.Close)
	g.hostURL = hostSrv.URL
	require.NotEqual(t, strings.TrimPrefix(g.appURL, "http://"), strings.TrimPrefix(g.hostURL, "http://"), "two origins")
}

// articlePage is a long article: a header of top CSS px, the embed, and
// several screens of text below it. Its script records the heights the
// frame reports, the scroll position's maximum, and the test hook's
// signal that the app in the frame drew its first frame.
func articlePage(top int, snippet string) string {
	para := strings.Repeat("The count went on through the night, table by table, as the sheets arrived. ", 12)
	var body strings.Builder
	for range 12 {
		body.WriteString("<p>" + para + "</p>\n")
	}
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A long article</title>
<style>
body{margin:0;font:18px/1.5 Georgia,serif;color:#222}
article{max-width:1000px;margin:0 auto;padding:0 12px}
header{height:` + strconv.Itoa(top) + `px;overflow:hidden}
</style>
<script>
window.__reports = [];
window.__maxScroll = 0;
window.__ready = null;
addEventListener('scroll', function () { __maxScroll = Math.max(__maxScroll, scrollY); });
addEventListener('message', function (e) {
  var d = e.data || {};
  var f = document.querySelector('iframe');
  if (d['tallyscope-height']) __reports.push({h: d['tallyscope-height'].height, id: d['tallyscope-height'].id, w: f.clientWidth});
  if (d['e2e-ready']) __ready = d['e2e-ready'];
});
</script>
</head><body><article>
<header><h1>What the tally sheets say</h1><p>` + para + `</p></header>
` + snippet + `
` + body.String() + `
</article></body></html>`
}

// frameReadyJS runs in every document of the tab: inside a frame, it
// tells the parent when the app's test hook says ready.
const frameReadyJS = `
if (window.top !== window.self) {
  (function poll() {
    var st = null;
    try { if (window.tallyscope && window.tallyscope.state) st = JSON.parse(window.tallyscope.state()); } catch (e) {}
    if (st && st.ready) { window.parent.postMessage({'e2e-ready': {frames: st.frames, focused: document.hasFocus()}}, '*'); return; }
    setTimeout(poll, 100);
  })();
}
`

// hostView is what the test reads from the article page.
type hostView struct {
	ScrollY   float64 `json:"scrollY"`
	MaxScroll float64 `json:"maxScroll"`
	Active    string  `json:"active"`
	Ready     bool    `json:"ready"`
	Focused   bool    `json:"frameFocused"`
	FrameTop  float64 `json:"frameTop"`
	FrameW    float64 `json:"frameW"`
	FrameH    float64 `json:"frameH"`
	Reports   []struct {
		H  float64 `json:"h"`
		ID string  `json:"id"`
		W  float64 `json:"w"`
	} `json:"reports"`
}

const hostViewJS = `(function () {
  var f = document.querySelector('iframe'), r = f.getBoundingClientRect();
  return {scrollY: scrollY, maxScroll: __maxScroll, active: document.activeElement ? document.activeElement.tagName : '',
    ready: !!__ready, frameFocused: !!(__ready && __ready.focused),
    frameTop: r.top, frameW: r.width, frameH: r.height, reports: __reports};
})()`

func readHost(t *testing.T, ctx context.Context) hostView {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[hostView](hostViewJS))
	require.NoError(t, err)
	return v
}

// waitHost polls the article until cond holds or the timeout ends.
func waitHost(t *testing.T, ctx context.Context, timeout time.Duration, what string, cond func(hostView) bool) hostView {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		v := readHost(t, ctx)
		if cond(v) {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s; article: %+v; page problems: %v", timeout, what, v, problems(ctx))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// guestTab opens the article with its embed top CSS px down, in a new tab
// with the browser cache off (so that every file is asked of the server).
func (g *guest) guestTab(t *testing.T, width int64, top int) context.Context {
	t.Helper()
	ctx := tab(t, width, 800)
	require.NoError(t, chromedp.Do(ctx,
		addScriptOnNewDocument(frameReadyJS),
		networkConditions(0),
		chromedp.Navigate(g.hostURL+"/article?top="+strconv.Itoa(top)),
	))
	return ctx
}

// scrollFrameTo scrolls the article so that the frame's top edge is top
// CSS px from the top of the viewport, and returns the scroll position.
func scrollFrameTo(t *testing.T, ctx context.Context, top int) float64 {
	t.Helper()
	y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(function (top) {
  var f = document.querySelector('iframe');
  window.scrollTo(0, Math.round(f.getBoundingClientRect().top + scrollY - top));
  __maxScroll = scrollY;
  return scrollY;
})(`+strconv.Itoa(top)+`)`))
	require.NoError(t, err)
	return y
}

// TestEmbedKeepsHostStill embeds the app in an article from another origin,
// with the frame's top edge on screen and the rest below the fold: when
// the app starts, the article does not scroll and keeps the keyboard.
func TestEmbedKeepsHostStill(t *testing.T) { checkHostStill(t, newGuest(t)) }

// checkHostStill is TestEmbedKeepsHostStill for any guest.
func checkHostStill(t *testing.T, g *guest) {
	ctx := g.guestTab(t, 1200, 500)
	start := time.Now()
	waitHost(t, ctx, firstFrameTimeout, "the app's first frame in the frame", func(v hostView) bool { return v.Ready })
	t.Logf("first frame in the frame %.1f s after navigation; requests: %s", time.Since(start).Seconds(), g.log)
	time.Sleep(500 * time.Millisecond) // a late focus or scroll would show by now
	v := readHost(t, ctx)
	t.Logf("article after the app started: scrollY %.0f (max seen %.0f), activeElement %s, frame has focus %v", v.ScrollY, v.MaxScroll, v.Active, v.Focused)
	assert.Zero(t, v.ScrollY, "the article's scroll position")
	assert.Zero(t, v.MaxScroll, "the article never scrolled")
	assert.Equal(t, "BODY", v.Active, "the article keeps the keyboard")
	assert.False(t, v.Focused, "the frame did not take the focus")

	// The reader clicks the part of the frame that shows: now the frame
	// has the keyboard, and the article still does not move.
	require.NoError(t, chromedp.Do(ctx, chromedp.MouseClickXY(600, v.FrameTop+150)))
	v = waitHost(t, ctx, 5*time.Second, "the frame to take the keyboard after a click", func(v hostView) bool { return v.Active == "IFRAME" })
	time.Sleep(300 * time.Millisecond)
	v = readHost(t, ctx)
	t.Logf("after a click in the frame: scrollY %.0f (max seen %.0f), activeElement %s", v.ScrollY, v.MaxScroll, v.Active)
	assert.Equal(t, "IFRAME", v.Active, "a click gives the frame the keyboard")
	assert.Zero(t, v.MaxScroll, "a click does not scroll the article")
	assertNoJump(t, v)
	assert.Empty(t, problems(ctx), "errors on the article")
}

// assertNoJump checks that the frame asked for one height per width: the
// same while the text preview showed as once the app took over, so the
// article did not move when the app started.
func assertNoJump(t *testing.T, v hostView) {
	t.Helper()
	byWidth := map[float64]float64{}
	for _, r := range v.Reports {
		if h, ok := byWidth[r.W]; ok {
			assert.Equal(t, h, r.H, "the frame's height at width %.0f changed from %.0f to %.0f", r.W, h, r.H)
		}
		byWidth[r.W] = r.H
	}
	require.NotEmpty(t, v.Reports, "the frame reported its height")
}

// TestEmbedLazyAndResized embeds the app 600 px below the fold of a long
// article from another origin: the frame's page loads (the browser loads
// lazy frames that near), but the app (wasm_exec.js and the .wasm) is
// asked for only once the reader scrolls the frame to within 200 px of
// the viewport. Then the article stays where the reader put it, keeps the
// keyboard, and the frame's height follows the height the page reports
// at 360, 700 and 1200 px.
func TestEmbedLazyAndResized(t *testing.T) { checkLazyAndResized(t, newGuest(t)) }

// checkLazyAndResized is TestEmbedLazyAndResized for any guest.
func checkLazyAndResized(t *testing.T, g *guest) {
	ctx := g.guestTab(t, 1200, 1400)
	_, ok := g.log.waitFor("/", 30*time.Second)
	require.True(t, ok, "the frame's page is asked for; requests: %s", g.log)
	time.Sleep(3 * time.Second)
	v := readHost(t, ctx)
	t.Logf("before scrolling: frame top at %.0f px in an 800 px viewport; requests: %s", v.FrameTop, g.log)
	_, early := g.log.first(web.WASMPath)
	assert.False(t, early, "the .wasm is not asked for before the frame is near")
	_, early = g.log.first(web.ExecPath)
	assert.False(t, early, "wasm_exec.js is not asked for before the frame is near")
	assert.Zero(t, v.ScrollY)

	// The frame's top edge 100 px below the fold: embed.js, which sees the
	// iframe from the article, tells the page it is near (a browser would
	// tell the page itself only once the frame is in view).
	y := scrollFrameTo(t, ctx, 900)
	scrolled := time.Now()
	at, ok := g.log.waitFor(web.WASMPath, 30*time.Second)
	require.True(t, ok, "the .wasm is asked for once the frame is near; requests: %s", g.log)
	t.Logf("scrolled to %.0f, the frame's top 100 px below the fold; the .wasm was asked for %.0f ms later", y, float64(at.Sub(scrolled).Microseconds())/1000)

	waitHost(t, ctx, firstFrameTimeout, "the app's first frame in the frame", func(v hostView) bool { return v.Ready })
	time.Sleep(500 * time.Millisecond)
	v = readHost(t, ctx)
	t.Logf("article after the app started: scrollY %.0f (max seen %.0f), activeElement %s, frame has focus %v", v.ScrollY, v.MaxScroll, v.Active, v.Focused)
	assert.Equal(t, y, v.ScrollY, "the article stays where the reader scrolled it")
	assert.Equal(t, y, v.MaxScroll, "the article never scrolled further")
	assert.Equal(t, "BODY", v.Active, "the article keeps the keyboard")
	assert.False(t, v.Focused, "the frame did not take the focus")

	heights := map[int64]float64{}
	for _, width := range []int64{360, 700, 1200} {
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)))
		v := waitHost(t, ctx, 10*time.Second, fmt.Sprintf("a report for the frame's width at %d px", width), func(v hostView) bool {
			n := len(v.Reports)
			return n > 0 && v.Reports[n-1].W == v.FrameW && math.Abs(v.FrameH-v.Reports[n-1].H) <= 2
		})
		last := v.Reports[len(v.Reports)-1]
		t.Logf("viewport %4d px: frame %.0f px wide, reported height %.0f (id %q), frame height %.0f", width, v.FrameW, last.H, last.ID, v.FrameH)
		assert.InDelta(t, last.H, v.FrameH, 2, "frame height at %d px", width)
		assert.True(t, strings.HasPrefix(last.ID, "tallyscope-"), "the report names the frame: %q", last.ID)
		heights[width] = v.FrameH
	}
	assert.NotEqual(t, heights[360], heights[1200], "the height follows the width")
	assert.Empty(t, problems(ctx), "errors on the article")
}
