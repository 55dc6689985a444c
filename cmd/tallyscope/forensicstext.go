package main

import (
	"fmt"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
)

// fxInt writes n with thousands separators, as i18n writes them.
func fxInt(n int64) string { return lang.Int(n) }

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
	fxWrap(w, indent+"  ", "→ "+roundSummary(r))
	fxWrap(w, indent+"  ", r.Null)
	fxWrap(w, indent+"  ", "Caveat: "+r.Caveat)
}

// writeForensicsText writes the forensic report r of tally t (read from
// file) as text, one numbered section per check.
func writeForensicsText(w io.Writer, t *sim.Tally, r *forensics.Report, file string) error {
	units := writeForensicsHeader(w, t, r, file)
	writeRoundSection(w, r)
	writeFingerprintSection(w, t, r, units)
	writeKlimekSection(w, t, r, units)
	writeDigitSection(w, r)
	writeSpikeSection(w, t, r, units)
	writeTurnoutShareSection(w, t, r, units)
	writeFlags(w, r)
	writeSkipped(w, r)
	return nil
}

// writeForensicsHeader writes the report's title, data and statement, and returns the
// plural of the unit level's name.
func writeForensicsHeader(w io.Writer, t *sim.Tally, r *forensics.Report, file string) (units string) {
	title := r.Title
	if title == "" {
		title = file
	}
	fmt.Fprintf(w, "Forensic checks: %s\n", title)
	unit := t.UnitLevel
	if unit == "" {
		unit = "unit"
	}
	units = fxPlural(unit)
	fmt.Fprintf(w, "Data: %s; %s %s, %s single, %s with registered voters", file, fxInt(int64(r.Units)), units, fxInt(int64(r.SingleUnits)), fxInt(int64(r.WithRegistered)))
	if r.Digest != "" {
		fmt.Fprintf(w, "; sha256 %s", r.Digest[:min(12, len(r.Digest))])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	fxWrap(w, "", r.Statement)
	return units
}

// writeRoundSection writes section 1: round percentages in the announced totals.
func writeRoundSection(w io.Writer, r *forensics.Report) {
	fmt.Fprintln(w, "\n1. Round percentages in announced totals")
	if len(r.Roundness) == 0 {
		fmt.Fprintln(w, "  No claim in the data states its totals with a known number of decimals.")
	}
	for _, rr := range r.Roundness {
		writeRoundText(w, rr, "  ")
	}
}

// writeFingerprintSection writes section 2: the turnout × share fingerprints.
func writeFingerprintSection(w io.Writer, t *sim.Tally, r *forensics.Report, units string) {
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
}

// writeKlimekSection writes section 3: the Klimek fraud-model fits.
func writeKlimekSection(w io.Writer, t *sim.Tally, r *forensics.Report, units string) {
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
}

// writeDigitSection writes section 4: the second-digit and last-digit
// tests, each against its uniform or Benford law and its binomial null.
func writeDigitSection(w io.Writer, r *forensics.Report) {
	fmt.Fprintln(w, "\n4. Digit tests")
	writeSecondDigits(w, r)
	writeLastDigits(w, r)
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
}

// writeSecondDigits writes the second-digit tables.
func writeSecondDigits(w io.Writer, r *forensics.Report) {
	fmt.Fprintln(w, "  Second digit (Mebane's 2BL), counts ≥ 10:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "    candidate\tcounts\tmean 2nd digit\t95% bootstrap\tBenford\tchi²(9)\tp\t")
	for _, d := range r.SecondDigit {
		note := ""
		if d.Note != nil {
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
}

// writeLastDigits writes the last-digit tables.
func writeLastDigits(w io.Writer, r *forensics.Report) {
	fmt.Fprintln(w, "  Last digits, counts ≥ 100:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "    candidate\tcounts\tchi²(9)\tp\tend in 0/5 (20%)\tp\trepeated pair (10%)\tp\tadjacent pair (18%)\tp\t")
	for _, d := range r.LastDigit {
		if d.N == 0 {
			continue
		}
		prop := func(p forensics.Proportion) string {
			return fmt.Sprintf("%s [%s–%s]\t%s", fxPct(p.Share, 1), fxPct(p.Interval.Lo, 1), fxPct(p.Interval.Hi, 1), fxP(p.PValue))
		}
		note := ""
		if d.Note != nil {
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
}

// writeSpikeSection writes section 5: the integer-percentage spikes.
func writeSpikeSection(w io.Writer, t *sim.Tally, r *forensics.Report, units string) {
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
}

// writeTurnoutShareSection writes section 6: the turnout–share relationship,
// nationally and per region.
func writeTurnoutShareSection(w io.Writer, t *sim.Tally, r *forensics.Report, units string) {
	fmt.Fprintln(w, "\n6. Turnout–share relationship")
	for i, ts := range r.TurnoutShare {
		n := ts.National
		fxWrap(w, "  ", fmt.Sprintf("%s, %s %s: correlation of turnout and share r = %s; Sobyanin–Sukhovolsky slope %s "+
			"(standard error %s) against an overall share of %s.",
			fxCandidate(t, ts.Candidate), fxInt(int64(n.Units)), units, fxNum(n.Correlation, 3), fxNum(n.Slope.Slope, 3),
			fxNum(n.Slope.SlopeSE, 3), fxPct(n.Share, 1)))
		if n.Within.N > 0 {
			fxWrap(w, "  ", fmt.Sprintf("Within each %s (each measured from its own means): slope %s (standard error %s), "+
				"%s standard errors from the share.", ts.LevelName, fxNum(n.Within.Slope, 3), fxNum(n.Within.SlopeSE, 3), fxNum(n.SlopeZ, 1)))
		}
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
}

// writeSkipped lists the checks that were skipped, and why.
func writeSkipped(w io.Writer, r *forensics.Report) {
	if len(r.Skipped) > 0 {
		fmt.Fprintln(w, "\nSkipped")
		for _, s := range r.Skipped {
			fxWrap(w, "  ", "- "+lang.Check(s.Check, s.Subject)+": "+noteText(s.Reason)+".")
		}
		if r.WithRegistered == 0 {
			fxWrap(w, "  ", "To run the turnout checks, join registered voters from another file with --join-registered "+
				"(for Venezuela: the V1 file onto V2).")
		}
	}
}

func capitalizeFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// fxPlural names a unit level in the plural ("tables", "counties").
func fxPlural(s string) string { return i18n.UnitsFor(s).Many(lang) }

// writeFlags lists the checks past their thresholds (forensics.Report.Flags).
func writeFlags(w io.Writer, r *forensics.Report) {
	fmt.Fprintln(w, "\nFlags")
	flags := r.Flags()
	if len(flags) == 0 {
		fxWrap(w, "  ", fmt.Sprintf("None: no digit or spike test has p < %g, and no within-region turnout–share slope is more than %g standard errors above the share.", forensics.FlagP, forensics.FlagSlopeZ))
		return
	}
	for _, f := range flags {
		what := map[string]string{forensics.FlagSlope: "Turnout–share slope within regions", forensics.FlagLastDigit: "Last digits",
			forensics.FlagSecondDigit: "Second digits", forensics.FlagSpikes: "Integer-percentage spikes"}[f.Check]
		if f.Quantity != "" {
			what += " (" + f.Quantity + ")"
		}
		p := "p = " + fxNum(f.Value, 4)
		if f.Value < 0.0001 {
			p = "p < 0.0001"
		}
		stat := fmt.Sprintf("%s, under the threshold of %g", p, f.Threshold)
		if f.Check == forensics.FlagSlope {
			stat = fmt.Sprintf("%s standard errors above the share (threshold %g)", fxNum(f.Value, 1), f.Threshold)
		}
		fxWrap(w, "  ", fmt.Sprintf("%s, %s: %s.", what, f.CandidateID, stat))
	}
	fxWrap(w, "  ", "A flag is a reason to look at the records behind the figures, not a finding of fraud; read each check's caveat above.")
}

// roundSummary words a roundness report in one sentence: "CNE 1st
// bulletin: 3 of 3 counts are exactly round percentages of …; under the
// null this happens about 1 in 101.2 million times. Flagged as unusually
// round."
func roundSummary(r *forensics.RoundReport) string {
	var b strings.Builder
	if r.Label != "" {
		b.WriteString(lang.ClaimLabel(r.Label) + ": ")
	}
	for _, n := range r.Summary() {
		switch n.Code {
		case "round.null":
			b.WriteString("; ")
		case "round.joint":
			b.WriteString(" ")
		case "round.flagged", "round.not-flagged":
			b.WriteString(". ")
		}
		b.WriteString(noteText(n))
	}
	return b.String()
}
