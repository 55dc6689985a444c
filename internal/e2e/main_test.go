package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/web"
)

// The site and the browser are made once per test binary, on first use,
// so that a run without Chromium builds nothing.
var (
	siteOnce sync.Once
	theSite  *web.Site
	siteURL  string
	siteErr  error
	server   *httptest.Server

	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if browserCancel != nil {
		browserCancel()
	}
	if server != nil {
		server.Close()
	}
	if theSite != nil {
		theSite.Close()
	}
	os.Exit(code)
}

// moduleRoot returns the module root, failing the test when it is not found.
func moduleRoot(t testing.TB) string {
	t.Helper()
	root, err := web.FindRoot("")
	require.NoError(t, err)
	return root
}

// outDir returns build/e2e at the module root, where screenshots and
// measurements go (ignored by git).
func outDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "build", "e2e")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// site builds the app and serves it on 127.0.0.1, once, and returns the
// server's base URL (without a trailing slash).
func site(t testing.TB) (*web.Site, string) {
	t.Helper()
	siteOnce.Do(func() {
		root, err := web.FindRoot("")
		if err != nil {
			siteErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		start := time.Now()
		theSite, siteErr = web.Build(ctx, web.Options{Root: root, Package: os.Getenv("TALLYSCOPE_WASM_PACKAGE")})
		if siteErr != nil {
			return
		}
		fmt.Fprintf(os.Stderr, "e2e: built and compressed (gzip) the app in %.1f s\n", time.Since(start).Seconds())
		server = httptest.NewServer(theSite) // listens on 127.0.0.1
		siteURL = server.URL
	})
	require.NoError(t, siteErr, "building the site")
	return theSite, siteURL
}

// chromiumPath returns the browser to drive, or skips the test.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("TALLYSCOPE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("skipping: no Chromium found (on Debian: apt-get install chromium; or set TALLYSCOPE_CHROMIUM)")
	return ""
}

// browser starts headless Chromium once, with the flags that give WebGL
// through SwiftShader without a GPU, and a fresh profile.
func browser(t testing.TB) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	browserOnce.Do(func() {
		profile, err := os.MkdirTemp("", "tallyscope-e2e-profile-")
		if err != nil {
			browserErr = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.UserDataDir(profile),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("use-angle", "swiftshader"),
			chromedp.Flag("enable-unsafe-swiftshader", true),
			chromedp.WindowSize(1280, 800),
			// The app and the preview follow the browser's language.
			chromedp.Flag("lang", "en-US"),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		browserCtx = ctx
		browserCancel = func() {
			cancelCtx()
			cancelAlloc()
			os.RemoveAll(profile)
		}
		browserErr = chromedp.Do(ctx) // starts the browser
	})
	require.NoError(t, browserErr, "starting %s", exe)
	return browserCtx
}

// tab opens a new tab with the given viewport, which scripts that record
// CSP violations and errors before the page's own scripts run. The tab
// closes when the test ends.
func tab(t *testing.T, width, height int64, opts ...chromedp.EmulateViewportOption) context.Context {
	t.Helper()
	parent := browser(t)
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.EmulateViewport(width, height, opts...),
		addScriptOnNewDocument(recorderJS),
	))
	return ctx
}

// recorderJS records what must never happen on the page, and the text of
// the preview as parsed, before the app can replace it.
const recorderJS = `
window.__problems = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__problems.push('CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')');
});
window.addEventListener('error', function (e) { window.__problems.push('error: ' + e.message); });
window.addEventListener('unhandledrejection', function (e) { window.__problems.push('unhandled rejection: ' + e.reason); });
document.addEventListener('DOMContentLoaded', function () {
  var p = document.getElementById('preview');
  window.__preview = p ? p.innerText : '';
});
`

// state is the part of the app's test hook that the tests read.
type state struct {
	Ready    bool   `json:"ready"`
	Frames   int64  `json:"frames"`
	Lang     string `json:"lang"`
	Fragment string `json:"fragment"`
	View     string `json:"view"`
	Focus    string `json:"focus"`
	Leader   string `json:"leader"`
	// ProjectedLeader leads once the scenario fills the missing units.
	ProjectedLeader string `json:"projected_leader"`
	Message         string `json:"message"`
	Data            struct {
		Name   string `json:"name"`
		Units  int    `json:"units"`
		Rows   int    `json:"rows"`
		Points int    `json:"points"`
	} `json:"data"`
	National      []candidate     `json:"national"`
	CoverageUnits float64         `json:"coverage_units"`
	Scenario      json.RawMessage `json:"scenario"`
	Projected     []candidate     `json:"projected"`
	Controls      []control       `json:"controls"`
	Map           *mapState       `json:"map"`
	Lesson        *struct {
		ID        string `json:"id"`
		Step      int    `json:"step"`
		Steps     int    `json:"steps"`
		Highlight string `json:"highlight"`
	} `json:"lesson"`
}

type candidate struct {
	ID    string  `json:"id"`
	Votes int64   `json:"votes"`
	Share float64 `json:"share"`
}

// control is a draggable control's rectangle, in CSS pixels from the
// canvas' top-left corner.
type control struct {
	ID     string  `json:"id"`
	Slider bool    `json:"slider"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	W      float64 `json:"w"`
	H      float64 `json:"h"`
}

// addScriptOnNewDocument runs src in every document of the tab before the
// page's own scripts.
func addScriptOnNewDocument(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// scenario is the part of state().scenario the tests check.
type scenario struct {
	Mode  string  `json:"mode"`
	Split float64 `json:"split"`
}

func (s state) scenario(t *testing.T) scenario {
	t.Helper()
	var sc scenario
	require.NoError(t, json.Unmarshal(s.Scenario, &sc), "state().scenario: %s", s.Scenario)
	return sc
}

// readState returns the app's state, or ok false when the hook is not
// there yet.
func readState(ctx context.Context) (state, bool, error) {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(window.tallyscope && typeof window.tallyscope.state === 'function') ? window.tallyscope.state() : ''`))
	if err != nil || s == "" {
		return state{}, false, err
	}
	var st state
	if err := json.Unmarshal([]byte(s), &st); err != nil {
		return state{}, false, fmt.Errorf("state() is not the expected JSON: %w: %s", err, s)
	}
	return st, true, nil
}

// waitState polls the app's state until cond holds or the timeout ends.
func waitState(t *testing.T, ctx context.Context, timeout time.Duration, what string, cond func(state) bool) state {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last state
	for {
		st, ok, err := readState(ctx)
		require.NoError(t, err)
		if ok {
			last = st
			if cond(st) {
				return st
			}
		}
		if time.Now().After(deadline) {
			raw, _ := json.Marshal(last)
			t.Fatalf("timed out after %s waiting for %s; last state: %s; page problems: %v", timeout, what, raw, problems(ctx))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// problems returns what recorderJS caught on the page.
func problems(ctx context.Context) []string {
	p, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__problems || []`))
	return p
}

// screenshot captures the viewport, writes it to build/e2e/name.png and
// returns it decoded.
func screenshot(t *testing.T, ctx context.Context, name string) image.Image {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	path := filepath.Join(outDir(t), name+".png")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	t.Logf("screenshot: %s", path)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	return img
}

// inkFraction returns the fraction of pixels that differ clearly from the
// image's most common colour, and the number of distinct colours (capped),
// as a measure of "not blank".
func inkFraction(img image.Image) (float64, int) {
	b := img.Bounds()
	counts := map[uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[(r>>11)<<10|(g>>11)<<5|(bl>>11)]++
		}
	}
	var bg uint32
	most := -1
	for c, n := range counts {
		if n > most || (n == most && c < bg) {
			bg, most = c, n
		}
	}
	total := b.Dx() * b.Dy()
	if total == 0 {
		return 0, 0
	}
	return float64(total-most) / float64(total), len(counts)
}

// trimmed shortens a long string for a failure message.
func trimmed(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return strings.TrimSpace(s)
}
