package forensics

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// FingerprintOptions configures Fingerprint. The zero value uses 1% bins,
// the leader of the data, shares of valid votes and a 95% corner.
type FingerprintOptions struct {
	// Candidate names the candidate whose share is plotted (ID or name);
	// empty means the candidate with the most votes in the data.
	Candidate string
	// TurnoutBins and ShareBins are the number of equal bins over [0,1]
	// (100 each, i.e. 1% bins).
	TurnoutBins, ShareBins int
	// Denominator chooses the share's denominator (valid votes).
	Denominator sim.Denominator
	// Corner is the threshold of the high corner: units with turnout and
	// share both at least Corner (0.95).
	Corner float64
	// Keep, when not nil, selects the units by index in Tally.Units (for
	// one region's fingerprint, say); units it rejects are not counted as
	// excluded.
	Keep func(i int) bool
}

// FingerprintCaveat is printed next to every fingerprint.
const FingerprintCaveat = "The fingerprint shows how units spread by turnout and by the candidate's share. " +
	"In Klimek et al. (PNAS 2012), elections without fraud allegations formed one compact cluster, while a " +
	"smear towards high turnout and high share, or a separate cluster near 100% turnout and 100% share, matched " +
	"their model of ballot stuffing. Such shapes can also come from real differences between places (small or closed " +
	"communities, strongholds), so a shape calls for explanation, not a verdict; a compact cluster does not " +
	"show that no figure was altered."

// Histogram is the election fingerprint: the number of units in each
// (turnout, share) bin. Bin i of TurnoutBins covers [i/TurnoutBins,
// (i+1)/TurnoutBins), and the last bin also holds exactly 1.
type Histogram struct {
	Candidate   int             `json:"candidate"`
	CandidateID string          `json:"candidate_id"`
	Denominator sim.Denominator `json:"denominator"`
	TurnoutBins int             `json:"turnout_bins"`
	ShareBins   int             `json:"share_bins"`
	// Counts holds the units per bin, row-major by turnout:
	// Counts[i*ShareBins+j] is turnout bin i, share bin j.
	Counts []int64 `json:"counts"`
	// Units is the number of units in the histogram.
	Units int64 `json:"units"`
	// Excluded lists the units left out and why.
	Excluded []Exclusion `json:"excluded,omitempty"`
	// ModeTurnout and ModeShare are the bin indexes of the fullest bin
	// (ties: lowest turnout, then lowest share), holding ModeUnits units.
	ModeTurnout int   `json:"mode_turnout"`
	ModeShare   int   `json:"mode_share"`
	ModeUnits   int64 `json:"mode_units"`
	// Corner is the threshold; CornerUnits the units with turnout ≥ Corner
	// and share ≥ Corner (compared exactly, not by bin), CornerFraction
	// their fraction of Units.
	Corner         float64 `json:"corner"`
	CornerUnits    int64   `json:"corner_units"`
	CornerFraction float64 `json:"corner_fraction"`
	Caveat         string  `json:"caveat"`
}

// At returns the units in turnout bin i and share bin j.
func (h *Histogram) At(i, j int) int64 { return h.Counts[i*h.ShareBins+j] }

// BinCentre returns the turnout and share at the centre of bin (i, j).
func (h *Histogram) BinCentre(i, j int) (turnout, share float64) {
	return (float64(i) + 0.5) / float64(h.TurnoutBins), (float64(j) + 0.5) / float64(h.ShareBins)
}

// Max returns the largest bin count.
func (h *Histogram) Max() int64 { return h.ModeUnits }

// ShareMarginal returns the units per share bin, summed over turnout.
func (h *Histogram) ShareMarginal() []int64 {
	out := make([]int64, h.ShareBins)
	for i := 0; i < h.TurnoutBins; i++ {
		for j := 0; j < h.ShareBins; j++ {
			out[j] += h.Counts[i*h.ShareBins+j]
		}
	}
	return out
}

// TurnoutMarginal returns the units per turnout bin, summed over share.
func (h *Histogram) TurnoutMarginal() []int64 {
	out := make([]int64, h.TurnoutBins)
	for i := 0; i < h.TurnoutBins; i++ {
		for j := 0; j < h.ShareBins; j++ {
			out[i] += h.Counts[i*h.ShareBins+j]
		}
	}
	return out
}

// bin returns the index of x in [0,1] among n equal bins.
func bin(x float64, n int) int {
	return min(max(int(x*float64(n)), 0), n-1)
}

const maxBins = 10000

func (o FingerprintOptions) withDefaults() (FingerprintOptions, error) {
	if o.TurnoutBins == 0 {
		o.TurnoutBins = 100
	}
	if o.ShareBins == 0 {
		o.ShareBins = 100
	}
	if o.Corner == 0 {
		o.Corner = 0.95
	}
	if o.TurnoutBins < 1 || o.ShareBins < 1 || o.TurnoutBins > maxBins || o.ShareBins > maxBins {
		return o, fmt.Errorf("%w: bins must be between 1 and %d, got %d × %d", ErrInput, maxBins, o.TurnoutBins, o.ShareBins)
	}
	if !(o.Corner > 0 && o.Corner <= 1) {
		return o, fmt.Errorf("%w: corner must be in (0,1], got %g", ErrInput, o.Corner)
	}
	return o, nil
}

// Fingerprint builds the turnout × share histogram of the tally's single
// units with known registered voters. It returns ErrNeedsTurnout when no
// unit has registered voters, and ErrNoUnits when no unit qualifies.
func Fingerprint(t *sim.Tally, o FingerprintOptions) (*Histogram, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	c, err := resolveCandidate(t, o.Candidate)
	if err != nil {
		return nil, err
	}
	if !t.HasRegistered() {
		return nil, sim.Errorf(ErrNeedsTurnout, "forensics.fingerprint.no-registered", t.UnitLevel)
	}
	h := &Histogram{Candidate: c, CandidateID: t.Candidates[c].ID, Denominator: o.Denominator,
		TurnoutBins: o.TurnoutBins, ShareBins: o.ShareBins, Counts: make([]int64, o.TurnoutBins*o.ShareBins),
		Corner: o.Corner, Caveat: FingerprintCaveat}
	var ex exclusions
	for i := range t.Units {
		if o.Keep != nil && !o.Keep(i) {
			continue
		}
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
		h.Counts[bin(turnout, o.TurnoutBins)*o.ShareBins+bin(share, o.ShareBins)]++
		h.Units++
		if turnout >= o.Corner && share >= o.Corner {
			h.CornerUnits++
		}
	}
	h.Excluded = ex.result()
	if h.Units == 0 {
		return nil, sim.Errorf(ErrNoUnits, "forensics.no-single-units", t.UnitLevel)
	}
	for k, n := range h.Counts {
		if n > h.ModeUnits {
			h.ModeUnits = n
			h.ModeTurnout, h.ModeShare = k/o.ShareBins, k%o.ShareBins
		}
	}
	h.CornerFraction = float64(h.CornerUnits) / float64(h.Units)
	return h, nil
}
