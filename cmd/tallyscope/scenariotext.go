package main

import (
	"fmt"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"io"
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

// thousands, pct1 and pct2 write numbers as i18n writes them in the
// output's language: 7,303,480, 67.1%, 67.08%.
func thousands(n int64) string { return lang.Int(n) }

func pct1(f float64) string { return lang.Percent(f, 1) }
func pct2(f float64) string { return lang.Percent(f, 2) }

func label(t *sim.Tally, c int) string {
	if c < 0 {
		return "nobody"
	}
	return t.Candidates[c].Label()
}

// unitPlural names n of the tally's units in the output's language.
func unitPlural(t *sim.Tally, n int64) string { return i18n.UnitsFor(t.UnitLevel).Name(lang, n) }

// headline is the sentence a journalist could quote.
func headline(t *sim.Tally, o *scenario.Outcome) string {
	sc := o.Scenario
	w, r := label(t, o.Winner), label(t, o.RunnerUp)
	switch sc.Missing {
	case scenario.MissingWorstCase:
		lead, run := o.CountedLeader, o.CountedRunnerUp
		if o.RemainingMethod != scenario.RemainingFull {
			who := tr(t, i18n.CliWorstWho, thousands(o.Remaining), noteText(o.RemainingNote))
			if o.Winner == lead {
				return tr(t, i18n.CliWorstStill, who, label(t, run), label(t, lead), thousands(o.Margin), thousands(o.Total[lead]), thousands(o.Total[run]))
			}
			return tr(t, i18n.CliWorstWin, who, label(t, run), w, thousands(o.Margin), thousands(o.Total[o.Winner]), thousands(o.Total[o.RunnerUp]))
		}
		if o.Winner == lead {
			return tr(t, i18n.CliWorstFullStill, thousands(o.MissingRegistered), label(t, run), label(t, lead), thousands(o.Margin), thousands(o.Total[lead]), thousands(o.Total[run]))
		}
		return tr(t, i18n.CliWorstFullWin, thousands(o.MissingRegistered), label(t, run), w, thousands(o.Margin), thousands(o.Total[o.Winner]), thousands(o.Total[o.RunnerUp]))
	case scenario.MissingClaim:
		lbl := lang.ClaimLabel(sc.Claim.Label)
		if lbl == "" {
			lbl = tr(t, i18n.CliTheClaim)
		}
		if len(o.Flags) == 0 {
			if partialClaim(sc) {
				return tr(t, i18n.CliClaimPartial, capitalize(lbl), pct2(sc.Claim.Reported))
			}
			return tr(t, i18n.CliClaimOK, lbl, thousands(o.Remaining))
		}
		return tr(t, i18n.CliClaimNo, capitalize(lbl), noteText(o.Flags[0].Note))
	case scenario.MissingNone:
		k := i18n.CliCounted
		if hasChanges(sc) {
			k = i18n.CliCountedChanged
		}
		return tr(t, k, w, r, thousands(o.Margin), pct2(o.Share(o.Winner)), pct2(o.Share(o.RunnerUp)), dec(o.MarginPP))
	}
	rule := tr(t, i18n.CliRuleLike)
	if sc.Missing == scenario.MissingSplit {
		rule = tr(t, i18n.CliRuleSplit, pct1(sc.Split.Share), label(t, mustCand(t, sc.Split.Candidate)))
	}
	missing := tr(t, i18n.CliMissing)
	if o.MissingUnits > 0 {
		missing = tr(t, i18n.CliMissingN, thousands(o.MissingUnits), unitPlural(t, o.MissingUnits))
	}
	if o.Tie {
		return tr(t, i18n.CliTie, missing, rule, w, r)
	}
	return tr(t, i18n.CliWin, missing, rule, w, pct2(o.Share(o.Winner)), r, pct2(o.Share(o.RunnerUp)), thousands(o.Margin), dec(o.MarginPP))
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
	if sc := o.Scenario; partialClaim(sc) && sc.Missing == scenario.MissingClaim {
		lbl := lang.ClaimLabel(sc.Claim.Label)
		if lbl == "" {
			lbl = tr(t, i18n.CliTheClaim)
		}
		fmt.Fprintln(w, tr(t, i18n.CliAssumePartial, capitalize(lbl), pct2(sc.Claim.Reported)))
	} else if o.Scenario.Missing != scenario.MissingNone {
		fmt.Fprintln(w, tr(t, i18n.CliAssumption, describeRule(t, o), thousands(o.Remaining), noteText(o.RemainingNote)))
	}
	for _, fl := range o.Flags {
		fmt.Fprintln(w, tr(t, i18n.CliImpossible, noteText(fl.Note)))
	}
	fmt.Fprintln(w)
	writeScenarioTable(w, t, o, changed)
	if len(out.Regions) > 0 {
		fmt.Fprintln(w, "\n"+tr(t, i18n.CliByLevel, i18n.LevelFor(out.Level).One(lang)))
		for _, r := range out.Regions {
			fmt.Fprintln(w, tr(t, i18n.CliRegionRow, trunc(r.Name, 24), r.Leader, thousands(r.Margin), thousands(r.Imputed)))
		}
	}
	if mc := out.MonteCarlo; mc != nil {
		a, b := mc.A, mc.B
		st := mc.Statement(a)
		if st.Kind == scenario.WinTooFew {
			fmt.Fprintln(w, "\n"+tr(t, i18n.CliMCTooFew, thousands(int64(mc.Runs)), fmt.Sprint(mc.Seed), thousands(scenario.MinRuns)))
			for _, n := range mc.Notes {
				fmt.Fprintln(w, tr(t, i18n.CliNote, noteText(n)))
			}
		} else {
			fmt.Fprintln(w, "\n"+tr(t, i18n.CliMCWins, fmt.Sprint(mc.Seed), label(t, a), noteText(st.Note())))
		}
		if mc.Model.Code != "" {
			fmt.Fprintln(w, tr(t, i18n.CliModel, noteText(mc.Model)))
		}
		if b >= 0 && st.Kind != scenario.WinTooFew {
			fmt.Fprintln(w, tr(t, i18n.CliMCInterval, label(t, a), label(t, b), dec(mc.MarginQ[0]), dec(mc.MarginQ[4]), dec(mc.MarginQ[2])))
			for _, c := range []int{a, b} {
				fmt.Fprintln(w, tr(t, i18n.CliMCShare, label(t, c), pct2(mc.ShareQ[c][0]), pct2(mc.ShareQ[c][4])))
			}
		}
		for _, n := range mc.Notes {
			fmt.Fprintln(w, tr(t, i18n.CliNote, noteText(n)))
		}
	}
	if v := out.Validation; v != nil {
		fmt.Fprintln(w, "\n"+tr(t, i18n.CliValidation, pct1(v.Hide), thousands(int64(v.Reps)), thousands(int64(v.Covered)), thousands(int64(v.Checks)), pct1(v.Coverage), dec(v.MeanWidthPP), dec(v.MeanErrorPP)))
	}
	if q := out.QuickCount; q != nil {
		fmt.Fprintln(w, "\n"+tr(t, i18n.CliQuick, thousands(q.Sampled), thousands(q.Population), thousands(int64(q.Strata))))
		for _, s := range q.Shares {
			if s.Share < 0.01 {
				continue
			}
			fmt.Fprintln(w, tr(t, i18n.CliQuickShare, label(t, s.Candidate), pct2(s.Share), dec(196*s.SE)))
		}
		if q.B >= 0 {
			fmt.Fprintln(w, tr(t, i18n.CliQuickMargin, label(t, q.A), label(t, q.B), dec(q.MarginPP), dec(1.96*q.MarginSEPP)))
		}
	}
	if st := out.Seats; st != nil {
		writeSeats(w, t, st)
	}
	if len(o.Notes) > 0 {
		fmt.Fprintln(w, "\n"+tr(t, i18n.CliNotes))
		for _, n := range o.Notes {
			fmt.Fprintf(w, "  - %s\n", noteText(n))
		}
	}
	fmt.Fprintln(w, "\n"+tr(t, i18n.CliData, out.Data, shortSHA(out.SHA256), out.Engine))
	fmt.Fprintln(w, tr(t, i18n.CliReproduce, "scenario", out.String))
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
		return tr(t, i18n.CliAssumeLike, thousands(int64(m)), unitPlural(t, int64(m)))
	case scenario.MissingSplit:
		rest := tr(t, i18n.CliRestLike)
		if len(sc.Split.Rest) > 0 {
			rest = tr(t, i18n.CliRestGiven)
		}
		if sc.Split.From != "" {
			rest = tr(t, i18n.CliRestFrom, label(t, mustCand(t, sc.Split.From)))
		}
		return tr(t, i18n.CliAssumeSplit, pct1(sc.Split.Share), label(t, mustCand(t, sc.Split.Candidate)), rest)
	case scenario.MissingWorstCase:
		return tr(t, i18n.CliAssumeWorst, label(t, o.CountedLeader), label(t, o.CountedRunnerUp))
	case scenario.MissingClaim:
		return tr(t, i18n.CliAssumeClaim)
	}
	return tr(t, i18n.CliAssumeNone)
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
	col := func(k i18n.Key) string { return tr(t, k) }
	if !changed {
		fmt.Fprintf(w, "%-28s %14s %14s %14s %8s\n", col(i18n.CliColCandidate), col(i18n.CliColCounted), col(i18n.CliColMissing), col(i18n.CliColTotal), col(i18n.CliColShare))
		for c := range t.Candidates {
			fmt.Fprintf(w, "%-28s %14s %14s %14s %8s\n", trunc(t.Candidates[c].Label(), 28), thousands(o.Counted[c]), thousands(o.Imputed[c]), thousands(o.Total[c]), pct2(o.Share(c)))
		}
		fmt.Fprintf(w, "%-28s %14s %14s %14s\n", col(i18n.CliColValid), thousands(o.CountedValid), thousands(o.Remaining), thousands(o.Valid))
		return
	}
	var base int64
	fmt.Fprintf(w, "%-28s %14s %12s %14s %14s %8s\n", col(i18n.CliColCandidate), col(i18n.CliColCounted), col(i18n.CliColChange), col(i18n.CliColMissing), col(i18n.CliColTotal), col(i18n.CliColShare))
	for c := range t.Candidates {
		base += o.Baseline[c]
		fmt.Fprintf(w, "%-28s %14s %12s %14s %14s %8s\n", trunc(t.Candidates[c].Label(), 28), thousands(o.Baseline[c]), signed(o.Counted[c]-o.Baseline[c]), thousands(o.Imputed[c]), thousands(o.Total[c]), pct2(o.Share(c)))
	}
	fmt.Fprintf(w, "%-28s %14s %12s %14s %14s\n", col(i18n.CliColValid), thousands(base), signed(o.CountedValid-base), thousands(o.Remaining), thousands(o.Valid))
}

// signed writes n with its sign: +714,312, -12, 0.
func signed(n int64) string {
	if n > 0 {
		return "+" + thousands(n)
	}
	return thousands(n)
}

// tr words k in the output's language, naming t's units.
func tr(t *sim.Tally, k i18n.Key, args ...any) string {
	return lang.TUf(k, i18n.UnitsFor(t.UnitLevel), args...)
}

// dec writes x with two decimals in the output's language: 26.82, 26,82.
func dec(x float64) string { return lang.Float(x, 2) }

// partialClaim reports whether sc's claim counts only part of the units
// (an early bulletin): the core then compares it with the counted units
// instead of filling the missing ones with it.
func partialClaim(sc scenario.Scenario) bool {
	return sc.Claim != nil && sc.Claim.Reported > 0 && sc.Claim.Reported < 1
}
