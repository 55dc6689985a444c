package forensics

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// TurnoutShareOptions configures TurnoutShare. The zero value uses the
// leader of the data, shares of valid votes and the top level.
type TurnoutShareOptions struct {
	// Candidate names the candidate (ID or name); empty means the leader.
	Candidate   string
	Denominator sim.Denominator
	// Level names the level whose regions get their own rows ("state");
	// empty means the top level. Rows are sorted by the keys along each
	// region's path.
	Level string
}

// TurnoutShareCaveat is printed next to the turnout–share results.
const TurnoutShareCaveat = "The Sobyanin–Sukhovolsky slope regresses the candidate's votes, as a fraction of " +
	"registered voters, on turnout across units. If places differed only in how many people turned out, and the " +
	"extra voters split like everyone else, the slope would be near the candidate's share, and a slope above 1 " +
	"(more than one vote for the candidate per extra voter) would point to ballot stuffing. But the regression " +
	"compares different places, not extra voters in one place: where a candidate's supporters are both more " +
	"numerous and keener to vote, the slope and the correlation rise, even above 1, with no fraud at all. They " +
	"show an association, not its cause; compare regions and read them next to the other checks."

// TurnoutShareRow is the turnout–share relationship in one region.
type TurnoutShareRow struct {
	// Region indexes Tally.Regions, or is -1 for the whole tally.
	Region int    `json:"region"`
	Key    string `json:"key,omitempty"`
	Name   string `json:"name,omitempty"`
	Units  int    `json:"units"`
	// Share is the candidate's share of the denominator over these units.
	Share float64 `json:"share"`
	// Correlation is Pearson's r between unit turnout and unit share.
	Correlation float64 `json:"correlation"`
	// Slope is the Sobyanin–Sukhovolsky fit of votes/registered on turnout.
	Slope Fit `json:"slope"`
	// Within is the same fit within regions, on the national row only
	// (zero elsewhere): turnout and votes/registered are measured from
	// their region's means at the result's level, so that regions that
	// differ in both turnout and support do not make a slope on their own.
	Within Fit `json:"within"`
	// SlopeZ is how far the within-region slope (the plain slope when
	// there are no regions) sits above the share, in its standard errors:
	// (slope − Share) / SE. Near zero or below when extra turnout splits
	// like everyone else; large when extra votes go to the candidate. NaN
	// when the slope has no standard error.
	SlopeZ float64 `json:"slope_z"`
}

// TurnoutShareResult holds the national row and one row per region.
type TurnoutShareResult struct {
	Candidate   int               `json:"candidate"`
	CandidateID string            `json:"candidate_id"`
	Denominator sim.Denominator   `json:"denominator"`
	Level       int               `json:"level"`
	LevelName   string            `json:"level_name,omitempty"`
	National    TurnoutShareRow   `json:"national"`
	Regions     []TurnoutShareRow `json:"regions,omitempty"`
	Excluded    []Exclusion       `json:"excluded,omitempty"`
	Caveat      string            `json:"caveat"`
}

type tsAcc struct {
	turnout, share, perReg []float64
	votes, den             int64
}

func (a *tsAcc) row(region int) TurnoutShareRow {
	r := TurnoutShareRow{Region: region, Units: len(a.turnout)}
	if a.den > 0 {
		r.Share = float64(a.votes) / float64(a.den)
	}
	r.Correlation = linearFit(a.turnout, a.share).Correlation
	r.Slope = linearFit(a.turnout, a.perReg)
	r.SlopeZ = slopeZ(r.Slope, r.Share)
	return r
}

func slopeZ(f Fit, share float64) float64 {
	if !(f.SlopeSE > 0) {
		return math.NaN()
	}
	return (f.Slope - share) / f.SlopeSE
}

// withinFit fits votes/registered on turnout after taking each region's
// means out (one intercept per region), pooling the regions' slopes.
func withinFit(regions map[int]*tsAcc) Fit {
	var sxx, sxy, syy float64
	n, groups := 0, 0
	// Sum in region order: floating-point sums depend on their order, and
	// the result must be the same on every run.
	for _, r := range slices.Sorted(maps.Keys(regions)) {
		a := regions[r]
		if len(a.turnout) == 0 {
			continue
		}
		groups++
		var mx, my float64
		for i := range a.turnout {
			mx += a.turnout[i]
			my += a.perReg[i]
		}
		mx /= float64(len(a.turnout))
		my /= float64(len(a.turnout))
		for i := range a.turnout {
			dx, dy := a.turnout[i]-mx, a.perReg[i]-my
			sxx += dx * dx
			sxy += dx * dy
			syy += dy * dy
		}
		n += len(a.turnout)
	}
	f := Fit{N: n, Slope: math.NaN(), Intercept: math.NaN(), SlopeSE: math.NaN(), Correlation: math.NaN()}
	if sxx <= 0 {
		return f
	}
	f.Slope = sxy / sxx
	if syy > 0 {
		f.Correlation = sxy / math.Sqrt(sxx*syy)
	}
	if df := n - groups - 1; df > 0 {
		rss := math.Max(syy-f.Slope*sxy, 0)
		f.SlopeSE = math.Sqrt(rss / float64(df) / sxx)
	}
	return f
}

// TurnoutShare measures how a candidate's share moves with turnout across
// the tally's single units with known registered voters, nationally and
// in each region of the chosen level (sorted by key).
func TurnoutShare(t *sim.Tally, o TurnoutShareOptions) (*TurnoutShareResult, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	c, err := resolveCandidate(t, o.Candidate)
	if err != nil {
		return nil, err
	}
	if !t.HasRegistered() {
		return nil, sim.Errorf(ErrNeedsTurnout, "forensics.turnout-share.no-registered", t.UnitLevel)
	}
	level := -1
	if len(t.Levels) > 0 {
		level = 0
		if o.Level != "" {
			l, err := t.LevelIndex(o.Level)
			if err != nil {
				return nil, err
			}
			if l >= len(t.Levels) {
				return nil, fmt.Errorf("%w: level %q is the unit level; choose a region level", ErrInput, o.Level)
			}
			level = l
		}
	}
	res := &TurnoutShareResult{Candidate: c, CandidateID: t.Candidates[c].ID, Denominator: o.Denominator,
		Level: level, Caveat: TurnoutShareCaveat}
	if level >= 0 {
		res.LevelName = t.Levels[level]
	}
	var nat tsAcc
	byRegion := map[int]*tsAcc{}
	var ex exclusions
	for i := range t.Units {
		u := &t.Units[i]
		if ok, why := turnoutUnit(u); !ok {
			ex.add(why)
			continue
		}
		share, den := shareOf(u, c, o.Denominator)
		if den == 0 {
			ex.add(ReasonNoValidVotes)
			continue
		}
		turnout := float64(u.Cast()) / float64(u.Registered)
		per := float64(u.Votes[c]) / float64(u.Registered)
		accs := []*tsAcc{&nat}
		if level >= 0 {
			if r := t.UnitRegion(i, level); r >= 0 {
				a := byRegion[r]
				if a == nil {
					a = &tsAcc{}
					byRegion[r] = a
				}
				accs = append(accs, a)
			}
		}
		for _, a := range accs {
			a.turnout = append(a.turnout, turnout)
			a.share = append(a.share, share)
			a.perReg = append(a.perReg, per)
			a.votes += u.Votes[c]
			a.den += den
		}
	}
	res.Excluded = ex.result()
	if len(nat.turnout) == 0 {
		return nil, sim.Errorf(ErrNoUnits, "forensics.no-single-units", t.UnitLevel)
	}
	res.National = nat.row(-1)
	if len(byRegion) > 1 {
		res.National.Within = withinFit(byRegion)
		res.National.SlopeZ = slopeZ(res.National.Within, res.National.Share)
	}
	keys := make([]int, 0, len(byRegion))
	for r := range byRegion {
		keys = append(keys, r)
	}
	// Sort by the keys along each region's path (state, then
	// municipality, …), so that regions with the same key in different
	// parents stay with their parents.
	slices.SortFunc(keys, func(a, b int) int {
		pa, pb := t.RegionPath(a), t.RegionPath(b)
		for i := 0; i < len(pa) && i < len(pb); i++ {
			if c := sim.CompareKeys(t.Regions[pa[i]].Key, t.Regions[pb[i]].Key); c != 0 {
				return c
			}
		}
		if len(pa) != len(pb) {
			return len(pa) - len(pb)
		}
		return a - b
	})
	for _, r := range keys {
		row := byRegion[r].row(r)
		row.Key, row.Name = t.Regions[r].Key, t.Regions[r].Name
		res.Regions = append(res.Regions, row)
	}
	return res, nil
}
