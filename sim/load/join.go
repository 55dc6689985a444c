package load

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/tallyscope/tallyscope/sim"
)

// Join copies registered voters from src onto dst as JoinRegistered does,
// then checks every unit that received a value as a loader checks a row:
// votes cast above the joined registered voters is a problem that names
// the unit's line in rep's file and the line in srcRep's file the figure
// came from. Strict, the first problem is the error; lenient, such units
// are left out of dst and listed in rep.Skipped. The rows srcRep skipped,
// and its warnings, are added to rep's (they name the join file), so that
// no row of the join file vanishes. It returns how many units received a
// value.
func Join(dst *sim.Tally, rep *Report, src *sim.Tally, srcRep *Report, lenient bool) (matched int, err error) {
	key := func(t *sim.Tally, u *sim.Unit) string {
		if u.Region >= 0 {
			return t.Regions[u.Region].Key + "\x00" + u.ID
		}
		return u.ID
	}
	from := make(map[string]int, len(src.Units))
	for i := range src.Units {
		if u := &src.Units[i]; u.Registered != sim.Unknown {
			from[key(src, u)] = i
		}
	}
	line := func(r *Report, i int) int {
		if i < len(r.lines) {
			return int(r.lines[i])
		}
		return 0
	}
	rep.Skipped = append(rep.Skipped, srcRep.Skipped...)
	rep.Warnings = append(rep.Warnings, srcRep.Warnings...)
	var drop []bool
	for i := range dst.Units {
		u := &dst.Units[i]
		j, ok := from[key(dst, u)]
		if !ok {
			continue
		}
		reg := src.Units[j].Registered
		if cast := u.Cast(); cast > reg {
			p := &Problem{File: rep.File, Line: line(rep, i), kind: ErrRow,
				Msg: fmt.Sprintf("%s %s: %d votes cast exceed the %d registered voters joined from %s", dst.UnitLevel, u.ID, cast, reg, srcRep.File)}
			if l := line(srcRep, j); l > 0 {
				p.Msg += fmt.Sprintf(" line %d", l)
			}
			if !lenient {
				return matched, p
			}
			rep.Skipped = append(rep.Skipped, p)
			if drop == nil {
				drop = make([]bool, len(dst.Units))
			}
			drop[i] = true
			continue
		}
		u.Registered = reg
		matched++
	}
	slices.SortStableFunc(rep.Skipped, func(x, y *Problem) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line))
	})
	if drop == nil {
		return matched, nil
	}
	k := 0
	for i := range dst.Units {
		if !drop[i] {
			dst.Units[k] = dst.Units[i]
			if i < len(rep.lines) {
				rep.lines[k] = rep.lines[i]
			}
			k++
		}
	}
	dst.Units = dst.Units[:k]
	rep.lines = rep.lines[:min(k, len(rep.lines))]
	rep.Loaded = k
	return matched, nil
}
