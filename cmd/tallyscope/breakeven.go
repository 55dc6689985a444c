package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

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
		run, pct2(b.Needed), thousands(b.Remaining), noteText(b.RemainingNote), lead, thousands(b.Margin), pct2(b.OthersShare))
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
			fmt.Fprintf(w, "  - %s\n", noteText(n))
		}
	}
	fmt.Fprintf(w, "\nData: %s (sha256 %s); engine %s.\nReproduce: tallyscope breakeven --scenario %s FILE\n", out.Data, shortSHA(out.SHA256), out.Engine, out.String)
}
