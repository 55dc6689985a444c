package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

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
			who = fmt.Sprintf("all %s remaining valid votes (%s)", thousands(o.Remaining), noteText(o.RemainingNote))
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
		return fmt.Sprintf("%s cannot be reconciled with the counted %s. %s.", capitalize(lbl), unitPlural(t, 2), noteText(o.Flags[0].Note))
	case scenario.MissingNone:
		in := "In"
		if hasChanges(sc) {
			in = "After the changes below, in"
		}
		return fmt.Sprintf("%s the counted %s %s leads %s by %s votes (%s to %s, %.2f points).",
			in, unitPlural(t, 2), w, r, thousands(o.Margin), pct2(o.Share(o.Winner)), pct2(o.Share(o.RunnerUp)), o.MarginPP)
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
	changed := hasChanges(o.Scenario)
	if changed {
		fmt.Fprintln(w, changesLine(t, o.Scenario))
	}
	if o.Scenario.Missing != scenario.MissingNone {
		fmt.Fprintf(w, "Assumption: %s; the remaining %s valid votes are %s.\n", describeRule(t, o), thousands(o.Remaining), noteText(o.RemainingNote))
	}
	for _, fl := range o.Flags {
		fmt.Fprintf(w, "IMPOSSIBLE: %s.\n", noteText(fl.Note))
	}
	fmt.Fprintln(w)
	writeScenarioTable(w, t, o, changed)
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
				fmt.Fprintf(w, "  note: %s\n", noteText(n))
			}
		} else {
			fmt.Fprintf(w, "\nMonte Carlo, seed %d: %s wins %s.\n", mc.Seed, label(t, a), noteText(st.Note()))
		}
		if mc.Model.Code != "" {
			fmt.Fprintf(w, "Model: %s.\n", noteText(mc.Model))
		}
		if b >= 0 && st.Kind != scenario.WinTooFew {
			fmt.Fprintf(w, "Margin of %s over %s, 90%% interval: %.2f to %.2f points (median %.2f).\n", label(t, a), label(t, b), mc.MarginQ[0], mc.MarginQ[4], mc.MarginQ[2])
			for _, c := range []int{a, b} {
				fmt.Fprintf(w, "  %s: %s to %s of the valid vote.\n", label(t, c), pct2(mc.ShareQ[c][0]), pct2(mc.ShareQ[c][4]))
			}
		}
		for _, n := range mc.Notes {
			fmt.Fprintf(w, "  note: %s\n", noteText(n))
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
			fmt.Fprintf(w, "  - %s\n", noteText(n))
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
		if sc.Split.From != "" {
			rest = fmt.Sprintf("taken from %s while the other candidates keep their counted share", label(t, mustCand(t, sc.Split.From)))
		}
		return fmt.Sprintf("%s of the remaining votes go to %s, %s", pct1(sc.Split.Share), label(t, mustCand(t, sc.Split.Candidate)), rest)
	case scenario.MissingWorstCase:
		return fmt.Sprintf("the worst case for %s: every remaining vote to %s", label(t, o.CountedLeader), label(t, o.CountedRunnerUp))
	case scenario.MissingClaim:
		return "the missing units contain whatever the claimed totals imply"
	}
	return "only the counted units"
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
	if st.Unknown > 0 || st.BaselineUnknown > 0 {
		fmt.Fprintf(w, "  %-28s %6d  (counted as reported: %d)\n", "unknown: lumped column ahead", st.Unknown, st.BaselineUnknown)
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

// writeScenarioTable writes the votes per candidate: counted (as the data
// has them), the change that the swing and turnout make to them (when
// there is one), the missing units' votes, the total and the share.
func writeScenarioTable(w io.Writer, t *sim.Tally, o *scenario.Outcome, changed bool) {
	if !changed {
		fmt.Fprintf(w, "%-28s %14s %14s %14s %8s\n", "candidate", "counted", "missing", "total", "share")
		for c := range t.Candidates {
			fmt.Fprintf(w, "%-28s %14s %14s %14s %8s\n", trunc(t.Candidates[c].Label(), 28), thousands(o.Counted[c]), thousands(o.Imputed[c]), thousands(o.Total[c]), pct2(o.Share(c)))
		}
		fmt.Fprintf(w, "%-28s %14s %14s %14s\n", "valid", thousands(o.CountedValid), thousands(o.Remaining), thousands(o.Valid))
		return
	}
	var base int64
	fmt.Fprintf(w, "%-28s %14s %12s %14s %14s %8s\n", "candidate", "counted", "change", "missing", "total", "share")
	for c := range t.Candidates {
		base += o.Baseline[c]
		fmt.Fprintf(w, "%-28s %14s %12s %14s %14s %8s\n", trunc(t.Candidates[c].Label(), 28), thousands(o.Baseline[c]), signed(o.Counted[c]-o.Baseline[c]), thousands(o.Imputed[c]), thousands(o.Total[c]), pct2(o.Share(c)))
	}
	fmt.Fprintf(w, "%-28s %14s %12s %14s %14s\n", "valid", thousands(base), signed(o.CountedValid-base), thousands(o.Remaining), thousands(o.Valid))
}

// signed writes n with its sign: +714,312, -12, 0.
func signed(n int64) string {
	if n > 0 {
		return "+" + thousands(n)
	}
	return thousands(n)
}
