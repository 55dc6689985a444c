package sim

// Denominator chooses what a share is a fraction of.
type Denominator int

const (
	// OfValid divides by valid votes (the sum of candidate votes). It is
	// the zero value and the usual convention for announced shares.
	OfValid Denominator = iota
	// OfCast divides by all votes cast: valid plus null plus blank.
	OfCast
)

// String names the denominator as printed next to every share.
func (d Denominator) String() string {
	if d == OfCast {
		return "all votes cast (valid + null + blank)"
	}
	return "valid votes"
}

// Totals are the summed counts of a set of units.
type Totals struct {
	// Units is the number of reporting units summed (see Unit.Size).
	Units int64 `json:"units"`
	// Votes holds the votes per candidate.
	Votes []int64 `json:"votes"`
	// Valid is the sum of Votes.
	Valid int64 `json:"valid"`
	// Null and Blank sum the units where they are known; NullUnits and
	// BlankUnits count those units.
	Null       int64 `json:"null"`
	NullUnits  int64 `json:"null_units"`
	Blank      int64 `json:"blank"`
	BlankUnits int64 `json:"blank_units"`
	// Registered sums registered voters over the RegisteredUnits units
	// where it is known; CastRegistered sums the votes cast in those
	// same units, so that turnout compares like with like.
	Registered      int64 `json:"registered"`
	RegisteredUnits int64 `json:"registered_units"`
	CastRegistered  int64 `json:"cast_registered"`
	// Lumped marks the aggregate candidates (Tally.Lumped), which Leader
	// skips; Aggregation sets it.
	Lumped []bool `json:"-"`
}

// Cast returns valid plus the known null and blank votes.
func (t *Totals) Cast() int64 { return t.Valid + t.Null + t.Blank }

// NewTotals returns empty totals for n candidates.
func NewTotals(n int) Totals { return Totals{Votes: make([]int64, n)} }

// AddUnit adds one unit's counts to t.
func (t *Totals) AddUnit(u *Unit) {
	n := u.Size()
	t.Units += n
	var valid int64
	for i, v := range u.Votes {
		t.Votes[i] += v
		valid += v
	}
	t.Valid += valid
	cast := valid
	if u.Null != Unknown {
		t.Null += u.Null
		t.NullUnits += n
		cast += u.Null
	}
	if u.Blank != Unknown {
		t.Blank += u.Blank
		t.BlankUnits += n
		cast += u.Blank
	}
	if u.Registered != Unknown {
		t.Registered += u.Registered
		t.RegisteredUnits += n
		t.CastRegistered += cast
	}
}

// Add adds o's counts to t. Both must have the same number of candidates.
func (t *Totals) Add(o *Totals) {
	t.Units += o.Units
	for i, v := range o.Votes {
		t.Votes[i] += v
	}
	t.Valid += o.Valid
	t.Null += o.Null
	t.NullUnits += o.NullUnits
	t.Blank += o.Blank
	t.BlankUnits += o.BlankUnits
	t.Registered += o.Registered
	t.RegisteredUnits += o.RegisteredUnits
	t.CastRegistered += o.CastRegistered
}

// Share returns candidate c's votes as a fraction of the denominator, or
// 0 when the denominator is zero.
func (t *Totals) Share(c int, d Denominator) float64 {
	den := t.Valid
	if d == OfCast {
		den = t.Cast()
	}
	if den == 0 {
		return 0
	}
	return float64(t.Votes[c]) / float64(den)
}

// Margin returns a's votes minus b's, and the same difference in
// percentage points of the denominator.
func (t *Totals) Margin(a, b int, d Denominator) (votes int64, marginPP float64) {
	votes = t.Votes[a] - t.Votes[b]
	return votes, 100 * (t.Share(a, d) - t.Share(b, d))
}

// Leader returns the candidates with the most and second-most votes,
// skipping aggregates (see Candidate.Aggregate). Ties rule: between equal
// vote counts, the candidate listed first in the tally leads, and tie
// reports that the top two are equal. With a single candidate, runnerUp
// is -1.
func (t *Totals) Leader() (leader, runnerUp int, tie bool) {
	return TopTwo(t.Votes, t.Lumped)
}

// Turnout returns votes cast over registered voters, counted only in the
// units where registered voters are known, and false when none are.
func (t *Totals) Turnout() (float64, bool) {
	if t.Registered <= 0 {
		return 0, false
	}
	return float64(t.CastRegistered) / float64(t.Registered), true
}

// Coverage compares what the data holds with what is expected. A zero
// Expected field means not known.
type Coverage struct {
	Units              int64 `json:"units"`
	ExpectedUnits      int64 `json:"expected_units,omitempty"`
	Registered         int64 `json:"registered"`
	ExpectedRegistered int64 `json:"expected_registered,omitempty"`
	Votes              int64 `json:"votes"`
	ExpectedVotes      int64 `json:"expected_votes,omitempty"`
}

func frac(a, b int64) (float64, bool) {
	if b <= 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// UnitsFraction returns the fraction of expected units in the data.
func (c Coverage) UnitsFraction() (float64, bool) { return frac(c.Units, c.ExpectedUnits) }

// RegisteredFraction returns the fraction of expected registered voters
// in the data (counting only units whose registered voters are known).
func (c Coverage) RegisteredFraction() (float64, bool) {
	return frac(c.Registered, c.ExpectedRegistered)
}

// VotesFraction returns the fraction of expected votes in the data.
func (c Coverage) VotesFraction() (float64, bool) { return frac(c.Votes, c.ExpectedVotes) }
