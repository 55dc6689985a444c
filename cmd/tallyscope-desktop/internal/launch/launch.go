// Package launch reads tallyscope-desktop's command line, and checks that
// there is a display, before Ebitengine starts.
//
// Ebitengine connects to the window system in a package initialiser, which
// panics without a display before main runs. This package's initialiser
// runs before it: the Go specification initialises packages one at a time,
// each time the first, by import path, whose imports are all initialised,
// and launch imports only a few packages of the standard library, while
// Ebitengine waits for many more. So --help, -h and a bad flag print help
// and exit, and a missing display is one sentence, never a stack trace.
// launch_test.go builds the program and runs it without a display, which
// checks that order.
package launch

import (
	"flag"
	"fmt"
	"io"
	"os"
	"testing"
)

// Options are the settings tallyscope-desktop was started with.
type Options struct {
	// Data is the results file to open ("" for the embedded data), Map
	// its mapping file.
	Data, Map string
	// Geo is a boundaries file (GeoJSON or TopoJSON) for the data's map
	// ("": the one the mapping names, or the default data's states).
	Geo string
	// Lang is "en", "es" or "" (from $LANG).
	Lang string
	// Width and Height are the window's size in screen points.
	Width, Height int
	// Fragment is a state printed by an earlier session.
	Fragment string
	// SaveDir is where "Save chart" writes.
	SaveDir string
}

// Synopsis is the command line's form.
const Synopsis = "tallyscope-desktop [--data FILE [--map MAPPING] [--geo BOUNDARIES]] [--lang en|es] [--size WxH] [--fragment STATE] [--save-dir DIR]"

// NoDisplay is what the program says, and all it says, when it has no
// display to open a window on.
const NoDisplay = "tallyscope-desktop: no display: set DISPLAY or run under xvfb-run (or open the visualizer in a browser with tallyscope serve)"

// Parse reads the command line args (without the program's name). When
// the program must stop, it writes why to stderr and returns stop and the
// exit code: 0 after --help or -h, 2 for a bad flag or argument, and 1
// when display is false (there is no display to open a window on).
func Parse(args []string, stderr io.Writer, display bool) (o Options, code int, stop bool) {
	fs := flag.NewFlagSet("tallyscope-desktop", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Data, "data", "", "results `FILE` to open (CSV or Tallyscope JSON); default: the embedded Venezuela 2024 data")
	fs.StringVar(&o.Map, "map", "", "mapping `FILE` (JSON) naming the columns of a CSV that Tallyscope does not recognise")
	fs.StringVar(&o.Geo, "geo", "", "boundaries `FILE` (GeoJSON or TopoJSON) for the Map view of --data; default: the file the mapping names")
	fs.StringVar(&o.Lang, "lang", "", "language: en or es (default: from $LANG, else en)")
	size := fs.String("size", "1280x800", "initial window size `WxH` in screen points (360x640 is a phone held upright)")
	fs.StringVar(&o.Fragment, "fragment", "", "a `STATE` printed by a previous session or copied with \"Copy link\" (the part after #)")
	fs.StringVar(&o.SaveDir, "save-dir", ".", "`DIR` where \"Save chart\" (Ctrl+S) writes the chart (PNG) and its numbers (CSV)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\n", Synopsis)
		fmt.Fprintf(stderr, "Opens Tallyscope's interactive visualizer in a window. Files can also be dropped on it.\n")
		fmt.Fprintf(stderr, "\"Save chart\" (Ctrl+S) saves the current view's chart as PNG and its numbers as CSV.\n\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExample:\n  tallyscope-desktop --data RESULTADOS_2024_CSV_V2.csv --lang es\n")
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return o, 0, true
		}
		return o, 2, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tallyscope-desktop: unexpected argument %q (use --data FILE)\n", fs.Arg(0))
		return o, 2, true
	}
	if _, err := fmt.Sscanf(*size, "%dx%d", &o.Width, &o.Height); err != nil || o.Width < 320 || o.Height < 320 {
		fmt.Fprintf(stderr, "tallyscope-desktop: --size %q: want WxH, each at least 320\n", *size)
		return o, 2, true
	}
	if fi, err := os.Stat(o.SaveDir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "tallyscope-desktop: --save-dir %q: not a directory\n", o.SaveDir)
		return o, 2, true
	}
	if !display {
		fmt.Fprintln(stderr, NoDisplay)
		return o, 1, true
	}
	return o, 0, false
}

// command holds the options that the initialiser read.
var command Options

func init() {
	if testing.Testing() {
		// A test binary's command line holds the test's flags.
		return
	}
	o, code, stop := Parse(os.Args[1:], os.Stderr, hasDisplay())
	if stop {
		os.Exit(code)
	}
	command = o
}

// Command returns the options the program was started with. In a test it
// returns the zero Options.
func Command() Options { return command }
