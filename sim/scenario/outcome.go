package scenario

import (
	"github.com/tallyscope/tallyscope/sim"
)

// FlagKind names an impossible or suspicious state.
type FlagKind string

const (
	// FlagNegativeVotes: a candidate would need a negative number of votes
	// in the missing units.
	FlagNegativeVotes FlagKind = "negative-votes"
	// FlagShareAbove100: a candidate would need more than all of the
	// remaining votes.
	FlagShareAbove100 FlagKind = "share-above-100"
	// FlagTurnoutAbove100: the missing units would need more valid votes
	// than they have registered voters.
	FlagTurnoutAbove100 FlagKind = "turnout-above-100"
	// FlagMoreThanRegistered: the total would exceed the registered voters.
	FlagMoreThanRegistered FlagKind = "more-than-registered"
	// FlagNegativeRemaining: the official total is below the counted votes.
	FlagNegativeRemaining FlagKind = "negative-remaining"
	// FlagMoreThanExpected: the data holds more units or registered voters
	// than the expectation says exist.
	FlagMoreThanExpected FlagKind = "more-than-expected"
	// FlagOverlap: a partial claim gives a candidate fewer votes than the
	// counted units it must share with the count hold for them, or more
	// than those and every missing registered voter could give.
	FlagOverlap FlagKind = "overlap"
)

// Flag is one impossible state, explained in words.
type Flag struct {
	Kind FlagKind `json:"kind"`
	// Candidate indexes Tally.Candidates, or is -1.
	Candidate int `json:"candidate"`
	// Votes is the offending number (the negative votes, the excess).
	Votes int64 `json:"votes"`
	// Note says what is impossible, as a code and its arguments for
	// package i18n to word.
	Note sim.Note `json:"note"`
}

// Outcome is the result of a scenario: projected votes per candidate,
// split into what was counted (after any swing or turnout change) and
// what was imputed to the missing units.
type Outcome struct {
	// Scenario is the scenario that produced the outcome.
	Scenario Scenario `json:"scenario"`
	// Candidates are the tally's candidates, in order.
	Candidates []sim.Candidate `json:"candidates"`

	// Baseline holds the counted votes before any change.
	Baseline []int64 `json:"baseline"`
	// Counted holds the counted units' votes after the turnout change and
	// the swings.
	Counted []int64 `json:"counted"`
	// Imputed holds the votes given to the missing units; under
	// MissingClaim a candidate's may be negative (and flagged).
	Imputed []int64 `json:"imputed"`
	// Total is Counted + Imputed.
	Total []int64 `json:"total"`
	// Shares are Total as fractions of Valid.
	Shares []float64 `json:"shares"`

	CountedValid int64 `json:"counted_valid"`
	// Remaining is the valid votes given to the missing units (the sum of
	// Imputed).
	Remaining int64 `json:"remaining"`
	Valid     int64 `json:"valid"`
	// RemainingMethod is the estimate of the remaining votes that was
	// used; RemainingNote says it, as a code for package i18n to word.
	RemainingMethod Remaining `json:"remaining_method,omitempty"`
	RemainingNote   sim.Note  `json:"remaining_note"`

	// Winner and RunnerUp index Candidates (ties: the candidate listed
	// first wins); Tie reports equal votes.
	Winner   int  `json:"winner"`
	RunnerUp int  `json:"runner_up"`
	Tie      bool `json:"tie"`
	// Margin is the winner's votes minus the runner-up's; MarginPP the
	// same in points of the valid vote.
	Margin   int64   `json:"margin"`
	MarginPP float64 `json:"margin_pp"`
	// CountedLeader is the leader of the counted units after the changes
	// (the "leader" of the worst case).
	CountedLeader   int `json:"counted_leader"`
	CountedRunnerUp int `json:"counted_runner_up"`

	// CountedUnits and MissingUnits count reporting units (see
	// sim.Unit.Size); MissingUnits is -1 when unknown.
	CountedUnits int64 `json:"counted_units"`
	MissingUnits int64 `json:"missing_units"`
	// CountedRegistered is the counted units' registered voters (estimated
	// for units where they are unknown, see Notes), or -1;
	// MissingRegistered the missing units', or -1.
	CountedRegistered int64 `json:"counted_registered"`
	MissingRegistered int64 `json:"missing_registered"`

	// Clamped counts the units (by Size) where a swing or turnout change
	// hit 0 or 100%; TurnoutSkipped those where an additive turnout
	// change could not apply because registered voters are unknown.
	Clamped        int64 `json:"clamped"`
	TurnoutSkipped int64 `json:"turnout_skipped"`
	// TurnoutUncapped counts the units (by Size) whose votes a turnout
	// factor above 1 raised with no registered voters to cap them.
	TurnoutUncapped int64 `json:"turnout_uncapped"`

	// Flags lists the impossible states; Notes what was estimated or
	// assumed, as codes and arguments for package i18n to word.
	Flags []Flag     `json:"flags,omitempty"`
	Notes []sim.Note `json:"notes,omitempty"`

	// Level is the level of the per-region results (-1: none).
	Level int `json:"level"`

	regCounted []int64
	cells      []cell
	regImputed []int64
	validRE    []int64
	natShares  []float64
	scratchF   []float64
	scratchI   []int64
	nc         int
	t          *sim.Tally
}

// Impossible reports whether the outcome has any flag.
func (o *Outcome) Impossible() bool { return len(o.Flags) > 0 }

// RegionCounted returns region r's counted votes after the changes (r < 0:
// the nation). The slice belongs to the outcome.
func (o *Outcome) RegionCounted(r int) []int64 {
	if r < 0 || r*o.nc >= len(o.regCounted) {
		return o.Counted
	}
	return o.regCounted[r*o.nc : (r+1)*o.nc]
}

// RegionImputed returns the votes imputed inside region r (r < 0: the
// nation). Missing units that are only known at a coarser level are
// spread over the regions of the scenario's level (see Notes); below that
// level, and under MissingClaim, they are not located and this is zero.
func (o *Outcome) RegionImputed(r int) []int64 {
	if r < 0 || r*o.nc >= len(o.regImputed) {
		return o.Imputed
	}
	return o.regImputed[r*o.nc : (r+1)*o.nc]
}

// RegionTotal writes region r's counted plus imputed votes into dst
// (grown as needed) and returns it.
func (o *Outcome) RegionTotal(r int, dst []int64) []int64 {
	dst = append(dst[:0], o.RegionCounted(r)...)
	for c, v := range o.RegionImputed(r) {
		dst[c] += v
	}
	return dst
}

// Share returns candidate c's share of the projected valid votes.
func (o *Outcome) Share(c int) float64 {
	if o.Valid <= 0 {
		return 0
	}
	return float64(o.Total[c]) / float64(o.Valid)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (o *Outcome) reset(e *Engine, sc Scenario) {
	nc, nr := e.nc, e.nr
	o.Scenario = sc
	o.Candidates = e.t.Candidates
	o.nc, o.t = nc, e.t
	o.Baseline = grow(o.Baseline, nc)
	copy(o.Baseline, e.natCounted)
	o.Counted = grow(o.Counted, nc)
	o.Imputed = grow(o.Imputed, nc)
	o.Total = grow(o.Total, nc)
	o.Shares = grow(o.Shares, nc)
	o.regCounted = grow(o.regCounted, nr*nc)
	o.regImputed = grow(o.regImputed, nr*nc)
	o.validRE = grow(o.validRE, nr+1)
	o.scratchF = grow(o.scratchF, nc)
	o.scratchI = grow(o.scratchI, nc)
	o.natShares = grow(o.natShares, nc)
	nat := &e.agg.Nation
	for c := range o.natShares {
		o.natShares[c] = nat.Share(c, sim.OfValid)
	}
	o.CountedValid, o.Remaining, o.Valid = 0, 0, 0
	o.RemainingMethod, o.RemainingNote = RemainingAuto, sim.Note{}
	o.Winner, o.RunnerUp, o.Tie, o.Margin, o.MarginPP = -1, -1, false, 0, 0
	o.CountedUnits = nat.Units
	o.MissingUnits, o.MissingRegistered = 0, 0
	o.CountedRegistered = sim.Unknown
	if e.hasRE {
		o.CountedRegistered = int64(e.regWeight[nr] + 0.5)
	}
	o.Clamped, o.TurnoutSkipped, o.TurnoutUncapped = 0, 0, 0
	o.cells = o.cells[:0]
	o.Flags = o.Flags[:0]
	o.Notes = o.Notes[:0]
	o.Level = -1
}

// note adds a note with code and args; its units are the tally's.
func (o *Outcome) note(code string, args ...any) {
	o.Notes = append(o.Notes, sim.NewNote(code, o.unitLevel(), args...))
}

func (o *Outcome) flag(k FlagKind, c int, votes int64, code string, args ...any) {
	o.Flags = append(o.Flags, Flag{Kind: k, Candidate: c, Votes: votes, Note: sim.NewNote(code, o.unitLevel(), args...)})
}

func (o *Outcome) unitLevel() string {
	if o.t == nil {
		return ""
	}
	return o.t.UnitLevel
}

// leader returns the top two of votes among the contestants (lumped
// columns skipped), ties to the lower index.
func (e *Engine) leader(votes []int64) (lead, run int, tie bool) {
	return sim.TopTwo(votes, e.lumped)
}

func (o *Outcome) finish(e *Engine) {
	o.CountedValid, o.Remaining, o.Valid = 0, 0, 0
	for c := range o.Total {
		o.Total[c] = o.Counted[c] + o.Imputed[c]
		o.CountedValid += o.Counted[c]
		o.Remaining += o.Imputed[c]
	}
	o.Valid = o.CountedValid + o.Remaining
	for c := range o.Shares {
		o.Shares[c] = o.Share(c)
	}
	o.Winner, o.RunnerUp, o.Tie = e.leader(o.Total)
	if o.RunnerUp >= 0 {
		o.Margin = o.Total[o.Winner] - o.Total[o.RunnerUp]
		o.MarginPP = 100 * (o.Share(o.Winner) - o.Share(o.RunnerUp))
	}
	if o.Clamped > 0 {
		o.note("scenario.clamped", sim.UnitCount(o.Clamped))
	}
	if o.TurnoutSkipped > 0 {
		o.note("scenario.turnout-skipped", sim.UnitCount(o.TurnoutSkipped))
	}
	if o.TurnoutUncapped > 0 {
		o.note("scenario.turnout-uncapped", sim.UnitCount(o.TurnoutUncapped))
	}
	if o.CountedRegistered >= 0 && o.MissingRegistered >= 0 {
		reg := o.CountedRegistered + o.MissingRegistered
		nat := &e.agg.Nation
		cast := o.Valid + nat.Null + nat.Blank
		if reg > 0 && cast > reg && o.Scenario.Missing != MissingNone {
			o.flag(FlagMoreThanRegistered, -1, cast-reg, "scenario.more-than-registered", sim.Votes(cast), sim.Votes(reg), sim.Votes(cast-reg))
		}
	}
}

// Registered returns the projected registered voters (counted plus
// missing), or -1 when unknown.
func (o *Outcome) Registered() int64 {
	if o.CountedRegistered < 0 || o.MissingRegistered < 0 {
		return sim.Unknown
	}
	return o.CountedRegistered + o.MissingRegistered
}

// MissingTurnout returns the turnout the outcome needs in the missing
// units: the remaining valid votes over the missing registered voters
// (above 1 it is impossible), or 0 when those are unknown.
func (o *Outcome) MissingTurnout() float64 {
	if o.MissingRegistered <= 0 {
		return 0
	}
	return float64(o.Remaining) / float64(o.MissingRegistered)
}

func (e *Engine) unitWord() string {
	if e.t.UnitLevel != "" {
		return e.t.UnitLevel
	}
	return "unit"
}
