package scenario

import (
	"cmp"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
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

// unknownSeat marks a seat that a lumped column outpolls.
const unknownSeat = -2

// Seats counts seats for constituency data: every counted unit is one
// seat, won by its candidate (or party) with the most votes, first past
// the post. A unit whose top two are tied, or with no votes, is not
// assigned (Undecided). A lumped column ("All other candidates") is a
// remainder of several candidates, never a contestant: it wins no seat,
// and where it outpolls every named candidate the data cannot say who
// won, so the seat is not assigned either (Unknown).
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
	// Unknown counts units where a lumped column has more votes than
	// every contestant, before and after.
	Unknown         int `json:"unknown"`
	BaselineUnknown int `json:"baseline_unknown"`
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
	g := newSeatGroups(t, byParty)
	s := &Seats{Total: len(t.Units), Holder: -1}
	shares := make([]float64, e.nc)
	out := make([]int64, e.nc)
	nat := make([]float64, e.nc)
	for c := range nat {
		nat[c] = e.agg.Nation.Share(c, 0)
	}
	for i := range t.Units {
		u := &t.Units[i]
		before := g.winner(u.Votes)
		_, changed, _, _ := e.adjustUnit(rs, i, shares, out, nat)
		after := before
		if changed {
			after = g.winner(out)
		}
		switch {
		case before >= 0:
			g.counts[before].Baseline++
		case before == unknownSeat:
			s.BaselineUnknown++
		default:
			s.BaselineUndecided++
		}
		switch {
		case after >= 0:
			g.counts[after].Seats++
		case after == unknownSeat:
			s.Unknown++
		default:
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
	s.sortCounts(g.counts)
	if len(s.Counts) > 0 && s.Counts[0].Seats >= s.Majority {
		s.Holder = 0
	}
	return s, nil
}

// seatGroups maps candidates to the groups that win seats: one per
// candidate, or one per party.
type seatGroups struct {
	group  []int  // candidate → group
	lump   []bool // group → all its candidates are lumped columns
	counts []SeatCount
	gv     []int64 // scratch votes per group
}

func newSeatGroups(t *sim.Tally, byParty bool) *seatGroups {
	g := &seatGroups{group: make([]int, len(t.Candidates))}
	byName := map[string]int{}
	for c, cand := range t.Candidates {
		key := "\x00" + cand.ID
		name := cand.Label()
		if byParty && cand.Party != "" {
			key, name = cand.Party, cand.Party
		}
		k, ok := byName[key]
		if !ok {
			k = len(g.counts)
			byName[key] = k
			g.counts = append(g.counts, SeatCount{Name: name})
		}
		g.group[c] = k
		g.counts[k].Candidates = append(g.counts[k].Candidates, c)
	}
	// A group is a remainder when all its candidates are lumped columns.
	g.lump = make([]bool, len(g.counts))
	for k := range g.counts {
		g.lump[k] = true
		for _, c := range g.counts[k].Candidates {
			if !t.Candidates[c].Aggregate {
				g.lump[k] = false
			}
		}
	}
	g.gv = make([]int64, len(g.counts))
	return g
}

// winner returns the winning group, -1 for a tie or no votes, and
// unknownSeat when a remainder outpolls every contestant.
func (g *seatGroups) winner(votes []int64) int {
	clear(g.gv)
	var lump int64
	for c, v := range votes {
		if g.lump[g.group[c]] {
			lump += v
			continue
		}
		g.gv[g.group[c]] += v
	}
	l, _, tie := sim.TopTwo(g.gv, g.lump)
	switch {
	case l < 0 || g.gv[l] == 0 && lump == 0:
		return -1
	case lump >= g.gv[l]:
		// One of the candidates inside the lump may have won.
		return unknownSeat
	case tie:
		return -1
	}
	return l
}

// sortCounts orders the groups by seats, then by baseline seats, and
// renumbers the flips to match.
func (s *Seats) sortCounts(counts []SeatCount) {
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
	s.Counts = make([]SeatCount, len(counts))
	for k, g := range order {
		pos[g] = k
		s.Counts[k] = counts[g]
	}
	for k := range s.Flips {
		if f := s.Flips[k].From; f >= 0 {
			s.Flips[k].From = pos[f]
		}
		if f := s.Flips[k].To; f >= 0 {
			s.Flips[k].To = pos[f]
		}
	}
}
