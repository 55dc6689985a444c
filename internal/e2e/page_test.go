package e2e_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/internal/web"
)

// otherSite serves the page with other options from a server of its own,
// closed when the test ends, and returns its base URL.
func otherSite(t *testing.T, opts web.Options) string {
	t.Helper()
	opts.Root = moduleRoot(t)
	if opts.BuildDir == "" {
		opts.BuildDir = t.TempDir()
	}
	s, err := web.Build(context.Background(), opts)
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { s.Close() })
	return srv.URL
}

// builtWASM returns the .wasm the shared site built.
func builtWASM(t *testing.T) string {
	t.Helper()
	site(t)
	p := filepath.Join(moduleRoot(t), "build", "web", "tallyscope.wasm")
	require.FileExists(t, p)
	return p
}

// networkConditions runs the Network domain commands: cache off, and download
// throughput limited to bytesPerSecond (0: not limited).
func networkConditions(bytesPerSecond float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		if bytesPerSecond <= 0 {
			return nil
		}
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{DownloadThroughput: bytesPerSecond, UploadThroughput: -1, Latency: 20}},
		})
		return err
	})
}

var progressText = regexp.MustCompile(`^Loading the interactive view: (\d+)% of (\d+\.\d) MB$`)

// TestProgressWhileDownloading loads the page over a slow link (1 MB/s):
// while the .wasm downloads, the progress bar shows the bytes loaded so
// far out of the total, and its text the share loaded and the size of
// the download (brotli-compressed: Chromium accepts br from 127.0.0.1).
func TestProgressWhileDownloading(t *testing.T) {
	s, base := site(t)
	wait, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	require.NoError(t, s.WaitBrotli(wait))
	ctx := tab(t, desktop.width, desktop.height)
	require.NoError(t, chromedp.Do(ctx, networkConditions(1_000_000), chromedp.Navigate(base+"/")))
	type progress struct {
		Value  float64 `json:"value"`
		Max    float64 `json:"max"`
		Status string  `json:"status"`
	}
	var mid progress
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		p, err := chromedp.Run(ctx, chromedp.Evaluate[progress](`(function () {
			var b = document.getElementById('progress'), s = document.getElementById('status');
			return b ? {value: b.value, max: b.max, status: s.textContent} : {value: -1, max: 0, status: ''};
		})()`))
		require.NoError(t, err)
		if p.Value > 0 && p.Value < p.Max && p.Value > 0.2*p.Max {
			mid = p
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.Positive(t, mid.Value, "saw the download in progress")
	t.Logf("mid-download: %.0f of %.0f bytes, %q", mid.Value, mid.Max, mid.Status)
	m := progressText.FindStringSubmatch(mid.Status)
	require.NotNil(t, m, "progress text %q", mid.Status)
	assert.Equal(t, strconv.Itoa(int(100*mid.Value/mid.Max)), m[1], "per cent loaded")
	for _, f := range s.Sizes() {
		if f.Path == web.WASMPath {
			assert.Equal(t, strconv.FormatFloat(float64(f.Brotli)/1e6, 'f', 1, 64), m[2], "download size in MB")
		}
	}
	screenshot(t, ctx, "preview-desktop-downloading")
	ready(t, ctx)
}

// TestServedDataFile serves the real V2 file as tallyscope serve --data
// does: the page is pointed at it, its preview summarizes it, and the app
// loads it from the same origin.
func TestServedDataFile(t *testing.T) {
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	base := otherSite(t, web.Options{WASM: builtWASM(t), Data: v2})
	ctx := tab(t, desktop.width, desktop.height)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/")))
	text, err := chromedp.Run(ctx, chromedp.Poll[string](`window.__preview`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err)
	for _, want := range []string{"67.08%", "30.46%", "Tables: 83.50% (25,073 of 30,026)"} {
		assert.Contains(t, text, want)
	}
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
	require.NoError(t, err)
	assert.Equal(t, "?data=data%2FRESULTADOS_2024_CSV_V2.csv", loc)
	st := waitState(t, ctx, firstFrameTimeout, "the app with the served V2 file", func(s state) bool {
		return s.Ready && s.Data.Name == filepath.Base(v2)
	})
	assert.Equal(t, 25073, st.Data.Units)
	assert.Equal(t, "83.50", formatPct(st.CoverageUnits))
	assert.Empty(t, problems(ctx))
}

func formatPct(f float64) string { return strconv.FormatFloat(100*f, 'f', 2, 64) }

// TestBrokenAppKeepsPreview serves a .wasm that is not one: the page keeps
// its summary and says that the interactive view could not start.
func TestBrokenAppKeepsPreview(t *testing.T) {
	chromiumPath(t)
	bad := filepath.Join(t.TempDir(), "bad.wasm")
	require.NoError(t, os.WriteFile(bad, []byte("this is not WebAssembly"), 0o644))
	base := otherSite(t, web.Options{WASM: bad})
	ctx := tab(t, phone.width, phone.height, phone.opts...)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/")))
	status, err := chromedp.Run(ctx, chromedp.Poll[string](`document.querySelector('#preview.failed #status') && document.getElementById('status').textContent`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the page reports the failure")
	assert.Contains(t, status, "The interactive view could not start")
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('preview').innerText`))
	require.NoError(t, err)
	assert.Contains(t, text, "67.08%")
	gone, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('progress') === null`))
	require.NoError(t, err)
	assert.True(t, gone, "the progress bar goes away")
	screenshot(t, ctx, "preview-phone-failed")
}
