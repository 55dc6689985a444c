package scenario

import (
	"fmt"
	"math"
	"sync"

	"github.com/tallyscope/tallyscope/sim"
)

// Engine answers scenarios about one tally. It holds everything that does
// not depend on the scenario, so that Run costs one pass over the units.
// An Engine never changes after New (apart from tables built once on
// first use), so several goroutines may use one engine at once; the
// Outcome given to Apply and a MonteCarlo belong to one goroutine each.
type Engine struct {
	t   *sim.Tally
	agg *sim.Aggregation
	nc  int
	nr  int
	// lumped marks the columns that sum several candidates ("Others"):
	// they are a remainder, never a winner or a runner-up.
	lumped []bool

	// depth[r] is the level of region r.
	depth []int
	// regCounted[r*nc+c] holds the baseline counted votes of region r;
	// natCounted the national ones.
	regCounted []int64
	natCounted []int64
	// validRE is the valid vote in units whose registered voters are
	// known, per region (nation at index nr).
	validRE []int64
	// ratioRE is registered voters per valid vote, in the units where
	// both are known, nationally; 0 when unknown.
	ratioRE float64
	// regWeight is a region's counted registered voters, estimated for
	// the units where they are unknown, or its counted units when no
	// registered voters are known at all; nation at index nr.
	regWeight []float64
	// regEstRE is the estimated part of regWeight's registered voters.
	regEstRE []float64
	// unknownRE counts units (Size) with unknown registered voters.
	unknownRE int64
	hasRE     bool
	// children lists each region's children; top-level regions are in
	// children[nr].
	children [][]int
	// unitOrder: units in tally order; unitRegion is the innermost region
	// or nr for a tally without hierarchy.
	unitRegion []int
	unitValid  []int64
	// byRegion lists unit indexes so that the units of every region are
	// contiguous: those of region r are byRegion[span[r][0]:span[r][1]]
	// (nation at index nr).
	byRegion []int32
	span     [][2]int32

	// Tables for Monte Carlo, built on first use.
	mcOnce   sync.Once
	mcCum    []int64
	mcShares []float64

	// Sorted counted results for partial claims, built on first use.
	ovOnce sync.Once
	ov     *overlapSums
}

// New prepares an engine for t. It validates the tally and returns an
// error wrapping ErrTally when it is not consistent.
func New(t *sim.Tally) (*Engine, error) {
	if t == nil {
		return nil, fmt.Errorf("%w: no tally", ErrTally)
	}
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTally, err)
	}
	e := &Engine{t: t, agg: sim.Aggregate(t), nc: len(t.Candidates), nr: len(t.Regions), lumped: t.Lumped()}
	nc, nr := e.nc, e.nr
	e.depth = make([]int, nr)
	e.children = make([][]int, nr+1)
	for i, r := range t.Regions {
		e.depth[i] = r.Level
		p := r.Parent
		if p < 0 {
			p = nr
		}
		e.children[p] = append(e.children[p], i)
	}
	e.regCounted = make([]int64, nr*nc)
	for r := 0; r < nr; r++ {
		copy(e.regCounted[r*nc:(r+1)*nc], e.agg.Votes(r))
	}
	e.natCounted = append([]int64(nil), e.agg.Nation.Votes...)
	e.validRE = make([]int64, nr+1)
	e.unitRegion = make([]int, len(t.Units))
	e.unitValid = make([]int64, len(t.Units))
	for i := range t.Units {
		u := &t.Units[i]
		e.unitValid[i] = u.Valid()
		r := u.Region
		if r < 0 {
			r = nr
		}
		e.unitRegion[i] = r
		if u.Registered != sim.Unknown {
			e.validRE[r] += u.Valid()
			e.hasRE = true
		} else {
			e.unknownRE += u.Size()
		}
	}
	for r := nr - 1; r >= 0; r-- {
		p := t.Regions[r].Parent
		if p < 0 {
			p = nr
		}
		e.validRE[p] += e.validRE[r]
	}
	nat := &e.agg.Nation
	if e.validRE[nr] > 0 && nat.Registered > 0 {
		e.ratioRE = float64(nat.Registered) / float64(e.validRE[nr])
	}
	e.regWeight = make([]float64, nr+1)
	e.regEstRE = make([]float64, nr+1)
	for r := 0; r <= nr; r++ {
		res := e.result(r)
		if e.ratioRE > 0 {
			est := float64(res.Valid-e.validRE[r]) * e.ratioRE
			e.regEstRE[r] = est
			e.regWeight[r] = float64(res.Registered) + est
		} else {
			e.regWeight[r] = float64(res.Units)
		}
	}
	e.buildSpans()
	return e, nil
}

// buildSpans orders the units depth-first by region so that each region's
// units are contiguous.
func (e *Engine) buildSpans() {
	nr := e.nr
	buckets := make([][]int32, nr+1)
	for i, r := range e.unitRegion {
		buckets[r] = append(buckets[r], int32(i))
	}
	e.byRegion = make([]int32, 0, len(e.unitRegion))
	e.span = make([][2]int32, nr+1)
	var walk func(r int)
	walk = func(r int) {
		lo := int32(len(e.byRegion))
		e.byRegion = append(e.byRegion, buckets[r]...)
		for _, c := range e.children[r] {
			walk(c)
		}
		e.span[r] = [2]int32{lo, int32(len(e.byRegion))}
	}
	walk(nr)
}

// Tally returns the engine's tally.
func (e *Engine) Tally() *sim.Tally { return e.t }

// Aggregation returns the baseline aggregation of the engine's tally.
func (e *Engine) Aggregation() *sim.Aggregation { return e.agg }

// result returns the baseline result of region r, nation for r == nr or r < 0.
func (e *Engine) result(r int) sim.Result {
	if r < 0 || r >= e.nr {
		return e.agg.Nation
	}
	return e.agg.Result(r)
}

// Run computes the outcome of sc on the engine's tally.
func (e *Engine) Run(sc Scenario) (*Outcome, error) {
	o := new(Outcome)
	if err := e.Apply(sc, o); err != nil {
		return nil, err
	}
	return o, nil
}

// Run computes the outcome of sc on t; it is New followed by Engine.Run.
// Build an Engine once when running many scenarios on one tally.
//
// When sc.Counted is set, the outcome is about that claim (see TallyFor).
func Run(t *sim.Tally, sc Scenario) (*Outcome, error) {
	t, err := TallyFor(t, sc)
	if err != nil {
		return nil, err
	}
	e, err := New(t)
	if err != nil {
		return nil, err
	}
	return e.Run(sc)
}

// Apply computes the outcome of sc into o, reusing o's slices, so that a
// user interface can recompute on every slider step without allocating.
func (e *Engine) Apply(sc Scenario, o *Outcome) error {
	if err := sc.check(); err != nil {
		return err
	}
	rs, err := e.resolve(&sc)
	if err != nil {
		return err
	}
	o.reset(e, sc)
	o.Level = rs.level
	e.countedPass(rs, o)
	if err := e.imputePass(rs, o); err != nil {
		return err
	}
	o.finish(e)
	return nil
}

// FindRegion returns the index of the region at the named level whose key
// or name is region (case- and accent-insensitive; a unique part of a name
// is enough).
func (e *Engine) FindRegion(level, region string) (int, error) {
	t := e.t
	l, err := t.LevelIndex(level)
	if err != nil {
		return -1, fmt.Errorf("%w: %w", ErrScenario, err)
	}
	if l < 0 || l >= len(t.Levels) {
		return -1, fmt.Errorf("%w: %q is not a region level", ErrScenario, level)
	}
	q := sim.Fold(region)
	ids := e.agg.Level(l)
	for _, r := range ids {
		if sim.Fold(t.Regions[r].Key) == q || sim.Fold(t.Regions[r].Name) == q {
			return r, nil
		}
	}
	found := -1
	for _, r := range ids {
		if q != "" && containsFold(t.Regions[r].Name, q) {
			if found >= 0 {
				return -1, fmt.Errorf("%w: %q matches both %s and %s", ErrScenario, region, t.Regions[found].Name, t.Regions[r].Name)
			}
			found = r
		}
	}
	if found < 0 {
		return -1, fmt.Errorf("%w: no %s named %q", ErrScenario, t.Levels[l], region)
	}
	return found, nil
}

func containsFold(s, q string) bool {
	f := sim.Fold(s)
	for i := 0; i+len(q) <= len(f); i++ {
		if f[i:i+len(q)] == q {
			return true
		}
	}
	return false
}

// within reports whether region r is region a or inside it.
func (e *Engine) within(r, a int) bool {
	if a < 0 {
		return true
	}
	if r >= e.nr {
		return false
	}
	return e.t.Ancestor(r, e.depth[a]) == a
}

// countedPass fills o's counted votes per region and nation, applying the
// turnout change and the swings to every unit.
func (e *Engine) countedPass(rs *resolved, o *Outcome) {
	nc, nr := e.nc, e.nr
	if len(rs.swings) == 0 && !rs.turn.active {
		copy(o.regCounted, e.regCounted)
		copy(o.Counted, e.natCounted)
		copy(o.validRE, e.validRE)
		return
	}
	clear(o.regCounted)
	clear(o.Counted)
	clear(o.validRE)
	shares := o.scratchF[:nc]
	out := o.scratchI[:nc]
	for i := range e.t.Units {
		u := &e.t.Units[i]
		r := e.unitRegion[i]
		newValid, changed, clamped, skipped := e.adjustUnit(rs, i, shares, out, o.natShares)
		if clamped {
			o.Clamped += u.Size()
		}
		if skipped {
			o.TurnoutSkipped += u.Size()
		}
		if rs.turn.active && rs.turn.factor > 1 && u.Registered == sim.Unknown && (rs.turn.region < 0 || e.within(r, rs.turn.region)) {
			o.TurnoutUncapped += u.Size()
		}
		if u.Registered != sim.Unknown {
			o.validRE[r] += newValid
		}
		votes := u.Votes
		if changed {
			votes = out
		}
		base := r * nc
		if r < nr {
			reg := o.regCounted[base : base+nc]
			for c, v := range votes {
				reg[c] += v
			}
		}
		for c, v := range votes {
			o.Counted[c] += v
		}
	}
	for r := nr - 1; r >= 0; r-- {
		p := e.t.Regions[r].Parent
		if p < 0 {
			p = nr
		}
		o.validRE[p] += o.validRE[r]
		if p < nr {
			for c := 0; c < nc; c++ {
				o.regCounted[p*nc+c] += o.regCounted[r*nc+c]
			}
		}
	}
}

// adjustUnit applies the turnout change and the swings to unit i. When
// changed is true, out holds the new votes; otherwise the unit's votes
// stand. shares is scratch space.
func (e *Engine) adjustUnit(rs *resolved, i int, shares []float64, out []int64, nat []float64) (newValid int64, changed, clamped, skipped bool) {
	newValid, changed, clamped, skipped = e.adjustShares(rs, i, shares, nat)
	if changed {
		cumRound(newValid, shares, out)
	}
	return newValid, changed, clamped, skipped
}

// adjustShares applies the turnout change and the swings to unit i. When
// changed is true, the unit's new valid votes split by shares; otherwise
// its votes stand.
func (e *Engine) adjustShares(rs *resolved, i int, shares []float64, nat []float64) (newValid int64, changed, clamped, skipped bool) {
	u := &e.t.Units[i]
	r := e.unitRegion[i]
	valid := e.unitValid[i]
	newValid = valid
	if rs.turn.active && (rs.turn.region < 0 || e.within(r, rs.turn.region)) {
		v := float64(valid) * rs.turn.factor
		if u.Registered != sim.Unknown {
			v += rs.turn.pp / 100 * float64(u.Registered)
			limit := float64(u.Registered)
			if u.Null > 0 {
				limit -= float64(u.Null)
			}
			if u.Blank > 0 {
				limit -= float64(u.Blank)
			}
			if v > limit {
				v, clamped = limit, true
			}
		} else if rs.turn.pp != 0 {
			skipped = true
		}
		if v < 0 {
			v, clamped = 0, true
		}
		newValid = int64(math.Round(v))
	}
	changed = newValid != valid
	swung := false
	for k := range rs.swings {
		w := &rs.swings[k]
		if w.region >= 0 && !e.within(r, w.region) {
			continue
		}
		if newValid == 0 {
			continue
		}
		if !swung {
			swung = true
			if valid > 0 {
				copy(shares, rs.unitShares[i*len(shares):(i+1)*len(shares)])
			} else {
				copy(shares, nat)
			}
		}
		if swingShares(shares, w, nat) {
			clamped = true
		}
	}
	if !swung && !changed {
		return newValid, false, clamped, skipped
	}
	if !swung {
		if valid > 0 {
			inv := 1 / float64(valid)
			for c, v := range u.Votes {
				shares[c] = float64(v) * inv
			}
		} else {
			copy(shares, nat)
		}
	}
	return newValid, true, clamped, skipped
}

// swingShares applies one swing to a unit's shares (which add up to 1, or
// are all zero) and reports whether it was clamped.
func swingShares(s []float64, w *rswing, nat []float64) bool {
	a := w.cand
	old := s[a]
	var want float64
	if w.kind == Proportional {
		want = old * w.factor
	} else {
		want = old + w.pp/100
	}
	clamped := false
	if want > 1 {
		want, clamped = 1, true
	}
	if want < 0 {
		want, clamped = 0, true
	}
	d := want - old
	if w.from >= 0 {
		f := w.from
		if d > s[f] {
			d, clamped = s[f], true
		}
		s[a] += d
		s[f] -= d
		if s[f] < 0 {
			s[f] = 0
		}
		return clamped
	}
	others := 1 - old
	if others <= 1e-12 {
		if d >= 0 {
			return clamped
		}
		// Nobody else has votes here: give the points to the others in
		// proportion to their national shares.
		var sum float64
		for c, v := range nat {
			if c != a {
				sum += v
			}
		}
		if sum <= 0 {
			return true
		}
		s[a] = want
		for c, v := range nat {
			if c != a {
				s[c] = -d * v / sum
			}
		}
		return clamped
	}
	k := (others - d) / others
	for c := range s {
		if c != a {
			s[c] *= k
		}
	}
	s[a] = want
	return clamped
}

// cumRound splits total votes by shares (non-negative) by cumulative
// rounding: candidate c gets round(total·S_c) − round(total·S_{c−1}), S
// the running sum of the normalised shares. The parts add up to total,
// none is negative, each is within one vote of its exact value, and it
// costs no sorting, so that a swing over 25,000 units stays within a
// frame.
func cumRound(total int64, shares []float64, out []int64) {
	var sum float64
	for _, s := range shares {
		sum += s
	}
	if sum <= 0 || total <= 0 {
		clear(out)
		return
	}
	k := float64(total) / sum
	var acc float64
	var prev int64
	last := len(shares) - 1
	for c, s := range shares {
		acc += s
		cur := total
		if c < last {
			// acc·k ≥ 0, so adding a half and truncating rounds it.
			cur = min(int64(float64(acc*k)+0.5), total)
		}
		out[c] = cur - prev
		prev = cur
	}
}

// roundShares splits total votes by shares (non-negative, adding up to 1
// or 0) with the largest-remainder rule, ties to the lower index.
func roundShares(total int64, shares []float64, out []int64) {
	var sum float64
	for _, s := range shares {
		sum += s
	}
	if sum <= 0 || total <= 0 {
		clear(out)
		return
	}
	var buf [32]float64
	rem := buf[:0]
	if len(shares) > len(buf) {
		rem = make([]float64, 0, len(shares))
	}
	var given int64
	ft := float64(total)
	for c, s := range shares {
		x := ft * s / sum
		v := int64(math.Floor(x))
		out[c] = v
		given += v
		rem = append(rem, x-float64(v))
	}
	for left := total - given; left < 0; left++ {
		// Rounding error gave one vote too many: take it back from the
		// smallest remainder that has a vote.
		worst := -1
		for c, r := range rem {
			if out[c] > 0 && (worst < 0 || r < rem[worst]) {
				worst = c
			}
		}
		out[worst]--
		rem[worst] = 2
	}
	for left := total - given; left > 0; left-- {
		best := 0
		for c, r := range rem {
			if r > rem[best] {
				best = c
			}
		}
		out[best]++
		rem[best] = -1
	}
}

// AdjustUnits returns every counted unit's votes after sc's turnout change
// and swings, in tally order (units that do not change share the tally's
// slices; do not modify them).
func (e *Engine) AdjustUnits(sc Scenario) ([][]int64, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	rs, err := e.resolve(&sc)
	if err != nil {
		return nil, err
	}
	nat := make([]float64, e.nc)
	for c := range nat {
		nat[c] = e.agg.Nation.Share(c, sim.OfValid)
	}
	shares := make([]float64, e.nc)
	out := make([][]int64, len(e.t.Units))
	buf := make([]int64, e.nc)
	for i := range e.t.Units {
		if _, changed, _, _ := e.adjustUnit(rs, i, shares, buf, nat); changed {
			out[i] = append([]int64(nil), buf...)
		} else {
			out[i] = e.t.Units[i].Votes
		}
	}
	return out, nil
}
