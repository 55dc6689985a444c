package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func init() {
	register(&command{name: "backtest", summary: "hide counted units, project them, and measure how often the intervals cover the truth", run: runBacktest})
}

// baselineFlags read a baseline election for the projection.
type baselineFlags struct {
	file    string
	mapping string
}

func (b *baselineFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&b.file, "baseline", "", "a previous election's `FILE` (e.g. US 2020 for US 2024), joined to the units by key: each missing unit is predicted from its own past")
	fs.StringVar(&b.mapping, "baseline-map", "", "read `MAPPING.json` describing the baseline's columns")
}

// load reads the baseline, or returns nil when none was given.
func (b *baselineFlags) load(stderr io.Writer) (*sim.Tally, error) {
	if b.file == "" {
		if b.mapping != "" {
			return nil, usageError{"--baseline-map needs --baseline FILE"}
		}
		return nil, nil
	}
	d := dataFlags{mapping: b.mapping}
	t, _, err := d.load(b.file, stderr)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return t, nil
}

func runBacktest(args []string, stdout, stderr io.Writer) error {
	var data dataFlags
	var base baselineFlags
	fs := newFlagSet("backtest", "backtest --design random:0.3|regions:5|largest:0.3|smallest:0.3 [--reps N] [--runs N] [--seed S] [--baseline FILE] [--model calibrated|legacy|both] [--format text|json] FILE",
		"Hides counted units by a design, projects them with the uncertainty model, and repeats: it\n"+
			"reports how often the nominal 80%, 90% and 95% intervals of the national margin held the\n"+
			"truth, their mean width, the bias and RMSE of the median, the Brier score of the winner\n"+
			"probabilities and how often each outermost region's leader was called right. The hidden\n"+
			"units stay known by region and registered voters (and baseline), not by their votes.",
		[]string{
			"tallyscope backtest --design random:0.3,regions:5,largest:0.3 --reps 200 --baseline 2020_US_County_Level_Presidential_Results.csv 2024_US_County_Level_Presidential_Results.csv",
			"tallyscope backtest --design random:0.2 --reps 200 --model both RESULTADOS_2024_CSV_V1.csv",
		}, stderr)
	data.register(fs)
	base.register(fs)
	designs := fs.String("design", "random:0.3", "comma-separated `DESIGNS`: random:P, regions:K, largest:P, smallest:P")
	reps := fs.Int("reps", 100, fmt.Sprintf("`N` repetitions per design (at most %d)", scenario.MaxBacktestReps))
	runs := fs.Int("runs", 1000, fmt.Sprintf("`N` simulated elections per repetition (at most %d)", scenario.MaxRuns))
	seed := fs.Uint64("seed", 1, "random `SEED` (the same seed gives the same numbers everywhere)")
	model := fs.String("model", "calibrated", "`MODEL`: calibrated, legacy (the engine before calibration) or both")
	format := fs.String("format", "text", "output `FORMAT`: text or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
	}
	if *reps < 1 || *reps > scenario.MaxBacktestReps {
		return usageError{fmt.Sprintf("--reps %d: give a number from 1 to %d", *reps, scenario.MaxBacktestReps)}
	}
	if *runs < 1 || *runs > scenario.MaxRuns {
		return usageError{fmt.Sprintf("--runs %d: give a number from 1 to %d", *runs, scenario.MaxRuns)}
	}
	var models []string
	switch *model {
	case "calibrated":
		models = []string{scenario.ModelCalibrated}
	case "legacy":
		models = []string{scenario.ModelLegacy}
	case "both":
		models = []string{scenario.ModelLegacy, scenario.ModelCalibrated}
	default:
		return usageError{fmt.Sprintf("--model %q: use calibrated, legacy or both", *model)}
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("--format %q: use text or json", *format)}
	}
	var ds []scenario.Design
	for _, s := range strings.Split(*designs, ",") {
		d, err := scenario.ParseDesign(s)
		if err != nil {
			return usageError{err.Error()}
		}
		ds = append(ds, d)
	}
	t, _, err := data.load(file, stderr)
	if err != nil {
		return err
	}
	bt, err := base.load(stderr)
	if err != nil {
		return err
	}
	e, err := scenario.New(t)
	if err != nil {
		return err
	}
	out := backtestOut{Data: file, SHA256: t.Digest.String(), Engine: scenario.EngineVersion}
	if bt != nil {
		out.Baseline = base.file
	}
	for _, d := range ds {
		for _, m := range models {
			p := scenario.BacktestParams{Design: d, Reps: *reps, Runs: *runs, Seed: *seed, Model: m}
			if m != scenario.ModelLegacy {
				p.Baseline = bt
			}
			r, err := e.Backtest(p)
			if err != nil {
				return err
			}
			out.Results = append(out.Results, r)
		}
	}
	return emit(stdout, *format, out, func() { writeBacktestText(stdout, &out) })
}

type backtestOut struct {
	Data     string                     `json:"data"`
	SHA256   string                     `json:"sha256"`
	Engine   string                     `json:"engine"`
	Baseline string                     `json:"baseline,omitempty"`
	Results  []*scenario.BacktestResult `json:"results"`
}

func writeBacktestText(w io.Writer, out *backtestOut) {
	fmt.Fprintf(w, "Backtest of %s (sha256 %s)", out.Data, shortSHA(out.SHA256))
	if out.Baseline != "" {
		fmt.Fprintf(w, ", baseline %s", out.Baseline)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-14s %-10s %5s %6s %8s %7s %7s %7s %9s %8s %8s %7s %7s %9s\n",
		"design", "model", "reps", "runs", "hidden", "80%", "90%", "95%", "width90", "bias", "rmse", "w/rmse", "brier", "regions")
	for _, r := range out.Results {
		ratio := 0.0
		if r.RMSEPP > 0 {
			ratio = r.MeanWidthPP / r.RMSEPP
		}
		fmt.Fprintf(w, "%-14s %-10s %5d %6d %8.0f %6.1f%% %6.1f%% %6.1f%% %9.3f %+8.3f %8.3f %7.2f %7.4f %8.1f%%\n",
			r.Design, r.Model, r.Reps, r.Runs, r.HiddenUnits, 100*r.Coverage["80"], 100*r.Coverage["90"], 100*r.Coverage["95"],
			r.MeanWidthPP, r.BiasPP, r.RMSEPP, ratio, r.Brier, 100*r.RegionCalls)
	}
	fmt.Fprintln(w, "\nCoverage: the share of repetitions whose 80/90/95% interval of the national margin held the")
	fmt.Fprintln(w, "truth. width90, bias and rmse in points of the valid vote; regions: outermost regions with")
	fmt.Fprintln(w, "hidden units whose leader was called right.")
	for _, r := range out.Results {
		if r.Certain > 0 {
			fmt.Fprintf(w, "%s, %s: one candidate won every run in %d of %d repetitions; the truth was outside the 90%% interval in %d of them.\n", r.Design, r.Model, r.Certain, r.Reps, r.CertainWrong)
		}
	}
	for _, r := range out.Results {
		if sc := r.SpreadScale; sc[2] != 1 || sc[0] != 1 {
			fmt.Fprintf(w, "%s, %s: the calibration on counted units scaled the spread by %.2f to %.2f (median %.2f).\n", r.Design, r.Model, sc[0], sc[2], sc[1])
		}
	}
	seen := map[string]bool{}
	for _, r := range out.Results {
		if m := noteText(r.ModelNote); r.ModelNote.Code != "" && !seen[m] {
			seen[m] = true
			fmt.Fprintf(w, "Model (%s): %s.\n", r.Model, m)
		}
		for _, n := range r.Notes {
			if s := noteText(n); !seen[s] {
				seen[s] = true
				fmt.Fprintf(w, "  note: %s\n", s)
			}
		}
	}
}
