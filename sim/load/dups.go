package load

import (
	"github.com/tallyscope/tallyscope/sim"
)

// dupChecker finds duplicate unit keys. Files usually list a region's
// units together, so it compares within the current run of one region and
// switches to a map only when a region comes back after another one or a
// run grows long.
type dupChecker struct {
	runRegion int
	runStart  int
	closed    []bool // by region + 1
	full      map[regionKey]int
}

func (d *dupChecker) check(region int, id string, units []sim.Unit, lines []int32) int {
	if d.full != nil {
		k := regionKey{region, id}
		if prev, ok := d.full[k]; ok {
			return prev
		}
		d.full[k] = len(units)
		return -1
	}
	if region != d.runRegion {
		if d.runRegion >= -1 {
			for len(d.closed) <= d.runRegion+1 {
				d.closed = append(d.closed, false)
			}
			d.closed[d.runRegion+1] = true
		}
		if region+1 < len(d.closed) && d.closed[region+1] {
			d.switchToMap(units)
			return d.check(region, id, units, lines)
		}
		d.runRegion = region
		d.runStart = len(units)
	}
	if len(units)-d.runStart > 64 {
		d.switchToMap(units)
		return d.check(region, id, units, lines)
	}
	for i := d.runStart; i < len(units); i++ {
		if units[i].ID == id {
			return i
		}
	}
	return -1
}

func (d *dupChecker) switchToMap(units []sim.Unit) {
	d.full = make(map[regionKey]int, 2*len(units)+16)
	for i := range units {
		d.full[regionKey{units[i].Region, units[i].ID}] = i
	}
}
