package main

import (
	"fmt"
	"io"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func init() {
	register(&command{name: "convert", summary: "write a tally as Tallyscope JSON, optionally summed to one level", run: runConvert})
}

func runConvert(args []string, stdout, stderr io.Writer) error {
	var d dataFlags
	fs := newFlagSet("convert", "convert [data flags] [--level NAME] [--out FILE.json] FILE",
		"Reads FILE in any format Tallyscope loads and writes it in Tallyscope's JSON interchange format.\n"+
			"With --level, the units inside each region of that level are summed (keeping apart those with\n"+
			"and without registered voters), which makes a small file to embed or share.",
		[]string{
			"tallyscope convert --map my-country.json --out tally.json results.csv",
			"tallyscope convert --level state --join-registered RESULTADOS_2024_CSV_V1.csv --out venezuela-2024-states.json RESULTADOS_2024_CSV_V2.csv",
		}, stderr)
	d.register(fs)
	level := fs.String("level", "", "sum units into the regions of level `NAME`")
	out := fs.String("out", "-", "write to `FILE` (- is standard output)")
	force := fs.Bool("force", false, "replace the --out file if it exists (a symbolic link is never written through)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
	}
	if *out != "-" {
		// Refuse before the work a file that would not be replaced.
		if _, err := checkTarget(*out, *force); err != nil {
			return err
		}
	}
	t, _, err := d.load(file, stderr)
	if err != nil {
		return err
	}
	if *level != "" {
		l, err := t.LevelIndex(*level)
		if err != nil {
			return usageError{err.Error()}
		}
		if t, err = sim.Collapse(t, l); err != nil {
			return err
		}
	}
	if *out != "-" {
		return writeFile(*out, *force, func(w io.Writer) error { return load.WriteJSON(w, t) })
	}
	if err := load.WriteJSON(stdout, t); err != nil {
		return fmt.Errorf("writing the output: %w", err)
	}
	return nil
}
