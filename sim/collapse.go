package sim

import (
	"fmt"
	"strings"
)

// Collapse returns a smaller tally in which the units inside each region of
// level l are summed into a few units: one for each combination of what is
// known (registered voters, null votes, blank votes), so that turnout and
// every total stay exactly as they were. Each summed unit's Count says how
// many units it stands for. Regions deeper than l are dropped; candidates,
// expectations for the regions kept, and claims are copied.
//
// Collapse is how a large tally becomes a small one to embed (Venezuela's
// 25,073 tables become 24 states).
func Collapse(t *Tally, l int) (*Tally, error) {
	if l < 0 || l >= len(t.Levels) {
		return nil, fmt.Errorf("%w: level %d of %d", ErrUnknownLevel, l, len(t.Levels))
	}
	out := &Tally{
		Title:      t.Title,
		Source:     t.Source,
		Levels:     append([]string(nil), t.Levels[:l+1]...),
		UnitLevel:  t.UnitLevel,
		Candidates: append([]Candidate(nil), t.Candidates...),
		Claims:     append([]Claim(nil), t.Claims...),
	}
	newIdx := make([]int, len(t.Regions))
	for i, r := range t.Regions {
		newIdx[i] = -1
		if r.Level > l {
			continue
		}
		p := -1
		if r.Parent >= 0 {
			p = newIdx[r.Parent]
		}
		newIdx[i] = len(out.Regions)
		out.Regions = append(out.Regions, Region{Level: r.Level, Key: r.Key, Name: r.Name, Parent: p})
	}
	for _, e := range t.Expected {
		if e.Region < 0 {
			out.Expected = append(out.Expected, e)
		} else if n := newIdx[e.Region]; n >= 0 {
			e.Region = n
			out.Expected = append(out.Expected, e)
		}
	}
	nc := len(t.Candidates)
	// One group per region and pattern of unknowns (bit 0: registered,
	// bit 1: null, bit 2: blank).
	type group struct {
		unit Unit
		used bool
	}
	groups := make([][8]group, len(out.Regions))
	for i := range t.Units {
		u := &t.Units[i]
		r := t.Ancestor(u.Region, l)
		if r < 0 {
			return nil, fmt.Errorf("%w: unit %s is not inside a region of level %q", ErrInvalid, u.ID, t.Levels[l])
		}
		k := 0
		if u.Registered == Unknown {
			k |= 1
		}
		if u.Null == Unknown {
			k |= 2
		}
		if u.Blank == Unknown {
			k |= 4
		}
		g := &groups[newIdx[r]][k]
		if !g.used {
			g.used = true
			g.unit = Unit{Region: newIdx[r], Votes: make([]int64, nc), Registered: known(k&1 == 0), Null: known(k&2 == 0), Blank: known(k&4 == 0)}
		}
		g.unit.Count += u.Size()
		for j, v := range u.Votes {
			g.unit.Votes[j] += v
		}
		if k&1 == 0 {
			g.unit.Registered += u.Registered
		}
		if k&2 == 0 {
			g.unit.Null += u.Null
		}
		if k&4 == 0 {
			g.unit.Blank += u.Blank
		}
	}
	for ri := range groups {
		for k, g := range groups[ri] {
			if !g.used {
				continue
			}
			u := g.unit
			u.ID = out.Regions[ri].Key + "+" + collapseSuffix[k]
			unit := t.UnitLevel
			if u.Count != 1 && unit != "" && !strings.HasSuffix(unit, "s") {
				unit += "s"
			}
			u.Name = fmt.Sprintf("%s: %d %s", out.Regions[ri].Name, u.Count, unit)
			if k&1 == 0 {
				u.Name += " with registered voters"
			} else {
				u.Name += " without registered voters"
			}
			out.Units = append(out.Units, u)
		}
	}
	return out, nil
}

// collapseSuffix names each pattern of unknowns in a summed unit's ID.
var collapseSuffix = [8]string{
	"registered", "unregistered", "registered-nonull", "unregistered-nonull",
	"registered-noblank", "unregistered-noblank", "registered-nonull-noblank", "unregistered-nonull-noblank",
}

func known(k bool) int64 {
	if k {
		return 0
	}
	return Unknown
}
