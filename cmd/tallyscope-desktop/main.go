// Command tallyscope-desktop opens Tallyscope's interactive visualizer in
// a window. Without --data it shows the embedded Venezuela 2024 data; any
// results file that Tallyscope reads can be given with --data or dropped on
// the window.
//
//	tallyscope-desktop [--data FILE [--map MAPPING] [--geo BOUNDARIES]] [--lang en|es] [--size WxH] [--fragment STATE] [--save-dir DIR]
//
// "Save chart" (or Ctrl+S) writes the current view's chart as PNG and the
// numbers behind it as CSV into the current directory or --save-dir, in
// the language and with the scenario on screen: Overview saves the shares
// chart, Scenario the break-even, Regions the regions, Uncertainty the
// Monte Carlo and Tables (Units) the fingerprint.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tallyscope/tallyscope/assets/sheets"
	"github.com/tallyscope/tallyscope/cmd/tallyscope-desktop/internal/launch"
	"github.com/tallyscope/tallyscope/internal/ui"
	"github.com/tallyscope/tallyscope/internal/version"
)

// main runs the visualizer with the options that package launch read, and
// checked, before Ebitengine started.
func main() {
	os.Exit(run(launch.Command(), os.Stderr))
}

// run opens the window with o and returns the exit code.
func run(o launch.Options, stderr io.Writer) int {
	ui.SetWindowSize(o.Width, o.Height)
	cfg := ui.Config{Lang: o.Lang, Fragment: o.Fragment, Save: saver(o.SaveDir, version.String()), Sheets: sheets.Get}
	if cfg.Lang == "" {
		cfg.Lang = ui.BrowserLanguage()
	}
	if o.Data != "" {
		cfg.DataName = filepath.Base(o.Data)
		b, err := os.ReadFile(o.Data)
		if err != nil {
			// The window still opens, on the default data, with the
			// reason on screen; it is also printed here.
			fmt.Fprintf(stderr, "tallyscope-desktop: %v\n", err)
			cfg.DataErr = err
		}
		cfg.Data = b
	}
	if o.Map != "" {
		b, err := os.ReadFile(o.Map)
		if err != nil {
			fmt.Fprintf(stderr, "tallyscope-desktop: %v\n", err)
			return 1
		}
		cfg.Mapping, cfg.MappingName = b, filepath.Base(o.Map)
		if f := ui.MappingGeometry(b); f != "" && o.Geo == "" && !filepath.IsAbs(f) {
			// The boundaries a mapping names lie beside it.
			o.Geo = filepath.Join(filepath.Dir(o.Map), f)
		} else if f != "" && o.Geo == "" {
			o.Geo = f
		}
	}
	if o.Geo != "" {
		// A file that cannot be read is said on the Map view.
		cfg.GeoName = filepath.Base(o.Geo)
		cfg.Geo, cfg.GeoErr = os.ReadFile(o.Geo)
	}
	if err := ui.Run(cfg); err != nil {
		fmt.Fprintf(stderr, "tallyscope-desktop: %v\n", err)
		return 1
	}
	return 0
}
