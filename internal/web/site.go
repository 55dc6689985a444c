package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/assets/sheets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/view"
	"github.com/tallyscope/tallyscope/sim/load"
)

// URL paths of the site's files.
const (
	WASMPath = "/tallyscope.wasm"
	ExecPath = "/wasm_exec.js"
	DataDir  = "/data/"
	// EmbedPath is the script for a page that embeds the app in an
	// iframe (assets.EmbedJS): it resizes the iframe to its content.
	EmbedPath = "/" + assets.EmbedJSName
	// PreviewPath is the social card's image (Options.Preview).
	PreviewPath = "/preview.png"
	// ManifestPath lists the bundle's files (see Manifest).
	ManifestPath = "/manifest.json"
)

// Options configure Build. The zero value builds ./wasm of the module
// that holds the working directory and serves the app's built-in data.
type Options struct {
	// Root is the module root; empty finds it from the working directory.
	Root string
	// BuildDir receives the .wasm and the cache of compressed files;
	// empty means build/web under Root (ignored by git).
	BuildDir string
	// Package is the app's main package; empty means DefaultPackage.
	Package string
	// WASM names an already built .wasm to serve instead of building one.
	WASM string
	// Default is the data the app shows when the page names none, and
	// DefaultName its file name; the page's summary is computed from it.
	// Nil means assets.Default, the data embedded in the app.
	Default     []byte
	DefaultName string
	// DefaultSheets is the file of links to Default's scanned sheets
	// (tallybin.MarshalSources), served under /data/ and named by the
	// page, for the app to fetch when a view first offers a sheet. With
	// Default nil it is the one of assets/sheets; nil otherwise means
	// none.
	DefaultSheets []byte
	// Data names a data file to serve from the same origin under /data/;
	// the page at / then points the app at it with data=.
	Data string
	// Map names a mapping file (JSON) for Data, served beside it; the
	// page points the app at it with map=.
	Map string
	// Scenario is a scenario string ("s1.…", as "tallyscope scenario"
	// prints it) the page opens with, for the data it shows.
	Scenario string
	// Preview is a PNG of the data (1200×630) for social cards, served
	// as preview.png and named by the page's og:image; nil leaves it
	// out. Package web draws nothing: the command draws it.
	Preview []byte
	// BaseURL is the absolute address (http or https) of the folder a
	// published bundle will be served from, such as
	// "https://news.example.org/graphics/venezuela/". With it the page
	// names its social card (og:image) and itself (og:url, canonical)
	// absolutely, as social networks require; empty leaves them relative.
	BaseURL string
	// Lang is the language when the URL has no lang= ("en", "es"); empty
	// follows the browser's Accept-Language.
	Lang string
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// dataset is a data file the page can describe.
type dataset struct {
	url string // "data/NAME" as written in data=, or "" for the default
	// mirror is the page's text in each language: the app's first view
	// written as HTML (view.Mirror), with the scenario of the fragment.
	mirror map[i18n.Lang]view.MirrorText
	info   DataInfo
}

// DataInfo describes a site's data in its manifest.
type DataInfo struct {
	// Path is the data file's path in the bundle, or "" for the data
	// embedded in the app.
	Path      string `json:"path,omitempty"`
	Name      string `json:"name"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	UnitLevel string `json:"unit_level"`
	// Units counts the reporting units the data stands for (25,073
	// tables for the default data); Rows the units as stored.
	Units int64 `json:"units"`
	Rows  int   `json:"rows"`
	// Scenario is the scenario the page opens with (the core's compact
	// string), or "" for the counted votes.
	Scenario string `json:"scenario,omitempty"`
}

// Site is a built Tallyscope web app, ready to serve. It is an
// http.Handler; see ServeHTTP.
type Site struct {
	page    *page
	assets  map[string]*asset
	def     *dataset
	data    *dataset
	lang    i18n.Lang
	hasLang bool
	log     io.Writer
	// mapURL is the mapping file's "data/NAME", or ""; scenario the
	// scenario string the page opens with, or "".
	mapURL   string
	scenario string
	// baseURL is Options.BaseURL, ending in "/", or "".
	baseURL string
	// sheetsPath is the path of the default data's sheet links, or "".
	sheetsPath string

	brotliDone chan struct{}
	brotliErr  error
	stop       context.CancelFunc

	mu       sync.Mutex
	rendered map[pageKey]*renderedPage
}

// Build makes a Site: it builds the app (unless Options.WASM names one),
// copies the matching wasm_exec.js, reads the page template and the data,
// and compresses every file with gzip. Brotli, which is slow at its best
// setting, runs in the background (see BrotliDone); until it is done
// browsers get gzip. Both are cached in BuildDir by content hash, so a
// second start with unchanged files does not compress again.
func Build(ctx context.Context, opts Options) (*Site, error) {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	root := opts.Root
	if root == "" {
		r, err := FindRoot("")
		if err != nil {
			return nil, err
		}
		root = r
	}
	buildDir := opts.BuildDir
	if buildDir == "" {
		buildDir = filepath.Join(root, "build", "web")
	}
	cacheDir := filepath.Join(buildDir, "cache")
	pg, err := parsePage(filepath.Join(root, PageFile))
	if err != nil {
		return nil, err
	}
	s := &Site{page: pg, assets: map[string]*asset{}, log: logw, brotliDone: make(chan struct{}), rendered: map[pageKey]*renderedPage{}}
	if s.baseURL, err = checkBaseURL(opts.BaseURL); err != nil {
		return nil, err
	}
	if opts.Lang != "" {
		l, ok := i18n.Parse(opts.Lang)
		if !ok {
			return nil, fmt.Errorf("%w: unsupported language %q (supported: en, es)", ErrOption, opts.Lang)
		}
		s.lang, s.hasLang = l, true
	}

	// The data first: a bad file is reported before the slow build.
	if err := s.readData(opts); err != nil {
		return nil, err
	}

	wasmFile := opts.WASM
	if wasmFile == "" {
		pkg := opts.Package
		if pkg == "" {
			pkg = DefaultPackage
		}
		wasmFile = filepath.Join(buildDir, "tallyscope.wasm")
		start := time.Now()
		fmt.Fprintf(logw, "building the app: GOOS=js GOARCH=wasm go build %s\n", pkg)
		if err := BuildWASM(ctx, root, pkg, wasmFile); err != nil {
			return nil, err
		}
		fmt.Fprintf(logw, "built %s in %.1f s\n", filepath.Base(wasmFile), time.Since(start).Seconds())
	}
	wasm, err := os.ReadFile(wasmFile)
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	execJS, _, err := WasmExecJS(ctx, root)
	if err != nil {
		return nil, err
	}
	s.add(newAsset(WASMPath, "application/wasm", wasm))
	s.add(newAsset(ExecPath, "text/javascript; charset=utf-8", execJS))
	s.add(newAsset(EmbedPath, "text/javascript; charset=utf-8", assets.EmbedJS))

	start := time.Now()
	fmt.Fprintf(logw, "compressing with gzip\n")
	for _, a := range s.compressible() {
		if err := a.compress(ctx, Gzip, cacheDir, logw); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(logw, "gzip ready in %.1f s\n", time.Since(start).Seconds())
	// Brotli outlives Build's context: it stops only with Close.
	bg, stop := context.WithCancel(context.Background())
	s.stop = stop
	go func() {
		defer close(s.brotliDone)
		start := time.Now()
		fmt.Fprintf(logw, "compressing with brotli (quality %d) in the background; gzip is served meanwhile\n", BrotliQuality)
		for _, a := range s.compressible() {
			if err := a.compress(bg, Brotli, cacheDir, logw); err != nil {
				s.brotliErr = err
				if bg.Err() == nil {
					fmt.Fprintf(logw, "brotli failed, serving gzip: %v\n", err)
				}
				return
			}
		}
		fmt.Fprintf(logw, "brotli ready in %.1f s\n", time.Since(start).Seconds())
	}()
	return s, nil
}

// checkBaseURL returns u with a final "/", or an error wrapping ErrOption
// when it is not an absolute http(s) address of a folder.
func checkBaseURL(u string) (string, error) {
	if u == "" {
		return "", nil
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.RawQuery != "" || p.Fragment != "" || p.User != nil {
		return "", fmt.Errorf("%w: the base URL must be an absolute http or https address of a folder, with no query or fragment, not %q", ErrOption, u)
	}
	if !strings.HasSuffix(p.Path, "/") {
		p.Path += "/"
	}
	return p.String(), nil
}

// readData reads the default data, the served data file and its mapping,
// and writes the page's text for them.
func (s *Site) readData(opts Options) error {
	def, defName, defSheets := opts.Default, opts.DefaultName, opts.DefaultSheets
	if def == nil {
		def, defName, defSheets = assets.Default, assets.DefaultName, sheets.Default
	}
	if defSheets != nil {
		s.sheetsPath = DataDir + assets.DefaultSheetsName
		s.add(newAsset(s.sheetsPath, "application/octet-stream", defSheets))
	}
	if defName == "" {
		defName = "default"
	}
	if opts.Map != "" && opts.Data == "" {
		return fmt.Errorf("%w: a mapping file (--map) describes a data file: pass --data too", ErrOption)
	}
	defScenario := opts.Scenario
	if opts.Data != "" {
		defScenario = ""
	}
	fmt.Fprintf(s.log, "reading the data and writing the page's text\n")
	ds, err := newDataset(def, defName, "", nil, "", defScenario)
	if err != nil {
		return err
	}
	s.def = ds
	if opts.Data != "" {
		b, err := os.ReadFile(opts.Data)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrOption, err)
		}
		name := filepath.Base(opts.Data)
		if DataDir+name == s.sheetsPath {
			return fmt.Errorf("%w: the data file's name %q is the one of the default data's sheet links; rename it", ErrOption, name)
		}
		var m []byte
		var mapName string
		if opts.Map != "" {
			if m, err = os.ReadFile(opts.Map); err != nil {
				return fmt.Errorf("%w: %v", ErrOption, err)
			}
			mapName = filepath.Base(opts.Map)
			if mapName == name {
				return fmt.Errorf("%w: the data file and the mapping file have the same name %q", ErrOption, name)
			}
		}
		ds, err := newDataset(b, name, path.Join(DataDir, name)[1:], m, mapName, opts.Scenario)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrOption, err)
		}
		s.data = ds
		s.add(newAsset(DataDir+name, dataContentType(name), b))
		if m != nil {
			s.mapURL = path.Join(DataDir, mapName)[1:]
			s.add(newAsset(DataDir+mapName, "application/json", m))
		}
	}
	s.scenario = ds.info.Scenario
	if opts.Preview != nil {
		s.add(newAsset(PreviewPath, "image/png", opts.Preview))
	}
	return nil
}

// Close stops the background compression and waits for it to end. The
// site still serves what it has.
func (s *Site) Close() error {
	s.stop()
	<-s.brotliDone
	return nil
}

// ErrOption means that an option names a file or value that cannot be used.
var ErrOption = errors.New("web: bad option")

// newDataset reads a data file (and its mapping, when m is not nil) and
// writes the page's text for it in every language, with the scenario
// string sc applied (none when empty). A scenario that the app refuses
// for this data is an error.
func newDataset(b []byte, name, url string, m []byte, mapName, sc string) (*dataset, error) {
	var mapping *load.Mapping
	if m != nil {
		mapping = app.ReadMapping(m, mapName)
		if mapping == nil {
			return nil, fmt.Errorf("%w: %s is not a mapping file", ErrOption, mapName)
		}
	}
	d, err := app.LoadWith(b, name, mapping)
	if err != nil {
		return nil, fmt.Errorf("web: %s: %w", name, err)
	}
	ds := &dataset{url: url, mirror: map[i18n.Lang]view.MirrorText{}}
	ds.info = DataInfo{Path: url, Name: name, Title: d.Tally.Title, Source: d.Tally.Source, UnitLevel: d.Tally.UnitLevel, Units: d.Units(), Rows: len(d.Tally.Units)}
	for _, l := range i18n.Langs {
		st := app.New(d, l, "")
		if sc != "" {
			st.RestoreFragment("s=" + sc)
			if st.Msg.Err {
				return nil, fmt.Errorf("%w: --scenario: %s", ErrOption, st.Msg.Text)
			}
		}
		st.Update(0)
		ds.mirror[l] = view.Mirror(st)
		ds.info.Scenario = st.ScenarioString()
	}
	return ds, nil
}

// dataContentType returns the Content-Type of a data file by extension.
func dataContentType(name string) string {
	switch filepath.Ext(name) {
	case ".json":
		return "application/json"
	case ".csv":
		return "text/csv; charset=utf-8"
	}
	if t := mime.TypeByExtension(filepath.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// BrotliDone is closed when every file also has its brotli form (or
// brotli failed, and gzip goes on being served).
func (s *Site) BrotliDone() <-chan struct{} { return s.brotliDone }

// WaitBrotli waits until brotli is done or ctx ends.
func (s *Site) WaitBrotli(ctx context.Context) error {
	select {
	case <-s.brotliDone:
		return s.brotliErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Site) add(a *asset) { s.assets[a.path] = a }

// FileSize is the size of one file of the site as raw bytes and in each
// compressed form (0 when that form is not ready yet).
type FileSize struct {
	Path   string `json:"path"`
	Raw    int    `json:"raw"`
	Gzip   int    `json:"gzip"`
	Brotli int    `json:"brotli"`
}

// Sizes returns the sizes of the app's files (the .wasm, wasm_exec.js,
// embed.js for an embedding page, and any data file), sorted by path, as
// the browser downloads them.
func (s *Site) Sizes() []FileSize {
	var out []FileSize
	for _, a := range s.sortedAssets() {
		out = append(out, a.sizes())
	}
	return out
}

// PageSize returns the sizes of the page at / in language l, rendered
// for the site's default data (or its served data file) and a browser
// that accepts brotli.
func (s *Site) PageSize(l i18n.Lang) (FileSize, error) {
	dataParam := ""
	if s.data != nil {
		dataParam = s.data.url
	}
	a, err := s.renderPage(pageKey{lang: l, data: dataParam, enc: Brotli})
	if err != nil {
		return FileSize{}, err
	}
	return a.sizes(), nil
}

// compressible returns the static files that are worth compressing (not
// the PNG, which is compressed already), in path order.
func (s *Site) compressible() []*asset {
	var out []*asset
	for _, a := range s.sortedAssets() {
		if compressedBeside(a.path) {
			out = append(out, a)
		}
	}
	return out
}

// sortedAssets returns the static files in path order.
func (s *Site) sortedAssets() []*asset {
	out := make([]*asset, 0, len(s.assets))
	for _, a := range s.assets {
		out = append(out, a)
	}
	sortAssets(out)
	return out
}
