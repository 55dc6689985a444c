package e2e_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/i18n"
)

// frameTimerJS wraps requestAnimationFrame before the page's scripts run
// (Ebitengine reads it when the app starts), so that the page records,
// while window.__measure is true, every frame's start and the time its
// callback took (the app's Update and Draw run inside it), the Monte Carlo
// runs done after it, and every distinct Monte Carlo statement that the
// test hook published.
const frameTimerJS = `
window.__measure = false;
window.__frames = [];
window.__mcTexts = [];
(function () {
  var raf = window.requestAnimationFrame.bind(window);
  var lastText = null;
  window.requestAnimationFrame = function (cb) {
    return raf(function (ts) {
      var t0 = performance.now();
      try { cb(ts); } finally {
        if (window.__measure) {
          var d = performance.now() - t0, done = -1;
          var s = (window.tallyscope && window.tallyscope.state) ? window.tallyscope.state() : '';
          var m = /"montecarlo":\{"done":(\d+)/.exec(s);
          if (m) {
            done = +m[1];
            var mc = JSON.parse(s).montecarlo;
            var key = mc.kind + '|' + mc.text;
            if (key !== lastText) {
              lastText = key;
              window.__mcTexts.push({done: mc.done, min_runs: mc.min_runs, kind: mc.kind, text: mc.text});
            }
          }
          window.__frames.push([t0, d, done]);
        }
      }
    });
  };
})();
`

// mcState is state().montecarlo.
type mcState struct {
	Done       int     `json:"done"`
	Runs       int     `json:"runs"`
	MinRuns    int     `json:"min_runs"`
	Lead       string  `json:"lead"`
	Kind       string  `json:"kind"`
	Wins       int64   `json:"wins"`
	SE         float64 `json:"se"`
	Text       string  `json:"text"`
	SetupMS    float64 `json:"setup_ms"`
	ElapsedMS  float64 `json:"elapsed_ms"`
	MaxStepMS  float64 `json:"max_step_ms"`
	LastStepMS float64 `json:"last_step_ms"`
	SumStepMS  float64 `json:"sum_step_ms"`
	Steps      int     `json:"steps"`
}

// readMC returns state().montecarlo, ok false before the view starts it.
func readMC(t *testing.T, ctx context.Context) (mcState, bool) {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(window.tallyscope && window.tallyscope.state) ? window.tallyscope.state() : ''`))
	require.NoError(t, err)
	var st struct {
		MonteCarlo *mcState `json:"montecarlo"`
	}
	if s == "" {
		return mcState{}, false
	}
	require.NoError(t, json.Unmarshal([]byte(s), &st), "state(): %s", trimmed(s))
	if st.MonteCarlo == nil {
		return mcState{}, false
	}
	return *st.MonteCarlo, true
}

// waitMC polls state().montecarlo until cond holds.
func waitMC(t *testing.T, ctx context.Context, timeout time.Duration, what string, cond func(mcState) bool) mcState {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last mcState
	for {
		if mc, ok := readMC(t, ctx); ok {
			last = mc
			if cond(mc) {
				return mc
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s; last montecarlo state: %+v; page problems: %v", timeout, what, last, problems(ctx))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// openUncertaintyTab loads the default page with the frame timer and
// waits for the app's first frame.
func openUncertaintyTab(t *testing.T, vp viewport, path string) context.Context {
	t.Helper()
	_, base := site(t)
	ctx := tab(t, vp.width, vp.height, vp.opts...)
	require.NoError(t, chromedp.Do(ctx, addScriptOnNewDocument(frameTimerJS)))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+path)))
	ready(t, ctx)
	// Let the first frames settle before measuring.
	time.Sleep(500 * time.Millisecond)
	return ctx
}

// checkStatements checks every Monte Carlo statement the page published:
// none says "100.0%", none is a probability before min_runs runs, and
// each gives the number of runs.
func checkStatements(t *testing.T, ctx context.Context, l i18n.Lang) int {
	t.Helper()
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]mcState](`window.__mcTexts`))
	require.NoError(t, err)
	require.NotEmpty(t, texts, "the page published Monte Carlo statements")
	sawProgress, sawStated := false, false
	for _, s := range texts {
		for _, never := range []string{"100.0", "100,0"} {
			assert.NotContains(t, s.Text, never, "statement after %d runs", s.Done)
		}
		assert.Contains(t, s.Text, l.Int(int64(s.Done)), "the statement gives the run count: %q", s.Text)
		if s.Done < s.MinRuns {
			sawProgress = true
			assert.Equal(t, "too_few", s.Kind, "after %d runs: %q", s.Done, s.Text)
			assert.NotContains(t, s.Text, "%", "no probability after %d runs: %q", s.Done, s.Text)
		} else {
			sawStated = true
			assert.NotEqual(t, "too_few", s.Kind, "after %d runs: %q", s.Done, s.Text)
		}
	}
	assert.True(t, sawStated, "a statement after min_runs")
	t.Logf("%d distinct statements; progress seen: %v; first %q, last %q", len(texts), sawProgress, texts[0].Text, texts[len(texts)-1].Text)
	return len(texts)
}

// TestUncertaintyTiming opens the Uncertainty view of the default data
// (the "4" key) and measures, in the page, the time from the frame that
// opened it to the frame after which 2,000 runs were done, and the work
// of every frame in between (the requestAnimationFrame callback, in which
// the app's Update and Draw run). The figures are logged and written to
// build/e2e/uncertainty-timing.json for BENCHMARKS.md; they are not
// asserted (frame times on a shared machine are noisy).
func TestUncertaintyTiming(t *testing.T) {
	ctx := openUncertaintyTab(t, desktop, "/")
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__frames = []; window.__mcTexts = []; window.__measure = true; window.__t0 = performance.now(); true`))
	require.NoError(t, err)
	openUncertainty(t, ctx, desktop)
	mc := waitMC(t, ctx, 60*time.Second, "2,000 runs", func(m mcState) bool { return m.Done == m.Runs })
	time.Sleep(200 * time.Millisecond)
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__measure = false; true`))
	require.NoError(t, err)
	frames, err := chromedp.Run(ctx, chromedp.Evaluate[[][3]float64](`window.__frames`))
	require.NoError(t, err)
	t0, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__t0`))
	require.NoError(t, err)

	open, last := -1, -1
	for i, f := range frames {
		if f[2] >= 0 && open < 0 {
			open = i
		}
		if int(f[2]) == mc.Runs {
			last = i
			break
		}
	}
	require.GreaterOrEqual(t, open, 0, "a frame opened the view")
	require.GreaterOrEqual(t, last, open, "a frame finished the runs")
	var work []float64
	for _, f := range frames[open+1 : last+1] {
		work = append(work, f[1])
	}
	slices.Sort(work)
	pct := func(p float64) float64 {
		if len(work) == 0 {
			return 0
		}
		return work[min(len(work)-1, int(p*float64(len(work))))]
	}
	over16, total := 0, 0.0
	for _, w := range work {
		total += w
		if w > 16 {
			over16++
		}
	}
	res := map[string]any{
		"open_to_done_ms":        frames[last][0] + frames[last][1] - frames[open][0],
		"key_to_done_ms":         frames[last][0] + frames[last][1] - t0,
		"frames_open_to_done":    last - open + 1,
		"opening_frame_work_ms":  frames[open][1],
		"runs_after_opening":     frames[open][2],
		"frame_work_median_ms":   pct(0.5),
		"frame_work_p95_ms":      pct(0.95),
		"frame_work_max_ms":      pct(1),
		"frames_over_16ms":       over16,
		"frame_work_total_ms":    total,
		"go_step_total_ms":       mc.SumStepMS,
		"go_setup_ms":            mc.SetupMS,
		"go_setup_to_done_ms":    mc.ElapsedMS,
		"go_step_max_ms":         mc.MaxStepMS,
		"go_steps":               mc.Steps,
		"mean_frame_interval_ms": (frames[last][0] - frames[open][0]) / float64(max(1, last-open)),
	}
	b, err := json.MarshalIndent(res, "", "  ")
	require.NoError(t, err)
	t.Logf("Uncertainty view, default data, %d runs:\n%s", mc.Runs, b)
	require.NoError(t, os.WriteFile(filepath.Join(outDir(t), "uncertainty-timing.json"), b, 0o644))

	checkStatements(t, ctx, i18n.EN)
	assert.Equal(t, "all", mc.Kind, "the default data's leader wins every run")
	assert.Equal(t, "EG wins in all 2,000 runs", mc.Text)
	assert.Empty(t, problems(ctx))
}

// TestUncertaintyFills opens the Uncertainty view with the CPU slowed
// down (Chromium's CPU throttling) so that it can be seen filling: after
// about 100 runs it shows only the progress, no probability; when done,
// the leader's chance with its runs, never "100.0%". It saves PNGs to the
// folder named by TALLYSCOPE_SHOTS, when set, at desktop (English) and
// phone (Spanish) sizes.
func TestUncertaintyFills(t *testing.T) {
	for _, c := range []struct {
		vp   viewport
		path string
		lang i18n.Lang
	}{{desktop, "/", i18n.EN}, {phone, "/?lang=es", i18n.ES}} {
		t.Run(c.vp.name, func(t *testing.T) {
			ctx := openUncertaintyTab(t, c.vp, c.path)
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__mcTexts = []; window.__measure = true; true`))
			require.NoError(t, err)
			throttle(t, ctx, 20)
			openUncertainty(t, ctx, c.vp)
			mc := waitMC(t, ctx, 60*time.Second, "about 100 runs", func(m mcState) bool { return m.Done >= 100 })
			shot(t, ctx, "uncertainty-progress-"+c.vp.name)
			after, _ := readMC(t, ctx)
			t.Logf("progress screenshot taken between %d and %d runs: %q", mc.Done, after.Done, after.Text)
			if after.Done < after.MinRuns {
				assert.Equal(t, "too_few", after.Kind)
				prefix := strings.SplitN(c.lang.T(i18n.McProgress), "%", 2)[0]
				assert.True(t, strings.HasPrefix(after.Text, prefix), "progress line: %q", after.Text)
			}
			throttle(t, ctx, 1)
			mc = waitMC(t, ctx, 60*time.Second, "2,000 runs", func(m mcState) bool { return m.Done == m.Runs })
			time.Sleep(300 * time.Millisecond)
			shot(t, ctx, "uncertainty-done-"+c.vp.name)
			checkStatements(t, ctx, c.lang)
			assert.Contains(t, mc.Text, c.lang.Int(int64(mc.Runs)))
			assert.Empty(t, problems(ctx))
		})
	}
}

// shot writes the viewport to TALLYSCOPE_SHOTS/name.png when that folder
// is set.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("TALLYSCOPE_SHOTS")
	if dir == "" {
		return
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	path := filepath.Join(dir, name+".png")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	t.Logf("screenshot: %s", path)
}

// throttle slows the tab's CPU by rate (1: no throttling).
func throttle(t *testing.T, ctx context.Context, rate float64) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
		return err
	})), "CPU throttling %v", rate)
}

// openUncertainty presses the digit that shows the Uncertainty view: 4 on
// a wide screen (whose scenario controls sit beside every view), 5 on a
// narrow one.
func openUncertainty(t *testing.T, ctx context.Context, vp viewport) {
	t.Helper()
	key := "4"
	if vp.width < 720 {
		key = "5"
	}
	pressKeys(t, ctx, key)
	waitState(t, ctx, 10*time.Second, "the Uncertainty view", func(s state) bool { return s.View == "uncertainty" })
}
