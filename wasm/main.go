// Command wasm is Tallyscope's visualizer in the browser (GOOS=js
// GOARCH=wasm). It reads the page's address and runs internal/ui:
//
//   - data=PATH loads a same-origin results file, fetched relative to the
//     page with the browser's fetch (net/http would add about 1.5 MB of
//     TLS code to the download); without it the embedded Venezuela 2024 data
//     is shown. A file that cannot be fetched or read is reported on
//     screen and the default data stays.
//   - map=PATH, with data=, loads a mapping file (JSON) that names the
//     columns of a CSV in a shape Tallyscope does not recognise.
//   - geo=PATH, with data=, loads a boundaries file (GeoJSON or TopoJSON)
//     for the Map view; without it, the boundaries the mapping names
//     ("geometry": {"file": …}), fetched relative to the mapping. A file
//     that cannot be fetched or drawn is said on the Map view.
//   - without data=, the page's <meta name="tallyscope-data"> (and
//     tallyscope-map) name the files instead, and without a fragment,
//     <meta name="tallyscope-scenario"> the scenario: a page published
//     to a static host says them so (tallyscope publish).
//   - <meta name="tallyscope-sheets"> names the links to the default
//     data's scanned sheets, which the embedded data ships without: they
//     are fetched when a view first offers a sheet (the Units view, or
//     the Regions view below the country), not by every reader.
//   - lang=en|es picks the language; without it, the first English or
//     Spanish entry of navigator.languages, else English.
//   - the fragment (#view=units&s=s1.…) restores a shared state: the
//     view, and the scenario as the core's compact string, which
//     "tallyscope scenario --scenario" reads too. Fragments written before
//     (#mode=split&split=1…) still restore.
//
// Notes for the page and its browser tests (internal/e2e):
//
//   - window.tallyscope.state() returns the JSON described in
//     internal/ui/doc.go; "ready" turns true after the first frame is
//     drawn, and "controls" lists the current view's controls with
//     rectangles in CSS pixels from the canvas' top-left ("slider": true
//     for the draggable ones: "split", "swing-0", "swing-1", "turnout").
//   - Keyboard, from the freshly loaded default page at 1280×800 with the
//     canvas focused: Tab moves the focus through the controls in the
//     order of "controls"; the split slider is "split". Pressing Tab until
//     state().focus == "split" and then ArrowRight 5 times sets the split
//     to 5% (state().scenario.mode "split", split 0.05, and the fragment
//     "s=" and state().scenario.string). On a phone-sized page (under 720 CSS px
//     wide) the slider is on the Scenario tab: press "2" first.
//   - Drop: Ebitengine's DroppedFiles reads a real drag and drop; the
//     first file dropped is loaded. "Open file" creates a transient
//     <input type=file> (no fixed id): use the drop in tests.
package main

import (
	"fmt"
	"net/url"
	"path"

	"github.com/tallyscope/tallyscope/internal/ui"
)

func main() {
	cfg := ui.Config{}
	page, err := url.Parse(ui.PageURL())
	if err == nil {
		q := page.Query()
		cfg.Lang = q.Get("lang")
		cfg.Fragment = page.Fragment
		if cfg.Fragment == "" {
			if s := ui.PageMeta("tallyscope-scenario"); s != "" {
				cfg.Fragment = "s=" + s
			}
		}
		d, m, gf := q.Get("data"), q.Get("map"), q.Get("geo")
		if d == "" {
			d, m = ui.PageMeta("tallyscope-data"), ui.PageMeta("tallyscope-map")
		}
		if sh := ui.PageMeta("tallyscope-sheets"); sh != "" && d == "" {
			cfg.Sheets = func() ([]byte, error) { return fetch(page, sh) }
		}
		if d != "" {
			cfg.DataName = path.Base(d)
			cfg.Data, cfg.DataErr = fetch(page, d)
			if m != "" && cfg.DataErr == nil {
				cfg.MappingName = path.Base(m)
				cfg.Mapping, cfg.DataErr = fetch(page, m)
				if f := ui.MappingGeometry(cfg.Mapping); f != "" && gf == "" {
					if mu, err := page.Parse(m); err == nil {
						gf = mu.ResolveReference(&url.URL{Path: f}).String()
					}
				}
			}
			if gf != "" {
				cfg.GeoName = path.Base(gf)
				cfg.Geo, cfg.GeoErr = fetch(page, gf)
			}
		}
	}
	if cfg.Lang == "" {
		cfg.Lang = ui.BrowserLanguage()
	}
	if err := ui.Run(cfg); err != nil {
		fmt.Println("tallyscope:", err)
	}
}

// fetch gets a same-origin file named relative to the page.
func fetch(page *url.URL, ref string) ([]byte, error) {
	u, err := page.Parse(ref)
	if err != nil {
		return nil, err
	}
	if u.Scheme != page.Scheme || u.Host != page.Host {
		return nil, fmt.Errorf("data= must name a file on this site, not %s", u.Host)
	}
	return ui.Fetch(u.String())
}
