package sim

import "fmt"

// Ceilings bound every count a tally may hold, so that no sum the
// aggregation or a caller computes can overflow an int64 and turn
// negative. A unit holds at most MaxUnitVotes in any count and in its
// votes cast; a tally holds at most MaxUnits units; so no sum over units
// exceeds MaxUnits × MaxUnitVotes = 9e18, below the int64 limit of
// about 9.22e18. On top of that, every region at every level, and the
// whole tally, must sum to at most MaxRegionVotes votes cast and as many
// registered voters: a thousandfold margin for arithmetic on totals
// (margins, projections) that callers do later. Since counts are never
// negative, the whole tally's sums bound every region's, so checking the
// whole tally checks every region.
//
// The ceilings are far above any real election: the largest electorate,
// India's, is under 1e9 voters.
const (
	// MaxUnitVotes is the most votes one unit may give one candidate, the
	// most null, blank or registered voters, and the most votes cast in
	// it: a trillion (1e12).
	MaxUnitVotes int64 = 1_000_000_000_000
	// MaxUnitCount is the most reporting units one aggregated unit may
	// stand for (Unit.Count): a billion.
	MaxUnitCount int64 = 1_000_000_000
	// MaxUnits is the most units a tally may hold: nine million.
	MaxUnits = 9_000_000
	// MaxRegionVotes is the most votes cast, and the most registered
	// voters, that any region at any level, and the whole tally, may sum
	// to: a quadrillion (1e15).
	MaxRegionVotes int64 = 1_000_000_000_000_000
)

// unitInRange reports whether every count of u lies within the ceilings:
// votes in [0, MaxUnitVotes], optional counts Unknown or in that range,
// Count in [0, MaxUnitCount], and its votes cast at most MaxUnitVotes.
func unitInRange(u *Unit) bool {
	var mx uint64
	for _, v := range u.Votes {
		mx = max(mx, uint64(v)) // a negative count becomes huge
	}
	if mx > uint64(MaxUnitVotes) {
		return false
	}
	// Unknown (-1) becomes 0 here, and anything below it huge.
	opt := max(uint64(u.Null+1), uint64(u.Blank+1), uint64(u.Registered+1))
	if opt > uint64(MaxUnitVotes)+1 || uint64(u.Count) > uint64(MaxUnitCount) {
		return false
	}
	// Each term is now at most MaxUnitVotes, so the sum cannot overflow
	// for fewer than nine million candidates.
	return u.Cast() <= MaxUnitVotes
}

// rangeProblem says which count of u lies outside the ceilings, or "".
func rangeProblem(u *Unit, candidates []Candidate) string {
	for j, v := range u.Votes {
		switch {
		case v < 0:
			return fmt.Sprintf("has negative votes for %s", candidates[j].ID)
		case v > MaxUnitVotes:
			return fmt.Sprintf("has %d votes for %s, above the ceiling of %d per unit", v, candidates[j].ID, MaxUnitVotes)
		}
	}
	for _, c := range []struct {
		name string
		v    int64
	}{{"null votes", u.Null}, {"blank votes", u.Blank}, {"registered voters", u.Registered}} {
		switch {
		case c.v < Unknown:
			return fmt.Sprintf("has a negative count of %s", c.name)
		case c.v > MaxUnitVotes:
			return fmt.Sprintf("has %d %s, above the ceiling of %d per unit", c.v, c.name, MaxUnitVotes)
		}
	}
	switch {
	case u.Count < 0:
		return "has a negative count of units"
	case u.Count > MaxUnitCount:
		return fmt.Sprintf("stands for %d units, above the ceiling of %d", u.Count, MaxUnitCount)
	}
	if c := u.Cast(); c > MaxUnitVotes {
		return fmt.Sprintf("has %d votes cast, above the ceiling of %d per unit", c, MaxUnitVotes)
	}
	return ""
}

// overWhat names the sum that crossed MaxRegionVotes: votes cast when
// cast did, else registered voters.
func overWhat(cast int64) string {
	if cast > MaxRegionVotes {
		return "votes cast"
	}
	return "registered voters"
}
