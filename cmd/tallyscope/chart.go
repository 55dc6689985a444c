package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/version"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func init() {
	register(&command{name: "chart", summary: "static charts (PNG, SVG, PDF) for print, social cards and article fallbacks", run: runChart})
}

// chartFlags are the flags chart and export share: the data and scenario
// flags of "tallyscope scenario" (without its --format), and the chart's
// own choices.
type chartFlags struct {
	sc         scenarioFlags
	lang       string
	compare    string
	digit      string
	maxRegions int
	runs       int
	seed       uint64
	sigma      float64
	source     string
	maps       mapFlags
}

func (c *chartFlags) register(fs *flag.FlagSet) {
	// Borrow every flag of the scenario command except its --format, so
	// that a chart takes exactly the scenario flags.
	tmp := flag.NewFlagSet("scenario", flag.ContinueOnError)
	c.sc.register(tmp, true)
	tmp.VisitAll(func(f *flag.Flag) {
		if f.Name != "format" {
			fs.Var(f.Value, f.Name, f.Usage)
		}
	})
	fs.StringVar(&c.lang, "lang", "en", "language of titles, labels and numbers: `en` or es")
	fs.StringVar(&c.compare, "compare", "", "the two candidates a margin compares, `A,B` (ids or parts of names; default: the counted leader and runner-up)")
	fs.StringVar(&c.digit, "digit", "last", "the digits chart's test: `last` digit (uniform) or second digit (Benford)")
	fs.IntVar(&c.maxRegions, "max-regions", 0, "the regions chart shows at most `N` regions, the largest by valid votes (default 30)")
	fs.IntVar(&c.runs, "montecarlo", 0, "Monte Carlo runs `N` (default 500)")
	fs.Uint64Var(&c.seed, "seed", 1, "random `SEED` of the Monte Carlo runs")
	fs.Float64Var(&c.sigma, "sigma", 0, "regional shock `SD` on the log of each share in the Monte Carlo runs (default 0.10)")
	c.maps.register(fs)
	fs.StringVar(&c.source, "source", "", "describe the data source in the footer as `TEXT` (default: what the loader knows)")
}

// build loads the tally and returns it with the scenario and options.
func (c *chartFlags) build(file string, stderr io.Writer) (*sim.Tally, scenario.Scenario, chart.Options, error) {
	l, ok := i18n.Parse(c.lang)
	if !ok {
		return nil, scenario.Scenario{}, chart.Options{}, usageError{fmt.Sprintf("--lang must be en or es, not %q", c.lang)}
	}
	opts := chart.Options{Lang: l, Level: c.sc.level, Digit: c.digit, MaxRegions: c.maxRegions}
	if c.digit != chart.DigitLast && c.digit != chart.DigitSecond {
		return nil, scenario.Scenario{}, opts, usageError{fmt.Sprintf("--digit must be last or second, not %q", c.digit)}
	}
	if c.compare != "" {
		a, b, ok := strings.Cut(c.compare, ",")
		if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
			return nil, scenario.Scenario{}, opts, usageError{fmt.Sprintf("--compare must be A,B, not %q", c.compare)}
		}
		opts.A, opts.B = strings.TrimSpace(a), strings.TrimSpace(b)
	}
	t, sc, _, err := c.sc.build(file, stderr)
	if err != nil {
		return nil, sc, opts, err
	}
	if c.runs < 0 {
		return nil, sc, opts, usageError{"--montecarlo must not be negative"}
	}
	if c.runs > 0 {
		sc.MonteCarlo.Runs = c.runs
	}
	if sc.MonteCarlo.Runs == 0 {
		// Name the runs in the scenario string of the footer, so that
		// the Monte Carlo chart can be reproduced from it.
		sc.MonteCarlo.Runs = chart.DefaultRuns
	}
	sc.MonteCarlo.Seed = c.seed
	if c.sigma != 0 {
		sc.MonteCarlo.RegionSigma = c.sigma
	}
	if err := sc.Validate(); err != nil {
		return nil, sc, opts, usageError{err.Error()}
	}
	if c.source != "" {
		t.Source = c.source
	}
	return t, sc, opts, nil
}

// kindAndFile splits the positional arguments KIND and FILE.
func kindAndFile(kind string, fs *flag.FlagSet) (string, string, error) {
	rest := fs.Args()
	if kind == "" && len(rest) > 0 {
		kind, rest = rest[0], rest[1:]
	}
	if f := fs.Lookup("default"); f != nil && f.Value.String() == "true" {
		if kind == "" || len(rest) != 0 {
			return "", "", usageError{fmt.Sprintf("%s --default needs a KIND and reads the embedded data; it takes no data FILE; see tallyscope %s --help", fs.Name(), fs.Name())}
		}
		return kind, assets.DefaultName, nil
	}
	if kind == "" || len(rest) != 1 {
		return "", "", usageError{fmt.Sprintf("%s needs a chart KIND and one data FILE; see tallyscope %s --help", fs.Name(), fs.Name())}
	}
	return kind, rest[0], nil
}

// leadingKind takes the chart kind when it comes before the flags.
func leadingKind(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

func kindList() string {
	var names []string
	for _, k := range append(slices.Clone(chart.Kinds), chart.MapKinds...) {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// parseKinds returns the kinds named by s: one kind, or every kind for
// "all".
func parseKinds(s string) ([]chart.Kind, error) {
	if strings.EqualFold(s, "all") {
		return chart.Kinds, nil
	}
	k, err := chart.ParseKind(s)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return []chart.Kind{k}, nil
}

func runChart(args []string, stdout, stderr io.Writer) error {
	var c chartFlags
	kind, args := leadingKind(args)
	fs := newFlagSet("chart", "chart KIND [data and scenario flags as in tallyscope scenario] [--lang en|es] [--size column|social|print|WxH] --out FILE.(png|svg|pdf) FILE",
		"Draws a static chart for print, a social card or an article's fallback image.\n"+
			"KIND is one of "+kindList()+",\n"+
			"or all (then --out must contain {kind}).\n"+
			"The footer names the data source, the data set's sha256, the scenario string and the\n"+
			"Tallyscope version, so every image can be cited and reproduced. The scenario flags drive\n"+
			"breakeven and montecarlo; with a missing-unit rule, a swing or a turnout change, shares adds\n"+
			"the projection and regions shows projected margins; swing, fingerprint and digits show the\n"+
			"counted data. fingerprint needs registered voters (for Venezuela's V2, add\n"+
			"--join-registered RESULTADOS_2024_CSV_V1.csv). swing counts units won, which stand in for\n"+
			"seats unless the units are constituencies. map and cartogram draw --geometry's boundaries\n"+
			"at --level (the unit level, such as county, draws units), coloured by --colour; they\n"+
			"print a join report: areas with data but no shape, and shapes with no data.",
		[]string{
			"tallyscope chart shares --size social --out shares.png RESULTADOS_2024_CSV_V2.csv",
			"tallyscope chart regions --lang es --out regiones.svg RESULTADOS_2024_CSV_V2.csv",
			"tallyscope chart breakeven --remaining full --registered-total 21392464 --out be.pdf RESULTADOS_2024_CSV_V1.csv",
			"tallyscope chart montecarlo --montecarlo 2000 --seed 7 --out mc.png RESULTADOS_2024_CSV_V2.csv",
			"tallyscope chart fingerprint --join-registered RESULTADOS_2024_CSV_V1.csv --out fp.png RESULTADOS_2024_CSV_V2.csv",
			"tallyscope chart map --geometry geoBoundaries-VEN-ADM1_simplified.geojson --out map.svg RESULTADOS_2024_CSV_V2.csv",
			"tallyscope chart cartogram --geometry counties-albers-10m.json --object counties --level county --out counties.png 2024_US_County_Level_Presidential_Results.csv",
			"tallyscope chart all --size print --out 'charts/{kind}.pdf' --join-registered V1.csv V2.csv",
		}, stderr)
	c.register(fs)
	size := fs.String("size", "column", "page `SIZE`: column (1440×960 px), social (1200×675 px), print (7×4.5 in at 300 dpi) or WIDTHxHEIGHT in pixels")
	out := fs.String("out", "", "write the chart to `FILE`; its extension (.png, .svg, .pdf) sets the format")
	numbers := fs.String("numbers", "", "also write the numbers behind the chart to `FILE` (.csv or .json)")
	force := fs.Bool("force", false, "replace the --out and --numbers files if they exist (a symbolic link is never written through)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	kind, file, err := kindAndFile(kind, fs)
	if err != nil {
		return err
	}
	kinds, err := parseKinds(kind)
	if err != nil {
		return err
	}
	if *out == "" {
		return usageError{"chart needs --out FILE.png, FILE.svg or FILE.pdf"}
	}
	if len(kinds) > 1 && !strings.Contains(*out, "{kind}") {
		return usageError{"chart all needs an --out name with {kind} in it, such as charts/{kind}.png"}
	}
	format, err := chart.ParseFormat(*out)
	if err != nil {
		return usageError{err.Error()}
	}
	sz, err := chart.ParseSize(*size)
	if err != nil {
		return usageError{err.Error()}
	}
	var numFormat string
	if *numbers != "" {
		if numFormat, err = exportFormat(*numbers); err != nil {
			return err
		}
		if len(kinds) > 1 && !strings.Contains(*numbers, "{kind}") {
			return usageError{"chart all needs a --numbers name with {kind} in it"}
		}
	}
	// Refuse before the work a file that would not be replaced.
	for _, k := range kinds {
		if _, err := checkTarget(strings.ReplaceAll(*out, "{kind}", string(k)), *force); err != nil {
			return err
		}
		if *numbers != "" {
			if _, err := checkTarget(strings.ReplaceAll(*numbers, "{kind}", string(k)), *force); err != nil {
				return err
			}
		}
	}
	t, sc, opts, err := c.build(file, stderr)
	if err != nil {
		return err
	}
	if err := c.maps.options(kinds, t, &opts, stderr); err != nil {
		return err
	}
	foot := chart.FooterFor(t, sc, opts.Lang, version.String())
	failed := 0
	for _, k := range kinds {
		p, tab, err := chart.Render(k, t, sc, opts)
		if err != nil {
			if len(kinds) > 1 && errors.Is(err, chart.ErrNoData) {
				fmt.Fprintf(stderr, "%s: skipped: %v\n", k, err)
				failed++
				continue
			}
			return err
		}
		var buf bytes.Buffer
		if err := chart.Write(&buf, p, format, sz, foot); err != nil {
			return err
		}
		name := strings.ReplaceAll(*out, "{kind}", string(k))
		if err := writeBytes(name, *force, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: wrote %s\n", k, name)
		if *numbers != "" {
			nn := strings.ReplaceAll(*numbers, "{kind}", string(k))
			if err := writeChartTable(nn, *force, numFormat, tab); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: wrote %s\n", k, nn)
		}
	}
	if failed == len(kinds) {
		return errExitQuiet
	}
	return nil
}
