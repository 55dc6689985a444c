package chart

import (
	"github.com/tallyscope/tallyscope/sim"
)

func sharesTable(a *sim.Aggregation, d *SharesData) *Table {
	t := a.Tally
	tab := &Table{Kind: KindShares, Title: "Votes and shares of the valid vote per candidate, counted and claimed"}
	tab.fact("counted_units", a.Nation.Units)
	tab.fact("expected_units", a.Nation.Expected.Units)
	tab.fact("unit_level", t.UnitLevel)
	tab.Columns = []string{"candidate_id", "candidate", "counted_votes", "counted_share"}
	type claim struct {
		votes []int64
		valid int64
	}
	var claims []claim
	for _, c := range t.Claims {
		valid := c.ValidTotal()
		if valid <= 0 {
			continue
		}
		cl := claim{votes: make([]int64, len(t.Candidates)), valid: valid}
		for i := range cl.votes {
			cl.votes[i] = sim.Unknown
		}
		for _, v := range c.Votes {
			if i, err := t.Candidate(v.Candidate); err == nil {
				cl.votes[i] = v.Votes
			}
		}
		claims = append(claims, cl)
		tab.Columns = append(tab.Columns, c.Label+" votes", c.Label+" share")
		tab.fact(c.Label+": source", c.Source)
		tab.fact(c.Label+": date", c.Date)
	}
	if d.HasProjection {
		tab.Columns = append(tab.Columns[:4], append([]string{"projected_votes", "projected_share"}, tab.Columns[4:]...)...)
		tab.fact("projection_rule", string(d.Rule))
	}
	for c, cand := range t.Candidates {
		r := []any{cand.ID, cand.Label(), a.Nation.Votes[c], a.Nation.Share(c, sim.OfValid)}
		if d.HasProjection {
			r = append(r, d.projected[c], float64(d.projected[c])/float64(d.ProjectedValid))
		}
		for _, cl := range claims {
			if cl.votes[c] == sim.Unknown {
				r = append(r, nil, nil)
			} else {
				r = append(r, cl.votes[c], float64(cl.votes[c])/float64(cl.valid))
			}
		}
		tab.row(r...)
	}
	r := []any{"valid", "Valid votes", a.Nation.Valid, 1.0}
	if d.HasProjection {
		r = append(r, d.ProjectedValid, 1.0)
	}
	for _, cl := range claims {
		r = append(r, cl.valid, 1.0)
	}
	tab.row(r...)
	return tab
}

func regionsTable(t *sim.Tally, d *RegionsData, votes func(r int) []int64) *Table {
	a := sim.Aggregate(t)
	title := "Counted votes per region and candidate, and the margin of A over B in points of the valid vote"
	if d.HasProjection {
		title = "Projected votes (counted plus imputed, rule " + string(d.Rule) + ") per region and candidate, and the margin of A over B in points of the valid vote"
	}
	tab := &Table{Kind: KindRegions, Title: title}
	tab.fact("level", d.Level)
	tab.fact("a", t.Candidates[d.A].ID)
	tab.fact("b", t.Candidates[d.B].ID)
	tab.Columns = []string{"key", "name", "units", "expected_units", "valid"}
	for _, c := range t.Candidates {
		tab.Columns = append(tab.Columns, c.ID)
	}
	tab.Columns = append(tab.Columns, "margin_votes", "margin_pp")
	// Rows in key order, as the data lists the regions.
	keyed := map[int]RegionRow{}
	for _, r := range d.Rows {
		keyed[r.Region] = r
	}
	l, _ := t.LevelIndex(d.Level)
	for _, ri := range a.Level(l) {
		r, ok := keyed[ri]
		if !ok {
			continue
		}
		var exp any
		if r.ExpectedUnits > 0 {
			exp = r.ExpectedUnits
		}
		row := []any{r.Key, r.Name, r.Units, exp, r.Valid}
		for _, v := range votes(ri) {
			row = append(row, v)
		}
		tab.row(append(row, r.VotesA-r.VotesB, r.MarginPP)...)
	}
	return tab
}

func breakEvenTable(t *sim.Tally, d *BreakEvenData) *Table {
	tab := &Table{Kind: KindBreakEven, Title: "Final margin of the leader as a function of the runner-up's share of the remaining votes"}
	tab.fact("leader", t.Candidates[d.Leader].ID)
	tab.fact("runner_up", t.Candidates[d.RunnerUp].ID)
	tab.fact("counted_margin", d.Margin)
	tab.fact("counted_valid", d.Counted)
	tab.fact("remaining_votes", d.Remaining)
	tab.fact("remaining_method", string(d.RemainingMethod))
	tab.fact("missing_units", d.MissingUnits)
	tab.fact("others_share", d.OthersShare)
	tab.fact("needed_share", d.Needed)
	tab.fact("needed_share_alone", d.NeededAlone)
	tab.fact("impossible", d.Impossible)
	tab.fact("locked", d.Locked)
	tab.fact("lead_if_all_to_runner_up", d.LeadIfAllToRunnerUp)
	tab.Columns = []string{"runner_up_share", "final_margin_votes", "possible"}
	for _, p := range d.Curve {
		tab.row(p.Share, p.Margin, p.Share <= d.MaxShare)
	}
	return tab
}

func monteCarloTable(t *sim.Tally, d *MonteCarloData) *Table {
	tab := &Table{Kind: KindMonteCarlo, Title: "Distribution of the projected margin of A over B over the simulated runs, in points"}
	tab.fact("runs", d.Runs)
	tab.fact("seed", int64(d.Seed))
	tab.fact("a", t.Candidates[d.A].ID)
	tab.fact("b", t.Candidates[d.B].ID)
	for c, p := range d.WinProb {
		tab.fact("win_probability "+t.Candidates[c].ID, p)
	}
	tab.fact("margin_q05", d.Lo90)
	tab.fact("margin_q25", d.Lo50)
	tab.fact("margin_median", d.Median)
	tab.fact("margin_q75", d.Hi50)
	tab.fact("margin_q95", d.Hi90)
	tab.fact("margin_mean", d.MarginMean)
	tab.fact("missing_units", d.MissingUnits)
	tab.Columns = []string{"margin_pp_from", "margin_pp_to", "runs"}
	for _, b := range d.Bins {
		tab.row(b.From, b.To, b.Runs)
	}
	return tab
}

func fingerprintTable(t *sim.Tally, d *FingerprintData) *Table {
	tab := &Table{Kind: KindFingerprint, Title: "Units per turnout and share cell (non-empty cells only)"}
	tab.fact("candidate", d.CandidateID)
	tab.fact("units", d.Units)
	tab.fact("excluded_units", d.Excluded)
	for _, e := range d.Histogram.Excluded {
		tab.fact("excluded: "+e.Reason, e.Units)
	}
	tab.fact("corner", d.Corner)
	tab.fact("corner_units", d.CornerUnits)
	tab.Columns = []string{"turnout_from", "turnout_to", "share_from", "share_to", "units"}
	for i := 0; i < d.TurnoutBins; i++ {
		for j := 0; j < d.ShareBins; j++ {
			if n := d.At(i, j); n > 0 {
				tab.row(float64(i)/float64(d.TurnoutBins), float64(i+1)/float64(d.TurnoutBins),
					float64(j)/float64(d.ShareBins), float64(j+1)/float64(d.ShareBins), n)
			}
		}
	}
	return tab
}

func digitsTable(t *sim.Tally, d *DigitsData) *Table {
	tab := &Table{Kind: KindDigits, Title: "Digit counts per candidate against the expected law (" + d.Test + " digit)"}
	tab.fact("test", d.Test)
	tab.Columns = []string{"digit", "expected_share"}
	for _, s := range d.Series {
		id := t.Candidates[s.Candidate].ID
		tab.fact(id+" n", s.N)
		tab.fact(id+" chi_square", s.ChiSquare)
		tab.fact(id+" df", s.DF)
		tab.fact(id+" p_value", s.PValue)
		tab.Columns = append(tab.Columns, id+" count", id+" share")
		if b := s.Binomial; b != nil {
			tab.fact(id+" binomial_chi_square", b.ChiSquare)
			tab.fact(id+" binomial_df", b.DF)
			tab.fact(id+" binomial_p_value", b.PValue)
			tab.Columns = append(tab.Columns, id+" binomial_expected_share")
		}
	}
	for k := 0; k < 10; k++ {
		r := []any{int64(k), d.Series[0].Expected[k]}
		for _, s := range d.Series {
			r = append(r, s.Observed[k], s.Share(k))
			if s.Binomial != nil {
				r = append(r, s.Binomial.Expected[k])
			}
		}
		tab.row(r...)
	}
	return tab
}

func swingTable(t *sim.Tally, d *SwingData) *Table {
	tab := &Table{Kind: KindSwing, Title: "Units won by A and B as a uniform swing moves points of the valid vote from B to A"}
	tab.fact("a", t.Candidates[d.A].ID)
	tab.fact("b", t.Candidates[d.B].ID)
	tab.fact("units", d.Units)
	tab.fact("unit_level", d.UnitLevel)
	if d.HasFlip {
		tab.fact("flip_swing_pp", d.Flip)
	} else {
		tab.fact("flip_swing_pp", nil)
	}
	tab.Columns = []string{"swing_pp", "won_a", "won_b", "won_other"}
	for k, s := range d.Swings {
		tab.row(s, d.WonA[k], d.WonB[k], d.WonOther[k])
	}
	return tab
}
