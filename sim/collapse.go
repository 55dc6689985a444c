package sim

import "fmt"

// Collapse returns a smaller tally in which the units inside each region of
// level l are summed into at most two units: one for the units whose
// registered voters are known and one for those whose are not, so that
// turnout stays honest. Each summed unit's Count says how many units it
// stands for. Regions deeper than l are dropped; candidates, expectations
// for the regions kept, and claims are copied. Null and blank votes of a
// summed unit are known only if they are known in every unit it sums.
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
	// Two groups per region: [0] registered known, [1] unknown.
	type group struct {
		unit Unit
		used bool
	}
	groups := make([][2]group, len(out.Regions))
	for i := range t.Units {
		u := &t.Units[i]
		r := t.Ancestor(u.Region, l)
		if r < 0 {
			return nil, fmt.Errorf("%w: unit %s is not inside a region of level %q", ErrInvalid, u.ID, t.Levels[l])
		}
		k := 0
		if u.Registered == Unknown {
			k = 1
		}
		g := &groups[newIdx[r]][k]
		if !g.used {
			g.used = true
			g.unit = Unit{Region: newIdx[r], Votes: make([]int64, nc)}
			if k == 1 {
				g.unit.Registered = Unknown
			}
		}
		g.unit.Count += u.Size()
		for j, v := range u.Votes {
			g.unit.Votes[j] += v
		}
		if k == 0 {
			g.unit.Registered += u.Registered
		}
		g.unit.Null = addKnown(g.unit.Null, u.Null, g.unit.Count == u.Size())
		g.unit.Blank = addKnown(g.unit.Blank, u.Blank, g.unit.Count == u.Size())
	}
	for ri := range groups {
		for k, g := range groups[ri] {
			if !g.used {
				continue
			}
			u := g.unit
			key := out.Regions[ri].Key
			if k == 0 {
				u.ID = key + "+registered"
				u.Name = fmt.Sprintf("%s: %d %s with registered voters", out.Regions[ri].Name, u.Count, t.UnitLevel)
			} else {
				u.ID = key + "+unregistered"
				u.Name = fmt.Sprintf("%s: %d %s without registered voters", out.Regions[ri].Name, u.Count, t.UnitLevel)
			}
			out.Units = append(out.Units, u)
		}
	}
	return out, nil
}

// addKnown adds b to a where both are known; first says a is the first.
func addKnown(a, b int64, first bool) int64 {
	if first {
		return b
	}
	if a == Unknown || b == Unknown {
		return Unknown
	}
	return a + b
}
