package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/version"
	"github.com/tallyscope/tallyscope/internal/web"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func init() {
	register(&command{
		name:    "publish",
		summary: "write the visualizer as a folder for any static web host",
		run: func(args []string, stdout, stderr io.Writer) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runPublish(ctx, args, stdout, stderr)
		},
	})
}

const publishDescription = `Publish builds the visualizer for the browser, as serve does, and writes it into
a folder that any static web host or CDN can serve as it is, with no server of
Tallyscope's: index.html (the data's text summary, shares and region table are in
the page itself, so it reads without scripts), tallyscope.wasm with its brotli and
gzip forms beside it (.br, .gz: hosts such as nginx's gzip_static or a CDN send
them), wasm_exec.js, embed.js for articles that embed the page, the data file,
preview.png (1200×630, the page's og:image) and manifest.json, which names every
file with its size and sha256 (and a subresource-integrity value) and describes
the data. Brotli at its best setting takes about a minute for the app; it is
cached, so a second publish of the same build is quick.`

// previewSize is the social card's size: 1200×630 pixels, the size
// og:image cards are drawn at.
const previewSize = "1200x630"

// runPublish parses the flags, builds the site and writes its bundle.
func runPublish(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("publish", "publish --out DIR [--data FILE [--map MAPPING.json]] [--scenario S] [--lang en|es]", publishDescription, []string{
		"tallyscope publish --out site",
		"tallyscope publish --out site --lang es --data RESULTADOS_2024_CSV_V2.csv",
		"python3 -m http.server -d site 8000   # then open http://localhost:8000/",
	}, stderr)
	out := fs.String("out", "", "write the bundle into `DIR` (made if missing; files of the same names are replaced)")
	data := fs.String("data", "", "results `file` to publish instead of the built-in data")
	mapping := fs.String("map", "", "`MAPPING.json` describing the columns of --data (see README)")
	sc := fs.String("scenario", "", "open the page at the scenario `STRING` printed by tallyscope scenario")
	lang := fs.String("lang", "en", "`language` of the page, en or es (the app follows ?lang= too)")
	baseURL := fs.String("base-url", "", "the absolute `URL` of the folder the bundle will be served from (https://…/), so that social cards (og:image) and the canonical address are absolute")
	wasm := fs.String("wasm", "", "publish this already built `app.wasm` instead of building ./wasm")
	buildDir := fs.String("build-dir", "", "`folder` for the built app and the compression cache (default: build/web in the repository)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("publish takes no arguments (got %q); use --data FILE to publish a file", fs.Arg(0))}
	}
	if *out == "" {
		return usageError{"publish needs --out DIR, the folder to write"}
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return usageError{fmt.Sprintf("--lang must be en or es, not %q", *lang)}
	}
	start := time.Now()
	preview, err := drawPreview(*data, *mapping, *sc, l, stderr)
	if err != nil {
		return err
	}
	site, err := web.Build(ctx, web.Options{
		WASM: *wasm, BuildDir: *buildDir, Data: *data, Map: *mapping, Scenario: *sc,
		Lang: l.Code(), Preview: preview, Log: stderr, BaseURL: *baseURL,
	})
	if err != nil {
		if errors.Is(err, web.ErrOption) {
			return usageError{err.Error()}
		}
		return err
	}
	defer site.Close()
	if err := site.WaitBrotli(ctx); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	fmt.Fprintf(stderr, "writing %s\n", *out)
	m, err := site.Publish(*out, l)
	if err != nil {
		return err
	}
	var total int
	for _, f := range m.Files {
		total += f.Size
	}
	fmt.Fprintf(stdout, "published %s: %d files and manifest.json (%.1f MB) in %.0f s; serve the folder as it is, e.g. python3 -m http.server -d %s\n",
		*out, len(m.Files), float64(total)/1e6, time.Since(start).Seconds(), *out)
	if *baseURL == "" {
		fmt.Fprintln(stderr, "note: without --base-url the social card (og:image) is a relative address, which social networks do not follow, and there is no Embed snippet for articles")
		return nil
	}
	plain, sri, err := site.EmbedCode(m)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nTo embed it in an article, paste:\n\n%s\n\nOr, if the host sends CORS headers for embed.js (Access-Control-Allow-Origin, as GitHub Pages does; python3 -m http.server does not), the same with subresource integrity, so that the article runs embed.js only if its bytes are these:\n\n%s\n", plain, sri)
	return nil
}

// drawPreview draws the page's social card (for publish and serve): the shares chart of the data
// (the built-in data when file is empty) under the scenario sc, 1200×630.
func drawPreview(file, mapping, sc string, l i18n.Lang, stderr io.Writer) ([]byte, error) {
	var t *sim.Tally
	if file == "" {
		var err error
		if t, _, err = readDefault(); err != nil {
			return nil, fmt.Errorf("publish: the built-in data: %w", err)
		}
	} else {
		d := dataFlags{mapping: mapping}
		var err error
		if t, _, err = d.load(file, stderr); err != nil {
			return nil, usageError{fmt.Sprintf("--data %s: %v", filepath.Base(file), err)}
		}
	}
	var s scenario.Scenario
	if sc != "" {
		var err error
		if s, err = scenario.Decode(sc); err != nil {
			return nil, usageError{fmt.Sprintf("--scenario: %v", err)}
		}
	}
	fmt.Fprintf(stderr, "drawing preview.png (%s)\n", previewSize)
	size, err := chart.ParseSize(previewSize)
	if err != nil {
		return nil, err
	}
	p, _, err := chart.Render(chart.KindShares, t, s, chart.Options{Lang: l})
	if err != nil {
		return nil, fmt.Errorf("publish: preview: %w", err)
	}
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, chart.PNG, size, chart.FooterFor(t, s, l, version.String())); err != nil {
		return nil, fmt.Errorf("publish: preview: %w", err)
	}
	return buf.Bytes(), nil
}
