package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/assets/sheets"
	"github.com/tallyscope/tallyscope/internal/web"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// fakeWASM stands for a built app: the server never looks inside it.
var fakeWASM = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("tallyscope "), 5000)...)

// testSite builds a site from the real page template, a fake .wasm and
// the fixture data, and waits for brotli.
func testSite(t *testing.T, opts web.Options) *web.Site {
	t.Helper()
	root, err := web.FindRoot("")
	require.NoError(t, err)
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWASM, 0o644))
	opts.Root, opts.BuildDir, opts.WASM = root, dir, wasm
	if opts.Default == nil {
		opts.Default, opts.DefaultName = fixtureJSON(t), "fixture.json"
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := web.Build(ctx, opts)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	require.NoError(t, s.WaitBrotli(ctx))
	return s
}

func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func decode(t *testing.T, res *http.Response) []byte {
	t.Helper()
	var r io.Reader = res.Body
	switch res.Header.Get("Content-Encoding") {
	case "gzip":
		zr, err := gzip.NewReader(res.Body)
		require.NoError(t, err)
		r = zr
	case "br":
		r = brotli.NewReader(res.Body)
	case "":
	default:
		t.Fatalf("unexpected Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	return b
}

func TestServeEncodings(t *testing.T) {
	s := testSite(t, web.Options{})
	tests := []struct {
		accept string
		want   string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip, deflate", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"x-gzip", "gzip"},
		{"*", "br"},
		{"*, br;q=0", "gzip"},
		{"*;q=0", ""},
		{"", ""},
		{"deflate", ""},
		{"BR;Q=0.5", "br"},
	}
	for _, tc := range tests {
		t.Run(tc.accept, func(t *testing.T) {
			res := get(t, s, http.MethodGet, web.WASMPath, map[string]string{"Accept-Encoding": tc.accept})
			require.Equal(t, http.StatusOK, res.StatusCode, tc.accept)
			assert.Equal(t, tc.want, res.Header.Get("Content-Encoding"), tc.accept)
			assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
			assert.Contains(t, res.Header.Values("Vary"), "Accept-Encoding")
			assert.Equal(t, fakeWASM, decode(t, res), "body for %q", tc.accept)
		})
	}
}

func TestServeHeaders(t *testing.T) {
	s := testSite(t, web.Options{})
	res := get(t, s, http.MethodGet, web.ExecPath, map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "text/javascript; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	etag := res.Header.Get("ETag")
	require.NotEmpty(t, etag)
	assert.Contains(t, string(decode(t, res)), "Go")

	// Revalidation with the ETag of the same coding.
	res = get(t, s, http.MethodGet, web.ExecPath, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag})
	assert.Equal(t, http.StatusNotModified, res.StatusCode)
	// Another coding has another ETag.
	res = get(t, s, http.MethodGet, web.ExecPath, map[string]string{"Accept-Encoding": "br", "If-None-Match": etag})
	assert.Equal(t, http.StatusOK, res.StatusCode)

	// HEAD has the headers and no body.
	res = get(t, s, http.MethodHead, web.WASMPath, map[string]string{"Accept-Encoding": "gzip"})
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.NotEmpty(t, res.Header.Get("Content-Length"))
	b, _ := io.ReadAll(res.Body)
	assert.Empty(t, b)

	assert.Equal(t, http.StatusMethodNotAllowed, get(t, s, http.MethodPost, "/", nil).StatusCode)
	assert.Equal(t, http.StatusNotFound, get(t, s, http.MethodGet, "/nothing.js", nil).StatusCode)
	assert.Equal(t, http.StatusNotFound, get(t, s, http.MethodGet, "/data/../go.mod", nil).StatusCode)
}

var (
	wasmURL   = regexp.MustCompile(`data-wasm="(tallyscope\.wasm\?v=[0-9a-f]+)"`)
	scriptTag = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
)

func TestServePage(t *testing.T) {
	s := testSite(t, web.Options{})
	res := get(t, s, http.MethodGet, "/", map[string]string{"Accept-Encoding": "br", "Accept-Language": "fr-FR, en;q=0.8"})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
	assert.ElementsMatch(t, []string{"Accept-Language", "Accept-Encoding"}, res.Header.Values("Vary"))
	page := string(decode(t, res))
	for _, want := range []string{`<html lang="en">`, "Fixture election", "Ana Á", "60.00%", "Beto B", "30.00%", "Tables: 75.00% (3 of 4)", `aria-live="polite"`, `<table class="shares"`, `<table class="regions"`, `<progress id="progress"`} {
		assert.Contains(t, page, want)
	}

	// The versioned URL of the .wasm may be cached for good.
	m := wasmURL.FindStringSubmatch(page)
	require.NotNil(t, m, "page names the .wasm")
	res = get(t, s, http.MethodGet, "/"+m[1], nil)
	assert.Equal(t, "public, max-age=31536000, immutable", res.Header.Get("Cache-Control"))
	assert.Equal(t, fakeWASM, decode(t, res))
	res = get(t, s, http.MethodGet, web.WASMPath+"?v=old", nil)
	assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))

	// The policy allows exactly the page's own inline script.
	res = get(t, s, http.MethodGet, "/", nil)
	csp := res.Header.Get("Content-Security-Policy")
	sm := scriptTag.FindStringSubmatch(page)
	require.NotNil(t, sm)
	sum := sha256.Sum256([]byte(sm[1]))
	assert.Contains(t, csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	assert.Contains(t, csp, "default-src 'none'")
	assert.Contains(t, csp, "connect-src 'self'")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.NotContains(t, csp, "http")
}

// TestServePageTransferSize checks that the page announces the size of
// the .wasm in the coding this browser will get it in.
func TestServePageTransferSize(t *testing.T) {
	s := testSite(t, web.Options{})
	var wasm web.FileSize
	for _, f := range s.Sizes() {
		if f.Path == web.WASMPath {
			wasm = f
		}
	}
	tests := []struct {
		accept string
		want   int
	}{
		{"gzip, deflate, br", wasm.Brotli},
		{"gzip", wasm.Gzip},
		{"", wasm.Raw},
	}
	for _, tc := range tests {
		res := get(t, s, http.MethodGet, "/", map[string]string{"Accept-Encoding": tc.accept})
		page := string(decode(t, res))
		assert.Contains(t, page, fmt.Sprintf(`data-wasm-size="%d" data-wasm-transfer="%d"`, wasm.Raw, tc.want), "Accept-Encoding %q", tc.accept)
	}
}

func TestServePageLanguage(t *testing.T) {
	s := testSite(t, web.Options{})
	tests := []struct {
		target, acceptLang, want string
	}{
		{"/?lang=es", "en", "Mesas: 75,00\u00a0% (3 de 4)"},
		{"/", "es-VE,es;q=0.9", "Mesas: 75,00"},
		{"/?lang=en", "es", "Tables: 75.00% (3 of 4)"},
		{"/?lang=xx", "es", "Tables: 75.00% (3 of 4)"},
	}
	for _, tc := range tests {
		t.Run(tc.target+" "+tc.acceptLang, func(t *testing.T) {
			res := get(t, s, http.MethodGet, tc.target, map[string]string{"Accept-Language": tc.acceptLang})
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Contains(t, string(decode(t, res)), tc.want)
		})
	}
}

func TestServeDataFile(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "mine.json")
	tl := fixtureTally()
	tl.Title = "My own data"
	var buf bytes.Buffer
	require.NoError(t, writeJSON(&buf, tl))
	require.NoError(t, os.WriteFile(data, buf.Bytes(), 0o644))
	s := testSite(t, web.Options{Data: data, Lang: "es"})

	// The page is pointed at the data and the language.
	res := get(t, s, http.MethodGet, "/?x=1", nil)
	require.Equal(t, http.StatusFound, res.StatusCode)
	loc := res.Header.Get("Location")
	assert.Contains(t, loc, "data=data%2Fmine.json")
	assert.Contains(t, loc, "lang=es")
	assert.Contains(t, loc, "x=1")

	res = get(t, s, http.MethodGet, loc, nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	page := string(decode(t, res))
	assert.Contains(t, page, "My own data")
	assert.Contains(t, page, `<html lang="es">`)

	// Data the server does not know gets no made-up figures.
	res = get(t, s, http.MethodGet, "/?data=other.csv&lang=en", nil)
	page = string(decode(t, res))
	assert.Contains(t, page, "Loading other.csv")
	assert.NotContains(t, page, "Coverage")

	res = get(t, s, http.MethodGet, "/data/mine.json", map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "application/json", res.Header.Get("Content-Type"))
	assert.Equal(t, buf.Bytes(), decode(t, res))
}

func TestBuildBadOptions(t *testing.T) {
	root, err := web.FindRoot("")
	require.NoError(t, err)
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWASM, 0o644))
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("a,b\n1,2\n"), 0o644))
	tests := []struct {
		name string
		opts web.Options
	}{
		{"missing data file", web.Options{Data: filepath.Join(dir, "nope.csv")}},
		{"unreadable data", web.Options{Data: bad}},
		{"unknown language", web.Options{Lang: "klingon"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Root, tc.opts.BuildDir, tc.opts.WASM = root, dir, wasm
			_, err := web.Build(context.Background(), tc.opts)
			assert.ErrorIs(t, err, web.ErrOption, tc.name)
		})
	}
}

// TestBuildChecksDataFirst gives a bad data file and a package that does
// not build: the data's error comes first, before any slow build.
func TestBuildChecksDataFirst(t *testing.T) {
	root, err := web.FindRoot("")
	require.NoError(t, err)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("a,b\n1,2\n"), 0o644))
	_, err = web.Build(context.Background(), web.Options{Root: root, BuildDir: dir, Package: "./no/such/package", Data: bad})
	assert.ErrorIs(t, err, web.ErrOption)
	assert.NotErrorIs(t, err, web.ErrGo)

	// With good options, the same package fails in the build.
	_, err = web.Build(context.Background(), web.Options{Root: root, BuildDir: dir, Package: "./no/such/package"})
	assert.ErrorIs(t, err, web.ErrGo)
}

func TestFindRoot(t *testing.T) {
	root, err := web.FindRoot("")
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(root, "go.mod"))
	assert.FileExists(t, filepath.Join(root, web.PageFile))

	_, err = web.FindRoot(t.TempDir())
	assert.ErrorIs(t, err, web.ErrNoModule)

	// A go.mod of another module does not count.
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n"), 0o644))
	_, err = web.FindRoot(other)
	assert.ErrorIs(t, err, web.ErrNoModule)
}

func TestCompressionCache(t *testing.T) {
	root, err := web.FindRoot("")
	require.NoError(t, err)
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWASM, 0o644))
	build := func() *web.Site {
		s, err := web.Build(context.Background(), web.Options{Root: root, BuildDir: dir, WASM: wasm})
		require.NoError(t, err)
		require.NoError(t, s.WaitBrotli(context.Background()))
		return s
	}
	first := build().Sizes()
	cached, err := filepath.Glob(filepath.Join(dir, "cache", "*"))
	require.NoError(t, err)
	assert.Len(t, cached, 2*len(first), "a gzip and a brotli file per asset")
	second := build().Sizes()
	assert.Equal(t, first, second)
	for _, f := range first {
		assert.Positive(t, f.Gzip, f.Path)
		assert.Positive(t, f.Brotli, f.Path)
		assert.Less(t, f.Brotli, f.Raw, f.Path)
	}
}

// TestCloseStopsBrotli closes a site while brotli runs on a large file:
// Close returns, and no partial brotli file is left in the cache.
func TestCloseStopsBrotli(t *testing.T) {
	root, err := web.FindRoot("")
	require.NoError(t, err)
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	big := make([]byte, 16<<20)
	for i := range big {
		big[i] = byte(i * 7919 % 251)
	}
	require.NoError(t, os.WriteFile(wasm, big, 0o644))
	s, err := web.Build(context.Background(), web.Options{Root: root, BuildDir: dir, WASM: wasm})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	select {
	case <-s.BrotliDone():
	default:
		t.Fatal("BrotliDone is not closed after Close")
	}
	if err := s.WaitBrotli(context.Background()); err != nil {
		assert.ErrorIs(t, err, context.Canceled)
		for _, f := range s.Sizes() {
			if f.Path == web.WASMPath {
				assert.Zero(t, f.Brotli, "no brotli form after a cancelled compression")
			}
		}
	}
	tmp, err := filepath.Glob(filepath.Join(dir, "cache", "*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, tmp)
}

func TestNoExternalURLInPage(t *testing.T) {
	root, err := web.FindRoot("")
	require.NoError(t, err)
	page := readFile(t, filepath.Join(root, web.PageFile))
	for _, bad := range []string{"http://", "https://", "//cdn", "@import", "src=\"//"} {
		assert.False(t, strings.Contains(string(page), bad), "index.html must not reference %q", bad)
	}
}

// TestServeSheetLinks checks that the default data's sheet links, which
// the app's embedded data ships without, are served apart and named by
// the page, for the app to fetch when a view first offers a sheet.
func TestServeSheetLinks(t *testing.T) {
	s := testSite(t, web.Options{Default: assets.Default, DefaultName: assets.DefaultName, DefaultSheets: sheets.Default})
	res := get(t, s, http.MethodGet, "/?lang=en", nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	page := string(decode(t, res))
	assert.Contains(t, page, `<meta name="tallyscope-sheets" content="data/`+assets.DefaultSheetsName+`">`)
	res = get(t, s, http.MethodGet, web.DataDir+assets.DefaultSheetsName, map[string]string{"Accept-Encoding": "gzip"})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, sheets.Default, decode(t, res))
	tl, err := tallybin.Decode(assets.Default)
	require.NoError(t, err)
	require.NoError(t, tallybin.AttachSources(tl, decode(t, get(t, s, http.MethodGet, web.DataDir+assets.DefaultSheetsName, nil))))
	assert.Equal(t, "https://static.resultadosconvzla.com/408106_205969_0184Acta0184.jpg", tl.Units[0].Source)
}
