package main

import (
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// hasChanges reports whether sc changes the counted units (a swing or a
// turnout change).
func hasChanges(sc scenario.Scenario) bool {
	return len(sc.Swings) > 0 || !sc.Turnout.IsZero()
}

// changesLine states the swings and the turnout change that sc applies
// to the counted units, so that the text says every assumption it rests
// on: "Changes to the counted tables: Nicolás Maduro Moros +5.00 points
// of the valid vote, taken from the other candidates in proportion to
// their shares; turnout +3.00 points of the registered voters."
func changesLine(t *sim.Tally, sc scenario.Scenario) string {
	var parts []string
	for _, s := range sc.Swings {
		name := s.Candidate
		if c := mustCand(t, s.Candidate); c >= 0 {
			name = label(t, c)
		}
		from := "taken from the other candidates in proportion to their shares"
		if s.PP < 0 {
			from = "given to the other candidates in proportion to their shares"
		}
		if s.From != "" {
			who := s.From
			if c := mustCand(t, s.From); c >= 0 {
				who = label(t, c)
			}
			from = "taken from " + who
			if s.PP < 0 {
				from = "given to " + who
			}
		}
		what := fmt.Sprintf("%s %+.2f points of the valid vote, %s", name, s.PP, from)
		if s.Kind == scenario.Proportional {
			what = fmt.Sprintf("%s %+.2f points of the valid vote, in proportion to its share in each %s, %s", name, s.PP, unitPlural(t, 1), from)
		}
		parts = append(parts, what+where(s.Level, s.Region))
	}
	if tc := sc.Turnout; !tc.IsZero() {
		var what []string
		if tc.Factor != 0 && tc.Factor != 1 {
			what = append(what, fmt.Sprintf("votes ×%g", tc.Factor))
		}
		if tc.PP != 0 {
			what = append(what, fmt.Sprintf("%+.2f points of the registered voters", tc.PP))
		}
		parts = append(parts, "turnout "+strings.Join(what, " and ")+where(tc.Level, tc.Region))
	}
	return fmt.Sprintf("Changes to the counted %s: %s.", unitPlural(t, 2), strings.Join(parts, "; "))
}

func where(level, region string) string {
	if region == "" {
		return ""
	}
	return fmt.Sprintf(" (only in %s %s)", level, region)
}
