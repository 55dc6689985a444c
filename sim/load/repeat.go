package load

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// Repeated results. Two units of one region with identical votes can
// happen by chance: empty tables, tables with a handful of votes, or two
// counties whose totals happen to agree. Many units with the same large
// vote vector cannot: the US 2016 county file repeats Alaska's statewide
// totals on 29 rows under different codes. The rule that tells them apart:
//
// A count v matches another unit's count by chance with probability at
// most 1/w(v), where w(v) = max(1, min(v/4, 2√v)): generous, since real
// counts vary far more between units than the √v of chance alone. A vector
// matches with the product of its counts' probabilities, p. For r units
// of a region of n units that share a vector, the expected number of such
// coincidences in a file of U units is at most U · C(n−1, r−1) · p^(r−1).
// When that is below repeatLimit (one in ten thousand), the repetition is
// a data problem. Tables with 0 to 4 votes in every count are never
// flagged (p = 1); three units sharing two counts of a few hundred votes
// in a large region are not either; 29 copies of a state's totals are.
const repeatLimit = 1e-4

// repeatedVotes returns the groups of units of one innermost region that
// share a vote vector more often than chance explains, each as ascending
// unit indexes, the groups ordered by their first unit.
func repeatedVotes(t *sim.Tally) [][]int {
	order := regionRuns(t)
	at := func(k int) int {
		if order == nil {
			return k
		}
		return int(order[k])
	}
	var groups [][]int
	type hashed struct {
		h uint64
		i int
	}
	var run []hashed
	for start := 0; start < len(t.Units); {
		end := start + 1
		region := t.Units[at(start)].Region
		for end < len(t.Units) && t.Units[at(end)].Region == region {
			end++
		}
		n := end - start
		if n >= 2 {
			run = run[:0]
			for k := start; k < end; k++ {
				i := at(k)
				run = append(run, hashed{hashVotes(t.Units[i].Votes), i})
			}
			slices.SortFunc(run, func(a, b hashed) int {
				return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.i, b.i))
			})
			for j := 0; j < len(run); {
				k := j + 1
				for k < len(run) && run[k].h == run[j].h {
					k++
				}
				if k-j >= 2 {
					idx := make([]int, 0, k-j)
					for _, h := range run[j:k] {
						idx = append(idx, h.i)
					}
					groups = append(groups, sameVotes(t, idx, n)...)
				}
				j = k
			}
		}
		start = end
	}
	slices.SortFunc(groups, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return groups
}

// sameVotes splits units with equal hashes into groups of equal votes and
// keeps those that chance does not explain.
func sameVotes(t *sim.Tally, left []int, n int) [][]int {
	var out [][]int
	for len(left) >= 2 {
		first := t.Units[left[0]].Votes
		var same, rest []int
		for _, i := range left {
			if slices.Equal(t.Units[i].Votes, first) {
				same = append(same, i)
			} else {
				rest = append(rest, i)
			}
		}
		if len(same) >= 2 && !byChance(first, len(same), n, len(t.Units)) {
			slices.Sort(same)
			out = append(out, same)
		}
		left = rest
	}
	return out
}

// byChance reports whether r of n units of a region sharing votes v, in a
// file of u units, is a coincidence chance explains (see repeatLimit).
func byChance(v []int64, r, n, u int) bool {
	log10p := 0.0
	for _, c := range v {
		w := min(float64(c)/4, 2*math.Sqrt(float64(c)))
		if w > 1 {
			log10p -= math.Log10(w)
		}
	}
	// log10 C(n−1, r−1) through the log-gamma function.
	lg := func(x int) float64 { v, _ := math.Lgamma(float64(x) + 1); return v }
	log10C := (lg(n-1) - lg(r-1) - lg(n-r)) / math.Ln10
	return math.Log10(float64(u))+log10C+float64(r-1)*log10p >= math.Log10(repeatLimit)
}

// hashVotes mixes a vote vector into 64 bits.
func hashVotes(v []int64) uint64 {
	h := uint64(0x9E3779B97F4A7C15)
	for _, c := range v {
		h = (h ^ uint64(c)) * 0xBF58476D1CE4E5B9
		h ^= h >> 31
	}
	return h
}

// regionRuns returns nil when each innermost region's units are
// contiguous (the usual case: files list a region's units together), or
// else the unit indexes stably sorted by region.
func regionRuns(t *sim.Tally) []int32 {
	closed := make([]bool, len(t.Regions)+1)
	contiguous := true
	for i := 1; i < len(t.Units) && contiguous; i++ {
		if r := t.Units[i].Region; r != t.Units[i-1].Region {
			closed[t.Units[i-1].Region+1] = true
			contiguous = !closed[r+1]
		}
	}
	if contiguous {
		return nil
	}
	order := make([]int32, len(t.Units))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(t.Units[a].Region, t.Units[b].Region) })
	return order
}

// repeatedMsg describes a group of units with identical votes, naming the
// lines of the others than unit i (all of them when i < 0).
func repeatedMsg(t *sim.Tally, group []int, lineOf func(int) int, i int) string {
	u := &t.Units[group[0]]
	where := "the file"
	if u.Region >= 0 {
		r := &t.Regions[u.Region]
		where = t.Levels[r.Level] + " " + cmp.Or(r.Name, r.Key)
	}
	var votes []string
	for c, v := range u.Votes {
		votes = append(votes, t.Candidates[c].ID+" "+strconv.FormatInt(v, 10))
	}
	var lines []string
	others := 0
	for _, j := range group {
		if j == i {
			continue
		}
		if others++; len(lines) < 8 {
			lines = append(lines, strconv.Itoa(lineOf(j)))
		}
	}
	more := ""
	if others > len(lines) {
		more = fmt.Sprintf(" and %d more", others-len(lines))
	}
	what := "on lines"
	if i >= 0 {
		what = "as on lines"
	}
	return fmt.Sprintf("%d units of %s have identical votes (%s) %s %s%s: more than chance explains (a region's totals copied onto each row?)",
		len(group), where, strings.Join(votes, ", "), what, strings.Join(lines, ", "), more)
}

// repeatScreen is the CSV loader's cheap first look for repeated results,
// made while each row's votes are at hand: a weak hash of every unit's
// votes, compared within each run of one region's units. Only when two
// hashes in a run are equal, or a region's units are not contiguous, does
// the loader run repeatedVotes over the tally.
type repeatScreen struct {
	region  int
	run     []uint64
	closed  []bool // by region + 1
	suspect bool
}

func (r *repeatScreen) start(regions int) {
	r.region = -2
	r.closed = make([]bool, 0, regions+1)
}

// add notes a unit of region whose votes hash to h: the sum over its
// candidates i of votes[i] × screenWeight(i), computed by the caller as it
// reads them. Equal votes give equal hashes. Unequal ones collide only if
// the differences of their counts, weighted by random constants, sum to
// zero modulo 2^64: hardly ever, and a false match only costs the exact
// pass.
func (r *repeatScreen) add(region int, h uint64) {
	if region != r.region {
		r.endRun()
		if r.region >= -1 {
			for len(r.closed) <= r.region+1 {
				r.closed = append(r.closed, false)
			}
			r.closed[r.region+1] = true
		}
		if region+1 < len(r.closed) && r.closed[region+1] {
			r.suspect = true // the region comes back: look at the whole tally
		}
		r.region = region
	}
	if !r.suspect {
		r.run = append(r.run, h)
	}
}

// screenWeight is the random odd weight of candidate i in repeatScreen's
// hash.
func screenWeight(i int) uint64 { return screenWeights[i&15] + uint64(i>>4)<<1 }

// endRun looks for two equal hashes in the run just ended.
func (r *repeatScreen) endRun() {
	run := r.run
	r.run = r.run[:0]
	if r.suspect || len(run) < 2 {
		return
	}
	if len(run) > 16 {
		slices.Sort(run)
		for i := 1; i < len(run); i++ {
			if run[i] == run[i-1] {
				r.suspect = true
				return
			}
		}
		return
	}
	for i := 1; i < len(run); i++ {
		for _, h := range run[:i] {
			if h == run[i] {
				r.suspect = true
				return
			}
		}
	}
}

// dropRepeated finds units with repeated results (see repeatedVotes).
// Strict, the first group is the error; lenient, every unit of every
// group is listed in Report.Skipped and left out.
func (b *builder) dropRepeated() error {
	t := b.t
	if b.repeats.endRun(); !b.repeats.suspect {
		return nil
	}
	groups := repeatedVotes(t)
	if len(groups) == 0 {
		return nil
	}
	lineOf := func(i int) int { return int(b.lines[i]) }
	if b.strict {
		g := groups[0]
		return &Problem{File: b.file, Line: lineOf(g[0]), Msg: repeatedMsg(t, g, lineOf, -1), kind: ErrRepeated}
	}
	drop := make([]bool, len(t.Units))
	for _, g := range groups {
		for _, i := range g {
			drop[i] = true
			b.rep.Skipped = append(b.rep.Skipped, &Problem{File: b.file, Line: lineOf(i), Msg: repeatedMsg(t, g, lineOf, i), kind: ErrRepeated})
		}
	}
	slices.SortStableFunc(b.rep.Skipped, func(x, y *Problem) int { return cmp.Compare(x.Line, y.Line) })
	k := 0
	for i := range t.Units {
		if !drop[i] {
			t.Units[k] = t.Units[i]
			b.lines[k] = b.lines[i]
			k++
		}
	}
	t.Units = t.Units[:k]
	b.lines = b.lines[:k]
	return nil
}

// screenWeights are random odd 64-bit constants for repeatScreen.
var screenWeights = [16]uint64{
	0xdda1494c73cf256d,
	0xdb5b5fab8f4d3e27,
	0xc7fde805ec99108d,
	0x73ab48767734d7c1,
	0xdae445508201e2bd,
	0x309d6b79965eda33,
	0xcdcc69292f45e679,
	0x79cb9e86830c71c3,
	0x9d2c67eda13ffe79,
	0x2fa91425cb008853,
	0x7253edc618187993,
	0x244caf9c4dabb481,
	0x89e7d15f17362f25,
	0xe3eff9c0cf44dd3f,
	0xa26b7f62b1852f27,
	0x986e86cb0ab8ab67,
}
