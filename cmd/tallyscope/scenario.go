package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

func init() {
	register(&command{name: "scenario", summary: "what the missing units would have to contain: like their region, a split, the worst case, a claim; swing, turnout, Monte Carlo", run: runScenario})
	register(&command{name: "breakeven", summary: "the share of the remaining votes the runner-up needs to tie, and the swing that flips the winner", run: runBreakeven})
}

// runScenario is the scenario command.
func runScenario(args []string, stdout, stderr io.Writer) error {
	var f scenarioFlags
	fs := newFlagSet("scenario", "scenario [--missing like-region|split|worst-case|claim] [--claim CAND=VOTES,...] [--swing CAND:+PP,...] [--turnout +PP] [--montecarlo N --seed S] [data flags] [--format text|json] FILE",
		"Projects the result once the units that are expected but not in the data are filled in by a\n"+
			"stated rule, after an optional swing or turnout change in the counted units. Every result\n"+
			"names the rule and the estimate of the remaining votes it used, says in words what was\n"+
			"estimated, and flags what is impossible (negative votes, shares above 100%, turnout above\n"+
			"100%). The scenario is printed as a compact string that reproduces the result exactly.",
		[]string{
			"tallyscope scenario --missing worst-case --registered-total 21392464 RESULTADOS_2024_CSV_V1.csv",
			"tallyscope scenario --missing like-region --level state RESULTADOS_2024_CSV_V1.csv",
			"tallyscope scenario --missing claim --claim 2nd RESULTADOS_2024_CSV_V2.csv",
			"tallyscope scenario --missing claim --claim NM=6408844,EG=5326104,others=600936 RESULTADOS_2024_CSV_V2.csv",
			"tallyscope scenario --missing split --split Maduro=60 RESULTADOS_2024_CSV_V1.csv",
			"tallyscope scenario --swing NM:+5 --turnout +3 RESULTADOS_2024_CSV_V1.csv",
			"tallyscope scenario --missing like-region --montecarlo 2000 --seed 7 RESULTADOS_2024_CSV_V1.csv",
		}, stderr)
	f.register(fs, true)
	var x scenarioExtras
	x.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := x.check(); err != nil {
		return err
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
	}
	t, sc, name, err := f.build(file, stderr)
	if err != nil {
		return err
	}
	if err := x.apply(&sc); err != nil {
		return err
	}
	if err := sc.Validate(); err != nil {
		return usageError{err.Error()}
	}
	e, err := scenario.New(t)
	if err != nil {
		return err
	}
	o, err := e.Run(sc)
	if err != nil {
		return err
	}
	out := scenarioOut{Data: name, SHA256: t.Digest.String(), Engine: scenario.EngineVersion, Scenario: sc, String: sc.String(), Outcome: o}
	if err := x.report(e, sc, &out, stderr); err != nil {
		return err
	}
	if sc.Level != "" {
		if err := out.addRegions(e, sc.Level); err != nil {
			return err
		}
	}
	return emit(stdout, f.format, out, func() { writeScenarioText(stdout, t, &out) })
}

// scenarioExtras are the scenario command's flags beyond scenarioFlags:
// the Monte Carlo projection and the reports that can be added.
type scenarioExtras struct {
	runs     *int
	base     baselineFlags
	model    *string
	seed     *uint64
	sigma    *float64
	validate *int
	quick    *bool
	seats    *bool
	byParty  *bool
}

func (x *scenarioExtras) register(fs *flag.FlagSet) {
	x.runs = fs.Int("montecarlo", 0, fmt.Sprintf("simulate the missing units `N` times (the calibrated model; probabilities and intervals need at least %d)", scenario.MinRuns))
	x.base.register(fs)
	x.model = fs.String("model", "calibrated", "Monte Carlo `MODEL`: calibrated, or legacy (the engine before calibration, for comparison)")
	x.seed = fs.Uint64("seed", 1, "random `SEED` for --montecarlo and --validate (the same seed gives the same numbers everywhere)")
	x.sigma = fs.Float64("sigma", 0, "sensitivity setting: an extra regional shock of `SD` on the two-party margin (calibrated model), or the regional shock on the log of each share (legacy, default 0.10)")
	x.validate = fs.Int("validate", 0, "hide 20% of the counted units `REPS` times, predict them and report how often the 90% intervals cover the truth")
	x.quick = fs.Bool("quick-count", false, "also print the sampling error of the counted units taken as a quick-count sample (stratified by --level)")
	x.seats = fs.Bool("seats", false, "also count seats: each counted unit is a constituency won by its leader (first past the post), before and after the swing and turnout change")
	x.byParty = fs.Bool("by-party", false, "with --seats, count seats per party instead of per candidate")
}

// check refuses numbers of runs and repetitions out of range.
func (x *scenarioExtras) check() error {
	if *x.runs < 0 || *x.runs > scenario.MaxRuns {
		return usageError{fmt.Sprintf("--montecarlo %d: give a number of runs from 1 to %d", *x.runs, scenario.MaxRuns)}
	}
	if *x.validate < 0 || *x.validate > scenario.MaxBacktestReps {
		return usageError{fmt.Sprintf("--validate %d: give a number of repetitions from 1 to %d", *x.validate, scenario.MaxBacktestReps)}
	}
	return nil
}

// apply sets sc's Monte Carlo parameters from the flags.
func (x *scenarioExtras) apply(sc *scenario.Scenario) error {
	if *x.runs > 0 {
		sc.MonteCarlo.Runs, sc.MonteCarlo.Seed = *x.runs, *x.seed
	}
	if *x.sigma != 0 {
		sc.MonteCarlo.RegionSigma = *x.sigma
	}
	switch *x.model {
	case "calibrated":
	case "legacy":
		sc.MonteCarlo.Model = scenario.ModelLegacy
	default:
		return usageError{fmt.Sprintf("--model %q: use calibrated or legacy", *x.model)}
	}
	return nil
}

// report adds to out the reports the flags ask for: the Monte Carlo
// projection (with a baseline), the validation, the quick count and the
// seats.
func (x *scenarioExtras) report(e *scenario.Engine, sc scenario.Scenario, out *scenarioOut, stderr io.Writer) error {
	bt, err := x.base.load(stderr)
	if err != nil {
		return err
	}
	if bt != nil && sc.MonteCarlo.Runs == 0 {
		return usageError{"--baseline is used by the Monte Carlo projection: add --montecarlo N"}
	}
	if sc.MonteCarlo.Runs > 0 {
		m, err := e.NewProjection(sc, scenario.Inputs{Baseline: bt})
		if err != nil {
			return err
		}
		m.Step(sc.MonteCarlo.Runs)
		mc := m.Result()
		out.MonteCarlo = &mc
		if bt != nil {
			out.Baseline = x.base.file
		}
	}
	if *x.validate > 0 {
		vsc := sc
		if vsc.MonteCarlo.Runs == 0 {
			vsc.MonteCarlo.Runs, vsc.MonteCarlo.Seed = 200, *x.seed
		}
		v, err := e.Validate(vsc, scenario.ValidationParams{Reps: *x.validate, Level: sc.Level})
		if err != nil {
			return err
		}
		out.Validation = v
	}
	if *x.quick {
		q, err := e.QuickCount(sc.Level, sc.UnitsTotal)
		if err != nil {
			return err
		}
		out.QuickCount = q
	}
	if *x.seats {
		st, err := e.Seats(sc, *x.byParty)
		if err != nil {
			return err
		}
		out.Seats = st
	}
	return nil
}

// addRegions adds the outcome's row of every region at level.
func (out *scenarioOut) addRegions(e *scenario.Engine, level string) error {
	t, o := e.Tally(), out.Outcome
	l, err := t.LevelIndex(level)
	if err != nil {
		return usageError{err.Error()}
	}
	if l < 0 || l >= len(t.Levels) {
		return nil
	}
	agg := e.Aggregation()
	var tot []int64
	for _, r := range agg.Level(l) {
		tot = o.RegionTotal(r, tot)
		var imp int64
		for _, v := range o.RegionImputed(r) {
			imp += v
		}
		a, b := topTwo(tot)
		row := regionScenarioRow{Name: t.Regions[r].Name, Key: t.Regions[r].Key, Total: append([]int64(nil), tot...), Imputed: imp}
		if a >= 0 {
			row.Leader = t.Candidates[a].ID
		}
		if b >= 0 {
			row.Margin = tot[a] - tot[b]
		}
		out.Regions = append(out.Regions, row)
	}
	out.Level = t.Levels[l]
	return nil
}

// regionScenarioRow is one region's projected outcome.
type regionScenarioRow struct {
	Key     string  `json:"key"`
	Name    string  `json:"name"`
	Total   []int64 `json:"total"`
	Imputed int64   `json:"imputed"`
	Leader  string  `json:"leader"`
	Margin  int64   `json:"margin"`
}

// scenarioOut is what the scenario command prints.
type scenarioOut struct {
	Data       string                     `json:"data"`
	SHA256     string                     `json:"sha256"`
	Engine     string                     `json:"engine"`
	Scenario   scenario.Scenario          `json:"scenario"`
	String     string                     `json:"scenario_string"`
	Outcome    *scenario.Outcome          `json:"outcome"`
	Level      string                     `json:"level,omitempty"`
	Regions    []regionScenarioRow        `json:"regions,omitempty"`
	MonteCarlo *scenario.MonteCarloResult `json:"montecarlo,omitempty"`
	Baseline   string                     `json:"baseline,omitempty"`
	Validation *scenario.Validation       `json:"validation,omitempty"`
	QuickCount *scenario.QuickCount       `json:"quick_count,omitempty"`
	Seats      *scenario.Seats            `json:"seats,omitempty"`
}

// emit writes v as indented JSON, or calls text, by --format.
func emit(stdout io.Writer, format string, v any, text func()) error {
	switch format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "text":
		text()
		return nil
	}
	return usageError{fmt.Sprintf("--format must be text or json, not %q", format)}
}
