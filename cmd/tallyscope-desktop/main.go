// Command tallyscope-desktop opens Tallyscope's interactive visualizer in
// a window. Without --data it shows the embedded Venezuela 2024 data; any
// results file that Tallyscope reads can be given with --data or dropped on
// the window.
//
//	tallyscope-desktop [--data FILE [--map MAPPING]] [--lang en|es] [--size WxH] [--fragment STATE] [--save-dir DIR]
//
// "Save chart" (or Ctrl+S) writes the current view's chart as PNG and the
// numbers behind it as CSV into the current directory or --save-dir, in
// the language and with the scenario on screen: Overview saves the shares
// chart, Scenario the break-even, Regions the regions, Uncertainty the
// Monte Carlo and Tables (Units) the fingerprint.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/tallyscope/tallyscope/internal/ui"
	"github.com/tallyscope/tallyscope/internal/version"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("tallyscope-desktop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "results `FILE` to open (CSV or Tallyscope JSON); default: the embedded Venezuela 2024 data")
	mapping := fs.String("map", "", "mapping `FILE` (JSON) naming the columns of a CSV that Tallyscope does not recognise")
	lang := fs.String("lang", "", "language: en or es (default: from $LANG, else en)")
	size := fs.String("size", "1280x800", "initial window size `WxH` in screen points (360x640 is a phone held upright)")
	frag := fs.String("fragment", "", "a `STATE` printed by a previous session or copied with \"Copy link\" (the part after #)")
	saveDir := fs.String("save-dir", ".", "`DIR` where \"Save chart\" (Ctrl+S) writes the chart (PNG) and its numbers (CSV)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: tallyscope-desktop [--data FILE [--map MAPPING]] [--lang en|es] [--size WxH] [--fragment STATE] [--save-dir DIR]\n\n")
		fmt.Fprintf(stderr, "Opens Tallyscope's interactive visualizer in a window. Files can also be dropped on it.\n")
		fmt.Fprintf(stderr, "\"Save chart\" (Ctrl+S) saves the current view's chart as PNG and its numbers as CSV.\n\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExample:\n  tallyscope-desktop --data RESULTADOS_2024_CSV_V2.csv --lang es\n")
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tallyscope-desktop: unexpected argument %q (use --data FILE)\n", fs.Arg(0))
		return 2
	}
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w < 320 || h < 320 {
		fmt.Fprintf(stderr, "tallyscope-desktop: --size %q: want WxH, each at least 320\n", *size)
		return 2
	}
	ui.SetWindowSize(w, h)
	if fi, err := os.Stat(*saveDir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "tallyscope-desktop: --save-dir %q: not a directory\n", *saveDir)
		return 2
	}
	cfg := ui.Config{Lang: *lang, Fragment: *frag, Save: saver(*saveDir, version.String())}
	if cfg.Lang == "" {
		cfg.Lang = ui.BrowserLanguage()
	}
	if *data != "" {
		cfg.DataName = filepath.Base(*data)
		b, err := os.ReadFile(*data)
		if err != nil {
			// The window still opens, on the default data, with the
			// reason on screen; it is also printed here.
			fmt.Fprintf(stderr, "tallyscope-desktop: %v\n", err)
			cfg.DataErr = err
		}
		cfg.Data = b
	}
	if *mapping != "" {
		b, err := os.ReadFile(*mapping)
		if err != nil {
			fmt.Fprintf(stderr, "tallyscope-desktop: %v\n", err)
			return 1
		}
		cfg.Mapping, cfg.MappingName = b, filepath.Base(*mapping)
	}
	if err := ui.Run(cfg); err != nil {
		fmt.Fprintf(stderr, "tallyscope-desktop: %v\n", err)
		return 1
	}
	return 0
}
