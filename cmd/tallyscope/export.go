package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/version"
)

func init() {
	register(&command{name: "export", summary: "the numbers behind any chart, per region and per candidate, as CSV or JSON", run: runExport})
}

func runExport(args []string, stdout, stderr io.Writer) error {
	var c chartFlags
	kind, args := leadingKind(args)
	fs := newFlagSet("export", "export KIND [data and scenario flags as in tallyscope scenario] [--format csv|json] [--out FILE] FILE",
		"Writes the numbers behind a chart, so that a reader can check every bar: KIND is one of\n"+
			kindList()+".\n"+
			"shares lists every candidate's counted votes and share beside each claim; regions lists every\n"+
			"region of the level (--level) with its units, valid votes, votes per candidate and margin.\n"+
			"Votes are exact integers; shares are fractions of the valid vote; margins are in points. In\n"+
			"CSV, lines starting with # are single facts (a break-even, a seed); read the rest with any\n"+
			"CSV reader (pandas: comment=\"#\").",
		[]string{
			"tallyscope export regions --format csv RESULTADOS_2024_CSV_V2.csv > states.csv",
			"tallyscope export regions --level municipality --format json RESULTADOS_2024_CSV_V2.csv",
			"tallyscope export shares --format csv RESULTADOS_2024_CSV_V2.csv",
			"tallyscope export breakeven --remaining full --registered-total 21392464 RESULTADOS_2024_CSV_V1.csv",
		}, stderr)
	c.register(fs)
	format := fs.String("format", "csv", "output `FORMAT`: csv or json")
	out := fs.String("out", "", "write to `FILE` instead of standard output")
	force := fs.Bool("force", false, "replace the --out file if it exists (a symbolic link is never written through)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	kind, file, err := kindAndFile(kind, fs)
	if err != nil {
		return err
	}
	k, err := chart.ParseKind(kind)
	if err != nil {
		return usageError{err.Error()}
	}
	f := strings.ToLower(*format)
	if f != "csv" && f != "json" {
		return usageError{fmt.Sprintf("--format must be csv or json, not %q", *format)}
	}
	t, sc, opts, err := c.build(file, stderr)
	if err != nil {
		return err
	}
	_, tab, err := chart.Render(k, t, sc, opts)
	if err != nil {
		return err
	}
	tab.Facts = append([]chart.Fact{
		{Name: "data_sha256", Value: t.Digest.String()},
		{Name: "scenario", Value: sc.String()},
		{Name: "tallyscope", Value: version.String()},
	}, tab.Facts...)
	if *out != "" {
		return writeChartTable(*out, *force, f, tab)
	}
	return encodeTable(stdout, f, tab)
}

// exportFormat returns the table format named by a file's extension.
func exportFormat(name string) (string, error) {
	switch {
	case strings.HasSuffix(strings.ToLower(name), ".csv"):
		return "csv", nil
	case strings.HasSuffix(strings.ToLower(name), ".json"):
		return "json", nil
	}
	return "", usageError{fmt.Sprintf("%s: the numbers are written as .csv or .json", name)}
}

func encodeTable(w io.Writer, format string, tab *chart.Table) error {
	if format == "json" {
		return tab.WriteJSON(w)
	}
	return tab.WriteCSV(w)
}

// writeChartTable writes tab to the file name as writeFile does.
func writeChartTable(name string, force bool, format string, tab *chart.Table) error {
	return writeFile(name, force, func(w io.Writer) error { return encodeTable(w, format, tab) })
}
