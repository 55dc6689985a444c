package sim

import (
	"errors"
	"fmt"
	"strings"
)

// Unknown marks a count that the data does not give (registered voters,
// null or blank votes). It is never confused with zero.
const Unknown int64 = -1

// Errors returned by the model's constructors and look-ups.
var (
	ErrNoCandidates  = errors.New("sim: tally has no candidates")
	ErrUnknownLevel  = errors.New("sim: unknown level")
	ErrUnknownRegion = errors.New("sim: unknown region")
	ErrCandidate     = errors.New("sim: unknown or ambiguous candidate")
	ErrInvalid       = errors.New("sim: invalid tally")
	// ErrOutOfRange means a count lies outside the ceilings (see
	// MaxUnitVotes); Aggregation.Err wraps it.
	ErrOutOfRange = errors.New("sim: count out of range")
)

// Candidate is one option on the ballot.
type Candidate struct {
	// ID is the short code used in the data (e.g. "EG", "votes_dem").
	ID string `json:"id"`
	// Name is the display name ("Edmundo González Urrutia").
	Name string `json:"name"`
	// Party is the party or alliance, if known.
	Party string `json:"party,omitempty"`
	// Color is the candidate's colour as "#rrggbb", when the mapping
	// gives one (maps and charts use it instead of the default palette).
	Color string `json:"color,omitempty"`
	// Aggregate marks a column that adds up several candidates ("All
	// other candidates"). It is a remainder, never a contestant: it leads
	// no region, wins no seat, gets no digit test and is drawn in grey.
	Aggregate bool `json:"aggregate,omitempty"`
}

// Label returns the display name, or the ID when the name is empty.
func (c Candidate) Label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.ID
}

// Lumped returns, per candidate, whether it is an aggregate (see
// Candidate.Aggregate), or nil when none is.
func (t *Tally) Lumped() []bool {
	var out []bool
	for i, c := range t.Candidates {
		if c.Aggregate {
			if out == nil {
				out = make([]bool, len(t.Candidates))
			}
			out[i] = true
		}
	}
	return out
}

// Contestants returns the number of candidates that are not aggregates.
func (t *Tally) Contestants() int {
	n := 0
	for _, c := range t.Candidates {
		if !c.Aggregate {
			n++
		}
	}
	return n
}

// TopTwo returns the indexes of the two largest of votes, skipping the
// indexes that lumped marks (lumped may be nil or shorter than votes).
// Between equal counts the lower index ranks first, and tie reports that
// the top two are equal. Missing places are -1.
func TopTwo(votes []int64, lumped []bool) (lead, run int, tie bool) {
	lead, run = -1, -1
	for i, v := range votes {
		if i < len(lumped) && lumped[i] {
			continue
		}
		switch {
		case lead < 0 || v > votes[lead]:
			lead, run = i, lead
		case run < 0 || v > votes[run]:
			run = i
		}
	}
	tie = run >= 0 && votes[lead] == votes[run]
	return lead, run, tie
}

// Region is one area of the geographic hierarchy.
type Region struct {
	// Level indexes Tally.Levels.
	Level int `json:"level"`
	// Key identifies the region among its siblings ("21", "210101001").
	Key string `json:"key"`
	// Name is the display name; it equals Key when the data gives none.
	Name string `json:"name,omitempty"`
	// Parent indexes Tally.Regions, or is -1 for a top-level region.
	Parent int `json:"parent"`
}

// Unit is one reported result: a tally sheet, a precinct, a county.
type Unit struct {
	// ID identifies the unit within its region ("010101001.01", "01001").
	ID string `json:"id"`
	// Name is an optional display name ("Autauga County").
	Name string `json:"name,omitempty"`
	// Region indexes Tally.Regions: the innermost region holding the
	// unit, or -1 when the tally has no hierarchy.
	Region int `json:"region"`
	// Registered is the number of registered voters, or Unknown.
	Registered int64 `json:"registered"`
	// Votes holds the votes per candidate, in Tally.Candidates order.
	Votes []int64 `json:"votes"`
	// Null and Blank are the null and blank votes, or Unknown.
	Null  int64 `json:"null"`
	Blank int64 `json:"blank"`
	// Source is an optional link to the scanned tally sheet.
	Source string `json:"source,omitempty"`
	// Count is the number of reporting units this unit sums, for data
	// that is already aggregated (a state's counted tables); 0 means 1.
	Count int64 `json:"count,omitempty"`
}

// Size returns the number of reporting units u stands for: Count, or 1.
func (u *Unit) Size() int64 {
	if u.Count > 1 {
		return u.Count
	}
	return 1
}

// Valid returns the unit's valid votes: the sum of its candidate votes.
func (u *Unit) Valid() int64 {
	var s int64
	for _, v := range u.Votes {
		s += v
	}
	return s
}

// Cast returns valid plus null plus blank votes, counting unknowns as zero.
func (u *Unit) Cast() int64 {
	c := u.Valid()
	if u.Null > 0 {
		c += u.Null
	}
	if u.Blank > 0 {
		c += u.Blank
	}
	return c
}

// Expectation records what is known about the whole of a region, including
// the units that are not in the data: how many units and registered voters
// it has, and optionally how many votes were cast in it. Zero means not
// known.
type Expectation struct {
	// Region indexes Tally.Regions, or is -1 for the whole tally.
	Region     int   `json:"region"`
	Units      int64 `json:"units,omitempty"`
	Registered int64 `json:"registered,omitempty"`
	Votes      int64 `json:"votes,omitempty"`
	// Source says where the figures come from.
	Source string `json:"source,omitempty"`
}

// ClaimVote is a claimed number of votes for one candidate.
type ClaimVote struct {
	Candidate string `json:"candidate"`
	Votes     int64  `json:"votes"`
}

// Claim is a set of national totals announced by someone, such as an
// electoral council's bulletin. Fields that were not announced are Unknown
// (or zero for the fractions).
type Claim struct {
	// Label names the claim ("CNE 2nd bulletin").
	Label string `json:"label"`
	// Date is when it was announced (free text, ISO date preferred).
	Date string `json:"date,omitempty"`
	// Source is a link or citation.
	Source string `json:"source,omitempty"`
	// Votes are the claimed votes of the named candidates.
	Votes []ClaimVote `json:"votes"`
	// Others is the claimed total of every candidate not in Votes, or Unknown.
	Others int64 `json:"others"`
	// Valid and Null are the claimed valid and null totals, or Unknown.
	Valid int64 `json:"valid"`
	Null  int64 `json:"null"`
	// Reported is the claimed fraction of units counted, in [0,1], or 0.
	Reported float64 `json:"reported,omitempty"`
	// Turnout is the claimed turnout, in [0,1], or 0.
	Turnout float64 `json:"turnout,omitempty"`
	// Decimals is how many decimals the claimed percentages were
	// announced with, or -1 if unknown.
	Decimals int `json:"decimals"`
}

// ValidTotal returns the claim's valid votes: Valid when stated, else the
// sum of the candidate votes and Others, or Unknown when Others is unknown.
func (c *Claim) ValidTotal() int64 {
	if c.Valid != Unknown && c.Valid != 0 {
		return c.Valid
	}
	var s int64
	for _, v := range c.Votes {
		s += v.Votes
	}
	if c.Others == Unknown {
		return Unknown
	}
	return s + c.Others
}

// Tally is a set of units with their hierarchy, candidates, expectations
// and claims. The zero value is an empty tally.
type Tally struct {
	// Title describes the election ("Venezuela, presidential, 28 July 2024").
	Title string `json:"title,omitempty"`
	// Source describes where the data comes from.
	Source string `json:"source,omitempty"`
	// Digest names the bytes the tally was read from (their sha256), so
	// a scenario or a chart can name exactly which data it used. Loaders
	// set it; it is not part of the JSON form. Digest.String() is "" when
	// it is nil.
	Digest *Digest `json:"-"`
	// Levels names the hierarchy's levels, outermost first, not counting
	// the units themselves ("state", "municipality", "parish", "centre").
	Levels []string `json:"levels"`
	// UnitLevel names what a unit is ("table", "county").
	UnitLevel  string      `json:"unit_level"`
	Candidates []Candidate `json:"candidates"`
	Regions    []Region    `json:"regions"`
	Units      []Unit      `json:"units"`
	// Expected records what is known of units not in the data.
	Expected []Expectation `json:"expected,omitempty"`
	// Claims are announced totals to compare with the counted data.
	Claims []Claim `json:"claims,omitempty"`
}

// LevelIndex returns the index of the named level in t.Levels, or
// len(t.Levels) for the unit level, or -1 for "nation" / "national".
// Names match case-insensitively, and a unique prefix is enough.
func (t *Tally) LevelIndex(name string) (int, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "nation", "national", "country", "total":
		return -1, nil
	}
	all := append(append([]string(nil), t.Levels...), t.UnitLevel)
	for i, l := range all {
		if strings.ToLower(l) == n {
			return i, nil
		}
	}
	found := -2
	for i, l := range all {
		if n != "" && strings.HasPrefix(strings.ToLower(l), n) {
			if found != -2 {
				return 0, fmt.Errorf("%w: %q is ambiguous (levels: %s)", ErrUnknownLevel, name, strings.Join(all, ", "))
			}
			found = i
		}
	}
	if found == -2 {
		return 0, fmt.Errorf("%w: %q (levels: %s)", ErrUnknownLevel, name, strings.Join(all, ", "))
	}
	return found, nil
}

// Candidate returns the index of the candidate named by id, or by a
// case- and accent-insensitive part of its name or party that matches
// exactly one candidate ("NM", "Maduro", "gonzalez").
func (t *Tally) Candidate(name string) (int, error) {
	q := Fold(strings.TrimSpace(name))
	if q == "" {
		return -1, fmt.Errorf("%w: empty name", ErrCandidate)
	}
	for i, c := range t.Candidates {
		if Fold(c.ID) == q {
			return i, nil
		}
	}
	for i, c := range t.Candidates {
		if Fold(c.Name) == q {
			return i, nil
		}
	}
	found := -1
	for i, c := range t.Candidates {
		if strings.Contains(Fold(c.Name), q) || strings.Contains(Fold(c.Party), q) {
			if found >= 0 {
				return -1, fmt.Errorf("%w: %q matches both %s and %s", ErrCandidate, name, t.Candidates[found].Label(), c.Label())
			}
			found = i
		}
	}
	if found < 0 {
		ids := make([]string, len(t.Candidates))
		for i, c := range t.Candidates {
			ids[i] = c.ID
		}
		return -1, fmt.Errorf("%w: %q (candidates: %s)", ErrCandidate, name, strings.Join(ids, ", "))
	}
	return found, nil
}

// RegionPath returns the regions from the outermost down to region r.
func (t *Tally) RegionPath(r int) []int {
	var p []int
	for r >= 0 && r < len(t.Regions) {
		p = append(p, r)
		r = t.Regions[r].Parent
	}
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// Ancestor returns the region at level l that contains region r, or -1.
func (t *Tally) Ancestor(r, l int) int {
	for r >= 0 {
		if t.Regions[r].Level == l {
			return r
		}
		if t.Regions[r].Level < l {
			return -1
		}
		r = t.Regions[r].Parent
	}
	return -1
}

// UnitRegion returns the region at level l containing unit u, or -1.
func (t *Tally) UnitRegion(u, l int) int {
	return t.Ancestor(t.Units[u].Region, l)
}

// NationalExpectation returns the expectation for the whole tally, or a
// zero Expectation with Region -1 when there is none.
func (t *Tally) NationalExpectation() Expectation {
	for _, e := range t.Expected {
		if e.Region == -1 {
			return e
		}
	}
	return Expectation{Region: -1}
}

// HasRegistered reports whether any unit has a known number of
// registered voters.
func (t *Tally) HasRegistered() bool {
	for i := range t.Units {
		if t.Units[i].Registered != Unknown {
			return true
		}
	}
	return false
}

// Validate checks the tally's internal consistency: indexes in range,
// vote slices of the right length, non-negative counts and a hierarchy
// whose parents sit one level up. It returns an error wrapping ErrInvalid.
func (t *Tally) Validate() error {
	if len(t.Candidates) == 0 {
		return ErrNoCandidates
	}
	seen := make(map[string]bool, len(t.Candidates))
	for i, c := range t.Candidates {
		if c.ID == "" {
			return invalid("candidates", i, "candidate %d has no id", i)
		}
		if seen[c.ID] {
			return invalid("candidates", -1, "candidate id %q appears twice", c.ID)
		}
		seen[c.ID] = true
	}
	for i, r := range t.Regions {
		if r.Level < 0 || r.Level >= len(t.Levels) {
			return invalid("regions", i, "region %d (%s) has level %d of %d", i, r.Key, r.Level, len(t.Levels))
		}
		if r.Level == 0 && r.Parent != -1 {
			return invalid("regions", i, "top-level region %d (%s) has a parent", i, r.Key)
		}
		if r.Level > 0 {
			if r.Parent < 0 || r.Parent >= i {
				return invalid("regions", i, "region %d (%s) has parent %d; parents must come first", i, r.Key, r.Parent)
			}
			if t.Regions[r.Parent].Level != r.Level-1 {
				return invalid("regions", i, "region %d (%s) is not one level below its parent", i, r.Key)
			}
		}
	}
	if len(t.Units) > MaxUnits {
		return invalid("units", -1, "%d units, above the ceiling of %d", len(t.Units), MaxUnits)
	}
	inner := len(t.Levels) - 1
	var cast, registered int64
	for i := range t.Units {
		u := &t.Units[i]
		if len(u.Votes) != len(t.Candidates) {
			return invalid("units", i, "unit %d (%s) has %d vote counts for %d candidates", i, u.ID, len(u.Votes), len(t.Candidates))
		}
		if inner < 0 {
			if u.Region != -1 {
				return invalid("units", i, "unit %d (%s) names a region but the tally has no levels", i, u.ID)
			}
		} else if u.Region < 0 || u.Region >= len(t.Regions) || t.Regions[u.Region].Level != inner {
			return invalid("units", i, "unit %d (%s) must sit in a region of level %q", i, u.ID, t.Levels[inner])
		}
		if !unitInRange(u) {
			return invalid("units", i, "unit %d (%s) %s", i, u.ID, rangeProblem(u, t.Candidates))
		}
		// Each unit is within the ceilings, so these sums cannot overflow.
		cast += u.Cast()
		if u.Registered > 0 {
			registered += u.Registered
		}
		if cast > MaxRegionVotes || registered > MaxRegionVotes {
			return invalid("units", i, "unit %d (%s) takes the tally's %s above the ceiling of %d for any region", i, u.ID, overWhat(cast), MaxRegionVotes)
		}
	}
	for _, e := range t.Expected {
		if e.Region < -1 || e.Region >= len(t.Regions) {
			return invalid("expected", -1, "expectation names region %d", e.Region)
		}
		if e.Units < 0 || e.Registered < 0 || e.Votes < 0 {
			return invalid("expected", -1, "expectation has a negative count")
		}
		if e.Units > MaxUnits || e.Registered > MaxRegionVotes || e.Votes > MaxRegionVotes {
			return invalid("expected", -1, "expectation is above the ceilings (%d units, %d votes or registered voters)", MaxUnits, MaxRegionVotes)
		}
	}
	for i, c := range t.Claims {
		var sum int64
		for _, v := range c.Votes {
			if v.Votes < 0 || v.Votes > MaxRegionVotes {
				return invalid("claims", i, "claim %q gives %s %d votes, outside [0, %d]", c.Label, v.Candidate, v.Votes, MaxRegionVotes)
			}
			sum += v.Votes // each at most MaxRegionVotes: no overflow below 9,000 candidates
		}
		for _, v := range []int64{c.Others, c.Valid, c.Null} {
			if v < Unknown || v > MaxRegionVotes {
				return invalid("claims", i, "claim %q has a count of %d, outside [0, %d]", c.Label, v, MaxRegionVotes)
			}
		}
		if sum+max(c.Others, 0) > MaxRegionVotes {
			return invalid("claims", i, "claim %q adds up to more than %d votes", c.Label, MaxRegionVotes)
		}
	}
	return nil
}

// ValidationError says what is inconsistent in a tally, and where: the
// section of the JSON form ("units", "regions", "candidates", "expected")
// and the element's index, or -1. It wraps ErrInvalid.
type ValidationError struct {
	Section string
	Index   int
	Msg     string
}

func (e *ValidationError) Error() string { return ErrInvalid.Error() + ": " + e.Msg }

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

func invalid(section string, index int, format string, args ...any) error {
	return &ValidationError{Section: section, Index: index, Msg: fmt.Sprintf(format, args...)}
}
