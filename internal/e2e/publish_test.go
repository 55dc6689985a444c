package e2e_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/web"
)

var (
	publishOnce sync.Once
	publishDir  string
	publishErr  error
)

// published runs "tallyscope publish" once, with the .wasm the shared
// site built, into build/e2e/published, and returns the folder.
func published(t *testing.T) string {
	t.Helper()
	wasm := builtWASM(t)
	publishOnce.Do(func() {
		bin := buildCLI(t)
		publishDir = filepath.Join(outDir(t), "published")
		if publishErr = os.RemoveAll(publishDir); publishErr != nil {
			return
		}
		cmd := exec.Command(bin, "publish", "--out", publishDir, "--wasm", wasm, "--build-dir", filepath.Dir(wasm))
		cmd.Dir = moduleRoot(t)
		out, err := cmd.CombinedOutput()
		if err != nil {
			publishErr = fmt.Errorf("tallyscope publish: %v\n%s", err, out)
		}
	})
	require.NoError(t, publishErr)
	return publishDir
}

// pythonRequest is a line of http.server's log: "GET /path?query HTTP/1.1".
var pythonRequest = regexp.MustCompile(`"(?:GET|HEAD) (\S+) HTTP/`)

// servePython serves dir with "python3 -m http.server" on a free port of
// 127.0.0.1, logging the paths it is asked for into log, and returns its
// base URL. The server stops when the test ends.
func servePython(t *testing.T, dir string, log *requestLog) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: python3 is not installed (the test serves the published folder with python3 -m http.server)")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(py, "-u", "-m", "http.server", "--bind", "127.0.0.1", "--directory", dir, fmt.Sprint(port))
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := pythonRequest.FindStringSubmatch(sc.Text()); m != nil {
				p := m[1]
				if u, err := url.Parse(p); err == nil {
					p = u.Path
				}
				log.mu.Lock()
				log.reqs = append(log.reqs, loggedRequest{p, time.Now()})
				log.mu.Unlock()
			}
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := http.Get(base + "/manifest.json")
		if err == nil {
			res.Body.Close()
			require.Equal(t, http.StatusOK, res.StatusCode, "python3 -m http.server serves manifest.json")
			break
		}
		require.True(t, time.Now().Before(deadline), "python3 -m http.server did not answer: %v", err)
		time.Sleep(100 * time.Millisecond)
	}
	// The readiness probe is not the browser's.
	log.mu.Lock()
	log.reqs = nil
	log.mu.Unlock()
	return base
}

// newStaticGuest is the published folder, served by python3's static
// server, embedded in the long article served from another origin.
func newStaticGuest(t *testing.T) *guest {
	t.Helper()
	dir := published(t)
	g := &guest{log: &requestLog{}}
	g.appURL = servePython(t, dir, g.log)
	g.serveArticle(t)
	return g
}

// TestPublishedBundle checks the folder "tallyscope publish" writes: the
// manifest names every file with its size and sha256, and the data.
func TestPublishedBundle(t *testing.T) {
	dir := published(t)
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err)
	var m web.Manifest
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, int64(25073), m.Data.Units, "the default data's tables")
	assert.Equal(t, "table", m.Data.UnitLevel)
	assert.Contains(t, m.Data.Title, "Venezuela")
	names := map[string]bool{}
	for _, f := range m.Files {
		names[f.Path] = true
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f.Path)))
		require.NoError(t, err, f.Path)
		assert.Equal(t, st.Size(), int64(f.Size), "size of %s", f.Path)
	}
	for _, want := range []string{"index.html", "tallyscope.wasm", "tallyscope.wasm.br", "tallyscope.wasm.gz", "wasm_exec.js", "embed.js", "preview.png"} {
		assert.True(t, names[want], "the manifest names %s", want)
	}
}

// TestPublishedEmbedKeepsHostStill is TestEmbedKeepsHostStill against the
// published folder on python3's static server.
func TestPublishedEmbedKeepsHostStill(t *testing.T) { checkHostStill(t, newStaticGuest(t)) }

// TestPublishedEmbedLazyAndResized is TestEmbedLazyAndResized against the
// published folder on python3's static server: the .wasm is not asked for
// until the frame is near, and the frame's height fits the page at 360,
// 700 and 1200 px.
func TestPublishedEmbedLazyAndResized(t *testing.T) { checkLazyAndResized(t, newStaticGuest(t)) }

// TestPublishedWithoutScripts opens the published page with scripts off,
// at a phone's and a laptop's size: the page is the article graphic in
// text (headline, shares, coverage, claims, regions), as a screen reader
// reads it, with no loading line or empty progress bar.
func TestPublishedWithoutScripts(t *testing.T) {
	base := servePython(t, published(t), &requestLog{})
	want := nativeMirror(t, "")
	for _, vp := range []struct {
		name string
		w, h int64
	}{{"360x640", 360, 640}, {"1280x800", 1280, 800}} {
		t.Run(vp.name, func(t *testing.T) {
			ctx := tab(t, vp.w, vp.h)
			require.NoError(t, chromedp.Do(ctx,
				chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
					return err
				}),
				chromedp.Navigate(base+"/"),
			))
			time.Sleep(500 * time.Millisecond)
			tree := axTree(t, ctx)
			assert.NotEmpty(t, axFind(tree, "StaticText", want.Headline), "the headline %q", want.Headline)
			assert.NotEmpty(t, axFind(tree, "cell", "67.08%"), "González's share in a table")
			assert.NotEmpty(t, axFind(tree, "heading", "Coverage"), "the coverage")
			assert.NotEmpty(t, axFind(tree, "StaticText", "83.50%"), "the tables counted")
			assert.NotEmpty(t, axFind(tree, "heading", "Claimed beside counted"), "the claims beside the count")
			assert.NotEmpty(t, axFind(tree, "rowheader", "Zulia"), "the region table")
			assert.Empty(t, axFind(tree, "", "Loading"), "no loading line without scripts")
			assert.Empty(t, axFind(tree, "progressbar", ""), "no progress bar without scripts")
			assert.NotEmpty(t, axFind(tree, "StaticText", "needs JavaScript"), "the no-script note")
			screenshot(t, ctx, "published-noscript-"+vp.name)
		})
	}
}

// TestPublishedEmbedWithIntegrity embeds the published folder with the
// snippet "tallyscope publish --base-url" prints with subresource
// integrity, served by a static server that sends CORS headers: with the
// manifest's integrity, Chromium runs embed.js and the frame takes the
// page's height; with a wrong one, Chromium refuses the script and the
// frame keeps its fixed 640 px.
func TestPublishedEmbedWithIntegrity(t *testing.T) {
	dir := published(t)
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err)
	var m web.Manifest
	require.NoError(t, json.Unmarshal(b, &m))
	integrity := ""
	for _, f := range m.Files {
		if f.Path == "embed.js" {
			integrity = f.Integrity
		}
	}
	require.NotEmpty(t, integrity, "the manifest names embed.js")
	files := http.FileServer(http.Dir(dir))
	for _, c := range []struct {
		name      string
		integrity string
		resized   bool
	}{
		{"the manifest's integrity", integrity, true},
		{"a wrong integrity", "sha256-" + strings.Repeat("A", 43) + "=", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := &guest{log: &requestLog{}}
			srv := httptest.NewServer(g.log.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Access-Control-Allow-Origin", "*")
				files.ServeHTTP(w, r)
			})))
			t.Cleanup(srv.Close)
			g.appURL = srv.URL
			g.serveArticleWith(t, app.EmbedSnippet(srv.URL+"/?lang=en", srv.URL+"/embed.js", c.integrity))
			ctx := g.guestTab(t, 1200, 100)
			_, ok := g.log.waitFor("/embed.js", 30*time.Second)
			require.True(t, ok, "the article asks for embed.js; requests: %s", g.log)
			v := waitHost(t, ctx, 30*time.Second, "a height report from the page", func(v hostView) bool { return len(v.Reports) > 0 })
			if c.resized {
				v = waitHost(t, ctx, 10*time.Second, "the frame resized to the reported height", func(v hostView) bool {
					return math.Abs(v.FrameH-v.Reports[len(v.Reports)-1].H) <= 2
				})
				t.Logf("frame %.0f px high, reported %.0f", v.FrameH, v.Reports[len(v.Reports)-1].H)
				assert.NotEqual(t, 640.0, v.FrameH, "the frame left its fixed height")
				return
			}
			time.Sleep(3 * time.Second)
			v = readHost(t, ctx)
			t.Logf("frame %.0f px high, reported %.0f", v.FrameH, v.Reports[len(v.Reports)-1].H)
			assert.Equal(t, 640.0, v.FrameH, "Chromium refused embed.js: the frame keeps its fixed height")
			assert.NotEqual(t, 640.0, v.Reports[len(v.Reports)-1].H, "the page reported a height of its own")
		})
	}
}
