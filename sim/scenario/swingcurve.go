package scenario

import (
	"sort"

	"github.com/tallyscope/tallyscope/sim"
)

// SwingCurve is how many units (seats) each of two candidates wins as a
// uniform swing moves points of the valid vote from B to A (negative:
// from A to B) in every unit.
//
// The swing is the uniform rule with Swing.From set: in each unit A's
// share rises by the swing and B's falls by as much, never below zero;
// the other candidates keep their votes. Each unit is one seat, won by
// the candidate with the most votes after the swing (ties: the candidate
// listed first in the tally, as sim.Totals.Leader).
type SwingCurve struct {
	A, B int
	// Units is the number of units with valid votes (the seats).
	Units int64
	// Swings are the swings in points, from −max to +max by step; WonA,
	// WonB and WonOther the units won at each swing.
	Swings               []float64
	WonA, WonB, WonOther []int64
	// Flip is the swing, on the Swings grid nearest zero, at which the
	// candidate with more units changes; HasFlip is false when no swing
	// on the grid changes it.
	Flip    float64
	HasFlip bool
}

// NewSwingCurve computes the curve of candidates a and b on the grid of
// swings from −max to +max points by step. A tally without valid votes
// gives a curve of zero Units.
func NewSwingCurve(t *sim.Tally, a, b int, max, step float64) *SwingCurve {
	d := &SwingCurve{A: a, B: b}
	type unit struct {
		a, b float64
		// other is the largest share of any other candidate;
		// otherBeforeA and otherBeforeB report whether that candidate is
		// listed before A (or B) and so wins a tie against it.
		other                      float64
		otherBeforeA, otherBeforeB bool
	}
	us := make([]unit, 0, len(t.Units))
	for i := range t.Units {
		u := &t.Units[i]
		v := u.Valid()
		if v <= 0 {
			continue
		}
		x := unit{a: float64(u.Votes[a]) / float64(v), b: float64(u.Votes[b]) / float64(v), other: -1}
		oi := -1
		for c, n := range u.Votes {
			if c == a || c == b {
				continue
			}
			if s := float64(n) / float64(v); s > x.other {
				x.other, oi = s, c
			}
		}
		x.otherBeforeA, x.otherBeforeB = oi >= 0 && oi < a, oi >= 0 && oi < b
		us = append(us, x)
	}
	d.Units = int64(len(us))
	if d.Units == 0 {
		return d
	}
	beats := func(x float64, xFirst bool, y float64) bool { return x > y || x == y && xFirst }
	n := int(2*max/step) + 1
	swing := func(k int) float64 { return -max + float64(k)*step }
	// winner returns who wins unit u at grid point k: 0 for A, 1 for B,
	// 2 for someone else.
	winner := func(u *unit, k int) int {
		s := swing(k)
		sa, sb := u.a, u.b
		if s >= 0 {
			x := min(s/100, sb)
			sa, sb = sa+x, sb-x
		} else {
			x := min(-s/100, sa)
			sa, sb = sa-x, sb+x
		}
		switch {
		case beats(sa, a < b, sb) && beats(sa, !u.otherBeforeA, u.other):
			return 0
		case beats(sb, b < a, sa) && beats(sb, !u.otherBeforeB, u.other):
			return 1
		}
		return 2
	}
	// A's share only grows and B's only shrinks as the swing grows, so
	// in each unit A wins from some grid point on and B up to some grid
	// point: two binary searches per unit, then running sums.
	startA := make([]int64, n+1)
	endB := make([]int64, n+1)
	for i := range us {
		u := &us[i]
		startA[sort.Search(n, func(k int) bool { return winner(u, k) == 0 })]++
		endB[sort.Search(n, func(k int) bool { return winner(u, k) != 1 })]++
	}
	var wonA, lostB int64
	for k := 0; k < n; k++ {
		wonA += startA[k]
		lostB += endB[k]
		wb := d.Units - lostB
		d.Swings = append(d.Swings, swing(k))
		d.WonA, d.WonB, d.WonOther = append(d.WonA, wonA), append(d.WonB, wb), append(d.WonOther, d.Units-wonA-wb)
	}
	d.findFlip()
	return d
}

// findFlip finds the swing nearest zero where the sign of WonA − WonB
// differs from its sign at zero.
func (d *SwingCurve) findFlip() {
	n := len(d.Swings)
	zero := n / 2
	sign := func(k int) int {
		switch {
		case d.WonA[k] > d.WonB[k]:
			return 1
		case d.WonA[k] < d.WonB[k]:
			return -1
		}
		return 0
	}
	s0 := sign(zero)
	for off := 1; off <= zero && !d.HasFlip; off++ {
		for _, k := range []int{zero - off, zero + off} {
			if k >= 0 && k < n && sign(k) != s0 && sign(k) != 0 {
				d.Flip, d.HasFlip = d.Swings[k], true
				break
			}
		}
	}
}
