package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/synth"
)

func init() {
	register(&command{name: "forensics", summary: "statistical checks with their caveats: round percentages, fingerprint, digits, spikes", run: runForensics})
	register(&command{name: "roundness", summary: "are announced vote counts exact round percentages of their total?", run: runRoundness})
	register(&command{name: "synthetic", summary: "write a seeded synthetic election (fair, or with ballot stuffing) for demos", run: runSynthetic})
}

func runSynthetic(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("synthetic", "synthetic [--seed N] [--units N] [--incremental F] [--extreme F] ... > election.json",
		"Writes a synthetic election as Tallyscope JSON: units with registered voters, turnout and the\n"+
			"first candidate's share drawn around the given means, and optional ballot stuffing after\n"+
			"Klimek et al. (PNAS 2012): incremental fraud in a fraction of units (a small share of\n"+
			"non-voters and opposition votes moved to candidate A), extreme fraud in another (nearly all\n"+
			"of them). The same seed gives the same file. Use it to show what each pattern looks like\n"+
			"next to a fair election; stderr says how many units were altered.",
		[]string{
			"tallyscope synthetic --seed 1 --units 20000 > fair.json",
			"tallyscope synthetic --seed 1 --units 20000 --incremental 0.3 --extreme 0.05 > stuffed.json",
			"tallyscope forensics stuffed.json",
			"tallyscope synthetic --mystery light --seed 42 > mystery.json   # settings hidden",
			"tallyscope synthetic --mystery light --seed 42 --reveal > /dev/null",
		}, stderr)
	var c synth.Config
	fs.Uint64Var(&c.Seed, "seed", 1, "seed `N` of the draws")
	fs.IntVar(&c.Units, "units", 10000, "number of units (tables), `N`")
	fs.IntVar(&c.Regions, "regions", synth.DefaultRegions, "number of regions, `N`")
	fs.Int64Var(&c.MinRegistered, "min-registered", synth.DefaultMinRegistered, "fewest registered voters in a unit, `N`")
	fs.Int64Var(&c.MaxRegistered, "max-registered", synth.DefaultMaxRegistered, "most registered voters in a unit, `N`")
	fs.Float64Var(&c.Turnout, "turnout", synth.DefaultTurnout, "mean fair turnout, a fraction `F`")
	fs.Float64Var(&c.TurnoutSD, "turnout-sd", synth.DefaultTurnoutSD, "spread `F` of the fair turnout")
	fs.Float64Var(&c.Share, "share", synth.DefaultShare, "mean fair share of candidate A, a fraction `F`")
	fs.Float64Var(&c.ShareSD, "share-sd", synth.DefaultShareSD, "spread `F` of candidate A's fair share")
	fs.Float64Var(&c.RegionShareSD, "region-share-sd", 0, "spread `F` of the regions' mean shares")
	fs.Float64Var(&c.Incremental, "incremental", 0, "fraction `F` of units with incremental fraud")
	fs.Float64Var(&c.Extreme, "extreme", 0, "fraction `F` of units with extreme fraud")
	mystery := fs.String("mystery", "", "a classroom mystery election of `PRESET` ("+strings.Join(synth.Presets, ", ")+"), its settings drawn from --seed and hidden; the other settings are refused")
	reveal := fs.Bool("reveal", false, "with --mystery, print the hidden settings on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"synthetic takes no FILE; it writes to standard output"}
	}
	if *mystery != "" {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		delete(set, "mystery")
		delete(set, "seed")
		delete(set, "reveal")
		if len(set) > 0 {
			return usageError{"--mystery draws its own settings from --seed; leave out the other settings"}
		}
		return writeMystery(*mystery, c.Seed, *reveal, stdout, stderr)
	}
	if *reveal {
		return usageError{"--reveal goes with --mystery"}
	}
	e, err := synth.Generate(c)
	if err != nil {
		return usageError{err.Error()}
	}
	var kinds [3]int
	for _, k := range e.Kinds {
		kinds[k]++
	}
	fmt.Fprintf(stderr, "synthetic: %s units, %s with incremental fraud, %s with extreme fraud (seed %d)\n",
		fxInt(int64(len(e.Kinds))), fxInt(int64(kinds[synth.IncrementalFraud])), fxInt(int64(kinds[synth.ExtremeFraud])), c.Seed)
	return load.WriteJSON(stdout, e.Tally)
}

func runForensics(args []string, stdout, stderr io.Writer) error {
	var d dataFlags
	fs := newFlagSet("forensics", "forensics [--map MAPPING.json] [--format text|json] [--seed N] FILE",
		"Runs the forensic checks on a tally and states each result with its null and its limits:\n"+
			"round percentages in announced totals (the data's claims), the turnout × share fingerprint\n"+
			"and the Klimek et al. fraud-model fit, second-digit (Mebane) and last-digit (Beber–Scacco)\n"+
			"tests, integer-percentage spikes (Kobak et al.) and the turnout–share slope by region.\n"+
			"Checks that need registered voters are skipped, with the reason, when the data has none.\n"+
			"No result is proof of fraud; read the caveat printed next to each.",
		[]string{
			"tallyscope forensics ../shared/data/venezuela-2024/RESULTADOS_2024_CSV_V1.csv",
			"tallyscope forensics --format json RESULTADOS_2024_CSV_V2.csv > forensics.json",
			"tallyscope forensics --join-registered RESULTADOS_2024_CSV_V1.csv RESULTADOS_2024_CSV_V2.csv",
			"tallyscope forensics --candidate Maduro --level municipality RESULTADOS_2024_CSV_V1.csv",
		}, stderr)
	d.register(fs)
	format := fs.String("format", "text", "output `FORMAT`: text or json")
	seed := fs.Uint64("seed", 1, "seed `N` for the bootstrap, the Monte Carlo null and the model fit")
	cands := fs.String("candidate", "", "examine the shares of `LIST` (comma-separated ids or names; default: the data's leader and each claim's leader)")
	level := fs.String("level", "", "turnout–share rows per region of level `NAME` (default: the outermost level)")
	denom := fs.String("denominator", "valid", "`WHICH` votes the shares are of: valid, or cast (valid + null + blank)")
	noFit := fs.Bool("no-fit", false, "skip the Klimek fraud-model fit (the slowest check)")
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
	o := forensics.Options{Seed: *seed, Level: *level, SkipFit: *noFit}
	switch *denom {
	case "valid":
		o.Denominator = sim.OfValid
	case "cast":
		o.Denominator = sim.OfCast
	default:
		return usageError{fmt.Sprintf("--denominator must be valid or cast, not %q", *denom)}
	}
	if *cands != "" {
		for _, c := range strings.Split(*cands, ",") {
			if c = strings.TrimSpace(c); c != "" {
				o.Candidates = append(o.Candidates, c)
			}
		}
	}
	t, rep, err := d.load(file, stderr)
	if err != nil {
		return err
	}
	for _, p := range rep.Skipped {
		fmt.Fprintf(stderr, "skipped: %v\n", p)
	}
	r, err := forensics.Run(t, o)
	if err != nil {
		if errors.Is(err, sim.ErrCandidate) || errors.Is(err, sim.ErrUnknownLevel) {
			return usageError{err.Error()}
		}
		return err
	}
	if *format == "json" {
		return forensics.WriteJSON(stdout, r)
	}
	return writeForensicsText(stdout, t, r, rep.File)
}

func runRoundness(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("roundness", "roundness --decimals D [--total T] [--format text|json] CAND=VOTES ...",
		"Checks whether announced vote counts are exactly round percentages of their total: for each\n"+
			"count, the percentage it shows with D decimals, the count that percentage gives back, and the\n"+
			"chance of an exact match under the null (counts uniform among the whole numbers that show the\n"+
			"same percentage). The total is the sum of the counts unless --total is given; when the counts\n"+
			"make up the total, one of them is fixed by the others and is left out of the likelihood.\n"+
			"The likelihood is not the probability of fraud.",
		[]string{
			"tallyscope roundness --decimals 1 Maduro=5150092 Gonzalez=4445978 others=462704",
			"tallyscope roundness --decimals 2 --total 12335884 Maduro=6408844 Gonzalez=5326104",
		}, stderr)
	decimals := fs.Int("decimals", -1, "the percentages were announced with `D` decimals (required)")
	total := fs.Int64("total", 0, "the total `T` the percentages are of (default: the sum of the counts)")
	format := fs.String("format", "text", "output `FORMAT`: text or json")
	label := fs.String("label", "", "a `NAME` for the set of counts, printed in the output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *decimals < 0 {
		return usageError{"roundness needs --decimals D (how many decimals the percentages were announced with)"}
	}
	if fs.NArg() == 0 {
		return usageError{"roundness needs at least one CAND=VOTES count"}
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("--format must be text or json, not %q", *format)}
	}
	var counts []forensics.Count
	for _, a := range fs.Args() {
		name, v, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return usageError{fmt.Sprintf("count %q is not CAND=VOTES", a)}
		}
		n, err := fxParseVotes(v)
		if err != nil || n < 0 {
			return usageError{fmt.Sprintf("count %q: VOTES must be a whole number of votes", a)}
		}
		counts = append(counts, forensics.Count{Label: strings.TrimSpace(name), Votes: n})
	}
	r, err := forensics.Roundness(*label, counts, *total, *decimals)
	if err != nil {
		return usageError{err.Error()}
	}
	if *format == "json" {
		return forensics.WriteJSON(stdout, r)
	}
	writeRoundText(stdout, r, "")
	return nil
}

// fxGrouped matches a whole number written with a thousands separator
// (comma, dot, space or underscore) between groups of three digits.
var fxGrouped = regexp.MustCompile(`^\d{1,3}([,. _]\d{3})+$`)

// fxParseVotes reads a whole number of votes: "5150092", "5,150,092",
// "5.150.092" or "5 150 092".
func fxParseVotes(v string) (int64, error) {
	v = strings.TrimSpace(v)
	if fxGrouped.MatchString(v) {
		v = strings.NewReplacer(",", "", ".", "", " ", "", "_", "").Replace(v)
	}
	return strconv.ParseInt(v, 10, 64)
}

// writeMystery writes a mystery election and, with reveal, its settings.
func writeMystery(preset string, seed uint64, reveal bool, stdout, stderr io.Writer) error {
	m, err := synth.NewMystery(preset, seed)
	if err != nil {
		return usageError{err.Error()}
	}
	e, err := m.Generate()
	if err != nil {
		return err
	}
	if reveal {
		fav := e.Tally.Candidates[m.Favoured].Label()
		fmt.Fprintf(stderr, "mystery election %d, preset %q: fair turnout %s, %s's fair share %s", seed, preset, fxPct(m.Turnout, 1), fav, fxPct(m.Share, 1))
		if m.Stuffed() {
			fmt.Fprintf(stderr, "; ballot stuffing for %s in %s of tables (incremental) and %s (extreme)\n", fav, fxPct(m.Incremental, 1), fxPct(m.Extreme, 1))
		} else {
			fmt.Fprintln(stderr, "; no ballot stuffing")
		}
	} else {
		fmt.Fprintf(stderr, "synthetic: mystery election %d (%s tables); its settings are hidden: add --reveal to show them\n", seed, fxInt(int64(len(e.Kinds))))
	}
	return load.WriteJSON(stdout, e.Tally)
}
