package scenario

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// EngineVersion is recorded in every Scenario so that a figure can be
// reproduced by the same rules. It changes whenever a rule changes a number.
// scenario/2 brought the calibrated Monte Carlo model; a scenario/1 string
// with a Monte Carlo simulation is read with ModelLegacy, which reproduces
// its figures.
const EngineVersion = "scenario/2"

// Bounds on what a scenario may ask, so that a shared string cannot ask
// for unbounded work or numbers no count can hold.
const (
	// MaxBins bounds the histogram's bins.
	MaxBins = 1000
	// MaxMinUnits bounds MinUnits.
	MaxMinUnits = 1000000
	// MinReported is the smallest fraction reported a scenario may state
	// (0.1%): below it, counted/reported leaves any count's range.
	MinReported = 0.001
	// MaxTotal bounds every total a scenario states (votes, registered
	// voters, units): ten trillion, far above any electorate.
	MaxTotal = 10_000_000_000_000
)

// Errors returned by the package.
var (
	ErrScenario  = errors.New("scenario: invalid scenario")
	ErrTally     = errors.New("scenario: invalid tally")
	ErrEncoding  = errors.New("scenario: cannot decode scenario")
	ErrDigest    = errors.New("scenario: scenario was made for other data")
	ErrNoMissing = errors.New("scenario: nothing is known about missing units")
)

// Missing is the rule that decides how the missing units vote.
type Missing string

const (
	// MissingNone leaves the missing units out: the outcome is the counted
	// units only (after any swing or turnout change). It is the zero value.
	MissingNone Missing = ""
	// MissingLikeRegion gives each missing unit the turnout and shares of
	// the smallest enclosing region with at least MinUnits counted units
	// (centre, then parish, municipality, state, nation).
	MissingLikeRegion Missing = "like-region"
	// MissingSplit gives Split.Share of the remaining votes to
	// Split.Candidate and splits the rest like the counted units, or as
	// Split.Rest says.
	MissingSplit Missing = "split"
	// MissingWorstCase gives every remaining vote to the runner-up, with
	// 100% turnout unless Remaining says otherwise.
	MissingWorstCase Missing = "worst-case"
	// MissingClaim computes what the missing units would have to contain
	// for the totals to equal Claim, and flags what is impossible.
	MissingClaim Missing = "claim"
)

// Missings lists the rules in the order the CLI shows them.
var Missings = []Missing{MissingNone, MissingLikeRegion, MissingSplit, MissingWorstCase, MissingClaim}

// Remaining is how the number of remaining (valid) votes in the missing
// units is estimated.
type Remaining string

const (
	// RemainingAuto picks: RemainingOfficial when an official total is
	// given, RemainingFull for the worst case, RemainingTurnout when
	// registered voters are known, else RemainingUnits.
	RemainingAuto Remaining = ""
	// RemainingOfficial is the official valid total (Scenario.ValidTotal,
	// or the claim's) minus the counted valid votes.
	RemainingOfficial Remaining = "official"
	// RemainingTurnout applies the counted valid-vote turnout (valid votes
	// over registered voters, of the enclosing region) to the missing
	// registered voters.
	RemainingTurnout Remaining = "turnout"
	// RemainingFull assumes 100% turnout, all valid: the missing
	// registered voters.
	RemainingFull Remaining = "full"
	// RemainingUnits applies the counted valid votes per unit to the
	// missing units; with Scenario.Reported it is counted/reported −
	// counted.
	RemainingUnits Remaining = "units"
)

// Remainings lists the estimates.
var Remainings = []Remaining{RemainingAuto, RemainingOfficial, RemainingTurnout, RemainingFull, RemainingUnits}

// Describe returns a phrase naming the estimate, for sentences.
func (r Remaining) Describe() string {
	switch r {
	case RemainingOfficial:
		return "the official valid total minus the counted valid votes"
	case RemainingTurnout:
		return "the counted turnout applied to the missing registered voters"
	case RemainingFull:
		return "100% turnout of the missing registered voters"
	case RemainingUnits:
		return "the counted votes per unit applied to the missing units"
	}
	return "an automatic choice"
}

// SwingKind says how a swing moves votes.
type SwingKind string

const (
	// Uniform adds the same points to the candidate's share in every unit,
	// taking them from the other candidates (or from From), clamped at 0
	// and 100%. It is the zero value.
	Uniform SwingKind = ""
	// Proportional multiplies the candidate's share in every unit by the
	// factor that changes its national share by PP points.
	Proportional SwingKind = "proportional"
)

// Swing moves PP points of the valid vote to Candidate (away from it when
// PP is negative), in every counted unit of Region (all units when Region
// is empty).
type Swing struct {
	// Candidate is a candidate id or an unambiguous part of a name.
	Candidate string `json:"candidate"`
	// PP is the change in percentage points of the valid vote.
	PP float64 `json:"pp"`
	// From names the candidate that gives (or receives) the points; empty
	// means all other candidates in proportion to their shares.
	From string `json:"from,omitempty"`
	// Kind is Uniform (the zero value) or Proportional.
	Kind SwingKind `json:"kind,omitempty"`
	// Level and Region restrict the swing to one region: Level is a level
	// name ("state") and Region a key or a name at that level ("21",
	// "zulia"). Both empty: every unit.
	Level  string `json:"level,omitempty"`
	Region string `json:"region,omitempty"`
}

// Turnout changes turnout in every counted unit (of Region, if given):
// the valid votes become votes×Factor + PP/100×registered, between 0 and
// the registered voters; shares are kept. A zero Factor means 1. PP needs
// registered voters; units without them get the factor only, and the
// outcome says how many.
type Turnout struct {
	PP     float64 `json:"pp,omitempty"`
	Factor float64 `json:"factor,omitempty"`
	Level  string  `json:"level,omitempty"`
	Region string  `json:"region,omitempty"`
}

// IsZero reports whether the turnout change is no change.
func (t Turnout) IsZero() bool { return t.PP == 0 && (t.Factor == 0 || t.Factor == 1) }

// Vote is a number of votes for one candidate (an id or a part of a name;
// "others" names every candidate not listed beside it).
type Vote struct {
	Candidate string `json:"candidate"`
	Votes     int64  `json:"votes"`
}

// Share is a fraction of a vote, in [0,1], for one candidate.
type Share struct {
	Candidate string  `json:"candidate"`
	Share     float64 `json:"share"`
}

// Split is the MissingSplit rule: Share of the remaining votes to
// Candidate; the rest split like the counted units, or by Rest (shares of
// the rest, renormalised to add up to 1), or taken from From.
type Split struct {
	Candidate string  `json:"candidate"`
	Share     float64 `json:"share"`
	Rest      []Share `json:"rest,omitempty"`
	// From, when set, names the candidate who gives up what Candidate
	// takes: every other candidate keeps its share of the counted valid
	// vote, and From gets the rest of the remaining votes. It is the
	// rule of BreakEven: with Candidate the runner-up and From the
	// leader, they tie at Share = BreakEven.Needed. When Share leaves
	// less than the others' counted share, From gets nothing and the
	// others share what is left.
	From string `json:"from,omitempty"`
}

// Claim is a set of claimed national totals for the MissingClaim rule and
// for RemainingOfficial.
type Claim struct {
	// Label names the claim ("CNE 2nd bulletin").
	Label string `json:"label,omitempty"`
	// Votes are the claimed votes of named candidates; the candidate
	// "others" stands for every candidate not named.
	Votes []Vote `json:"votes,omitempty"`
	// Valid is the claimed valid total, or 0 when it is the sum of Votes.
	Valid int64 `json:"valid,omitempty"`
	// Reported is the claimed fraction of units counted, in (0,1], or 0.
	Reported float64 `json:"reported,omitempty"`
}

// MonteCarloParams configures the uncertainty model (see MonteCarlo).
type MonteCarloParams struct {
	// Runs is the number of simulated outcomes.
	Runs int `json:"runs,omitempty"`
	// Seed makes the draws reproducible.
	Seed uint64 `json:"seed,omitempty"`
	// Level names the level of the shared regional shock ("state"); empty
	// means the outermost level.
	Level string `json:"level,omitempty"`
	// RegionSigma is the standard deviation of the regional shock on the
	// log of each candidate's share; 0 means DefaultRegionSigma, a
	// negative value means none.
	RegionSigma float64 `json:"region_sigma,omitempty"`
	// NationalSigma is the same for a shock shared by every region; 0
	// means none.
	NationalSigma float64 `json:"national_sigma,omitempty"`
	// Bins is the number of histogram bins for plotting; 0 means 60.
	Bins int `json:"bins,omitempty"`
	// Model is ModelCalibrated (the zero value) or ModelLegacy. Under the
	// calibrated model RegionSigma and NationalSigma are sensitivity
	// settings: extra shocks on the two-party margin (a fraction), added
	// to the ones estimated from the data.
	Model string `json:"model,omitempty"`
}

// DefaultRegionSigma is the regional shock used when
// MonteCarloParams.RegionSigma is zero: 0.10 on the log share, about ±5
// points on a candidate at 50%.
const DefaultRegionSigma = 0.10

// Scenario is one what-if question, as a plain value. Its zero value is
// the baseline: the counted units, unchanged, with no missing units.
type Scenario struct {
	// Engine is the engine version that made the scenario (EngineVersion).
	Engine string `json:"engine,omitempty"`
	// Data is the hex sha256 of the data set (sim.Tally.Digest).
	Data string `json:"data,omitempty"`

	// Missing is the rule for the missing units.
	Missing Missing `json:"missing,omitempty"`
	// Remaining chooses how the remaining votes are estimated.
	Remaining Remaining `json:"remaining,omitempty"`
	// MinUnits is m, the least number of counted units a region needs to
	// lend its shares and turnout to its missing units; 0 means
	// DefaultMinUnits.
	MinUnits int `json:"min_units,omitempty"`
	// Split is the MissingSplit rule.
	Split *Split `json:"split,omitempty"`
	// Claim is the MissingClaim target, and the official total for
	// RemainingOfficial.
	Claim *Claim `json:"claim,omitempty"`
	// ValidTotal is an official valid total for RemainingOfficial, when
	// there is no Claim (the CNE's 12,335,884).
	ValidTotal int64 `json:"valid_total,omitempty"`
	// RegisteredTotal and UnitsTotal replace the tally's national
	// expectation of registered voters and units when positive.
	RegisteredTotal int64 `json:"registered_total,omitempty"`
	UnitsTotal      int64 `json:"units_total,omitempty"`
	// Reported is the fraction of units counted, in (0,1], replacing the
	// unit counts for RemainingUnits (a bulletin's "80%").
	Reported float64 `json:"reported,omitempty"`
	// Counted, when set, makes a claim itself the counted data (a
	// bulletin analysed on its own). The package-level Run honours it;
	// an Engine answers about the tally it was built on, so build it on
	// TallyFor(t, sc).
	Counted *Claim `json:"counted,omitempty"`

	// Swings are applied in order to every counted unit.
	Swings []Swing `json:"swings,omitempty"`
	// Turnout is applied to every counted unit before the swings.
	Turnout Turnout `json:"turnout,omitzero"`

	// Level names the level at which per-region results and break-evens
	// are reported ("state"); empty means the outermost level.
	Level string `json:"level,omitempty"`

	// MonteCarlo configures the uncertainty model.
	MonteCarlo MonteCarloParams `json:"montecarlo,omitzero"`
}

// IsBaseline reports whether sc leaves the counted units as they are and
// fills in no missing unit, so that its outcome is the counted votes: no
// missing-unit rule, no swing, no turnout change, no claim counted in
// their place.
func (sc Scenario) IsBaseline() bool {
	return sc.Missing == MissingNone && len(sc.Swings) == 0 && sc.Turnout.IsZero() && sc.Counted == nil
}

// DefaultMinUnits is m when Scenario.MinUnits is zero.
const DefaultMinUnits = 5

// Stamp returns sc with Engine set to EngineVersion and Data set to the
// tally's digest, for saving next to a figure.
func (sc Scenario) Stamp(digest string) Scenario {
	sc.Engine = EngineVersion
	sc.Data = digest
	return sc
}

// MarshalJSON-compatible encoding is the default encoding/json one; these
// helpers add the compact form.

// JSON returns the scenario as indented JSON.
func (sc Scenario) JSON() ([]byte, error) {
	return json.MarshalIndent(sc, "", "  ")
}

// ParseJSON reads a scenario from JSON, rejecting unknown fields.
func ParseJSON(b []byte) (Scenario, error) {
	var sc Scenario
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&sc); err != nil {
		return Scenario{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if err := sc.check(); err != nil {
		return Scenario{}, err
	}
	if sc.Engine == "scenario/1" && sc.MonteCarlo.Runs > 0 {
		// Its figures came from the engine before calibration.
		sc.MonteCarlo.Model = ModelLegacy
	}
	return sc, nil
}

// compactPrefix starts every compact string, so that the form can change
// later without ambiguity.
const compactPrefix = "s1."

// String returns the scenario as a compact URL-safe string: "s1." and the
// raw-URL base64 of the deflated JSON. Decode(sc.String()) returns sc.
func (sc Scenario) String() string {
	b, err := json.Marshal(sc)
	if err != nil {
		return compactPrefix
	}
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(b)
	w.Close()
	return compactPrefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// maxDecoded bounds the JSON a compact string may inflate to.
const maxDecoded = 1 << 20

// Decode reads a compact string made by Scenario.String.
func Decode(s string) (Scenario, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, compactPrefix) {
		return Scenario{}, fmt.Errorf("%w: it does not start with %q", ErrEncoding, compactPrefix)
	}
	raw, err := base64.RawURLEncoding.DecodeString(s[len(compactPrefix):])
	if err != nil {
		return Scenario{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	r := flate.NewReader(bytes.NewReader(raw))
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxDecoded+1))
	if err != nil {
		return Scenario{}, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if len(b) > maxDecoded {
		return Scenario{}, fmt.Errorf("%w: too long", ErrEncoding)
	}
	return ParseJSON(b)
}

// check validates what can be checked without a tally.
func (sc *Scenario) check() error {
	switch sc.Engine {
	case "", EngineVersion, "scenario/1":
	default:
		return fmt.Errorf("%w: made by engine %q, which this version cannot reproduce (it reads scenario/1 and %s)", ErrScenario, sc.Engine, EngineVersion)
	}
	if sc.MinUnits > MaxMinUnits {
		return fmt.Errorf("%w: min units %d is above the bound of %d", ErrScenario, sc.MinUnits, MaxMinUnits)
	}
	for _, v := range []int64{sc.ValidTotal, sc.RegisteredTotal, sc.UnitsTotal} {
		if v > MaxTotal {
			return fmt.Errorf("%w: a total of %d is above the bound of %d", ErrScenario, v, int64(MaxTotal))
		}
	}
	if sc.Reported != 0 && sc.Reported < MinReported {
		return fmt.Errorf("%w: a fraction reported of %v is below the smallest allowed, %v", ErrScenario, sc.Reported, MinReported)
	}
	for _, c := range []*Claim{sc.Claim, sc.Counted} {
		if c == nil {
			continue
		}
		if c.Reported != 0 && c.Reported < MinReported {
			return fmt.Errorf("%w: a claimed fraction reported of %v is below the smallest allowed, %v", ErrScenario, c.Reported, MinReported)
		}
		if c.Valid > MaxTotal {
			return fmt.Errorf("%w: a claimed total of %d is above the bound of %d", ErrScenario, c.Valid, int64(MaxTotal))
		}
		for _, v := range c.Votes {
			if v.Votes > MaxTotal {
				return fmt.Errorf("%w: %d claimed votes for %s are above the bound of %d", ErrScenario, v.Votes, v.Candidate, int64(MaxTotal))
			}
		}
	}
	switch sc.Missing {
	case MissingNone, MissingLikeRegion, MissingSplit, MissingWorstCase, MissingClaim:
	default:
		return fmt.Errorf("%w: unknown missing-unit rule %q (use like-region, split, worst-case or claim)", ErrScenario, sc.Missing)
	}
	switch sc.Remaining {
	case RemainingAuto, RemainingOfficial, RemainingTurnout, RemainingFull, RemainingUnits:
	default:
		return fmt.Errorf("%w: unknown remaining-votes estimate %q (use official, turnout, full or units)", ErrScenario, sc.Remaining)
	}
	if sc.MinUnits < 0 {
		return fmt.Errorf("%w: min units %d is negative", ErrScenario, sc.MinUnits)
	}
	if sc.Missing == MissingSplit {
		if sc.Split == nil || sc.Split.Candidate == "" {
			return fmt.Errorf("%w: the split rule needs a candidate and a share", ErrScenario)
		}
	}
	if sc.Split != nil {
		if !(sc.Split.Share >= 0 && sc.Split.Share <= 1) {
			return fmt.Errorf("%w: split share %v is not in [0,1]", ErrScenario, sc.Split.Share)
		}
		for _, r := range sc.Split.Rest {
			if !(r.Share >= 0 && r.Share <= 100) {
				return fmt.Errorf("%w: split share %v for %s is not a number between 0 and 100", ErrScenario, r.Share, r.Candidate)
			}
		}
		if sc.Split.From != "" && len(sc.Split.Rest) > 0 {
			return fmt.Errorf("%w: a split takes the votes from one candidate or splits the rest as given, not both", ErrScenario)
		}
	}
	if sc.Missing == MissingClaim && (sc.Claim == nil || len(sc.Claim.Votes) == 0) {
		return fmt.Errorf("%w: the claim rule needs claimed votes", ErrScenario)
	}
	if sc.Claim != nil {
		if !(sc.Claim.Reported >= 0 && sc.Claim.Reported <= 1) {
			return fmt.Errorf("%w: claimed fraction reported %v is not in [0,1]", ErrScenario, sc.Claim.Reported)
		}
		for _, v := range sc.Claim.Votes {
			if v.Votes < 0 {
				return fmt.Errorf("%w: claimed votes for %s are negative", ErrScenario, v.Candidate)
			}
		}
		if sc.Claim.Valid < 0 {
			return fmt.Errorf("%w: claimed valid total is negative", ErrScenario)
		}
	}
	if sc.ValidTotal < 0 || sc.RegisteredTotal < 0 || sc.UnitsTotal < 0 {
		return fmt.Errorf("%w: totals must not be negative", ErrScenario)
	}
	if !(sc.Reported >= 0 && sc.Reported <= 1) {
		return fmt.Errorf("%w: fraction reported %v is not in [0,1]", ErrScenario, sc.Reported)
	}
	for _, s := range sc.Swings {
		if s.Candidate == "" {
			return fmt.Errorf("%w: a swing names no candidate", ErrScenario)
		}
		if !(s.PP >= -100 && s.PP <= 100) {
			return fmt.Errorf("%w: swing of %v points is outside [-100, 100]", ErrScenario, s.PP)
		}
		if s.Kind != Uniform && s.Kind != Proportional {
			return fmt.Errorf("%w: unknown swing kind %q", ErrScenario, s.Kind)
		}
		if (s.Level == "") != (s.Region == "") {
			return fmt.Errorf("%w: a regional swing needs both a level and a region", ErrScenario)
		}
	}
	t := sc.Turnout
	if !(t.PP >= -100 && t.PP <= 100) || !(t.Factor >= 0 && t.Factor <= 100) {
		return fmt.Errorf("%w: turnout change %+v is out of range", ErrScenario, t)
	}
	if (t.Level == "") != (t.Region == "") {
		return fmt.Errorf("%w: a regional turnout change needs both a level and a region", ErrScenario)
	}
	return sc.MonteCarlo.check()
}

// check validates the Monte Carlo parameters.
func (mc MonteCarloParams) check() error {
	if mc.Runs > MaxRuns {
		return fmt.Errorf("%w: %d Monte Carlo runs are above the bound of %d", ErrScenario, mc.Runs, MaxRuns)
	}
	if mc.Bins > MaxBins {
		return fmt.Errorf("%w: %d histogram bins are above the bound of %d", ErrScenario, mc.Bins, MaxBins)
	}
	if mc.Model != ModelCalibrated && mc.Model != ModelLegacy {
		return fmt.Errorf("%w: unknown Monte Carlo model %q (use calibrated or legacy)", ErrScenario, mc.Model)
	}
	if mc.Runs < 0 || mc.Bins < 0 || !(mc.RegionSigma >= -1 && mc.RegionSigma <= 5) || !(mc.NationalSigma >= 0 && mc.NationalSigma <= 5) {
		return fmt.Errorf("%w: Monte Carlo parameters %+v are out of range", ErrScenario, mc)
	}
	return nil
}

// Validate checks the scenario's parameters, without a tally.
func (sc Scenario) Validate() error { return sc.check() }

// Code names the estimate for package i18n to word: "remaining.official",
// or "remaining.auto" for the automatic choice.
func (r Remaining) Code() string {
	if r == RemainingAuto {
		return "remaining.auto"
	}
	return "remaining." + string(r)
}
