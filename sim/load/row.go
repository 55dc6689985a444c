package load

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/tallyscope/tallyscope/sim"
)

// keep returns s as a string to store in the tally.
func (b *builder) keep(s string) string {
	if b.latin1 {
		return fixLatin1(s)
	}
	return s
}

// join makes a string of the parts in the arena.
func (b *builder) join(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if cap(b.arena)-len(b.arena) < n {
		b.arena = make([]byte, 0, max(64<<10, n))
	}
	start := len(b.arena)
	for _, p := range parts {
		b.arena = append(b.arena, p...)
	}
	return unsafe.String(&b.arena[start], n)
}

const zeros = "0000000000000000"

// padding returns the zeros that pad v to pad digits ("" when v is empty
// or long enough).
func padding(v string, pad int) string {
	n := pad - len(v)
	switch {
	case n <= 0 || v == "":
		return ""
	case n <= len(zeros):
		return zeros[:n]
	}
	return strings.Repeat("0", n)
}

// shape zero-pads a code to pad digits, then takes the byte range slice
// (of the decoded text, for a Latin-1 file).
func (b *builder) shape(v string, slice []int, pad int) (string, bool) {
	v = b.keep(strings.TrimSpace(v))
	if p := padding(v, pad); p != "" {
		v = b.join(p, v)
	}
	if len(slice) == 2 && v != "" {
		if len(v) < slice[1] {
			return v, false
		}
		v = v[slice[0]:slice[1]]
	}
	return v, true
}

// rowCounts are one row's counts beyond the candidate votes, which
// counts leaves in builder.rowVotes.
type rowCounts struct {
	cast, registered, null, blank int64
	// h screens for repeated vote vectors (see repeatScreen).
	h uint64
}

// row adds one record as a unit, or says what is wrong with it. Counts
// come first, so that a bad row leaves nothing behind.
func (b *builder) row(rec []string, quoted []bool, line int) *Problem {
	if len(rec) != len(b.hdr) {
		return b.problem(line, 0, "the row has %d fields but the header has %d", len(rec), len(b.hdr))
	}
	rc, p := b.counts(rec, quoted, line)
	if p != nil {
		return p
	}
	if p := b.levelCodes(rec, line); p != nil {
		return p
	}
	region := b.region(rec)
	id, p := b.unitID(rec, region, line)
	if p != nil {
		return p
	}
	if prev := b.dups.check(region, id, b.t.Units, b.lines); prev >= 0 {
		where := ""
		if region >= 0 {
			where = " in " + b.t.Levels[len(b.t.Levels)-1] + " " + b.t.Regions[region].Key
		}
		if b.c.unit >= 0 {
			return b.fieldProblem(line, b.c.unit, "duplicate unit %q%s: it already appears on line %d", id, where, b.lines[prev])
		}
		return b.problem(line, 0, "duplicate unit %q%s: it already appears on line %d", id, where, b.lines[prev])
	}
	if p := b.addToFile(rc, line); p != nil {
		return p
	}
	nc := len(b.rowVotes)
	off := len(b.votes)
	b.votes = append(b.votes, b.rowVotes...)
	u := sim.Unit{ID: id, Region: region, Registered: rc.registered, Null: rc.null, Blank: rc.blank, Votes: b.votes[off : off+nc : off+nc]}
	if b.c.name >= 0 {
		u.Name = b.keep(strings.TrimSpace(rec[b.c.name]))
	}
	if b.c.source >= 0 {
		u.Source = b.keep(strings.TrimSpace(rec[b.c.source]))
	}
	b.t.Units = append(b.t.Units, u)
	b.lines = append(b.lines, int32(line))
	b.repeats.add(region, rc.h)
	return nil
}

// counts reads a row's candidate votes into b.rowVotes (the others from a
// total column among them) and its other counts, and checks them against
// each other: the stated valid votes against the candidates' sum, the
// votes cast against the ceiling per unit and the registered voters.
func (b *builder) counts(rec []string, quoted []bool, line int) (rowCounts, *Problem) {
	var rc rowCounts
	var valid int64
	for i, c := range b.c.candidates {
		v, ok := plainCount(rec[c])
		if !ok {
			var p *Problem
			if v, p = b.count(rec, quoted, c, line, false); p != nil {
				return rc, p
			}
		} else if v > sim.MaxUnitVotes {
			return rc, b.ceilingProblem(line, c, v)
		}
		b.rowVotes[i] = v
		valid += v // at most len(candidates) × sim.MaxUnitVotes
		rc.h += uint64(v) * screenWeight(i)
	}
	rc.registered, rc.null, rc.blank = sim.Unknown, sim.Unknown, sim.Unknown
	for _, o := range []struct {
		col int
		dst *int64
	}{{b.c.registered, &rc.registered}, {b.c.null, &rc.null}, {b.c.blank, &rc.blank}} {
		if o.col >= 0 {
			var p *Problem
			if *o.dst, p = b.count(rec, quoted, o.col, line, true); p != nil {
				return rc, p
			}
		}
	}
	if b.c.total >= 0 {
		total, p := b.count(rec, quoted, b.c.total, line, false)
		if p != nil {
			return rc, p
		}
		if total < valid {
			return rc, b.fieldProblem(line, b.c.total, "total votes %d are fewer than the candidate columns' sum %d", total, valid)
		}
		other := len(b.rowVotes) - 1
		b.rowVotes[other] = total - valid
		rc.h += uint64(total-valid) * screenWeight(other)
		valid = total
	}
	if b.c.valid >= 0 {
		stated, ok := plainCount(rec[b.c.valid])
		if !ok || stated > sim.MaxUnitVotes {
			var p *Problem
			if stated, p = b.count(rec, quoted, b.c.valid, line, false); p != nil {
				return rc, p
			}
		}
		if stated != valid {
			return rc, b.fieldProblem(line, b.c.valid, "valid votes %d differ from the sum of the candidate columns %d (off by %+d)", stated, valid, valid-stated)
		}
	}
	rc.cast = valid + max(rc.null, 0) + max(rc.blank, 0)
	if rc.cast > sim.MaxUnitVotes {
		return rc, b.problem(line, 0, "%d votes cast are above the ceiling of %d per %s", rc.cast, sim.MaxUnitVotes, b.t.UnitLevel)
	}
	if rc.registered != sim.Unknown {
		if rc.cast > rc.registered {
			return rc, b.fieldProblem(line, b.c.registered, "%d votes cast exceed the %d registered voters", rc.cast, rc.registered)
		}
	} else if b.c.registered >= 0 {
		b.noRegistered++
	}
	return rc, nil
}

// levelCodes reads the row's region code at each level into b.levelKeys.
func (b *builder) levelCodes(rec []string, line int) *Problem {
	for l, c := range b.c.levels {
		if rec[c] == b.prevRaw[l] && b.prevRaw[l] != "" {
			// Same code as the row before: same key, no reshaping.
			b.levelKeys[l] = b.prevKey[l]
			continue
		}
		spec := &b.m.Levels[l]
		key, ok := b.shape(rec[c], spec.Slice, spec.Pad)
		if !ok {
			return b.fieldProblem(line, c, "%q is too short to take characters %d to %d", b.keep(rec[c]), spec.Slice[0]+1, spec.Slice[1])
		}
		if key == "" {
			return b.fieldProblem(line, c, "the %s code is empty", b.t.Levels[l])
		}
		b.levelKeys[l] = key
	}
	return nil
}

// region returns the innermost region of the row's codes (b.levelKeys),
// adding the regions that are new, or -1 when there are no levels.
func (b *builder) region(rec []string) int {
	region := -1
	parentNew := false
	for l, key := range b.levelKeys {
		samePar := b.prevRegion[l] != -2 && (l == 0 || region == b.t.Regions[b.prevRegion[l]].Parent)
		if samePar && key == b.prevKey[l] {
			region = b.prevRegion[l]
			parentNew = false
			continue
		}
		r, ok := -1, false
		if b.sorted && !(parentNew || b.prevRegion[l] == -2 || (samePar && keyAfter(key, b.prevKey[l]))) {
			// A region may be coming back: from now on look regions up.
			b.buildMaps()
		}
		if !b.sorted {
			// Most keys are unique within their level: look them up by the
			// key alone, and fall back to (parent, key) when a key repeats
			// under another parent (municipality 1 of every state).
			r, ok = b.levelIdx[l][key]
			if ok && b.t.Regions[r].Parent != region {
				r, ok = b.regionIdx[regionKey{parent: region, key: key}]
			}
		}
		if !ok {
			r = len(b.t.Regions)
			b.t.Regions = append(b.t.Regions, sim.Region{Level: l, Key: key, Name: b.regionName(rec, l, key), Parent: region})
			if !b.sorted {
				b.index(r)
			}
		}
		parentNew = !ok
		b.prevKey[l] = key
		b.prevRaw[l] = rec[b.c.levels[l]]
		b.prevRegion[l] = r
		region = r
	}
	return region
}

// regionName is the display name of a new region at level l: the
// mapping's name for its code, else its name column, else its code.
func (b *builder) regionName(rec []string, l int, key string) string {
	if n, ok := b.m.Levels[l].Names[key]; ok {
		return n
	}
	if n := b.c.levelNames[l]; n >= 0 {
		if s := strings.TrimSpace(rec[n]); s != "" {
			return b.keep(s)
		}
	}
	return key
}

// unitID returns the row's unit id: its unit column shaped as the
// mapping says, or its line number when there is no unit column.
func (b *builder) unitID(rec []string, region, line int) (string, *Problem) {
	var id string
	if b.c.unit >= 0 && b.m.UnitQualified && region >= 0 && len(b.m.UnitSlice) == 0 {
		// The common case of a padded unit number inside its region
		// ("010101001" "." "0" "1"), joined once.
		v := strings.TrimSpace(rec[b.c.unit])
		if v == "" {
			return "", b.fieldProblem(line, b.c.unit, "the unit id is empty")
		}
		v = b.keep(v)
		return b.join(b.t.Regions[region].Key, ".", padding(v, b.m.UnitPad), v), nil
	} else if b.c.unit >= 0 {
		var ok bool
		id, ok = b.shape(rec[b.c.unit], b.m.UnitSlice, b.m.UnitPad)
		if !ok {
			return "", b.fieldProblem(line, b.c.unit, "%q is too short to take characters %d to %d", b.keep(rec[b.c.unit]), b.m.UnitSlice[0]+1, b.m.UnitSlice[1])
		}
		if id == "" {
			return "", b.fieldProblem(line, b.c.unit, "the unit id is empty")
		}
	} else {
		id = strconv.Itoa(line)
	}
	if b.m.UnitQualified && region >= 0 {
		id = b.join(b.t.Regions[region].Key, ".", id)
	}
	return id, nil
}

// addToFile adds a row's votes cast and registered voters to the file's,
// and stops the load when they cross the ceiling of a region. Every row is
// under the per-unit ceiling, so these sums cannot overflow before they
// cross the regional one.
func (b *builder) addToFile(rc rowCounts, line int) *Problem {
	b.sumCast += rc.cast
	b.sumRegistered += max(rc.registered, 0)
	if b.sumCast <= sim.MaxRegionVotes && b.sumRegistered <= sim.MaxRegionVotes {
		return nil
	}
	b.fatal = true
	what, sum := "votes cast", b.sumCast
	if sum <= sim.MaxRegionVotes {
		what, sum = "registered voters", b.sumRegistered
	}
	return b.problem(line, 0, "this row takes the file's %s to %d, above the ceiling of %d for any region", what, sum, sim.MaxRegionVotes)
}

// keyAfter reports whether key sorts after prev: numerically for codes of
// digits (without parsing when they have the same length), otherwise as
// strings.
func keyAfter(key, prev string) bool {
	if len(key) == len(prev) && allDigits(key) && allDigits(prev) {
		return key > prev
	}
	return sim.CompareKeys(key, prev) > 0
}

// buildMaps indexes every region so far and leaves sorted mode.
func (b *builder) buildMaps() {
	b.sorted = false
	n := len(b.t.Regions)
	b.regionIdx = make(map[regionKey]int)
	b.levelIdx = make([]map[string]int, len(b.t.Levels))
	for l := range b.levelIdx {
		b.levelIdx[l] = make(map[string]int, n/max(1, len(b.t.Levels)))
	}
	for i := range b.t.Regions {
		b.index(i)
	}
}

func (b *builder) index(r int) {
	reg := &b.t.Regions[r]
	if _, taken := b.levelIdx[reg.Level][reg.Key]; taken {
		b.regionIdx[regionKey{parent: reg.Parent, key: reg.Key}] = r
	} else {
		b.levelIdx[reg.Level][reg.Key] = r
	}
}
