package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

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
