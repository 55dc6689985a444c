package web

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/version"
)

// Manifest describes a bundle: every file with its size and hashes, and
// the data the page opens with. It is written as manifest.json beside
// the files, and served at ManifestPath.
type Manifest struct {
	Generator string `json:"generator"`
	// Lang is the language of index.html.
	Lang string   `json:"lang"`
	Data DataInfo `json:"data"`
	// Files lists the bundle's files in path order, manifest.json
	// excepted. Precompressed forms (NAME.br, NAME.gz) are files too.
	Files []ManifestFile `json:"files"`
}

// ManifestFile is one file of a bundle.
type ManifestFile struct {
	// Path is relative to the bundle's folder, with slashes.
	Path string `json:"path"`
	Size int    `json:"size"`
	// SHA256 is the hex digest; Integrity the same digest as a
	// subresource integrity value ("sha256-BASE64") for a <script> or
	// <link> that loads the file.
	SHA256    string `json:"sha256"`
	Integrity string `json:"integrity"`
}

// bundleFile is a file of the bundle in memory.
type bundleFile struct {
	path string
	body []byte
}

// compressedBeside lists the files that get .br and .gz forms beside
// them: all but the PNG, which is compressed already.
func compressedBeside(path string) bool { return !strings.HasSuffix(path, ".png") }

// bundle returns the bundle's files for a page in language l: the page
// (index.html, for the data the site opens with), the app, its glue,
// embed.js, the data, the preview image, and the .br and .gz forms of
// each but the image. Brotli must be done (see WaitBrotli).
func (s *Site) bundle(l i18n.Lang) ([]bundleFile, error) {
	select {
	case <-s.brotliDone:
		if s.brotliErr != nil {
			return nil, fmt.Errorf("web: brotli: %w", s.brotliErr)
		}
	default:
		return nil, fmt.Errorf("web: the bundle needs brotli, which is still running")
	}
	ds := s.opening()
	page, err := s.renderPage(pageKey{lang: l, data: ds.url, enc: Brotli})
	if err != nil {
		return nil, err
	}
	assets := append([]*asset{&page.asset}, s.sortedAssets()...)
	var out []bundleFile
	for _, a := range assets {
		p := strings.TrimPrefix(a.path, "/")
		if p == "" {
			p = "index.html"
		}
		out = append(out, bundleFile{p, a.raw})
		if !compressedBeside(p) {
			continue
		}
		for _, e := range []Encoding{Brotli, Gzip} {
			b := a.body(e)
			if b == nil {
				return nil, fmt.Errorf("web: %s has no %s form", p, e)
			}
			out = append(out, bundleFile{p + e.ext(), b})
		}
	}
	return out, nil
}

// Manifest returns the manifest of the bundle for language l.
func (s *Site) Manifest(l i18n.Lang) (*Manifest, error) {
	files, err := s.bundle(l)
	if err != nil {
		return nil, err
	}
	return s.manifest(l, files), nil
}

func (s *Site) manifest(l i18n.Lang, files []bundleFile) *Manifest {
	m := &Manifest{Generator: "tallyscope " + version.String(), Lang: l.Code(), Data: s.opening().info}
	for _, f := range files {
		sum := sha256.Sum256(f.body)
		m.Files = append(m.Files, ManifestFile{
			Path: f.path, Size: len(f.body),
			SHA256:    fmt.Sprintf("%x", sum),
			Integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum[:]),
		})
	}
	return m
}

// Publish writes the bundle for language l into the folder dir (made if
// missing): files that any static web host can serve, with no server of
// ours. A file already there with the same name is replaced; nothing
// else in dir is touched. It returns the manifest it wrote.
func (s *Site) Publish(dir string, l i18n.Lang) (*Manifest, error) {
	files, err := s.bundle(l)
	if err != nil {
		return nil, err
	}
	m := s.manifest(l, files)
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("web: manifest: %w", err)
	}
	files = append(files, bundleFile{strings.TrimPrefix(ManifestPath, "/"), append(mj, '\n')})
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("web: publish: %w", err)
		}
		if err := os.WriteFile(p, f.body, 0o644); err != nil {
			return nil, fmt.Errorf("web: publish: %w", err)
		}
		fmt.Fprintf(s.log, "  wrote %s (%s bytes)\n", f.path, i18n.EN.Int(int64(len(f.body))))
	}
	return m, nil
}

// EmbedCode returns the Embed snippet for the bundle of manifest m when it
// is served from the folder at Options.BaseURL: the responsive iframe for
// the page in m's language, with embed.js loaded from that folder, and the
// same with the script's subresource integrity from m. The second form is
// for hosts that send CORS headers for embed.js (Access-Control-Allow-
// Origin): without them the browser refuses a script that carries an
// integrity value, and the iframe keeps its fixed height. Without a base
// address there is no snippet: an article on another site needs absolute
// addresses.
func (s *Site) EmbedCode(m *Manifest) (plain, withIntegrity string, err error) {
	if s.baseURL == "" {
		return "", "", fmt.Errorf("%w: the Embed snippet needs --base-url", ErrOption)
	}
	integrity := ""
	for _, f := range m.Files {
		if f.Path == EmbedPath[1:] {
			integrity = f.Integrity
		}
	}
	if integrity == "" {
		return "", "", fmt.Errorf("web: the manifest names no %s", EmbedPath[1:])
	}
	link := s.baseURL + "?lang=" + m.Lang
	script := s.baseURL + EmbedPath[1:]
	return app.EmbedSnippet(link, script, ""), app.EmbedSnippet(link, script, integrity), nil
}
