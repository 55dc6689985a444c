package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"synthetic takes no FILE; it writes to standard output"}
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

// fxInt writes n with thousands separators.
func fxInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fxNum writes a statistic with the given decimals, or "n/a" when it
// cannot be computed.
func fxNum(x float64, dec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(x, 'f', dec, 64)
}

// fxP writes a p-value.
func fxP(p float64) string {
	switch {
	case math.IsNaN(p):
		return "n/a"
	case p < 1e-4:
		return strconv.FormatFloat(p, 'e', 1, 64)
	}
	return strconv.FormatFloat(p, 'f', 4, 64)
}

func fxPct(x float64, dec int) string { return fxNum(100*x, dec) + "%" }

// fxWrap writes text wrapped at 96 columns with a prefix on every line.
func fxWrap(w io.Writer, prefix, text string) {
	line := prefix
	for _, word := range strings.Fields(text) {
		if len(line) > len(prefix) && len(line)+1+len(word) > 96 {
			fmt.Fprintln(w, line)
			line = prefix
		}
		if len(line) > len(prefix) {
			line += " "
		}
		line += word
	}
	if len(line) > len(prefix) {
		fmt.Fprintln(w, line)
	}
}

func fxExcluded(w io.Writer, ex []forensics.Exclusion, units string) {
	if len(ex) == 0 {
		return
	}
	parts := make([]string, len(ex))
	for i, e := range ex {
		parts[i] = fmt.Sprintf("%s %s (%s)", fxInt(int64(e.Units)), units, e.Reason)
	}
	fxWrap(w, "    ", "Left out: "+strings.Join(parts, "; ")+".")
}

func fxCandidate(t *sim.Tally, c int) string {
	if c < 0 || c >= len(t.Candidates) {
		return ""
	}
	cd := t.Candidates[c]
	if cd.Name != "" && cd.Name != cd.ID {
		return cd.ID + " (" + cd.Name + ")"
	}
	return cd.ID
}

func writeRoundText(w io.Writer, r *forensics.RoundReport, indent string) {
	title := r.Label
	if title == "" {
		title = "Announced counts"
	}
	fmt.Fprintf(w, "%s%s: total %s, percentages with %d decimal(s)\n", indent, title, fxInt(r.Total), r.Decimals)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s  count\tvotes\tshows\tround count\toff by\tchance if counted\t\n", indent)
	for _, c := range r.Counts {
		chance := "1 in " + fxInt(c.BinSize)
		if !c.Free {
			chance += " (fixed by the total)"
		}
		fmt.Fprintf(tw, "%s  %s\t%s\t%s%%\t%s\t%s\t%s\t\n", indent, c.Label, fxInt(c.Votes), c.Percent, fxInt(c.RoundVotes), fxInt(c.OffBy), chance)
	}
	tw.Flush()
	fxWrap(w, indent+"  ", "→ "+r.Summary())
	fxWrap(w, indent+"  ", r.Null)
	fxWrap(w, indent+"  ", "Caveat: "+r.Caveat)
}

func writeForensicsText(w io.Writer, t *sim.Tally, r *forensics.Report, file string) error {
	title := r.Title
	if title == "" {
		title = file
	}
	fmt.Fprintf(w, "Forensic checks: %s\n", title)
	unit := t.UnitLevel
	if unit == "" {
		unit = "unit"
	}
	units := fxPlural(unit)
	fmt.Fprintf(w, "Data: %s; %s %s, %s single, %s with registered voters", file, fxInt(int64(r.Units)), units, fxInt(int64(r.SingleUnits)), fxInt(int64(r.WithRegistered)))
	if r.Digest != "" {
		fmt.Fprintf(w, "; sha256 %s", r.Digest[:min(12, len(r.Digest))])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	fxWrap(w, "", r.Statement)

	fmt.Fprintln(w, "\n1. Round percentages in announced totals")
	if len(r.Roundness) == 0 {
		fmt.Fprintln(w, "  No claim in the data states its totals with a known number of decimals.")
	}
	for _, rr := range r.Roundness {
		writeRoundText(w, rr, "  ")
	}

	fmt.Fprintln(w, "\n2. Fingerprint: turnout × share")
	for i, h := range r.Fingerprints {
		tl, th := float64(h.ModeTurnout)/float64(h.TurnoutBins), float64(h.ModeTurnout+1)/float64(h.TurnoutBins)
		sl, sh := float64(h.ModeShare)/float64(h.ShareBins), float64(h.ModeShare+1)/float64(h.ShareBins)
		fxWrap(w, "  ", fmt.Sprintf("%s, share of %s, %d × %d bins: %s %s. Fullest bin: turnout %s–%s, share %s–%s (%s %s). "+
			"Turnout ≥ %s and share ≥ %s: %s %s (%s).",
			fxCandidate(t, h.Candidate), h.Denominator, h.TurnoutBins, h.ShareBins, fxInt(h.Units), units,
			fxPct(tl, 0), fxPct(th, 0), fxPct(sl, 0), fxPct(sh, 0), fxInt(h.ModeUnits), units,
			fxPct(h.Corner, 0), fxPct(h.Corner, 0), fxInt(h.CornerUnits), units, fxPct(h.CornerFraction, 2)))
		fxExcluded(w, h.Excluded, units)
		if i == len(r.Fingerprints)-1 {
			fxWrap(w, "  ", "Caveat: "+h.Caveat)
		}
	}
	if len(r.Fingerprints) == 0 {
		fmt.Fprintln(w, "  Not run (see Skipped).")
	}

	fmt.Fprintln(w, "\n3. Klimek et al. fraud-model fit (share histogram)")
	for i, k := range r.Klimek {
		verdict := "The model reproduces the histogram within sampling noise."
		if !k.Fits {
			verdict = fmt.Sprintf("The model does NOT describe these data: its best residual is %.0f times what sampling noise "+
				"alone would leave, so the fitted fractions must not be read as amounts of fraud.", k.Residual/k.NoiseResidual)
		}
		if k.AtEdge {
			verdict += " A fraction sits at the edge of the grid."
		}
		fxWrap(w, "  ", fmt.Sprintf("%s: incremental %s (grid %s), extreme %s (grid %s); fair model turnout %s ± %s, share %s ± %s. %s",
			fxCandidate(t, k.Candidate), fxNum(k.Incremental, 2), fxNum(k.IncrementalStep, 2), fxNum(k.Extreme, 2), fxNum(k.Step, 2),
			fxPct(k.Turnout, 1), fxPct(k.TurnoutSD, 1), fxPct(k.Share, 1), fxPct(k.ShareSD, 1), verdict))
		fxExcluded(w, k.Excluded, units)
		if i == len(r.Klimek)-1 {
			fxWrap(w, "  ", k.Model)
			fxWrap(w, "  ", "Caveat: "+k.Caveat)
		}
	}
	if len(r.Klimek) == 0 {
		fmt.Fprintln(w, "  Not run (see Skipped).")
	}

	fmt.Fprintln(w, "\n4. Digit tests")
	fmt.Fprintln(w, "  Second digit (Mebane's 2BL), counts ≥ 10:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "    candidate\tcounts\tmean 2nd digit\t95% bootstrap\tBenford\tchi²(9)\tp\t")
	for _, d := range r.SecondDigit {
		note := ""
		if d.Note != "" {
			note = "  *"
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s–%s\t%s\t%s\t%s\t%s\n", d.CandidateID, fxInt(d.N), fxNum(d.Mean, 3),
			fxNum(d.MeanInterval.Lo, 3), fxNum(d.MeanInterval.Hi, 3), fxNum(d.ExpectedMean, 3), fxNum(d.ChiSquare, 1), fxP(d.PValue), note)
	}
	tw.Flush()
	var second []forensics.SecondDigitTest
	for _, d := range r.SecondDigit {
		if d.Binomial != nil && d.N >= 100 {
			second = append(second, d)
		}
	}
	if len(second) > 0 {
		fmt.Fprintln(w, "  The same digits against the binomial null (counts of this size and range; 100 counts or more):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "    candidate\tmean 2nd digit\texpected\tp\tchi²(9)\tp\t")
		for _, d := range second {
			b := d.Binomial
			fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\t%s\t\n", d.CandidateID, fxNum(d.Mean, 3), fxNum(b.ExpectedMean, 3), fxP(b.MeanP),
				fxNum(b.ChiSquare, 1), fxP(b.PValue))
		}
		tw.Flush()
		fxWrap(w, "    ", second[0].Binomial.Null)
	}
	fmt.Fprintln(w, "  Last digits, counts ≥ 100:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "    candidate\tcounts\tchi²(9)\tp\tend in 0/5 (20%)\tp\trepeated pair (10%)\tp\tadjacent pair (18%)\tp\t")
	for _, d := range r.LastDigit {
		if d.N == 0 {
			continue
		}
		prop := func(p forensics.Proportion) string {
			return fmt.Sprintf("%s [%s–%s]\t%s", fxPct(p.Share, 1), fxPct(p.Interval.Lo, 1), fxPct(p.Interval.Hi, 1), fxP(p.PValue))
		}
		note := ""
		if d.Note != "" {
			note = "  *"
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.CandidateID, fxInt(d.N), fxNum(d.ChiSquare, 1), fxP(d.PValue),
			prop(d.ZeroFive), prop(d.Repeated), prop(d.Adjacent), note)
	}
	tw.Flush()
	var binom []forensics.LastDigitTest
	for _, d := range r.LastDigit {
		if d.N > 0 && d.Binomial != nil {
			binom = append(binom, d)
		}
	}
	if len(binom) > 0 {
		fmt.Fprintln(w, "  The same digits against the binomial null (counts of this size and shape):")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "    candidate	chi²(9)	p	end in 0/5	expected	p	repeated	expected	p	adjacent	expected	p	")
		for _, d := range binom {
			b := d.Binomial
			prop := func(p forensics.Proportion) string {
				return fmt.Sprintf("%s\t%s\t%s", fxPct(p.Share, 1), fxPct(p.Expected, 1), fxP(p.PValue))
			}
			fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\t%s\t\n", d.CandidateID, fxNum(b.ChiSquare, 1), fxP(b.PValue),
				prop(b.ZeroFive), prop(b.Repeated), prop(b.Adjacent))
		}
		tw.Flush()
		fxWrap(w, "    ", binom[0].Binomial.Null)
	}
	var none []string
	for _, d := range r.LastDigit {
		if d.N == 0 {
			none = append(none, d.CandidateID)
		}
	}
	if len(none) > 0 {
		fxWrap(w, "    ", "No count of at least 100 for: "+strings.Join(none, ", ")+".")
	}
	fxWrap(w, "    ", "* fewer than 100 counts: little power, rough chi-square approximation. Intervals are percentile "+
		"bootstrap intervals over the units; p-values are two-sided normal approximations for the shares.")
	if len(r.SecondDigit) > 0 {
		fxWrap(w, "  ", r.SecondDigit[0].Null)
		fxWrap(w, "  ", "Caveat: "+r.SecondDigit[0].Caveat)
	}
	if len(r.LastDigit) > 0 {
		fxWrap(w, "  ", r.LastDigit[0].Null)
		fxWrap(w, "  ", "Caveat: "+r.LastDigit[0].Caveat)
	}

	fmt.Fprintln(w, "\n5. Integer-percentage spikes")
	for i, s := range r.Spikes {
		what := "turnout"
		if s.Quantity == "share" {
			what = "share of " + fxCandidate(t, s.Candidate)
		}
		place := "inside the null's range"
		switch {
		case float64(s.Integer) > s.NullInterval.Hi:
			place = "ABOVE the null's range"
		case float64(s.Integer) < s.NullInterval.Lo:
			place = "below the null's range (fewer whole percentages than chance gives, which is not the pattern of written-in figures)"
		}
		fxWrap(w, "  ", fmt.Sprintf("%s: %s of %s %s sit at an exact whole percentage; the null expects %s "+
			"(95%% of %s replicates: %s–%s), so the count is %s; one-sided p = %s.",
			capitalizeFirst(what), fxInt(s.Integer), fxInt(s.Units), units, fxNum(s.NullMean, 1), fxInt(int64(s.Replicates)),
			fxNum(s.NullInterval.Lo, 0), fxNum(s.NullInterval.Hi, 0), place, fxP(s.PValue)))
		fxExcluded(w, s.Excluded, units)
		if i == len(r.Spikes)-1 {
			fxWrap(w, "  ", s.Null)
			fxWrap(w, "  ", "Caveat: "+s.Caveat)
		}
	}
	if len(r.Spikes) == 0 {
		fmt.Fprintln(w, "  Not run (see Skipped).")
	}

	fmt.Fprintln(w, "\n6. Turnout–share relationship")
	for i, ts := range r.TurnoutShare {
		n := ts.National
		fxWrap(w, "  ", fmt.Sprintf("%s, %s %s: correlation of turnout and share r = %s; Sobyanin–Sukhovolsky slope %s "+
			"(standard error %s) against an overall share of %s.",
			fxCandidate(t, ts.Candidate), fxInt(int64(n.Units)), units, fxNum(n.Correlation, 3), fxNum(n.Slope.Slope, 3),
			fxNum(n.Slope.SlopeSE, 3), fxPct(n.Share, 1)))
		if len(ts.Regions) > 0 {
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "    %s\t%s\tshare\tr\tslope\t\n", ts.LevelName, units)
			for _, row := range ts.Regions {
				// Inner levels repeat names across parents: print the path.
				var names []string
				for _, r := range t.RegionPath(row.Region) {
					n := t.Regions[r].Name
					if n == "" {
						n = t.Regions[r].Key
					}
					names = append(names, n)
				}
				fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t%s\t\n", strings.Join(names, " / "), fxInt(int64(row.Units)), fxPct(row.Share, 1), fxNum(row.Correlation, 3), fxNum(row.Slope.Slope, 3))
			}
			tw.Flush()
		}
		fxExcluded(w, ts.Excluded, units)
		if i == len(r.TurnoutShare)-1 {
			fxWrap(w, "  ", "Caveat: "+ts.Caveat)
		}
	}
	if len(r.TurnoutShare) == 0 {
		fmt.Fprintln(w, "  Not run (see Skipped).")
	}

	if len(r.Skipped) > 0 {
		fmt.Fprintln(w, "\nSkipped")
		for _, s := range r.Skipped {
			fxWrap(w, "  ", "- "+s.Check+": "+s.Reason+".")
		}
		if r.WithRegistered == 0 {
			fxWrap(w, "  ", "To run the turnout checks, join registered voters from another file with --join-registered "+
				"(for Venezuela: the V1 file onto V2).")
		}
	}
	return nil
}

func capitalizeFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// fxPlural makes a unit level's name plural ("table" → "tables",
// "county" → "counties").
func fxPlural(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ay") && !strings.HasSuffix(s, "ey") && !strings.HasSuffix(s, "oy"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
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
