package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tallyscope/tallyscope/sim/load"
)

func init() {
	register(&command{name: "validate", summary: "check every row of a data file and report problems by line and column", run: runValidate})
}

func runValidate(args []string, stdout, stderr io.Writer) error {
	var d dataFlags
	fs := newFlagSet("validate", "validate [--map MAPPING.json] [--format text|json] FILE",
		"Reads every row of FILE and reports each problem with its file, line and column: counts that\n"+
			"are not whole numbers or are negative, votes above registered voters, candidate votes that do\n"+
			"not add up to the stated valid total, duplicate units, ragged rows, missing columns, wrong\n"+
			"encodings. It lists every problem (not only the first) and exits with status 1 if there is any.",
		[]string{
			"tallyscope validate ../shared/data/venezuela-2024/RESULTADOS_2024_CSV_V1.csv",
			"tallyscope validate --map my-country.json results.csv",
			"tallyscope validate --format json results.csv",
		}, stderr)
	d.register(fs)
	format := fs.String("format", "text", "output `FORMAT`: text or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("--format must be text or json, not %q", *format)}
	}
	d.lenient = true // list every bad row
	t, rep, err := d.load(file, stderr)
	var fatal *load.Problem
	if err != nil && !errors.As(err, &fatal) {
		return err
	}
	if *format == "json" {
		out := struct {
			OK      bool          `json:"ok"`
			Report  *load.Report  `json:"report"`
			Fatal   *load.Problem `json:"fatal,omitempty"`
			Message string        `json:"message,omitempty"`
		}{OK: err == nil && rep.OK(), Report: rep, Fatal: fatal}
		if fatal != nil {
			out.Message = fatal.Error()
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if e := enc.Encode(out); e != nil {
			return e
		}
		if !out.OK {
			return errExitQuiet
		}
		return nil
	}
	if rep != nil && rep.Format != "" {
		fmt.Fprintf(stdout, "%s: %s\n", rep.File, rep.Format)
		for _, g := range rep.Guesses {
			fmt.Fprintf(stdout, "  note: %s\n", g)
		}
	}
	if fatal != nil {
		fmt.Fprintf(stdout, "%v\n", fatal)
		fmt.Fprintln(stdout, "FAILED: the file cannot be read.")
		return errExitQuiet
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(stdout, "warning: %v\n", w)
	}
	for _, p := range rep.Skipped {
		fmt.Fprintf(stdout, "%v\n", p)
	}
	if !rep.OK() {
		own := 0
		for _, p := range rep.Skipped {
			if p.File == rep.File {
				own++
			}
		}
		joined := ""
		if n := len(rep.Skipped) - own; n > 0 {
			joined = fmt.Sprintf(", and %d rows of the joined file", n)
		}
		fmt.Fprintf(stdout, "FAILED: %d of %d rows have problems%s; %d units would load with --lenient.\n", own, rep.Rows, joined, len(t.Units))
		return errExitQuiet
	}
	fmt.Fprintf(stdout, "OK: %s rows, %s units, %d regions, %d candidates; no problems.\n", lang.Int(int64(rep.Rows)), lang.Int(int64(len(t.Units))), len(t.Regions), len(t.Candidates))
	return nil
}
