package scenario

import (
	"cmp"
	"slices"
)

// SeatCount is the seats of one candidate, or of one party when seats are
// counted by party.
type SeatCount struct {
	// Name is the candidate's label or the party's name.
	Name string `json:"name"`
	// Candidates index Tally.Candidates: one, or every candidate of the
	// party.
	Candidates []int `json:"candidates"`
	Seats      int   `json:"seats"`
	Baseline   int   `json:"baseline"`
}

// Flip is one unit whose winner changes under a scenario.
type Flip struct {
	// Unit indexes Tally.Units.
	Unit int `json:"unit"`
	// From and To index Seats.Counts.
	From int `json:"from"`
	To   int `json:"to"`
}

// Seats counts seats for constituency data: every counted unit is one
// seat, won by its candidate (or party) with the most votes, first past
// the post. A unit whose top two are tied, or with no votes, is not
// assigned (Undecided).
type Seats struct {
	// Counts are sorted by seats (most first), then baseline seats, then
	// tally order.
	Counts []SeatCount `json:"counts"`
	// Total is the number of seats (counted units); Majority is the
	// least number of seats that is more than half of Total plus the
	// missing units when they are known.
	Total    int `json:"total"`
	Missing  int `json:"missing"`
	Majority int `json:"majority"`
	// Undecided counts tied or empty units, before and after.
	Undecided         int `json:"undecided"`
	BaselineUndecided int `json:"baseline_undecided"`
	// Holder indexes Counts: the one with a majority, or -1.
	Holder int `json:"holder"`
	// Flips lists the units whose winner changed, in tally order.
	Flips []Flip `json:"flips"`
}

// Seats counts the seats under sc (the counted units after sc's turnout
// change and swings; missing units get no seat but count towards the
// majority line when their number is known). byParty groups candidates by
// their Party (candidates without a party stand alone).
func (e *Engine) Seats(sc Scenario, byParty bool) (*Seats, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	rs, err := e.resolve(&sc)
	if err != nil {
		return nil, err
	}
	t := e.t
	// Groups.
	group := make([]int, e.nc)
	var counts []SeatCount
	byName := map[string]int{}
	for c, cand := range t.Candidates {
		key := "\x00" + cand.ID
		name := cand.Label()
		if byParty && cand.Party != "" {
			key, name = cand.Party, cand.Party
		}
		g, ok := byName[key]
		if !ok {
			g = len(counts)
			byName[key] = g
			counts = append(counts, SeatCount{Name: name})
		}
		group[c] = g
		counts[g].Candidates = append(counts[g].Candidates, c)
	}
	gv := make([]int64, len(counts))
	winner := func(votes []int64) int {
		clear(gv)
		for c, v := range votes {
			gv[group[c]] += v
		}
		l, _, tie := leader(gv)
		if tie || gv[l] == 0 {
			return -1
		}
		return l
	}
	s := &Seats{Total: len(t.Units), Holder: -1}
	shares := make([]float64, e.nc)
	out := make([]int64, e.nc)
	nat := make([]float64, e.nc)
	for c := range nat {
		nat[c] = e.agg.Nation.Share(c, 0)
	}
	for i := range t.Units {
		u := &t.Units[i]
		before := winner(u.Votes)
		_, changed, _, _ := e.adjustUnit(rs, i, shares, out, nat)
		after := before
		if changed {
			after = winner(out)
		}
		if before >= 0 {
			counts[before].Baseline++
		} else {
			s.BaselineUndecided++
		}
		if after >= 0 {
			counts[after].Seats++
		} else {
			s.Undecided++
		}
		if after != before {
			s.Flips = append(s.Flips, Flip{Unit: i, From: before, To: after})
		}
	}
	if x := e.t.NationalExpectation(); x.Units > 0 || sc.UnitsTotal > 0 {
		units := x.Units
		if sc.UnitsTotal > 0 {
			units = sc.UnitsTotal
		}
		s.Missing = max(int(units)-s.Total, 0)
	}
	s.Majority = (s.Total+s.Missing)/2 + 1
	// Sort and remap flips.
	order := make([]int, len(counts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(counts[b].Seats, counts[a].Seats); c != 0 {
			return c
		}
		return cmp.Compare(counts[b].Baseline, counts[a].Baseline)
	})
	pos := make([]int, len(counts))
	sorted := make([]SeatCount, len(counts))
	for k, g := range order {
		pos[g] = k
		sorted[k] = counts[g]
	}
	s.Counts = sorted
	for k := range s.Flips {
		if f := s.Flips[k].From; f >= 0 {
			s.Flips[k].From = pos[f]
		}
		if f := s.Flips[k].To; f >= 0 {
			s.Flips[k].To = pos[f]
		}
	}
	if len(s.Counts) > 0 && s.Counts[0].Seats >= s.Majority {
		s.Holder = 0
	}
	return s, nil
}
