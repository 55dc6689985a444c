package synth

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim"
)

// A mystery election is a synthetic election whose settings are hidden
// from the class until the teacher reveals them: students explore it with
// every view and decide whether it looks natural. A preset and a seed
// determine it completely, so a link that carries both shows every student
// the same election.

// The presets of a mystery election.
const (
	PresetClean     = "clean"
	PresetLight     = "light"
	PresetHeavy     = "heavy"
	PresetSwing     = "swing"
	PresetLandslide = "landslide"
)

// Presets lists the mystery presets in the order a teacher is offered them.
var Presets = []string{PresetClean, PresetLight, PresetHeavy, PresetSwing, PresetLandslide}

// MysteryUnits is the number of tables of a mystery election: enough for
// the fingerprint and the digit tests to have power, few enough for the
// app to redraw at once.
const MysteryUnits = 5000

// Mystery holds the settings of a mystery election: what the teacher
// reveals.
type Mystery struct {
	Preset string `json:"preset"`
	Seed   uint64 `json:"seed"`
	// Turnout is the mean fair turnout, Share the mean fair share of the
	// candidate Favoured, before any stuffing.
	Turnout  float64 `json:"turnout"`
	Share    float64 `json:"share"`
	Favoured int     `json:"favoured"`
	// Incremental and Extreme are the fractions of tables stuffed each
	// way (see the package documentation); both zero for a clean count.
	Incremental float64 `json:"incremental"`
	Extreme     float64 `json:"extreme"`
}

// Stuffed reports whether any table was stuffed.
func (m Mystery) Stuffed() bool { return m.Incremental > 0 || m.Extreme > 0 }

// NewMystery draws the hidden settings of a preset from seed. The ranges:
//
//	clean      turnout 55–75%, share 52–60%, no stuffing
//	light      as clean, with incremental stuffing in 12–20% of tables
//	heavy      as clean, incremental in 25–40% and extreme in 4–8%
//	swing      share 49–51%, no stuffing
//	landslide  share 66–74%, no stuffing
//
// Which of the two candidates is favoured is drawn too, so the name on the
// screen gives nothing away.
func NewMystery(preset string, seed uint64) (Mystery, error) {
	r := NewRand(seed ^ 0x6d79737465727921) // "mystery!": its own stream
	u := func(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
	m := Mystery{Preset: preset, Seed: seed, Turnout: u(0.55, 0.75), Share: u(0.52, 0.60), Favoured: int(r.Int64N(2))}
	switch preset {
	case PresetClean:
	case PresetLight:
		m.Incremental = u(0.12, 0.20)
	case PresetHeavy:
		m.Incremental, m.Extreme = u(0.25, 0.40), u(0.04, 0.08)
	case PresetSwing:
		m.Share = u(0.49, 0.51)
	case PresetLandslide:
		m.Share = u(0.66, 0.74)
	default:
		return Mystery{}, fmt.Errorf("%w: unknown mystery preset %q (known: %v)", ErrConfig, preset, Presets)
	}
	return m, nil
}

// Generate builds the election. Its title names no setting: "Mystery
// election 42".
func (m Mystery) Generate() (*Election, error) {
	if m.Favoured != 0 && m.Favoured != 1 {
		return nil, fmt.Errorf("%w: favoured candidate must be 0 or 1, got %d", ErrConfig, m.Favoured)
	}
	e, err := Generate(Config{
		Seed: m.Seed, Units: MysteryUnits, Regions: 12,
		Turnout: m.Turnout, Share: m.Share, RegionTurnoutSD: 0.03, RegionShareSD: 0.03,
		NullRate:    0.015,
		Incremental: m.Incremental, Extreme: m.Extreme,
		Candidates: []sim.Candidate{{ID: "A", Name: "Candidate A"}, {ID: "B", Name: "Candidate B"}},
	})
	if err != nil {
		return nil, err
	}
	t := e.Tally
	t.Title = fmt.Sprintf("Mystery election %d", m.Seed)
	t.Source = "tallyscope mystery election"
	if m.Favoured == 1 {
		// Generate favours the first candidate: swap the columns so that
		// B is the one who gained.
		for i := range t.Units {
			v := t.Units[i].Votes
			v[0], v[1] = v[1], v[0]
		}
	}
	return e, nil
}
