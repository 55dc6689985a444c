package synth

import (
	"errors"
	"fmt"
	"math"

	"github.com/tallyscope/tallyscope/sim"
)

// ErrConfig reports a configuration that cannot generate an election.
var ErrConfig = errors.New("synth: invalid configuration")

// Config describes a synthetic country. Fields documented as "zero means
// the default" take the value given in parentheses when left at zero.
type Config struct {
	// Seed selects the draws; the same Seed and Config give the same tally.
	Seed uint64 `json:"seed"`
	// Units is the number of reporting units (tables). It must be positive.
	Units int `json:"units"`
	// Regions is the number of top-level regions (10). Units are split
	// into contiguous, nearly equal blocks.
	Regions int `json:"regions,omitempty"`
	// MinRegistered and MaxRegistered bound the registered voters of a
	// unit, drawn uniformly (200 and 1000).
	MinRegistered int64 `json:"min_registered,omitempty"`
	MaxRegistered int64 `json:"max_registered,omitempty"`
	// Turnout and TurnoutSD are the mean and spread of the units' fair
	// turnout (0.6 and 0.07).
	Turnout   float64 `json:"turnout,omitempty"`
	TurnoutSD float64 `json:"turnout_sd,omitempty"`
	// Share and ShareSD are the mean and spread of the first candidate's
	// fair share of valid votes (0.55 and 0.08).
	Share   float64 `json:"share,omitempty"`
	ShareSD float64 `json:"share_sd,omitempty"`
	// RegionTurnoutSD and RegionShareSD shift each region's mean turnout
	// and share by a normal draw with this spread (zero means none).
	RegionTurnoutSD float64 `json:"region_turnout_sd,omitempty"`
	RegionShareSD   float64 `json:"region_share_sd,omitempty"`
	// NullRate is the chance that a voter's ballot is null (zero means none).
	NullRate float64 `json:"null_rate,omitempty"`
	// Candidates are the options; the first one is the one who gains from
	// fraud, the others split the rest evenly on average
	// (two candidates, "A" and "B").
	Candidates []sim.Candidate `json:"candidates,omitempty"`
	// Incremental and Extreme are the fractions of units with incremental
	// and extreme fraud (zero means none). Their sum must not exceed 1.
	Incremental float64 `json:"incremental,omitempty"`
	Extreme     float64 `json:"extreme,omitempty"`
	// IncrementalSD and ExtremeSD set the spread of the stolen fraction x
	// (0.15 and 0.05); see the package documentation.
	IncrementalSD float64 `json:"incremental_sd,omitempty"`
	ExtremeSD     float64 `json:"extreme_sd,omitempty"`
}

// Defaults of the Config fields where zero means the default.
const (
	DefaultRegions       = 10
	DefaultMinRegistered = 200
	DefaultMaxRegistered = 1000
	DefaultTurnout       = 0.6
	DefaultTurnoutSD     = 0.07
	DefaultShare         = 0.55
	DefaultShareSD       = 0.08
	DefaultIncrementalSD = 0.15
	DefaultExtremeSD     = 0.05
)

// Kind says what happened to a synthetic unit.
type Kind uint8

// The kinds of unit.
const (
	Fair Kind = iota
	IncrementalFraud
	ExtremeFraud
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case IncrementalFraud:
		return "incremental fraud"
	case ExtremeFraud:
		return "extreme fraud"
	}
	return "fair"
}

// Election is a generated tally together with the truth about each unit.
type Election struct {
	Tally *sim.Tally
	// Kinds holds, per unit (in Tally.Units order), what was done to it.
	Kinds []Kind
	// Config is the configuration with every default filled in.
	Config Config
}

// withDefaults fills the fields where zero means the default.
func (c Config) withDefaults() Config {
	if c.Regions == 0 {
		c.Regions = DefaultRegions
	}
	if c.MinRegistered == 0 {
		c.MinRegistered = DefaultMinRegistered
	}
	if c.MaxRegistered == 0 {
		c.MaxRegistered = max(DefaultMaxRegistered, c.MinRegistered)
	}
	if c.Turnout == 0 {
		c.Turnout = DefaultTurnout
	}
	if c.TurnoutSD == 0 {
		c.TurnoutSD = DefaultTurnoutSD
	}
	if c.Share == 0 {
		c.Share = DefaultShare
	}
	if c.ShareSD == 0 {
		c.ShareSD = DefaultShareSD
	}
	if c.IncrementalSD == 0 {
		c.IncrementalSD = DefaultIncrementalSD
	}
	if c.ExtremeSD == 0 {
		c.ExtremeSD = DefaultExtremeSD
	}
	if len(c.Candidates) == 0 {
		c.Candidates = []sim.Candidate{{ID: "A", Name: "Candidate A"}, {ID: "B", Name: "Candidate B"}}
	}
	return c
}

func (c Config) validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrConfig, fmt.Sprintf(format, a...))
	}
	frac := func(x float64) bool { return x >= 0 && x <= 1 }
	switch {
	case c.Units <= 0:
		return bad("units must be positive, got %d", c.Units)
	case c.Units > 10_000_000:
		return bad("at most 10,000,000 units, got %d", c.Units)
	case c.Regions <= 0 || c.Regions > c.Units:
		return bad("regions must be between 1 and the number of units, got %d", c.Regions)
	case c.MinRegistered <= 0 || c.MaxRegistered < c.MinRegistered:
		return bad("registered voters must satisfy 0 < min ≤ max, got %d and %d", c.MinRegistered, c.MaxRegistered)
	case !frac(c.Turnout) || !frac(c.Share):
		return bad("turnout and share must be in [0,1], got %g and %g", c.Turnout, c.Share)
	case !(c.TurnoutSD >= 0) || !(c.ShareSD >= 0) || !(c.RegionTurnoutSD >= 0) || !(c.RegionShareSD >= 0) ||
		!(c.IncrementalSD >= 0) || !(c.ExtremeSD >= 0):
		return bad("spreads must not be negative")
	case !frac(c.NullRate):
		return bad("null rate must be in [0,1], got %g", c.NullRate)
	case !frac(c.Incremental) || !frac(c.Extreme) || c.Incremental+c.Extreme > 1:
		return bad("fraud fractions must be in [0,1] and sum to at most 1, got %g and %g", c.Incremental, c.Extreme)
	case len(c.Candidates) < 2:
		return bad("at least two candidates are needed")
	}
	return nil
}

// Generate builds a synthetic election. Draws happen in a fixed order
// (regions, then units in order), so the result depends only on c.
func Generate(c Config) (*Election, error) {
	c = c.withDefaults()
	if err := c.validate(); err != nil {
		return nil, err
	}
	r := NewRand(c.Seed)
	t := &sim.Tally{
		Title:      fmt.Sprintf("Synthetic election (seed %d, %d units, incremental fraud %g, extreme fraud %g)", c.Seed, c.Units, c.Incremental, c.Extreme),
		Source:     "tallyscope sim/synth",
		Levels:     []string{"region"},
		UnitLevel:  "table",
		Candidates: append([]sim.Candidate(nil), c.Candidates...),
		Regions:    make([]sim.Region, c.Regions),
		Units:      make([]sim.Unit, c.Units),
	}
	dTurnout := make([]float64, c.Regions)
	dShare := make([]float64, c.Regions)
	for i := range t.Regions {
		key := fmt.Sprintf("%02d", i+1)
		t.Regions[i] = sim.Region{Level: 0, Key: key, Name: "Region " + key, Parent: -1}
		dTurnout[i] = r.NormFloat64() * c.RegionTurnoutSD
		dShare[i] = r.NormFloat64() * c.RegionShareSD
	}
	e := &Election{Tally: t, Kinds: make([]Kind, c.Units), Config: c}
	nc := len(c.Candidates)
	votes := make([]int64, c.Units*nc)
	span := c.MaxRegistered - c.MinRegistered + 1
	for i := range t.Units {
		reg := i * c.Regions / c.Units
		n := c.MinRegistered + r.Int64N(span)
		tau := clip01(c.Turnout + dTurnout[reg] + r.NormFloat64()*c.TurnoutSD)
		nu := clip01(c.Share + dShare[reg] + r.NormFloat64()*c.ShareSD)
		voters := Binomial(r, n, tau)
		null := Binomial(r, voters, c.NullRate)
		valid := voters - null
		v := votes[i*nc : (i+1)*nc : (i+1)*nc]
		v[0] = Binomial(r, valid, nu)
		rest := valid - v[0]
		for j := 1; j < nc-1; j++ {
			v[j] = Binomial(r, rest, 1/float64(nc-j))
			rest -= v[j]
		}
		v[nc-1] = rest
		u := r.Float64()
		var x float64
		switch {
		case u < c.Extreme:
			e.Kinds[i] = ExtremeFraud
			x = ExtremeX(r, c.ExtremeSD)
		case u < c.Extreme+c.Incremental:
			e.Kinds[i] = IncrementalFraud
			x = IncrementalX(r, c.IncrementalSD)
		}
		if e.Kinds[i] != Fair {
			stuffed := Binomial(r, n-voters, x)
			v[0] += stuffed
			for j := 1; j < nc; j++ {
				s := Binomial(r, v[j], x)
				v[j] -= s
				v[0] += s
			}
		}
		t.Units[i] = sim.Unit{
			ID:         fmt.Sprintf("%s-%06d", t.Regions[reg].Key, i+1),
			Region:     reg,
			Registered: n,
			Votes:      v,
			Null:       null,
			Blank:      sim.Unknown,
		}
	}
	t.Expected = []sim.Expectation{{Region: -1, Units: int64(c.Units), Source: "synthetic"}}
	return e, nil
}

func clip01(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return min(max(x, 0), 1)
}
