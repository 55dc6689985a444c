package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/web"
)

func TestPublishUsage(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"publish"}, "publish needs --out DIR"},
		{[]string{"publish", "--out", t.TempDir(), "x.csv"}, "publish takes no arguments"},
		{[]string{"publish", "--out", t.TempDir(), "--lang", "fr"}, "--lang must be en or es"},
		{[]string{"publish", "--out", t.TempDir(), "--data", "/no/such/file.csv"}, "no such file"},
		{[]string{"publish", "--out", t.TempDir(), "--scenario", "s1.nonsense"}, "--scenario"},
		{[]string{"publish", "--out", t.TempDir(), "--wasm", "x.wasm", "--base-url", "ftp://example.org/x/"}, "the base URL must be an absolute http or https address"},
		{[]string{"publish", "--out", t.TempDir(), "--wasm", "x.wasm", "--base-url", "graphics/ve/"}, "the base URL must be an absolute http or https address"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, errOut, code := runCLI(t, tc.args...)
			assert.Equal(t, 2, code, errOut)
			assert.Contains(t, errOut, tc.wantErr)
		})
	}
}

// TestPublishWritesBundle publishes a mapped CSV in Spanish with a stand-in
// .wasm: every file the manifest names is in the folder with its size and
// hashes, the page names its data in a <meta> (a static host cannot
// redirect to ?data=) and carries the data's figures in its text.
func TestPublishWritesBundle(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(fake, []byte("\x00asm\x01\x00\x00\x00"+strings.Repeat("tallyscope ", 100)), 0o644))
	data, m := filepath.Join(dir, "votes.csv"), filepath.Join(dir, "votes-map.json")
	require.NoError(t, os.WriteFile(data, []byte("district;station;electors;valid;a;b\nNorth;1;100;60;\"40\";20\nSouth;1;100;50;10;40\n"), 0o644))
	require.NoError(t, os.WriteFile(m, []byte(`{"title":"Two stations","levels":["district"],"unit":"station","registered":"electors","valid":"valid","candidates":[{"column":"a","name":"Ana"},"b"],"expected":{"units":4}}`), 0o644))
	out := filepath.Join(dir, "site")
	stdout, errOut, code := runCLI(t, "publish", "--out", out, "--wasm", fake, "--build-dir", filepath.Join(dir, "build"), "--data", data, "--map", m, "--lang", "es")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, stdout, "published "+out)
	assert.Contains(t, errOut, "compressing with brotli", "progress is printed")

	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	require.NoError(t, err)
	var man web.Manifest
	require.NoError(t, json.Unmarshal(b, &man))
	assert.Equal(t, "es", man.Lang)
	assert.Equal(t, "Two stations", man.Data.Title)
	assert.Equal(t, "data/votes.csv", man.Data.Path)
	assert.Equal(t, int64(2), man.Data.Units)
	paths := map[string]bool{}
	for _, f := range man.Files {
		paths[f.Path] = true
		body, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
		require.NoError(t, err, f.Path)
		sum := sha256.Sum256(body)
		assert.Equal(t, len(body), f.Size, f.Path)
		assert.Equal(t, fmt.Sprintf("%x", sum), f.SHA256, f.Path)
		assert.Equal(t, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]), f.Integrity, f.Path)
	}
	for _, p := range []string{"index.html", "index.html.br", "index.html.gz", "tallyscope.wasm", "tallyscope.wasm.br", "tallyscope.wasm.gz", "wasm_exec.js", "embed.js", "preview.png", "data/votes.csv", "data/votes-map.json"} {
		assert.True(t, paths[p], "the manifest names %s", p)
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	require.NoError(t, err)
	for _, want := range []string{`<html lang="es">`, `<meta name="tallyscope-data" content="data/votes.csv">`, `<meta name="tallyscope-map" content="data/votes-map.json">`, "b lidera con 54,55", `<meta http-equiv="Content-Security-Policy"`, `og:image`} {
		assert.Contains(t, string(page), want)
	}
	assert.Contains(t, errOut, "without --base-url the social card (og:image) is a relative address")
	assert.NotContains(t, string(page), `rel="canonical"`)

	// With the address it will be served from, the social card and the
	// page's own address are absolute, as social networks need.
	out2 := filepath.Join(dir, "site2")
	stdout, errOut, code = runCLI(t, "publish", "--out", out2, "--wasm", fake, "--build-dir", filepath.Join(dir, "build"), "--data", data, "--map", m, "--base-url", "https://news.example.org/graphics/ve")
	require.Equal(t, 0, code, errOut)
	page, err = os.ReadFile(filepath.Join(out2, "index.html"))
	require.NoError(t, err)
	assert.Regexp(t, `<meta property="og:image" content="https://news.example.org/graphics/ve/preview.png\?v=[0-9a-f]+">`, string(page))
	assert.Contains(t, string(page), `<link rel="canonical" href="https://news.example.org/graphics/ve/">`)
	assert.Contains(t, string(page), `<meta property="og:url" content="https://news.example.org/graphics/ve/">`)
	assert.NotContains(t, errOut, "without --base-url")

	// It prints the Embed snippet, plain and with the integrity of the
	// embed.js it wrote.
	b, err = os.ReadFile(filepath.Join(out2, "manifest.json"))
	require.NoError(t, err)
	man = web.Manifest{}
	require.NoError(t, json.Unmarshal(b, &man))
	integrity := ""
	for _, f := range man.Files {
		if f.Path == "embed.js" {
			integrity = f.Integrity
		}
	}
	require.NotEmpty(t, integrity)
	assert.Contains(t, stdout, `<iframe src="https://news.example.org/graphics/ve/?lang=en"`)
	assert.Contains(t, stdout, `<script async src="https://news.example.org/graphics/ve/embed.js"></script>`)
	assert.Contains(t, stdout, `<script async src="https://news.example.org/graphics/ve/embed.js" integrity="`+integrity+`" crossorigin="anonymous"></script>`)
}
