package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func init() {
	register(&command{name: "scenario", summary: "what the missing units would have to contain: like their region, a split, the worst case, a claim; swing, turnout, Monte Carlo", run: runScenario})
	register(&command{name: "breakeven", summary: "the share of the remaining votes the runner-up needs to tie, and the swing that flips the winner", run: runBreakeven})
}

// scenarioFlags are the flags shared by scenario and breakeven.
type scenarioFlags struct {
	data       dataFlags
	from       string
	missing    string
	remaining  string
	validTotal int64
	claim      string
	split      string
	swing      string
	turnout    string
	region     string
	level      string
	minUnits   int
	reported   string
	fromClaim  string
	format     string
}

func (f *scenarioFlags) register(fs *flag.FlagSet, withMissing bool) {
	f.data.register(fs)
	fs.StringVar(&f.from, "scenario", "", "start from the compact scenario `STRING` printed by an earlier run (other flags change it)")
	if withMissing {
		fs.StringVar(&f.missing, "missing", "", "how the missing units vote, `RULE`: like-region, split, worst-case or claim (default: leave them out)")
		fs.StringVar(&f.split, "split", "", "for --missing split: `CAND=PCT[,CAND=W,...]` gives PCT% of the remaining votes to CAND and splits the rest like the counted votes, or by the weights given")
		fs.IntVar(&f.minUnits, "min-units", 0, "a region lends its shares and turnout to its missing units only with at least `M` counted units (default 5)")
	}
	fs.StringVar(&f.remaining, "remaining", "", "estimate the remaining votes, `HOW`: official (total minus counted), turnout (counted turnout × missing registered voters), full (100% turnout) or units (counted votes per unit × missing units)")
	fs.Int64Var(&f.validTotal, "valid-total", 0, "official valid-vote total `N` (e.g. the CNE's 12335884); the remaining votes are N minus the counted ones")
	fs.StringVar(&f.claim, "claim", "", "claimed totals `CAND=VOTES,...` (ids or parts of names, plus others=N, valid=N, reported=80%), or part of the label of a claim in the data (\"2nd\")")
	fs.StringVar(&f.swing, "swing", "", "move points of the valid vote in every counted unit: `CAND:+PP[:FROM],...` (FROM: the candidate who gives them, default all others; a trailing p, as in NM:+3p, makes it proportional)")
	fs.StringVar(&f.turnout, "turnout", "", "change turnout in every counted unit: `+PP` points of the registered voters, or xF to multiply the votes (never above the registered voters)")
	fs.StringVar(&f.region, "region", "", "restrict --swing and --turnout to one region: `LEVEL=NAME` (e.g. state=zulia)")
	fs.StringVar(&f.level, "level", "", "report per region at level `NAME` (e.g. state); missing units known only nationally are spread over this level")
	fs.StringVar(&f.reported, "reported", "", "fraction of units counted, `F` (0.8 or 80%): the remaining votes are the counted ones scaled up to 100%")
	fs.StringVar(&f.fromClaim, "from-claim", "", "analyse a claim itself as the counted data: part of its `LABEL` (\"1st\") or CAND=VOTES,...,reported=80%")
	fs.StringVar(&f.format, "format", "text", "output `FORMAT`: text or json")
}

// parse parses args into fs, which holds f's flags, and builds the
// scenario for its one data file.
func (f *scenarioFlags) parse(fs *flag.FlagSet, args []string, stderr io.Writer) (*sim.Tally, scenario.Scenario, string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, scenario.Scenario{}, "", err
	}
	file, err := oneFile(fs)
	if err != nil {
		return nil, scenario.Scenario{}, "", err
	}
	return f.build(file, stderr)
}

// build loads the data and turns the flags into a scenario.
func (f *scenarioFlags) build(file string, stderr io.Writer) (*sim.Tally, scenario.Scenario, string, error) {
	t, rep, err := f.data.load(file, stderr)
	if err != nil {
		return nil, scenario.Scenario{}, "", err
	}
	for _, p := range rep.Skipped {
		fmt.Fprintf(stderr, "skipped: %v\n", p)
	}
	var sc scenario.Scenario
	if f.from != "" {
		if sc, err = scenario.Decode(f.from); err != nil {
			return nil, sc, "", usageError{err.Error()}
		}
		if sc.Data != "" && sc.Data != t.Digest.String() {
			fmt.Fprintf(stderr, "warning: the scenario was made for data with sha256 %s, not %s\n", sc.Data, t.Digest.String())
		}
	}
	if f.missing != "" {
		sc.Missing = scenario.Missing(f.missing)
	}
	if f.remaining != "" {
		sc.Remaining = scenario.Remaining(f.remaining)
	}
	if f.validTotal != 0 {
		sc.ValidTotal = f.validTotal
	}
	if f.minUnits != 0 {
		sc.MinUnits = f.minUnits
	}
	if f.level != "" {
		sc.Level = f.level
	}
	if f.data.registeredTotal > 0 {
		sc.RegisteredTotal = f.data.registeredTotal
	}
	if f.data.unitsTotal > 0 {
		sc.UnitsTotal = f.data.unitsTotal
	}
	if f.reported != "" {
		r, err := parseFraction(f.reported)
		if err != nil {
			return nil, sc, "", usageError{"--reported: " + err.Error()}
		}
		sc.Reported = r
	}
	if f.claim != "" {
		c, err := parseClaim(t, f.claim)
		if err != nil {
			return nil, sc, "", usageError{"--claim: " + err.Error()}
		}
		sc.Claim = &c
	}
	if f.split != "" {
		s, err := parseSplit(f.split)
		if err != nil {
			return nil, sc, "", usageError{"--split: " + err.Error()}
		}
		sc.Split = &s
		if sc.Missing == scenario.MissingNone {
			sc.Missing = scenario.MissingSplit
		}
	}
	var lvl, reg string
	if f.region != "" {
		k, v, ok := strings.Cut(f.region, "=")
		if !ok || k == "" || v == "" {
			return nil, sc, "", usageError{fmt.Sprintf("--region must be LEVEL=NAME, not %q", f.region)}
		}
		lvl, reg = k, v
	}
	if f.swing != "" {
		sw, err := parseSwings(f.swing, lvl, reg)
		if err != nil {
			return nil, sc, "", usageError{"--swing: " + err.Error()}
		}
		sc.Swings = append(sc.Swings, sw...)
	}
	if f.turnout != "" {
		tu, err := parseTurnout(f.turnout)
		if err != nil {
			return nil, sc, "", usageError{"--turnout: " + err.Error()}
		}
		tu.Level, tu.Region = lvl, reg
		sc.Turnout = tu
	}
	if f.fromClaim != "" {
		c, err := parseClaim(t, f.fromClaim)
		if err != nil {
			return nil, sc, "", usageError{"--from-claim: " + err.Error()}
		}
		sc.Counted = &c
		if sc.Reported == 0 {
			sc.Reported = c.Reported
		}
		sc.RegisteredTotal, sc.UnitsTotal = 0, 0
	}
	if sc.Counted != nil {
		if sc.Reported == 0 && sc.ValidTotal == 0 {
			return nil, sc, "", usageError{"--from-claim: the claim does not say what fraction was counted; add --reported F or --valid-total N"}
		}
		digest := t.Digest
		ct, err := scenario.TallyFor(t, sc)
		if err != nil {
			return nil, sc, "", usageError{"--from-claim: " + err.Error()}
		}
		t = ct
		t.Digest = digest
	}
	if err := sc.Validate(); err != nil {
		return nil, sc, "", usageError{err.Error()}
	}
	sc = sc.Stamp(t.Digest.String())
	return t, sc, rep.File, nil
}

func parseFraction(s string) (float64, error) {
	s = strings.TrimSpace(s)
	pctSign := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if pctSign || v > 1 {
		v /= 100
	}
	if !(v > 0 && v <= 1) {
		return 0, fmt.Errorf("%q is not a fraction in (0, 1] or a percentage", s)
	}
	return v, nil
}

// parseClaim reads CAND=VOTES,... or finds a claim in the data by label.
func parseClaim(t *sim.Tally, s string) (scenario.Claim, error) {
	if !strings.Contains(s, "=") {
		c, err := scenario.FindClaim(t, s)
		if err != nil {
			return scenario.Claim{}, err
		}
		return scenario.ClaimFrom(c), nil
	}
	c := scenario.Claim{Label: "the claim"}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return c, fmt.Errorf("%q is not CAND=VOTES", part)
		}
		switch strings.ToLower(k) {
		case "reported":
			r, err := parseFraction(v)
			if err != nil {
				return c, err
			}
			c.Reported = r
			continue
		case "label":
			c.Label = v
			continue
		}
		n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(v), "_", ""), 10, 64)
		if err != nil || n < 0 {
			return c, fmt.Errorf("%q: %q is not a number of votes", part, v)
		}
		if strings.EqualFold(k, "valid") {
			c.Valid = n
			continue
		}
		if _, err := t.Candidate(k); err != nil && !isOthersName(k) {
			return c, err
		}
		c.Votes = append(c.Votes, scenario.Vote{Candidate: k, Votes: n})
	}
	if len(c.Votes) == 0 {
		return c, errors.New("no candidate votes")
	}
	return c, nil
}

func isOthersName(s string) bool {
	switch sim.Fold(strings.TrimSpace(s)) {
	case "others", "other", "otros", "rest":
		return true
	}
	return false
}

func parseSplit(s string) (scenario.Split, error) {
	var sp scenario.Split
	for i, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || strings.TrimSpace(k) == "" {
			return sp, fmt.Errorf("%q is not CAND=PCT", part)
		}
		x, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "%"), 64)
		if err != nil || !(x >= 0 && x <= 100) {
			return sp, fmt.Errorf("%q: %q is not a percentage between 0 and 100", part, v)
		}
		if i == 0 {
			if x > 100 {
				return sp, fmt.Errorf("%q: more than 100%%", part)
			}
			sp.Candidate, sp.Share = strings.TrimSpace(k), x/100
			continue
		}
		sp.Rest = append(sp.Rest, scenario.Share{Candidate: strings.TrimSpace(k), Share: x})
	}
	return sp, nil
}

func parseSwings(s, level, region string) ([]scenario.Swing, error) {
	var out []scenario.Swing
	for _, part := range strings.Split(s, ",") {
		f := strings.Split(strings.TrimSpace(part), ":")
		if len(f) < 2 || len(f) > 3 || f[0] == "" {
			return nil, fmt.Errorf("%q is not CAND:+PP or CAND:+PP:FROM", part)
		}
		sw := scenario.Swing{Candidate: f[0], Level: level, Region: region}
		pp := strings.TrimSpace(f[1])
		if strings.HasSuffix(pp, "p") {
			sw.Kind = scenario.Proportional
			pp = strings.TrimSuffix(pp, "p")
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(pp, "pp"), 64)
		if err != nil || !(v >= -100 && v <= 100) {
			return nil, fmt.Errorf("%q: %q is not a number of points between -100 and 100", part, f[1])
		}
		sw.PP = v
		if len(f) == 3 {
			sw.From = f[2]
		}
		out = append(out, sw)
	}
	return out, nil
}

func parseTurnout(s string) (scenario.Turnout, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "x") || strings.HasPrefix(s, "*") {
		v, err := strconv.ParseFloat(s[1:], 64)
		if err != nil || !(v > 0 && v <= 100) {
			return scenario.Turnout{}, fmt.Errorf("%q is not a factor like x1.1 (above 0, at most 100)", s)
		}
		return scenario.Turnout{Factor: v}, nil
	}
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(s, "pp"), "%"), 64)
	if err != nil || !(v >= -100 && v <= 100) {
		return scenario.Turnout{}, fmt.Errorf("%q is not +PP (between -100 and 100) or xF", s)
	}
	return scenario.Turnout{PP: v}, nil
}

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
	runs := fs.Int("montecarlo", 0, fmt.Sprintf("simulate the missing units `N` times (the calibrated model; probabilities and intervals need at least %d)", scenario.MinRuns))
	var base baselineFlags
	base.register(fs)
	model := fs.String("model", "calibrated", "Monte Carlo `MODEL`: calibrated, or legacy (the engine before calibration, for comparison)")
	seed := fs.Uint64("seed", 1, "random `SEED` for --montecarlo and --validate (the same seed gives the same numbers everywhere)")
	sigma := fs.Float64("sigma", 0, "sensitivity setting: an extra regional shock of `SD` on the two-party margin (calibrated model), or the regional shock on the log of each share (legacy, default 0.10)")
	validate := fs.Int("validate", 0, "hide 20% of the counted units `REPS` times, predict them and report how often the 90% intervals cover the truth")
	quick := fs.Bool("quick-count", false, "also print the sampling error of the counted units taken as a quick-count sample (stratified by --level)")
	seats := fs.Bool("seats", false, "also count seats: each counted unit is a constituency won by its leader (first past the post), before and after the swing and turnout change")
	byParty := fs.Bool("by-party", false, "with --seats, count seats per party instead of per candidate")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 0 || *runs > scenario.MaxRuns {
		return usageError{fmt.Sprintf("--montecarlo %d: give a number of runs from 1 to %d", *runs, scenario.MaxRuns)}
	}
	if *validate < 0 || *validate > scenario.MaxBacktestReps {
		return usageError{fmt.Sprintf("--validate %d: give a number of repetitions from 1 to %d", *validate, scenario.MaxBacktestReps)}
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
	}
	t, sc, name, err := f.build(file, stderr)
	if err != nil {
		return err
	}
	if *runs > 0 {
		sc.MonteCarlo.Runs, sc.MonteCarlo.Seed = *runs, *seed
	}
	if *sigma != 0 {
		sc.MonteCarlo.RegionSigma = *sigma
	}
	switch *model {
	case "calibrated":
	case "legacy":
		sc.MonteCarlo.Model = scenario.ModelLegacy
	default:
		return usageError{fmt.Sprintf("--model %q: use calibrated or legacy", *model)}
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
	bt, err := base.load(stderr)
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
			out.Baseline = base.file
		}
	}
	if *validate > 0 {
		vsc := sc
		if vsc.MonteCarlo.Runs == 0 {
			vsc.MonteCarlo.Runs, vsc.MonteCarlo.Seed = 200, *seed
		}
		v, err := e.Validate(vsc, scenario.ValidationParams{Reps: *validate, Level: sc.Level})
		if err != nil {
			return err
		}
		out.Validation = v
	}
	if *quick {
		q, err := e.QuickCount(sc.Level, sc.UnitsTotal)
		if err != nil {
			return err
		}
		out.QuickCount = q
	}
	if *seats {
		st, err := e.Seats(sc, *byParty)
		if err != nil {
			return err
		}
		out.Seats = st
	}
	if sc.Level != "" {
		l, err := t.LevelIndex(sc.Level)
		if err != nil {
			return usageError{err.Error()}
		}
		if l >= 0 && l < len(t.Levels) {
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
		}
	}
	return emit(stdout, f.format, out, func() { writeScenarioText(stdout, t, &out) })
}

type regionScenarioRow struct {
	Key     string  `json:"key"`
	Name    string  `json:"name"`
	Total   []int64 `json:"total"`
	Imputed int64   `json:"imputed"`
	Leader  string  `json:"leader"`
	Margin  int64   `json:"margin"`
}

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

func topTwo(v []int64) (int, int) {
	a, b := -1, -1
	for i, x := range v {
		switch {
		case a < 0 || x > v[a]:
			a, b = i, a
		case b < 0 || x > v[b]:
			b = i
		}
	}
	return a, b
}

func thousands(n int64) string { return scenario.Thousands(n) }

func pct1(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" }
func pct2(f float64) string { return strconv.FormatFloat(100*f, 'f', 2, 64) + "%" }

func label(t *sim.Tally, c int) string {
	if c < 0 {
		return "nobody"
	}
	return t.Candidates[c].Label()
}

func unitPlural(t *sim.Tally, n int64) string {
	u := t.UnitLevel
	if u == "" {
		u = "unit"
	}
	if n == 1 {
		return u
	}
	if len(u) > 1 && strings.HasSuffix(u, "y") && !strings.ContainsAny(u[len(u)-2:len(u)-1], "aeiou") {
		return u[:len(u)-1] + "ies"
	}
	return u + "s"
}

// headline is the sentence a journalist could quote.
func headline(t *sim.Tally, o *scenario.Outcome) string {
	sc := o.Scenario
	w, r := label(t, o.Winner), label(t, o.RunnerUp)
	switch sc.Missing {
	case scenario.MissingWorstCase:
		lead, run := o.CountedLeader, o.CountedRunnerUp
		who := "every missing registered voter voted"
		if o.RemainingMethod != scenario.RemainingFull {
			who = fmt.Sprintf("all %s remaining valid votes (%s)", thousands(o.Remaining), o.RemainingText)
			if o.Winner == lead {
				return fmt.Sprintf("Even if %s went to %s, %s would still lead by %s votes (%s to %s).",
					who, label(t, run), label(t, lead), thousands(o.Margin), thousands(o.Total[lead]), thousands(o.Total[run]))
			}
			return fmt.Sprintf("If %s went to %s, %s would win by %s votes (%s to %s).",
				who, label(t, run), w, thousands(o.Margin), thousands(o.Total[o.Winner]), thousands(o.Total[o.RunnerUp]))
		}
		if o.Winner == lead {
			return fmt.Sprintf("Even if every one of the %s missing registered voters voted, and voted for %s, %s would still lead by %s votes (%s to %s).",
				thousands(o.MissingRegistered), label(t, run), label(t, lead), thousands(o.Margin), thousands(o.Total[lead]), thousands(o.Total[run]))
		}
		return fmt.Sprintf("If every one of the %s missing registered voters voted for %s, %s would win by %s votes (%s to %s).",
			thousands(o.MissingRegistered), label(t, run), w, thousands(o.Margin), thousands(o.Total[o.Winner]), thousands(o.Total[o.RunnerUp]))
	case scenario.MissingClaim:
		lbl := sc.Claim.Label
		if lbl == "" {
			lbl = "the claim"
		}
		if len(o.Flags) == 0 {
			return fmt.Sprintf("For %s to be true, the missing %s would need %s valid votes, split as below; nothing in that is impossible.",
				lbl, unitPlural(t, 2), thousands(o.Remaining))
		}
		return fmt.Sprintf("%s cannot be reconciled with the counted %s. %s.", capitalize(lbl), unitPlural(t, 2), o.Flags[0].Text)
	case scenario.MissingNone:
		return fmt.Sprintf("In the counted %s %s leads %s by %s votes (%s to %s, %.2f points).",
			unitPlural(t, 2), w, r, thousands(o.Margin), pct2(o.Share(o.Winner)), pct2(o.Share(o.RunnerUp)), o.MarginPP)
	}
	rule := "voted like the regions around them"
	if sc.Missing == scenario.MissingSplit {
		rule = fmt.Sprintf("split %s for %s", pct1(sc.Split.Share), label(t, mustCand(t, sc.Split.Candidate)))
	}
	verb := "would win"
	if o.Tie {
		verb = "would tie with"
	}
	missing := "the missing " + unitPlural(t, 2)
	if o.MissingUnits > 0 {
		missing = fmt.Sprintf("the %s missing %s", thousands(o.MissingUnits), unitPlural(t, o.MissingUnits))
	}
	if o.Tie {
		return fmt.Sprintf("If %s %s, %s %s %s.", missing, rule, w, verb, r)
	}
	return fmt.Sprintf("If %s %s, %s %s with %s to %s's %s, a margin of %s votes (%.2f points).",
		missing, rule, w, verb, pct2(o.Share(o.Winner)), r, pct2(o.Share(o.RunnerUp)), thousands(o.Margin), o.MarginPP)
}

func mustCand(t *sim.Tally, s string) int {
	c, err := t.Candidate(s)
	if err != nil {
		return -1
	}
	return c
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func writeScenarioText(w io.Writer, t *sim.Tally, out *scenarioOut) {
	o := out.Outcome
	fmt.Fprintln(w, headline(t, o))
	if o.Scenario.Missing != scenario.MissingNone {
		fmt.Fprintf(w, "Assumption: %s; the remaining %s valid votes are %s.\n", describeRule(t, o), thousands(o.Remaining), o.RemainingText)
	}
	for _, fl := range o.Flags {
		fmt.Fprintf(w, "IMPOSSIBLE: %s.\n", fl.Text)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-28s %14s %14s %14s %8s\n", "candidate", "counted", "missing", "total", "share")
	for c := range t.Candidates {
		fmt.Fprintf(w, "%-28s %14s %14s %14s %8s\n", trunc(t.Candidates[c].Label(), 28), thousands(o.Counted[c]), thousands(o.Imputed[c]), thousands(o.Total[c]), pct2(o.Share(c)))
	}
	fmt.Fprintf(w, "%-28s %14s %14s %14s\n", "valid", thousands(o.CountedValid), thousands(o.Remaining), thousands(o.Valid))
	if len(out.Regions) > 0 {
		fmt.Fprintf(w, "\nBy %s (counted + missing):\n", out.Level)
		for _, r := range out.Regions {
			fmt.Fprintf(w, "  %-24s leader %-6s margin %12s  missing votes %10s\n", trunc(r.Name, 24), r.Leader, thousands(r.Margin), thousands(r.Imputed))
		}
	}
	if mc := out.MonteCarlo; mc != nil {
		a, b := mc.A, mc.B
		st := mc.Statement(a)
		if st.Kind == scenario.WinTooFew {
			fmt.Fprintf(w, "\nMonte Carlo, %d runs, seed %d: too few runs to state a probability or an interval (at least %d).\n", mc.Runs, mc.Seed, scenario.MinRuns)
			for _, n := range mc.Notes {
				fmt.Fprintf(w, "  note: %s\n", n)
			}
		} else {
			fmt.Fprintf(w, "\nMonte Carlo, seed %d: %s wins %s.\n", mc.Seed, label(t, a), st)
		}
		if mc.Model != "" {
			fmt.Fprintf(w, "Model: %s.\n", mc.Model)
		}
		if b >= 0 && st.Kind != scenario.WinTooFew {
			fmt.Fprintf(w, "Margin of %s over %s, 90%% interval: %.2f to %.2f points (median %.2f).\n", label(t, a), label(t, b), mc.MarginQ[0], mc.MarginQ[4], mc.MarginQ[2])
			for _, c := range []int{a, b} {
				fmt.Fprintf(w, "  %s: %s to %s of the valid vote.\n", label(t, c), pct2(mc.ShareQ[c][0]), pct2(mc.ShareQ[c][4]))
			}
		}
		for _, n := range mc.Notes {
			fmt.Fprintf(w, "  note: %s\n", n)
		}
	}
	if v := out.Validation; v != nil {
		fmt.Fprintf(w, "\nValidation: hiding %s of the counted %s %d times, the nominal 90%% intervals covered the truth in %d of %d checks (%s); mean interval width of the margin %.2f points, mean error of its median %.2f points.\n",
			pct1(v.Hide), unitPlural(t, 2), v.Reps, v.Covered, v.Checks, pct1(v.Coverage), v.MeanWidthPP, v.MeanErrorPP)
	}
	if q := out.QuickCount; q != nil {
		fmt.Fprintf(w, "\nAs a quick count of %s of %s %s (%d strata), the sampling error (95%%) is:\n", thousands(q.Sampled), thousands(q.Population), unitPlural(t, 2), q.Strata)
		for _, s := range q.Shares {
			if s.Share < 0.01 {
				continue
			}
			fmt.Fprintf(w, "  %s: %s ± %.2f points\n", label(t, s.Candidate), pct2(s.Share), 196*s.SE)
		}
		if q.B >= 0 {
			fmt.Fprintf(w, "  margin %s over %s: %.2f ± %.2f points\n", label(t, q.A), label(t, q.B), q.MarginPP, 1.96*q.MarginSEPP)
		}
	}
	if st := out.Seats; st != nil {
		writeSeats(w, t, st)
	}
	if len(o.Notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range o.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	fmt.Fprintf(w, "\nData: %s (sha256 %s); engine %s.\nReproduce: tallyscope %s --scenario %s FILE\n", out.Data, shortSHA(out.SHA256), out.Engine, "scenario", out.String)
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func describeRule(t *sim.Tally, o *scenario.Outcome) string {
	sc := o.Scenario
	switch sc.Missing {
	case scenario.MissingLikeRegion:
		m := sc.MinUnits
		if m == 0 {
			m = scenario.DefaultMinUnits
		}
		return fmt.Sprintf("each missing %s votes like the smallest region around it with at least %d counted %s", t.UnitLevel, m, unitPlural(t, int64(m)))
	case scenario.MissingSplit:
		rest := "the rest split like the counted votes"
		if len(sc.Split.Rest) > 0 {
			rest = "the rest split as given"
		}
		return fmt.Sprintf("%s of the remaining votes go to %s, %s", pct1(sc.Split.Share), label(t, mustCand(t, sc.Split.Candidate)), rest)
	case scenario.MissingWorstCase:
		return fmt.Sprintf("the worst case for %s: every remaining vote to %s", label(t, o.CountedLeader), label(t, o.CountedRunnerUp))
	case scenario.MissingClaim:
		return "the missing units contain whatever the claimed totals imply"
	}
	return "only the counted units"
}

func runBreakeven(args []string, stdout, stderr io.Writer) error {
	var f scenarioFlags
	fs := newFlagSet("breakeven", "breakeven [--remaining official|turnout|full|units] [--valid-total N] [--from-claim LABEL] [--level L] [data flags] [--format text|json] FILE",
		"Prints the share of the remaining votes the runner-up needs to tie the leader, assuming the\n"+
			"other candidates keep their counted share of the remaining votes:\n"+
			"  needed = (margin / remaining + 1 - others) / 2\n"+
			"It says when that is impossible (above 100% minus the others' share) and when the result is\n"+
			"locked (the margin exceeds the remaining votes, so no split can change it), and prints the\n"+
			"smallest uniform swing that changes the winner. With --level, one line per region.",
		[]string{
			"tallyscope breakeven --registered-total 21392464 --remaining full RESULTADOS_2024_CSV_V1.csv",
			"tallyscope breakeven --valid-total 12335884 RESULTADOS_2024_CSV_V1.csv",
			"tallyscope breakeven --from-claim 1st RESULTADOS_2024_CSV_V1.csv",
			"tallyscope breakeven --from-claim NM=5150092,EG=4445978,others=462704,reported=80% RESULTADOS_2024_CSV_V1.csv",
			"tallyscope breakeven --level state RESULTADOS_2024_CSV_V1.csv",
		}, stderr)
	f.register(fs, false)
	t, sc, name, err := f.parse(fs, args, stderr)
	if err != nil {
		return err
	}
	e, err := scenario.New(t)
	if err != nil {
		return err
	}
	b, err := e.BreakEven(sc)
	noMissing := errors.Is(err, scenario.ErrNoMissing)
	if err != nil && !noMissing {
		return err
	}
	flip, err := e.SwingToFlip(sc)
	if err != nil {
		return err
	}
	out := breakevenOut{Data: name, SHA256: t.Digest.String(), Engine: scenario.EngineVersion, Scenario: sc, String: sc.String(), Flip: flip}
	if noMissing {
		out.Unknown = "nothing is known about the units that are not in the data, so there is no break-even: give --registered-total, --units-total, --valid-total or --reported"
	} else {
		out.National = &b
	}
	if sc.Level != "" && !noMissing {
		l, err := t.LevelIndex(sc.Level)
		if err != nil {
			return usageError{err.Error()}
		}
		if l >= 0 && l < len(t.Levels) {
			bs, err := e.BreakEvens(sc, sc.Level)
			if err != nil {
				return err
			}
			out.Level, out.Regions = t.Levels[l], bs
		}
	}
	return emit(stdout, f.format, out, func() { writeBreakevenText(stdout, t, &out) })
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

type breakevenOut struct {
	Data     string               `json:"data"`
	SHA256   string               `json:"sha256"`
	Engine   string               `json:"engine"`
	Scenario scenario.Scenario    `json:"scenario"`
	String   string               `json:"scenario_string"`
	National *scenario.BreakEven  `json:"national,omitempty"`
	Unknown  string               `json:"unknown,omitempty"`
	Flip     scenario.SwingFlip   `json:"swing_to_flip"`
	Level    string               `json:"level,omitempty"`
	Regions  []scenario.BreakEven `json:"regions,omitempty"`
}

// breakevenSentence says what the runner-up needs, and whether it can.
func breakevenSentence(t *sim.Tally, b *scenario.BreakEven) string {
	lead, run := label(t, b.Leader), label(t, b.RunnerUp)
	if b.RunnerUp < 0 {
		return lead + " is the only candidate."
	}
	if b.Remaining <= 0 {
		if b.Margin == 0 {
			return fmt.Sprintf("%s and %s are tied and no votes remain.", lead, run)
		}
		return fmt.Sprintf("No votes remain, so %s's lead of %s votes over %s is final.", lead, thousands(b.Margin), run)
	}
	s := fmt.Sprintf("%s would need %s of the remaining %s valid votes (%s) to tie %s, who leads by %s votes, if the other candidates keep their %s",
		run, pct2(b.Needed), thousands(b.Remaining), b.RemainingText, lead, thousands(b.Margin), pct2(b.OthersShare))
	switch {
	case b.Locked:
		s += fmt.Sprintf(": this is impossible. Even with every remaining vote, %s would stay %s votes behind, so the result is locked.", run, thousands(b.LeadIfAllToRunnerUp))
	case b.Impossible:
		s += fmt.Sprintf(": this is impossible unless the other candidates lose votes; with all of the remaining votes but theirs, %s would need %s.", run, pct2(b.NeededAlone))
	default:
		s += fmt.Sprintf(". That is possible, so %s's lead is not mathematically irreversible.", lead)
	}
	return s
}

func writeBreakevenText(w io.Writer, t *sim.Tally, out *breakevenOut) {
	if out.National != nil {
		fmt.Fprintln(w, breakevenSentence(t, out.National))
	} else {
		fmt.Fprintf(w, "%s.\n", capitalize(out.Unknown))
	}
	f := out.Flip
	switch {
	case f.To < 0:
	case f.Possible:
		fmt.Fprintf(w, "The smallest uniform swing that changes the winner: %.3f points from %s to %s in every counted %s", f.PP, label(t, f.From), label(t, f.To), t.UnitLevel)
		if f.Clamped > 0 {
			fmt.Fprintf(w, " (%s %s clamped at 0%%)", thousands(f.Clamped), unitPlural(t, f.Clamped))
		}
		fmt.Fprintln(w, ".")
	default:
		fmt.Fprintf(w, "No uniform swing from %s to %s in the counted %s changes the winner.\n", label(t, f.From), label(t, f.To), unitPlural(t, 2))
	}
	if len(out.Regions) > 0 {
		fmt.Fprintf(w, "\nBy %s:\n", out.Level)
		fmt.Fprintf(w, "  %-24s %-6s %-6s %12s %12s %9s  %s\n", out.Level, "leader", "runner", "margin", "remaining", "needed", "")
		for _, b := range out.Regions {
			state := "possible"
			switch {
			case b.Remaining <= 0:
				state = "no missing votes placed here"
			case b.Locked:
				state = "locked"
			case b.Impossible:
				state = "impossible"
			}
			ru := "-"
			if b.RunnerUp >= 0 {
				ru = t.Candidates[b.RunnerUp].ID
			}
			fmt.Fprintf(w, "  %-24s %-6s %-6s %12s %12s %9s  %s\n", trunc(b.Name, 24), t.Candidates[b.Leader].ID, ru, thousands(b.Margin), thousands(b.Remaining), pct2(b.Needed), state)
		}
	}
	if out.National != nil && len(out.National.Notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range out.National.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	fmt.Fprintf(w, "\nData: %s (sha256 %s); engine %s.\nReproduce: tallyscope breakeven --scenario %s FILE\n", out.Data, shortSHA(out.SHA256), out.Engine, out.String)
}

func writeSeats(w io.Writer, t *sim.Tally, st *scenario.Seats) {
	fmt.Fprintf(w, "\nSeats (one per counted %s, first past the post; majority %d of %d", t.UnitLevel, st.Majority, st.Total+st.Missing)
	if st.Missing > 0 {
		fmt.Fprintf(w, ", %d not counted", st.Missing)
	}
	fmt.Fprintln(w, "):")
	for _, c := range st.Counts {
		if c.Seats == 0 && c.Baseline == 0 {
			continue
		}
		fmt.Fprintf(w, "  %-28s %6d  (counted as reported: %d)\n", trunc(c.Name, 28), c.Seats, c.Baseline)
	}
	if st.Undecided > 0 || st.BaselineUndecided > 0 {
		fmt.Fprintf(w, "  %-28s %6d  (counted as reported: %d)\n", "tied or empty", st.Undecided, st.BaselineUndecided)
	}
	switch {
	case st.Holder >= 0:
		fmt.Fprintf(w, "%s holds a majority.\n", st.Counts[st.Holder].Name)
	default:
		fmt.Fprintln(w, "Nobody holds a majority of the seats.")
	}
	fmt.Fprintf(w, "%d %s change hands", len(st.Flips), unitPlural(t, int64(len(st.Flips))))
	for k, f := range st.Flips {
		if k == 10 {
			fmt.Fprintf(w, ", …")
			break
		}
		from, to := "tie", "tie"
		if f.From >= 0 {
			from = st.Counts[f.From].Name
		}
		if f.To >= 0 {
			to = st.Counts[f.To].Name
		}
		u := &t.Units[f.Unit]
		name := u.Name
		if name == "" {
			name = u.ID
		}
		sep := ", "
		if k == 0 {
			sep = ": "
		}
		fmt.Fprintf(w, "%s%s (%s to %s)", sep, name, from, to)
	}
	fmt.Fprintln(w, ".")
}
