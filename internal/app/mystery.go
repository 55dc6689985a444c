package app

import (
	"slices"
	"strconv"
	"time"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// A mystery election (package synth) is a synthetic election whose
// settings (turnout, lean, ballot stuffing) stay hidden until the teacher
// reveals them: the class explores it with every view and decides whether
// it looks natural. A preset and a seed make it, so the link carries both
// (as an opaque code, "mystery=…", so that the preset's name is not read
// off the address bar) and every student who opens it sees the same
// election. State.Mystery is the open one; the data before it comes back
// when it is closed.

// mysteryMask scrambles the code a link carries; it hides the preset from
// a glance at the address, not from a determined student.
const mysteryMask = 0x2545F4914F6CDD1D

// MysteryCode returns the code of preset and seed in a link.
func MysteryCode(preset string, seed uint64) string {
	i := slices.Index(synth.Presets, preset)
	if i < 0 || seed >= 1<<56 {
		return ""
	}
	return strconv.FormatUint((seed<<3|uint64(i))^mysteryMask, 36)
}

// parseMysteryCode reads a code written by MysteryCode.
func parseMysteryCode(code string) (preset string, seed uint64, ok bool) {
	n, err := strconv.ParseUint(code, 36, 64)
	if err != nil {
		return "", 0, false
	}
	n ^= mysteryMask
	i := int(n & 7)
	if i >= len(synth.Presets) {
		return "", 0, false
	}
	return synth.Presets[i], n >> 3, true
}

// OpenMystery generates the mystery election of Preset and Seed (0: a
// new seed from 1 to 999) and shows it, settings hidden.
type OpenMystery struct {
	Preset string
	Seed   uint64
}

func (a OpenMystery) apply(s *State) {
	if a.Seed == 0 {
		// A new election: a short number the teacher can read out.
		a.Seed = uint64(time.Now().UnixNano()/1e6%999) + 1
	}
	m, err := synth.NewMystery(a.Preset, a.Seed)
	if err == nil && MysteryCode(a.Preset, a.Seed) == "" {
		err = synth.ErrConfig
	}
	var d *Dataset
	if err == nil {
		var e *synth.Election
		if e, err = m.Generate(); err == nil {
			d, err = NewDataset(e.Tally, e.Tally.Title)
		}
	}
	if err != nil {
		s.Msg = Message{Text: s.Lang.Tf(i18n.MsgNoMystery, s.Lang.Error(err)), Err: true}
		return
	}
	if s.Mystery == nil {
		s.home = s.Data
	}
	s.setData(d)
	s.Mystery, s.Revealed, s.Lesson = &m, false, nil
	s.nameMysteryCandidates()
	s.View = ViewOverview
	s.Msg = Message{}
}

// RevealMystery shows the open mystery election's settings.
type RevealMystery struct{}

func (RevealMystery) apply(s *State) {
	if s.Mystery != nil {
		s.Revealed = true
		s.dirty = true
	}
}

// CloseMystery closes the mystery election and shows the data it replaced.
type CloseMystery struct{}

func (CloseMystery) apply(s *State) {
	if s.Mystery == nil {
		return
	}
	home := s.home
	s.Mystery, s.Revealed, s.home = nil, false, nil
	if home != nil {
		s.setData(home)
	}
	s.dirty = true
}

// nameMysteryCandidates names the open mystery election's candidates in
// the app's language ("Candidate A", "Candidato A"): the generator's names
// are placeholders, not data.
func (s *State) nameMysteryCandidates() {
	if s.Mystery == nil || s.Data == nil {
		return
	}
	for i := range s.Data.Tally.Candidates {
		c := &s.Data.Tally.Candidates[i]
		c.Name = s.Lang.Tf(i18n.MyCandidate, c.ID)
	}
	s.dirty = true
}
