package scenario

import (
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// ErrBaseline is returned when a baseline cannot be joined to a tally.
var ErrBaseline = fmt.Errorf("%w: baseline", ErrScenario)

// baselineJoin is a baseline election joined unit by unit to the
// engine's tally.
type baselineJoin struct {
	b *sim.Tally
	// counted[i] is the baseline unit of counted unit i, or -1.
	counted []int
	// two, margin and valid describe each baseline unit: the two leading
	// candidates' votes, their normalised margin ((A−B)/(A+B)) and the
	// valid votes.
	two, margin, valid []float64
	// missing lists the baseline units that match no counted unit;
	// missingIdx[j] is the baseline unit of Inputs.Missing[j], or -1.
	missing    []int
	missingIdx []int
	// region[j] is baseline unit j's region in the engine's tally (its
	// innermost region whose key path matches), or -1.
	region []int
	// counts for the report
	joined, noBase, unmatched int
}

// BaselineKey returns the key that joins unit i of t to a baseline: its
// ID when IDs are unique in t, else the keys of its regions and its ID.
func baselineKeys(t *sim.Tally, units []sim.Unit) ([]string, bool) {
	keys := make([]string, len(units))
	seen := make(map[string]bool, len(units))
	unique := true
	for i := range units {
		keys[i] = units[i].ID
		if seen[keys[i]] {
			unique = false
		}
		seen[keys[i]] = true
	}
	return keys, unique
}

func regionPathKey(t *sim.Tally, r int) string {
	var parts []string
	for _, x := range t.RegionPath(r) {
		parts = append(parts, strings.ToLower(strings.TrimSpace(t.Regions[x].Key)))
	}
	return strings.Join(parts, "/")
}

func unitKey(t *sim.Tally, u *sim.Unit, byID bool) string {
	if byID {
		return u.ID
	}
	return regionPathKey(t, u.Region) + "|" + u.ID
}

// matchCandidate finds the baseline candidate of candidate c of t: the
// same id, else the same name, else the same party.
func matchCandidate(t, b *sim.Tally, c int) (int, error) {
	want := t.Candidates[c]
	for i, x := range b.Candidates {
		if x.ID == want.ID {
			return i, nil
		}
	}
	for i, x := range b.Candidates {
		if want.Name != "" && sim.Fold(x.Name) == sim.Fold(want.Name) {
			return i, nil
		}
	}
	for i, x := range b.Candidates {
		if want.Party != "" && sim.Fold(x.Party) == sim.Fold(want.Party) {
			return i, nil
		}
	}
	return -1, fmt.Errorf("%w: no candidate matches %s (%s) by id, name or party", ErrBaseline, want.Label(), want.ID)
}

// joinBaseline joins b to the engine's tally, for the leading candidates
// a and b of the tally.
func joinBaseline(e *Engine, b *sim.Tally, ca, cb int, missing []sim.Unit) (*baselineJoin, error) {
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBaseline, err)
	}
	ba, err := matchCandidate(e.t, b, ca)
	if err != nil {
		return nil, err
	}
	bb, err := matchCandidate(e.t, b, cb)
	if err != nil {
		return nil, err
	}
	t := e.t
	_, uniqT := baselineKeys(t, t.Units)
	_, uniqB := baselineKeys(b, b.Units)
	byID := uniqT && uniqB
	bj := &baselineJoin{b: b}
	n := len(b.Units)
	bj.two = make([]float64, n)
	bj.margin = make([]float64, n)
	bj.valid = make([]float64, n)
	index := make(map[string]int, n)
	for j := range b.Units {
		u := &b.Units[j]
		va, vb := float64(u.Votes[ba]), float64(u.Votes[bb])
		bj.two[j] = va + vb
		if va+vb > 0 {
			bj.margin[j] = (va - vb) / (va + vb)
		}
		bj.valid[j] = float64(u.Valid())
		index[unitKey(b, u, byID)] = j
	}
	used := make([]bool, n)
	bj.counted = make([]int, len(t.Units))
	for i := range t.Units {
		j, ok := index[unitKey(t, &t.Units[i], byID)]
		if !ok {
			bj.counted[i] = -1
			bj.noBase++
			continue
		}
		bj.counted[i] = j
		used[j] = true
		bj.joined++
	}
	if len(missing) > 0 {
		bj.missingIdx = make([]int, len(missing))
		for i := range missing {
			j, ok := index[unitKey(t, &missing[i], byID)]
			if !ok {
				bj.missingIdx[i] = -1
				continue
			}
			bj.missingIdx[i] = j
			used[j] = true
		}
	}
	// Regions of the baseline's own units, by key path.
	paths := make(map[string]int, len(t.Regions))
	for r := range t.Regions {
		paths[regionPathKey(t, r)] = r
	}
	bj.region = make([]int, n)
	for j := range b.Units {
		bj.region[j] = -1
		for r := b.Units[j].Region; r >= 0; r = b.Regions[r].Parent {
			if x, ok := paths[regionPathKey(b, r)]; ok {
				bj.region[j] = x
				break
			}
		}
		if !used[j] {
			bj.unmatched++
			if len(missing) == 0 && bj.valid[j] > 0 {
				bj.missing = append(bj.missing, j)
			}
		}
	}
	if bj.joined == 0 {
		return nil, fmt.Errorf("%w: no unit of the baseline matches a counted %s (joined by %s)", ErrBaseline, e.unitWord(), map[bool]string{true: "unit id", false: "region keys and unit id"}[byID])
	}
	return bj, nil
}

// report says how the join went, in one sentence.
func (bj *baselineJoin) report(e *Engine) sim.Note {
	code := "mc.baseline"
	if len(bj.missing) > 0 {
		code = "mc.baseline.missing"
	}
	return sim.NewNote(code, e.t.UnitLevel, sim.Votes(bj.joined), sim.Votes(bj.noBase), sim.Votes(bj.unmatched))
}
