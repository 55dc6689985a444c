package main

import (
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"

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
		from := tr(t, i18n.CliSwingFromAll)
		if s.PP < 0 {
			from = tr(t, i18n.CliSwingToAll)
		}
		if s.From != "" {
			who := s.From
			if c := mustCand(t, s.From); c >= 0 {
				who = label(t, c)
			}
			from = tr(t, i18n.CliSwingFrom, who)
			if s.PP < 0 {
				from = tr(t, i18n.CliSwingTo, who)
			}
		}
		k := i18n.CliSwing
		if s.Kind == scenario.Proportional {
			k = i18n.CliSwingProp
		}
		parts = append(parts, tr(t, k, name, signedDec(s.PP), from)+where(t, s.Level, s.Region))
	}
	if tc := sc.Turnout; !tc.IsZero() {
		var what []string
		if tc.Factor != 0 && tc.Factor != 1 {
			f := strconv.FormatFloat(tc.Factor, 'g', -1, 64)
			if lang == i18n.ES {
				f = strings.Replace(f, ".", ",", 1)
			}
			what = append(what, tr(t, i18n.CliTurnoutFactor, f))
		}
		if tc.PP != 0 {
			what = append(what, tr(t, i18n.CliTurnoutPP, signedDec(tc.PP)))
		}
		both := what[0]
		if len(what) > 1 {
			both = tr(t, i18n.CliAnd, what[0], what[1])
		}
		parts = append(parts, tr(t, i18n.CliTurnout, both)+where(t, tc.Level, tc.Region))
	}
	return tr(t, i18n.CliChanges, strings.Join(parts, "; "))
}

// signedDec writes x with two decimals and its sign: +5.00, -3.00.
func signedDec(x float64) string {
	if x >= 0 {
		return "+" + dec(x)
	}
	return dec(x)
}

func where(t *sim.Tally, level, region string) string {
	if region == "" {
		return ""
	}
	return tr(t, i18n.CliOnlyIn, level, region)
}
