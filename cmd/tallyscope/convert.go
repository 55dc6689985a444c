package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

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
			"tallyscope convert --level state --join-registered RESULTADOS_2024_CSV_V1.csv --out assets/venezuela-2024-states.json RESULTADOS_2024_CSV_V2.csv",
		}, stderr)
	d.register(fs)
	level := fs.String("level", "", "sum units into the regions of level `NAME`")
	out := fs.String("out", "-", "write to `FILE` (- is standard output)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
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
	var w io.Writer = stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		w = bw
	}
	if err := load.WriteJSON(w, t); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return nil
}
